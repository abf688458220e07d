//! Helpdesk exports as a helpdesk admin uses them: the fields and units Zendesk and Freshdesk
//! document, the mapping report for what does not fit, and a taxonomy CSV a spreadsheet opens safely.
//!
//! Expected field names are copied from the vendors' API references, not from this crate's output:
//! Zendesk "SLA Policies" and "Schedules" (developer.zendesk.com/api-reference/…), Freshdesk API v2
//! "SLA Policies" (sla_target / priority_1..4 / respond_within / resolve_within in seconds).

use serde_json::Value;
use support_ops::plan::{
    templates, Calendar, ChannelKind, ClockTime, Date, Duration, Holiday, MetricTarget, Plan,
    PolicyScope, Priority, PriorityMapping, SlaPolicy, SlaTarget, Target, Weekday, WeeklyInterval,
    ALWAYS_OPEN,
};
use support_ops::render::helpdesk::{
    csv_cell, freshdesk, taxonomy_csv, zendesk, zendesk_time_zone,
};

fn parse(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("export is not JSON: {e}\n{body}"))
}

fn keys(value: &Value) -> Vec<String> {
    let mut keys: Vec<String> = value
        .as_object()
        .map(|o| o.keys().cloned().collect())
        .unwrap_or_default();
    keys.sort();
    keys
}

fn sorted(names: &[&str]) -> Vec<String> {
    let mut names: Vec<String> = names.iter().map(|s| s.to_string()).collect();
    names.sort();
    names
}

fn sla(
    priority: &str,
    first: Duration,
    next: Option<Duration>,
    resolution: Duration,
    calendar: &str,
) -> SlaTarget {
    let on = |target: Target| MetricTarget::new(target, calendar);
    SlaTarget {
        priority: priority.to_string(),
        first_response: on(Target::Within(first)),
        next_response: next.map_or_else(MetricTarget::default, |next| on(Target::Within(next))),
        resolution: on(Target::Within(resolution)),
        ..SlaTarget::default()
    }
}

/// One policy for everyone with these rows.
fn everyone(targets: Vec<SlaTarget>) -> Vec<SlaPolicy> {
    vec![SlaPolicy {
        name: "Standard".to_string(),
        targets,
        ..SlaPolicy::default()
    }]
}

/// The metric of a priority in an exported Zendesk policy.
fn zendesk_metric(policy: &Value, priority: &str, metric: &str) -> Value {
    policy["policy_metrics"]
        .as_array()
        .and_then(|metrics| {
            metrics
                .iter()
                .find(|m| m["priority"] == priority && m["metric"] == metric)
                .cloned()
        })
        .unwrap_or(Value::Null)
}

/// A plan with a 9–17 weekday calendar in New York and four priorities with known targets.
fn office_plan() -> Plan {
    let mut plan = Plan::blank();
    plan.header.product = "Acme Billing".to_string();
    let nine = ClockTime::new(9, 0).unwrap_or(ClockTime::MIDNIGHT);
    let five = ClockTime::new(17, 0).unwrap_or(ClockTime::MIDNIGHT);
    plan.calendars = vec![Calendar {
        name: "Office".to_string(),
        time_zone: "America/New_York".to_string(),
        intervals: [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .iter()
        .map(|&day| WeeklyInterval::new(day, nine, five))
        .collect(),
        holidays: vec![Holiday {
            name: "Founders' Day".to_string(),
            date: Date::new(2026, 9, 14).unwrap_or(Date {
                year: 2026,
                month: 9,
                day: 14,
            }),
            yearly: false,
        }],
        holidays_from: String::new(),
    }];
    plan.sla = everyone(vec![
        sla(
            "Critical",
            Duration::minutes(15),
            Some(Duration::minutes(30)),
            Duration::hours(4),
            ALWAYS_OPEN,
        ),
        sla(
            "High",
            Duration::hours(1),
            None,
            Duration::days(1),
            "Office",
        ),
        sla(
            "Normal",
            Duration::hours(4),
            None,
            Duration::business_days(2),
            "Office",
        ),
        sla(
            "Low",
            Duration::hours(8),
            None,
            Duration::business_days(5),
            "Office",
        ),
    ]);
    plan
}

#[test]
fn zendesk_policy_has_the_documented_fields_and_minutes() {
    let export = zendesk(&office_plan());
    assert_eq!(export.mime, "application/json");
    assert!(export.file_name.ends_with(".json"), "{}", export.file_name);
    let body = parse(&export.body);
    let policy = &body["sla_policies"][0];
    // Writable SLA policy properties from Zendesk's reference.
    assert_eq!(
        keys(policy),
        sorted(&[
            "title",
            "description",
            "position",
            "filter",
            "policy_metrics"
        ])
    );
    assert_eq!(keys(&policy["filter"]), sorted(&["all", "any"]));
    let metrics = policy["policy_metrics"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let allowed_metrics = [
        "first_reply_time",
        "next_reply_time",
        "periodic_update_time",
        "requester_wait_time",
        "agent_work_time",
        "pausable_update_time",
    ];
    for metric in &metrics {
        assert_eq!(
            keys(metric),
            sorted(&["priority", "metric", "target", "business_hours"])
        );
        assert!(
            ["low", "normal", "high", "urgent"]
                .contains(&metric["priority"].as_str().unwrap_or("")),
            "{metric}"
        );
        assert!(
            allowed_metrics.contains(&metric["metric"].as_str().unwrap_or("")),
            "{metric}"
        );
        assert!(metric["target"].is_u64(), "{metric}");
        assert!(metric["business_hours"].is_boolean(), "{metric}");
    }
    let find = |priority: &str, metric: &str| zendesk_metric(policy, priority, metric);
    // Critical: 15 minutes first reply, around the clock.
    assert_eq!(find("urgent", "first_reply_time")["target"], 15);
    assert_eq!(find("urgent", "first_reply_time")["business_hours"], false);
    assert_eq!(find("urgent", "next_reply_time")["target"], 30);
    assert_eq!(find("urgent", "requester_wait_time")["target"], 240);
    // High: 1 hour in business hours.
    assert_eq!(find("high", "first_reply_time")["target"], 60);
    assert_eq!(find("high", "first_reply_time")["business_hours"], true);
    // Normal: 2 business days of an 8-hour office day = 960 business minutes.
    assert_eq!(find("normal", "requester_wait_time")["target"], 2 * 8 * 60);
    // No next-reply target where the plan promises none.
    assert_eq!(find("high", "next_reply_time"), Value::Null);
}

#[test]
fn zendesk_schedule_counts_minutes_from_sunday_midnight() {
    let body = parse(&zendesk(&office_plan()).body);
    let schedules = body["schedules"].as_array().cloned().unwrap_or_default();
    assert_eq!(schedules.len(), 1, "only the plan's own calendar, not 24/7");
    let schedule = &schedules[0]["schedule"];
    assert_eq!(keys(schedule), sorted(&["name", "time_zone", "intervals"]));
    assert_eq!(schedule["name"], "Office");
    assert_eq!(schedule["time_zone"], "Eastern Time (US & Canada)");
    let intervals = schedule["intervals"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    assert_eq!(intervals.len(), 5);
    // Monday 09:00 is one day (1440) plus 9 hours (540) after Sunday 00:00.
    assert_eq!(intervals[0]["start_time"], 1440 + 540);
    assert_eq!(intervals[0]["end_time"], 1440 + 1020);
    // Friday 17:00.
    assert_eq!(intervals[4]["end_time"], 5 * 1440 + 1020);
    let holiday = &schedules[0]["holidays"][0]["holiday"];
    assert_eq!(keys(holiday), sorted(&["name", "start_date", "end_date"]));
    assert_eq!(holiday["start_date"], "2026-09-14");
    assert_eq!(holiday["end_date"], "2026-09-14");
}

#[test]
fn zendesk_overnight_shift_is_split_at_midnight_and_wraps_to_sunday() {
    let mut plan = office_plan();
    let ten_pm = ClockTime::new(22, 0).unwrap_or(ClockTime::MIDNIGHT);
    let six_am = ClockTime::new(6, 0).unwrap_or(ClockTime::MIDNIGHT);
    plan.calendars[0].intervals = vec![WeeklyInterval {
        day: Weekday::Sat,
        start: ten_pm,
        end: six_am,
        overnight: true,
    }];
    let body = parse(&zendesk(&plan).body);
    let intervals = body["schedules"][0]["schedule"]["intervals"].clone();
    // Sunday 00:00–06:00 first, then Saturday 22:00–24:00 (day 6).
    assert_eq!(intervals[0]["start_time"], 0);
    assert_eq!(intervals[0]["end_time"], 360);
    assert_eq!(intervals[1]["start_time"], 6 * 1440 + 1320);
    assert_eq!(intervals[1]["end_time"], 7 * 1440);
}

#[test]
fn zendesk_reports_an_unmapped_time_zone_and_yearly_holidays() {
    let mut plan = office_plan();
    plan.calendars[0].time_zone = "Antarctica/Troll".to_string();
    plan.calendars[0].holidays[0].yearly = true;
    let export = zendesk(&plan);
    assert!(
        export.report.iter().any(|l| l.contains("Antarctica/Troll")),
        "{:#?}",
        export.report
    );
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("Founders' Day") && l.contains("every year")),
        "{:#?}",
        export.report
    );
    assert_eq!(zendesk_time_zone("Antarctica/Troll"), None);
}

#[test]
fn freshdesk_policy_has_the_documented_fields_in_seconds() {
    let export = freshdesk(&office_plan());
    let body = parse(&export.body)["sla_policies"][0].clone();
    for key in [
        "name",
        "description",
        "sla_target",
        "applicable_to",
        "escalation",
    ] {
        assert!(body.get(key).is_some(), "missing {key}: {body}");
    }
    let targets = &body["sla_target"];
    assert_eq!(
        keys(targets),
        sorted(&["priority_1", "priority_2", "priority_3", "priority_4"])
    );
    for (_, target) in targets.as_object().cloned().unwrap_or_default() {
        assert_eq!(
            keys(&target),
            sorted(&[
                "respond_within",
                "resolve_within",
                "business_hours",
                "escalation_enabled"
            ])
        );
    }
    // Freshdesk priority 4 is Urgent: Critical's 15 minutes is 900 seconds, 4 hours 14,400.
    assert_eq!(targets["priority_4"]["respond_within"], 900);
    assert_eq!(targets["priority_4"]["resolve_within"], 14_400);
    assert_eq!(targets["priority_4"]["business_hours"], false);
    // Priority 1 is Low: 8 hours; 5 business days of 8 hours = 144,000 seconds.
    assert_eq!(targets["priority_1"]["respond_within"], 28_800);
    assert_eq!(targets["priority_1"]["resolve_within"], 5 * 8 * 3600);
    assert_eq!(targets["priority_1"]["business_hours"], true);
    // Freshdesk holds no next response: Critical's is reported, not dropped.
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("\"Critical\"") && l.contains("next response")),
        "{:#?}",
        export.report
    );
}

#[test]
fn freshdesk_escalations_use_the_documented_levels_and_report_roles_without_agents() {
    let plan = templates::by_id("b2b-saas").unwrap_or_else(Plan::blank);
    let export = freshdesk(&plan);
    let escalation = parse(&export.body)["sla_policies"][0]["escalation"].clone();
    assert_eq!(
        keys(&escalation["response"]),
        sorted(&["escalation_time", "agent_ids"])
    );
    let levels = keys(&escalation["resolution"]);
    assert!(!levels.is_empty() && levels.len() <= 4, "{levels:?}");
    for level in &levels {
        assert!(
            ["level_1", "level_2", "level_3", "level_4"].contains(&level.as_str()),
            "{level}"
        );
        assert_eq!(
            keys(&escalation["resolution"][level]),
            sorted(&["escalation_time", "agent_ids"])
        );
    }
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("agent_ids") && l.contains("Tier 2 Lead")),
        "{:#?}",
        export.report
    );
    // The template's next-response escalation cannot be expressed: reported.
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("guards the next response")),
        "{:#?}",
        export.report
    );
}

#[test]
fn five_priorities_are_reported_not_dropped() {
    let mut plan = office_plan();
    plan.priorities.push(Priority {
        name: "Backlog".to_string(),
        description: String::new(),
    });
    plan.sla[0].targets.push(sla(
        "Backlog",
        Duration::days(2),
        None,
        Duration::days(30),
        ALWAYS_OPEN,
    ));
    for export in [zendesk(&plan), freshdesk(&plan)] {
        assert!(
            export
                .report
                .iter()
                .any(|l| l.contains("5 priorities") && l.contains("\"Backlog\"")),
            "{}: {:#?}",
            export.file_name,
            export.report
        );
        assert!(
            export
                .report
                .iter()
                .any(|l| l.contains("\"Backlog\" and \"Low\" both map")),
            "{}: {:#?}",
            export.file_name,
            export.report
        );
    }
    // Low keeps Low's own 8-hour first reply, not Backlog's 2 days.
    let body = parse(&zendesk(&plan).body);
    let low_first = zendesk_metric(&body["sla_policies"][0], "low", "first_reply_time");
    assert_eq!(low_first["target"], 480);
}

#[test]
fn an_explicit_priority_mapping_is_followed_and_its_mistakes_reported() {
    let mut plan = office_plan();
    plan.helpdesk.priority_map = vec![
        PriorityMapping {
            priority: "Critical".into(),
            helpdesk_priority: "urgent".into(),
        },
        PriorityMapping {
            priority: "High".into(),
            helpdesk_priority: "urgent".into(),
        },
        PriorityMapping {
            priority: "Normal".into(),
            helpdesk_priority: "medium".into(),
        },
        PriorityMapping {
            priority: "Low".into(),
            helpdesk_priority: "whenever".into(),
        },
    ];
    let export = zendesk(&plan);
    let body = parse(&export.body);
    let priorities: Vec<String> = body["sla_policies"][0]["policy_metrics"]
        .as_array()
        .map(|m| {
            m.iter()
                .map(|m| m["priority"].as_str().unwrap_or("").to_string())
                .collect()
        })
        .unwrap_or_default();
    assert!(
        priorities.contains(&"normal".to_string()),
        "medium is Zendesk's normal"
    );
    assert!(!priorities.contains(&"low".to_string()));
    let report = export.report.join("\n");
    assert!(report.contains("\"whenever\""), "{report}");
    assert!(
        report.contains("\"High\" and \"Critical\" both map"),
        "{report}"
    );
    assert!(report.contains("\"low\" gets no SLA targets"), "{report}");
}

/// A business day is the calendar's business day everywhere: 480 minutes on the 09:00–17:00
/// office, 1,440 on 24/7, and the same minutes the app's deadlines count.
#[test]
fn business_days_export_the_calendars_business_day() {
    let mut plan = office_plan();
    plan.sla[0].targets[0].resolution =
        MetricTarget::new(Target::Within(Duration::business_days(1)), ALWAYS_OPEN);
    let export = zendesk(&plan);
    let policy = &parse(&export.body)["sla_policies"][0];
    assert_eq!(
        zendesk_metric(policy, "urgent", "requester_wait_time")["target"],
        1440
    );
    assert_eq!(
        zendesk_metric(policy, "normal", "requester_wait_time")["target"],
        960
    );
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("\"Office\"") && l.contains("480 business minutes")),
        "{:#?}",
        export.report
    );
}

/// Published SLAs often promise a first response only: nothing is invented for the rest.
#[test]
fn targets_that_are_not_promised_are_not_invented() {
    let mut plan = office_plan();
    for row in &mut plan.sla[0].targets {
        row.resolution.target = Target::NoTarget;
        row.next_response = MetricTarget::default();
    }
    plan.sla[0].targets[3].resolution.target = Target::BestEffort;
    let export = zendesk(&plan);
    let policy = &parse(&export.body)["sla_policies"][0];
    let metrics: Vec<&str> = policy["policy_metrics"]
        .as_array()
        .map(|m| m.iter().filter_map(|m| m["metric"].as_str()).collect())
        .unwrap_or_default();
    assert_eq!(
        metrics,
        vec!["first_reply_time"; 4],
        "no 0-minute resolution"
    );
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("\"Low\"") && l.contains("best effort")),
        "{:#?}",
        export.report
    );
    // Freshdesk needs a resolution time for each priority: it says what it put instead.
    let export = freshdesk(&plan);
    let targets = &parse(&export.body)["sla_policies"][0]["sla_target"];
    assert_eq!(targets["priority_4"]["resolve_within"], 30 * 24 * 3600);
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("resolution time for every priority") && l.contains("30 days")),
        "{:#?}",
        export.report
    );
}

/// The most urgent priority's first response around the clock and its resolution on business
/// hours: each Zendesk target carries its own business-hours flag.
#[test]
fn each_zendesk_target_says_its_own_clock() {
    let mut plan = office_plan();
    plan.sla[0].targets[0].resolution =
        MetricTarget::new(Target::Within(Duration::hours(8)), "Office");
    let policy = &parse(&zendesk(&plan).body)["sla_policies"][0];
    assert_eq!(
        zendesk_metric(policy, "urgent", "first_reply_time")["business_hours"],
        false
    );
    assert_eq!(
        zendesk_metric(policy, "urgent", "requester_wait_time")["business_hours"],
        true
    );
    // Freshdesk has one switch per priority: the report says which clock it kept.
    let export = freshdesk(&plan);
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("one business-hours switch")),
        "{:#?}",
        export.report
    );
}

/// A calendar open every minute of the week is 24/7 whatever its name: no schedule, no business
/// hours.
#[test]
fn a_calendar_open_all_week_exports_as_calendar_hours() {
    let mut plan = office_plan();
    let mut always = Calendar::always_open();
    always.name = "Around the clock".to_string();
    always.time_zone = "Europe/Berlin".to_string();
    plan.calendars.push(always);
    plan.sla[0].targets[1] = sla(
        "High",
        Duration::hours(1),
        None,
        Duration::business_days(1),
        "Around the clock",
    );
    let body = parse(&zendesk(&plan).body);
    let policy = &body["sla_policies"][0];
    assert_eq!(
        zendesk_metric(policy, "high", "first_reply_time")["business_hours"],
        false
    );
    assert_eq!(
        zendesk_metric(policy, "high", "requester_wait_time")["target"],
        1440
    );
    let names: Vec<&str> = body["schedules"]
        .as_array()
        .map(|s| {
            s.iter()
                .filter_map(|s| s["schedule"]["name"].as_str())
                .collect()
        })
        .unwrap_or_default();
    assert_eq!(names, vec!["Office"]);
}

/// Four contract levels in match order: four Zendesk policies at positions 1–4, each filtered on
/// its segment's tag, the last one for every ticket; four Freshdesk policies likewise.
#[test]
fn contract_levels_export_as_ordered_policies() {
    let mut plan = office_plan();
    plan.channels.push(support_ops::plan::Channel {
        name: "Phone".to_string(),
        kind: ChannelKind::Phone,
        ..Default::default()
    });
    let base = plan.sla[0].clone();
    let level = |name: &str, segments: &[&str]| SlaPolicy {
        name: name.to_string(),
        applies_to: PolicyScope {
            segments: segments.iter().map(|s| s.to_string()).collect(),
            ..PolicyScope::default()
        },
        ..base.clone()
    };
    let mut enterprise = level("Enterprise", &["enterprise", "Strategic Accounts"]);
    enterprise.applies_to.channels = vec!["Phone".to_string()];
    plan.sla = vec![
        enterprise,
        level("Business", &["business"]),
        level("Premium", &["premium"]),
        level("Standard", &[]),
    ];
    let export = zendesk(&plan);
    let body = parse(&export.body);
    let policies = body["sla_policies"].as_array().cloned().unwrap_or_default();
    assert_eq!(policies.len(), 4);
    for (index, (policy, name)) in policies
        .iter()
        .zip(["Enterprise", "Business", "Premium", "Standard"])
        .enumerate()
    {
        assert_eq!(policy["position"], index + 1);
        assert_eq!(policy["title"], format!("Acme Billing {name}"));
    }
    let enterprise = &policies[0]["filter"];
    assert_eq!(
        enterprise["all"],
        serde_json::json!([
            {"field": "current_tags", "operator": "includes", "value": "enterprise strategic_accounts"},
            // Zendesk's conditions reference gives via_id the channel's numeric id: 34 is an
            // inbound phone call in its via types reference.
            {"field": "via_id", "operator": "is", "value": 34}
        ])
    );
    assert_eq!(
        policies[3]["filter"],
        serde_json::json!({"all": [], "any": []})
    );
    let report = export.report.join("\n");
    assert!(report.contains("\"strategic_accounts\""), "{report}");
    assert!(
        report.contains("\"Acme Billing Standard\" applies to every ticket: as the last policy"),
        "{report}"
    );

    let export = freshdesk(&plan);
    let body = parse(&export.body);
    let policies = body["sla_policies"].as_array().cloned().unwrap_or_default();
    assert_eq!(policies.len(), 4);
    assert_eq!(
        policies[0]["applicable_to"]["sources"],
        serde_json::json!([3])
    );
    let report = export.report.join("\n");
    assert!(report.contains("Default SLA policy"), "{report}");
    assert!(report.contains("contact_segments"), "{report}");
}

/// The same follow-the-sun week (open from Monday 08:00 in Sydney to Friday 17:00 in New York)
/// written on three clocks exports the same minutes. In June 2026 Sydney is UTC+10 and New York
/// UTC−4, so the week is open from Sunday 22:00 UTC to Friday 21:00 UTC; every 24 hours of it is
/// open, so a business day is 1,440 minutes on each.
#[test]
fn a_follow_the_sun_week_exports_the_same_minutes_on_any_clock() {
    let week = |zone: &str, opens: (Weekday, &str), closes: (Weekday, &str)| {
        let at = |text: &str| text.parse::<ClockTime>().unwrap_or(ClockTime::MIDNIGHT);
        let mut intervals = Vec::new();
        let (mut day, mut start) = (opens.0, at(opens.1));
        while day != closes.0 {
            intervals.push(WeeklyInterval::new(day, start, ClockTime::END_OF_DAY));
            day = day.next();
            start = ClockTime::MIDNIGHT;
        }
        intervals.push(WeeklyInterval::new(day, start, at(closes.1)));
        Calendar {
            name: "Follow the sun".to_string(),
            time_zone: zone.to_string(),
            intervals,
            holidays: vec![],
            holidays_from: String::new(),
        }
    };
    let clocks = [
        week(
            "Australia/Sydney",
            (Weekday::Mon, "08:00"),
            (Weekday::Sat, "07:00"),
        ),
        week("UTC", (Weekday::Sun, "22:00"), (Weekday::Fri, "21:00")),
        week(
            "America/New_York",
            (Weekday::Sun, "18:00"),
            (Weekday::Fri, "17:00"),
        ),
    ];
    let exported: Vec<Value> = clocks
        .iter()
        .map(|calendar| {
            let mut plan = office_plan();
            plan.calendars = vec![calendar.clone()];
            plan.sla = everyone(vec![sla(
                "Normal",
                Duration::hours(4),
                None,
                Duration::business_days(3),
                "Follow the sun",
            )]);
            parse(&zendesk(&plan).body)["sla_policies"][0]["policy_metrics"].clone()
        })
        .collect();
    assert_eq!(exported[0], exported[1]);
    assert_eq!(exported[1], exported[2]);
    let resolution = exported[0]
        .as_array()
        .and_then(|m| {
            m.iter()
                .find(|m| m["metric"] == "requester_wait_time")
                .cloned()
        })
        .unwrap_or(Value::Null);
    assert_eq!(resolution["target"], 3 * 1440);
}

/// "Emailed tickets default to Normal" becomes a Zendesk trigger on ticket creation.
#[test]
fn a_channels_default_priority_becomes_a_trigger() {
    let mut plan = office_plan();
    plan.channels.push(support_ops::plan::Channel {
        name: "Email".to_string(),
        kind: ChannelKind::Email,
        default_priority: "Normal".to_string(),
        ..Default::default()
    });
    let body = parse(&zendesk(&plan).body);
    assert_eq!(
        body["triggers"],
        serde_json::json!([{
            "title": "Email tickets default to Normal",
            "conditions": {
                "all": [
                    {"field": "update_type", "operator": "is", "value": "Create"},
                    // Via id 4 is mail (Zendesk's via types reference).
                    {"field": "via_id", "operator": "is", "value": 4}
                ],
                "any": []
            },
            "actions": [{"field": "priority", "value": "normal"}]
        }])
    );
    let export = freshdesk(&plan);
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("\"Email\" defaults to \"Normal\"")),
        "{:#?}",
        export.report
    );
}

#[test]
fn every_template_exports_valid_json_with_a_report() {
    for template in templates::all() {
        for export in [zendesk(&template.plan), freshdesk(&template.plan)] {
            parse(&export.body);
            assert!(!export.report.is_empty(), "{}", template.id);
        }
        let csv = taxonomy_csv(&template.plan);
        let types: usize = template
            .plan
            .taxonomy
            .iter()
            .map(|c| c.types.len().max(1))
            .sum();
        assert_eq!(csv.body.lines().count(), types + 1, "{}", template.id);
    }
}

#[test]
fn csv_quotes_by_rfc_4180() {
    assert_eq!(csv_cell("plain"), "plain");
    assert_eq!(csv_cell("a,b"), "\"a,b\"");
    assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
    assert_eq!(csv_cell("two\nlines"), "\"two\nlines\"");
    assert_eq!(csv_cell(""), "");
}

#[test]
fn csv_neutralises_spreadsheet_formulas() {
    assert_eq!(
        csv_cell("=HYPERLINK(\"http://x\")"),
        "\"'=HYPERLINK(\"\"http://x\"\")\""
    );
    assert_eq!(csv_cell("+1 555"), "'+1 555");
    assert_eq!(csv_cell("-refund"), "'-refund");
    assert_eq!(csv_cell("@admin"), "'@admin");
    assert_eq!(csv_cell("a=b"), "a=b", "only a leading sign is a formula");
}

#[test]
fn taxonomy_csv_has_the_header_and_one_row_per_type() {
    let mut plan = Plan::blank();
    plan.taxonomy = vec![support_ops::plan::Category {
        name: "Billing, invoices".to_string(),
        types: vec!["=SUM(A1)".to_string(), "Refund".to_string()],
        priority: "High".to_string(),
        route_to: "Tier 2".to_string(),
        team: "Finance".to_string(),
        keywords: vec!["invoice".to_string(), "refund".to_string()],
        ..Default::default()
    }];
    let export = taxonomy_csv(&plan);
    assert_eq!(export.mime, "text/csv");
    let lines: Vec<&str> = export.body.split("\r\n").collect();
    assert_eq!(lines[0], "category,type,priority,route_to,team,keywords");
    assert_eq!(
        lines[1],
        "\"Billing, invoices\",'=SUM(A1),High,Tier 2,Finance,invoice; refund"
    );
    assert_eq!(
        lines[2],
        "\"Billing, invoices\",Refund,High,Tier 2,Finance,invoice; refund"
    );
    assert_eq!(lines[3], "", "the file ends with CRLF");
}
