//! The Assess part of a plan (the brief's Phase 1): the customer journey, pain points with their
//! evidence, competitor benchmarks and improvement goals tied to the success metrics.

use serde::{Deserialize, Serialize};

use super::{Date, Duration, Part, SuccessMetrics};

/// What the support lead found out about today's operation before designing the new one.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Assess {
    /// The customer journey, stage by stage.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub journey: Vec<JourneyStage>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub pain_points: Vec<PainPoint>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competitors: Vec<CompetitorBenchmark>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub goals: Vec<ImprovementGoal>,
}

impl Assess {
    /// True when nothing has been assessed yet (saved files then leave the part out).
    pub fn is_empty(&self) -> bool {
        self.journey.is_empty()
            && self.pain_points.is_empty()
            && self.competitors.is_empty()
            && self.goals.is_empty()
    }
}

/// One stage of the customer journey: where customers are, how they reach you, what goes wrong.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct JourneyStage {
    /// "Onboarding", "First invoice", "Renewal".
    pub stage: String,
    /// Where the customer meets the product or the company at this stage ("setup wizard").
    pub touchpoints: Vec<String>,
    /// The channels customers use at this stage, by name or kind ("Email", "Chat").
    pub channels: Vec<String>,
    /// What goes wrong here today.
    pub goes_wrong: Vec<String>,
}

/// A problem customers or agents have today, with the evidence for it and what in the plan fixes it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PainPoint {
    /// The problem in a sentence ("Customers wait two days for a first reply").
    pub pain: String,
    pub evidence: Evidence,
    /// The parts of the plan that address it, by their JSON key (`sla`, `channels`,
    /// `self_service` …).
    pub addressed_by: Vec<String>,
    /// How they address it, in a sentence.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub how: String,
}

/// What shows a pain point is real: a number ("38 % of tickets reopened") or a quote.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Evidence {
    /// A measured number.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub figure: Option<f64>,
    /// What the number counts ("% of tickets reopened", "hours median first reply").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub unit: String,
    /// Someone's own words.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Where the number or quote comes from ("CSAT survey, May").
    #[serde(skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Evidence {
    /// True when there is neither a number nor a quote.
    pub fn is_missing(&self) -> bool {
        self.figure.is_none() && self.quote.trim().is_empty()
    }
}

/// The parts of a plan a pain point may be addressed by, in plan order: JSON key and the heading
/// readers see (the document's section heading where the part has one).
pub fn addressable_parts() -> impl Iterator<Item = (&'static str, &'static str)> {
    Part::ALL
        .into_iter()
        .filter(|part| !matches!(part, Part::Assess | Part::Helpdesk | Part::History))
        .map(|part| {
            let title = match (part, part.section()) {
                (Part::Header, _) => "Team and Volume",
                (_, Some(section)) => section.title(),
                (_, None) => part.title(),
            };
            (part.key(), title)
        })
}

/// The heading of a plan part named by its JSON key (`self_service` → "Self-Service Resources");
/// `None` for a key that is not a part a pain point can be addressed by.
pub fn part_title(key: &str) -> Option<&'static str> {
    addressable_parts()
        .find(|(part, _)| *part == key.trim())
        .map(|(_, title)| title)
}

/// How a competitor supports its customers.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct CompetitorBenchmark {
    pub competitor: String,
    /// The channels it offers ("Chat", "Phone").
    pub channels: Vec<String>,
    /// How fast it answers, as measured or published.
    pub first_response: Option<Duration>,
    /// When it is open, in words ("24/7", "Mon–Fri 8–20 CET").
    pub hours: String,
    /// Anything else worth knowing ("community forum with 50k members").
    pub notable: String,
}

/// A goal for the new operation, measured by one of the success metrics.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct ImprovementGoal {
    /// The goal in a sentence ("Answer every customer within the working day").
    pub goal: String,
    /// The success metric whose baseline and target measure it.
    pub metric: Option<SuccessMetric>,
    /// When it should be reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
}

/// One of the five success metrics (the keys of `metrics` in a plan file).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum SuccessMetric {
    FirstResponse,
    Resolution,
    Csat,
    FirstContactResolution,
    Deflection,
}

impl SuccessMetric {
    pub const ALL: [SuccessMetric; 5] = [
        SuccessMetric::FirstResponse,
        SuccessMetric::Resolution,
        SuccessMetric::Csat,
        SuccessMetric::FirstContactResolution,
        SuccessMetric::Deflection,
    ];

    /// The brief's name for it ("First Response Time").
    pub const fn label(self) -> &'static str {
        match self {
            SuccessMetric::FirstResponse => "First Response Time",
            SuccessMetric::Resolution => "Resolution Time",
            SuccessMetric::Csat => "CSAT Score",
            SuccessMetric::FirstContactResolution => "First Contact Resolution",
            SuccessMetric::Deflection => "Ticket Deflection",
        }
    }

    /// Its key under `metrics` in a plan file.
    pub fn key(self) -> &'static str {
        match self {
            SuccessMetric::FirstResponse => "first_response",
            SuccessMetric::Resolution => "resolution",
            SuccessMetric::Csat => "csat",
            SuccessMetric::FirstContactResolution => "first_contact_resolution",
            SuccessMetric::Deflection => "deflection",
        }
    }
}

/// A success metric's baseline and target, whichever kind it is.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum MetricLevels {
    /// A time: lower is better. A zero target is not set.
    Time {
        baseline: Option<Duration>,
        target: Duration,
    },
    /// A percentage: higher is better. A zero target is not set.
    Percent { baseline: Option<f64>, target: f64 },
}

impl SuccessMetrics {
    /// The baseline and target of one metric.
    pub fn levels(&self, metric: SuccessMetric) -> MetricLevels {
        let time = |t: &super::DurationTarget| MetricLevels::Time {
            baseline: t.baseline,
            target: t.target,
        };
        let percent = |t: &super::PercentTarget| MetricLevels::Percent {
            baseline: t.baseline,
            target: t.target,
        };
        match metric {
            SuccessMetric::FirstResponse => time(&self.first_response),
            SuccessMetric::Resolution => time(&self.resolution),
            SuccessMetric::Csat => percent(&self.csat),
            SuccessMetric::FirstContactResolution => percent(&self.first_contact_resolution),
            SuccessMetric::Deflection => percent(&self.deflection),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_assessment_is_left_out_of_saved_files() {
        let json = serde_json::to_string(&Assess::default()).unwrap_or_default();
        assert_eq!(json, "{}");
        assert!(Assess::default().is_empty());
        let goal = Assess {
            goals: vec![ImprovementGoal::default()],
            ..Assess::default()
        };
        assert!(!goal.is_empty());
    }

    #[test]
    fn a_plan_saved_before_the_assessment_existed_still_loads() {
        use crate::plan::json::{from_json, to_json};
        let saved = to_json(&crate::plan::Plan::blank());
        let value: serde_json::Value = serde_json::from_str(&saved).expect("JSON");
        // (The roadmap's first phase is also called "assess"; the part is top-level.)
        assert!(
            value.get("assess").is_none(),
            "an empty assessment is left out"
        );
        let plan = from_json(&saved).expect("loads");
        assert!(plan.assess.is_empty());
        assert_eq!(plan.schema_version, 3);
    }

    #[test]
    fn goals_name_success_metrics_by_their_plan_keys() {
        for metric in SuccessMetric::ALL {
            let json = serde_json::to_string(&metric).unwrap_or_default();
            assert_eq!(json, format!("\"{}\"", metric.key()));
        }
    }
}
