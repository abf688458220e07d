//! The CAPACITY part of the documents: head-count needed against planned, the busiest hours and
//! the assumptions behind them, from the staffing maths; or what the plan lacks for them.

use super::Number;
use crate::capacity::profile::{self, Preset, ProfileSource};
use crate::capacity::staffing::{hour_label, ready, ChannelStaffing, NotWorkedOut, Staffed};
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
    /// How `needed` adds up: "Chat 5 + Email 5 + Tier 2 (escalations) 2 = 12"; `None` when
    /// nothing needs anyone.
    pub adds_up: Option<String>,
    pub planned: u32,
    /// When the most agents are on shift: "7 on shift, Mon–Fri 08:00–18:00"; `—` when never.
    pub peak_hours: String,
    pub channels: Vec<ChannelFigures>,
    /// "30 %".
    pub shrinkage: String,
    pub notes: Vec<String>,
    /// Agents needed on shift in each hour of the week (Monday 00:00 first), for the chart.
    pub on_duty: Vec<f64>,
    /// People on call at once across the rotations (not counted in `needed`).
    pub on_call_people: u32,
    /// One line per on-call rotation: "Phone: 1 on call at a time (Tier 2), 168 h a week, …".
    pub on_call: Vec<String>,
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
    /// Why this head-count: which hours, what load, what drives it.
    pub why: String,
}

/// The staffing figures of a plan, or what keeps them from meaning anything.
pub fn capacity_summary(plan: &Plan) -> CapacitySummary {
    capacity_summary_given(plan, &ready(plan))
}

/// As [`capacity_summary`], from the staffing answer already worked out for this plan (the
/// designer and the benchmark share one between the findings and the documents).
pub fn capacity_summary_given(plan: &Plan, staffed: &Staffed) -> CapacitySummary {
    let need = match staffed {
        Ok(need) => need,
        Err(NotWorkedOut::Missing(missing)) => {
            return CapacitySummary::Missing(missing.iter().map(|m| m.message.clone()).collect())
        }
        Err(NotWorkedOut::Failed(error)) => return CapacitySummary::Unavailable(error.to_string()),
    };
    let occupancy = Number(plan.staffing.max_occupancy);
    let channels = need
        .channels
        .iter()
        .map(|channel| ChannelFigures {
            name: channel.name.clone(),
            staffed_to: match (channel.targets, &channel.on_call) {
                (_, Some(cover)) if channel.agent_hours <= 0.0 => format!(
                    "on call: {} at a time{}",
                    cover.people,
                    if cover.rotation.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", cover.rotation.trim())
                    }
                ),
                (Some(t), _) => format!(
                    "{} % within {} s, occupancy ≤ {} %",
                    Number(t.service_level * 100.0),
                    t.answer_within_seconds,
                    Number(t.max_occupancy * 100.0)
                ),
                (None, _) => format!("work over open hours, occupancy ≤ {occupancy} %"),
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
            why: why_head_count(plan, channel, need.shrinkage),
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
        adds_up: Some(need.head_count_sum()).filter(|sum| sum.contains(" = ")),
        planned: need.team_size,
        peak_hours: peak_words(&need.on_duty),
        channels,
        shrinkage: format!("{} %", Number(need.shrinkage * 100.0)),
        notes,
        on_duty: need.on_duty.clone(),
        on_call_people: need.on_call_people(),
        on_call: need
            .on_call()
            .map(|(channel, cover)| on_call_words(plan, channel, cover))
            .collect(),
    })
}

/// Why a channel needs its head-count, in words: the hours its desks are staffed, the load, and
/// whether the busiest hour or the week's hours set the figure; its on-call hours beside.
pub fn why_head_count(plan: &Plan, channel: &ChannelStaffing, shrinkage: f64) -> String {
    let hours = plan
        .channels
        .get(channel.index)
        .map_or("", |c| c.hours.as_str());
    let desk_hours: f64 = channel
        .open
        .iter()
        .enumerate()
        .filter(|(hour, _)| channel.on_call.as_ref().is_none_or(|c| !c.covers(*hour)))
        .map(|(_, open)| open)
        .sum();
    let mut words = if channel.agent_hours <= 0.0 {
        "No agents at desks".to_string()
    } else {
        let load = match channel.targets {
            Some(targets) => format!(
                "{} contacts a week; at {} {} an hour need {} on shift to answer {} % within {} s",
                Number(channel.weekly_contacts.round()),
                hour_label(channel.peak_hour),
                Number((channel.weekly_contacts * channel.arrivals[channel.peak_hour] * 10.0).round() / 10.0),
                Number(channel.peak),
                Number(targets.service_level * 100.0),
                targets.answer_within_seconds
            ),
            None => format!(
                "{} contacts a week, {} agent-hours of work spread over the open hours: {} on shift",
                Number(channel.weekly_contacts.round()),
                Number((channel.agent_hours * plan_occupancy(plan)).round()),
                Number((channel.peak * 10.0).round() / 10.0)
            ),
        };
        let available = Number(((1.0 - shrinkage) * 100.0).round() / 100.0);
        let driver = if channel.set_by_peak(shrinkage) {
            format!(
                "the busiest hour sets it: {} on shift / {available} (shrinkage) → {}",
                Number((channel.peak * 100.0).round() / 100.0),
                channel.head_count
            )
        } else {
            format!(
                "the week's {} agent-hours set it: {} / ({} paid hours × {available}) → {}",
                Number(channel.agent_hours.round()),
                Number(channel.agent_hours.round()),
                Number(crate::capacity::staffing::PAID_HOURS_PER_WEEK),
                channel.head_count
            )
        };
        format!(
            "Desks {} h a week (\"{hours}\"); {load}; {driver}",
            Number(desk_hours.round())
        )
    };
    if let Some(cover) = &channel.on_call {
        words.push_str(&format!(
            ". On call {} h a week, not counted as desk agents",
            Number(cover.weekly_hours().round())
        ));
    }
    words.push('.');
    words
}

/// The plan-wide occupancy as a fraction (the deferred channels' agents are busy at most this).
fn plan_occupancy(plan: &Plan) -> f64 {
    let occupancy = plan.staffing.max_occupancy;
    if occupancy.is_finite() && occupancy > 0.0 {
        (occupancy / 100.0).min(1.0)
    } else {
        0.85
    }
}

/// One rotation in words: "Phone: 1 on call at a time (Tier 2), all of the channel's 168 h a
/// week; about 23 contacts a week of 15 min, the busiest hour 0.1 h of work: 1 on call needed".
pub fn on_call_words(
    plan: &Plan,
    channel: &ChannelStaffing,
    cover: &crate::capacity::on_call::OnCallCover,
) -> String {
    let rotation = cover.rotation.trim();
    let who = if rotation.is_empty() {
        String::new()
    } else {
        format!(" ({rotation})")
    };
    let hours = if cover.hours.trim().is_empty() {
        let calendar = plan
            .channels
            .get(channel.index)
            .map_or("", |c| c.hours.as_str());
        format!("the channel's hours (\"{calendar}\")")
    } else {
        format!("\"{}\"", cover.hours.trim())
    };
    format!(
        "{}: {} on call at a time{who}, {hours}, {} h a week; {} {} contacts a week of {} min, the busiest hour {} h of work: {} on call needed",
        channel.name,
        cover.people,
        Number(cover.weekly_hours().round()),
        if cover.stated { "expects" } else { "about" },
        Number((cover.weekly_contacts() * 10.0).round() / 10.0),
        Number((cover.handle_seconds / 60.0).round()),
        Number((cover.peak_load * 100.0).round() / 100.0),
        cover.people_needed
    )
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
            let staffed = ready(&plan);
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
                    render_with(
                        &plan,
                        format,
                        Section::Full,
                        crate::render::Given {
                            capacity: Some(&summary),
                            ..Default::default()
                        }
                    ),
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
