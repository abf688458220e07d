//! The shift plan of a whole plan: the need per hour after shrinkage (from the staffing maths),
//! pooled or per channel, searched over the plan's templates and work pattern, and summed up in
//! one summary with every figure the STAFFING ROSTER document part and the CSV show.

use crate::capacity::erlang::scheduled;
use crate::capacity::staffing::StaffingPlan;
use crate::plan::{ClockTime, Duration, Plan, ShiftTemplate, Weekdays, WorkPattern};

use super::search::{search, Progress};
use super::week::{
    candidates, days_label, on_shift_by_hour, template_minutes, week_cover, Candidate,
};

/// The built-in templates, used when the plan names none: together they cover every hour.
pub fn default_templates() -> Vec<ShiftTemplate> {
    let shift = |name: &str, hour: u32| ShiftTemplate {
        name: name.to_string(),
        start: ClockTime::new(hour, 0).unwrap_or(ClockTime::MIDNIGHT),
        length: Duration::minutes(8 * 60 + 30),
        unpaid_break: Duration::minutes(30),
        days: Weekdays::EVERY_DAY,
    };
    vec![
        shift("Early", 6),
        shift("Day", 8),
        shift("Middle", 12),
        shift("Late", 14),
        shift("Night", 22),
    ]
}

/// The templates the plan's shift plan uses: its own, else the built-in ones.
pub fn templates_of(plan: &Plan) -> Vec<ShiftTemplate> {
    let own = &plan.staffing.roster.templates;
    if own.is_empty() {
        default_templates()
    } else {
        own.clone()
    }
}

/// "5 days of 7, the 2 days off together".
pub fn pattern_label(pattern: WorkPattern) -> String {
    let on = pattern.days_per_week.clamp(1, 7);
    let off = 7 - on;
    match (off, pattern.consecutive_days_off) {
        (0, _) => "7 days of 7".to_string(),
        (1, _) => format!("{on} days of 7"),
        (_, true) => format!("{on} days of 7, the {off} days off together"),
        (_, false) => format!("{on} days of 7, any {off} days off"),
    }
}

/// How long the search may run: `steps` at most, asking `keep_going` every `report_every`.
pub struct Budget<'a> {
    pub steps: u64,
    pub report_every: u32,
    /// Called with the team being searched and its progress; false stops the search.
    pub keep_going: &'a mut dyn FnMut(&str, &Progress) -> bool,
}

/// One template as the roster shows it.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TemplateRow {
    pub name: String,
    pub start: String,
    pub end: String,
    pub length_minutes: u32,
    pub unpaid_break_minutes: u32,
    pub paid_minutes: u32,
    /// "any day", or the days it may start on.
    pub days: String,
}

/// People on one template on one set of working days.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Assignment {
    pub template: String,
    pub start: String,
    pub end: String,
    pub days: [bool; 7],
    /// "Mon–Fri".
    pub days_label: String,
    pub people: u32,
    /// Paid hours a week of one person on it.
    pub paid_hours_each: f64,
}

/// The roster of one team (a channel, or everyone pooled).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct TeamRoster {
    pub name: String,
    /// Index into `plan.channels`; `None` for the pooled team.
    pub channel: Option<usize>,
    pub assignments: Vec<Assignment>,
    pub people: u32,
    pub paid_hours: f64,
    /// No plan has fewer people, or fewer paid hours, than these.
    pub bound_people: u32,
    pub bound_paid_hours: f64,
    /// The plan meets the bound: nothing cheaper exists. When false the search stopped (out of
    /// time, or asked to) with the gap to the bound still open.
    pub proven_optimal: bool,
    /// The bound is the relaxation's optimum; false when stopped before it was solved (the
    /// bound is then weaker, but still proven).
    pub bounds_final: bool,
    /// People needed on shift per hour of the week, after shrinkage.
    pub need: Vec<u32>,
    /// People at work per hour (the fewest at any quarter-hour of it).
    pub on_shift: Vec<u32>,
    /// Hours with a need no template covers.
    pub uncovered_hours: Vec<usize>,
}

/// The STAFFING ROSTER: templates, people per template, paid hours, cover and the gap to the
/// bound, for the whole plan.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ShiftPlan {
    pub pooled: bool,
    pub pattern: String,
    pub templates: Vec<TemplateRow>,
    /// True when the plan names no templates and the built-in ones are used.
    pub default_templates: bool,
    pub teams: Vec<TeamRoster>,
    pub people: u32,
    pub paid_hours: f64,
    pub bound_people: u32,
    pub bound_paid_hours: f64,
    pub proven_optimal: bool,
    pub bounds_final: bool,
    /// Shrinkage the need was grossed up by (fraction).
    pub shrinkage: f64,
    /// All teams together, per hour of the week.
    pub need: Vec<u32>,
    pub on_shift: Vec<u32>,
    /// Person-hours a week on shift beyond the need, and needed but not on shift.
    pub over_hours: u32,
    pub under_hours: u32,
}

/// The sentence a reader takes away about the answer and its bound.
pub fn gap_sentence(people: u32, bound: u32, proven: bool) -> String {
    let noun = |n: u32| if n == 1 { "person" } else { "people" };
    if people <= bound {
        format!("{people} {}: no plan can do it with fewer.", noun(people))
    } else {
        let tail = if proven {
            " (this plan has the fewest paid hours possible)"
        } else {
            ""
        };
        format!(
            "{people} {}; no plan can do it with fewer than {bound}{tail}.",
            noun(people)
        )
    }
}

/// People needed on shift per hour after shrinkage: one channel's, or all channels' together.
pub fn hourly_need(staffing: &StaffingPlan, channel: Option<usize>) -> Vec<u32> {
    let on_duty = match channel.and_then(|c| staffing.channels.iter().find(|s| s.index == c)) {
        Some(channel) => &channel.required,
        None => &staffing.on_duty,
    };
    on_duty
        .iter()
        .map(|&n| scheduled(n, staffing.shrinkage))
        .collect()
}

/// Search steps at most for a plan's shift plan; a caller may stop sooner (the page after 1.5 s).
pub const MOST_STEPS: u64 = 2_000_000;

/// The plan's shift plan: its staffing maths, then the search for at most `MOST_STEPS`, asking
/// `keep_going` (the team searched, its progress) every 2,000 steps. The one answer the Shifts
/// view, the STAFFING ROSTER document part and `support-ops shifts` show.
pub fn roster_of(
    plan: &Plan,
    keep_going: &mut dyn FnMut(&str, &Progress) -> bool,
) -> Result<ShiftPlan, String> {
    use crate::capacity::staffing::{ready, NotWorkedOut};
    let need = ready(plan).map_err(|why| match why {
        NotWorkedOut::Missing(missing) => format!(
            "The shift plan needs the staffing figures first: {}",
            missing.first().map_or("", |m| m.message.as_str())
        ),
        NotWorkedOut::Failed(error) => error.to_string(),
    })?;
    let budget = Budget {
        steps: MOST_STEPS,
        report_every: 2_000,
        keep_going,
    };
    Ok(shift_plan(plan, &need, budget))
}

/// The shift plan of `plan` from its staffing maths, searched within `budget`.
pub fn shift_plan(plan: &Plan, staffing: &StaffingPlan, budget: Budget) -> ShiftPlan {
    let roster = &plan.staffing.roster;
    let templates = templates_of(plan);
    let teams: Vec<(String, Option<usize>)> = if roster.per_channel {
        staffing
            .channels
            .iter()
            .map(|c| (c.name.clone(), Some(c.index)))
            .collect()
    } else {
        vec![("All channels".to_string(), None)]
    };
    let candidates = candidates(&templates, roster.pattern);
    let per_team = budget.steps / teams.len().max(1) as u64;
    let keep_going = budget.keep_going;
    let teams: Vec<TeamRoster> = teams
        .into_iter()
        .map(|(name, channel)| {
            let need = hourly_need(staffing, channel);
            let mut ask = |progress: &Progress| keep_going(&name, progress);
            let mut team = team_roster(
                &need,
                &templates,
                &candidates,
                per_team,
                budget.report_every,
                &mut ask,
            );
            team.name = name;
            team.channel = channel;
            team
        })
        .collect();
    summarise(plan, staffing, &templates, teams)
}

/// Searches one team's week.
pub fn team_roster(
    need: &[u32],
    templates: &[ShiftTemplate],
    candidates: &[Candidate],
    steps: u64,
    report_every: u32,
    keep_going: &mut dyn FnMut(&Progress) -> bool,
) -> TeamRoster {
    let week = week_cover(need, candidates);
    let progress = search(week.cover, steps, report_every, keep_going);
    let assignments = candidates
        .iter()
        .zip(&progress.best)
        .filter(|(_, &people)| people > 0)
        .map(|(candidate, &people)| assignment(&templates[candidate.template], candidate, people))
        .collect();
    TeamRoster {
        name: String::new(),
        channel: None,
        assignments,
        people: progress.people(),
        paid_hours: progress.best_paid_minutes as f64 / 60.0,
        bound_people: progress.bound_people,
        bound_paid_hours: progress.bound_paid_minutes as f64 / 60.0,
        proven_optimal: progress.proven_optimal,
        bounds_final: progress.bounds_final,
        need: need.to_vec(),
        on_shift: on_shift_by_hour(candidates, &progress.best),
        uncovered_hours: week.uncovered,
    }
}

fn assignment(template: &ShiftTemplate, candidate: &Candidate, people: u32) -> Assignment {
    let row = template_row(template);
    Assignment {
        template: row.name,
        start: row.start,
        end: row.end,
        days: candidate.days,
        days_label: candidate.days_label(),
        people,
        paid_hours_each: f64::from(candidate.paid_minutes) / 60.0,
    }
}

fn template_row(template: &ShiftTemplate) -> TemplateRow {
    let (length, paid) = template_minutes(template).unwrap_or((0, 0));
    let start = template.start.minute_of_day();
    let end = (start + length) % (24 * 60);
    let days = if template.days.is_every_day() {
        "any day".to_string()
    } else {
        days_label(&template.days.on())
    };
    TemplateRow {
        name: template.name.clone(),
        start: template.start.to_string(),
        end: format!("{:02}:{:02}", end / 60, end % 60),
        length_minutes: length,
        unpaid_break_minutes: length - paid,
        paid_minutes: paid,
        days,
    }
}

fn summarise(
    plan: &Plan,
    staffing: &StaffingPlan,
    templates: &[ShiftTemplate],
    teams: Vec<TeamRoster>,
) -> ShiftPlan {
    let by_hour = |pick: fn(&TeamRoster) -> &Vec<u32>| -> Vec<u32> {
        (0..super::week::WEEK_HOURS)
            .map(|h| {
                teams
                    .iter()
                    .map(|t| pick(t).get(h).copied().unwrap_or(0))
                    .sum()
            })
            .collect()
    };
    let need = by_hour(|t| &t.need);
    let on_shift = by_hour(|t| &t.on_shift);
    let (mut over, mut under) = (0, 0);
    for team in &teams {
        for (n, o) in team.need.iter().zip(&team.on_shift) {
            over += o.saturating_sub(*n);
            under += n.saturating_sub(*o);
        }
    }
    ShiftPlan {
        pooled: !plan.staffing.roster.per_channel,
        pattern: pattern_label(plan.staffing.roster.pattern),
        templates: templates.iter().map(template_row).collect(),
        default_templates: plan.staffing.roster.templates.is_empty(),
        people: teams.iter().map(|t| t.people).sum(),
        paid_hours: teams.iter().map(|t| t.paid_hours).sum(),
        bound_people: teams.iter().map(|t| t.bound_people).sum(),
        bound_paid_hours: teams.iter().map(|t| t.bound_paid_hours).sum(),
        proven_optimal: teams.iter().all(|t| t.proven_optimal),
        bounds_final: teams.iter().all(|t| t.bounds_final),
        shrinkage: staffing.shrinkage,
        need,
        on_shift,
        over_hours: over,
        under_hours: under,
        teams,
    }
}
