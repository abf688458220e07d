//! The assessment in words, the same in every document (text, Markdown and the app's document):
//! a pain point's evidence, the parts that address it, a goal's metric with today and the target.

use crate::plan::{part_title, Evidence, ImprovementGoal, MetricLevels, Plan};

use super::Number;

/// Items joined by ", ", blanks left out; `—` when nothing is left.
pub fn list_in_words(items: &[String]) -> String {
    let kept: Vec<&str> = items
        .iter()
        .map(|item| item.trim())
        .filter(|item| !item.is_empty())
        .collect();
    if kept.is_empty() {
        "—".to_string()
    } else {
        kept.join(", ")
    }
}

/// "38 % of tickets reopened; “I waited three days” (CSAT survey, May)", or `—`.
pub fn evidence_in_words(evidence: &Evidence) -> String {
    let mut parts = Vec::new();
    if let Some(figure) = evidence.figure {
        let unit = evidence.unit.trim();
        parts.push(match unit.chars().next() {
            None => Number(figure).to_string(),
            // "38 %" reads as one number; "46 hours" as a number and a unit.
            Some('%') => format!("{}{unit}", Number(figure)),
            Some(_) => format!("{} {unit}", Number(figure)),
        });
    }
    let quote = evidence.quote.trim();
    if !quote.is_empty() {
        parts.push(format!("“{quote}”"));
    }
    let mut words = parts.join("; ");
    let source = evidence.source.trim();
    if !source.is_empty() {
        if words.is_empty() {
            words = format!("(source: {source})");
        } else {
            words.push_str(&format!(" ({source})"));
        }
    }
    if words.is_empty() {
        "—".to_string()
    } else {
        words
    }
}

/// The headings of the parts that address a pain point ("SLA Targets, Channel Strategy"); a key
/// that is no part is shown as written (a rule flags it); `—` for none.
pub fn addressed_by_in_words(parts: &[String]) -> String {
    let titles: Vec<String> = parts
        .iter()
        .map(|part| part.trim())
        .filter(|part| !part.is_empty())
        .map(|part| part_title(part).map_or_else(|| part.to_string(), str::to_string))
        .collect();
    list_in_words(&titles)
}

/// How a goal is measured: its success metric, today's value and the target, in words.
#[derive(Clone, Debug, PartialEq)]
pub struct GoalMeasure {
    /// "First Response Time", or `—` when the goal names no metric.
    pub metric: &'static str,
    /// Today's value ("9 hours", "82%"), or `—`.
    pub today: String,
    /// The target without its comparison ("2 hours", "90%"), or `—`.
    pub target: String,
    /// Whether a better value is lower (times) rather than higher (percentages).
    pub lower_is_better: bool,
}

impl GoalMeasure {
    pub fn of(plan: &Plan, goal: &ImprovementGoal) -> GoalMeasure {
        let Some(metric) = goal.metric else {
            return GoalMeasure {
                metric: "—",
                today: "—".to_string(),
                target: "—".to_string(),
                lower_is_better: true,
            };
        };
        let dash = || "—".to_string();
        match plan.metrics.levels(metric) {
            MetricLevels::Time { baseline, target } => GoalMeasure {
                metric: metric.label(),
                today: baseline.map_or_else(dash, |b| b.in_words()),
                target: if target.is_zero() {
                    dash()
                } else {
                    target.in_words()
                },
                lower_is_better: true,
            },
            MetricLevels::Percent { baseline, target } => GoalMeasure {
                metric: metric.label(),
                today: baseline.map_or_else(dash, |b| format!("{}%", Number(b))),
                target: if target == 0.0 {
                    dash()
                } else {
                    format!("{}%", Number(target))
                },
                lower_is_better: false,
            },
        }
    }

    /// The target as the brief's metrics write it, with `<` or `>` as the format writes them.
    pub fn target_with(&self, less_than: &str, greater_than: &str) -> String {
        if self.target == "—" {
            return self.target.clone();
        }
        let comparison = if self.lower_is_better {
            less_than
        } else {
            greater_than
        };
        format!("{comparison}{}", self.target)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Duration, SuccessMetric};

    #[test]
    fn evidence_reads_as_a_sentence() {
        let figure = Evidence {
            figure: Some(38.0),
            unit: "% of tickets reopened".into(),
            source: "Zendesk, Q1".into(),
            ..Evidence::default()
        };
        assert_eq!(
            evidence_in_words(&figure),
            "38% of tickets reopened (Zendesk, Q1)"
        );
        let both = Evidence {
            figure: Some(46.5),
            unit: "hours median first reply".into(),
            quote: "I waited three days".into(),
            ..Evidence::default()
        };
        assert_eq!(
            evidence_in_words(&both),
            "46.5 hours median first reply; “I waited three days”"
        );
        assert_eq!(evidence_in_words(&Evidence::default()), "—");
    }

    #[test]
    fn parts_read_as_their_headings() {
        let parts = vec!["sla".to_string(), " self_service ".into(), "billing".into()];
        assert_eq!(
            addressed_by_in_words(&parts),
            "SLA Targets, Self-Service Resources, billing"
        );
        assert_eq!(addressed_by_in_words(&[]), "—");
    }

    #[test]
    fn a_goal_reads_its_metric_today_and_target() {
        let mut plan = Plan::blank();
        plan.metrics.first_response.baseline = Some(Duration::hours(9));
        plan.metrics.first_response.target = Duration::hours(2);
        let goal = ImprovementGoal {
            goal: "Answer within the working day".into(),
            metric: Some(SuccessMetric::FirstResponse),
            by: None,
        };
        let measure = GoalMeasure::of(&plan, &goal);
        assert_eq!(measure.metric, "First Response Time");
        assert_eq!(measure.today, "9 hours");
        assert_eq!(measure.target_with("<", ">"), "<2 hours");
        let csat = ImprovementGoal {
            metric: Some(SuccessMetric::Csat),
            ..goal
        };
        plan.metrics.csat.target = 90.0;
        let measure = GoalMeasure::of(&plan, &csat);
        assert_eq!(
            (
                measure.today.as_str(),
                measure.target_with("<", ">").as_str()
            ),
            ("—", ">90%")
        );
    }
}
