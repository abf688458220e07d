//! The Success Metrics part: the brief's five metrics and the plan's own, each a target with
//! today's value beside it: "First Response Time: <1 hour (today: 3 hours)".

use std::borrow::Cow;
use std::fmt::Write;

use crate::plan::provenance::at;

use super::words::{fact, facts, template_mark, user, DASH};
use super::{Block, Fact, FactStyle};
use crate::plan::{Better, Plan};
use crate::render::Number;

pub(super) fn metrics(plan: &Plan) -> Block<'_> {
    let metrics = &plan.metrics;
    let mut list: Vec<Fact<'_>> = Vec::with_capacity(5 + metrics.custom.len());
    for (label, key, metric) in [
        (
            "First Response Time",
            "first_response",
            &metrics.first_response,
        ),
        ("Resolution Time", "resolution", &metrics.resolution),
    ] {
        let mut value = if metric.target.is_zero() {
            DASH.to_string()
        } else {
            format!("<{}", metric.target.in_words())
        };
        if let Some(baseline) = metric.baseline {
            let mark = template_mark(plan, &at::baseline(key));
            let _ = write!(value, " (today: {}{mark})", baseline.in_words());
        }
        list.push(fact(label, value));
    }
    for (label, key, metric) in [
        ("CSAT Score", "csat", &metrics.csat),
        (
            "First Contact Resolution",
            "first_contact_resolution",
            &metrics.first_contact_resolution,
        ),
        ("Ticket Deflection", "deflection", &metrics.deflection),
    ] {
        let mut value = if metric.target == 0.0 {
            DASH.to_string()
        } else {
            format!(">{}%", Number(metric.target))
        };
        if let Some(baseline) = metric.baseline {
            let mark = template_mark(plan, &at::baseline(key));
            let _ = write!(value, " (today: {}%{mark})", Number(baseline));
        }
        list.push(fact(label, value));
    }
    for (index, metric) in metrics.custom.iter().enumerate() {
        let mut value = match metric.target {
            None => DASH.to_string(),
            Some(target) => {
                let sign = match metric.better {
                    Better::Higher => ">",
                    Better::Lower => "<",
                };
                format!("{sign}{}", amount(target, &metric.unit))
            }
        };
        if let Some(baseline) = metric.baseline {
            let mark = template_mark(plan, &at::custom_baseline(index));
            let _ = write!(value, " (today: {}{mark})", amount(baseline, &metric.unit));
        }
        list.push(Fact {
            label: user(&metric.name),
            value: Cow::Owned(value),
            alert: false,
        });
    }
    facts(FactStyle::Bulleted, list)
}

/// A number with its unit: `45%`, `32 points`.
fn amount(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    match unit {
        "" => Number(value).to_string(),
        "%" => format!("{}%", Number(value)),
        unit => format!("{} {unit}", Number(value)),
    }
}
