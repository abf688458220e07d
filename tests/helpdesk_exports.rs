//! Helpdesk exports as a helpdesk admin uses them: the fields and units Zendesk and Freshdesk
//! document, the mapping report for what does not fit, and a taxonomy CSV a spreadsheet opens safely.
//!
//! Expected field names are copied from the vendors' API references, not from this crate's output:
//! Zendesk "SLA Policies" and "Schedules" (developer.zendesk.com/api-reference/…), Freshdesk API v2
//! "SLA Policies" (sla_target / priority_1..4 / respond_within / resolve_within in seconds).

use serde_json::Value;
use support_ops::plan::{
    templates, Calendar, ClockTime, Date, Duration, Holiday, Plan, Priority, PriorityMapping,
    SlaTarget, Weekday, WeeklyInterval, ALWAYS_OPEN,
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
    SlaTarget {
        priority: priority.to_string(),
        first_response: first,
        next_response: next,
        resolution,
        calendar: calendar.to_string(),
        warn_before: None,
    }
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
    }];
    plan.sla = vec![
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
    ];
    plan
}

#[test]
fn zendesk_policy_has_the_documented_fields_and_minutes() {
    let export = zendesk(&office_plan());
    assert_eq!(export.mime, "application/json");
    assert!(export.file_name.ends_with(".json"), "{}", export.file_name);
    let body = parse(&export.body);
    let policy = &body["sla_policy"];
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
    let find = |priority: &str, metric: &str| {
        metrics
            .iter()
            .find(|m| m["priority"] == priority && m["metric"] == metric)
            .cloned()
            .unwrap_or(Value::Null)
    };
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
    let body = parse(&export.body);
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
    let escalation = parse(&export.body)["escalation"].clone();
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
    plan.sla.push(sla(
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
    let low_first = body["sla_policy"]["policy_metrics"]
        .as_array()
        .and_then(|m| {
            m.iter()
                .find(|m| m["priority"] == "low" && m["metric"] == "first_reply_time")
                .cloned()
        });
    assert_eq!(
        low_first.map(|m| m["target"].clone()),
        Some(Value::from(480))
    );
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
    let priorities: Vec<String> = body["sla_policy"]["policy_metrics"]
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

#[test]
fn business_days_on_24_7_are_reported() {
    let mut plan = office_plan();
    plan.sla[0].resolution = Duration::business_days(1);
    let export = zendesk(&plan);
    assert!(
        export
            .report
            .iter()
            .any(|l| l.contains("24/7") && l.contains("1bd")),
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
