//! Importing today's helpdesk configuration: hand-written files in Zendesk's and Freshdesk's
//! documented shapes (with unknown fields, missing optional fields and conditions a plan cannot
//! express), the report of what did not map, the audit the rules make of it, and the round trip
//! from this app's own exports back to the plan.
//!
//! The fixtures in tests/fixtures/helpdesk/ follow the vendors' API references: Zendesk "SLA
//! Policies", "Schedules", "Holidays" and "Groups"; Freshdesk API v2 "SLA Policies", "Business
//! Hours" and "Groups" (see the `//!` of src/import/zendesk.rs and freshdesk.rs).

use std::path::PathBuf;

use support_ops::import::{import, Content, Helpdesk, Imported, ReportLine, SourceFile};
use support_ops::plan::{
    Calendar, Channel, ChannelKind, ClockTime, Date, EscalationRule, EscalationStart, Holiday,
    MetricTarget, Plan, PolicyScope, Priority, SlaMetric, SlaPolicy, SlaTarget, Target, Weekday,
    WeeklyInterval, ALWAYS_OPEN,
};
use support_ops::render::helpdesk::{freshdesk, zendesk};
use support_ops::render::hours_in_words;
use support_ops::rules::{check, Finding, Severity};

fn fixture(helpdesk: &str, name: &str) -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/helpdesk")
        .join(helpdesk)
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// Imports the named fixtures of one helpdesk, in the order given.
fn import_fixtures(helpdesk: &str, names: &[&str]) -> Imported {
    let texts: Vec<(String, String)> = names
        .iter()
        .map(|name| (name.to_string(), fixture(helpdesk, name)))
        .collect();
    let files: Vec<SourceFile> = texts
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    import(&files).unwrap_or_else(|error| panic!("import failed: {error}"))
}

fn zendesk_fixtures() -> Imported {
    import_fixtures(
        "zendesk",
        &[
            "sla_policies.json",
            "schedules.json",
            "holidays.json",
            "groups.json",
        ],
    )
}

fn freshdesk_fixtures() -> Imported {
    import_fixtures(
        "freshdesk",
        &["sla_policies.json", "business_hours.json", "groups.json"],
    )
}

/// The report line about `path` in `file`; fails listing the whole report when there is none.
fn reported<'a>(imported: &'a Imported, file: &str, path: &str) -> &'a ReportLine {
    imported
        .report
        .iter()
        .find(|line| line.file == file && line.path == path)
        .unwrap_or_else(|| panic!("nothing reported at {file} {path}:\n{:#?}", imported.report))
}

fn policy<'a>(plan: &'a Plan, name: &str) -> &'a SlaPolicy {
    plan.policy(name)
        .unwrap_or_else(|| panic!("no policy {name} in {:#?}", plan.sla))
}

/// A target as "15 min on 24/7", "No target".
fn target(plan: &Plan, policy_name: &str, priority: &str, metric: SlaMetric) -> String {
    let Some(row) = policy(plan, policy_name).target_for(priority) else {
        return "no row".to_string();
    };
    let target = row.metric(metric);
    match target.target {
        Target::Within(within) => format!("{} on {}", within.in_words(), target.calendar),
        other => other.in_words_on(None),
    }
}

fn finding<'a>(findings: &'a [Finding], rule: &str, path: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.rule == rule && f.path == path)
        .unwrap_or_else(|| panic!("expected {rule} at {path}; findings: {findings:#?}"))
}

#[test]
fn each_file_is_told_apart_by_its_shape() {
    let imported = zendesk_fixtures();
    assert_eq!(imported.helpdesk, Helpdesk::Zendesk);
    let described: Vec<String> = imported
        .files
        .iter()
        .map(|f| format!("{}: {}", f.file, f.describe()))
        .collect();
    assert_eq!(
        described,
        [
            "sla_policies.json: Zendesk: 3 SLA policies",
            "schedules.json: Zendesk: 2 schedules",
            "holidays.json: Zendesk: 4 holidays",
            "groups.json: Zendesk: 4 groups",
        ]
    );
    // Names do not matter: the same files under other names, in another order, read the same.
    let renamed = [
        ("b.json", fixture("zendesk", "groups.json")),
        ("a.json", fixture("zendesk", "sla_policies.json")),
    ];
    let files: Vec<SourceFile> = renamed
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let imported = import(&files).expect("imports");
    assert_eq!(imported.files[0].holds, vec![(Content::Groups, 4)]);
    assert_eq!(imported.files[1].holds, vec![(Content::SlaPolicies, 3)]);

    let imported = freshdesk_fixtures();
    assert_eq!(imported.helpdesk, Helpdesk::Freshdesk);
    let holds: Vec<Vec<(Content, usize)>> =
        imported.files.iter().map(|f| f.holds.clone()).collect();
    assert_eq!(
        holds,
        [
            vec![(Content::SlaPolicies, 4)],
            vec![(Content::BusinessHours, 2)],
            vec![(Content::Groups, 3)],
        ]
    );
}

#[test]
fn zendesk_schedules_holidays_and_groups_become_calendars_and_tiers() {
    let plan = zendesk_fixtures().plan;
    let names: Vec<&str> = plan.calendars.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["US Support", "EMEA Support"]);
    // Rails zone names back to IANA; Monday 09:00 is 1980 minutes after Sunday 00:00.
    assert_eq!(
        hours_in_words(&plan, "US Support"),
        "Mon–Fri 09:00–17:00 America/New_York"
    );
    // The interval that ends before it starts is left out (and reported, below).
    assert_eq!(
        hours_in_words(&plan, "EMEA Support"),
        "Mon–Fri 08:00–16:00 Europe/London"
    );
    // A holidays list says not whose it is: it goes to the first schedule. Thanksgiving spans two
    // days; New Year's Day has no end date (optional) and is one day.
    let holidays: Vec<String> = plan.calendars[0]
        .holidays
        .iter()
        .map(|h| format!("{} {}", h.date, h.name))
        .collect();
    assert_eq!(
        holidays,
        [
            "2026-11-26 Thanksgiving",
            "2026-11-27 Thanksgiving",
            "2026-12-25 Christmas Day",
            "2027-01-01 New Year's Day",
        ]
    );
    assert!(plan.calendars[1].holidays.is_empty());
    assert_eq!(plan.header.time_zone, "America/New_York");
    // Groups are tiers on the default schedule; a deleted group is not.
    let tiers: Vec<(&str, &str, &str)> = plan
        .tiers
        .iter()
        .map(|t| (t.name.as_str(), t.handles.as_str(), t.hours.as_str()))
        .collect();
    assert_eq!(
        tiers,
        [
            ("Tier 1", "Front line: every new ticket", "US Support"),
            ("Tier 2", "Product specialists", "US Support"),
            ("Billing", "", "US Support"),
        ]
    );
    let priorities: Vec<&str> = plan.priorities.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(priorities, ["Urgent", "High", "Normal", "Low"]);
}

#[test]
fn zendesk_policies_keep_their_order_filters_and_targets() {
    let plan = zendesk_fixtures().plan;
    let order: Vec<&str> = plan.sla.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(order, ["Enterprise", "Standard", "Premium"]);
    assert_eq!(
        policy(&plan, "Enterprise").applies_to.segments,
        ["enterprise"]
    );
    assert!(policy(&plan, "Standard").applies_to.is_everyone());
    // `includes "premium premium_plus"` is either tag; the `any` list of two channels (a via
    // type and a via id, 4 = mail) is either channel; the ticket-form condition is left out.
    let premium = &policy(&plan, "Premium").applies_to;
    assert_eq!(premium.segments, ["premium", "premium_plus"]);
    assert_eq!(premium.channels, ["Phone", "Email"]);
    assert!(premium.organizations.is_empty());
    let kinds: Vec<(&str, ChannelKind)> = plan
        .channels
        .iter()
        .map(|c| (c.name.as_str(), c.kind))
        .collect();
    assert_eq!(
        kinds,
        [("Phone", ChannelKind::Phone), ("Email", ChannelKind::Email)]
    );
    // Minutes in the unit people write, on 24/7 or the default schedule.
    let t = |policy: &str, priority: &str, metric| target(&plan, policy, priority, metric);
    assert_eq!(
        t("Enterprise", "Urgent", SlaMetric::FirstResponse),
        "15 min on 24/7"
    );
    assert_eq!(
        t("Enterprise", "Urgent", SlaMetric::PeriodicUpdate),
        "1 hour on 24/7"
    );
    assert_eq!(
        t("Enterprise", "Urgent", SlaMetric::Resolution),
        "4 hours on 24/7"
    );
    assert_eq!(
        t("Enterprise", "High", SlaMetric::Resolution),
        "16 hours on US Support"
    );
    assert_eq!(t("Enterprise", "Low", SlaMetric::Resolution), "No target");
    assert_eq!(
        t("Standard", "Urgent", SlaMetric::Resolution),
        "8 hours on US Support"
    );
    // agent_work_time is not a plan metric: Standard Normal keeps only what maps.
    assert_eq!(
        t("Standard", "Normal", SlaMetric::Resolution),
        "40 hours on US Support"
    );
    // A metric with no business_hours (optional in a hand-written file) counts calendar time.
    assert_eq!(
        t("Premium", "Low", SlaMetric::FirstResponse),
        "16 hours on 24/7"
    );
}

#[test]
fn zendesk_report_names_each_item_it_could_not_map_by_its_path() {
    let imported = zendesk_fixtures();
    let says = |file: &str, path: &str, words: &str| {
        let line = reported(&imported, file, path);
        assert!(line.message.contains(words), "{line}");
    };
    says(
        "sla_policies.json",
        "sla_policies[2].filter.all[1]",
        "The condition on `ticket_form_id` is not something a plan can express",
    );
    says(
        "sla_policies.json",
        "sla_policies[1].policy_metrics[6].metric",
        "Agent work time",
    );
    says(
        "sla_policies.json",
        "sla_policies[2].policy_metrics[4].metric",
        "Pausable update time",
    );
    says(
        "sla_policies.json",
        "sla_policies[2].policy_metrics[5].business_hours",
        "read as calendar hours",
    );
    says("schedules.json", "schedules[1].intervals[5]", "left out");
    says(
        "holidays.json",
        "holidays[3].start_date",
        "\"Company offsite\"",
    );
    says(
        "holidays.json",
        "holidays",
        "added to the first schedule, \"US Support\"",
    );
    says("groups.json", "groups[3]", "deleted in Zendesk");
    says("groups.json", "next_page", "one page of a longer list");
    // Unknown fields (url, created_at, experimental_flags) are neither errors nor report lines.
    assert!(
        imported
            .report
            .iter()
            .all(|l| !l.message.contains("experimental_flags")),
        "{:#?}",
        imported.report
    );
    // Every line names its file and path, except the few about the import as a whole.
    let whole: Vec<&ReportLine> = imported
        .report
        .iter()
        .filter(|l| l.file.is_empty())
        .collect();
    assert_eq!(whole.len(), 3, "{whole:#?}");
}

/// What a support lead running this Zendesk account should hear first, read from the fixture:
/// - "Standard" has no filter and sits at position 2, so Zendesk gives every ticket that is
///   not Enterprise the Standard targets: the Premium policy at position 3 never applies
///   (SLA-013). This is the classic Zendesk ordering mistake.
/// - In Standard, High waits 8 business hours for a first reply but Normal only 4 (SLA-003).
/// - In Premium, Normal is due to be resolved (4 business hours) before its first reply is due
///   (8 business hours) (SLA-002): one of the two numbers is a typo.
/// - Urgent first replies run on a 24/7 clock, but the only staffed hours are the US weekday
///   schedule, so over a weekend (64 hours from Friday 17:00) every urgent ticket breaches
///   (SLA-012).
#[test]
fn a_zendesk_import_is_audited_by_the_rules() {
    let plan = zendesk_fixtures().plan;
    let findings = check(&plan);
    let hides = finding(&findings, "SLA-013", "sla[1].applies_to.segments");
    assert_eq!(
        hides.message,
        "The SLA policy \"Standard\" applies to everyone, so \"Premium\" after it never applies."
    );
    assert_eq!(hides.severity, Severity::Error);
    let slower = finding(
        &findings,
        "SLA-003",
        "sla[1].targets[1].first_response.target",
    );
    assert_eq!(
        slower.message,
        "Standard High first response (8 business hours) is slower than Normal's (4 business hours)."
    );
    let before = finding(&findings, "SLA-002", "sla[2].targets[2].resolution.target");
    assert_eq!(
        before.message,
        "Premium Normal resolution (4 business hours) is shorter than its first response (8 business hours)."
    );
    let weekend = finding(
        &findings,
        "SLA-012",
        "sla[1].targets[0].first_response.calendar",
    );
    assert!(
        weekend
            .message
            .contains("no channel is staffed for up to 64 hours at a stretch, e.g. from Fri 17:00"),
        "{}",
        weekend.message
    );
    // The import is consistent in itself: every name it writes resolves.
    for rule in [
        "SLA-005", "SLA-008", "SLA-015", "CHN-004", "TIER-002", "CAL-001", "CAL-002",
    ] {
        assert!(
            findings.iter().all(|f| f.rule != rule),
            "{rule}: {findings:#?}"
        );
    }
    assert!(
        findings.iter().all(|f| !f.rule.starts_with("NAME-")),
        "{findings:#?}"
    );
}

#[test]
fn freshdesk_business_hours_and_groups_become_calendars_and_tiers() {
    let imported = freshdesk_fixtures();
    let plan = &imported.plan;
    // Two calendars called "Default": the second is renamed, and reported.
    let names: Vec<&str> = plan.calendars.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Default", "Default (2)"]);
    assert_eq!(
        hours_in_words(plan, "Default"),
        "Mon–Fri 08:00–17:00 America/New_York"
    );
    assert_eq!(
        hours_in_words(plan, "Default (2)"),
        "Mon–Fri 09:00–18:00, Sat 10:00–14:00 Europe/London"
    );
    let holidays: Vec<String> = plan.calendars[0]
        .holidays
        .iter()
        .map(|h| {
            format!(
                "{}-{} {} yearly={}",
                h.date.month, h.date.day, h.name, h.yearly
            )
        })
        .collect();
    assert_eq!(
        holidays,
        [
            "7-4 Independence Day yearly=true",
            "12-25 Christmas Day yearly=true"
        ]
    );
    // Groups work their own business hours; one pointing at hours not imported gets the default.
    let tiers: Vec<(&str, &str)> = plan
        .tiers
        .iter()
        .map(|t| (t.name.as_str(), t.hours.as_str()))
        .collect();
    assert_eq!(
        tiers,
        [
            ("Support", "Default"),
            ("EMEA Support", "Default (2)"),
            ("Billing", "Default")
        ]
    );
    let priorities: Vec<&str> = plan.priorities.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(priorities, ["Urgent", "High", "Medium", "Low"]);
    reported(&imported, "business_hours.json", "[1].name");
    reported(
        &imported,
        "business_hours.json",
        "[0].list_of_holidays[2].holiday_date",
    );
    reported(&imported, "groups.json", "[2].business_hour_id");
    let escalation = reported(&imported, "groups.json", "[0].unassigned_for");
    assert!(
        escalation.message.contains("left unassigned for 30m"),
        "{escalation}"
    );
}

#[test]
fn freshdesk_policies_targets_and_escalations_map_onto_the_plan() {
    let imported = freshdesk_fixtures();
    let plan = &imported.plan;
    // Freshdesk's default policy is matched last, whatever its position; the switched-off one
    // is not in force and not imported.
    let order: Vec<&str> = plan.sla.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(
        order,
        ["Gold customers", "Chat incidents", "Default SLA Policy"]
    );
    assert!(policy(plan, "Default SLA Policy").applies_to.is_everyone());
    let gold = &policy(plan, "Gold customers").applies_to;
    assert_eq!(gold.organizations, ["43000596607", "43000596611"]);
    assert_eq!(gold.channels, ["Email", "Chat"]);
    assert_eq!(policy(plan, "Chat incidents").applies_to.channels, ["Chat"]);
    // Seconds to minutes, on 24/7 or the default business hours.
    let t = |policy: &str, priority: &str, metric| target(plan, policy, priority, metric);
    assert_eq!(
        t("Default SLA Policy", "Urgent", SlaMetric::FirstResponse),
        "1 hour on 24/7"
    );
    assert_eq!(
        t("Default SLA Policy", "Medium", SlaMetric::Resolution),
        "48 hours on Default"
    );
    assert_eq!(
        t("Gold customers", "Urgent", SlaMetric::Resolution),
        "10 min on 24/7"
    );
    // 7230 seconds is not whole minutes: rounded up to 121 minutes, and reported.
    assert_eq!(
        t("Chat incidents", "Low", SlaMetric::FirstResponse),
        "121 min on Default"
    );
    reported(
        &imported,
        "sla_policies.json",
        "[3].sla_target.priority_1.respond_within",
    );
    // The default policy's ladder, switched on for every priority: each priority gets a late
    // first response after 30 min and two resolution levels, 1 and 4 hours after the breach.
    let ladder: Vec<String> = plan
        .escalation
        .rules
        .iter()
        .filter(|r| r.priority.as_deref() == Some("Urgent"))
        .map(|r| {
            format!(
                "{} {} after the breach to {:?}",
                r.metric.label(),
                r.timeframe.in_words(),
                r.escalate_to
            )
        })
        .collect();
    assert_eq!(
        ladder,
        [
            "first response 30 min after the breach to \"Agent 43007075231\"",
            "resolution 1 hour after the breach to \"Agents 43007075231 and 43025266165\"",
            "resolution 4 hours after the breach to \"\"",
        ]
    );
    assert_eq!(
        plan.escalation.rules.len(),
        12,
        "three steps for each of four priorities"
    );
    assert!(plan
        .escalation
        .rules
        .iter()
        .all(|r| r.measured_from == EscalationStart::Breach
            && r.policy.as_deref() == Some("Default SLA Policy")));
}

#[test]
fn freshdesk_report_names_each_item_it_could_not_map_by_its_path() {
    let imported = freshdesk_fixtures();
    let says = |path: &str, words: &str| {
        let line = reported(&imported, "sla_policies.json", path);
        assert!(line.message.contains(words), "{line}");
    };
    says("[1].applicable_to.group_ids", "applies only to some groups");
    says("[1].applicable_to.company_ids", "imported by id");
    says(
        "[1].sla_target.priority_1.reminder_response",
        "\"reminder_response\" is not a target",
    );
    says("[2].active", "switched off in Freshdesk");
    says("[3].applicable_to.sources[1]", "Ticket source 12");
    says("[3].applicable_to.ticket_types", "ticket types");
    says(
        "[0].escalation.resolution.level_2.agent_ids",
        "escalates to nobody",
    );
}

/// What a support lead running this Freshdesk account should hear first, read from the fixture:
/// - Gold customers' Urgent tickets are due to be resolved in 10 minutes but answered in 15
///   (SLA-002): resolve_within 600 and respond_within 900 are swapped.
/// - The default policy's second resolution escalation goes to no agent (ESC-007): it fires
///   and nobody hears.
/// - Urgent first replies run on 24/7 but every channel works the US weekday hours (SLA-012).
/// - And not SLA-013: Freshdesk applies its default policy last, so the import puts it last
///   although its `position` is 1.
#[test]
fn a_freshdesk_import_is_audited_by_the_rules() {
    let plan = freshdesk_fixtures().plan;
    let findings = check(&plan);
    let swapped = finding(&findings, "SLA-002", "sla[0].targets[0].resolution.target");
    assert_eq!(
        swapped.message,
        "Gold customers Urgent resolution (10 min) is shorter than its first response (15 min)."
    );
    let nobody = finding(&findings, "ESC-007", "escalation.rules[8].escalate_to");
    assert!(
        nobody.message.contains("Urgent resolution late, level 2"),
        "{}",
        nobody.message
    );
    let weekend = finding(
        &findings,
        "SLA-012",
        "sla[2].targets[0].first_response.calendar",
    );
    assert!(weekend
        .message
        .starts_with("Default SLA Policy Urgent first response (1 hour)"));
    for rule in [
        "SLA-013", "SLA-005", "SLA-008", "ESC-003", "ESC-012", "ESC-013", "TIER-002",
    ] {
        assert!(
            findings.iter().all(|f| f.rule != rule),
            "{rule}: {findings:#?}"
        );
    }
}

#[test]
fn missing_optional_fields_take_the_helpdesks_defaults() {
    // A single policy as GET /slas/policies/{id} returns it, without description, position,
    // filter or business_hours.
    let text = r#"{"sla_policy": {"title": "Only", "policy_metrics": [
        {"priority": "high", "metric": "first_reply_time", "target": 90}]}}"#;
    let imported = import(&[SourceFile {
        name: "one.json",
        text,
    }])
    .expect("imports");
    let only = policy(&imported.plan, "Only");
    assert!(only.applies_to.is_everyone() && only.description.is_empty());
    assert_eq!(
        target(&imported.plan, "Only", "High", SlaMetric::FirstResponse),
        "90 min on 24/7"
    );
    reported(
        &imported,
        "one.json",
        "sla_policy.policy_metrics[0].business_hours",
    );
    // A Freshdesk policy on business hours without a business-hours file names a calendar
    // the plan does not define, and the report says to import the hours too.
    let freshdesk_text = r#"[{"name": "Std", "sla_target": {"priority_2": {"respond_within": 3600,
        "resolve_within": 86400, "business_hours": true}}}]"#;
    let imported = import(&[SourceFile {
        name: "f.json",
        text: freshdesk_text,
    }])
    .expect("imports");
    assert_eq!(
        target(&imported.plan, "Std", "Medium", SlaMetric::FirstResponse),
        "1 hour on Business hours"
    );
    assert!(imported.report.iter().any(|l| l
        .message
        .contains("Import the business hours (GET /api/v2/business_hours) too")));
}

#[test]
fn an_api_page_with_a_failed_request_stops_the_import_with_its_message() {
    let text = r#"{"description": "Validation failed", "errors": [{"field": "per_page"}]}"#;
    let error = import(&[SourceFile {
        name: "x.json",
        text,
    }])
    .expect_err("an API error");
    assert!(
        error.to_string().contains("\"Validation failed\""),
        "{error}"
    );
}

// ---- Round trip: what the exports write, the import reads back. ----

/// An export's body, imported as the one file it is.
fn import_export(name: &str, body: &str) -> Imported {
    import(&[SourceFile { name, text: body }]).unwrap_or_else(|error| panic!("{name}: {error}"))
}

/// What both a plan and a helpdesk can hold, as lines to compare (readable when they differ).
/// Targets are compared by their length on their clock (open minutes) and which clock, since a
/// helpdesk keeps minutes, not the unit a person typed (`2bd` on an 8-hour office is 960
/// business minutes and comes back as `16h`).
fn facts(plan: &Plan, with: &[Fact]) -> Vec<String> {
    let mut lines = Vec::new();
    let priorities: Vec<&str> = plan.priorities.iter().map(|p| p.name.as_str()).collect();
    lines.push(format!("priorities {}", priorities.join(", ")));
    if with.contains(&Fact::Calendars) {
        for calendar in plan.calendars.iter().filter(|c| !c.is_always_open()) {
            let mut holidays: Vec<String> = calendar
                .holidays
                .iter()
                .map(|h| format!("{} {}", h.date, h.name))
                .collect();
            holidays.sort();
            lines.push(format!(
                "calendar {} in {}: open {:?}; closed {holidays:?}",
                calendar.name,
                calendar.time_zone,
                calendar.weekly_spans()
            ));
        }
    }
    for (n, policy) in plan.sla.iter().enumerate() {
        let scope = &policy.applies_to;
        lines.push(format!(
            "policy {n} {}: {}",
            policy.name, policy.description
        ));
        if with.contains(&Fact::Segments) {
            lines.push(format!(
                "policy {} segments {:?} organisations {:?}",
                policy.name, scope.segments, scope.organizations
            ));
        }
        lines.push(format!(
            "policy {} channels {:?}",
            policy.name, scope.channels
        ));
        for row in &policy.targets {
            for metric in SlaMetric::ALL {
                if !with.contains(&Fact::EveryMetric)
                    && !matches!(metric, SlaMetric::FirstResponse | SlaMetric::Resolution)
                {
                    continue;
                }
                let target = row.metric(metric);
                let length = match target.target {
                    Target::Within(within) => {
                        let day = plan.business_day_minutes(&target.calendar).unwrap_or(0);
                        format!("{} min on {}", within.open_minutes(day), target.calendar)
                    }
                    _ => "nothing promised".to_string(),
                };
                lines.push(format!(
                    "{} {} {}: {length}",
                    policy.name,
                    row.priority,
                    metric.label()
                ));
            }
        }
    }
    if with.contains(&Fact::DefaultPriorities) {
        for channel in plan
            .channels
            .iter()
            .filter(|c| !c.default_priority.is_empty())
        {
            lines.push(format!(
                "channel {} ({}) defaults to {}",
                channel.name,
                channel.kind.label(),
                channel.default_priority
            ));
        }
    }
    if with.contains(&Fact::Escalations) {
        let mut ladder: Vec<String> = plan
            .escalation
            .rules
            .iter()
            .map(|rule| {
                format!(
                    "escalation {:?} {:?} {} {} min after the breach",
                    rule.policy,
                    rule.priority,
                    rule.metric.label(),
                    rule.timeframe.open_minutes(0)
                )
            })
            .collect();
        ladder.sort();
        lines.extend(ladder);
    }
    lines
}

/// The parts of a plan a helpdesk can hold besides priorities, policies, scopes' channels and
/// first response and resolution, which both hold.
#[derive(Clone, Copy, PartialEq)]
enum Fact {
    Calendars,
    Segments,
    EveryMetric,
    DefaultPriorities,
    Escalations,
}

fn on(target: &str, calendar: &str) -> MetricTarget {
    MetricTarget::new(target.parse().expect("a target"), calendar)
}

fn row(priority: &str, first: MetricTarget, resolution: MetricTarget) -> SlaTarget {
    SlaTarget {
        priority: priority.into(),
        first_response: first,
        resolution,
        ..SlaTarget::default()
    }
}

fn clock(text: &str) -> ClockTime {
    text.parse().expect("a time")
}

/// A plan written in what Zendesk can hold: its four priorities by name, no product (the export
/// puts it before each policy's title), a description on every policy (the export writes one
/// when there is none), tags in Zendesk's form, one business calendar, channels named by kind.
fn zendesk_shaped_plan() -> Plan {
    let mut plan = Plan::blank();
    plan.priorities = ["Urgent", "High", "Normal", "Low"]
        .iter()
        .map(|name| Priority {
            name: name.to_string(),
            description: String::new(),
        })
        .collect();
    let mut weekdays: Vec<WeeklyInterval> = Weekday::ALL[..5]
        .iter()
        .map(|&day| WeeklyInterval::new(day, clock("09:00"), clock("17:00")))
        .collect();
    // A Saturday night shift: Zendesk splits it at midnight, the plan's week is the same.
    weekdays.push(WeeklyInterval {
        day: Weekday::Sat,
        start: clock("22:00"),
        end: clock("02:00"),
        overnight: true,
    });
    plan.calendars = vec![Calendar {
        name: "Office".into(),
        time_zone: "Europe/Berlin".into(),
        intervals: weekdays,
        holidays: vec![Holiday {
            name: "Reunification Day".into(),
            date: Date::new(2026, 10, 3).expect("a date"),
            yearly: false,
        }],
        holidays_from: String::new(),
    }];
    plan.channels = [ChannelKind::Phone, ChannelKind::Email, ChannelKind::Chat]
        .iter()
        .map(|&kind| Channel {
            name: kind.label().into(),
            kind,
            hours: "Office".into(),
            concurrency: 1,
            default_priority: if kind == ChannelKind::Phone {
                "Urgent".into()
            } else {
                String::new()
            },
            ..Channel::default()
        })
        .collect();
    let mut urgent = row("Urgent", on("15m", ALWAYS_OPEN), on("4h", ALWAYS_OPEN));
    urgent.next_response = on("1h", ALWAYS_OPEN);
    urgent.periodic_update = on("2h", ALWAYS_OPEN);
    plan.sla = vec![
        SlaPolicy {
            name: "Enterprise".into(),
            description: "Enterprise contracts".into(),
            applies_to: PolicyScope {
                segments: vec!["enterprise".into()],
                organizations: vec!["Acme Corp".into(), "Globex".into()],
                channels: vec!["Phone".into()],
                ..PolicyScope::default()
            },
            targets: vec![
                urgent,
                row("High", on("1h", "Office"), on("2bd", "Office")),
                row("Normal", on("4h", "Office"), on("none", "")),
            ],
        },
        SlaPolicy {
            name: "Standard".into(),
            description: "Everyone else".into(),
            applies_to: PolicyScope::default(),
            targets: vec![
                row("Urgent", on("1h", ALWAYS_OPEN), on("8h", "Office")),
                row("High", on("4h", "Office"), on("3bd", "Office")),
                row("Normal", on("8h", "Office"), on("5bd", "Office")),
                row("Low", on("2bd", "Office"), on("10bd", "Office")),
            ],
        },
    ];
    plan
}

/// The Zendesk export, imported: compared are the priorities; each calendar that is not open
/// all week (name, IANA zone, the open stretches of its week, one-off holidays); each policy in
/// order (name, description, segments as tags, organisations, channels); every metric's length
/// on its clock and which clock; and channels' default priorities (written as triggers).
/// Not compared, because Zendesk's SLA configuration does not hold them: tiers (groups are not
/// exported), channels' hours, volumes and routing, warn-before times, best effort, yearly
/// holidays, the product name and the unit a duration was typed in.
#[test]
fn the_zendesk_export_reads_back_to_the_same_plan() {
    let plan = zendesk_shaped_plan();
    let export = zendesk(&plan);
    let imported = import_export("zendesk.json", &export.body);
    let with = [
        Fact::Calendars,
        Fact::Segments,
        Fact::EveryMetric,
        Fact::DefaultPriorities,
    ];
    let expected = facts(&plan, &with);
    assert_eq!(facts(&imported.plan, &with), expected);
    // The comparison sees what matters: 2 business days on the office calendar is 960 minutes.
    assert!(
        expected.contains(&"Enterprise High resolution: 960 min on Office".to_string()),
        "{expected:#?}"
    );
    assert!(expected
        .iter()
        .any(|l| l.starts_with("calendar Office in Europe/Berlin")));
    assert_eq!(imported.plan.calendars[0].holidays.len(), 1);
    // What the export wrote on the import's side needs no report beyond the whole-import notes.
    assert!(
        imported.report.iter().all(|l| l.file.is_empty()),
        "{:#?}",
        imported.report
    );
    // And the import is exactly what the export writes again.
    assert_eq!(zendesk(&imported.plan).body, export.body);
}

/// A plan written in what Freshdesk's export holds: its four priorities by name, no product,
/// descriptions, scopes by channel only (the export leaves company and segment ids for the
/// admin to fill in), first response and resolution on one clock per priority, the business
/// calendar called "Business hours" (the export writes no calendars, and the import names the
/// business-hours clock so), escalations measured from the breach.
fn freshdesk_shaped_plan() -> Plan {
    let mut plan = zendesk_shaped_plan();
    plan.priorities[2].name = "Medium".into();
    plan.calendars[0].name = "Business hours".into();
    for channel in &mut plan.channels {
        channel.hours = "Business hours".into();
        channel.default_priority.clear();
    }
    let office = "Business hours";
    plan.sla = vec![
        SlaPolicy {
            name: "Chat and phone".into(),
            description: "Live channels".into(),
            applies_to: PolicyScope {
                channels: vec!["Chat".into(), "Phone".into()],
                ..PolicyScope::default()
            },
            targets: vec![
                row("Urgent", on("10m", ALWAYS_OPEN), on("4h", ALWAYS_OPEN)),
                row("High", on("30m", office), on("none", "")),
            ],
        },
        SlaPolicy {
            name: "Standard".into(),
            description: "Everyone else".into(),
            applies_to: PolicyScope::default(),
            targets: vec![
                row("Urgent", on("1h", ALWAYS_OPEN), on("8h", ALWAYS_OPEN)),
                row("High", on("4h", office), on("3bd", office)),
                row("Medium", on("8h", office), on("5bd", office)),
                row("Low", on("2bd", office), on("10bd", office)),
            ],
        },
    ];
    let rule = |priority: &str, metric: SlaMetric, after: &str| EscalationRule {
        trigger: format!("{priority} {} late", metric.label()),
        priority: Some(priority.into()),
        policy: Some("Standard".into()),
        metric,
        escalate_to: "Support lead".into(),
        timeframe: after.parse().expect("a duration"),
        measured_from: EscalationStart::Breach,
        notify: vec!["Support lead".into()],
        ..EscalationRule::default()
    };
    plan.escalation.rules = ["Urgent", "High"]
        .iter()
        .flat_map(|&p| {
            [
                rule(p, SlaMetric::FirstResponse, "30m"),
                rule(p, SlaMetric::Resolution, "1h"),
                rule(p, SlaMetric::Resolution, "4h"),
            ]
        })
        .collect();
    plan
}

/// The Freshdesk export, imported: compared are the priorities; each policy in order (name,
/// description, channels); first response and resolution by length on their clock (a metric
/// with nothing promised comes back as nothing promised); and the escalation ladder (policy,
/// priority, metric, time after the breach). Not compared: calendars (Freshdesk's SLA policies
/// do not carry business hours), segments and organisations (Freshdesk needs ids the plan does
/// not know), next-response and periodic-update targets, whom an escalation goes to (Freshdesk
/// holds agent ids), channels' default priorities, and the unit a duration was typed in.
#[test]
fn the_freshdesk_export_reads_back_to_the_same_plan() {
    let plan = freshdesk_shaped_plan();
    let export = freshdesk(&plan);
    let imported = import_export("freshdesk.json", &export.body);
    let with = [Fact::Escalations];
    let expected = facts(&plan, &with);
    assert_eq!(facts(&imported.plan, &with), expected);
    assert!(
        expected.contains(&"Chat and phone High resolution: nothing promised".to_string()),
        "{expected:#?}"
    );
    assert!(
        expected.contains(
            &"escalation Some(\"Standard\") Some(\"High\") resolution 240 min after the breach"
                .to_string()
        ),
        "{expected:#?}"
    );
}

/// The comparison is not blind: a plan that differs from what was exported does not compare
/// equal, so the round trips above would catch an import that drops or changes a target.
#[test]
fn the_round_trip_comparison_sees_a_changed_target() {
    let plan = zendesk_shaped_plan();
    let mut changed = plan.clone();
    changed.sla[1].targets[2].first_response = on("9h", "Office");
    let with = [Fact::Calendars, Fact::EveryMetric];
    assert_ne!(facts(&plan, &with), facts(&changed, &with));
    let export = zendesk(&plan);
    let imported = import_export("zendesk.json", &export.body);
    assert_ne!(facts(&imported.plan, &with), facts(&changed, &with));
}

// ---- Messy input never panics. ----

mod messy {
    use proptest::prelude::*;
    use proptest::sample::select;
    use serde_json::{Map, Value};
    use support_ops::import::{import, SourceFile};
    use support_ops::render::{render, Format, Section};
    use support_ops::rules::check;

    /// Keys both APIs use, so generated files get far into the mapping.
    const KEYS: [&str; 40] = [
        "sla_policies",
        "sla_policy",
        "schedules",
        "schedule",
        "holidays",
        "holiday",
        "groups",
        "triggers",
        "title",
        "name",
        "description",
        "position",
        "filter",
        "all",
        "any",
        "field",
        "operator",
        "value",
        "policy_metrics",
        "priority",
        "metric",
        "target",
        "business_hours",
        "intervals",
        "start_time",
        "end_time",
        "time_zone",
        "start_date",
        "end_date",
        "sla_target",
        "priority_4",
        "priority_1",
        "respond_within",
        "resolve_within",
        "applicable_to",
        "sources",
        "escalation",
        "resolution",
        "is_default",
        "active",
    ];

    fn leaf() -> impl Strategy<Value = Value> {
        prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<i64>().prop_map(Value::from),
            (0u64..20_000).prop_map(Value::from),
            any::<f64>()
                .prop_filter("finite", |f| f.is_finite())
                .prop_map(Value::from),
            select(vec![
                "urgent",
                "high",
                "low",
                "first_reply_time",
                "requester_wait_time",
                "current_tags",
                "includes",
                "via_id",
                "is",
                "voice",
                "08:00:00 am",
                "11:59:59 pm",
                "2026-12-25",
                "--12-25",
                "Eastern Time (US & Canada)",
                "Mars/Base",
                "",
                "level_1",
            ])
            .prop_map(|s| Value::from(s.to_string())),
            any::<String>().prop_map(Value::from),
        ]
    }

    fn json() -> impl Strategy<Value = Value> {
        leaf().prop_recursive(5, 64, 6, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..5).prop_map(Value::Array),
                prop::collection::vec((select(KEYS.to_vec()), inner), 0..6).prop_map(|pairs| {
                    Value::Object(
                        pairs
                            .into_iter()
                            .map(|(k, v)| (k.to_string(), v))
                            .collect::<Map<String, Value>>(),
                    )
                }),
            ]
        })
    }

    /// An object with the APIs' keys.
    fn object() -> impl Strategy<Value = Map<String, Value>> {
        prop::collection::vec((select(KEYS.to_vec()), json()), 0..8)
            .prop_map(|pairs| pairs.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
    }

    /// A file: anything, a Zendesk-style wrapped list, or a Freshdesk-style bare list whose first
    /// item carries a key that tells what it is.
    fn file() -> impl Strategy<Value = Value> {
        let wrapped = (
            select(vec![
                "sla_policies",
                "schedules",
                "holidays",
                "groups",
                "triggers",
            ]),
            prop::collection::vec(object().prop_map(Value::Object), 0..4),
        )
            .prop_map(|(key, items)| {
                let mut object = Map::new();
                object.insert(key.to_string(), Value::Array(items));
                Value::Object(object)
            });
        let bare = (
            select(vec![
                "sla_target",
                "business_hours",
                "time_zone",
                "business_hour_id",
            ]),
            json(),
            object(),
            prop::collection::vec(object().prop_map(Value::Object), 0..3),
        )
            .prop_map(|(key, value, mut first, mut rest)| {
                first.insert(key.to_string(), value);
                first.insert("name".to_string(), Value::from("Anything"));
                rest.insert(0, Value::Object(first));
                Value::Array(rest)
            });
        prop_oneof![1 => json(), 3 => wrapped, 3 => bare]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_json_imports_or_says_why_and_the_plan_checks_and_renders(value in file()) {
            let text = value.to_string();
            match import(&[SourceFile { name: "messy.json", text: &text }]) {
                Ok(imported) => {
                    let _ = check(&imported.plan);
                    let _ = render(&imported.plan, Format::Text, Section::Full);
                }
                Err(error) => prop_assert!(error.to_string().starts_with("messy.json: ")
                    || error.to_string().starts_with("Every file holds an empty list")
                    || error.to_string().starts_with("Nothing in these files becomes part of a plan")),
            }
        }
    }
}

/// The app's door: files as bytes, decoded as plan files are and kept within the limits; a bad
/// file is named with what is wrong, in words.
#[test]
fn files_from_outside_import_within_the_limits_and_bad_ones_are_named() {
    use support_ops::import::{import_from_outside, OutsideFile};
    use support_ops::plan::limits::PLAN_FROM_OUTSIDE;
    let file = |name: &str, bytes: Vec<u8>| OutsideFile {
        name: name.to_string(),
        bytes,
    };
    let mut with_bom = vec![0xef, 0xbb, 0xbf];
    with_bom.extend(fixture("zendesk", "sla_policies.json").into_bytes());
    let imported = import_from_outside(
        &[
            file("sla_policies.json", with_bom),
            file(
                "schedules.json",
                fixture("zendesk", "schedules.json").into_bytes(),
            ),
        ],
        &PLAN_FROM_OUTSIDE,
    )
    .expect("imports");
    assert_eq!(imported.helpdesk, Helpdesk::Zendesk);
    assert_eq!(imported.plan.sla.len(), 3);

    let refused = import_from_outside(
        &[
            file("photo.json", vec![0x89, b'P', b'N', b'G', 0, 0, 1]),
            file("broken.json", b"{\"sla_policies\": [".to_vec()),
        ],
        &PLAN_FROM_OUTSIDE,
    )
    .expect_err("a binary file is refused");
    assert_eq!(refused.problems.len(), 1, "{refused}");
    assert!(refused.problems[0].starts_with("photo.json: this is not a helpdesk export"));

    let deep = format!("{}{}", "[".repeat(40), "]".repeat(40));
    let refused = import_from_outside(&[file("deep.json", deep.into_bytes())], &PLAN_FROM_OUTSIDE)
        .expect_err("a nesting bomb is refused");
    assert!(refused.problems[0].contains("deep.json: this file is too large to import safely"));

    let huge = vec![b' '; PLAN_FROM_OUTSIDE.max_bytes * 2 + 1];
    let refused = import_from_outside(&[file("huge.json", huge)], &PLAN_FROM_OUTSIDE)
        .expect_err("too many bytes");
    assert!(
        refused.problems[0].contains("the app imports up to 8.0 MB"),
        "{refused}"
    );
}

// ---- Real payloads in each of the helpdesks' documented shapes. ----

/// The calendar of that name, with its zone and open stretches, for comparing in one line.
fn calendar_line(plan: &Plan, name: &str) -> String {
    let calendar = plan
        .calendars
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no calendar {name} in {:#?}", plan.calendars));
    format!(
        "{} in {}: {:?}",
        calendar.name,
        calendar.time_zone,
        calendar.weekly_spans()
    )
}

/// A Zendesk schedule as `GET /api/v2/business_hours/schedules/{id}` returns it once a `jq
/// .schedule` step has taken off its envelope, and a bare list as `jq .schedules` leaves it, are
/// Zendesk schedules with their intervals, not Freshdesk business hours that are never open.
#[test]
fn a_zendesk_schedule_without_its_envelope_is_a_zendesk_schedule() {
    let single = import_fixtures("zendesk", &["schedule_single.json"]);
    assert_eq!(single.helpdesk, Helpdesk::Zendesk);
    assert_eq!(
        single.files[0].describe(),
        "Zendesk: 1 schedule",
        "{:#?}",
        single.report
    );
    let calendar = &single.plan.calendars[0];
    // start_time 1980 is Monday 09:00 (1 440 + 540 minutes from Sunday 00:00), end_time 2460
    // Monday 17:00; the next four are Tuesday … Friday, 1 440 minutes apart.
    assert_eq!(calendar.intervals.len(), 5);
    assert_eq!(
        calendar.intervals[0],
        WeeklyInterval::new(Weekday::Mon, clock("09:00"), clock("17:00"))
    );
    assert_eq!(
        calendar.intervals[4],
        WeeklyInterval::new(Weekday::Fri, clock("09:00"), clock("17:00"))
    );
    let bare = import_fixtures("zendesk", &["schedules_bare.json"]);
    assert_eq!(bare.files[0].describe(), "Zendesk: 3 schedules");
    assert_eq!(bare.plan.calendars[0].intervals.len(), 2);
    assert_eq!(bare.plan.calendars[1].intervals.len(), 1);

    // An object with the keys of both is neither, and is refused in words.
    let both = r#"{"name": "Office", "time_zone": "UTC", "intervals": [],
                   "business_hours": {"monday": {"start_time": "08:00 am", "end_time": "05:00 pm"}}}"#;
    let error = import(&[SourceFile {
        name: "both.json",
        text: both,
    }])
    .expect_err("ambiguous");
    assert!(
        error.to_string().starts_with(
            "both.json: this could be Zendesk schedules or Freshdesk business-hours calendars"
        ),
        "{error}"
    );
}

/// A cursor page with `meta.has_more: true` is one page of a longer list (its `links.next` is no
/// signal: the last page has one too). Alone it is reported; with its last page it is one list,
/// and the schedule on both pages (id 30302) is imported once.
#[test]
fn cursor_pages_are_reported_until_the_last_page_is_given_and_then_read_as_one_list() {
    let first = import_fixtures("zendesk", &["schedules_page1.json"]);
    let line = reported(&first, "schedules_page1.json", "meta.has_more");
    assert!(
        line.message
            .starts_with("This is one page of a longer list, and its last page was not given"),
        "{line}"
    );
    assert!(line.message.contains("Export every page"), "{line}");

    let both = import_fixtures("zendesk", &["schedules_page1.json", "schedules_page2.json"]);
    let names: Vec<&str> = both
        .plan
        .calendars
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    assert_eq!(names, ["Kabul", "Minsk", "Harare"]);
    assert!(
        both.report
            .iter()
            .all(|l| !l.message.contains("longer list")),
        "{:#?}",
        both.report
    );
    // The last page alone says nothing of pages: it does not know what came before.
    let last = import_fixtures("zendesk", &["schedules_page2.json"]);
    assert!(last.report.iter().all(|l| !l.message.contains("page")));
}

/// Zendesk names zones the Rails way; every one of them reads as the IANA zone the rules know, so
/// neither CAL-003 (a calendar's zone unknown) nor HDR-004 (the plan's zone unknown) fires, and
/// the export writes the Rails name back.
#[test]
fn rails_zone_names_read_as_zones_the_rules_know_and_are_written_back() {
    let imported = import_fixtures("zendesk", &["schedules_page1.json", "schedules_page2.json"]);
    let tehran = import_fixtures("zendesk", &["schedule_single.json"]);
    let bare = import_fixtures("zendesk", &["schedules_bare.json"]);
    let zones: Vec<&str> = [&imported, &tehran, &bare]
        .iter()
        .flat_map(|i| i.plan.calendars.iter().map(|c| c.time_zone.as_str()))
        .collect();
    assert_eq!(
        zones,
        [
            "Asia/Kabul",
            "Europe/Minsk",
            "Africa/Harare",
            "Asia/Tehran",
            "Asia/Kathmandu",
            "Pacific/Noumea",
            "Etc/GMT+12"
        ]
    );
    for plan in [&imported.plan, &tehran.plan, &bare.plan] {
        let findings = check(plan);
        for rule in ["CAL-003", "HDR-004"] {
            assert!(
                findings.iter().all(|f| f.rule != rule),
                "{rule}: {findings:#?}"
            );
        }
    }
    let export = zendesk(&bare.plan);
    for rails in ["Kathmandu", "New Caledonia", "International Date Line West"] {
        assert!(
            export.body.contains(&format!("\"time_zone\": \"{rails}\"")),
            "{rails}: {}",
            export.body
        );
    }
    assert_eq!(
        calendar_line(
            &import_export("zendesk.json", &export.body).plan,
            "Date Line Desk"
        ),
        calendar_line(&bare.plan, "Date Line Desk")
    );
}

/// A Freshdesk SLA export on its own names business hours the plan does not define. The
/// resolution of 1 hour (3 600 s) before a first response of 2 hours (7 200 s), both on those
/// hours, is still an error, and so is Urgent answered in 4 hours (14 400 s) when High is
/// answered in 2: whatever the hours are, both targets count the same open time.
#[test]
fn a_freshdesk_policy_without_its_business_hours_is_still_audited() {
    let text = r#"[{"name": "Std", "is_default": true, "sla_target": {
        "priority_4": {"respond_within": 14400, "resolve_within": 28800, "business_hours": true},
        "priority_3": {"respond_within": 7200, "resolve_within": 3600, "business_hours": true}}}]"#;
    let imported = import(&[SourceFile {
        name: "sla.json",
        text,
    }])
    .expect("imports");
    let findings = check(&imported.plan);
    let swapped = finding(&findings, "SLA-002", "sla[0].targets[1].resolution.target");
    assert_eq!(
        swapped.message,
        "High resolution (1 hour) is shorter than its first response (2 hours)."
    );
    finding(
        &findings,
        "SLA-003",
        "sla[0].targets[0].first_response.target",
    );
    finding(
        &findings,
        "SLA-008",
        "sla[0].targets[0].first_response.calendar",
    );
}

/// A Zendesk policy for one agent's tickets (`assignee_id is …`, a condition a plan cannot say)
/// is kept as a policy for some tickets only: no false SLA-013 ("applies to everyone"), the
/// documents show the condition, and the export writes it back as it was. Its
/// `total_resolution_time` of 480 minutes is the High resolution target (8 hours).
#[test]
fn an_unmappable_zendesk_condition_is_kept_shown_and_exported_back() {
    let imported = import_fixtures("zendesk", &["sla_policy_assignee.json"]);
    let plan = &imported.plan;
    let kept = &policy(plan, "Named agent").applies_to;
    assert!(!kept.is_everyone());
    assert_eq!(
        support_ops::render::sla::scope_in_words(kept),
        "Zendesk condition assignee_id is 361089721035"
    );
    assert_eq!(
        target(plan, "Named agent", "High", SlaMetric::Resolution),
        "8 hours on 24/7"
    );
    assert!(reported(
        &imported,
        "sla_policy_assignee.json",
        "sla_policies[0].policy_metrics[1].metric"
    )
    .message
    .starts_with("Total resolution time"));
    let findings = check(plan);
    assert!(
        findings.iter().all(|f| f.rule != "SLA-013"),
        "{findings:#?}"
    );
    let text = support_ops::render::render(
        plan,
        support_ops::render::Format::Text,
        support_ops::render::Section::Full,
    );
    assert!(text.contains("assignee_id is 361089721035"), "{text}");
    let export: serde_json::Value = serde_json::from_str(&zendesk(plan).body).expect("JSON");
    assert_eq!(
        export["sla_policies"][0]["filter"]["all"],
        serde_json::json!([{"field": "assignee_id", "operator": "is", "value": 361089721035_u64}])
    );
}

/// A Freshdesk policy for one company keeps the company's id through the round trip (the export
/// used to write `"company_ids": []`, so after re-import it covered every company); the group
/// condition and ticket source 5 (Twitter), which a plan has no words for, are kept and written
/// back; source 5 is named in the report.
#[test]
fn a_company_restricted_freshdesk_policy_keeps_its_company_through_the_round_trip() {
    let imported = import_fixtures("freshdesk", &["sla_policy_company.json"]);
    let acme = &policy(&imported.plan, "Acme contract").applies_to;
    assert_eq!(acme.organizations, ["4200001"]);
    assert_eq!(acme.channels, ["Email"]);
    let source = reported(
        &imported,
        "sla_policy_company.json",
        "[0].applicable_to.sources[1]",
    );
    assert!(
        source
            .message
            .starts_with("Ticket source 5 (Freshdesk's Twitter (X))"),
        "{source}"
    );
    let export: serde_json::Value =
        serde_json::from_str(&freshdesk(&imported.plan).body).expect("JSON");
    let applicable = &export["sla_policies"][0]["applicable_to"];
    assert_eq!(applicable["company_ids"], serde_json::json!([4200001]));
    assert_eq!(applicable["group_ids"], serde_json::json!([77]));
    assert_eq!(applicable["sources"], serde_json::json!([1, 5]));
    let again = import_export("freshdesk.json", &freshdesk(&imported.plan).body);
    assert_eq!(
        policy(&again.plan, "Acme contract").applies_to,
        *acme,
        "the scope reads back the same"
    );
}

/// A file of triggers none of which maps onto a plan ends as an empty list does: nothing is
/// imported, and the message says so.
#[test]
fn a_triggers_only_file_and_an_empty_list_end_the_same_way() {
    let triggers = r#"{"triggers": [{"title": "Notify requester", "active": true,
        "conditions": {"all": [{"field": "update_type", "operator": "is", "value": "Create"}], "any": []},
        "actions": [{"field": "notification_user", "value": ["requester_id", "Hi", "Thanks"]}]}]}"#;
    let error = import(&[SourceFile {
        name: "triggers.json",
        text: triggers,
    }])
    .expect_err("nothing maps");
    assert!(
        error.to_string().contains("there is nothing to import"),
        "{error}"
    );
    let empty = import(&[SourceFile {
        name: "empty.json",
        text: "[]",
    }])
    .expect_err("an empty list");
    assert!(
        empty.to_string().contains("there is nothing to import"),
        "{empty}"
    );
}

/// Huge files are refused in words before anything is built (the plan's limits: 200 calendars,
/// 5,000 entries in any other list), and same-named schedules under the limit get "Name (2)" …
fn many(prefix: &str, item: &str, count: usize, suffix: &str) -> String {
    let items: Vec<&str> = std::iter::repeat_n(item, count).collect();
    format!("{prefix}{}{suffix}", items.join(","))
}

#[test]
fn imports_over_the_plans_limits_are_refused_in_words_and_renaming_is_linear() {
    let schedule = r#"{"name": "Office", "time_zone": "UTC", "intervals": [{"start_time": 1980, "end_time": 2460}]}"#;
    let refused = |text: &str| {
        import(&[SourceFile {
            name: "big.json",
            text,
        }])
        .expect_err("over the limit")
        .to_string()
    };
    let schedules = many(r#"{"schedules": ["#, schedule, 100_000, "]}");
    assert!(
        refused(&schedules).starts_with(
            "These files hold 100,000 schedules, and a plan the app opens holds up to 200 calendars."
        ),
        "{}",
        refused(&schedules)
    );
    let policy = r#"{"title": "P", "filter": {"all": [], "any": []}, "policy_metrics": []}"#;
    let policies = many(r#"{"sla_policies": ["#, policy, 100_000, "]}");
    assert!(refused(&policies).starts_with(
        "These files hold 100,000 SLA policies, and a plan the app opens holds up to 5,000"
    ));
    let same_named = many(r#"{"schedules": ["#, schedule, 5_000, "]}");
    assert!(refused(&same_named).starts_with("These files hold 5,000 schedules"));
    let hours = r#"{"name": "Office", "time_zone": "UTC", "business_hours": {}}"#;
    let freshdesk_hours = many("[", hours, 5_000, "]");
    assert!(
        refused(&freshdesk_hours).starts_with("These files hold 5,000 business-hours calendars")
    );
    // At the limit, 200 schedules called "Office" import as "Office", "Office (2)" … "Office (200)".
    let at_limit = many(r#"{"schedules": ["#, schedule, 200, "]}");
    let imported = import(&[SourceFile {
        name: "ok.json",
        text: &at_limit,
    }])
    .expect("within the limit");
    assert_eq!(imported.plan.calendars.len(), 200);
    assert_eq!(imported.plan.calendars[199].name, "Office (200)");
}
