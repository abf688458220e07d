//! The CAPACITY part of the documents: head-count needed against planned, the busiest hours and
//! the assumptions behind them, from the staffing maths; or what the plan lacks for them.

use std::borrow::Cow;

use super::Number;
use crate::capacity::profile::{self, Preset, ProfileSource};
use crate::capacity::staffing::{
    hour_label, missing_inputs, staffing, ChannelStaffing, StaffingPlan,
};
use crate::capacity::CapacityError;
use crate::plan::Plan;

/// The staffing figures as a document shows them, in words.
#[derive(Clone, Debug, PartialEq)]
#[allow(clippy::large_enum_variant)]
pub enum CapacitySummary {
    /// The plan lacks inputs the figures need; each says what to fill in.
    Missing(Vec<String>),
    /// The maths cannot run (an unknown time zone); why.
    Unavailable(String),
    Ready(CapacityFigures),
}

/// Head-count, busiest hours, per-channel figures and the assumptions, ready to print.
#[derive(Clone, Debug, PartialEq)]
pub struct CapacityFigures {
    pub needed: u32,
    pub planned: u32,
    /// When the most agents are on shift: "7 on shift, Mon–Fri 08:00–18:00"; `—` when never.
    pub peak_hours: String,
    pub channels: Vec<ChannelFigures>,
    /// "30 %".
    pub shrinkage: String,
    pub notes: Vec<String>,
    /// Agents needed on shift in each hour of the week (Monday 00:00 first), for the chart.
    pub on_duty: Vec<f64>,
}

/// One channel's line of the capacity table.
#[derive(Clone, Debug, PartialEq)]
pub struct ChannelFigures {
    pub name: String,
    /// "80 % within 20 s, occupancy ≤ 85 %" or "work over open hours, occupancy ≤ 85 %".
    pub staffed_to: String,
    /// "Business-day peak (shared)".
    pub pattern: String,
    /// "9 (Mon 10:00)".
    pub peak: String,
    pub head_count: u32,
}

/// The staffing figures of a plan, or what keeps them from meaning anything.
pub fn capacity_summary(plan: &Plan) -> CapacitySummary {
    summary_of(plan, || Cow::Owned(staffing(plan)))
}

/// As [`capacity_summary`], from staffing maths already done for this plan (the designer and the
/// benchmark share one run between the findings and the documents).
pub fn capacity_summary_given(
    plan: &Plan,
    staffed: &Result<StaffingPlan, CapacityError>,
) -> CapacitySummary {
    summary_of(plan, || Cow::Borrowed(staffed))
}

/// The summary, asking for the staffing maths only when the plan has the inputs it needs.
fn summary_of<'a>(
    plan: &Plan,
    staffed: impl FnOnce() -> Cow<'a, Result<StaffingPlan, CapacityError>>,
) -> CapacitySummary {
    let missing = missing_inputs(plan);
    if !missing.is_empty() {
        return CapacitySummary::Missing(missing.into_iter().map(|m| m.message).collect());
    }
    let staffed = staffed();
    let need = match staffed.as_ref() {
        Ok(need) => need,
        Err(error) => return CapacitySummary::Unavailable(error.to_string()),
    };
    let occupancy = Number(plan.staffing.max_occupancy);
    let channels = need
        .channels
        .iter()
        .map(|channel| ChannelFigures {
            name: channel.name.clone(),
            staffed_to: match channel.targets {
                Some(t) => format!(
                    "{} % within {} s, occupancy ≤ {} %",
                    Number(t.service_level * 100.0),
                    t.answer_within_seconds,
                    Number(t.max_occupancy * 100.0)
                ),
                None => format!("work over open hours, occupancy ≤ {occupancy} %"),
            },
            pattern: pattern_words(plan, channel),
            peak: if channel.peak > 0.0 {
                format!(
                    "{} ({})",
                    Number((channel.peak * 10.0).round() / 10.0),
                    hour_label(channel.peak_hour)
                )
            } else {
                "—".to_string()
            },
            head_count: channel.head_count,
        })
        .collect();
    let mut notes = need.notes.clone();
    if need.capped() {
        notes.push(
            "Some hour needs more agents than the maths searches; those figures are a floor."
                .to_string(),
        );
    }
    CapacitySummary::Ready(CapacityFigures {
        needed: need.head_count,
        planned: need.team_size,
        peak_hours: peak_words(&need.on_duty),
        channels,
        shrinkage: format!("{} %", Number(need.shrinkage * 100.0)),
        notes,
        on_duty: need.on_duty.clone(),
    })
}

/// The hours at the week's peak (all hours needing as many agents as the busiest), as day
/// ranges: "7 on shift, Mon–Fri 08:00–18:00, Sat 10:00–12:00".
pub fn peak_words(on_duty: &[f64]) -> String {
    let peak = on_duty.iter().fold(0.0_f64, |max, &n| max.max(n)).ceil();
    if peak <= 0.0 {
        return "—".to_string();
    }
    let at_peak = |hour: usize| on_duty.get(hour).is_some_and(|n| n.ceil() >= peak);
    // Each day's runs of peak hours, as "08:00–18:00" pieces.
    let days: Vec<String> = (0..7)
        .map(|day| {
            let mut runs = Vec::new();
            let mut hour = 0;
            while hour < 24 {
                if !at_peak(day * 24 + hour) {
                    hour += 1;
                    continue;
                }
                let start = hour;
                while hour < 24 && at_peak(day * 24 + hour) {
                    hour += 1;
                }
                runs.push(format!("{start:02}:00–{hour:02}:00"));
            }
            runs.join(" & ")
        })
        .collect();
    let mut groups = Vec::new();
    let mut day = 0;
    while day < 7 {
        if days[day].is_empty() {
            day += 1;
            continue;
        }
        let mut last = day;
        while last + 1 < 7 && days[last + 1] == days[day] {
            last += 1;
        }
        let name = |d: usize| crate::plan::Weekday::from_index(d).short_name();
        groups.push(if last > day {
            format!("{}–{} {}", name(day), name(last), days[day])
        } else {
            format!("{} {}", name(day), days[day])
        });
        day = last + 1;
    }
    format!("{peak} on shift, {}", groups.join(", "))
}

/// Which arrival pattern a channel follows, in words: "Business-day peak (shared)".
fn pattern_words(plan: &Plan, channel: &ChannelStaffing) -> String {
    let Some(plan_channel) = plan.channels.get(channel.index) else {
        return String::new();
    };
    let (values, source) = profile::for_channel(plan, plan_channel);
    let name = match source {
        ProfileSource::BuiltIn => return "built-in weekday daytime".to_string(),
        _ => Preset::matching(&values).map_or("custom", Preset::label),
    };
    let whose = if source == ProfileSource::Channel {
        "own"
    } else {
        "shared"
    };
    format!("{name} ({whose})")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::{render, render_with, Format, Section};
    use crate::rules;

    /// The designer and the benchmark run the staffing maths once and hand it to the rules and
    /// the documents; every template must come out exactly as when each works it out itself.
    #[test]
    fn staffing_worked_out_once_gives_the_same_findings_and_documents() {
        let mut figures_seen = 0;
        for template in crate::plan::templates::all() {
            let plan = template.plan;
            let staffed = staffing(&plan);
            let summary = capacity_summary_given(&plan, &staffed);
            assert_eq!(summary, capacity_summary(&plan), "{}", template.id);
            figures_seen += usize::from(matches!(summary, CapacitySummary::Ready(_)));
            assert_eq!(
                rules::combine(
                    rules::check_without_staffing(&plan),
                    rules::check_staffing_given(&plan, &staffed)
                ),
                rules::check(&plan),
                "{}",
                template.id
            );
            for format in [Format::Text, Format::Markdown] {
                assert_eq!(
                    render_with(&plan, format, Section::Full, Some(&summary)),
                    render(&plan, format, Section::Full),
                    "{}",
                    template.id
                );
            }
        }
        assert!(figures_seen > 0, "no template has its staffing worked out");
    }

    #[test]
    fn peak_hours_read_as_day_ranges() {
        let mut on_duty = vec![0.0; 168];
        for day in 0..5 {
            for hour in 8..18 {
                on_duty[day * 24 + hour] = 6.2;
            }
            on_duty[day * 24 + 7] = 3.0;
        }
        on_duty[5 * 24 + 10] = 6.5;
        assert_eq!(
            peak_words(&on_duty),
            "7 on shift, Mon–Fri 08:00–18:00, Sat 10:00–11:00"
        );
        assert_eq!(peak_words(&[0.0; 168]), "—");
    }

    #[test]
    fn missing_inputs_replace_the_figures() {
        let mut plan = crate::plan::templates::by_id("b2b-saas").unwrap();
        assert!(matches!(capacity_summary(&plan), CapacitySummary::Ready(_)));
        plan.channels[0].volume_share += 10.0;
        let CapacitySummary::Missing(missing) = capacity_summary(&plan) else {
            panic!("shares of 110 % are not staffed");
        };
        assert!(missing[0].contains("110 %"), "{missing:?}");
        let text = super::super::render(
            &plan,
            super::super::Format::Text,
            super::super::Section::Full,
        );
        assert!(text.contains("CAPACITY\n"));
        assert!(text.contains("Staffing not worked out yet:\n- Channel shares"));
        assert!(!text.contains("Headcount Needed"));
    }
}
