//! Shift-plan rules: templates that cannot be worked, a work pattern outside the week, and hours
//! that need agents no shift covers (the shift plan cannot meet them, whatever the head-count),
//! told apart from hours a shift would cover on the weekdays it is not allowed to run.

use super::{Finding, RuleInfo, Severity};
use crate::capacity::staffing::{hour_label, StaffingPlan};
use crate::plan::Path;
use crate::plan::{Plan, Weekdays, WorkPattern};
use crate::shifts::{
    candidates, hourly_need, template_minutes, templates_of, week_cover, LONGEST_SHIFT_MINUTES,
};

const UNCOVERED_HOURS: RuleInfo = RuleInfo {
    id: "SHIFT-001",
    severity: Severity::Error,
    title: "Hours that need agents no shift covers",
    explanation: "Capacity says some hours of the week need agents on shift, but none of the shift templates, on the days the work pattern lets people work, is at work then (a need at 03:00 and no night shift). The shift plan leaves those hours empty however many people it hires. Add a template that covers them, allow it on those days, or close the channel then.",
};
const UNWORKABLE_TEMPLATE: RuleInfo = RuleInfo {
    id: "SHIFT-002",
    severity: Severity::Error,
    title: "Shift template that cannot be worked",
    explanation: "A shift template needs a length in clock time above zero and at most 16 hours, and an unpaid break shorter than the shift. One that is not is left out of the shift plan. Fix its length or break.",
};
const BAD_WORK_PATTERN: RuleInfo = RuleInfo {
    id: "SHIFT-003",
    severity: Severity::Error,
    title: "Work pattern outside the week",
    explanation: "The work pattern says how many days of the week each person works, from 1 to 7. Another number cannot be rostered; the shift plan reads it as the nearest of 1 or 7. Set the days a week people work.",
};
const TEMPLATE_NEVER_FITS: RuleInfo = RuleInfo {
    id: "SHIFT-004",
    severity: Severity::Warning,
    title: "Shift template no work pattern can use",
    explanation: "A template limited to some weekdays can only be worked by people whose working days all fall on them. When it allows fewer days than the work pattern asks for (a Mon–Wed shift and five-day weeks), or not the run of days the pattern needs, nobody can be put on it. Allow it on more days, or change the work pattern.",
};
const DUPLICATE_TEMPLATE: RuleInfo = RuleInfo {
    id: "SHIFT-005",
    severity: Severity::Warning,
    title: "Two shift templates with the same name",
    explanation: "The shift plan and its CSV name people's shifts by template; two templates of one name cannot be told apart there. Give each its own name.",
};

const OFF_DAY_HOURS: RuleInfo = RuleInfo {
    id: "SHIFT-006",
    severity: Severity::Error,
    title: "Hours a shift would cover on days it does not run",
    explanation: "Some hours of the week need agents and no shift covers them, but one of the shift templates would if it also ran on the weekdays it is not ticked for (a night shift Monday to Friday leaves the weekend nights empty). The shift plan leaves those hours empty however many people it hires. Tick those days for the shift, add a shift for them, or close the channel then.",
};

pub(crate) const RULES: &[RuleInfo] = &[
    UNCOVERED_HOURS,
    UNWORKABLE_TEMPLATE,
    BAD_WORK_PATTERN,
    TEMPLATE_NEVER_FITS,
    DUPLICATE_TEMPLATE,
    OFF_DAY_HOURS,
];

/// The shift templates: `staffing.roster.templates`.
fn templates_path() -> Path {
    Path::field("staffing").then("roster").then("templates")
}

/// The rules on the roster's own fields (no staffing maths needed).
pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let roster = &plan.staffing.roster;
    if !(1..=7).contains(&roster.pattern.days_per_week) {
        findings.push(
            BAD_WORK_PATTERN.at(
                Path::field("staffing")
                    .then("roster")
                    .then("pattern")
                    .then("days_per_week"),
                format!(
                    "The work pattern has people work {} days a week; a week has 1 to 7.",
                    roster.pattern.days_per_week
                ),
                "Set the days a week each person works, usually 5.".into(),
            ),
        );
    }
    let pattern = WorkPattern {
        days_per_week: roster.pattern.days_per_week.clamp(1, 7),
        ..roster.pattern
    };
    for (index, template) in roster.templates.iter().enumerate() {
        let at = |field: &str| templates_path().at(index).then(field);
        let shown = shown_name(template, index);
        if template_minutes(template).is_none() {
            findings.push(UNWORKABLE_TEMPLATE.at(
                at("length"),
                format!(
                    "{shown} runs {} with a {} unpaid break, so nobody can work it.",
                    template.length, template.unpaid_break
                ),
                format!(
                    "Give it a length above 0 and at most {} hours, and a break shorter than that.",
                    LONGEST_SHIFT_MINUTES / 60
                ),
            ));
        } else if candidates(std::slice::from_ref(template), pattern).is_empty() {
            findings.push(TEMPLATE_NEVER_FITS.at(
                at("days"),
                format!(
                    "{shown} may only run on {} day(s), and people work {}, so nobody can be put on it.",
                    template.days.count(),
                    crate::shifts::pattern_label(pattern)
                ),
                "Allow it on more days, or change the work pattern.".into(),
            ));
        }
        let first = roster
            .templates
            .iter()
            .position(|t| t.name.trim() == template.name.trim());
        if !template.name.trim().is_empty() && first != Some(index) {
            findings.push(DUPLICATE_TEMPLATE.at(
                at("name"),
                format!("{shown} has the name of an earlier template."),
                "Give each template its own name.".into(),
            ));
        }
    }
}

/// "Mon 00:00, Mon 01:00, Sat 03:00, Sat 04:00, …": the first four hours.
fn hours_shown(hours: &[usize]) -> String {
    let shown: Vec<String> = hours.iter().take(4).map(|&h| hour_label(h)).collect();
    let more = if hours.len() > 4 { ", …" } else { "" };
    format!("{}{more}", shown.join(", "))
}

/// SHIFT-001 and SHIFT-006, from the staffing maths: hours with a need that no candidate shift
/// covers; those a template would cover if it ran every day are SHIFT-006 at its days, the rest
/// SHIFT-001, so every such hour is named once at the field that fixes it.
pub(crate) fn check_cover(plan: &Plan, staffing: &StaffingPlan, findings: &mut Vec<Finding>) {
    let roster = &plan.staffing.roster;
    let pattern = WorkPattern {
        days_per_week: roster.pattern.days_per_week.clamp(1, 7),
        ..roster.pattern
    };
    let templates = templates_of(plan);
    // Pooled, an hour is uncovered when the team's need is; per channel it is the same hours,
    // since every channel's team draws on the same templates.
    let need = hourly_need(staffing, None);
    let uncovered = week_cover(&need, &candidates(&templates, pattern)).uncovered;
    let mut explained = vec![false; uncovered.len()];
    for (index, template) in roster.templates.iter().enumerate() {
        if uncovered.is_empty() || template.days.is_every_day() {
            continue;
        }
        let mut freed = templates.clone();
        freed[index].days = Weekdays::EVERY_DAY;
        let still = week_cover(&need, &candidates(&freed, pattern)).uncovered;
        let fixed: Vec<usize> = uncovered
            .iter()
            .copied()
            .filter(|h| !still.contains(h))
            .collect();
        if fixed.is_empty() {
            continue;
        }
        for (hour, done) in uncovered.iter().zip(&mut explained) {
            *done |= fixed.contains(hour);
        }
        findings.push(OFF_DAY_HOURS.at(
            templates_path().at(index).then("days"),
            format!(
                "{} runs only on {}; on its other days it would cover {} hour(s) that need agents and no shift covers: {}.",
                shown_name(template, index),
                crate::shifts::days_label(&template.days.on()),
                fixed.len(),
                hours_shown(&fixed)
            ),
            "Tick the days it should also run on, add a shift for those days, or close the channel then.".into(),
        ));
    }
    let rest: Vec<usize> = uncovered
        .iter()
        .zip(&explained)
        .filter(|(_, done)| !**done)
        .map(|(h, _)| *h)
        .collect();
    if rest.is_empty() {
        return;
    }
    findings.push(UNCOVERED_HOURS.at(
        templates_path(),
        format!(
            "{} hour(s) of the week need agents that no shift template covers: {}.",
            rest.len(),
            hours_shown(&rest)
        ),
        "Add a shift template that is at work then (a night shift for night hours), allow a template on those days, or close the channel at those hours.".into(),
    ));
}

/// "Shift \"Night\"", or "Shift template 3" for one without a name.
fn shown_name(template: &crate::plan::ShiftTemplate, index: usize) -> String {
    if template.name.trim().is_empty() {
        format!("Shift template {}", index + 1)
    } else {
        format!("Shift \"{}\"", template.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{ClockTime, Duration, ShiftTemplate, Weekday};
    use crate::rules::testing::valid_plan;

    fn day_shift() -> ShiftTemplate {
        ShiftTemplate {
            name: "Day".into(),
            start: ClockTime::new(9, 0).unwrap(),
            length: Duration::minutes(510),
            unpaid_break: Duration::minutes(30),
            days: crate::plan::Weekdays::EVERY_DAY,
        }
    }

    fn fired(plan: &Plan, rule: &str) -> Vec<Finding> {
        let findings = crate::rules::check(plan);
        crate::rules::testing::assert_paths_resolve(plan, &findings);
        findings.into_iter().filter(|f| f.rule == rule).collect()
    }

    /// The valid plan runs a channel around the clock: the built-in shifts cover every hour,
    /// a day shift alone leaves the nights empty.
    #[test]
    fn a_need_at_night_without_a_night_shift_is_a_finding() {
        let mut plan = valid_plan();
        plan.channels[0].hours = "24/7".into();
        assert!(fired(&plan, "SHIFT-001").is_empty());
        plan.staffing.roster.templates = vec![day_shift()];
        let found = fired(&plan, "SHIFT-001");
        assert_eq!(found.len(), 1, "{found:#?}");
        assert_eq!(found[0].path, "staffing.roster.templates");
        assert!(
            found[0].message.contains("Mon 00:00"),
            "{}",
            found[0].message
        );
    }

    fn shift(name: &str, hour: u32, days: &[Weekday]) -> ShiftTemplate {
        ShiftTemplate {
            name: name.into(),
            start: ClockTime::new(hour, 0).unwrap(),
            days: crate::plan::Weekdays::of(days.iter().copied()),
            ..day_shift()
        }
    }

    /// A 24/7 channel; Early (06:00–14:30) and Late (14:00–22:30) every day, Night (22:00–06:30)
    /// Monday to Friday only, five-day weeks. By hand: Early and Late cover 06:00–22:00 daily;
    /// Night starts Mon–Fri 22:00, so it is at work Mon–Fri 22:00–24:00 and Tue–Sat 00:00–06:00.
    /// Left empty: Sat 22–24, Sun 00–06, Sun 22–24 and Mon 00–06, 2 + 6 + 2 + 6 = 16 hours, all of
    /// them Night's if it also ran on Saturday and Sunday: one SHIFT-006 at Night's days and no
    /// SHIFT-001. Without Early, 06:00–14:00 is empty too (Night's 06:00–06:30 is half an hour):
    /// 8 hours × 7 days = 56 that no day of any shift covers, which is SHIFT-001's.
    #[test]
    fn hours_a_shift_would_cover_on_its_days_off_are_named_at_its_days() {
        use Weekday::*;
        let mut plan = valid_plan();
        plan.channels[0].hours = "24/7".into();
        plan.staffing.roster.templates = vec![
            shift("Early", 6, &[]),
            shift("Late", 14, &[]),
            shift("Night", 22, &[Mon, Tue, Wed, Thu, Fri]),
        ];
        let off_days = fired(&plan, "SHIFT-006");
        assert_eq!(off_days.len(), 1, "{off_days:#?}");
        assert_eq!(off_days[0].path, "staffing.roster.templates[2].days");
        let message = &off_days[0].message;
        assert!(
            message.contains("Shift \"Night\" runs only on Mon–Fri"),
            "{message}"
        );
        assert!(message.contains("16 hour(s)"), "{message}");
        assert!(message.contains("Mon 00:00"), "{message}");
        assert!(fired(&plan, "SHIFT-001").is_empty());

        plan.staffing.roster.templates.remove(0);
        let uncovered = fired(&plan, "SHIFT-001");
        assert_eq!(uncovered.len(), 1, "{uncovered:#?}");
        assert!(
            uncovered[0].message.starts_with("56 hour(s)"),
            "{}",
            uncovered[0].message
        );
        assert_eq!(
            fired(&plan, "SHIFT-006")[0].path,
            "staffing.roster.templates[1].days"
        );

        // Night on every day: nothing left empty at night.
        plan.staffing.roster.templates[1].days = crate::plan::Weekdays::EVERY_DAY;
        assert!(fired(&plan, "SHIFT-006").is_empty());
    }

    #[test]
    fn templates_that_cannot_be_worked_are_named() {
        let mut plan = valid_plan();
        let mut no_length = day_shift();
        no_length.length = Duration::minutes(0);
        let mut three_days = day_shift();
        three_days.name = "Short week".into();
        three_days.days = crate::plan::Weekdays::of([Weekday::Mon, Weekday::Tue, Weekday::Wed]);
        plan.staffing.roster.templates = vec![day_shift(), no_length, three_days];
        plan.staffing.roster.pattern.days_per_week = 9;
        let paths = |rule: &str| -> Vec<String> {
            fired(&plan, rule)
                .into_iter()
                .map(|f| f.path.into())
                .collect()
        };
        assert_eq!(paths("SHIFT-002"), ["staffing.roster.templates[1].length"]);
        assert_eq!(
            paths("SHIFT-003"),
            ["staffing.roster.pattern.days_per_week"]
        );
        // Nine days read as seven: a Mon–Wed template fits no seven-day week.
        assert_eq!(paths("SHIFT-004"), ["staffing.roster.templates[2].days"]);
        assert_eq!(paths("SHIFT-005"), ["staffing.roster.templates[1].name"]);
        plan.staffing.roster.pattern.days_per_week = 3;
        plan.staffing.roster.pattern.consecutive_days_off = false;
        assert!(fired(&plan, "SHIFT-004").is_empty());
    }
}
