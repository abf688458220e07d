//! Validation: pure functions from a plan to findings, one file per area, each rule with a stable id.
//! `check` runs them all; `catalogue` lists every rule for the docs and the UI.

mod assess;
mod automation;
mod calendars;
mod channels;
mod customer_success;
mod escalation;
mod header;
mod metrics;
mod names;
mod priorities;
pub mod provenance;
mod roadmap;
mod sections;
mod self_service;
mod shifts;
mod sla;
mod staffing;
mod taxonomy;
#[cfg(test)]
pub(crate) mod testing;
mod tiers;
mod util;

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::plan::{Path, Plan};

/// How serious a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// One thing a rule noticed about a plan. Plain serde data: the worker that runs the rules sends
/// findings to the page as JSON (`messages`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    /// Stable rule id, e.g. `SLA-002`: borrowed from the catalogue where the rules run, owned
    /// where a finding was read from a message.
    pub rule: Cow<'static, str>,
    pub severity: Severity,
    /// The field it concerns: `sla[1].resolution`, `header.team_size`. In JSON, the path as text.
    pub path: Path,
    /// What is wrong, in a support leader's words.
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

/// What the catalogue says of one rule: its id, how serious it is, and what it checks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct RuleInfo {
    pub id: &'static str,
    pub severity: Severity,
    /// A short title ("Resolution faster than first response").
    pub title: &'static str,
    /// What the rule checks and why it matters, in a support leader's words.
    pub explanation: &'static str,
}

impl RuleInfo {
    /// A finding of this rule about the field at `path`.
    pub(crate) fn at(&self, path: Path, message: String, hint: String) -> Finding {
        Finding {
            rule: Cow::Borrowed(self.id),
            severity: self.severity,
            path,
            message,
            hint,
        }
    }
}

/// One area's rules: what it checks, and the check itself.
struct Area {
    rules: &'static [RuleInfo],
    check: fn(&Plan, &mut Vec<Finding>),
}

/// Every area, in the order of the plan's sections.
const AREAS: &[Area] = &[
    Area {
        rules: sections::RULES,
        check: sections::check,
    },
    Area {
        rules: header::RULES,
        check: header::check,
    },
    Area {
        rules: assess::RULES,
        check: assess::check,
    },
    Area {
        rules: names::RULES,
        check: names::check,
    },
    Area {
        rules: calendars::RULES,
        check: calendars::check,
    },
    Area {
        rules: priorities::RULES,
        check: priorities::check,
    },
    Area {
        rules: channels::RULES,
        check: channels::check,
    },
    Area {
        rules: tiers::RULES,
        check: tiers::check,
    },
    Area {
        rules: taxonomy::RULES,
        check: taxonomy::check,
    },
    Area {
        rules: sla::RULES,
        check: sla::check,
    },
    Area {
        rules: escalation::RULES,
        check: escalation::check,
    },
    Area {
        rules: self_service::RULES,
        check: self_service::check,
    },
    Area {
        rules: automation::RULES,
        check: automation::check,
    },
    Area {
        rules: metrics::RULES,
        check: metrics::check,
    },
    Area {
        rules: customer_success::RULES,
        check: customer_success::check,
    },
    Area {
        rules: roadmap::RULES,
        check: roadmap::check,
    },
    Area {
        rules: shifts::RULES,
        check: shifts::check,
    },
    Area {
        rules: provenance::RULES,
        check: provenance::check,
    },
];

/// The staffing rules run apart from the others (see `check_staffing`); listed after them.
const STAFFING: Area = Area {
    rules: staffing::RULES,
    check: staffing::check,
};

/// Runs every rule over the plan. Findings come most severe first, then in plan order.
pub fn check(plan: &Plan) -> Vec<Finding> {
    combine(check_without_staffing(plan), check_staffing(plan))
}

/// The roster's findings (SHIFT-…), as the Shifts view lists them beside the shift plan.
pub fn roster_findings(plan: &Plan) -> Vec<Finding> {
    check(plan)
        .into_iter()
        .filter(|f| f.rule.starts_with("SHIFT-"))
        .collect()
}

/// Every rule but the staffing ones (the staffing maths is the costly part of a check).
pub fn check_without_staffing(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    for area in AREAS {
        (area.check)(plan, &mut findings);
    }
    findings
}

/// The staffing rules alone (Erlang C over every channel and hour of the week).
pub fn check_staffing(plan: &Plan) -> Vec<Finding> {
    let mut findings = Vec::new();
    (STAFFING.check)(plan, &mut findings);
    findings
}

/// The staffing rules, from staffing maths already done for this plan: the designer runs it once
/// for the findings and the documents.
pub fn check_staffing_given(
    plan: &Plan,
    staffed: &crate::capacity::staffing::Staffed,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    staffing::check_given(plan, Some(staffed), &mut findings);
    findings
}

/// Merges the two halves of a check into the order `check` gives.
pub fn combine(mut findings: Vec<Finding>, staffing: Vec<Finding>) -> Vec<Finding> {
    findings.extend(staffing);
    // Stable sort: within one section and index, findings keep the order the rules found them.
    findings.sort_by_cached_key(|f| (f.severity, util::plan_order(&f.path)));
    findings
}

/// The parts of a plan the staffing rules read, and nothing else: the designer re-runs the
/// staffing maths only when this changes, not on every keystroke in a category name.
///
/// Of the taxonomy the maths reads only the priority mix: the category shares summed by priority
/// (`capacity::staffing::priority_mix`). So the inputs hold one category per priority with its
/// summed share, added in the taxonomy's order as that function adds them: the same mix to the
/// last bit, and a keystroke compares a handful of rows instead of cloning hundreds.
pub fn staffing_inputs(plan: &Plan) -> Plan {
    use crate::plan::{Automation, Category};
    let mut shares = vec![0.0; plan.priorities.len()];
    for category in &plan.taxonomy {
        if let Some(rank) = plan.priority_rank(&category.priority) {
            shares[rank] += category.volume_share.max(0.0);
        }
    }
    Plan {
        header: plan.header.clone(),
        calendars: plan.calendars.clone(),
        priorities: plan.priorities.clone(),
        channels: plan.channels.clone(),
        // Escalations go to the tier after the first channel's, on that tier's hours.
        tiers: plan
            .tiers
            .iter()
            .map(|tier| crate::plan::Tier {
                name: tier.name.clone(),
                hours: tier.hours.clone(),
                ..crate::plan::Tier::default()
            })
            .collect(),
        sla: plan.sla.clone(),
        staffing: plan.staffing.clone(),
        taxonomy: plan
            .priorities
            .iter()
            .zip(shares)
            .map(|(priority, volume_share)| Category {
                priority: priority.name.clone(),
                volume_share,
                ..Category::default()
            })
            .collect(),
        automation: Automation {
            chatbot_containment: plan.automation.chatbot_containment,
            ..Automation::default()
        },
        ..Plan::blank()
    }
}

/// Every rule `check` can report, area by area, for the catalogue page and the findings panel.
pub fn catalogue() -> Vec<RuleInfo> {
    AREAS
        .iter()
        .chain([&STAFFING])
        .flat_map(|area| area.rules.iter().copied())
        .collect()
}

/// The catalogue entry of a rule id, if there is one.
pub fn rule_info(id: &str) -> Option<RuleInfo> {
    AREAS
        .iter()
        .chain([&STAFFING])
        .flat_map(|area| area.rules.iter())
        .find(|rule| rule.id == id)
        .copied()
}

pub use crate::plan::path::field_id;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::Part;
    use std::collections::HashSet;

    /// Area prefixes in the order the catalogue page shows them, with each area's heading.
    /// Each rule area's id prefix and heading: the parts', and the name rules that span them.
    fn area_headings() -> Vec<(&'static str, &'static str)> {
        let mut areas: Vec<(&str, &str)> = Part::ALL
            .into_iter()
            .filter_map(|part| part.rule_prefix().map(|prefix| (prefix, part.title())))
            .collect();
        areas.insert(1, ("NAME", "Names"));
        areas.push(("SHIFT", "Shift plan"));
        areas.push(("TPL", "Template values"));
        areas
    }

    fn prefix(id: &str) -> &str {
        id.split('-').next().unwrap_or("")
    }

    #[test]
    fn rule_ids_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for rule in catalogue() {
            assert!(seen.insert(rule.id), "{} is listed twice", rule.id);
            let (area, number) = rule.id.split_once('-').expect("id has a dash");
            assert!(
                area_headings().iter().any(|(p, _)| *p == area),
                "{}: unknown area",
                rule.id
            );
            assert!(
                number.len() == 3 && number.bytes().all(|b| b.is_ascii_digit()),
                "{}",
                rule.id
            );
            assert!(
                !rule.title.is_empty() && rule.explanation.ends_with('.'),
                "{}",
                rule.id
            );
            assert_eq!(rule_info(rule.id), Some(rule));
        }
        assert!(seen.len() >= 30, "only {} rules", seen.len());
    }

    /// The catalogue as the Markdown page `docs/rules.md`.
    fn catalogue_page() -> String {
        let mut page = String::from(
            "# Rule catalogue\n\n\
             Every finding the plan checker reports carries one of these ids. Ids are stable: a rule keeps\n\
             its id for good, and a retired id is never reused. **Error** means the plan contradicts itself\n\
             or cannot work as written; **Warning** means it probably isn't what you meant; **Info** is a\n\
             suggestion.\n\n\
             How the rules read a plan:\n\n\
             - **SLA policies.** Targets live in named SLA policies (contract levels such as Standard,\n  \
             Premium, Enterprise), matched in the plan's order: a ticket gets the first policy whose\n  \
             segments, organisations and channels it matches; a policy with none of them applies to\n  \
             everyone and belongs last. Ordering rules (`SLA-003`, `SLA-004`) compare priorities within\n  \
             one policy; `SLA-017` compares a contract level with the policy for everyone.\n\
             - **Targets that are not promised.** Each metric (first response, next response, periodic\n  \
             update, resolution) is a duration, *best effort* or *no target*. Only durations are timed;\n  \
             zero (`0m`, instant) is a duration and is flagged (`SLA-010`).\n\
             - **Clocks.** Each metric runs on a calendar of its own. A duration counts open minutes of\n  \
             that calendar; on a calendar open every minute of the week (24/7, whatever its name) that\n  \
             is elapsed time. Two targets are compared only when the answer is certain: on the same\n  \
             clock, or when the one expected to be faster runs on elapsed time.\n\
             - **One meaning of a business day.** `1bd` is the calendar's business day: from each\n  \
             opening of the week, the open minutes of the 24 hours that follow, taking the middle value\n  \
             (480 for a 09:00–17:00 office, 1,440 for 24/7 or a week open around the clock). Deadlines,\n  \
             warnings, these rules and the helpdesk exports all use it, and it does not depend on the\n  \
             time zone a calendar is written in. `1d` on a business calendar is 24 *open* hours\n  \
             (`SLA-018`).\n\
             - **Escalations** are measured from ticket creation (and must fire before the breach,\n  \
             `ESC-002`) or from the breach (\"tell the director 2 h after\"), on the guarded target's clock.\n\
             - **Assessment** (the brief's Phase 1): a pain point names the parts of the plan that address\n  \
             it by their JSON key (`sla`, `channels`, `self_service` …); an improvement goal names the\n  \
             success metric that measures it, whose baseline is today and whose target is the goal.\n\n\
             Time zones are checked by shape (`Area/City` or `UTC`); the planning maths carries a compact\n\
             table of 124 IANA zones. Nothing depends on today's date, so overdue roadmap steps are not\n\
             flagged.\n\n\
             This page is generated from the rules: `cargo test --no-default-features -- --ignored write_rules_page`.\n",
        );
        let rules = catalogue();
        for (area, heading) in area_headings() {
            let mut in_area: Vec<&RuleInfo> =
                rules.iter().filter(|r| prefix(r.id) == area).collect();
            if in_area.is_empty() {
                continue;
            }
            in_area.sort_by_key(|r| r.id);
            page.push_str(&format!("\n## {heading}\n\n| id | severity | rule | what it means, what to do |\n|---|---|---|---|\n"));
            for rule in in_area {
                page.push_str(&format!(
                    "| `{}` | {} | {} | {} |\n",
                    rule.id,
                    rule.severity.label(),
                    rule.title,
                    rule.explanation.replace('|', "\\|")
                ));
            }
        }
        page
    }

    #[test]
    #[ignore = "rewrites docs/rules.md from the catalogue"]
    fn write_rules_page() {
        std::fs::write(
            concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"),
            catalogue_page(),
        )
        .unwrap();
    }

    #[test]
    fn rules_page_lists_exactly_the_catalogue() {
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/docs/rules.md"))
            .expect("docs/rules.md exists");
        let documented: HashSet<&str> = page
            .lines()
            .filter_map(|line| line.strip_prefix("| `"))
            .filter_map(|rest| rest.split_once('`').map(|(id, _)| id))
            .collect();
        let catalogued: HashSet<&str> = catalogue().iter().map(|r| r.id).collect();
        let missing: Vec<_> = catalogued.difference(&documented).collect();
        let unknown: Vec<_> = documented.difference(&catalogued).collect();
        assert!(
            missing.is_empty() && unknown.is_empty(),
            "docs/rules.md is out of date (missing {missing:?}, unknown {unknown:?}); regenerate it with \
             cargo test --no-default-features -- --ignored write_rules_page"
        );
    }

    #[test]
    fn findings_come_most_severe_first_then_in_plan_order() {
        let mut plan = Plan::blank();
        plan.header.product = "Acme".into();
        plan.header.time_zone = "EST".into();
        let findings = check(&plan);
        assert!(findings.windows(2).all(|w| w[0].severity <= w[1].severity));
        let errors: Vec<&str> = findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
            .map(|f| f.path.as_str())
            .collect();
        assert_eq!(errors.first(), Some(&"header.monthly_volume"));
        let position = |path: &str| errors.iter().position(|p| *p == path);
        assert!(position("header.team_size") < position("channels"));
        assert!(position("channels") < position("sla"));
        assert!(findings.iter().any(|f| f.rule == "HDR-004"));
    }

    #[test]
    fn every_finding_is_in_the_catalogue_with_its_severity() {
        let plan = Plan::blank();
        for finding in check(&plan) {
            let rule = rule_info(&finding.rule).expect("catalogued");
            assert_eq!(rule.severity, finding.severity, "{}", finding.rule);
        }
    }

    #[test]
    fn field_ids_follow_json_paths() {
        assert_eq!(field_id("sla[1].resolution"), "field-sla-1-resolution");
        assert_eq!(field_id("header.product"), "field-header-product");
        assert_eq!(field_id("taxonomy[3].types[0]"), "field-taxonomy-3-types-0");
    }
}

#[cfg(test)]
mod staffing_split_tests {
    use super::*;
    use crate::plan::generate::{large_plan, PlanSize};

    #[test]
    fn staffing_on_its_inputs_finds_what_the_whole_plan_finds() {
        let mut plan = large_plan(3, PlanSize::with_categories(60));
        plan.header.team_size = 2;
        let whole = check(&plan);
        let split = combine(
            check_without_staffing(&plan),
            check_staffing(&staffing_inputs(&plan)),
        );
        assert!(whole.iter().any(|f| f.rule == "STAFF-001"));
        assert_eq!(whole, split);
    }

    #[test]
    fn the_staffing_inputs_keep_the_taxonomys_priority_mix_exactly() {
        use crate::capacity::staffing::priority_mix;
        let mut plan = large_plan(5, PlanSize::with_categories(200));
        plan.staffing.priority_mix.clear();
        // Shares that do not add up exactly, a negative one, and a category of no known priority.
        for (index, category) in plan.taxonomy.iter_mut().enumerate() {
            category.volume_share = 0.1 + (index % 7) as f64 * 0.37;
        }
        plan.taxonomy[3].volume_share = -4.0;
        plan.taxonomy[4].priority = "Not a priority".into();
        let inputs = staffing_inputs(&plan);
        assert_eq!(inputs.taxonomy.len(), plan.priorities.len());
        let (whole, summed) = (priority_mix(&plan), priority_mix(&inputs));
        assert!(
            whole
                .iter()
                .zip(&summed)
                .all(|(a, b)| a.to_bits() == b.to_bits()),
            "{whole:?} vs {summed:?}"
        );
        assert_eq!(
            crate::capacity::staffing::staffing(&plan),
            crate::capacity::staffing::staffing(&inputs)
        );
    }

    #[test]
    fn renaming_a_category_leaves_the_staffing_inputs_alone() {
        let plan = large_plan(3, PlanSize::with_categories(60));
        let mut renamed = plan.clone();
        renamed.taxonomy[5].name.push_str(" (renamed)");
        assert_eq!(staffing_inputs(&plan), staffing_inputs(&renamed));
        renamed.taxonomy[5].volume_share += 1.0;
        assert_ne!(staffing_inputs(&plan), staffing_inputs(&renamed));
    }
}

#[cfg(test)]
mod template_tests {
    use super::*;
    use crate::plan::templates;

    #[test]
    fn every_template_passes_its_own_rules() {
        let all = templates::all();
        assert_eq!(all.len(), templates::ids().count(), "every template loads");
        let mut report = String::new();
        for template in all {
            for finding in check(&template.plan) {
                if finding.severity != Severity::Info {
                    report.push_str(&format!(
                        "{}: {} {} at {}: {}\n",
                        template.id,
                        finding.severity.label(),
                        finding.rule,
                        finding.path,
                        finding.message
                    ));
                }
            }
        }
        assert!(
            report.is_empty(),
            "templates break their own rules:\n{report}"
        );
    }
}
