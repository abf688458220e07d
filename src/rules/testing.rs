//! Test support: a small plan that passes every rule, and assertions on one rule's findings.
//! Each rule's tests break this plan in one place and fix it again.

use super::{check, Finding};
use crate::plan::*;

fn clock(text: &str) -> ClockTime {
    text.parse().expect("test clock time")
}

pub(crate) fn duration(text: &str) -> Duration {
    text.parse().expect("test duration")
}

/// Monday to Friday, 09:00–17:00 in Berlin.
pub(crate) fn business_hours() -> Calendar {
    Calendar {
        name: "Business hours".into(),
        time_zone: "Europe/Berlin".into(),
        intervals: Weekday::ALL[..5]
            .iter()
            .map(|&day| WeeklyInterval::new(day, clock("09:00"), clock("17:00")))
            .collect(),
        holidays: Vec::new(),
        holidays_from: String::new(),
    }
}

pub(crate) fn channel(
    name: &str,
    kind: ChannelKind,
    hours: &str,
    share: f64,
    tier: &str,
) -> Channel {
    Channel {
        name: name.into(),
        kind,
        use_case: format!("{name} questions"),
        hours: hours.into(),
        volume_share: share,
        handle_time: duration("12m"),
        concurrency: if kind == ChannelKind::Chat { 2 } else { 1 },
        route_to: tier.into(),
        ..Channel::default()
    }
}

pub(crate) fn category(
    name: &str,
    priority: &str,
    tier: &str,
    keyword: &str,
    share: f64,
) -> Category {
    Category {
        name: name.into(),
        types: vec![format!("{name} question"), format!("{name} problem")],
        priority: priority.into(),
        route_to: tier.into(),
        team: String::new(),
        keywords: vec![keyword.into()],
        workflow: vec!["Reproduce".into(), "Resolve".into()],
        volume_share: share,
    }
}

/// A metric's target (`24h`, `none`, `best effort`) on a calendar.
pub(crate) fn target(text: &str, calendar: &str) -> MetricTarget {
    MetricTarget::new(text.parse().expect("test target"), calendar)
}

/// An SLA row with a first response and a resolution on one calendar.
pub(crate) fn sla(priority: &str, first: &str, resolution: &str, calendar: &str) -> SlaTarget {
    SlaTarget {
        priority: priority.into(),
        first_response: target(first, calendar),
        resolution: target(resolution, calendar),
        ..SlaTarget::default()
    }
}

/// A policy for everyone with these rows.
pub(crate) fn policy(targets: Vec<SlaTarget>) -> SlaPolicy {
    SlaPolicy {
        name: "Standard".into(),
        targets,
        ..SlaPolicy::default()
    }
}

pub(crate) fn escalation(
    trigger: &str,
    priority: Option<&str>,
    metric: SlaMetric,
    to: &str,
    timeframe: &str,
    path: EscalationPath,
) -> EscalationRule {
    EscalationRule {
        trigger: trigger.into(),
        priority: priority.map(String::from),
        metric,
        escalate_to: to.into(),
        timeframe: duration(timeframe),
        notify: vec![to.into(), "Support Manager".into()],
        path,
        ..EscalationRule::default()
    }
}

/// A complete, consistent plan: every rule is quiet on it.
pub(crate) fn valid_plan() -> Plan {
    let mut plan = Plan::blank();
    plan.header = Header {
        product: "Acme Cloud".into(),
        monthly_volume: 4000,
        team_size: 17,
        time_zone: "Europe/Berlin".into(),
    };
    plan.calendars = vec![business_hours()];
    plan.tiers[1].response = duration("30m");
    plan.channels = vec![
        channel("Chat", ChannelKind::Chat, "Business hours", 40.0, "Tier 1"),
        channel("Email", ChannelKind::Email, ALWAYS_OPEN, 45.0, "Tier 1"),
        channel("Phone", ChannelKind::Phone, ALWAYS_OPEN, 15.0, "Tier 2"),
    ];
    plan.taxonomy = vec![
        category("Outage", "Critical", "Tier 1", "down", 10.0),
        category("Billing", "High", "Tier 1", "invoice", 20.0),
        category("How-to", "Normal", "Tier 2", "how do i", 50.0),
        category("Feature request", "Low", "Tier 3", "feature", 20.0),
    ];
    let mut critical = sla("Critical", "30m", "4h", ALWAYS_OPEN);
    critical.next_response = target("1h", ALWAYS_OPEN);
    critical.warn_before = Some(duration("10m"));
    let mut normal = sla("Normal", "8h", "3bd", "Business hours");
    normal.warn_before = Some(duration("1h"));
    plan.sla = vec![policy(vec![
        critical,
        sla("High", "2h", "1d", ALWAYS_OPEN),
        normal,
        sla("Low", "2bd", "10bd", "Business hours"),
    ])];
    plan.escalation = Escalation {
        rules: vec![
            escalation(
                "Critical ticket without first response",
                Some("Critical"),
                SlaMetric::FirstResponse,
                "Support Manager",
                "20m",
                EscalationPath::Standard,
            ),
            escalation(
                "Critical ticket still open",
                Some("Critical"),
                SlaMetric::Resolution,
                "VP Support",
                "3h",
                EscalationPath::Executive,
            ),
            escalation(
                "Outage hitting many customers",
                None,
                SlaMetric::FirstResponse,
                "Incident commander",
                "15m",
                EscalationPath::Crisis,
            ),
        ],
        handoff_protocol: vec!["Summarise the issue".into(), "List what was tried".into()],
    };
    plan.self_service = SelfService {
        knowledge_base: vec!["Getting started".into()],
        faq: vec!["How do I reset my password?".into()],
        video_tutorials: vec!["First steps".into()],
        community_forum: false,
    };
    plan.automation = Automation {
        auto_reply: vec!["Acknowledge every email".into()],
        auto_route: vec!["Invoices to Billing".into()],
        auto_resolve: vec!["Password resets".into()],
        chatbot: "Password resets and order status".into(),
        chatbot_containment: Some(20.0),
    };
    plan.metrics = SuccessMetrics {
        first_response: DurationTarget {
            baseline: Some(duration("4h")),
            target: duration("1h"),
        },
        resolution: DurationTarget {
            baseline: Some(duration("2d")),
            target: duration("1d"),
        },
        csat: PercentTarget {
            baseline: Some(82.0),
            target: 90.0,
        },
        first_contact_resolution: PercentTarget {
            baseline: Some(60.0),
            target: 70.0,
        },
        deflection: PercentTarget {
            baseline: Some(10.0),
            target: 25.0,
        },
        custom: Vec::new(),
    };
    plan.feedback = FeedbackLoop {
        weekly: "Top bugs to product".into(),
        monthly: "Ticket trends".into(),
        quarterly: "Strategy review with leadership".into(),
    };
    plan.customer_success.health = HealthScore {
        components: vec![
            HealthComponent {
                name: "Usage".into(),
                weight: 40.0,
                signal: "Weekly active seats".into(),
            },
            HealthComponent {
                name: "Support".into(),
                weight: 30.0,
                signal: "Tickets and CSAT".into(),
            },
            HealthComponent {
                name: "Sentiment".into(),
                weight: 30.0,
                signal: "NPS".into(),
            },
        ],
        bands: vec![
            HealthBand {
                colour: HealthColour::Red,
                min: 0,
                max: 39,
            },
            HealthBand {
                colour: HealthColour::Yellow,
                min: 40,
                max: 69,
            },
            HealthBand {
                colour: HealthColour::Green,
                min: 70,
                max: 100,
            },
        ],
    };
    plan.customer_success.outreach = vec![OutreachTrigger {
        trigger: "Usage drops by a third".into(),
        action: "Call the admin".into(),
        owner: "Customer success manager".into(),
    }];
    plan
}

fn of_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule == rule).collect()
}

/// The plan has a finding of `rule` at `path`; returns it for checks on its words.
pub(crate) fn assert_fires(plan: &Plan, rule: &str, path: &str) -> Finding {
    let findings = check(plan);
    let found = of_rule(&findings, rule);
    match found.iter().find(|f| f.path == path) {
        Some(finding) => {
            assert!(!finding.message.is_empty() && !finding.hint.is_empty());
            // Choosing the finding in the designer must lead to a control that edits it.
            assert!(
                crate::form::control_for(&finding.path).is_some(),
                "{rule} at {path}: no form control edits it"
            );
            assert_paths_resolve(plan, &findings);
            (*finding).clone()
        }
        None => panic!("expected {rule} at {path}, got {found:#?}"),
    }
}

/// Every finding of this (broken) plan names a value the plan has: its path resolves to a node of
/// the plan, so a misspelt field or an index past the list fails the rule's own tests.
pub(crate) fn assert_paths_resolve(plan: &Plan, findings: &[Finding]) {
    for finding in findings {
        assert!(
            crate::form::node::at(plan, finding.path.as_str()).is_some(),
            "{} at {} is not a value of the plan",
            finding.rule,
            finding.path
        );
    }
}

/// The plan has no finding of `rule`.
pub(crate) fn assert_quiet(plan: &Plan, rule: &str) {
    let findings = check(plan);
    let found = of_rule(&findings, rule);
    assert!(found.is_empty(), "expected no {rule}, got {found:#?}");
}

#[test]
fn the_valid_plan_passes_every_rule() {
    let findings = check(&valid_plan());
    assert!(findings.is_empty(), "{findings:#?}");
}

/// A calendar open Monday to Friday, 09:00–17:00, in `zone`, without holidays: the office week
/// the SLA, comparison and document tests share.
pub(crate) fn nine_to_five(name: &str, zone: &str) -> Calendar {
    Calendar {
        name: name.into(),
        time_zone: zone.into(),
        intervals: Weekday::ALL[..5]
            .iter()
            .map(|&d| WeeklyInterval::new(d, "09:00".parse().unwrap(), "17:00".parse().unwrap()))
            .collect(),
        holidays: vec![],
        holidays_from: String::new(),
    }
}
