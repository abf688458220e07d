//! Freshdesk: one SLA policy with targets per priority (in seconds) and the escalation ladder.
//! Field names from Freshdesk's API v2 "SLA Policies" (see the comment on `freshdesk`).

use serde_json::{json, Map, Value};

use super::zendesk::pretty;
use super::{
    business_calendars, file_stem, map_priorities, policy_title, quoted_list,
    runs_on_business_hours, target_minutes, HelpdeskExport, HelpdeskPriority, MappedPriority,
};
use crate::plan::{EscalationRule, Plan, SlaMetric};

/// Freshdesk allows one escalation when a first response is late and up to four when resolution is.
const RESOLUTION_LEVELS: usize = 4;

/// The plan as a Freshdesk SLA policy (the body of `POST /api/v2/sla_policies`).
///
/// Shape from Freshdesk's API v2 reference, "SLA Policies": `name`, `description`, `sla_target`
/// keyed `priority_1` (Low) … `priority_4` (Urgent), each `{respond_within, resolve_within}` in
/// seconds with `business_hours` and `escalation_enabled`; `applicable_to` (company_ids, group_ids,
/// sources, ticket_types, product_ids); `escalation` with one `response` level and `resolution`
/// levels `level_1` … `level_4`, each `{escalation_time (seconds after the breach), agent_ids}`.
pub fn freshdesk(plan: &Plan) -> HelpdeskExport {
    let mut report = Vec::new();
    let label = |p: HelpdeskPriority| {
        format!(
            "Freshdesk priority_{} ({})",
            p.freshdesk_number(),
            match p {
                HelpdeskPriority::Urgent => "Urgent",
                HelpdeskPriority::High => "High",
                HelpdeskPriority::Normal => "Medium",
                HelpdeskPriority::Low => "Low",
            }
        )
    };
    let mapped = map_priorities(plan, "Freshdesk", label, &mut report);
    let escalation = Ladder::build(plan, &mapped, &mut report);

    let mut sla_target = Map::new();
    let business_calendars = business_calendars(plan, &mapped);
    for entry in &mapped {
        let sla = entry.sla;
        let business_hours = runs_on_business_hours(plan, &sla.calendar);
        let mut seconds = |duration, what: &str| {
            let what = format!("The {what} target of \"{}\"", entry.priority);
            60 * target_minutes(plan, duration, &sla.calendar, &what, &mut report)
        };
        let respond_within = seconds(sla.first_response, "first response");
        let resolve_within = seconds(sla.resolution, "resolution");
        if let Some(next) = sla.next_response {
            report.push(format!(
                "\"{}\" promises a next response within {next}; this Freshdesk export holds only first \
                 response and resolution. Set \"every response\" targets in Admin → SLA Policies \
                 (higher Freshdesk plans).",
                entry.priority
            ));
        }
        if let Some(warn) = sla.warn_before {
            report.push(format!(
                "\"{}\" warns {warn} before a breach; set it as an SLA reminder in Freshdesk.",
                entry.priority
            ));
        }
        sla_target.insert(
            format!("priority_{}", entry.helpdesk.freshdesk_number()),
            json!({
                "respond_within": respond_within,
                "resolve_within": resolve_within,
                "business_hours": business_hours,
                "escalation_enabled": escalation.priorities.contains(&entry.helpdesk),
            }),
        );
    }
    if !business_calendars.is_empty() {
        report.push(format!(
            "Freshdesk counts business hours on the hours of each ticket's group; create {} in Admin → \
             Business Hours and assign them to the groups.",
            quoted_list(&business_calendars)
        ));
    }
    report.push(
        "Freshdesk asks which tickets the policy covers (applicable_to: company, group, source, ticket \
         type or product ids); the export leaves it empty for you to fill in, or copy the targets \
         into the Default SLA policy."
            .to_string(),
    );

    let body = json!({
        "name": policy_title(plan),
        "description": format!(
            "From the Support Operations Plan for {}.",
            if plan.header.product.trim().is_empty() { "this product" } else { plan.header.product.trim() }
        ),
        "active": true,
        "sla_target": sla_target,
        "applicable_to": {},
        "escalation": escalation.to_json(),
    });
    HelpdeskExport {
        file_name: format!("{}-freshdesk-sla.json", file_stem(&plan.header.product)),
        mime: "application/json",
        body: pretty(&body),
        report,
    }
}

/// One escalation step: how long after the breach, and to whom (by role; Freshdesk wants agent ids).
#[derive(Clone, Debug, PartialEq)]
struct Step {
    after_breach_seconds: u64,
    roles: Vec<String>,
}

/// The policy-wide escalation Freshdesk holds, built from the plan's per-priority rules.
struct Ladder {
    response: Option<Step>,
    resolution: Vec<Step>,
    /// Helpdesk priorities with at least one escalation rule.
    priorities: Vec<HelpdeskPriority>,
}

impl Ladder {
    fn build(plan: &Plan, mapped: &[MappedPriority], report: &mut Vec<String>) -> Ladder {
        let mut ladder = Ladder {
            response: None,
            resolution: Vec::new(),
            priorities: Vec::new(),
        };
        let mut response_rules: Vec<&str> = Vec::new();
        let mut resolution_priorities: Vec<&str> = Vec::new();
        let mut roles: Vec<&str> = Vec::new();
        for rule in &plan.escalation.rules {
            let applies: Vec<&MappedPriority> = match &rule.priority {
                Some(name) => mapped.iter().filter(|m| m.priority == name).collect(),
                None => mapped.iter().collect(),
            };
            if applies.is_empty() {
                report.push(format!(
                    "The escalation \"{}\" is for a priority that is not exported, so it is left out.",
                    rule.trigger
                ));
                continue;
            }
            if rule.metric == SlaMetric::NextResponse {
                report.push(format!(
                    "The escalation \"{}\" guards the next response; Freshdesk escalates only late first \
                     responses and late resolutions, so it is left out.",
                    rule.trigger
                ));
                continue;
            }
            for entry in &applies {
                if !ladder.priorities.contains(&entry.helpdesk) {
                    ladder.priorities.push(entry.helpdesk);
                }
            }
            if !roles.contains(&rule.escalate_to.as_str()) {
                roles.push(&rule.escalate_to);
            }
            let delay = after_breach_seconds(plan, rule, applies[0], report);
            let step = Step {
                after_breach_seconds: delay,
                roles: vec![rule.escalate_to.clone()],
            };
            if rule.metric == SlaMetric::FirstResponse {
                response_rules.push(&rule.trigger);
                ladder.response = Some(match ladder.response.take() {
                    None => step,
                    Some(mut earlier) => {
                        earlier.after_breach_seconds = earlier.after_breach_seconds.min(delay);
                        if !earlier.roles.contains(&rule.escalate_to) {
                            earlier.roles.push(rule.escalate_to.clone());
                        }
                        earlier
                    }
                });
            } else {
                for entry in &applies {
                    if !resolution_priorities.contains(&entry.priority) {
                        resolution_priorities.push(entry.priority);
                    }
                }
                match ladder
                    .resolution
                    .iter_mut()
                    .find(|s| s.after_breach_seconds == delay)
                {
                    Some(same_time) if !same_time.roles.contains(&rule.escalate_to) => {
                        same_time.roles.push(rule.escalate_to.clone())
                    }
                    Some(_) => {}
                    None => ladder.resolution.push(step),
                }
            }
        }
        if response_rules.len() > 1 {
            report.push(format!(
                "Freshdesk has one escalation for late first responses per policy; the plan's {} are \
                 combined into one, at the earliest time, to everyone they name.",
                quoted_list(&response_rules)
            ));
        }
        if resolution_priorities.len() > 1 {
            report.push(format!(
                "Freshdesk's resolution escalation levels apply to every priority with escalation on; \
                 the plan's rules for {} are merged into one ladder.",
                quoted_list(&resolution_priorities)
            ));
        }
        ladder
            .resolution
            .sort_by_key(|step| step.after_breach_seconds);
        if ladder.resolution.len() > RESOLUTION_LEVELS {
            let dropped: Vec<String> = ladder.resolution[RESOLUTION_LEVELS..]
                .iter()
                .flat_map(|s| s.roles.clone())
                .collect();
            let dropped: Vec<&str> = dropped.iter().map(String::as_str).collect();
            report.push(format!(
                "Freshdesk has at most four resolution escalation levels; the later ones to {} are left out.",
                quoted_list(&dropped)
            ));
            ladder.resolution.truncate(RESOLUTION_LEVELS);
        }
        if !roles.is_empty() {
            report.push(format!(
                "Freshdesk escalates to agents, not roles: fill in agent_ids for {}.",
                quoted_list(&roles)
            ));
        }
        ladder
    }

    fn to_json(&self) -> Value {
        let step = |s: &Step| json!({ "escalation_time": s.after_breach_seconds, "agent_ids": [] });
        let mut escalation = Map::new();
        if let Some(response) = &self.response {
            escalation.insert("response".to_string(), step(response));
        }
        if !self.resolution.is_empty() {
            let levels: Map<String, Value> = self
                .resolution
                .iter()
                .enumerate()
                .map(|(i, s)| (format!("level_{}", i + 1), step(s)))
                .collect();
            escalation.insert("resolution".to_string(), Value::Object(levels));
        }
        Value::Object(escalation)
    }
}

/// Freshdesk escalates a set time after the target is breached; the plan measures from creation.
fn after_breach_seconds(
    plan: &Plan,
    rule: &EscalationRule,
    entry: &MappedPriority,
    report: &mut Vec<String>,
) -> u64 {
    let sla = entry.sla;
    let target = match rule.metric {
        SlaMetric::Resolution => sla.resolution,
        _ => sla.first_response,
    };
    // The targets' own approximations are already in the report; don't repeat them here.
    let mut quiet = Vec::new();
    let target_at = target_minutes(plan, target, &sla.calendar, "", &mut quiet);
    let fires_at = target_minutes(plan, rule.timeframe, &sla.calendar, "", &mut quiet);
    if fires_at < target_at {
        report.push(format!(
            "The escalation \"{}\" fires at {}, before the {} {} target is breached; Freshdesk escalates \
             only after a breach, so it is exported to fire at the breach.",
            rule.trigger,
            rule.timeframe,
            target,
            rule.metric.label()
        ));
        return 0;
    }
    60 * (fires_at - target_at)
}
