//! The designer's forms as data: every field declared once (path, label, kind, hint) and drawn by
//! one generic component, with the path access (`node`) that reads and writes any field as text.

pub mod node;
mod pages;
pub mod rename;

pub use pages::{page, HEADER, LIVE_CHANNEL_FIELDS, MONTH_FIELDS, STAFFING_FIELDS};

use crate::plan::{Page, Path};

/// How a field is edited and shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One line of text.
    Text,
    /// Several lines of text.
    LongText,
    /// A whole number (`1,200`).
    Count,
    /// A number in a unit (`%`), 0 when empty.
    Number(&'static str),
    /// A number in a unit that may be unknown (empty).
    OptionalNumber(&'static str),
    /// A number in a unit that, when empty, is the plan-wide value (a channel's own service level).
    PlanWide(&'static str),
    /// A whole number that, when empty, is a default the label names (answer within 20 s).
    DefaultCount,
    /// A duration (`4h`, `30 min`, `3bd`).
    Duration,
    /// A duration that may be unset (empty).
    OptionalDuration,
    /// An SLA target: a duration, "best effort", or empty for none.
    Target,
    /// A time of day (`09:00`).
    Time,
    /// A date (`2026-12-25`).
    Date,
    /// A date that may be unset.
    OptionalDate,
    /// Yes or no.
    Check,
    /// One of the fixed choices of the value's type.
    Choice,
    /// The name of something the plan defines; with a label for "none" when it may be empty.
    Name(Names, Option<&'static str>),
    /// The name other fields refer to this entry by: renaming it renames the references.
    Label(Names),
    /// Free text with the names of plan entries offered (a tier, or any role).
    Suggest(Names),
    /// An IANA time zone.
    TimeZone,
    /// Some days of the week (a shift's), one box per day; all ticked is every day.
    Weekdays,
}

/// What a name field picks from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Names {
    Priorities,
    Tiers,
    Calendars,
    Channels,
    Policies,
}

/// One field: where it is (relative to the row it is in, or to the plan), what it is called and
/// how it is edited.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldSpec {
    /// Path below the row (`first_response.target`), or from the plan outside rows.
    pub key: &'static str,
    /// The visible label.
    pub label: &'static str,
    /// The accessible name outside a row, when the label alone is ambiguous ("CSAT target").
    pub name: Option<&'static str>,
    pub kind: Kind,
    /// A line of help under the field, or empty.
    pub hint: &'static str,
    /// Takes the whole width of the form.
    pub wide: bool,
}

/// How a list's rows are drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    /// Full rows with a heading and their fields in a grid.
    Card,
    /// One line per row.
    Line,
    /// A list of words or steps: each row is one text field.
    Words,
}

/// A list of rows, each drawn from `items`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ListSpec {
    /// Path below the row it is in, or from the plan.
    pub key: &'static str,
    /// What one row is called ("Category"); inside a row, after the row's own name
    /// ("Calendar 2 holiday").
    pub noun: &'static str,
    pub layout: Layout,
    /// The fields and lists of each row (empty for words).
    pub items: &'static [Item],
    /// Fields whose text the Find box of a long list searches; empty for no Find box.
    pub search: &'static [&'static str],
    /// Values a new row starts with, as field path and text (`hours`, `24/7`); the text
    /// `@home-zone` stands for the plan's home time zone.
    pub init: &'static [(&'static str, &'static str)],
    /// Rows offer "Duplicate": a copy right after the row, named "… (copy)".
    pub copyable: bool,
}

/// A part of a form drawn by its own component rather than from fields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Custom {
    /// The SLA policies as vendors publish them: priorities down, policies across; its cells are
    /// the first-response and resolution targets (`sla[].targets[].first_response.target`).
    SlaMatrix,
    /// Buttons that set a calendar's weekday hours in one go.
    WeekHours,
    /// A country's public holidays added to a calendar for a range of years.
    HolidayPresets,
    /// The Capacity page's staffing view.
    Capacity,
    /// The "Today, measured" page: a ticket export read and summarised.
    Measured,
    /// The shift search under Capacity: people per shift, the week's cover, the CSV.
    Shifts,
    /// The volume forecast from the measured history, under Capacity.
    Forecast,
}

/// One entry of a form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Field(FieldSpec),
    List(ListSpec),
    /// A titled group with a line of help.
    Group {
        title: &'static str,
        help: &'static str,
        items: &'static [Item],
    },
    /// A small heading inside a row.
    Heading(&'static str),
    Custom(Custom),
}

/// Every control path a page's form declares, with list indexes written `[]`
/// (`sla[].targets[].first_response.target`), and for each whether it is a list.
pub fn control_paths(page: Page) -> Vec<(String, bool)> {
    let mut paths = Vec::new();
    collect(self::page(page), "", &mut paths);
    paths
}

/// The control paths of the designer's header.
pub fn header_paths() -> Vec<(String, bool)> {
    let mut paths = Vec::new();
    collect(HEADER, "", &mut paths);
    paths
}

fn join(prefix: &str, key: &str) -> String {
    match (prefix.is_empty(), key.is_empty()) {
        (true, _) => key.to_string(),
        (false, true) => prefix.to_string(),
        (false, false) => format!("{prefix}.{key}"),
    }
}

fn collect(items: &[Item], prefix: &str, paths: &mut Vec<(String, bool)>) {
    for item in items {
        match item {
            Item::Field(field) => paths.push((join(prefix, field.key), false)),
            Item::List(list) => {
                let path = join(prefix, list.key);
                paths.push((path.clone(), true));
                let row = format!("{path}[]");
                if list.layout == Layout::Words {
                    paths.push((row.clone(), false));
                }
                collect(list.items, &row, paths);
            }
            Item::Group { items, .. } => collect(items, prefix, paths),
            Item::Custom(custom) => paths.extend(custom_paths(*custom)),
            Item::Heading(_) => {}
        }
    }
}

/// The control paths a custom part draws, and for each whether it is a list.
pub fn custom_paths(custom: Custom) -> Vec<(String, bool)> {
    match custom {
        Custom::SlaMatrix => ["first_response", "resolution"]
            .into_iter()
            .flat_map(|metric| {
                ["target", "calendar"]
                    .map(|part| (format!("sla[].targets[].{metric}.{part}"), false))
            })
            .collect(),
        Custom::WeekHours
        | Custom::HolidayPresets
        | Custom::Measured
        | Custom::Shifts
        | Custom::Forecast => Vec::new(),
        Custom::Capacity => {
            let fields = STAFFING_FIELDS.iter().chain(MONTH_FIELDS);
            let mut paths: Vec<(String, bool)> =
                fields.map(|f| (f.key.to_string(), false)).collect();
            paths.extend(
                LIVE_CHANNEL_FIELDS
                    .iter()
                    .map(|f| (format!("channels[].{}", f.key), false)),
            );
            for (path, is_list) in [
                ("staffing.priority_mix", true),
                ("staffing.priority_mix[].priority", false),
                ("staffing.priority_mix[].share", false),
                // The pattern editor: presets and a paste box for the whole week.
                ("staffing.arrival_profile", true),
                ("channels[].arrival_profile", true),
            ] {
                paths.push((path.to_string(), is_list));
            }
            paths
        }
    }
}

/// The page whose form edits the value at `path` (a finding's path): the Capacity view for the
/// staffing assumptions it draws (a channel's service level), else the page of the path's part.
pub fn page_for(path: &Path) -> Page {
    let wanted = path.pattern();
    let on_capacity = control_paths(Page::Capacity)
        .iter()
        .any(|(declared, _)| *declared == wanted);
    if on_capacity {
        Page::Capacity
    } else {
        Page::of_path(path)
    }
}

/// Whether a form control edits the value at `path` (a finding's path): on the page that edits
/// its part, or in the designer's header. Returns that page.
pub fn control_for(path: &Path) -> Option<Page> {
    let wanted = path.pattern();
    let page = page_for(path);
    control_paths(page)
        .into_iter()
        .chain(header_paths())
        .any(|(declared, _)| declared == wanted)
        .then_some(page)
}

#[cfg(test)]
mod tests;
