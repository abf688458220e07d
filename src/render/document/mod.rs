//! The plan laid out once, as data: `document(plan, section, layout)` returns blocks (heading,
//! facts, table, list, paragraph, note, chart data) with every word decided here. The text and
//! Markdown writers and the app's document view only draw blocks; they decide no wording and
//! nothing about what is shown. Blocks are plain serde data, so they can cross a worker boundary.

mod assess;
mod capacity;
mod checks;
mod history;
mod metrics;
mod parts;
mod roster;
#[cfg(test)]
mod tests;
mod words;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use super::{CapacitySummary, Section};
use crate::history::Replay;
use crate::plan::Plan;
use crate::rules::Finding;
use crate::shifts::ShiftPlan;

pub use checks::checks_part;
pub use roster::roster_section;

/// Words of a block: borrowed from the plan where they are its text, owned where composed.
pub type Words<'a> = Cow<'a, str>;

/// A laid-out plan, or one section of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Document<'a> {
    pub blocks: Vec<Block<'a>>,
}

/// One piece of a document. Every string is what a reader sees, unescaped: each writer makes it
/// safe for its format (a table cell cannot end early, user text never becomes markup).
/// Externally tagged (`{"heading": {…}}`): an internally tagged enum is read through serde's
/// buffered content, which cost the page's wasm 26 KB of code to read blocks from the worker.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Block<'a> {
    /// The document's opening: its title and the plan's key facts.
    Title {
        text: Words<'a>,
        facts: Vec<Fact<'a>>,
    },
    /// `level` 2 heads a part of the plan; 3 a piece of a part (a category, "Pain Points").
    Heading {
        level: u8,
        text: Words<'a>,
    },
    Facts {
        style: FactStyle,
        facts: Vec<Fact<'a>>,
    },
    Table(Table<'a>),
    List {
        ordered: bool,
        items: Vec<Words<'a>>,
    },
    Paragraph {
        text: Words<'a>,
    },
    /// A remark in place of content: "(none)".
    Note {
        text: Words<'a>,
    },
    Chart(Chart),
    /// Blocks that read as one unit: the text format writes them without blank lines between.
    Group {
        blocks: Vec<Block<'a>>,
    },
    /// A long run of like items (categories, escalation rules), every one of them; a view may
    /// show the first ones and offer the rest (`noun` names them: "categories").
    Records {
        noun: Words<'a>,
        items: Vec<Block<'a>>,
    },
}

/// A labelled value: "Priority: High". `alert`: the value is a shortfall a reader should see
/// (a view may mark it; the text formats say it in words already).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Fact<'a> {
    pub label: Words<'a>,
    pub value: Words<'a>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub alert: bool,
}

/// How the brief's text block sets out a run of facts (other formats set them all alike).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactStyle {
    /// `Weekly: …`, one a line.
    Plain,
    /// `- Types: …`, a list.
    Bulleted,
    /// `Trigger: …` then `→ Escalate to: …`: the first fact leads, the others follow it.
    Arrows,
}

/// A table: `label` names it for a screen reader, `noun` its rows ("channels") when a view shows
/// only the first of many.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Table<'a> {
    pub label: Words<'a>,
    pub noun: Words<'a>,
    pub columns: Vec<Column<'a>>,
    pub rows: Vec<Vec<Words<'a>>>,
}

/// A table column: its heading, and whether it holds figures (set flush right).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Column<'a> {
    pub heading: Words<'a>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub numeric: bool,
}

/// Figures for a chart over the 168 hours of a week (Monday 00:00 first), with its title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub id: String,
    pub title: String,
    pub series: Vec<Series>,
}

/// One line or set of bars of a chart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
}

/// Which shape a document takes. The words are the same in both; the shape differs where the
/// brief's OUTPUT FORMAT block fixes it (its tables' columns, `Trigger:`/`→` records), and the
/// facts its tables leave out follow them as lines, so both layouts carry the same facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// The brief's plain-text block (the text format).
    Brief,
    /// Tables with every column (Markdown, the app's preview, the stakeholder view, print).
    Detailed,
}

/// What a document is built from besides the plan: the Capacity part's figures (`None`: worked
/// out here) and the checks to report (`None`: no Checks part).
#[derive(Clone, Copy, Debug, Default)]
pub struct Inputs<'i> {
    pub capacity: Option<&'i CapacitySummary>,
    pub checks: Option<&'i [Finding]>,
    /// The measured tickets replayed against the plan, when the caller has read them (the plan
    /// holds only their summary); `None`: the History part says where the replay comes from.
    pub replay: Option<&'i Replay>,
    /// The shift search's answer (or why there is none), as the Shifts view has it; `None`:
    /// searched here when the plan has roster inputs.
    pub roster: Option<&'i Result<ShiftPlan, String>>,
}

/// The plan, or one section of it, as blocks in a layout.
pub fn document<'a>(
    plan: &'a Plan,
    section: Section,
    layout: Layout,
    inputs: Inputs<'_>,
) -> Document<'a> {
    let mut blocks = Vec::with_capacity(64);
    if section == Section::Full {
        blocks.push(title_block(plan, layout));
        for part in Section::DOCUMENT {
            blocks.extend(section_blocks(plan, part, layout));
        }
        blocks.extend(capacity::capacity_part(plan, inputs.capacity, layout));
        blocks.extend(roster::roster_part(plan, inputs.roster, layout));
        blocks.extend(history::history_part(plan, inputs.replay));
        if let Some(findings) = inputs.checks {
            blocks.extend(checks_part(findings));
        }
    } else {
        blocks.extend(section_blocks(plan, section, layout));
    }
    Document { blocks }
}

/// One section's blocks, its heading first (`Section::Full` gives none: see [`document`]).
pub fn section_blocks<'a>(plan: &'a Plan, section: Section, layout: Layout) -> Vec<Block<'a>> {
    parts::section(plan, section, layout)
}

/// The document's opening block: title and key facts.
pub fn title_block(plan: &Plan, layout: Layout) -> Block<'_> {
    parts::title(plan, layout)
}

/// The Capacity part's blocks, heading first, from figures already worked out (or worked out here).
pub fn capacity_blocks<'a>(
    plan: &'a Plan,
    summary: Option<&CapacitySummary>,
    layout: Layout,
) -> Vec<Block<'a>> {
    capacity::capacity_part(plan, summary, layout)
}

/// The STAFFING ROSTER part's blocks, heading first, from the search's answer (searched here
/// when `None`); none when the plan has no roster inputs.
pub fn staffing_roster_blocks(
    plan: &Plan,
    roster: Option<&Result<ShiftPlan, String>>,
    layout: Layout,
) -> Vec<Block<'static>> {
    roster::roster_part(plan, roster, layout)
}

/// The History part's blocks ("Today, Measured"), heading first; none without a measured history.
pub fn history_blocks<'a>(plan: &'a Plan, replay: Option<&Replay>) -> Vec<Block<'a>> {
    history::history_part(plan, replay)
}

/// The line a view shows under the first rows of a long run: "450 more categories not shown here."
pub fn rows_not_shown(hidden: usize, noun: &str) -> String {
    format!("{hidden} more {noun} not shown here.")
}

impl Block<'_> {
    /// The block with every string owned, to keep beyond the plan it was laid out from.
    pub fn into_owned(self) -> Block<'static> {
        match self {
            Block::Title { text, facts } => Block::Title {
                text: owned(text),
                facts: facts.into_iter().map(Fact::into_owned).collect(),
            },
            Block::Heading { level, text } => Block::Heading {
                level,
                text: owned(text),
            },
            Block::Facts { style, facts } => Block::Facts {
                style,
                facts: facts.into_iter().map(Fact::into_owned).collect(),
            },
            Block::Table(table) => Block::Table(table.into_owned()),
            Block::List { ordered, items } => Block::List {
                ordered,
                items: items.into_iter().map(owned).collect(),
            },
            Block::Paragraph { text } => Block::Paragraph { text: owned(text) },
            Block::Note { text } => Block::Note { text: owned(text) },
            Block::Chart(chart) => Block::Chart(chart),
            Block::Group { blocks } => Block::Group {
                blocks: blocks.into_iter().map(Block::into_owned).collect(),
            },
            Block::Records { noun, items } => Block::Records {
                noun: owned(noun),
                items: items.into_iter().map(Block::into_owned).collect(),
            },
        }
    }
}

impl Fact<'_> {
    pub fn into_owned(self) -> Fact<'static> {
        Fact {
            label: owned(self.label),
            value: owned(self.value),
            alert: self.alert,
        }
    }
}

impl Table<'_> {
    pub fn into_owned(self) -> Table<'static> {
        Table {
            label: owned(self.label),
            noun: owned(self.noun),
            columns: self
                .columns
                .into_iter()
                .map(|c| Column {
                    heading: owned(c.heading),
                    numeric: c.numeric,
                })
                .collect(),
            rows: self
                .rows
                .into_iter()
                .map(|row| row.into_iter().map(owned).collect())
                .collect(),
        }
    }
}

impl Document<'_> {
    pub fn into_owned(self) -> Document<'static> {
        Document {
            blocks: self.blocks.into_iter().map(Block::into_owned).collect(),
        }
    }
}

fn owned(words: Words<'_>) -> Words<'static> {
    Cow::Owned(words.into_owned())
}
