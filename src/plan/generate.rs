//! Large, realistic plans made from a seed, for benchmarks and scale tests (hundreds of categories).
//! Deterministic: the same seed and size always give the same plan.

use super::templates;
use super::{
    Category, Channel, ChannelKind, Duration, EscalationPath, EscalationRule, Plan, SlaMetric,
};

/// How big a generated plan is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PlanSize {
    pub categories: usize,
    pub channels: usize,
    pub escalation_rules: usize,
}

impl PlanSize {
    /// The enterprise plan of the performance budget: 500 categories, 50 channels, 100 escalations.
    pub const LARGE: PlanSize = PlanSize {
        categories: 500,
        channels: 50,
        escalation_rules: 100,
    };

    /// A plan with `categories` categories and proportionate channels and escalations.
    pub fn with_categories(categories: usize) -> PlanSize {
        PlanSize {
            categories,
            channels: (categories / 10).clamp(4, 50),
            escalation_rules: (categories / 5).clamp(6, 100),
        }
    }
}

/// SplitMix64: a tiny, well-mixed generator, enough for test data.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, bound: usize) -> usize {
        (self.next() % bound.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &'a [&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const AREAS: [&str; 12] = [
    "Billing",
    "Login",
    "Reports",
    "Integrations",
    "Mobile app",
    "Notifications",
    "Exports",
    "Permissions",
    "Search",
    "Onboarding",
    "Payments",
    "Data import",
];
const PROBLEMS: [&str; 8] = [
    "errors",
    "questions",
    "slowness",
    "configuration",
    "access",
    "data mismatch",
    "requests",
    "outages",
];
const TYPES: [&str; 10] = [
    "Error message",
    "Cannot find setting",
    "Wrong result",
    "Timeout",
    "How-to",
    "Request change",
    "Missing data",
    "Duplicate",
    "Permission denied",
    "Feature request",
];

/// A plan of the given size built on the B2B SaaS template, valid enough to be realistic.
pub fn large_plan(seed: u64, size: PlanSize) -> Plan {
    let mut random = SplitMix64(seed);
    let mut plan = templates::by_id("b2b-saas").unwrap_or_else(Plan::blank);
    plan.header.product = format!("Generated enterprise plan #{seed}");
    plan.header.monthly_volume = 2_000 + 40 * size.categories as u32;
    // About one agent per 120 tickets a month: enough for the staffing maths to be met with
    // whole people at each of the many small channels' desks.
    plan.header.team_size = 10 + plan.header.monthly_volume / 120;

    // Normal and Low go to Tier 1 or Tier 2; Critical to incident response; High to Tier 1.
    let routes = |priority: &str| match priority {
        "Critical" => "Incident Response",
        "High" => "Tier 1",
        _ => "Tier 2",
    };
    let priorities = ["Critical", "High", "Normal", "Normal", "Normal", "Low"];
    plan.taxonomy = (0..size.categories)
        .map(|index| {
            let priority = random.pick(&priorities);
            let type_count = 2 + random.below(4);
            Category {
                name: format!(
                    "{} {} #{index:04}",
                    random.pick(&AREAS),
                    random.pick(&PROBLEMS)
                ),
                types: (0..type_count)
                    .map(|t| format!("{} {t}", random.pick(&TYPES)))
                    .collect(),
                priority: priority.to_string(),
                route_to: routes(priority).to_string(),
                team: random.pick(&AREAS).to_string(),
                // Keywords are unique per category, as a real auto-categorisation setup needs.
                keywords: vec![format!("{}-{index}", random.pick(&AREAS).to_lowercase())],
                workflow: vec!["Triage".into(), "Reproduce".into(), "Resolve".into()],
                volume_share: 100.0 / size.categories.max(1) as f64,
            }
        })
        .collect();

    let kinds = [
        ChannelKind::Chat,
        ChannelKind::Email,
        ChannelKind::Portal,
        ChannelKind::Phone,
    ];
    let count = size.channels.max(1);
    let base_share = (1000 / count) as f64 / 10.0;
    plan.channels = (0..count)
        .map(|index| {
            let kind = kinds[index % kinds.len()];
            let last = index + 1 == count;
            Channel {
                name: format!("{} region {index:02}", kind.label()),
                kind,
                use_case: format!("Customers of region {index}"),
                hours: if kind == ChannelKind::Phone {
                    "24/7"
                } else {
                    "US business hours"
                }
                .to_string(),
                volume_share: if last {
                    ((100.0 - base_share * (count - 1) as f64) * 10.0).round() / 10.0
                } else {
                    base_share
                },
                handle_time: Duration::minutes(5 + random.below(20) as u32),
                concurrency: if kind == ChannelKind::Chat { 2 } else { 1 },
                route_to: if kind == ChannelKind::Phone {
                    "Incident Response"
                } else {
                    "Tier 1"
                }
                .to_string(),
                ..Channel::default()
            }
        })
        .collect();

    let guarded = [
        ("Critical", SlaMetric::FirstResponse, 10u32),
        ("Critical", SlaMetric::Resolution, 120),
        ("High", SlaMetric::FirstResponse, 45),
        ("High", SlaMetric::Resolution, 360),
        ("Normal", SlaMetric::NextResponse, 300),
    ];
    plan.escalation.rules = (0..size.escalation_rules)
        .map(|index| {
            let (priority, metric, minutes) = guarded[index % guarded.len()];
            EscalationRule {
                trigger: format!("{priority} {} at risk, queue {index}", metric.label()),
                priority: Some(priority.to_string()),
                metric,
                escalate_to: format!("Team lead {}", index % 17),
                timeframe: Duration::minutes(minutes - random.below(5) as u32),
                notify: vec![
                    format!("Team lead {}", index % 17),
                    "Support Manager".into(),
                ],
                path: match index {
                    0 => EscalationPath::Executive,
                    1 => EscalationPath::Crisis,
                    _ => EscalationPath::Standard,
                },
                ..EscalationRule::default()
            }
        })
        .collect();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_plan_and_sizes_hold() {
        let a = large_plan(7, PlanSize::LARGE);
        assert_eq!(a, large_plan(7, PlanSize::LARGE));
        assert_ne!(a, large_plan(8, PlanSize::LARGE));
        assert_eq!(a.taxonomy.len(), 500);
        assert_eq!(a.channels.len(), 50);
        assert_eq!(a.escalation.rules.len(), 100);
        let shares: f64 = a.channels.iter().map(|c| c.volume_share).sum();
        assert!((shares - 100.0).abs() < 0.05, "{shares}");
    }
}
