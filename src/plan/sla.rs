//! SLA policies as vendors publish them: named contract levels in match order, each with who it
//! applies to and, per priority, optional targets that each run on a clock of their own.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::duration::{Duration, DurationError};

/// One contract level's SLA ("Standard", "Premium", "Enterprise"). A ticket gets the first policy,
/// in the plan's order, whose `applies_to` matches it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct SlaPolicy {
    pub name: String,
    /// What a customer reads about it ("Included with the Enterprise plan").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(skip_serializing_if = "PolicyScope::is_empty")]
    pub applies_to: PolicyScope,
    /// Targets per priority (priorities are plan-wide).
    pub targets: Vec<SlaTarget>,
}

impl SlaPolicy {
    /// The targets of a priority in this policy (the first row, if the policy repeats one).
    pub fn target_for(&self, priority: &str) -> Option<&SlaTarget> {
        self.targets.iter().find(|t| t.priority == priority)
    }
}

/// Which tickets a policy covers. Empty lists match every ticket. Within a list any entry matches;
/// across lists all must: "segments premium or enterprise, on channel Phone".
///
/// The lists map onto both helpdesks: segments are ticket tags in Zendesk (`current_tags
/// includes`) and contact or company segments in Freshdesk; organisations are Zendesk organisations
/// and Freshdesk companies; channels are Zendesk's `via` and Freshdesk's ticket `sources`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PolicyScope {
    /// Contract levels or customer segments, as the tag their tickets carry ("enterprise").
    pub segments: Vec<String>,
    /// Named customers (organisations, companies).
    pub organizations: Vec<String>,
    /// Names of the plan's channels whose tickets it covers.
    pub channels: Vec<String>,
    /// Conditions read from a helpdesk that a plan cannot say (Zendesk's `assignee_id is 7`,
    /// Freshdesk's `group_ids`), kept as written: the policy covers only the tickets that meet
    /// them too, and the export to that helpdesk writes them back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub helpdesk_conditions: Vec<HelpdeskCondition>,
}

/// One helpdesk condition kept as the helpdesk wrote it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct HelpdeskCondition {
    /// "Zendesk" or "Freshdesk".
    pub helpdesk: String,
    /// Where it sits: Zendesk's `all` or `any` list, or the key of Freshdesk's `applicable_to`.
    pub within: String,
    /// The condition as JSON text, exactly as the helpdesk wrote it.
    pub condition: String,
}

impl PolicyScope {
    /// True when nothing at all is written in it (saved files leave it out).
    pub fn is_empty(&self) -> bool {
        self.segments.is_empty()
            && self.organizations.is_empty()
            && self.channels.is_empty()
            && self.helpdesk_conditions.is_empty()
    }

    /// True when the policy matches every ticket: it names nobody and keeps no helpdesk
    /// condition.
    pub fn is_everyone(&self) -> bool {
        let blank = |list: &[String]| list.iter().all(|s| s.trim().is_empty());
        blank(&self.segments)
            && blank(&self.organizations)
            && blank(&self.channels)
            && self.helpdesk_conditions.is_empty()
    }
}

/// One priority's targets within a policy.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct SlaTarget {
    /// Name of the priority this row is for.
    pub priority: String,
    #[serde(skip_serializing_if = "MetricTarget::is_unset")]
    pub first_response: MetricTarget,
    /// Time to each following reply.
    #[serde(skip_serializing_if = "MetricTarget::is_unset")]
    pub next_response: MetricTarget,
    /// How often the customer hears about progress while the ticket is open.
    #[serde(skip_serializing_if = "MetricTarget::is_unset")]
    pub periodic_update: MetricTarget,
    #[serde(skip_serializing_if = "MetricTarget::is_unset")]
    pub resolution: MetricTarget,
    /// Warn the assignee this long before a target is breached.
    pub warn_before: Option<Duration>,
}

impl SlaTarget {
    pub fn metric(&self, metric: SlaMetric) -> &MetricTarget {
        match metric {
            SlaMetric::FirstResponse => &self.first_response,
            SlaMetric::NextResponse => &self.next_response,
            SlaMetric::PeriodicUpdate => &self.periodic_update,
            SlaMetric::Resolution => &self.resolution,
        }
    }

    pub fn metric_mut(&mut self, metric: SlaMetric) -> &mut MetricTarget {
        match metric {
            SlaMetric::FirstResponse => &mut self.first_response,
            SlaMetric::NextResponse => &mut self.next_response,
            SlaMetric::PeriodicUpdate => &mut self.periodic_update,
            SlaMetric::Resolution => &mut self.resolution,
        }
    }

    /// The metrics with a duration promised, with that duration.
    pub fn promised(&self) -> impl Iterator<Item = (SlaMetric, &MetricTarget, Duration)> {
        SlaMetric::ALL.into_iter().filter_map(move |metric| {
            let target = self.metric(metric);
            target.within().map(|within| (metric, target, within))
        })
    }
}

/// A metric's target and the clock it runs on.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct MetricTarget {
    pub target: Target,
    /// Name of the calendar the clock runs on (`24/7` for elapsed time).
    pub calendar: String,
}

impl MetricTarget {
    pub fn new(target: Target, calendar: &str) -> MetricTarget {
        MetricTarget {
            target,
            calendar: calendar.to_string(),
        }
    }

    /// No target and no clock: what a metric is when nobody has written anything in it.
    pub fn is_unset(&self) -> bool {
        self.target == Target::NoTarget && self.calendar.is_empty()
    }

    /// The duration promised, if one is.
    pub fn within(&self) -> Option<Duration> {
        match self.target {
            Target::Within(duration) => Some(duration),
            _ => None,
        }
    }
}

/// What a policy promises for one metric.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Target {
    /// Nothing is promised (written `none`).
    #[default]
    NoTarget,
    /// Worked on as fast as possible, with no time promised (written `best effort`).
    BestEffort,
    /// Due within this time on the metric's clock (`0m` is instant).
    Within(Duration),
}

impl Target {
    /// "No target", "Best effort", or the duration in words on its clock (see
    /// `Duration::in_words_on`: `None` for elapsed time, else the calendar's business day).
    pub fn in_words_on(&self, business_day: Option<u32>) -> String {
        match self {
            Target::NoTarget => "No target".to_string(),
            Target::BestEffort => "Best effort".to_string(),
            Target::Within(duration) => duration.in_words_on(business_day),
        }
    }
}

impl fmt::Display for Target {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::NoTarget => f.write_str("none"),
            Target::BestEffort => f.write_str("best effort"),
            Target::Within(duration) => duration.fmt(f),
        }
    }
}

impl FromStr for Target {
    type Err = DurationError;

    /// Empty, `none`, `no target`, `n/a` or `-` is no target; `best effort` (`be`) is best effort;
    /// anything else is read as a duration.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let key: String = text
            .trim()
            .to_ascii_lowercase()
            .chars()
            .filter(|c| c.is_ascii_alphanumeric() || *c == '/')
            .collect();
        match key.as_str() {
            "" | "none" | "notarget" | "na" | "n/a" => Ok(Target::NoTarget),
            "besteffort" | "be" => Ok(Target::BestEffort),
            _ => text.parse().map(Target::Within),
        }
    }
}

impl Serialize for Target {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Target {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Target".into()
    }

    fn json_schema(_generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "\"none\" (no target), \"best effort\", or a duration such as 30m, 4h, 24h or 3bd.",
            "examples": ["none", "best effort", "30m", "24h", "3bd"]
        })
    }
}

/// The SLA metrics a policy can promise.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SlaMetric {
    #[default]
    FirstResponse,
    NextResponse,
    PeriodicUpdate,
    Resolution,
}

impl SlaMetric {
    pub const ALL: [SlaMetric; 4] = [
        SlaMetric::FirstResponse,
        SlaMetric::NextResponse,
        SlaMetric::PeriodicUpdate,
        SlaMetric::Resolution,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            SlaMetric::FirstResponse => "first response",
            SlaMetric::NextResponse => "next response",
            SlaMetric::PeriodicUpdate => "periodic update",
            SlaMetric::Resolution => "resolution",
        }
    }

    /// The JSON field of the metric in an SLA row.
    pub fn key(self) -> &'static str {
        match self {
            SlaMetric::FirstResponse => "first_response",
            SlaMetric::NextResponse => "next_response",
            SlaMetric::PeriodicUpdate => "periodic_update",
            SlaMetric::Resolution => "resolution",
        }
    }

    /// The column heading in documents ("First Response").
    pub fn heading(self) -> &'static str {
        match self {
            SlaMetric::FirstResponse => "First Response",
            SlaMetric::NextResponse => "Next Response",
            SlaMetric::PeriodicUpdate => "Periodic Update",
            SlaMetric::Resolution => "Resolution",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_read_the_words_people_use() {
        for (typed, target) in [
            ("", Target::NoTarget),
            ("none", Target::NoTarget),
            ("No target", Target::NoTarget),
            ("n/a", Target::NoTarget),
            ("-", Target::NoTarget),
            ("best effort", Target::BestEffort),
            ("Best-effort", Target::BestEffort),
            ("24h", Target::Within(Duration::hours(24))),
            ("0m", Target::Within(Duration::ZERO)),
        ] {
            assert_eq!(typed.parse::<Target>(), Ok(target), "{typed:?}");
        }
        assert!("soon".parse::<Target>().is_err());
    }

    #[test]
    fn no_target_is_not_instant() {
        assert_ne!(Target::NoTarget, Target::Within(Duration::ZERO));
        assert_eq!(Target::NoTarget.in_words_on(None), "No target");
        assert_eq!(Target::BestEffort.in_words_on(Some(480)), "Best effort");
        assert_eq!(Target::Within(Duration::ZERO).in_words_on(None), "Instant");
        for target in [
            Target::NoTarget,
            Target::BestEffort,
            Target::Within(Duration::hours(24)),
        ] {
            assert_eq!(target.to_string().parse::<Target>(), Ok(target));
        }
    }

    #[test]
    fn a_scope_with_nothing_in_it_is_everyone() {
        let mut scope = PolicyScope::default();
        assert!(scope.is_everyone());
        scope.segments.push("  ".into());
        assert!(scope.is_everyone());
        scope.segments.push("enterprise".into());
        assert!(!scope.is_everyone());
        // A condition the helpdesk keeps (on the assignee) makes a policy for some tickets only.
        let kept = PolicyScope {
            helpdesk_conditions: vec![HelpdeskCondition {
                helpdesk: "Zendesk".into(),
                within: "all".into(),
                condition: r#"{"field":"assignee_id","operator":"is","value":7}"#.into(),
            }],
            ..PolicyScope::default()
        };
        assert!(!kept.is_everyone() && !kept.is_empty());
    }
}
