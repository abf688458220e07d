//! Exports of a plan: the brief's plain-text block, GitHub Markdown and JSON, whole or one section.
//! Every renderer is a pure function of `&Plan`; user text is always written as text, never markup.

pub mod assess;
mod capacity;
pub mod document;
pub mod helpdesk;
mod markdown;
mod roster_csv;
#[cfg(feature = "schema")]
mod schema;
pub mod sla;
mod text;

pub use capacity::{
    capacity_summary, capacity_summary_given, on_call_words, peak_words, why_head_count,
    CapacityFigures, CapacitySummary, ChannelFigures,
};
pub use roster_csv::roster_csv;
#[cfg(feature = "schema")]
pub use schema::json_schema;

/// Text from a plan or an imported file as one safe line for a terminal: control characters
/// (escape sequences that move the cursor or set the clipboard) go and line breaks become
/// spaces, as the text document writes user text.
pub fn terminal_line(text: &str) -> String {
    text::one_line(text, false)
}
// For other documents in the same styles (the before → after comparison).
pub use document::{document, Block, Document, Inputs, Layout};
pub(crate) use markdown::inert as markdown_text;
#[cfg(test)]
pub(crate) use markdown::{inline_text as markdown_inline, write_document as write_markdown};
pub(crate) use text::{one_line as text_line, DOUBLE_RULE, SINGLE_RULE};

use std::fmt::{self, Write};

use crate::plan::{HealthBand, Plan, Weekday, WeeklyInterval};

/// An export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Markdown,
    Json,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Text, Format::Markdown, Format::Json];

    /// The name used on the command line and in the UI: `text`, `markdown`, `json`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Markdown => "markdown",
            Format::Json => "json",
        }
    }

    /// Reads a format name (`text`/`txt`, `markdown`/`md`, `json`), ignoring case.
    pub fn from_name(name: &str) -> Option<Format> {
        match name.trim().to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Some(Format::Text),
            "markdown" | "md" => Some(Format::Markdown),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    /// File extension for a download, without the dot.
    pub fn file_extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::Markdown => "md",
            Format::Json => "json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Text => "text/plain;charset=utf-8",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

pub use crate::plan::Section;

/// The stem of every file the app writes for a plan, from its product name: `Acme Analytics` →
/// `acme-analytics`, `Café Crème` → `café-crème`; `support-ops-plan` when there is no name.
pub fn file_stem(product: &str) -> String {
    let mut stem = String::with_capacity(product.len());
    for c in product.trim().chars() {
        if c.is_alphanumeric() {
            stem.extend(c.to_lowercase());
        } else if !stem.is_empty() && !stem.ends_with('-') {
            stem.push('-');
        }
    }
    let stem = stem.trim_end_matches('-');
    if stem.is_empty() {
        "support-ops-plan".to_string()
    } else {
        stem.to_string()
    }
}

/// Renders the plan, or one section of it, in a format.
pub fn render(plan: &Plan, format: Format, section: Section) -> String {
    render_with(plan, format, section, Given::default())
}

/// Answers a caller has already worked out, so a document says what the view beside it says and
/// nothing is worked out twice; each one left `None` is worked out here.
#[derive(Clone, Copy, Debug, Default)]
pub struct Given<'i> {
    /// The Capacity part's figures.
    pub capacity: Option<&'i CapacitySummary>,
    /// The shift search's answer (the Shifts view's), for the STAFFING ROSTER part.
    pub roster: Option<&'i Result<crate::shifts::ShiftPlan, String>>,
}

/// As [`render`], with answers already worked out (see [`Given`]): a caller that also checks
/// the plan runs the staffing maths once for both, and the page's document says the shift plan
/// its Shifts view found.
pub fn render_with(plan: &Plan, format: Format, section: Section, given: Given<'_>) -> String {
    match format {
        Format::Text => text::render(plan, section, given),
        Format::Markdown => {
            // The whole plan handed to a stakeholder says what the checks found, as the shared
            // view does beside it.
            let findings = (section == Section::Full).then(|| crate::rules::check(plan));
            let inputs = document::Inputs {
                capacity: given.capacity,
                checks: findings.as_deref(),
                replay: None,
                roster: given.roster,
            };
            markdown::render(plan, section, inputs)
        }
        Format::Json => json_text(plan, section),
    }
}

/// The STAFFING ROSTER part alone, as `support-ops shifts` prints it: the brief's text style, or
/// Markdown (JSON is the `ShiftPlan` itself).
pub fn render_roster(roster: &crate::shifts::ShiftPlan, format: Format) -> String {
    let answer = Ok(roster.clone());
    let mut out = String::new();
    match format {
        Format::Markdown => {
            let blocks = document::roster_section(&answer, Layout::Detailed);
            markdown::write_document(&mut out, &document::Document { blocks });
        }
        Format::Text | Format::Json => {
            let blocks = document::roster_section(&answer, Layout::Brief);
            text::write_document(&mut out, &document::Document { blocks });
        }
    }
    out
}

/// The whole plan as `to_json` writes it, or one section as `{"<part key>": …}`: the JSON export,
/// which the page writes itself (it is the plan, not a document).
pub fn json_text(plan: &Plan, section: Section) -> String {
    let Some(part) = section.part() else {
        return crate::plan::json::to_json(plan);
    };
    let value = part
        .to_json(plan)
        .unwrap_or_else(|error| serde_json::Value::String(error.to_string()));
    let mut object = serde_json::Map::new();
    object.insert(part.key().to_string(), value);
    let mut text = serde_json::to_string_pretty(&serde_json::Value::Object(object))
        .unwrap_or_else(|error| format!("{{\"error\": \"{error}\"}}"));
    text.push('\n');
    text
}

/// The opening hours of a calendar as people read them: `24/7`, `Mon–Fri 09:00–17:00 Europe/Berlin`,
/// `Mon–Thu 08:00–12:00 & 13:00–17:00, Fri 08:00–14:00 America/New_York`, `Mon–Fri all day UTC`.
/// A name the plan does not define is returned as written (a rule flags it); empty gives `—`.
pub fn hours_in_words(plan: &Plan, calendar_name: &str) -> String {
    let mut words = String::new();
    let _ = write_hours(&mut words, plan, calendar_name);
    words
}

pub(crate) fn write_hours(out: &mut String, plan: &Plan, calendar_name: &str) -> fmt::Result {
    if calendar_name.trim().is_empty() {
        out.push('—');
        return Ok(());
    }
    let Some(calendar) = plan.calendar(calendar_name) else {
        out.push_str(calendar_name);
        return Ok(());
    };
    let day_shifts = |day: Weekday| {
        let mut shifts: Vec<&WeeklyInterval> =
            calendar.intervals.iter().filter(|i| i.day == day).collect();
        shifts.sort_by_key(|i| (i.start, i.end));
        shifts
    };
    let week: Vec<Vec<&WeeklyInterval>> = Weekday::ALL.iter().map(|&d| day_shifts(d)).collect();
    let whole_day = |shifts: &Vec<&WeeklyInterval>| {
        shifts.len() == 1
            && shifts[0].start.minute_of_day() == 0
            && shifts[0].end.minute_of_day() == 24 * 60
    };
    if calendar.is_always_open() || week.iter().all(whole_day) {
        out.push_str("24/7");
        return Ok(());
    }
    let same = |a: &Vec<&WeeklyInterval>, b: &Vec<&WeeklyInterval>| {
        a.len() == b.len()
            && a.iter()
                .zip(b)
                .all(|(x, y)| x.start == y.start && x.end == y.end)
    };
    let mut first_group = true;
    let mut day = 0;
    while day < 7 {
        if week[day].is_empty() {
            day += 1;
            continue;
        }
        let mut last = day;
        while last + 1 < 7 && same(&week[day], &week[last + 1]) {
            last += 1;
        }
        if !first_group {
            out.push_str(", ");
        }
        first_group = false;
        out.push_str(Weekday::from_index(day).short_name());
        if last > day {
            write!(out, "–{}", Weekday::from_index(last).short_name())?;
        }
        if whole_day(&week[day]) {
            out.push_str(" all day");
        } else {
            for (n, shift) in week[day].iter().enumerate() {
                out.push_str(if n == 0 { " " } else { " & " });
                write!(out, "{}–{}", shift.start, shift.end)?;
            }
        }
        day = last + 1;
    }
    if first_group {
        out.push_str("Closed");
    }
    if !calendar.time_zone.trim().is_empty() {
        out.push(' ');
        out.push_str(calendar.time_zone.trim());
    }
    Ok(())
}

/// The health-score bands: `Red 0–49, Yellow 50–74, Green 75–100`, or `(none)`.
pub(crate) fn write_bands(out: &mut String, bands: &[HealthBand]) -> fmt::Result {
    if bands.is_empty() {
        out.push_str("(none)");
    }
    for (n, band) in bands.iter().enumerate() {
        if n > 0 {
            out.push_str(", ");
        }
        write!(out, "{} {}–{}", band.colour.label(), band.min, band.max)?;
    }
    Ok(())
}

/// A percentage or weight without needless decimals: `90`, `92.5`; `—` when not a number.
pub(crate) struct Number(pub f64);

impl fmt::Display for Number {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let value = self.0;
        if !value.is_finite() {
            return f.write_str("—");
        }
        let rounded = (value * 100.0).round() / 100.0;
        if rounded.fract() == 0.0 && rounded.abs() < 1e15 {
            write!(f, "{}", rounded as i64)
        } else {
            write!(f, "{rounded}")
        }
    }
}

/// A whole number with thousands separators: `12,500`.
pub(crate) struct Count(pub u32);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        for (n, digit) in digits.chars().enumerate() {
            if n > 0 && (digits.len() - n) % 3 == 0 {
                f.write_str(",")?;
            }
            f.write_char(digit)?;
        }
        Ok(())
    }
}

pub(crate) use crate::plan::trimmed;

/// Appends a count in decimal without going through the formatting machinery (hot in long lists).
pub(crate) fn push_count(out: &mut String, count: usize) {
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    let mut rest = count;
    loop {
        start -= 1;
        digits[start] = b'0' + (rest % 10) as u8;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for &digit in &digits[start..] {
        out.push(char::from(digit));
    }
}

/// Starts item `n` (from 0) of a list, as the text and Markdown writers both mark it: `1. ` when
/// the list is ordered, `- ` when not.
pub(crate) fn list_marker(out: &mut String, ordered: bool, n: usize) {
    if ordered {
        push_count(out, n + 1);
        out.push_str(". ");
    } else {
        out.push_str("- ");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{Calendar, ClockTime};

    fn time(text: &str) -> ClockTime {
        text.parse().unwrap()
    }

    fn plan_with(calendar: Calendar) -> Plan {
        let mut plan = Plan::blank();
        plan.calendars.push(calendar);
        plan
    }

    fn office(name: &str, zone: &str, shifts: &[(Weekday, &str, &str)]) -> Calendar {
        Calendar {
            name: name.into(),
            time_zone: zone.into(),
            intervals: shifts
                .iter()
                .map(|&(day, start, end)| WeeklyInterval::new(day, time(start), time(end)))
                .collect(),
            holidays: vec![],
            holidays_from: String::new(),
        }
    }

    #[test]
    fn weekday_office_hours_read_as_a_range() {
        let shifts: Vec<_> = Weekday::ALL[..5]
            .iter()
            .map(|&d| (d, "09:00", "17:00"))
            .collect();
        let plan = plan_with(office("Office", "Europe/Berlin", &shifts));
        assert_eq!(
            hours_in_words(&plan, "Office"),
            "Mon–Fri 09:00–17:00 Europe/Berlin"
        );
        assert_eq!(hours_in_words(&plan, "24/7"), "24/7");
    }

    #[test]
    fn split_shifts_and_short_friday_are_spelled_out() {
        use Weekday::*;
        let mut shifts = vec![];
        for day in [Mon, Tue, Wed, Thu] {
            shifts.push((day, "13:00", "17:00"));
            shifts.push((day, "08:00", "12:00"));
        }
        shifts.push((Fri, "08:00", "14:00"));
        shifts.push((Sat, "00:00", "24:00"));
        shifts.push((Sun, "10:00", "12:00"));
        let plan = plan_with(office("Split", "America/New_York", &shifts));
        assert_eq!(
            hours_in_words(&plan, "Split"),
            "Mon–Thu 08:00–12:00 & 13:00–17:00, Fri 08:00–14:00, Sat all day, Sun 10:00–12:00 America/New_York"
        );
    }

    #[test]
    fn unknown_empty_and_closed_calendars_still_say_something() {
        let plan = plan_with(office("Never", "UTC", &[]));
        assert_eq!(hours_in_words(&plan, "Never"), "Closed UTC");
        assert_eq!(hours_in_words(&plan, "Nights"), "Nights");
        assert_eq!(hours_in_words(&plan, "  "), "—");
    }

    #[test]
    fn names_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::from_name(format.name()), Some(format));
        }
        assert_eq!(Format::from_name("md"), Some(Format::Markdown));
    }

    /// Timing on a generated 1,000-category plan. Run in release:
    /// `cargo test --release --no-default-features --lib render::tests::timing -- --ignored --nocapture`
    #[test]
    #[ignore = "a measurement, not a check; run it in release"]
    fn timing_on_a_thousand_categories() {
        use crate::plan::generate::{large_plan, PlanSize};
        let plan = large_plan(7, PlanSize::with_categories(1000));
        // Fastest and median of 101 runs: the fastest is the least disturbed by a busy machine.
        let timings = |work: &dyn Fn() -> usize| {
            let mut times: Vec<std::time::Duration> = (0..101)
                .map(|_| {
                    let start = std::time::Instant::now();
                    std::hint::black_box(work());
                    start.elapsed()
                })
                .collect();
            times.sort();
            format!(
                "fastest {:?}, median {:?}",
                times[0],
                times[times.len() / 2]
            )
        };
        let findings = crate::rules::check(&plan).len();
        let check = timings(&|| crate::rules::check(&plan).len());
        println!("check: {check} ({findings} findings)");
        for format in Format::ALL {
            let bytes = render(&plan, format, Section::Full).len();
            let time = timings(&|| render(&plan, format, Section::Full).len());
            println!("render {}: {time} ({bytes} bytes)", format.name());
        }
    }

    #[test]
    fn file_names_come_from_the_product() {
        assert_eq!(file_stem("Acme Analytics"), "acme-analytics");
        assert_eq!(file_stem("  Café Crème & Co. "), "café-crème-co");
        assert_eq!(file_stem("Ünïcödé 2.0"), "ünïcödé-2-0");
        assert_eq!(file_stem("***"), "support-ops-plan");
        assert_eq!(file_stem(""), "support-ops-plan");
    }

    #[test]
    fn the_assessment_exports_as_its_own_json_section() {
        let plan = crate::plan::templates::by_id("b2b-saas").expect("template");
        let json = render(&plan, Format::Json, Section::Assess);
        let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
        let assess: crate::plan::Assess =
            serde_json::from_value(value["assess"].clone()).expect("an assessment");
        assert_eq!(assess, plan.assess);
        assert_eq!(assess.pain_points.len(), 3);
    }

    #[test]
    fn numbers_drop_needless_decimals() {
        assert_eq!(Number(90.0).to_string(), "90");
        assert_eq!(Number(92.5).to_string(), "92.5");
        assert_eq!(Number(f64::NAN).to_string(), "—");
        assert_eq!(Count(12_500).to_string(), "12,500");
        assert_eq!(Count(999).to_string(), "999");
        for count in [0, 7, 10, 1000, usize::MAX] {
            let mut out = String::new();
            push_count(&mut out, count);
            assert_eq!(out, count.to_string());
        }
    }
}
