//! Renaming a priority, tier, calendar, channel or SLA policy carries through to every field that
//! refers to it by name, so "High" → "Urgent" leaves no category, SLA row or escalation behind.

use super::Names;
use crate::plan::Plan;

/// Renames every reference to the `names` entry that was called `old` and is now called `new`
/// (call it after renaming the entry itself), and says how many fields changed. Nothing happens
/// when `old` is blank, when nothing changes, or when another entry of the same kind is still
/// called `old` (the references could not be told apart).
pub fn rename_references(plan: &mut Plan, names: Names, old: &str, new: &str) -> usize {
    if old.trim().is_empty() || old == new || count_named(plan, names, old) > 0 {
        return 0;
    }
    let mut changed = 0;
    let mut follow = |reference: &mut String| {
        if reference == old {
            *reference = new.to_string();
            changed += 1;
        }
    };
    match names {
        Names::Priorities => {
            plan.taxonomy
                .iter_mut()
                .for_each(|c| follow(&mut c.priority));
            plan.channels
                .iter_mut()
                .for_each(|c| follow(&mut c.default_priority));
            for policy in &mut plan.sla {
                policy
                    .targets
                    .iter_mut()
                    .for_each(|t| follow(&mut t.priority));
            }
            for rule in &mut plan.escalation.rules {
                if let Some(priority) = &mut rule.priority {
                    follow(priority);
                }
            }
            plan.helpdesk
                .priority_map
                .iter_mut()
                .for_each(|m| follow(&mut m.priority));
            plan.staffing
                .priority_mix
                .iter_mut()
                .for_each(|s| follow(&mut s.priority));
        }
        Names::Tiers => {
            for channel in &mut plan.channels {
                follow(&mut channel.route_to);
                if let Some(on_call) = &mut channel.on_call {
                    follow(&mut on_call.rotation);
                }
            }
            plan.taxonomy
                .iter_mut()
                .for_each(|c| follow(&mut c.route_to));
            for rule in &mut plan.escalation.rules {
                follow(&mut rule.escalate_to);
            }
        }
        Names::Calendars => {
            plan.calendars
                .iter_mut()
                .for_each(|c| follow(&mut c.holidays_from));
            for channel in &mut plan.channels {
                follow(&mut channel.hours);
                if let Some(on_call) = &mut channel.on_call {
                    follow(&mut on_call.hours);
                }
            }
            plan.tiers.iter_mut().for_each(|t| follow(&mut t.hours));
            for policy in &mut plan.sla {
                for row in &mut policy.targets {
                    for metric in crate::plan::SlaMetric::ALL {
                        follow(&mut row.metric_mut(metric).calendar);
                    }
                }
            }
        }
        Names::Channels => {
            for policy in &mut plan.sla {
                policy.applies_to.channels.iter_mut().for_each(&mut follow);
            }
        }
        Names::Policies => {
            for rule in &mut plan.escalation.rules {
                if let Some(policy) = &mut rule.policy {
                    follow(policy);
                }
            }
            for channel in &mut plan.channels {
                channel.available_to.iter_mut().for_each(&mut follow);
            }
        }
    }
    changed
}

/// How many entries of a kind are called `name`.
fn count_named(plan: &Plan, names: Names, name: &str) -> usize {
    match names {
        Names::Priorities => plan.priorities.iter().filter(|p| p.name == name).count(),
        Names::Tiers => plan.tiers.iter().filter(|t| t.name == name).count(),
        Names::Calendars => plan.calendars.iter().filter(|c| c.name == name).count(),
        Names::Channels => plan.channels.iter().filter(|c| c.name == name).count(),
        Names::Policies => plan.sla.iter().filter(|p| p.name == name).count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::{templates, EscalationRule};

    fn b2b() -> Plan {
        templates::by_id("b2b-saas").unwrap()
    }

    /// The support lead's trial: "High" → "Urgent" left four errors and selects showing
    /// "High (not defined)". Renamed, every reference follows and the plan checks as before.
    #[test]
    fn a_renamed_priority_is_followed_everywhere() {
        let mut plan = b2b();
        let before = crate::rules::check(&plan).len();
        plan.priorities[1].name = "Urgent".into();
        let changed = rename_references(&mut plan, Names::Priorities, "High", "Urgent");
        assert!(changed >= 4, "{changed}");
        assert!(plan.taxonomy.iter().all(|c| c.priority != "High"));
        assert!(plan.sla[0].targets.iter().any(|t| t.priority == "Urgent"));
        assert!(plan
            .escalation
            .rules
            .iter()
            .any(|r| r.priority.as_deref() == Some("Urgent")));
        assert_eq!(crate::rules::check(&plan).len(), before);
        // The simulated month's own priority mix follows too (no STAFF-008 "not a priority").
        plan.staffing.priority_mix = vec![crate::plan::PriorityShare {
            priority: "Urgent".into(),
            share: 100.0,
        }];
        plan.priorities[1].name = "Sev 2".into();
        rename_references(&mut plan, Names::Priorities, "Urgent", "Sev 2");
        assert_eq!(plan.staffing.priority_mix[0].priority, "Sev 2");
    }

    #[test]
    fn a_renamed_tier_is_followed_by_channels_categories_and_escalations() {
        let mut plan = b2b();
        plan.escalation.rules.push(EscalationRule {
            escalate_to: "Tier 2".into(),
            ..EscalationRule::default()
        });
        let index = plan.tiers.iter().position(|t| t.name == "Tier 2").unwrap();
        plan.tiers[index].name = "Specialists".into();
        rename_references(&mut plan, Names::Tiers, "Tier 2", "Specialists");
        assert!(plan.taxonomy.iter().any(|c| c.route_to == "Specialists"));
        assert!(plan.taxonomy.iter().all(|c| c.route_to != "Tier 2"));
        assert_eq!(
            plan.escalation.rules.last().map(|r| r.escalate_to.as_str()),
            Some("Specialists")
        );
    }

    #[test]
    fn a_renamed_calendar_is_followed_by_every_clock() {
        let mut plan = b2b();
        let old = plan.calendars[0].name.clone();
        plan.calendars[0].name = "Office hours".into();
        let changed = rename_references(&mut plan, Names::Calendars, &old, "Office hours");
        assert!(changed > 0);
        let clocks = plan
            .sla
            .iter()
            .flat_map(|p| &p.targets)
            .flat_map(|t| crate::plan::SlaMetric::ALL.map(|m| t.metric(m).calendar.clone()));
        assert!(clocks.into_iter().all(|c| c != old));
        assert!(plan.channels.iter().any(|c| c.hours == "Office hours"));
        let errors: Vec<_> = crate::rules::check(&plan)
            .into_iter()
            .filter(|f| f.rule == "SLA-008" || f.rule == "CHN-004" || f.rule == "TIER-002")
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
    }

    #[test]
    fn a_renamed_channel_is_followed_by_the_policies_that_name_it() {
        let mut plan = templates::by_id("api-platform").unwrap();
        plan.sla[0].applies_to.channels = vec!["Emergency hotline".into()];
        let index = plan
            .channels
            .iter()
            .position(|c| c.name == "Emergency hotline")
            .unwrap();
        plan.channels[index].name = "P1 hotline".into();
        rename_references(
            &mut plan,
            Names::Channels,
            "Emergency hotline",
            "P1 hotline",
        );
        assert_eq!(plan.sla[0].applies_to.channels, vec!["P1 hotline"]);
    }

    #[test]
    fn a_renamed_policy_is_followed_by_its_escalations() {
        let mut plan = templates::by_id("api-platform").unwrap();
        plan.channels[0].available_to = vec!["Enterprise".into()];
        plan.channels[0].on_call = Some(crate::plan::OnCall {
            rotation: plan.tiers[0].name.clone(),
            ..crate::plan::OnCall::default()
        });
        plan.sla[0].name = "Enterprise Plus".into();
        rename_references(&mut plan, Names::Policies, "Enterprise", "Enterprise Plus");
        assert_eq!(plan.channels[0].available_to, ["Enterprise Plus"]);
        let tier = plan.tiers[0].name.clone();
        plan.tiers[0].name = "Front line".into();
        rename_references(&mut plan, Names::Tiers, &tier, "Front line");
        assert_eq!(plan.channels[0].rotation().unwrap().rotation, "Front line");
        assert!(plan
            .escalation
            .rules
            .iter()
            .any(|r| r.policy.as_deref() == Some("Enterprise Plus")));
        assert!(plan
            .escalation
            .rules
            .iter()
            .all(|r| r.policy.as_deref() != Some("Enterprise")));
    }

    /// Two tiers called alike: their references cannot be told apart, so none is moved.
    #[test]
    fn an_ambiguous_old_name_moves_nothing() {
        let mut plan = b2b();
        let first = plan.tiers.iter().position(|t| t.name == "Tier 1").unwrap();
        plan.tiers[first + 1].name = "Tier 1".into();
        // The second "Tier 1" is renamed; the first is still called so.
        plan.tiers[first + 1].name = "Tier 9".into();
        assert_eq!(
            rename_references(&mut plan, Names::Tiers, "Tier 1", "Tier 9"),
            0
        );
        assert!(plan.channels.iter().any(|c| c.route_to == "Tier 1"));
        assert_eq!(rename_references(&mut plan, Names::Tiers, "", "Tier 9"), 0);
    }
}
