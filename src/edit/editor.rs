//! The editor of the open plan: applies each edit, records it in the log, and keeps undo and redo
//! as steps over the log's records, with rapid typing into one field joined into one step.

use super::apply::apply;
use super::log::{EditLog, Kind};
use super::{Applied, Edit, EditError};
use crate::plan::{Path, Plan};

/// Writes to the same field less than this many milliseconds apart are one undo step.
pub const JOIN_WINDOW_MS: f64 = 1000.0;

/// Most undo steps kept; the oldest are dropped beyond this.
pub const STEP_LIMIT: usize = 200;

/// One undo (or redo) step: the records it undoes (or redoes), oldest first.
type Step = Vec<u64>;

/// Applies every change of the open plan and keeps its log. Pure: the caller passes the plan and,
/// for typing, the time.
#[derive(Clone, Debug, Default)]
pub struct Editor {
    log: EditLog,
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The field and time of the last field write, while the next may still join its step.
    last_write: Option<(Path, f64)>,
}

impl Editor {
    pub fn new() -> Editor {
        Editor::default()
    }

    pub fn log(&self) -> &EditLog {
        &self.log
    }

    /// Applies `edit` to `plan` and records it as its own undo step.
    pub fn apply(&mut self, plan: &mut Plan, edit: Edit) -> Result<Applied, EditError> {
        self.apply_at(plan, edit, None)
    }

    /// As [`Editor::apply`], for an edit made at `at_ms` (the caller's clock): a field write within
    /// [`JOIN_WINDOW_MS`] of the last write to the same field joins its undo step.
    pub fn apply_at(
        &mut self,
        plan: &mut Plan,
        edit: Edit,
        at_ms: Option<f64>,
    ) -> Result<Applied, EditError> {
        let Some(undo) = apply(plan, &edit)? else {
            return Ok(Applied::Unchanged);
        };
        let field = match &edit {
            Edit::SetField { path, .. } => Some(path.clone()),
            _ => None,
        };
        let joins = self.joins(field.as_ref(), at_ms);
        let seq = self.log.push(edit, undo, Kind::Do);
        self.redo.clear();
        // A later write to the same field needs no undo of its own: the first one's undo puts
        // back the row it lies in as it was before the whole step.
        if !joins {
            self.undo.push(vec![seq]);
            self.drop_old_steps();
        }
        let applied = if field.is_some() {
            Applied::Field(seq)
        } else {
            Applied::Plan(seq)
        };
        self.last_write = field.zip(at_ms);
        Ok(applied)
    }

    /// Applies `edits` in order as one undo step (adding a row and filling in its first values).
    /// All or nothing: when one cannot be applied, those before it are undone and the error says
    /// which; nothing is recorded.
    pub fn apply_step(&mut self, plan: &mut Plan, edits: Vec<Edit>) -> Result<Applied, EditError> {
        let mut done: Vec<(Edit, Edit)> = Vec::new();
        for edit in edits {
            match apply(plan, &edit) {
                Ok(Some(undo)) => done.push((edit, undo)),
                Ok(None) => {}
                Err(error) => {
                    for (_, undo) in done.iter().rev() {
                        let _ = apply(plan, undo);
                    }
                    return Err(error);
                }
            }
        }
        if done.is_empty() {
            return Ok(Applied::Unchanged);
        }
        self.redo.clear();
        self.last_write = None;
        let step: Step = done
            .into_iter()
            .map(|(edit, undo)| self.log.push(edit, undo, Kind::Do))
            .collect();
        let last = step.last().copied().unwrap_or_default();
        self.undo.push(step);
        self.drop_old_steps();
        Ok(Applied::Plan(last))
    }

    fn joins(&self, field: Option<&Path>, at_ms: Option<f64>) -> bool {
        match (&self.last_write, field, at_ms) {
            (Some((last, last_at)), Some(field), Some(at)) => {
                last == field && at - last_at <= JOIN_WINDOW_MS && !self.undo.is_empty()
            }
            _ => false,
        }
    }

    fn drop_old_steps(&mut self) {
        if self.undo.len() > STEP_LIMIT {
            self.undo.remove(0);
            self.forget_unneeded();
        }
    }

    /// Undoes the last step; `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> Result<Option<Applied>, EditError> {
        self.step_back_or_forth(plan, Kind::Undo)
    }

    /// Redoes the last undone step; `None` when there is nothing to redo.
    pub fn redo(&mut self, plan: &mut Plan) -> Result<Option<Applied>, EditError> {
        self.step_back_or_forth(plan, Kind::Redo)
    }

    /// Takes the last step of the undo (or redo) stack, applies it and puts the way back on the
    /// other stack. A step that fails stays where it was.
    fn step_back_or_forth(
        &mut self,
        plan: &mut Plan,
        kind: Kind,
    ) -> Result<Option<Applied>, EditError> {
        let Some(step) = self.stacks(kind).0.pop() else {
            return Ok(None);
        };
        match self.replay_step(plan, &step, kind) {
            Ok((seqs, applied)) => {
                self.stacks(kind).1.push(seqs);
                Ok(Some(applied))
            }
            Err(error) => {
                self.stacks(kind).0.push(step);
                Err(error)
            }
        }
    }

    /// The stack a step of `kind` comes from and the one its way back goes to.
    fn stacks(&mut self, kind: Kind) -> (&mut Vec<Step>, &mut Vec<Step>) {
        match kind {
            Kind::Redo => (&mut self.redo, &mut self.undo),
            Kind::Do | Kind::Undo => (&mut self.undo, &mut self.redo),
        }
    }

    /// Applies the undo of each record of `step`, newest first, as records of `kind`; returns the
    /// new records (whose undos are the way back). All or nothing.
    fn replay_step(
        &mut self,
        plan: &mut Plan,
        step: &Step,
        kind: Kind,
    ) -> Result<(Step, Applied), EditError> {
        let mut changed = plan.clone();
        let mut done = Vec::new();
        for seq in step.iter().rev() {
            let Some(edit) = self.log.get(*seq).map(|record| record.undo.clone()) else {
                return Err(EditError {
                    edit: "undo".to_string(),
                    reason: "that step is no longer kept".to_string(),
                });
            };
            if let Some(back) = apply(&mut changed, &edit)? {
                done.push((edit, back));
            }
        }
        *plan = changed;
        self.last_write = None;
        let seqs: Step = done
            .into_iter()
            .map(|(edit, back)| self.log.push(edit, back, kind))
            .collect();
        let applied = seqs
            .last()
            .map_or(Applied::Unchanged, |seq| Applied::Plan(*seq));
        Ok((seqs, applied))
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// The plan as it is now is stored (a save of it): the journal starts after this record.
    pub fn mark_saved(&mut self) {
        let head = self.log.head();
        self.log.mark_saved(head);
        self.forget_unneeded();
    }

    /// The stored draft holds the records up to `seq` (a save of the plan as it was then).
    pub fn mark_saved_through(&mut self, seq: u64) {
        self.log.mark_saved(seq);
        self.forget_unneeded();
    }

    /// Another plan is shown (a draft opened, their version loaded): no steps, no records.
    pub fn reset(&mut self) {
        self.undo.clear();
        self.redo.clear();
        self.last_write = None;
        self.log.clear();
    }

    /// Drops the stored records no undo or redo step names.
    fn forget_unneeded(&mut self) {
        let oldest = self
            .undo
            .iter()
            .chain(&self.redo)
            .filter_map(|step| step.first().copied())
            .min()
            .unwrap_or(u64::MAX);
        self.log.forget_before(oldest);
    }
}
