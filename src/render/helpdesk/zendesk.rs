//! Zendesk: one SLA policy per plan policy, in match order with its filter, plus the plan's
//! calendars as business-hour schedules with holidays. Shapes follow Zendesk's Support API.

use serde_json::{json, Value};

use super::not_in_file;
use super::zendesk_escalations::escalation_automations;
use super::{
    as_tag, business_calendars, business_day_notes, file_stem, map_priorities, policy_name,
    policy_order_notes, quoted_list, runs_on_business_hours, scope_channel_kinds, target_minutes,
    unpromised_note, zendesk_time_zone, HelpdeskExport, HelpdeskPriority, MappedPriority,
};
use crate::plan::{Calendar, ChannelKind, Part, Plan, SlaMetric, SlaPolicy, Weekday};
use crate::render::sla::condition_in_words;

/// The plan as Zendesk configuration, in one JSON file:
///
/// ```text
/// { "sla_policies": [ {…}, … ],                         POST /api/v2/slas/policies, one each
///   "schedules": [ { "schedule": {…},                   POST /api/v2/business_hours/schedules
///                    "holidays": [ {"holiday": {…}} ] } ],    POST …/schedules/{id}/holidays
///   "triggers": [ {…} ],                                POST /api/v2/triggers
///   "automations": [ {…} ] }                            POST /api/v2/automations
/// ```
///
/// Shapes from Zendesk's API reference, "SLA Policies"
/// (developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/): a policy has
/// `title`, `description`, `position` (the order policies are matched in) and a `filter` of
/// `all`/`any` conditions (the conditions reference: `{field, operator, value}`), and
/// `policy_metrics` of `{priority: low|normal|high|urgent, metric, target (minutes),
/// business_hours}` where metric is one of first_reply_time, next_reply_time,
/// periodic_update_time, requester_wait_time, agent_work_time, pausable_update_time. "Schedules"
/// (developer.zendesk.com/api-reference/ticketing/ticket-management/schedules/): `name`,
/// `time_zone`, `intervals` of `start_time`/`end_time` in minutes since Sunday midnight that cannot
/// span calendar days; holidays are `{name, start_date, end_date}`.
pub fn zendesk(plan: &Plan) -> HelpdeskExport {
    let mut report = Vec::new();
    let label = |p: HelpdeskPriority| format!("Zendesk priority \"{}\"", p.zendesk_name());
    let mapped = map_priorities(plan, "Zendesk", label, &mut report);
    let policies: Vec<Value> = plan
        .sla
        .iter()
        .enumerate()
        .map(|(index, policy)| sla_policy(plan, index, policy, &mapped, &mut report))
        .collect();
    policy_order_notes(plan, "Zendesk", &mut report);
    business_day_notes(plan, &mut report);
    if plan.sla.iter().any(|p| !p.targets.is_empty()) {
        report.push(
            "Resolution targets are exported as Zendesk's requester wait time, which does not count \
             time while a ticket is Pending (waiting on the customer)."
                .to_string(),
        );
    }
    let business_calendars = business_calendars(plan);
    if business_calendars.len() > 1 {
        report.push(format!(
            "The SLA targets run on {} business calendars ({}); Zendesk measures business hours on \
             each ticket's one schedule. All are exported as schedules: add a trigger that sets the \
             schedule, or make one the default.",
            business_calendars.len(),
            quoted_list(&business_calendars)
        ));
    }

    // Each schedule carries its holidays, those it shares with another calendar included.
    let schedules: Vec<Value> = plan
        .calendars
        .iter()
        .map(|c| plan.with_shared_holidays(c))
        .filter(|c| !c.is_always_open())
        .map(|calendar| schedule(&calendar, &mut report))
        .collect();

    let triggers = default_priority_triggers(plan, &mapped, &mut report);
    let mut filter_of = |policy: &SlaPolicy, report: &mut Vec<String>| {
        filter(plan, policy, &policy_name(plan, policy), report)
    };
    let automations = escalation_automations(plan, &mapped, &mut filter_of, &mut report);
    let mut body = json!({
        "sla_policies": policies,
        "schedules": schedules,
    });
    if !triggers.is_empty() {
        body["triggers"] = Value::Array(triggers);
    }
    if !automations.is_empty() {
        body["automations"] = Value::Array(automations);
    }
    let mut partly = vec![(
        Part::Channels,
        "only the channels' default priorities, as triggers; who may use each channel, its hours and on-call cover are not in it",
    )];
    if !plan.escalation.handoff_protocol.is_empty() {
        partly.push((Part::Escalation, "the handoff protocol is not in it"));
    }
    report.extend(not_in_file(
        plan,
        &[
            Part::Calendars,
            Part::Priorities,
            Part::Sla,
            Part::Escalation,
            Part::Helpdesk,
        ],
        &partly,
    ));
    HelpdeskExport {
        file_name: format!("{}-zendesk.json", file_stem(&plan.header.product)),
        mime: "application/json",
        body: pretty(&body),
        report,
    }
}

/// One plan policy as a Zendesk SLA policy: its filter, position and promised targets.
fn sla_policy(
    plan: &Plan,
    index: usize,
    policy: &SlaPolicy,
    mapped: &[MappedPriority],
    report: &mut Vec<String>,
) -> Value {
    let title = policy_name(plan, policy);
    let mut metrics = Vec::new();
    for entry in mapped {
        let Some(row) = policy.target_for(entry.priority) else {
            report.push(format!(
                "\"{title}\" has no targets for \"{}\", so its {} tickets get none.",
                entry.priority,
                entry.helpdesk.zendesk_name()
            ));
            continue;
        };
        for metric in SlaMetric::ALL {
            let target = row.metric(metric);
            let what = format!(
                "The {} target of \"{}\" in \"{title}\"",
                metric.label(),
                entry.priority
            );
            report.extend(unpromised_note(target, &what));
            let Some(minutes) = target_minutes(plan, target, &what, report) else {
                continue;
            };
            metrics.push(json!({
                "priority": entry.helpdesk.zendesk_name(),
                "metric": zendesk_metric(metric),
                "target": minutes,
                "business_hours": runs_on_business_hours(plan, &target.calendar),
            }));
        }
        if let Some(warn) = row.warn_before {
            report.push(format!(
                "\"{}\" in \"{title}\" warns {warn} before a breach; Zendesk SLA policies have no \
                 warning time. Use a view or automation on \"Hours until next SLA breach\" instead.",
                entry.priority
            ));
        }
    }
    let description = if policy.description.trim().is_empty() {
        format!(
            "From the Support Operations Plan for {}: SLA targets by priority.",
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
        "title": title,
        "description": description,
        "position": index + 1,
        "filter": filter(plan, policy, &title, report),
        "policy_metrics": metrics,
    })
}

/// A channel's default priority as a Zendesk trigger (`POST /api/v2/triggers`): on ticket
/// creation from that channel, set the priority. Trigger conditions use the same `{field,
/// operator, value}` shape as SLA filters; actions are `{field, value}`.
fn default_priority_triggers(
    plan: &Plan,
    mapped: &[MappedPriority],
    report: &mut Vec<String>,
) -> Vec<Value> {
    let mut triggers = Vec::new();
    for channel in plan
        .channels
        .iter()
        .filter(|c| !c.default_priority.is_empty())
    {
        let Some(entry) = mapped
            .iter()
            .find(|m| m.priority == channel.default_priority)
        else {
            report.push(format!(
                "Channel \"{}\" defaults to \"{}\", which has no Zendesk priority; no trigger is exported for it.",
                channel.name, channel.default_priority
            ));
            continue;
        };
        let Some(via) = via_id(channel.kind) else {
            report.push(format!(
                "Channel \"{}\" ({}) defaults to \"{}\", but has no Zendesk channel this export knows; \
                 add a trigger for it in Zendesk.",
                channel.name,
                channel.kind.label(),
                channel.default_priority
            ));
            continue;
        };
        triggers.push(json!({
            "title": format!("{} tickets default to {}", channel.name.trim(), channel.default_priority.trim()),
            "conditions": {
                "all": [
                    {"field": "update_type", "operator": "is", "value": "Create"},
                    {"field": "via_id", "operator": "is", "value": via},
                ],
                "any": [],
            },
            "actions": [{"field": "priority", "value": entry.helpdesk.zendesk_name()}],
        }));
    }
    triggers
}

/// The Zendesk name of an SLA metric.
fn zendesk_metric(metric: SlaMetric) -> &'static str {
    match metric {
        SlaMetric::FirstResponse => "first_reply_time",
        SlaMetric::NextResponse => "next_reply_time",
        SlaMetric::PeriodicUpdate => "periodic_update_time",
        SlaMetric::Resolution => "requester_wait_time",
    }
}

/// Zendesk's via id for tickets from a channel of this kind, if it has one. The conditions
/// reference (developer.zendesk.com/documentation/ticketing/reference-guides/conditions-reference/)
/// gives `via_id` conditions, in SLA filters and triggers alike, the numeric id of the channel;
/// the ids are those of the via types reference: 4 mail, 29 chat, 34 inbound phone call (33,
/// voicemail, is another), 0 web form.
pub(crate) fn via_id(kind: ChannelKind) -> Option<u64> {
    match kind {
        ChannelKind::Email => Some(4),
        ChannelKind::Chat => Some(29),
        ChannelKind::Phone => Some(34),
        ChannelKind::Portal => Some(0),
        ChannelKind::Community | ChannelKind::Social | ChannelKind::Other => None,
    }
}

/// Whom a policy covers, as a Zendesk filter: each list of the plan's scope is one condition,
/// all of which must hold; a list of several entries needs Zendesk's one `any` list, so only
/// one such list fits (the rest is reported).
fn filter(plan: &Plan, policy: &SlaPolicy, title: &str, report: &mut Vec<String>) -> Value {
    let scope = &policy.applies_to;
    // Each list of the scope as the conditions of which one must hold.
    let mut groups: Vec<(&str, Vec<Value>)> = Vec::new();
    let segments: Vec<String> = scope
        .segments
        .iter()
        .filter(|s| !s.trim().is_empty())
        .map(|s| as_tag(s))
        .collect();
    for (segment, tag) in scope.segments.iter().zip(&segments) {
        if segment.trim() != tag {
            report.push(format!(
                "The segment \"{}\" of \"{title}\" is exported as the Zendesk tag \"{tag}\" (tags are \
                 lower case without spaces).",
                segment.trim()
            ));
        }
    }
    if !segments.is_empty() {
        // `includes` matches a ticket carrying at least one of the space-separated tags.
        groups.push((
            "segments",
            vec![json!({"field": "current_tags", "operator": "includes", "value": segments.join(" ")})],
        ));
    }
    let organizations: Vec<&str> = scope
        .organizations
        .iter()
        .map(|o| o.trim())
        .filter(|o| !o.is_empty())
        .collect();
    if !organizations.is_empty() {
        report.push(format!(
            "\"{title}\" applies to the organisations {}; Zendesk filters on organisation ids: replace \
             each name in the filter with its id (Admin Center → Organizations).",
            quoted_list(&organizations)
        ));
        groups.push((
            "organisations",
            organizations
                .iter()
                .map(|name| json!({"field": "organization_id", "operator": "is", "value": name}))
                .collect(),
        ));
    }
    let mut vias = Vec::new();
    for (name, kind) in scope_channel_kinds(plan, scope) {
        match via_id(kind) {
            Some(via) => vias.push(json!({"field": "via_id", "operator": "is", "value": via})),
            None => report.push(format!(
                "\"{title}\" applies to the channel \"{name}\" ({}), which has no Zendesk channel this \
                 export knows; add its condition in Zendesk.",
                kind.label()
            )),
        }
    }
    if !vias.is_empty() {
        groups.push(("channels", vias));
    }
    let mut all = Vec::new();
    let mut any = Vec::new();
    for (what, conditions) in groups {
        if conditions.len() == 1 {
            all.extend(conditions);
        } else if any.is_empty() {
            any = conditions;
        } else {
            report.push(format!(
                "\"{title}\" needs \"one of\" conditions for its {what} as well as for another list, and a \
                 Zendesk filter has one \"any\" list: its {what} are left out; add a second policy per \
                 {what} or a tag set by a trigger."
            ));
        }
    }
    for kept in &scope.helpdesk_conditions {
        match serde_json::from_str::<Value>(&kept.condition) {
            Ok(condition) if kept.helpdesk == "Zendesk" => match kept.within.as_str() {
                "any" => any.push(condition),
                _ => all.push(condition),
            },
            _ => report.push(format!(
                "\"{title}\" keeps the {}, which Zendesk cannot take; add its equivalent in Zendesk.",
                condition_in_words(kept)
            )),
        }
    }
    json!({ "all": all, "any": any })
}

/// One calendar as a Zendesk schedule with its holidays.
fn schedule(calendar: &Calendar, report: &mut Vec<String>) -> Value {
    let time_zone = match zendesk_time_zone(&calendar.time_zone) {
        Some(name) => name.to_string(),
        None => {
            report.push(format!(
                "The time zone \"{}\" of calendar \"{}\" has no Zendesk name this export knows; it is \
                 written as is. Pick the matching zone in Zendesk (Admin Center → Schedules).",
                calendar.time_zone, calendar.name
            ));
            calendar.time_zone.clone()
        }
    };
    let holidays: Vec<Value> = calendar
        .holidays
        .iter()
        .map(|holiday| {
            if holiday.yearly {
                report.push(format!(
                    "Holiday \"{}\" of \"{}\" comes back every year; Zendesk holidays are single dates, \
                     so it is exported for {} only. Add the later years in Zendesk.",
                    holiday.name, calendar.name, holiday.date
                ));
            }
            json!({ "holiday": {
                "name": holiday.name,
                "start_date": holiday.date.to_string(),
                "end_date": holiday.date.to_string(),
            }})
        })
        .collect();
    json!({
        "schedule": {
            "name": calendar.name,
            "time_zone": time_zone,
            "intervals": intervals(calendar),
        },
        "holidays": holidays,
    })
}

/// Zendesk intervals: minutes since Sunday 00:00, split at midnight, in week order.
pub(crate) fn intervals(calendar: &Calendar) -> Vec<Value> {
    const DAY: u32 = 24 * 60;
    // Zendesk's week starts on Sunday; the plan's Weekday index starts on Monday.
    let day_start = |day: Weekday| ((day.index() as u32 + 1) % 7) * DAY;
    let mut spans: Vec<(u32, u32)> = Vec::new();
    for interval in &calendar.intervals {
        let start = interval.start.minute_of_day();
        let end = interval.end.minute_of_day();
        if interval.crosses_midnight() {
            spans.push((
                day_start(interval.day) + start,
                day_start(interval.day) + DAY,
            ));
            let next = day_start(interval.day.next());
            if end > 0 {
                spans.push((next, next + end));
            }
        } else if end > start {
            spans.push((
                day_start(interval.day) + start,
                day_start(interval.day) + end,
            ));
        }
    }
    spans.sort_unstable();
    spans
        .into_iter()
        .map(|(start, end)| json!({ "start_time": start, "end_time": end }))
        .collect()
}

pub(crate) fn pretty(value: &Value) -> String {
    let mut text = serde_json::to_string_pretty(value).unwrap_or_default();
    text.push('\n');
    text
}
