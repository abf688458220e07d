//! Helpdesk exports: the plan's SLA targets, calendars, escalations and taxonomy in the shapes
//! Zendesk and Freshdesk import, each with a report of everything the helpdesk cannot express.
//!
//! Nothing is dropped silently: whatever does not fit (a fifth priority, a next-response target
//! Freshdesk cannot hold, a time zone Zendesk does not name) becomes a line of the report.

mod freshdesk;
mod taxonomy_csv;
mod time_zones;
mod zendesk;

pub use freshdesk::freshdesk;
pub use taxonomy_csv::{csv_cell, taxonomy_csv};
pub use time_zones::zendesk_time_zone;
pub use zendesk::zendesk;

use crate::plan::{Duration, Plan, SlaTarget, ALWAYS_OPEN, MINUTES_PER_DAY};

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

/// A plan priority that made it onto a helpdesk priority, with its SLA row.
#[derive(Clone, Debug)]
pub(crate) struct MappedPriority<'a> {
    pub helpdesk: HelpdeskPriority,
    /// The plan's name for it.
    pub priority: &'a str,
    pub sla: &'a SlaTarget,
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
        match plan.sla_for(first) {
            Some(sla) => mapped.push(MappedPriority {
                helpdesk: target,
                priority: plan
                    .priorities
                    .iter()
                    .find(|p| p.name == first)
                    .map_or(first, |p| p.name.as_str()),
                sla,
            }),
            None => report.push(format!(
                "\"{first}\" has no SLA targets in the plan, so {} gets none.",
                label(target)
            )),
        }
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

/// Whether an SLA on this calendar counts business hours (anything but 24/7).
pub(crate) fn runs_on_business_hours(plan: &Plan, calendar: &str) -> bool {
    calendar != ALWAYS_OPEN && !plan.calendar(calendar).is_some_and(|c| c.is_always_open())
}

/// The business-hours calendars the exported targets run on, each once, in priority order.
pub(crate) fn business_calendars<'a>(plan: &Plan, mapped: &[MappedPriority<'a>]) -> Vec<&'a str> {
    let mut names: Vec<&str> = Vec::new();
    for entry in mapped {
        let calendar = entry.sla.calendar.as_str();
        if runs_on_business_hours(plan, calendar) && !names.contains(&calendar) {
            names.push(calendar);
        }
    }
    names
}

/// A target as minutes on its calendar's clock. Business days become the calendar's open minutes
/// per working day; anything approximate is explained in the report.
pub(crate) fn target_minutes(
    plan: &Plan,
    duration: Duration,
    calendar: &str,
    what: &str,
    report: &mut Vec<String>,
) -> u64 {
    let Duration::BusinessDays { days } = duration else {
        return duration.nominal_minutes();
    };
    let days = u64::from(days);
    if !runs_on_business_hours(plan, calendar) {
        report.push(format!(
            "{what} is {duration} on the 24/7 calendar, which has no business days; it is exported as \
             {days} calendar day(s)."
        ));
        return days * u64::from(MINUTES_PER_DAY);
    }
    let Some(found) = plan.calendar(calendar) else {
        report.push(format!(
            "{what} runs on the calendar \"{calendar}\", which the plan does not define; {duration} is \
             exported as {days} × 8 business hours."
        ));
        return days * 8 * 60;
    };
    let mut per_day = [0u64; 7];
    for interval in &found.intervals {
        per_day[interval.day.index()] += u64::from(interval.length_minutes());
    }
    let open: Vec<u64> = per_day.iter().copied().filter(|&m| m > 0).collect();
    if open.is_empty() {
        report.push(format!(
            "{what} runs on \"{calendar}\", which has no open hours; {duration} is exported as {days} × 8 business hours."
        ));
        return days * 8 * 60;
    }
    let average = open.iter().sum::<u64>() / open.len() as u64;
    if open.iter().any(|&m| m != average) {
        report.push(format!(
            "{what} is {duration} on \"{calendar}\", whose working days differ in length; it is exported \
             as {days} × {} business minutes (the average day).",
            average
        ));
    }
    days * average
}

/// A file name stem from a product name: `Acme Analytics` → `acme-analytics`.
pub fn file_stem(product: &str) -> String {
    let mut stem = String::new();
    for c in product.chars() {
        if c.is_ascii_alphanumeric() {
            stem.push(c.to_ascii_lowercase());
        } else if !stem.ends_with('-') && !stem.is_empty() {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "support-plan".to_string()
    } else {
        stem.to_string()
    }
}

/// The title of the exported SLA policy.
pub(crate) fn policy_title(plan: &Plan) -> String {
    if plan.header.product.trim().is_empty() {
        "Support plan SLA".to_string()
    } else {
        format!("{} support SLA", plan.header.product.trim())
    }
}
