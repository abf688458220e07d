//! The shift search's answer for the designer's plan, searched in a worker once per change of
//! what it reads and shared: the Shifts view, the preview's STAFFING ROSTER part and every export
//! read this one answer, so they say the same numbers and the search does not run again for each.

use leptos::prelude::*;

use crate::plan::Plan;
use crate::rules::{staffing_inputs, Finding};
use crate::shifts::ShiftPlan;
use crate::ui::worker::{search_shifts, Answered, ShiftAnswer};

/// What the views show until the first answer comes (a search takes up to a few seconds).
const SEARCHING: &str = "The shift plan is being searched for; it appears here in a moment.";

/// The shift search's answer for a plan, asked of a worker again only when what the staffing
/// maths reads changes.
#[derive(Clone, Copy)]
pub struct RosterAnswer {
    answered: Answered<ShiftAnswer>,
    /// The latest answer; `None` until the first.
    roster: Memo<Option<Result<ShiftPlan, String>>>,
    /// Shown until the first answer, and read as the answer then.
    pending: StoredValue<Result<ShiftPlan, String>>,
    /// Shifts views open now: without one, only a plan with roster inputs (whose documents have
    /// a STAFFING ROSTER part) is searched, so a plan that never opens Shifts costs no search.
    views: RwSignal<u32>,
}

impl RosterAnswer {
    pub fn new(plan: Signal<Plan>) -> RosterAnswer {
        let inputs = Memo::new(move |_| plan.with(staffing_inputs));
        let rostered = Memo::new(move |_| plan.with(|p| !p.staffing.roster.is_empty()));
        let views = RwSignal::new(0u32);
        let answered =
            search_shifts(move || (rostered.get() || views.get() > 0).then(|| inputs.get()));
        let roster = Memo::new(move |_| {
            answered.value.with(|answer| {
                answer
                    .as_ref()
                    .map(|(roster, _)| roster.as_deref().cloned().map_err(Clone::clone))
            })
        });
        RosterAnswer {
            answered,
            roster,
            pending: StoredValue::new(Err(SEARCHING.to_string())),
            views,
        }
    }

    /// A Shifts view is open for as long as the current owner lives: the plan is searched even
    /// without roster inputs (the view shows the built-in shifts' answer).
    pub fn shown(&self) {
        let views = self.views;
        views.update(|n| *n += 1);
        on_cleanup(move || {
            let _ = views.try_update(|n| *n = n.saturating_sub(1));
        });
    }

    /// The designer's answer for its plan (provided by the app), else one of its own for `plan`.
    pub fn for_designer(plan: Signal<Plan>) -> RosterAnswer {
        use_context::<RosterAnswer>().unwrap_or_else(|| RosterAnswer::new(plan))
    }

    /// Reads the answer (tracked); until the first one, the words saying it is being searched.
    pub fn with<R>(&self, read: impl FnOnce(&Result<ShiftPlan, String>) -> R) -> R {
        let pending = self.pending;
        self.roster.with(|answer| match answer {
            Some(answer) => read(answer),
            None => pending.with_value(|words| read(words)),
        })
    }

    /// The answer, untracked; `None` until the first.
    pub fn get_untracked(&self) -> Option<Result<ShiftPlan, String>> {
        self.roster.get_untracked()
    }

    /// The roster findings (SHIFT-…) of the plan answered.
    pub fn findings(&self) -> Vec<Finding> {
        self.answered
            .value
            .with(|answer| answer.as_ref().map(|(_, f)| f.clone()))
            .unwrap_or_default()
    }

    /// "Searching for the shift plan…" while the worker works, or what went wrong with it.
    pub fn status(&self) -> Option<String> {
        match self.answered.notice.get() {
            Some(notice) => Some(notice),
            None if self.answered.working.get() => Some("Searching for the shift plan…".into()),
            None => None,
        }
    }
}
