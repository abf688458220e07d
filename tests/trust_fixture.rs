//! The plan a VP reads: a B2B SaaS with three contract levels (Enterprise, Business, Standard),
//! email and chat on US business hours, and a 24/7 phone line for Enterprise alone answered by an
//! on-call rotation; US federal holidays 2027. Its staffing headline, its findings and its Zendesk
//! export are pinned here, each worked out by hand below.
//!
//! The numbers, by hand (the plan sets a flat arrival pattern so every hour is alike):
//!
//! - Volume: 2,600 tickets a month × 12 / 52 = 600 a week. Email 60 % = 360, chat 35 % = 210 less
//!   the chatbot's 25 % containment = 157.5, phone 5 % = 30.
//! - "US Business" is Mon–Fri 09:00–17:00 New York, the home zone: 40 open hours a week.
//! - Email (deferred): 360 × 12 min = 72 hours of work over 40 open hours at most 85 % busy:
//!   72 / 40 / 0.85 = 2.12 on shift each open hour, 84.7 agent-hours a week.
//! - Chat (live, 2 chats at once so 300 s per chat): 157.5 / 40 = 3.94 chats an hour, load
//!   A = 3.94 × 300 / 3600 = 0.328 Erlangs. Erlang C for 80 % within 30 s: one agent answers
//!   1 − 0.328·e^(−0.672·30/300) = 69 % in time (short); two: B(2) = 0.0390, C = 2·0.0390 /
//!   (2 − 0.328·0.961) = 0.0462, answered in time 1 − 0.0462·e^(−1.672·0.1) = 96 %. So 2 on
//!   shift each open hour, 80 agent-hours a week.
//! - Phone: all 168 hours are the on-call rotation's (Tier 2, one person at a time), so no desk
//!   agents. Its contacts are its share: 30 a week, 30 / 168 = 0.18 an hour of 15 min, 0.045
//!   Erlangs: one person on call is enough (0.045 / 0.85 rounds up to 1).
//! - Each desk is a pool of whole people of its own, as the simulated month and the what-if
//!   roster them, each pool by the larger of its busiest hour and its week's hours, with 30 %
//!   shrinkage (40 paid hours × 0.7 = 28 hours a week on shift per person):
//!   email 2.12 / 0.7 = 3.03 → 4, 84.7 / 28 = 3.02 → 4: **4**; chat 2 / 0.7 = 2.86 → 3,
//!   80 / 28 = 2.86 → 3: **3**.
//! - Escalations: 15 % of all the work goes on to Tier 2 (on US Business, 40 hours): email 72 h,
//!   chat 157.5 × 10 min = 26.25 h, phone 30 × 15 min = 7.5 h, together 105.75 h × 0.15 = 15.86 h,
//!   at most 85 % busy = 18.66 agent-hours, 0.47 on shift each open hour: 0.47 / 0.7 → 1,
//!   18.66 / 28 → 1: **1**.
//! - The plan needs 4 + 3 + 1 = **8** agents; the team has 8. (Were every agent to take every
//!   queue, 4.12 + 0.47 = 4.59 on shift / 0.7 = 6.6 → 7 would do; whole people per queue need
//!   one more.) A what-if with the team at 8 gives each pool its own and leaves no hour short;
//!   at 7 some hour is.
//! - Had the phone line been staffed at desks around the clock, it would need 1 agent in each of
//!   its 168 hours: a pool of its own of 168 / 28 = 6 people (1 / 0.7 → 2 at once), so
//!   4 + 3 + 6 + 1 = 14, 6 more than the team has. That is the headline on-call cover changes.
//!
//! The coverage findings, by hand: Business customers may use email and chat only (the phone is
//! Enterprise's), both closed from Friday 17:00 to Monday 09:00, 64 hours. Business Critical is
//! promised a first response within 2 hours on the 24/7 clock, so it breaches in that stretch
//! (SLA-012, and SLA-011: Tier 2 handles Critical and is off shift then; its on-call cover is
//! for the Enterprise phone). Enterprise Critical (1 h on 24/7) reaches the 24/7 phone and Tier 2
//! on call, so it has no such finding.

use support_ops::capacity::staffing::{ready, staffing};
use support_ops::plan::{json::from_json, Plan};
use support_ops::render::helpdesk::zendesk;
use support_ops::rules;

fn plan() -> Plan {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/plans/b2b-three-levels-on-call.json"
    ))
    .unwrap();
    from_json(&text).unwrap()
}

#[test]
fn the_staffing_headline_counts_the_phone_as_on_call_people() {
    let plan = plan();
    let need = ready(&plan).unwrap();
    assert_eq!((need.head_count, need.team_size), (8, 8));
    assert_eq!(need.pooled_head_count, 7);
    assert_eq!(need.escalation.head_count, 1);
    assert!((need.escalation.agent_hours - 105.75 * 0.15 / 0.85).abs() < 1e-9);
    assert_eq!(
        need.head_count_sum(),
        "Email 4 + Chat 3 + Tier 2 (escalations) 1 = 8"
    );
    assert_eq!(need.on_call_people(), 1);
    let by_name = |name: &str| need.channels.iter().find(|c| c.name == name).unwrap();
    let email = by_name("Email");
    assert_eq!(email.head_count, 4);
    assert_eq!(by_name("Chat").head_count, 3);
    assert!((email.weekly_contacts - 360.0).abs() < 1e-9);
    assert!((email.required[10] - 72.0 / 40.0 / 0.85).abs() < 1e-9);
    let chat = by_name("Chat");
    assert!((chat.weekly_contacts - 157.5).abs() < 1e-9);
    assert_eq!(chat.peak, 2.0);
    let phone = by_name("Enterprise hotline");
    assert_eq!(phone.head_count, 0);
    assert!(phone.required.iter().all(|n| *n == 0.0));
    let cover = phone.on_call.as_ref().unwrap();
    assert_eq!(cover.weekly_hours(), 168.0);
    assert!((cover.weekly_contacts() - 30.0).abs() < 1e-9);
    assert!((cover.peak_load - 30.0 / 168.0 * 900.0 / 3600.0).abs() < 1e-9);
    assert_eq!(cover.people_needed, 1);

    // The same line at desks around the clock: 14 people.
    let mut at_desks = plan.clone();
    at_desks.channels[2].on_call = None;
    assert_eq!(staffing(&at_desks).unwrap().head_count, 14);
}

#[test]
fn the_capacity_part_says_desks_and_on_call_apart_and_why() {
    let text = support_ops::render::render(
        &plan(),
        support_ops::render::Format::Text,
        support_ops::render::Section::Full,
    );
    assert!(text.contains("Headcount Needed: 8 agents"), "{text}");
    assert!(text.contains("On Call: 1 person at a time"), "{text}");
    assert!(
        text.contains("Enterprise hotline: No agents at desks. On call 168 h a week"),
        "{text}"
    );
}

#[test]
fn business_critical_cannot_reach_the_enterprise_phone() {
    let findings = rules::check(&plan());
    let at = |rule: &str| -> Vec<&str> {
        findings
            .iter()
            .filter(|f| f.rule == rule)
            .map(|f| f.path.as_str())
            .collect()
    };
    // All the plan's findings: the two coverage gaps worked out above, and no crisis path.
    let all: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f.rule.as_ref(), f.path.as_str()))
        .collect();
    assert_eq!(
        all,
        [
            ("SLA-011", "sla[1].targets[0].first_response.calendar"),
            ("SLA-012", "sla[1].targets[0].first_response.calendar"),
            ("ESC-006", "escalation.rules"),
        ]
    );
    // Policy 1 is Business; row 0 its Critical row.
    assert_eq!(at("SLA-012"), ["sla[1].targets[0].first_response.calendar"]);
    assert_eq!(at("SLA-011"), ["sla[1].targets[0].first_response.calendar"]);
    let closed = findings.iter().find(|f| f.rule == "SLA-012").unwrap();
    assert_eq!(
        closed.message,
        "Business Critical first response (2 hours) runs on the \"24/7\" clock, but no channel open to \
         \"Business\" customers is staffed for up to 64 hours at a stretch, e.g. from Fri 17:00. The \
         only channel open then is \"Enterprise hotline\" (offered to Enterprise only)."
    );
    // The desks are enough and the rotation too: no staffing finding.
    assert!(
        findings.iter().all(|f| !f.rule.starts_with("STAFF")),
        "{findings:#?}"
    );
}

#[test]
fn the_zendesk_export_carries_the_escalations_as_automations() {
    let export = zendesk(&plan());
    let body: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    // Rule 1: Enterprise Critical without a first response, 20 minutes after creation on the
    // 24/7 clock: whole hours only, so "more than 1 hour since created", for Enterprise-tagged
    // tickets. Rule 2 is for every policy: 2 hours after the Critical resolution target is
    // breached, counted on the clock of the policy for everyone else (Standard: 2bd on US
    // Business, so business hours); the report says Enterprise and Business run it on 24/7.
    let expected = serde_json::json!([
        {
            "title": "Enterprise critical ticket without a first response (escalate to Tier 2 on-call lead)",
            "conditions": {
                "all": [
                    {"field": "status", "operator": "less_than", "value": "solved"},
                    {"field": "current_tags", "operator": "not_includes", "value": "escalated_1"},
                    {"field": "priority", "operator": "is", "value": "urgent"},
                    {"field": "current_tags", "operator": "includes", "value": "enterprise"},
                    {"field": "NEW", "operator": "greater_than", "value": "1"}
                ],
                "any": []
            },
            "actions": [{"field": "add_tags", "value": "escalated_1 escalate_to_tier_2_on-call_lead"}]
        },
        {
            "title": "Critical ticket past its resolution target (escalate to Director of Support)",
            "conditions": {
                "all": [
                    {"field": "status", "operator": "less_than", "value": "solved"},
                    {"field": "current_tags", "operator": "not_includes", "value": "escalated_2"},
                    {"field": "priority", "operator": "is", "value": "urgent"},
                    {"field": "sla_next_breach_at", "operator": "greater_than_business_hours", "value": "2"}
                ],
                "any": []
            },
            "actions": [{"field": "add_tags", "value": "escalated_2 escalate_to_director_of_support"}]
        }
    ]);
    assert_eq!(body["automations"], expected, "{:#}", body["automations"]);
    let report = export.report.join("\n");
    assert!(
        report.contains(
            "Escalation \"Enterprise critical ticket without a first response\" should fire 20 min after the ticket is created; \
             Zendesk automations run once an hour, so it fires at the first hourly run after 1 hour, not at 20 min"
        ),
        "{report}"
    );
    assert!(
        report.contains("their Critical resolution targets run on different clocks (\"Enterprise\" on \"24/7\", \"Business\" on \"24/7\")"),
        "{report}"
    );
    let last = export.report.last().unwrap();
    assert!(last.starts_with("Not in this file: "), "{last}");
    for part in ["Channels (", "Tiers", "Ticket taxonomy", "Staffing"] {
        assert!(last.contains(part), "{part} missing from {last}");
    }
    assert!(!last.contains("SLA"), "{last}");
}

/// One staffing answer: with channel shares at 115 % Capacity says staffing is not worked out,
/// and no finding claims a head-count (before, STAFF-001 said "needs 7 agents" beside it).
#[test]
fn findings_and_capacity_agree_when_shares_do_not_add_up() {
    let mut plan = plan();
    plan.channels[0].volume_share = 75.0;
    plan.header.team_size = 2;
    assert!(matches!(
        support_ops::render::capacity_summary(&plan),
        support_ops::render::CapacitySummary::Missing(_)
    ));
    let findings = rules::check(&plan);
    assert!(findings.iter().any(|f| f.rule == "CHN-002"));
    assert!(
        findings.iter().all(|f| !f.rule.starts_with("STAFF")),
        "{findings:#?}"
    );
    // Shares fixed, both read the one answer again: 8 people (worked out above) against 2.
    plan.channels[0].volume_share = 60.0;
    plan.channels[1].volume_share = 35.0;
    let need = ready(&plan).unwrap().head_count;
    let short = rules::check(&plan)
        .into_iter()
        .find(|f| f.rule == "STAFF-001")
        .unwrap();
    assert_eq!(need, 8);
    assert!(
        short.message.starts_with("The plan needs 8 agents"),
        "{}",
        short.message
    );
}

/// The what-if at the "needed" team (issue 23 item 1): with the team set to the 8 the headline
/// names (worked out above), each pool gets its own head-count and the simulated month's rosters
/// leave no hour short (`capacity::short`: chat has its 2 on shift in every open hour; email's
/// 2.12 an hour, met by 2 or 3 whole people by the hour, never falls an agent-hour behind), and
/// the rotation's person is on the phone in each of its hours. With 7, some hour is short: 8 is
/// the smallest team that shows none.
#[test]
fn the_needed_team_leaves_no_hour_short() {
    use support_ops::capacity::scenario::Scenario;
    use support_ops::capacity::short::short_hours;
    use support_ops::capacity::simulation::{simulate, SimulationConfig};
    let plan = plan();
    let need = ready(&plan).unwrap();
    let month_with = |team_size: u32| {
        let tried = Scenario {
            team_size,
            ..Scenario::of(&plan)
        }
        .applied_to(&plan);
        simulate(&tried, &SimulationConfig::default()).unwrap()
    };
    let month = month_with(need.head_count);
    let agents: Vec<u32> = month.pools.iter().map(|p| p.agents).collect();
    // Email, chat, the on-call phone (no desk agents), Tier 2.
    assert_eq!(agents, [4, 3, 0, 1]);
    let short = short_hours(&need, &month.pools);
    assert!(short.is_empty(), "short at {short:?}");
    let phone = month.pools.iter().find(|p| p.channel == Some(2)).unwrap();
    assert!(
        phone.on_shift.iter().all(|n| *n >= 1),
        "{:?}",
        phone.on_shift
    );
    assert!(!short_hours(&need, &month_with(need.head_count - 1).pools).is_empty());
}

/// Issue 23 item 6: a holiday list several calendars share. A second calendar, "US Extended"
/// (Mon–Sat 08:00–20:00), keeps the holidays of "US Business" ("Same holidays as"): the file
/// holds the 12 US days once, every clock and the staffing maths read them on both calendars
/// (Independence Day is observed on Monday 5 July 2027), and the Zendesk export writes them
/// into each schedule, as Zendesk wants holidays per schedule. A name that is not another
/// calendar of the plan is CAL-006.
#[test]
fn calendars_share_one_holiday_list() {
    use support_ops::plan::{json::to_json, Date, Weekday, WeeklyInterval};
    let mut plan = plan();
    let business = plan.calendar("US Business").unwrap().into_owned();
    assert_eq!(business.holidays.len(), 12);
    let mut extended = business.clone();
    extended.name = "US Extended".into();
    extended.holidays.clear();
    extended.holidays_from = "US Business".into();
    extended.intervals = Weekday::ALL[..6]
        .iter()
        .map(|&d| WeeklyInterval::new(d, "08:00".parse().unwrap(), "20:00".parse().unwrap()))
        .collect();
    plan.calendars.push(extended);

    let shared = plan.calendar("US Extended").unwrap();
    assert_eq!(shared.holidays.len(), 12);
    let july_5 = Date {
        year: 2027,
        month: 7,
        day: 5,
    };
    assert!(shared.holidays.iter().any(|h| h.falls_on(july_5)));

    // One copy in the file; it loads back the same.
    let text = to_json(&plan);
    assert_eq!(
        text.matches("Independence Day (observed)").count(),
        1,
        "{text}"
    );
    assert_eq!(from_json(&text).unwrap(), plan);

    let export = zendesk(&plan);
    let body: serde_json::Value = serde_json::from_str(&export.body).unwrap();
    let holidays_of = |name: &str| {
        body["schedules"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["schedule"]["name"] == name)
            .map(|s| s["holidays"].as_array().unwrap().len())
    };
    assert_eq!(holidays_of("US Business"), Some(12));
    assert_eq!(holidays_of("US Extended"), Some(12));
    assert!(rules::check(&plan).iter().all(|f| f.rule != "CAL-006"));

    plan.calendars[1].holidays_from = "UK Business".into();
    let unknown = rules::check(&plan);
    let finding = unknown.iter().find(|f| f.rule == "CAL-006").unwrap();
    assert_eq!(finding.path.as_str(), "calendars[1].holidays_from");
    assert_eq!(plan.calendar("US Extended").unwrap().holidays.len(), 0);
}

/// People typed absurdly large on two rotations add up to the most a count holds, never an
/// overflow (a property test found `on_call_people` panicking on such a plan in a debug build).
#[test]
fn on_call_people_of_absurd_rotations_saturate() {
    let mut plan = plan();
    let hotline = plan
        .channels
        .iter()
        .position(|c| c.on_call.is_some())
        .unwrap();
    let mut second = plan.channels[hotline].clone();
    second.name = "Second hotline".into();
    second.volume_share = 0.0;
    if let Some(on_call) = &mut second.on_call {
        on_call.rotation = "Platform engineers".into();
        on_call.people = u32::MAX;
    }
    if let Some(on_call) = &mut plan.channels[hotline].on_call {
        on_call.people = u32::MAX;
    }
    plan.channels.push(second);
    let need = ready(&plan).unwrap();
    assert_eq!(need.on_call_people(), u32::MAX);
}
