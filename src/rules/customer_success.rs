//! Customer-success rules: the health score's weights add up, its bands cover 0–100 once each
//! in red, yellow and green, and every outreach trigger has an owner.

use super::util::{percent, total_off_100};
use super::{Finding, RuleInfo, Severity};
use crate::plan::Path;
use crate::plan::{HealthBand, HealthColour, Plan};

const WEIGHTS: RuleInfo = RuleInfo {
    id: "CS-001",
    severity: Severity::Error,
    title: "Health-score weights don't add up to 100",
    explanation: "The health score is a weighted sum on a 0–100 scale; its component weights must add up to 100 (within half a point).",
};
const COVERAGE: RuleInfo = RuleInfo {
    id: "CS-002",
    severity: Severity::Error,
    title: "Health bands leave gaps or overlap",
    explanation: "Every score from 0 to 100 must fall in exactly one band, or some customers get no colour (gap) or two (overlap).",
};
const COLOURS: RuleInfo = RuleInfo {
    id: "CS-003",
    severity: Severity::Warning,
    title: "Health band colour missing",
    explanation: "The health score uses three bands, red, yellow and green, so every account manager reads it the same way. Add the missing colour.",
};
const BACKWARDS: RuleInfo = RuleInfo {
    id: "CS-004",
    severity: Severity::Error,
    title: "Health band starts above its end",
    explanation: "A band's lowest score must not be above its highest score.",
};
const NEGATIVE_WEIGHT: RuleInfo = RuleInfo {
    id: "CS-005",
    severity: Severity::Error,
    title: "Negative health-score weight",
    explanation: "A component's weight is its share of the score, from 0 to 100.",
};
const NO_OWNER: RuleInfo = RuleInfo {
    id: "CS-006",
    severity: Severity::Warning,
    title: "Outreach trigger without an owner",
    explanation:
        "Proactive outreach only happens when someone owns it. Name the role that reaches out.",
};
const UPSIDE_DOWN: RuleInfo = RuleInfo {
    id: "CS-007",
    severity: Severity::Warning,
    title: "Red band above green",
    explanation: "A higher health score means a healthier customer: red belongs at the bottom of the scale and green at the top.",
};
const BANDS_WITHOUT_SCORE: RuleInfo = RuleInfo {
    id: "CS-008",
    severity: Severity::Warning,
    title: "Health bands but no score components",
    explanation: "Bands colour a score, but no component says what the score is made of. Add the weighted components (usage, support, sentiment…).",
};

pub(crate) const RULES: &[RuleInfo] = &[
    WEIGHTS,
    COVERAGE,
    COLOURS,
    BACKWARDS,
    NEGATIVE_WEIGHT,
    NO_OWNER,
    UPSIDE_DOWN,
    BANDS_WITHOUT_SCORE,
];

/// The health score's bands: `customer_success.health.bands`.
fn bands_path() -> Path {
    Path::field("customer_success").then("health").then("bands")
}

pub(crate) fn check(plan: &Plan, findings: &mut Vec<Finding>) {
    let success = &plan.customer_success;
    let health = &success.health;
    for (index, component) in health.components.iter().enumerate() {
        if component.weight < 0.0 {
            findings.push(
                NEGATIVE_WEIGHT.at(
                    Path::field("customer_success")
                        .then("health")
                        .then("components")
                        .at(index)
                        .then("weight"),
                    format!(
                        "Health component \"{}\" has a negative weight.",
                        component.name
                    ),
                    "Give it a weight between 0 and 100.".into(),
                ),
            );
        }
    }
    if let Some(total) = total_off_100(health.components.iter().map(|c| c.weight)) {
        findings.push(
            WEIGHTS.at(
                Path::field("customer_success")
                    .then("health")
                    .then("components")
                    .at(0)
                    .then("weight"),
                format!(
                    "Health-score weights add up to {}, not 100.",
                    percent(total).trim_end_matches(" %")
                ),
                "Adjust the weights so they total 100.".into(),
            ),
        );
    }
    if health.components.is_empty() && !health.bands.is_empty() {
        findings.push(
            BANDS_WITHOUT_SCORE.at(
                Path::field("customer_success")
                    .then("health")
                    .then("components"),
                "The health score has bands but no components.".into(),
                "Add the components the score is made of, with their weights.".into(),
            ),
        );
    }
    if !health.components.is_empty() || !health.bands.is_empty() {
        check_bands(&health.bands, findings);
    }
    for (index, trigger) in success.outreach.iter().enumerate() {
        if trigger.owner.trim().is_empty() {
            findings.push(
                NO_OWNER.at(
                    Path::field("customer_success")
                        .then("outreach")
                        .at(index)
                        .then("owner"),
                    format!("Nobody owns the outreach for \"{}\".", trigger.trigger),
                    "Name the role that reaches out, like the customer success manager.".into(),
                ),
            );
        }
    }
}

fn check_bands(bands: &[HealthBand], findings: &mut Vec<Finding>) {
    let ordered = ordered_bands(bands, findings);
    let next = check_gaps_and_overlaps(&ordered, findings);
    check_top(&ordered, next, findings);
    check_colours(bands, findings);
}

/// The bands that run upwards, lowest first (a band running backwards is a finding and left
/// out of the coverage checks).
fn ordered_bands<'b>(
    bands: &'b [HealthBand],
    findings: &mut Vec<Finding>,
) -> Vec<(usize, &'b HealthBand)> {
    let mut ordered: Vec<(usize, &HealthBand)> = Vec::with_capacity(bands.len());
    for (index, band) in bands.iter().enumerate() {
        if band.min > band.max {
            findings.push(BACKWARDS.at(
                bands_path().at(index).then("max"),
                format!(
                    "The {} band runs from {} down to {}.",
                    band.colour.label(),
                    band.min,
                    band.max
                ),
                "Swap its lowest and highest scores.".into(),
            ));
        } else {
            ordered.push((index, band));
        }
    }
    ordered.sort_by_key(|(index, band)| (band.min, *index));
    ordered
}

/// Scores no band covers, or two bands cover, from 0 up; gives the first score above them all.
fn check_gaps_and_overlaps(ordered: &[(usize, &HealthBand)], findings: &mut Vec<Finding>) -> u32 {
    let mut next: u32 = 0;
    for &(index, band) in ordered {
        if band.min > next && next <= 100 {
            findings.push(COVERAGE.at(
                bands_path().at(index).then("min"),
                format!(
                    "No health band covers scores {}–{}.",
                    next,
                    band.min.min(101) - 1
                ),
                format!(
                    "Start the {} band at {next}, or extend the band below it.",
                    band.colour.label()
                ),
            ));
        } else if band.min < next {
            findings.push(COVERAGE.at(
                bands_path().at(index).then("min"),
                format!(
                    "The {} band overlaps another band at scores {}–{}.",
                    band.colour.label(),
                    band.min,
                    (next - 1).min(band.max)
                ),
                format!("Start the {} band at {next}.", band.colour.label()),
            ));
        }
        next = next.max(band.max.saturating_add(1));
    }
    next
}

/// No bands at all, or a top band that stops short of 100 or reaches past it (`next`: the first
/// score above every band).
fn check_top(ordered: &[(usize, &HealthBand)], next: u32, findings: &mut Vec<Finding>) {
    if ordered.is_empty() {
        findings.push(COVERAGE.at(
            bands_path(),
            "The health score has no bands, so no score gets a colour.".into(),
            "Add red, yellow and green bands covering 0–100, e.g. 0–39, 40–69, 70–100.".into(),
        ));
        return;
    }
    let top = ordered
        .iter()
        .max_by_key(|(_, b)| b.max)
        .map_or(0, |(i, _)| *i);
    let top_path = bands_path().at(top).then("max");
    if next <= 100 {
        findings.push(COVERAGE.at(
            top_path,
            format!("No health band covers scores {next}–100."),
            "Extend the top band to 100.".into(),
        ));
    } else if next > 101 {
        findings.push(COVERAGE.at(
            top_path,
            format!(
                "A health band reaches {}, above the top score of 100.",
                next - 1
            ),
            "End the top band at 100.".into(),
        ));
    }
}

/// A colour with no band, and red above green.
fn check_colours(bands: &[HealthBand], findings: &mut Vec<Finding>) {
    let missing: Vec<&str> = HealthColour::ALL
        .iter()
        .filter(|colour| !bands.iter().any(|b| b.colour == **colour))
        .map(|colour| colour.label())
        .collect();
    if !bands.is_empty() && !missing.is_empty() {
        findings.push(COLOURS.at(
            bands_path(),
            format!("The health bands have no {} band.", missing.join(" or ")),
            "Use one red, one yellow and one green band.".into(),
        ));
    }
    let lowest = |colour: HealthColour| {
        bands
            .iter()
            .filter(|b| b.colour == colour)
            .map(|b| b.min)
            .min()
    };
    if let (Some(red), Some(green)) = (lowest(HealthColour::Red), lowest(HealthColour::Green)) {
        if red > green {
            findings.push(
                UPSIDE_DOWN.at(
                    bands_path(),
                    "The red band sits above the green band: high scores would be marked at risk."
                        .into(),
                    "Put red at the bottom of the scale and green at the top.".into(),
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::{HealthBand, HealthColour};
    use crate::rules::testing::{assert_fires, assert_quiet, valid_plan};

    fn band(colour: HealthColour, min: u32, max: u32) -> HealthBand {
        HealthBand { colour, min, max }
    }

    #[test]
    fn weights_add_up_to_100() {
        let mut plan = valid_plan();
        plan.customer_success.health.components[2].weight = 20.0;
        let finding = assert_fires(
            &plan,
            "CS-001",
            "customer_success.health.components[0].weight",
        );
        assert_eq!(
            finding.message,
            "Health-score weights add up to 90, not 100."
        );
        plan.customer_success.health.components[0].weight = 50.0;
        assert_quiet(&plan, "CS-001");
    }

    #[test]
    fn bands_leave_no_gap() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands[1] = band(HealthColour::Yellow, 45, 69);
        let finding = assert_fires(&plan, "CS-002", "customer_success.health.bands[1].min");
        assert_eq!(finding.message, "No health band covers scores 40–44.");
        plan.customer_success.health.bands[1].min = 40;
        assert_quiet(&plan, "CS-002");
    }

    #[test]
    fn bands_do_not_overlap() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands[2] = band(HealthColour::Green, 60, 100);
        let finding = assert_fires(&plan, "CS-002", "customer_success.health.bands[2].min");
        assert_eq!(
            finding.message,
            "The Green band overlaps another band at scores 60–69."
        );
        plan.customer_success.health.bands[2].min = 70;
        assert_quiet(&plan, "CS-002");
    }

    #[test]
    fn bands_reach_100_and_no_further() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands[2].max = 90;
        assert_fires(&plan, "CS-002", "customer_success.health.bands[2].max");
        plan.customer_success.health.bands[2].max = 120;
        assert_fires(&plan, "CS-002", "customer_success.health.bands[2].max");
        plan.customer_success.health.bands[2].max = 100;
        assert_quiet(&plan, "CS-002");
    }

    #[test]
    fn score_without_bands_is_a_gap() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands.clear();
        assert_fires(&plan, "CS-002", "customer_success.health.bands");
    }

    #[test]
    fn every_colour_has_a_band() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands = vec![
            band(HealthColour::Red, 0, 49),
            band(HealthColour::Green, 50, 100),
        ];
        let finding = assert_fires(&plan, "CS-003", "customer_success.health.bands");
        assert_eq!(finding.message, "The health bands have no Yellow band.");
        plan.customer_success.health.bands = valid_plan().customer_success.health.bands;
        assert_quiet(&plan, "CS-003");
    }

    #[test]
    fn band_runs_upwards() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands[1] = band(HealthColour::Yellow, 69, 40);
        assert_fires(&plan, "CS-004", "customer_success.health.bands[1].max");
        plan.customer_success.health.bands[1] = band(HealthColour::Yellow, 40, 69);
        assert_quiet(&plan, "CS-004");
    }

    #[test]
    fn weights_are_not_negative() {
        let mut plan = valid_plan();
        plan.customer_success.health.components[1].weight = -30.0;
        plan.customer_success.health.components[0].weight = 100.0;
        assert_fires(
            &plan,
            "CS-005",
            "customer_success.health.components[1].weight",
        );
        plan.customer_success.health.components[1].weight = 0.0;
        plan.customer_success.health.components[0].weight = 70.0;
        assert_quiet(&plan, "CS-005");
    }

    #[test]
    fn outreach_has_an_owner() {
        let mut plan = valid_plan();
        plan.customer_success.outreach[0].owner.clear();
        assert_fires(&plan, "CS-006", "customer_success.outreach[0].owner");
        plan.customer_success.outreach[0].owner = "CSM".into();
        assert_quiet(&plan, "CS-006");
    }

    #[test]
    fn red_sits_below_green() {
        let mut plan = valid_plan();
        plan.customer_success.health.bands[0].colour = HealthColour::Green;
        plan.customer_success.health.bands[2].colour = HealthColour::Red;
        assert_fires(&plan, "CS-007", "customer_success.health.bands");
        plan.customer_success.health.bands = valid_plan().customer_success.health.bands;
        assert_quiet(&plan, "CS-007");
    }

    #[test]
    fn bands_need_a_score() {
        let mut plan = valid_plan();
        plan.customer_success.health.components.clear();
        assert_fires(&plan, "CS-008", "customer_success.health.components");
        assert_quiet(&valid_plan(), "CS-008");
    }
}
