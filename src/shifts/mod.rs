//! The shift plan: which shifts, and how many people on each, cover the agents Capacity says
//! every hour of the week needs after shrinkage, at the fewest paid hours, with a proven lower
//! bound (the linear-programming relaxation) so the answer says how far from the best it can be.
//! Runs in steps so the worker can stream progress and stop it; no clock inside (none in wasm).

mod lp;
mod report;
mod roster;
mod search;
mod week;

pub use report::{hours_words, minutes_words};
pub use roster::{
    default_templates, gap_sentence, hourly_need, pattern_label, roster_of, shift_plan,
    team_roster, templates_of, Assignment, Budget, ShiftPlan, TeamRoster, TemplateRow, MOST_STEPS,
};
pub use search::{search, Cover, Progress, Search};
pub use week::{
    candidates, day_sets, days_label, on_shift_by_hour, template_minutes, week_cover, Candidate,
    WeekCover, LONGEST_SHIFT_MINUTES, SLOTS_PER_HOUR, SLOT_MINUTES, WEEK_HOURS, WEEK_SLOTS,
};

#[cfg(test)]
mod tests;
