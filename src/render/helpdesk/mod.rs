//! Helpdesk exports: the plan's SLA targets, calendars, escalations and taxonomy in the shapes
//! Zendesk and Freshdesk import, each with a report of everything the helpdesk cannot express.
//!
//! Nothing is dropped silently: whatever does not fit (a fifth priority, a next-response target
//! Freshdesk cannot hold, a time zone Zendesk does not name) becomes a line of the report.

mod freshdesk;
mod taxonomy_csv;
mod time_zones;
mod zendesk;
mod zendesk_escalations;

pub use freshdesk::freshdesk;
pub(crate) use taxonomy_csv::push_row;
pub use taxonomy_csv::{csv_cell, taxonomy_csv};
pub use time_zones::{zendesk_time_zone, zendesk_zone_names};
pub use zendesk::zendesk;
// The channel vocabularies, read back by the import.
pub(crate) use freshdesk::source as freshdesk_source;
pub(crate) use zendesk::via_id as zendesk_via_id;
// Rails' time-zone names, which the import's tests read back.
#[cfg(test)]
pub(crate) use time_zones::RAILS_ZONES;

use crate::plan::{
    ChannelKind, Duration, MetricTarget, Part, Plan, PolicyScope, SlaPolicy, Target,
};
pub use crate::render::file_stem;

/// One file to hand to a helpdesk admin, and what did not fit in it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HelpdeskExport {
    pub file_name: String,
    pub mime: &'static str,
    pub body: String,
    /// Everything in the plan the helpdesk cannot express, one sentence each.
    pub report: Vec<String>,
}

/// The four fixed ticket priorities both Zendesk and Freshdesk have, most urgent first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum HelpdeskPriority {
    Urgent,
    High,
    Normal,
    Low,
}

impl HelpdeskPriority {
    pub const ALL: [HelpdeskPriority; 4] = [
        HelpdeskPriority::Urgent,
        HelpdeskPriority::High,
        HelpdeskPriority::Normal,
        HelpdeskPriority::Low,
    ];

    /// Reads a mapping value; Freshdesk's "medium" is Zendesk's "normal".
    pub fn parse(text: &str) -> Option<HelpdeskPriority> {
        match text.trim().to_ascii_lowercase().as_str() {
            "urgent" => Some(HelpdeskPriority::Urgent),
            "high" => Some(HelpdeskPriority::High),
            "normal" | "medium" => Some(HelpdeskPriority::Normal),
            "low" => Some(HelpdeskPriority::Low),
            _ => None,
        }
    }

    /// Zendesk's name for it (`urgent`, `high`, `normal`, `low`).
    pub fn zendesk_name(self) -> &'static str {
        match self {
            HelpdeskPriority::Urgent => "urgent",
            HelpdeskPriority::High => "high",
            HelpdeskPriority::Normal => "normal",
            HelpdeskPriority::Low => "low",
        }
    }

    /// Freshdesk's priority number: 1 Low, 2 Medium, 3 High, 4 Urgent.
    pub fn freshdesk_number(self) -> u8 {
        match self {
            HelpdeskPriority::Urgent => 4,
            HelpdeskPriority::High => 3,
            HelpdeskPriority::Normal => 2,
            HelpdeskPriority::Low => 1,
        }
    }
}

/// A plan priority that made it onto a helpdesk priority.
#[derive(Clone, Debug)]
pub(crate) struct MappedPriority<'a> {
    pub helpdesk: HelpdeskPriority,
    /// The plan's name for it.
    pub priority: &'a str,
}

/// Maps the plan's priorities onto the helpdesk's four: `plan.helpdesk.priority_map` when given,
/// else by urgency order. One plan priority per helpdesk priority; the rest go into the report.
pub(crate) fn map_priorities<'a>(
    plan: &'a Plan,
    helpdesk: &str,
    label: fn(HelpdeskPriority) -> String,
    report: &mut Vec<String>,
) -> Vec<MappedPriority<'a>> {
    let names: Vec<&str> = plan.priorities.iter().map(|p| p.name.as_str()).collect();
    let mut chosen: Vec<(HelpdeskPriority, &str)> = Vec::new();
    let map = &plan.helpdesk.priority_map;
    if map.is_empty() {
        let defaults: &[HelpdeskPriority] = match names.len() {
            1 => &[HelpdeskPriority::Normal],
            2 => &[HelpdeskPriority::High, HelpdeskPriority::Normal],
            3 => &HelpdeskPriority::ALL[..3],
            _ => &HelpdeskPriority::ALL,
        };
        for (rank, name) in names.iter().enumerate() {
            let target = defaults.get(rank).copied().unwrap_or(HelpdeskPriority::Low);
            chosen.push((target, name));
        }
        if names.len() > 4 {
            report.push(format!(
                "The plan has {} priorities but {helpdesk} has four: {} {} mapped to {} with \"{}\". \
                 Add a priority mapping to choose differently.",
                names.len(),
                quoted_list(&names[4..]),
                if names.len() == 5 { "is" } else { "are" },
                label(HelpdeskPriority::Low),
                names[3]
            ));
        }
    } else {
        for entry in map {
            if !names.contains(&entry.priority.as_str()) {
                report.push(format!(
                    "The priority mapping names \"{}\", which is not one of the plan's priorities; it is ignored.",
                    entry.priority
                ));
            }
        }
        for name in &names {
            let Some(entry) = map.iter().find(|m| m.priority == *name) else {
                report.push(format!(
                    "\"{name}\" has no {helpdesk} priority in the priority mapping, so its targets are not exported."
                ));
                continue;
            };
            match HelpdeskPriority::parse(&entry.helpdesk_priority) {
                Some(target) => chosen.push((target, name)),
                None => report.push(format!(
                    "The priority mapping sends \"{name}\" to \"{}\", which {helpdesk} does not have \
                     (use urgent, high, normal or low); its targets are not exported.",
                    entry.helpdesk_priority
                )),
            }
        }
    }

    let mut mapped: Vec<MappedPriority<'a>> = Vec::new();
    for target in HelpdeskPriority::ALL {
        let sharing: Vec<&str> = chosen
            .iter()
            .filter(|(t, _)| *t == target)
            .map(|(_, name)| *name)
            .collect();
        let Some((&first, others)) = sharing.split_first() else {
            report.push(format!(
                "{} gets no SLA targets: no plan priority maps to it.",
                label(target)
            ));
            continue;
        };
        if !others.is_empty() {
            report.push(format!(
                "{} and \"{first}\" both map to {}; the export uses the targets of \"{first}\" (the more \
                 urgent), so those of {} are not exported.",
                quoted_list(others),
                label(target),
                quoted_list(others)
            ));
        }
        mapped.push(MappedPriority {
            helpdesk: target,
            priority: first,
        });
    }
    mapped
}

/// `"A", "B" and "C"`.
pub(crate) fn quoted_list(names: &[&str]) -> String {
    let quoted: Vec<String> = names.iter().map(|n| format!("\"{n}\"")).collect();
    match quoted.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// Whether a target on this calendar counts business hours: anything but a calendar open every
/// minute of the week (the built-in 24/7, or one written so, whatever its name).
pub(crate) fn runs_on_business_hours(plan: &Plan, calendar: &str) -> bool {
    plan.is_business_clock(calendar)
}

/// The business-hours calendars the exported targets run on, each once, in policy order.
pub(crate) fn business_calendars(plan: &Plan) -> Vec<&str> {
    let mut names: Vec<&str> = Vec::new();
    for row in plan.sla.iter().flat_map(|policy| &policy.targets) {
        for (_, target, _) in row.promised() {
            let calendar = target.calendar.as_str();
            if runs_on_business_hours(plan, calendar) && !names.contains(&calendar) {
                names.push(calendar);
            }
        }
    }
    names
}

/// A promised target as minutes on its calendar's clock; `None` when nothing is promised (no
/// target, or best effort). Business days are the calendar's business day, the same minutes the
/// app's deadlines count (see `Calendar::business_day_minutes`).
pub(crate) fn target_minutes(
    plan: &Plan,
    target: &MetricTarget,
    what: &str,
    report: &mut Vec<String>,
) -> Option<u64> {
    let within = target.within()?;
    let Duration::BusinessDays { days } = within else {
        return Some(within.open_minutes(0));
    };
    let calendar = target.calendar.as_str();
    let Some(business_day) = plan.business_day_minutes(calendar) else {
        report.push(format!(
            "{what} runs on the calendar \"{calendar}\", which the plan does not define; {within} is \
             exported as {days} × 8 business hours."
        ));
        return Some(u64::from(days) * 8 * 60);
    };
    if business_day == 0 {
        report.push(format!(
            "{what} runs on \"{calendar}\", which has no open hours; {within} is exported as {days} × 8 business hours."
        ));
        return Some(u64::from(days) * 8 * 60);
    }
    Some(within.open_minutes(business_day))
}

/// One sentence per calendar whose business days are exported: how many minutes a business day is.
pub(crate) fn business_day_notes(plan: &Plan, report: &mut Vec<String>) {
    let mut seen: Vec<&str> = Vec::new();
    for row in plan.sla.iter().flat_map(|policy| &policy.targets) {
        for (_, target, within) in row.promised() {
            let calendar = target.calendar.as_str();
            if !matches!(within, Duration::BusinessDays { .. }) || seen.contains(&calendar) {
                continue;
            }
            seen.push(calendar);
            if let Some(minutes) = plan.business_day_minutes(calendar).filter(|m| *m > 0) {
                report.push(format!(
                    "Business days on \"{calendar}\" are exported as {minutes} business minutes each \
                     ({}), the same business day the plan's deadlines count.",
                    Duration::minutes(minutes).in_words_on(plan.clock_of(calendar))
                ));
            }
        }
    }
}

/// A target the helpdesk cannot hold as a time: say what happens to it.
pub(crate) fn unpromised_note(target: &MetricTarget, what: &str) -> Option<String> {
    match target.target {
        Target::BestEffort => Some(format!(
            "{what} is best effort, which a helpdesk cannot time; it is not exported as a target."
        )),
        _ => None,
    }
}

/// The policies' filters: a policy that applies to everyone matches every ticket, and one placed
/// before others hides them. Said once per export.
pub(crate) fn policy_order_notes(plan: &Plan, helpdesk: &str, report: &mut Vec<String>) {
    let last = plan.sla.len().saturating_sub(1);
    for (index, policy) in plan.sla.iter().enumerate() {
        if policy.applies_to.is_everyone() {
            let position = if index == last {
                "as the last policy it catches every ticket no earlier policy matched".to_string()
            } else {
                format!(
                    "placed at position {} it takes tickets before the policies after it",
                    index + 1
                )
            };
            report.push(format!(
                "The {helpdesk} policy \"{}\" applies to every ticket: {position}.",
                policy_name(plan, policy)
            ));
        }
    }
}

/// The title an exported policy gets: the plan's name for it, with the product.
pub(crate) fn policy_name(plan: &Plan, policy: &SlaPolicy) -> String {
    let name = policy.name.trim();
    let product = plan.header.product.trim();
    match (product.is_empty(), name.is_empty()) {
        (true, true) => "Support SLA".to_string(),
        (true, false) => name.to_string(),
        (false, true) => format!("{product} support SLA"),
        (false, false) => format!("{product} {name}"),
    }
}

/// The kinds of the channels a policy names, in the plan's order (unknown names are skipped: a
/// rule flags them).
pub(crate) fn scope_channel_kinds(plan: &Plan, scope: &PolicyScope) -> Vec<(String, ChannelKind)> {
    scope
        .channels
        .iter()
        .filter_map(|name| {
            plan.channels
                .iter()
                .find(|c| &c.name == name)
                .map(|c| (c.name.clone(), c.kind))
        })
        .collect()
}

/// A segment as a helpdesk tag: lower case, spaces as underscores (`Gold Plus` → `gold_plus`).
pub(crate) fn as_tag(segment: &str) -> String {
    segment
        .trim()
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                '_'
            } else {
                c.to_ascii_lowercase()
            }
        })
        .collect()
}

/// The report's last line: every part of the plan with content that the file leaves out, and
/// what of the parts it carries only partly (`partly`) stays behind. `exported` are the parts
/// the file carries.
pub(crate) fn not_in_file(
    plan: &Plan,
    exported: &[Part],
    partly: &[(Part, &str)],
) -> Option<String> {
    let blank = Plan::default();
    let mut left: Vec<String> = Vec::new();
    for part in Part::ALL {
        let Ok(value) = part.to_json(plan) else {
            continue;
        };
        let empty = value.is_null()
            || value.as_array().is_some_and(Vec::is_empty)
            || part.to_json(&blank).is_ok_and(|b| b == value);
        if empty {
            continue;
        }
        if let Some((_, what)) = partly.iter().find(|(p, _)| *p == part) {
            left.push(format!("{} ({what})", part.title()));
        } else if !exported.contains(&part) {
            left.push(part.title().to_string());
        }
    }
    (!left.is_empty()).then(|| format!("Not in this file: {}.", left.join("; ")))
}
