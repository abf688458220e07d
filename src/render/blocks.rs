//! The parts the text and Markdown renderers write alike — labelled lines, lists, metrics —
//! generic over how each format escapes user text and marks a label.

use std::fmt::{self, Write};

use super::Number;
use crate::plan::{Category, Duration, Plan};

/// How a format writes user text and labels.
pub(super) trait Markup {
    /// `<` as the format writes it (`&lt;` in Markdown).
    const LESS_THAN: &'static str;
    /// `>` as the format writes it.
    const GREATER_THAN: &'static str;

    /// User text on one line, made safe for the format; blank text becomes `—`.
    fn text(out: &mut String, text: &str) -> fmt::Result;

    /// Starts a labelled list line: `- Types: ` or `- **Types:** `.
    fn field(out: &mut String, label: &str);

    /// Writes the separator between two list items.
    fn separator(out: &mut String, separator: &str) {
        out.push_str(separator);
    }
}

/// Writes the non-blank items joined by `separator`, or `(none)`.
pub(super) fn list<'a, M: Markup>(
    out: &mut String,
    items: impl IntoIterator<Item = &'a String>,
    separator: &str,
) -> fmt::Result {
    let mut any = false;
    for item in items.into_iter().filter(|item| !item.trim().is_empty()) {
        if any {
            M::separator(out, separator);
        }
        any = true;
        M::text(out, item)?;
    }
    if !any {
        out.push_str("(none)");
    }
    Ok(())
}

/// `- Label: a, b, c` and a line break.
pub(super) fn list_field<M: Markup>(
    out: &mut String,
    label: &str,
    items: &[String],
    separator: &str,
) -> fmt::Result {
    M::field(out, label);
    list::<M>(out, items, separator)?;
    out.push('\n');
    Ok(())
}

/// `- Label: text` and a line break.
pub(super) fn text_field<M: Markup>(out: &mut String, label: &str, text: &str) -> fmt::Result {
    M::field(out, label);
    M::text(out, text)?;
    out.push('\n');
    Ok(())
}

/// `1. step` lines, or `(none)`.
pub(super) fn numbered<M: Markup>(out: &mut String, steps: &[String]) -> fmt::Result {
    lines::<M>(out, steps, |out, n| write!(out, "{}. ", n + 1))
}

/// `- item` lines, or `(none)`.
pub(super) fn bullets<M: Markup>(out: &mut String, items: &[String]) -> fmt::Result {
    lines::<M>(out, items, |out, _| {
        out.push_str("- ");
        Ok(())
    })
}

fn lines<M: Markup>(
    out: &mut String,
    items: &[String],
    marker: impl Fn(&mut String, usize) -> fmt::Result,
) -> fmt::Result {
    if items.is_empty() {
        out.push_str("(none)\n");
    }
    for (n, item) in items.iter().enumerate() {
        marker(out, n)?;
        M::text(out, item)?;
        out.push('\n');
    }
    Ok(())
}

/// The labelled lines under a category heading: types, priority, route, and keywords/workflow if any.
pub(super) fn category_fields<M: Markup>(out: &mut String, category: &Category) -> fmt::Result {
    list_field::<M>(out, "Types", &category.types, ", ")?;
    text_field::<M>(out, "Priority", &category.priority)?;
    M::field(out, "Route to");
    M::text(out, &category.route_to)?;
    if !category.team.trim().is_empty() {
        out.push_str(" / ");
        M::text(out, &category.team)?;
    }
    out.push('\n');
    if !category.keywords.is_empty() {
        list_field::<M>(out, "Keywords", &category.keywords, ", ")?;
    }
    if !category.workflow.is_empty() {
        list_field::<M>(out, "Workflow", &category.workflow, " → ")?;
    }
    Ok(())
}

pub(super) fn self_service<M: Markup>(out: &mut String, plan: &Plan) -> fmt::Result {
    let resources = &plan.self_service;
    list_field::<M>(out, "Knowledge Base", &resources.knowledge_base, ", ")?;
    list_field::<M>(out, "FAQ", &resources.faq, "; ")?;
    list_field::<M>(out, "Video Tutorials", &resources.video_tutorials, ", ")?;
    M::field(out, "Community Forum");
    out.push_str(if resources.community_forum {
        "yes\n"
    } else {
        "no\n"
    });
    Ok(())
}

pub(super) fn automation<M: Markup>(out: &mut String, plan: &Plan) -> fmt::Result {
    let automation = &plan.automation;
    list_field::<M>(out, "Auto-reply", &automation.auto_reply, "; ")?;
    list_field::<M>(out, "Auto-route", &automation.auto_route, "; ")?;
    list_field::<M>(out, "Auto-resolve", &automation.auto_resolve, "; ")?;
    M::field(out, "Chatbot");
    M::text(out, &automation.chatbot)?;
    if let Some(containment) = automation.chatbot_containment {
        write!(out, " (contains {}% end to end)", Number(containment))?;
    }
    out.push('\n');
    Ok(())
}

/// The brief's five metrics: `- First Response Time: <1 hour (today: 3 hours)`; an unset target is `—`.
pub(super) fn metrics<M: Markup>(out: &mut String, plan: &Plan) -> fmt::Result {
    let metrics = &plan.metrics;
    let durations = [
        ("First Response Time", &metrics.first_response),
        ("Resolution Time", &metrics.resolution),
    ];
    for (label, metric) in durations {
        M::field(out, label);
        if metric.target.is_zero() {
            out.push('—');
        } else {
            write!(out, "{}{}", M::LESS_THAN, Words(metric.target))?;
        }
        if let Some(baseline) = metric.baseline {
            write!(out, " (today: {})", Words(baseline))?;
        }
        out.push('\n');
    }
    let percents = [
        ("CSAT Score", &metrics.csat),
        (
            "First Contact Resolution",
            &metrics.first_contact_resolution,
        ),
        ("Ticket Deflection", &metrics.deflection),
    ];
    for (label, metric) in percents {
        M::field(out, label);
        if metric.target == 0.0 {
            out.push('—');
        } else {
            write!(out, "{}{}%", M::GREATER_THAN, Number(metric.target))?;
        }
        if let Some(baseline) = metric.baseline {
            write!(out, " (today: {}%)", Number(baseline))?;
        }
        out.push('\n');
    }
    for metric in &metrics.custom {
        out.push_str("- ");
        M::text(out, &metric.name)?;
        out.push_str(": ");
        match metric.target {
            None => out.push('—'),
            Some(target) => {
                out.push_str(match metric.better {
                    crate::plan::Better::Higher => M::GREATER_THAN,
                    crate::plan::Better::Lower => M::LESS_THAN,
                });
                amount::<M>(out, target, &metric.unit)?;
            }
        }
        if let Some(baseline) = metric.baseline {
            out.push_str(" (today: ");
            amount::<M>(out, baseline, &metric.unit)?;
            out.push(')');
        }
        out.push('\n');
    }
    Ok(())
}

/// A number with its unit: `45%`, `32 points`.
fn amount<M: Markup>(out: &mut String, value: f64, unit: &str) -> fmt::Result {
    write!(out, "{}", Number(value))?;
    let unit = unit.trim();
    if unit == "%" {
        out.push('%');
    } else if !unit.is_empty() {
        out.push(' ');
        M::text(out, unit)?;
    }
    Ok(())
}

pub(super) fn feedback<M: Markup>(out: &mut String, plan: &Plan) -> fmt::Result {
    let feedback = &plan.feedback;
    text_field::<M>(out, "Weekly", &feedback.weekly)?;
    text_field::<M>(out, "Monthly", &feedback.monthly)?;
    text_field::<M>(out, "Quarterly", &feedback.quarterly)
}

/// A duration in words ("4 hours").
pub(super) struct Words(pub Duration);

impl fmt::Display for Words {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.in_words())
    }
}

/// An optional duration in words, `—` when absent.
pub(super) struct MaybeWords(pub Option<Duration>);

impl fmt::Display for MaybeWords {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(duration) => f.write_str(&duration.in_words()),
            None => f.write_str("—"),
        }
    }
}

/// A response target as the brief's tier table writes it: `Instant` or `<4 hours`, in business
/// time when the tier works business hours (`clock` as `Duration::in_words_on` takes it).
pub(super) fn within<M: Markup>(
    out: &mut String,
    response: Duration,
    clock: Option<u32>,
) -> fmt::Result {
    if response.is_zero() {
        out.push_str("Instant");
        Ok(())
    } else {
        write!(out, "{}{}", M::LESS_THAN, response.in_words_on(clock))
    }
}

/// Each calendar of the plan: its hours, its business day and its holidays, as lines under a
/// heading the format writes (`write_title`).
pub(super) fn calendars<M: Markup>(
    out: &mut String,
    plan: &Plan,
    write_title: fn(&mut String, usize, &str) -> fmt::Result,
) -> fmt::Result {
    if plan.calendars.is_empty() {
        out.push_str("Only the built-in 24/7.\n");
    }
    for (n, calendar) in plan.calendars.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        write_title(out, n, &calendar.name)?;
        M::field(out, "Hours");
        let mut hours = String::new();
        super::write_hours(&mut hours, plan, &calendar.name)?;
        M::text(out, &hours)?;
        out.push('\n');
        if !calendar.is_always_open() {
            M::field(out, "Business day");
            let day = Duration::minutes(calendar.business_day_minutes());
            writeln!(out, "{} of open time", day.in_words_on(None))?;
        }
        M::field(out, "Holidays");
        if calendar.holidays.is_empty() {
            out.push_str("(none)");
        }
        for (h, holiday) in calendar.holidays.iter().enumerate() {
            if h > 0 {
                out.push_str("; ");
            }
            M::text(out, &holiday.name)?;
            if holiday.yearly {
                write!(out, " ({} every year)", holiday_day(holiday.date))?;
            } else {
                write!(out, " ({})", holiday.date)?;
            }
        }
        out.push('\n');
    }
    Ok(())
}

/// `25 Dec`: the day and month of a yearly holiday.
fn holiday_day(date: crate::plan::Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}",
        date.day,
        MONTHS[usize::from(date.month.clamp(1, 12) - 1)]
    )
}
