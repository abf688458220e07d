//! The documents and exports the worker lays out for the page: the live preview's, stakeholder
//! view's and printout's blocks (`Ask::Document`), and the text and Markdown of a plan to download,
//! copy or show as source (`Ask::Export`). The page keeps only the block types and their views, so
//! the document model, its writers and the checks the Markdown reports stay out of its wasm.

use serde::{Deserialize, Serialize};

use super::{Answer, WorkerCore};
use crate::history::Replay;
use crate::plan::{Plan, Section};
use crate::render::document::{
    capacity_blocks, history_blocks, section_blocks, staffing_roster_blocks, title_block, Block,
};
use crate::render::{render_with, Format, Given, Layout};
use crate::rules::staffing_inputs;
use crate::shifts::ShiftPlan;

/// The shift search's answer as the page has it (or why there is none, in words).
pub type RosterAnswer = Result<ShiftPlan, String>;

/// A document laid out for the page's view, part by part, so the view redraws only the parts
/// whose blocks changed. Parts the section asked for leaves out are empty.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct DocumentParts {
    /// The title and key facts (the whole plan only).
    pub title: Option<Block<'static>>,
    /// Each of `Section::DOCUMENT`'s parts, in that order.
    pub parts: Vec<Vec<Block<'static>>>,
    /// The Capacity part (the whole plan only).
    pub capacity: Vec<Block<'static>>,
    /// The STAFFING ROSTER part (the whole plan with roster inputs only).
    pub roster: Vec<Block<'static>>,
    /// The History part (the whole plan with a measured history only).
    pub history: Vec<Block<'static>>,
}

/// The Capacity part laid out for the staffing inputs it was laid out from: most keystrokes do
/// not change what the staffing maths reads, so the worker does not run it again for them.
#[derive(Default)]
pub(super) struct Cache {
    capacity: Option<(Plan, Vec<Block<'static>>)>,
}

fn owned(blocks: Vec<Block<'_>>) -> Vec<Block<'static>> {
    blocks.into_iter().map(Block::into_owned).collect()
}

impl WorkerCore {
    /// The preview's blocks for `plan`, one section or the whole plan.
    pub(super) fn document(
        &mut self,
        plan: &Plan,
        section: Section,
        replay: Option<&Replay>,
        roster: Option<&RosterAnswer>,
    ) -> Answer {
        let full = section == Section::Full;
        let parts = Section::DOCUMENT
            .into_iter()
            .map(|part| {
                if full || section == part {
                    owned(section_blocks(plan, part, Layout::Detailed))
                } else {
                    Vec::new()
                }
            })
            .collect();
        let mut document = DocumentParts {
            title: full.then(|| title_block(plan, Layout::Detailed).into_owned()),
            parts,
            ..DocumentParts::default()
        };
        if full {
            document.capacity = self.capacity_part(plan);
            if !plan.staffing.roster.is_empty() {
                document.roster = staffing_roster_blocks(plan, roster, Layout::Detailed);
            }
            document.history = owned(history_blocks(plan, replay));
        }
        Answer::Document {
            document: Box::new(document),
        }
    }

    fn capacity_part(&mut self, plan: &Plan) -> Vec<Block<'static>> {
        let inputs = staffing_inputs(plan);
        match self.documents.capacity.take() {
            Some((last, blocks)) if last == inputs => {
                self.documents.capacity = Some((last, blocks.clone()));
                blocks
            }
            _ => {
                let blocks = owned(capacity_blocks(&inputs, None, Layout::Detailed));
                self.documents.capacity = Some((inputs, blocks.clone()));
                blocks
            }
        }
    }

    /// The plan (or one section) in a format, as a file would hold it; `asked` is echoed so the
    /// page knows which of its exports this is.
    pub(super) fn export(
        plan: &Plan,
        asked: u64,
        format: Format,
        section: Section,
        roster: Option<&RosterAnswer>,
    ) -> Answer {
        let given = Given {
            roster,
            ..Given::default()
        };
        Answer::Export {
            asked,
            text: render_with(plan, format, section, given),
        }
    }
}

/// The before → after comparison of two plans, and its text and Markdown to download or copy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Compared {
    pub comparison: crate::diff::Comparison,
    pub markdown: String,
    pub text: String,
}

impl Compared {
    /// Compares `before` with `after` (both checked, both staffed) and writes the comparison.
    pub fn of(before: &Plan, after: &Plan) -> Compared {
        let comparison = crate::diff::compare(before, after);
        Compared {
            markdown: crate::diff::to_markdown(&comparison),
            text: crate::diff::to_text(&comparison),
            comparison,
        }
    }
}

/// Which helpdesk configuration to write (the Share panel's buttons).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HelpdeskKind {
    Zendesk,
    Freshdesk,
    TaxonomyCsv,
}

/// A helpdesk configuration file, and what the helpdesk cannot hold (one sentence each).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HelpdeskFile {
    pub file_name: String,
    pub mime: String,
    pub body: String,
    pub report: Vec<String>,
}

impl HelpdeskFile {
    /// `plan`'s configuration for the helpdesk `kind` names.
    pub fn of(plan: &Plan, kind: HelpdeskKind) -> HelpdeskFile {
        use crate::render::helpdesk;
        let export = match kind {
            HelpdeskKind::Zendesk => helpdesk::zendesk(plan),
            HelpdeskKind::Freshdesk => helpdesk::freshdesk(plan),
            HelpdeskKind::TaxonomyCsv => helpdesk::taxonomy_csv(plan),
        };
        HelpdeskFile {
            file_name: export.file_name,
            mime: export.mime.to_string(),
            body: export.body,
            report: export.report,
        }
    }
}
