//! The small pieces every part is laid out from: user text or a dash, joined lists, facts,
//! tables, "(none)"; and the plan's recurring phrases (a duration, a percentage, a count).

use std::borrow::Cow;
use std::fmt::Write;

use super::{Block, Column, Fact, FactStyle, Table, Words};
use crate::plan::{trimmed, Duration};
use crate::render::{Count, Number};

/// What a document says for nothing: an empty list, a part with no rows.
pub(super) const NONE: &str = "(none)";
/// What a document says for a blank value.
pub(super) const DASH: &str = "—";
/// The one word a document puts after a value still as the starter template wrote it, so a
/// reader never takes the template's "CSAT 82 %" for the team's own figure.
const TEMPLATE_MARK: &str = " (template)";

/// ` (template)` when the value at `path` is still as the template wrote it, else nothing.
pub(super) fn template_mark(plan: &crate::plan::Plan, path: &crate::plan::Path) -> &'static str {
    if crate::plan::provenance::is_template_value(plan, path.as_str()) {
        TEMPLATE_MARK
    } else {
        ""
    }
}

/// User text as shown: trimmed, `—` when blank.
pub(super) fn user(text: &str) -> Words<'_> {
    let text = trimmed(text);
    if text.is_empty() {
        Cow::Borrowed(DASH)
    } else {
        Cow::Borrowed(text)
    }
}

/// The non-blank items joined by `separator`, or `(none)`.
pub(super) fn joined<'a>(items: &'a [String], separator: &str) -> Words<'a> {
    joined_texts(items.iter().map(String::as_str), separator)
}

/// As [`joined`], over any texts.
pub(super) fn joined_texts<'a>(items: impl Iterator<Item = &'a str>, separator: &str) -> Words<'a> {
    let mut kept = items.map(trimmed).filter(|i| !i.is_empty());
    let Some(first) = kept.next() else {
        return Cow::Borrowed(NONE);
    };
    let Some(second) = kept.next() else {
        return Cow::Borrowed(first);
    };
    let mut out = String::with_capacity(first.len() + second.len() + 16);
    out.push_str(first);
    for item in std::iter::once(second).chain(kept) {
        out.push_str(separator);
        out.push_str(item);
    }
    Cow::Owned(out)
}

pub(super) fn fact<'a>(label: &'static str, value: impl Into<Words<'a>>) -> Fact<'a> {
    Fact {
        label: Cow::Borrowed(label),
        value: value.into(),
        alert: false,
    }
}

pub(super) fn facts(style: FactStyle, facts: Vec<Fact<'_>>) -> Block<'_> {
    Block::Facts { style, facts }
}

pub(super) fn heading<'a>(level: u8, text: impl Into<Words<'a>>) -> Block<'a> {
    Block::Heading {
        level,
        text: text.into(),
    }
}

pub(super) fn note(text: &'static str) -> Block<'static> {
    Block::Note {
        text: Cow::Borrowed(text),
    }
}

pub(super) fn paragraph<'a>(text: impl Into<Words<'a>>) -> Block<'a> {
    Block::Paragraph { text: text.into() }
}

/// A list of user texts (a blank item reads `—`), or `(none)` when there are none.
pub(super) fn list_or_none(items: &[String], ordered: bool) -> Block<'_> {
    if items.is_empty() {
        return note(NONE);
    }
    Block::List {
        ordered,
        items: items.iter().map(|i| user(i)).collect(),
    }
}

/// Columns with these headings; those named in `numeric` hold figures.
pub(super) fn columns(headings: &[&'static str], numeric: &[&str]) -> Vec<Column<'static>> {
    headings
        .iter()
        .map(|&heading| Column {
            heading: Cow::Borrowed(heading),
            numeric: numeric.contains(&heading),
        })
        .collect()
}

pub(super) fn table<'a>(
    label: impl Into<Words<'a>>,
    noun: &'static str,
    columns: Vec<Column<'static>>,
    rows: Vec<Vec<Words<'a>>>,
) -> Block<'a> {
    Block::Table(Table {
        label: label.into(),
        noun: Cow::Borrowed(noun),
        columns,
        rows,
    })
}

/// A percentage: `40%`, `12.5%`.
pub(super) fn percent(value: f64) -> String {
    format!("{}%", Number(value))
}

/// `1 agent`, `2,500 tickets/month`.
pub(super) fn counted(count: u32, one: &str, many: &str) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        "{} {}",
        Count(count),
        if count == 1 { one } else { many }
    );
    out
}

/// A duration in words, `—` when absent.
pub(super) fn maybe_duration(duration: Option<Duration>) -> Words<'static> {
    match duration {
        Some(duration) => Cow::Owned(duration.in_words()),
        None => Cow::Borrowed(DASH),
    }
}

/// `Label N: name`, as the brief heads a category ("Category 1: Billing").
pub(super) fn numbered_title(label: &str, index: usize, name: &str) -> String {
    let name = user(name);
    let mut out = String::with_capacity(label.len() + name.len() + 8);
    out.push_str(label);
    out.push(' ');
    crate::render::push_count(&mut out, index + 1);
    out.push_str(": ");
    out.push_str(&name);
    out
}
