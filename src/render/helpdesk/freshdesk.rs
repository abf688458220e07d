//! Freshdesk: one SLA policy per plan policy, with whom it applies to, targets per priority (in
//! seconds) and the escalation ladder. Field names from Freshdesk's API v2 "SLA Policies".

use serde_json::{json, Map, Value};

use super::zendesk::pretty;
use super::{
    business_calendars, business_day_notes, file_stem, map_priorities, not_in_file, policy_name,
    policy_order_notes, quoted_list, runs_on_business_hours, scope_channel_kinds, target_minutes,
    unpromised_note, HelpdeskExport, HelpdeskPriority, MappedPriority,
};
use crate::plan::{
    ChannelKind, EscalationRule, EscalationStart, Part, Plan, SlaMetric, SlaPolicy, SlaTarget,
};

/// Freshdesk allows one escalation when a first response is late and up to four when resolution is.
const RESOLUTION_LEVELS: usize = 4;

/// What the export puts where Freshdesk needs a time the plan does not promise: 30 days.
const UNPROMISED_SECONDS: u64 = 30 * 24 * 3600;

/// The plan as Freshdesk SLA policies: `{"sla_policies": [...]}`, each the body of one
/// `POST /api/v2/sla_policies`, in the plan's match order.
///
/// Shape from Freshdesk's API v2 reference, "SLA Policies": `name`, `description`, `position`,
/// `sla_target` keyed `priority_1` (Low) … `priority_4` (Urgent), each `{respond_within,
/// resolve_within}` in seconds with `business_hours` and `escalation_enabled`; `applicable_to`
/// (company_ids, group_ids, sources, ticket_types, product_ids, contact_segments,
/// company_segments); `escalation` with one `response` level and `resolution` levels `level_1` …
/// `level_4`, each `{escalation_time (seconds after the breach), agent_ids}`. Ticket sources:
/// 1 email, 2 portal, 3 phone, 7 chat.
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
    let policies: Vec<Value> = plan
        .sla
        .iter()
        .enumerate()
        .map(|(index, policy)| sla_policy(plan, index, policy, &mapped, &mut report))
        .collect();
    policy_order_notes(plan, "Freshdesk", &mut report);
    business_day_notes(plan, &mut report);
    let business_calendars = business_calendars(plan);
    if !business_calendars.is_empty() {
        report.push(format!(
            "Freshdesk counts business hours on the hours of each ticket's group; create {} in Admin → \
             Business Hours and assign them to the groups.",
            quoted_list(&business_calendars)
        ));
    }
    for channel in plan
        .channels
        .iter()
        .filter(|c| !c.default_priority.is_empty())
    {
        let freshdesk = mapped
            .iter()
            .find(|m| m.priority == channel.default_priority)
            .map_or("no Freshdesk priority".to_string(), |m| label(m.helpdesk));
        report.push(format!(
            "Channel \"{}\" defaults to \"{}\" ({freshdesk}): set it with a ticket-creation \
             automation rule in Freshdesk (Admin → Automations), as SLA policies do not set priorities.",
            channel.name, channel.default_priority
        ));
    }
    let body = json!({ "sla_policies": policies });
    let mut partly = vec![(
        Part::Escalation,
        "only the escalation ladder each SLA policy holds; the handoff protocol is not in it",
    )];
    if !plan.channels.is_empty() {
        partly.push((
            Part::Channels,
            "only as the ticket sources SLA policies apply to; default priorities, who may use each channel, its hours and on-call cover are not in it",
        ));
    }
    report.extend(not_in_file(
        plan,
        &[Part::Priorities, Part::Sla, Part::Helpdesk],
        &partly,
    ));
    HelpdeskExport {
        file_name: format!("{}-freshdesk-sla.json", file_stem(&plan.header.product)),
        mime: "application/json",
        body: pretty(&body),
        report,
    }
}

/// One plan policy as a Freshdesk SLA policy.
fn sla_policy(
    plan: &Plan,
    index: usize,
    policy: &SlaPolicy,
    mapped: &[MappedPriority],
    report: &mut Vec<String>,
) -> Value {
    let title = policy_name(plan, policy);
    let escalation = Ladder::build(plan, policy, &title, mapped, report);
    let mut sla_target = Map::new();
    for entry in mapped {
        let Some(row) = policy.target_for(entry.priority) else {
            report.push(format!(
                "\"{title}\" has no targets for \"{}\", so Freshdesk priority_{} gets none.",
                entry.priority,
                entry.helpdesk.freshdesk_number()
            ));
            continue;
        };
        sla_target.insert(
            format!("priority_{}", entry.helpdesk.freshdesk_number()),
            priority_target(plan, &title, entry, row, &escalation, report),
        );
    }
    let description = if policy.description.trim().is_empty() {
        format!(
            "From the Support Operations Plan for {}.",
            if plan.header.product.trim().is_empty() {
                "this product"
            } else {
                plan.header.product.trim()
            }
        )
    } else {
        policy.description.trim().to_string()
    };
    json!({
        "name": title,
        "description": description,
        "active": true,
        "position": index + 1,
        "sla_target": sla_target,
        "applicable_to": applicable_to(plan, policy, &title, report),
        "escalation": escalation.to_json(),
    })
}

/// One priority's `sla_target`: Freshdesk needs a response and a resolution time for every
/// priority and has one business-hours switch for both.
fn priority_target(
    plan: &Plan,
    title: &str,
    entry: &MappedPriority,
    row: &SlaTarget,
    escalation: &Ladder,
    report: &mut Vec<String>,
) -> Value {
    let mut seconds = |metric: SlaMetric| {
        let target = row.metric(metric);
        let what = format!(
            "The {} target of \"{}\" in \"{title}\"",
            metric.label(),
            entry.priority
        );
        report.extend(unpromised_note(target, &what));
        match target_minutes(plan, target, &what, report) {
            Some(minutes) => 60 * minutes,
            None => {
                report.push(format!(
                    "Freshdesk needs a {} time for every priority; \"{}\" in \"{title}\" promises none, so \
                     the export sets 30 days. Change it in Freshdesk if you prefer another.",
                    metric.label(),
                    entry.priority
                ));
                UNPROMISED_SECONDS
            }
        }
    };
    let respond_within = seconds(SlaMetric::FirstResponse);
    let resolve_within = seconds(SlaMetric::Resolution);
    for (metric, wording) in [
        (SlaMetric::NextResponse, "a next response"),
        (SlaMetric::PeriodicUpdate, "periodic updates"),
    ] {
        if let Some(within) = row.metric(metric).within() {
            report.push(format!(
                "\"{}\" in \"{title}\" promises {wording} within {within}; this Freshdesk export holds \
                 only first response and resolution. Set \"every response\" targets in Admin → SLA \
                 Policies (higher Freshdesk plans).",
                entry.priority
            ));
        }
    }
    if let Some(warn) = row.warn_before {
        report.push(format!(
            "\"{}\" in \"{title}\" warns {warn} before a breach; set it as an SLA reminder in Freshdesk.",
            entry.priority
        ));
    }
    let first_business = row
        .first_response
        .within()
        .map(|_| runs_on_business_hours(plan, &row.first_response.calendar));
    let resolution_business = row
        .resolution
        .within()
        .map(|_| runs_on_business_hours(plan, &row.resolution.calendar));
    let business_hours = match (first_business, resolution_business) {
        (Some(first), Some(resolution)) if first != resolution => {
            report.push(format!(
                "\"{}\" in \"{title}\" runs first response on {} and resolution on {}; Freshdesk has one \
                 business-hours switch per priority, so both are exported on the first response's clock.",
                entry.priority,
                if first { "business hours" } else { "calendar hours" },
                if resolution { "business hours" } else { "calendar hours" },
            ));
            first
        }
        (Some(first), _) => first,
        (None, Some(resolution)) => resolution,
        (None, None) => false,
    };
    json!({
        "respond_within": respond_within,
        "resolve_within": resolve_within,
        "business_hours": business_hours,
        "escalation_enabled": escalation.priorities.contains(&entry.helpdesk),
    })
}

/// Freshdesk's ticket source number for a channel of this kind, if it has one.
pub(crate) fn source(kind: ChannelKind) -> Option<u8> {
    match kind {
        ChannelKind::Email => Some(1),
        ChannelKind::Portal => Some(2),
        ChannelKind::Phone => Some(3),
        ChannelKind::Chat => Some(7),
        ChannelKind::Community | ChannelKind::Social | ChannelKind::Other => None,
    }
}

/// Whom a policy covers, as Freshdesk's `applicable_to`. Channels become ticket sources; companies
/// are written as the ids the import keeps; segments need Freshdesk's ids, which the plan does not
/// know: the report names them. Freshdesk conditions the policy keeps are written back.
fn applicable_to(plan: &Plan, policy: &SlaPolicy, title: &str, report: &mut Vec<String>) -> Value {
    let scope = &policy.applies_to;
    let mut applicable = Map::new();
    if scope.is_everyone() {
        report.push(format!(
            "\"{title}\" applies to everyone: copy its targets into Freshdesk's Default SLA policy, \
             which covers every ticket no other policy takes (a new policy must say whom it covers)."
        ));
        return Value::Object(applicable);
    }
    let names = |list: &[String]| -> Vec<String> {
        list.iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    let segments = names(&scope.segments);
    if !segments.is_empty() {
        let quoted: Vec<&str> = segments.iter().map(String::as_str).collect();
        report.push(format!(
            "\"{title}\" applies to the segments {}; in Freshdesk put the ids of those contact or \
             company segments in applicable_to.contact_segments or company_segments.",
            quoted_list(&quoted)
        ));
        applicable.insert("company_segments".into(), json!([]));
    }
    let companies = names(&scope.organizations);
    if !companies.is_empty() {
        applicable.insert("company_ids".into(), company_ids(&companies, title, report));
    }
    let mut sources: Vec<u8> = Vec::new();
    for (name, kind) in scope_channel_kinds(plan, scope) {
        match source(kind) {
            Some(number) if !sources.contains(&number) => sources.push(number),
            Some(_) => {}
            None => report.push(format!(
                "\"{title}\" applies to the channel \"{name}\" ({}), which is not a Freshdesk ticket \
                 source this export knows; add it in Freshdesk.",
                kind.label()
            )),
        }
    }
    if !sources.is_empty() {
        applicable.insert("sources".into(), json!(sources));
    }
    write_back_kept(scope, title, &mut applicable, report);
    Value::Object(applicable)
}

/// The companies a policy is for as Freshdesk's `company_ids`: an organisation that is an id (as
/// the import keeps them) is written as that id; a name is written as it is, for the admin to
/// replace with its id (reported).
fn company_ids(companies: &[String], title: &str, report: &mut Vec<String>) -> Value {
    let names: Vec<&str> = companies
        .iter()
        .map(String::as_str)
        .filter(|c| c.parse::<u64>().is_err())
        .collect();
    if !names.is_empty() {
        report.push(format!(
            "\"{title}\" applies to the companies {}; replace each name in \
             applicable_to.company_ids with its Freshdesk id.",
            quoted_list(&names)
        ));
    }
    companies
        .iter()
        .map(|c| c.parse::<u64>().map_or_else(|_| json!(c), |id| json!(id)))
        .collect()
}

/// The Freshdesk conditions a policy keeps, written back where they were (a list joins the
/// entries already there); another helpdesk's conditions are reported.
fn write_back_kept(
    scope: &crate::plan::PolicyScope,
    title: &str,
    applicable: &mut Map<String, Value>,
    report: &mut Vec<String>,
) {
    for kept in &scope.helpdesk_conditions {
        let value = serde_json::from_str::<Value>(&kept.condition);
        match (kept.helpdesk.as_str(), value) {
            ("Freshdesk", Ok(Value::Array(entries))) => {
                match applicable.entry(kept.within.clone()).or_insert(json!([])) {
                    Value::Array(known) => known.extend(entries),
                    other => *other = Value::Array(entries),
                }
            }
            ("Freshdesk", Ok(value)) => {
                applicable.insert(kept.within.clone(), value);
            }
            _ => report.push(format!(
                "\"{title}\" keeps the {}, which Freshdesk cannot take; add its equivalent in \
                 Freshdesk.",
                crate::render::sla::condition_in_words(kept)
            )),
        }
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
    fn build(
        plan: &Plan,
        policy: &SlaPolicy,
        title: &str,
        mapped: &[MappedPriority],
        report: &mut Vec<String>,
    ) -> Ladder {
        let mut ladder = Ladder {
            response: None,
            resolution: Vec::new(),
            priorities: Vec::new(),
        };
        let mut response_rules: Vec<&str> = Vec::new();
        let mut resolution_priorities: Vec<&str> = Vec::new();
        let mut roles: Vec<&str> = Vec::new();
        let rules = plan
            .escalation
            .rules
            .iter()
            .filter(|rule| rule.policy.as_ref().is_none_or(|name| *name == policy.name));
        for rule in rules {
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
            if !matches!(
                rule.metric,
                SlaMetric::FirstResponse | SlaMetric::Resolution
            ) {
                report.push(format!(
                    "The escalation \"{}\" guards the {}; Freshdesk escalates only late first \
                     responses and late resolutions, so it is left out of \"{title}\".",
                    rule.trigger,
                    rule.metric.label()
                ));
                continue;
            }
            let Some(delay) = after_breach_seconds(plan, policy, title, rule, applies[0], report)
            else {
                continue;
            };
            for entry in &applies {
                if !ladder.priorities.contains(&entry.helpdesk) {
                    ladder.priorities.push(entry.helpdesk);
                }
            }
            if !roles.contains(&rule.escalate_to.as_str()) {
                roles.push(&rule.escalate_to);
            }
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

/// Freshdesk escalates a set time after the target is breached. An escalation the plan measures
/// from the breach keeps its time; one measured from creation fires after the breach by the
/// difference, or at the breach when it was meant to fire before (reported). `None` when the
/// policy promises no time for the guarded metric.
fn after_breach_seconds(
    plan: &Plan,
    policy: &SlaPolicy,
    title: &str,
    rule: &EscalationRule,
    entry: &MappedPriority,
    report: &mut Vec<String>,
) -> Option<u64> {
    let row = policy.target_for(entry.priority)?;
    let target = row.metric(rule.metric);
    // The targets' own approximations are already in the report; don't repeat them here.
    let mut quiet = Vec::new();
    let Some(target_at) = target_minutes(plan, target, "", &mut quiet) else {
        report.push(format!(
            "The escalation \"{}\" guards the {} of \"{}\", which \"{title}\" does not time, so it is \
             left out of that policy.",
            rule.trigger,
            rule.metric.label(),
            entry.priority
        ));
        return None;
    };
    let timeframe = crate::plan::MetricTarget::new(
        crate::plan::Target::Within(rule.timeframe),
        &target.calendar,
    );
    let fires_after = target_minutes(plan, &timeframe, "", &mut quiet).unwrap_or(0);
    if rule.measured_from == EscalationStart::Breach {
        return Some(60 * fires_after);
    }
    if fires_after < target_at {
        report.push(format!(
            "The escalation \"{}\" fires at {}, before the {} {} target of \"{title}\" is breached; \
             Freshdesk escalates only after a breach, so it is exported to fire at the breach.",
            rule.trigger,
            rule.timeframe,
            target.target,
            rule.metric.label()
        ));
        return Some(0);
    }
    Some(60 * (fires_after - target_at))
}
