//! The shift plan in words: the sentences and figures the Shifts view and the STAFFING ROSTER
//! document part both show, worded once here so the two never say different numbers.

use crate::capacity::staffing::hour_label;
use crate::plan::limits::thousands;

use super::roster::{Assignment, ShiftPlan, TeamRoster};

/// "1,240": whole hours, grouped.
pub fn hours_words(hours: f64) -> String {
    thousands(hours.max(0.0).round() as usize)
}

impl ShiftPlan {
    /// "31 people; no plan can do it with fewer than 30." (or "…: no plan can do it with fewer.")
    pub fn gap_sentence(&self) -> String {
        super::roster::gap_sentence(self.people, self.bound_people, self.proven_optimal)
    }

    /// "1,240 (no plan pays fewer than 1,200)": paid hours a week and their bound, or "1,000
    /// (the fewest possible)" when they meet.
    pub fn paid_words(&self) -> String {
        let (paid, bound) = (
            hours_words(self.paid_hours),
            hours_words(self.bound_paid_hours),
        );
        if paid == bound {
            format!("{paid} (the fewest possible)")
        } else {
            format!("{paid} (no plan pays fewer than {bound})")
        }
    }

    /// "One pooled team across channels", or "One team per channel (3)".
    pub fn teams_words(&self) -> String {
        if self.pooled {
            "One pooled team across channels".to_string()
        } else {
            format!("One team per channel ({})", self.teams.len())
        }
    }

    /// "30 %": the shrinkage the need was grossed up by.
    pub fn shrinkage_words(&self) -> String {
        format!("{:.0} %", self.shrinkage * 100.0)
    }

    /// "12 person-hours a week on shift beyond the need, 0 needed and not covered".
    pub fn cover_words(&self) -> String {
        format!(
            "{} person-hours a week on shift beyond the need, {} needed and not covered",
            thousands(self.over_hours as usize),
            thousands(self.under_hours as usize)
        )
    }

    /// What a reader must know besides the figures: a search stopped early, built-in templates.
    pub fn caveats(&self) -> Vec<&'static str> {
        let mut said = Vec::new();
        if !self.proven_optimal {
            said.push(
                "The search stopped before it could prove this plan the cheapest; the bound still holds.",
            );
        }
        if self.default_templates {
            said.push("The plan names no shift templates, so the built-in ones are used.");
        }
        said
    }
}

impl Assignment {
    /// "08:00–16:30".
    pub fn hours_words(&self) -> String {
        format!("{}–{}", self.start, self.end)
    }

    /// Paid hours a week of everyone on it, to a tenth: "120.0".
    pub fn paid_hours_words(&self) -> String {
        format!("{:.1}", self.paid_hours_each * f64::from(self.people))
    }
}

impl TeamRoster {
    /// "No template covers 3 hour(s) that need people: Mon 00:00, …", when some are left.
    pub fn uncovered_sentence(&self) -> Option<String> {
        if self.uncovered_hours.is_empty() {
            return None;
        }
        let shown: Vec<String> = self
            .uncovered_hours
            .iter()
            .take(6)
            .map(|&h| hour_label(h))
            .collect();
        let more = if self.uncovered_hours.len() > 6 {
            ", …"
        } else {
            ""
        };
        Some(format!(
            "{}: no template covers {} hour(s) that need people: {}{more}.",
            self.name,
            self.uncovered_hours.len(),
            shown.join(", ")
        ))
    }
}

/// "8h", "8h30m", "30m".
pub fn minutes_words(minutes: u32) -> String {
    match (minutes / 60, minutes % 60) {
        (h, 0) => format!("{h}h"),
        (0, m) => format!("{m}m"),
        (h, m) => format!("{h}h{m:02}m"),
    }
}
