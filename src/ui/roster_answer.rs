//! The shift search's answer for the designer's plan, searched once per change of what it reads
//! and shared: the Shifts view, the preview's STAFFING ROSTER part and every export read this one
//! answer, so they say the same numbers and the search does not run again for each.

use leptos::prelude::*;

use crate::plan::Plan;
use crate::render::{render_with, Format, Given, Section};
use crate::rules::staffing_inputs;
use crate::shifts::{roster_of, ShiftPlan};

/// How long (milliseconds) a search may hold the page.
const MOST_MILLISECONDS: f64 = 1_500.0;

/// The shift plan of `plan`, searched for at most `MOST_MILLISECONDS`.
fn searched(plan: &Plan) -> Result<ShiftPlan, String> {
    let started = js_sys::Date::now();
    roster_of(plan, &mut |_, _| {
        js_sys::Date::now() - started < MOST_MILLISECONDS
    })
}

/// The shift search's answer for a plan, searched again only when what the staffing maths reads
/// changes, and only once something reads it.
#[derive(Clone, Copy)]
pub struct RosterAnswer(Memo<Result<ShiftPlan, String>>);

impl RosterAnswer {
    pub fn new(plan: Signal<Plan>) -> RosterAnswer {
        let inputs = Memo::new(move |_| plan.with(staffing_inputs));
        RosterAnswer(Memo::new(move |_| inputs.with(searched)))
    }

    /// The designer's answer for its plan (provided by the app), else one of its own for `plan`.
    pub fn for_designer(plan: Signal<Plan>) -> RosterAnswer {
        use_context::<RosterAnswer>().unwrap_or_else(|| RosterAnswer::new(plan))
    }

    pub fn with<R>(&self, read: impl FnOnce(&Result<ShiftPlan, String>) -> R) -> R {
        self.0.with(read)
    }

    pub fn with_untracked<R>(&self, read: impl FnOnce(&Result<ShiftPlan, String>) -> R) -> R {
        self.0.with_untracked(read)
    }
}

/// The designer's plan in a format, its STAFFING ROSTER part from the designer's one answer (so
/// an export says what the Shifts view says, and the search does not run again). Tracks the
/// answer only when the plan has roster inputs.
pub fn render_designer_plan(
    plan: &Plan,
    format: Format,
    section: Section,
    tracked: bool,
) -> String {
    let answer = use_context::<RosterAnswer>()
        .filter(|_| section == Section::Full && !plan.staffing.roster.is_empty());
    let render = |roster: Option<&Result<ShiftPlan, String>>| {
        let given = Given {
            roster,
            ..Given::default()
        };
        render_with(plan, format, section, given)
    };
    match answer {
        Some(answer) if tracked => answer.with(|r| render(Some(r))),
        Some(answer) => answer.with_untracked(|r| render(Some(r))),
        None => render(None),
    }
}
