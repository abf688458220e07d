//! The week as the shift search sees it: 672 quarter-hours from Monday 00:00, the shifts a
//! template and work pattern give (one candidate per template and set of working days), and the
//! covering problem they make against an hourly need.

use crate::plan::{ShiftTemplate, Weekday, WorkPattern};

use super::search::Cover;

/// The grid shifts are placed on.
pub const SLOT_MINUTES: u32 = 15;
pub const SLOTS_PER_HOUR: usize = 4;
pub const WEEK_HOURS: usize = 168;
pub const WEEK_SLOTS: usize = WEEK_HOURS * SLOTS_PER_HOUR;
const SLOTS_PER_DAY: usize = 24 * SLOTS_PER_HOUR;
/// Longest shift the search takes (a shift longer than this is a finding).
pub const LONGEST_SHIFT_MINUTES: u32 = 16 * 60;

/// One way to work a week: a template on a set of weekdays.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// Index into the templates.
    pub template: usize,
    /// The days its shifts start on (Monday first).
    pub days: [bool; 7],
    /// The quarter-hours of the week it is at work.
    pub slots: Vec<u32>,
    /// Paid minutes a week: working days × (length − unpaid break).
    pub paid_minutes: u32,
}

impl Candidate {
    /// "Mon–Fri", "Tue–Sat", "Mon, Wed, Fri".
    pub fn days_label(&self) -> String {
        days_label(&self.days)
    }
}

/// A template's length and paid time in minutes, if it can be worked at all.
pub fn template_minutes(template: &ShiftTemplate) -> Option<(u32, u32)> {
    let length = template.length.clock_minutes()?;
    let unpaid = template.unpaid_break.clock_minutes()?;
    (length > 0 && length <= LONGEST_SHIFT_MINUTES && unpaid < length)
        .then(|| (length, length - unpaid))
}

/// Every set of working days the pattern allows, Monday first.
pub fn day_sets(pattern: WorkPattern) -> Vec<[bool; 7]> {
    let on = pattern.days_per_week.clamp(1, 7) as usize;
    (0u32..128)
        .filter(|mask| mask.count_ones() as usize == on)
        .map(|mask| std::array::from_fn(|d| mask & (1 << d) != 0))
        .filter(|days| !pattern.consecutive_days_off || days_off_together(days))
        .collect()
}

/// Whether the days off form one run, Sunday counting as next to Monday.
fn days_off_together(days: &[bool; 7]) -> bool {
    // Count the places where a working day is followed by a day off: one run has one.
    let starts = (0..7).filter(|&d| days[d] && !days[(d + 1) % 7]).count();
    starts <= 1
}

/// The candidates of these templates under this pattern: every allowed set of days.
pub fn candidates(templates: &[ShiftTemplate], pattern: WorkPattern) -> Vec<Candidate> {
    let sets = day_sets(pattern);
    let mut out = Vec::new();
    for (index, template) in templates.iter().enumerate() {
        let Some((length, paid)) = template_minutes(template) else {
            continue;
        };
        let allowed = |d: usize| template.days.contains(Weekday::from_index(d));
        for days in sets
            .iter()
            .filter(|days| (0..7).all(|d| !days[d] || allowed(d)))
        {
            let start = template.start.minute_of_day();
            out.push(Candidate {
                template: index,
                days: *days,
                slots: shift_slots(days, start, length),
                paid_minutes: paid * days.iter().filter(|&&on| on).count() as u32,
            });
        }
    }
    out
}

/// The quarter-hours a shift from `start` for `length` minutes covers on each working day: only
/// those it works whole, wrapping from Sunday night into Monday.
fn shift_slots(days: &[bool; 7], start: u32, length: u32) -> Vec<u32> {
    let first = start.div_ceil(SLOT_MINUTES) as usize;
    let last = ((start + length) / SLOT_MINUTES) as usize;
    let mut slots: Vec<u32> = (0..7)
        .filter(|&d| days[d])
        .flat_map(|d| (first..last).map(move |s| ((d * SLOTS_PER_DAY + s) % WEEK_SLOTS) as u32))
        .collect();
    slots.sort_unstable();
    slots.dedup();
    slots
}

/// "Mon–Fri" for a run of days, else the days listed.
pub fn days_label(days: &[bool; 7]) -> String {
    let on: Vec<usize> = (0..7).filter(|&d| days[d]).collect();
    match on.as_slice() {
        [] => "no days".to_string(),
        [one] => Weekday::from_index(*one).label().to_string(),
        _ => {
            // A run that may wrap past Sunday: start where the day before is off.
            let start = (0..7).find(|&d| days[d] && !days[(d + 6) % 7]);
            let is_run = days_off_together(days);
            match start {
                Some(start) if is_run => format!(
                    "{}–{}",
                    Weekday::from_index(start).label(),
                    Weekday::from_index(start + on.len() - 1).label()
                ),
                _ => on
                    .iter()
                    .map(|&d| Weekday::from_index(d).label())
                    .collect::<Vec<_>>()
                    .join(", "),
            }
        }
    }
}

/// The covering problem: each quarter-hour with a need is a row (quarter-hours covered by the
/// same candidates share one row at their largest need); `uncovered` lists the hours that need
/// people no candidate can give.
pub struct WeekCover {
    pub cover: Cover,
    /// Hours of the week with a need and a quarter-hour no candidate covers.
    pub uncovered: Vec<usize>,
}

pub fn week_cover(need: &[u32], candidates: &[Candidate]) -> WeekCover {
    let mut slot_columns: Vec<Vec<u32>> = vec![Vec::new(); WEEK_SLOTS];
    for (j, candidate) in candidates.iter().enumerate() {
        for &s in &candidate.slots {
            slot_columns[s as usize].push(j as u32);
        }
    }
    let mut rows: Vec<(Vec<u32>, u32)> = Vec::new();
    let mut uncovered = Vec::new();
    for (s, columns) in slot_columns.into_iter().enumerate() {
        let hour_need = need.get(s / SLOTS_PER_HOUR).copied().unwrap_or(0);
        if hour_need == 0 {
            continue;
        }
        if columns.is_empty() {
            uncovered.push(s / SLOTS_PER_HOUR);
            continue;
        }
        match rows.iter_mut().find(|(cols, _)| *cols == columns) {
            Some(row) => row.1 = row.1.max(hour_need),
            None => rows.push((columns, hour_need)),
        }
    }
    uncovered.dedup();
    let mut covers = vec![Vec::new(); candidates.len()];
    for (i, (columns, _)) in rows.iter().enumerate() {
        for &j in columns {
            covers[j as usize].push(i as u32);
        }
    }
    WeekCover {
        cover: Cover {
            need: rows.iter().map(|(_, n)| *n).collect(),
            covers,
            cost: candidates.iter().map(|c| c.paid_minutes.max(1)).collect(),
        },
        uncovered,
    }
}

/// People at work in each hour of the week: the fewest at any quarter-hour of it.
pub fn on_shift_by_hour(candidates: &[Candidate], people: &[u32]) -> Vec<u32> {
    let mut slots = vec![0u32; WEEK_SLOTS];
    for (candidate, &count) in candidates.iter().zip(people) {
        for &s in &candidate.slots {
            slots[s as usize] += count;
        }
    }
    slots
        .chunks(SLOTS_PER_HOUR)
        .map(|hour| hour.iter().copied().min().unwrap_or(0))
        .collect()
}
