//! Freshdesk's configuration read into a plan: SLA policies with `applicable_to`, targets per
//! priority in seconds and the escalation ladder; business hours as calendars; groups as tiers.
//!
//! Shapes from Freshdesk's API v2 reference: "SLA Policies" (`GET /api/v2/sla_policies`, a list
//! of `{name, description, active, is_default, position, sla_target: {priority_1 … priority_4:
//! {respond_within, resolve_within (seconds), business_hours, escalation_enabled}}, applicable_to:
//! {company_ids, group_ids, sources, ticket_types, product_ids, contact_segments,
//! company_segments}, escalation: {response, resolution: {level_1 …}}}`), "Business Hours"
//! (`GET /api/v2/business_hours`: `{id, name, time_zone, is_default, business_hours: {monday:
//! {start_time: "08:00:00 am", end_time: "05:00:00 pm"}, …}}`) and "Groups" (`{id, name,
//! description, business_hour_id, escalate_to, unassigned_for}`). Freshdesk's reference lists no
//! holidays; a calendar that carries Freshworks' `list_of_holidays` (`{holiday_date: "--12-25",
//! holiday_name}`, yearly, as Freshservice returns it) gets them.

use serde_json::Value;

use super::{
    at, calendar_zone, field_or_empty, field_text, flag_is, group_name, id_text, items_of,
    priority_names, readable_duration, whole_number, Assembly, Content, Found, Helpdesk, Report,
};
use crate::plan::{
    Calendar, ChannelKind, ClockTime, Date, Duration, EscalationPath, EscalationRule,
    EscalationStart, HelpdeskCondition, Holiday, MetricTarget, PolicyScope, SlaMetric, SlaPolicy,
    SlaTarget, Target, Tier, Weekday, WeeklyInterval, ALWAYS_OPEN,
};
use crate::render::helpdesk::freshdesk_source;

/// What this app's export writes where Freshdesk needs a time a plan does not promise: 30 days.
const UNPROMISED_SECONDS: u64 = 30 * 24 * 3600;

/// The weekday keys of Freshdesk's `business_hours`.
const DAYS: [(&str, Weekday); 7] = [
    ("monday", Weekday::Mon),
    ("tuesday", Weekday::Tue),
    ("wednesday", Weekday::Wed),
    ("thursday", Weekday::Thu),
    ("friday", Weekday::Fri),
    ("saturday", Weekday::Sat),
    ("sunday", Weekday::Sun),
];

pub(super) fn assemble(found: &[Found], report: &mut Report) -> Assembly {
    let mut assembly = Assembly::default();
    let lists = |content: Content| found.iter().filter(move |list| list.content == content);
    // Business-hours ids, for the groups that point at them.
    let mut ids: Vec<(String, String)> = Vec::new();
    for list in lists(Content::BusinessHours) {
        for (path, item) in &list.items {
            if let Some((id, name, default)) =
                business_hours(list.file, path, item, &mut assembly, report)
            {
                if default || assembly.default_calendar.is_none() {
                    assembly.default_calendar = Some(name.clone());
                }
                ids.extend(id.map(|id| (id, name)));
            }
        }
    }
    for list in lists(Content::Groups) {
        for (path, item) in &list.items {
            group(list.file, path, item, &ids, &mut assembly, report);
        }
    }
    // Freshdesk matches policies by `position` and its default policy last, whatever its position.
    let mut policies = items_of(found, Content::SlaPolicies);
    policies.sort_by_key(|(_, _, item)| {
        let default = flag_is(item, "is_default", true);
        (
            default,
            item.get("position")
                .and_then(whole_number)
                .unwrap_or(u64::MAX),
        )
    });
    for (file, path, item) in policies {
        policy(file, path, item, &mut assembly, report);
    }
    assembly
}

/// One business-hours calendar; returns its id, its name in the plan and whether it is the default.
fn business_hours(
    file: &str,
    path: &str,
    item: &Value,
    assembly: &mut Assembly,
    report: &mut Report,
) -> Option<(Option<String>, String, bool)> {
    if !item.is_object() {
        report.note(
            file,
            path,
            "This is not a business-hours calendar; it is not imported.",
        );
        return None;
    }
    let written = field_text(item, "name").unwrap_or("Business hours");
    let name = assembly.calendar_names.take(written);
    if name != written {
        report.note(
            file,
            at(path, "name"),
            format!("A second business-hours calendar is called \"{written}\"; it is imported as \"{name}\"."),
        );
    }
    let time_zone = match item.get("time_zone").and_then(Value::as_str) {
        Some(zone) => calendar_zone(zone, file, &at(path, "time_zone"), report),
        None => {
            report.note(
                file,
                at(path, "time_zone"),
                format!("\"{name}\" has no time zone; it is read as UTC."),
            );
            "UTC".to_string()
        }
    };
    let mut intervals = Vec::new();
    match item.get("business_hours") {
        Some(Value::Object(days)) => {
            for (key, hours) in days {
                let here = at(path, &format!("business_hours.{key}"));
                let Some((_, day)) = DAYS.iter().find(|(name, _)| name == key) else {
                    report.note(file, here, format!("\"{key}\" is not a day of the week; it is left out."));
                    continue;
                };
                let time = |k: &str| hours.get(k).and_then(Value::as_str).and_then(clock_time);
                match (time("start_time"), time("end_time")) {
                    (Some(start), Some(end)) if start < end => {
                        intervals.push(WeeklyInterval::new(*day, start, end))
                    }
                    _ => report.note(
                        file,
                        here,
                        "These hours are not a start and an end time of day (like \"08:00:00 am\" \
                         and \"05:00:00 pm\") with the end after the start; the day is left closed.",
                    ),
                }
            }
            intervals.sort_by_key(|i| (i.day, i.start));
        }
        _ => report.note(
            file,
            at(path, "business_hours"),
            format!("\"{name}\" lists no opening hours, so the calendar is never open. Add its hours in the plan."),
        ),
    }
    let mut holidays = Vec::new();
    if let Some(Value::Array(list)) = item.get("list_of_holidays") {
        for (n, entry) in list.iter().enumerate() {
            let here = at(path, &format!("list_of_holidays[{n}]"));
            let holiday_name = entry
                .get("holiday_name")
                .and_then(Value::as_str)
                .unwrap_or("Holiday")
                .trim()
                .to_string();
            match entry.get("holiday_date").and_then(Value::as_str).and_then(yearly_date) {
                Some(date) => holidays.push(Holiday {
                    name: holiday_name,
                    date,
                    yearly: true,
                }),
                None => report.note(
                    file,
                    at(&here, "holiday_date"),
                    format!("The date of \"{holiday_name}\" is not a month and day (--MM-DD); it is left out."),
                ),
            }
        }
    }
    assembly.calendars.push(Calendar {
        name: name.clone(),
        time_zone,
        intervals,
        holidays,
        holidays_from: String::new(),
    });
    let default = flag_is(item, "is_default", true);
    Some((item.get("id").and_then(id_text), name, default))
}

/// Freshdesk's 12-hour times: "08:00:00 am", "5:00 pm"; "11:59:59 pm" is the end of the day.
fn clock_time(text: &str) -> Option<ClockTime> {
    let text = text.trim().to_ascii_lowercase();
    let (time, half) = match text.rsplit_once(' ') {
        Some((time, half @ ("am" | "pm"))) => (time.to_string(), Some(half == "pm")),
        _ => (text.clone(), None),
    };
    let mut parts = time.split(':').map(|p| p.trim().parse::<u32>().ok());
    let hour = parts.next()??;
    let minute = parts.next().flatten().unwrap_or(0);
    let second = parts.next().flatten().unwrap_or(0);
    let hour = match half {
        Some(pm) if (1..=12).contains(&hour) => hour % 12 + if pm { 12 } else { 0 },
        Some(_) => return None,
        None => hour,
    };
    if (hour, minute, second) == (23, 59, 59) {
        return Some(ClockTime::END_OF_DAY);
    }
    ClockTime::new(hour, minute)
}

/// A yearly holiday's date: "--12-25" (ISO 8601 without a year), on a leap year so 29 February
/// exists.
fn yearly_date(text: &str) -> Option<Date> {
    let rest = text.trim().strip_prefix("--")?;
    let (month, day) = rest.split_once('-')?;
    Date::new(2028, month.parse().ok()?, day.parse().ok()?)
}

/// A group as a tier, on its own business hours when it names them.
fn group(
    file: &str,
    path: &str,
    item: &Value,
    ids: &[(String, String)],
    assembly: &mut Assembly,
    report: &mut Report,
) {
    let Some(name) = group_name(file, path, item, report) else {
        return;
    };
    let own_hours = item.get("business_hour_id").and_then(id_text);
    let hours = match own_hours.as_deref() {
        Some(id) => match ids.iter().find(|(known, _)| known == id) {
            Some((_, calendar)) => calendar.clone(),
            None => {
                report.note(
                    file,
                    at(path, "business_hour_id"),
                    format!("Group \"{name}\" works the business hours {id}, which were not imported; it is put on the default calendar."),
                );
                default_hours(assembly)
            }
        },
        None => default_hours(assembly),
    };
    if let Some(after) = item.get("unassigned_for").and_then(Value::as_str) {
        let to = item
            .get("escalate_to")
            .and_then(id_text)
            .unwrap_or_else(|| "nobody".into());
        report.note(
            file,
            at(path, "unassigned_for"),
            format!(
                "Group \"{name}\" escalates tickets left unassigned for {after} to agent {to}; a \
                 plan's escalations guard SLA targets, so this one is not imported. Add it to the \
                 escalation matrix if you keep it."
            ),
        );
    }
    assembly.tiers.push(Tier {
        name: name.to_string(),
        handles: field_or_empty(item, "description"),
        response: Duration::ZERO,
        hours,
    });
}

fn default_hours(assembly: &Assembly) -> String {
    assembly
        .default_calendar
        .clone()
        .unwrap_or_else(|| ALWAYS_OPEN.to_string())
}

/// One SLA policy: targets, whom it applies to, and its escalations.
fn policy(file: &str, path: &str, item: &Value, assembly: &mut Assembly, report: &mut Report) {
    if !item.is_object() {
        report.note(file, path, "This is not an SLA policy; it is not imported.");
        return;
    }
    let name = match field_text(item, "name") {
        Some(name) => name.to_string(),
        _ => format!("Policy {}", assembly.sla.len() + 1),
    };
    if flag_is(item, "active", false) {
        report.note(
            file,
            at(path, "active"),
            format!("\"{name}\" is switched off in Freshdesk, so no ticket gets it today; it is not imported."),
        );
        return;
    }
    let is_default = flag_is(item, "is_default", true);
    let mut applies_to = applicable_to(
        file,
        &at(path, "applicable_to"),
        item,
        &name,
        assembly,
        report,
    );
    if is_default && !applies_to.is_everyone() {
        report.note(
            file,
            at(path, "applicable_to"),
            format!("\"{name}\" is Freshdesk's default policy, which covers every ticket no other policy takes; its conditions are dropped."),
        );
        applies_to = PolicyScope::default();
    }
    let (targets, escalated) =
        sla_target(file, &at(path, "sla_target"), item, &name, assembly, report);
    let rules = escalation(
        file,
        &at(path, "escalation"),
        item,
        &name,
        &escalated,
        report,
    );
    assembly.escalation.extend(rules);
    assembly.sla.push(SlaPolicy {
        name,
        description: field_or_empty(item, "description"),
        applies_to,
        targets,
    });
}

/// `sla_target`: `priority_4` (Urgent) … `priority_1` (Low) as rows, most urgent first; also the
/// priorities with escalation switched on.
fn sla_target(
    file: &str,
    path: &str,
    item: &Value,
    policy: &str,
    assembly: &Assembly,
    report: &mut Report,
) -> (Vec<SlaTarget>, Vec<String>) {
    let names = priority_names(Helpdesk::Freshdesk);
    let mut rows = Vec::new();
    let mut escalated = Vec::new();
    let Some(targets) = item.get("sla_target").and_then(Value::as_object) else {
        report.note(file, path, format!("\"{policy}\" has no targets."));
        return (rows, escalated);
    };
    for key in targets.keys() {
        if !matches!(
            key.as_str(),
            "priority_1" | "priority_2" | "priority_3" | "priority_4"
        ) {
            report.note(
                file,
                at(path, key),
                format!("\"{key}\" is not one of Freshdesk's priorities (priority_1 to priority_4); it is left out."),
            );
        }
    }
    for (rank, number) in (1..=4).rev().enumerate() {
        let key = format!("priority_{number}");
        let Some(target) = targets.get(&key) else {
            continue;
        };
        let here = at(path, &key);
        let priority = names[rank];
        let business = target
            .get("business_hours")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let calendar = if business {
            assembly.business_calendar()
        } else {
            ALWAYS_OPEN.to_string()
        };
        let mut row = SlaTarget {
            priority: priority.to_string(),
            ..SlaTarget::default()
        };
        for (field, metric) in [
            ("respond_within", SlaMetric::FirstResponse),
            ("resolve_within", SlaMetric::Resolution),
        ] {
            let Some(seconds) = target.get(field).and_then(whole_number) else {
                report.note(
                    file,
                    at(&here, field),
                    format!("The {priority} {} target of \"{policy}\" has no number of seconds; it is left out.", metric.label()),
                );
                continue;
            };
            let promised = if seconds == UNPROMISED_SECONDS {
                report.note(
                    file,
                    at(&here, field),
                    format!(
                        "The {priority} {} target of \"{policy}\" is 30 days, which this app's \
                         export writes where a plan promises nothing; it is read back as no target.",
                        metric.label()
                    ),
                );
                Target::NoTarget
            } else {
                if seconds % 60 != 0 {
                    report.note(
                        file,
                        at(&here, field),
                        format!(
                            "{seconds} seconds is not a whole number of minutes; it is rounded up."
                        ),
                    );
                }
                match readable_duration(seconds.div_ceil(60), business) {
                    Some(within) => Target::Within(within),
                    None => {
                        report.note(
                            file,
                            at(&here, field),
                            "This target is longer than ten years; it is left out.",
                        );
                        continue;
                    }
                }
            };
            *row.metric_mut(metric) = MetricTarget::new(promised, &calendar);
        }
        for key in target.as_object().map(|o| o.keys()).into_iter().flatten() {
            if !matches!(
                key.as_str(),
                "respond_within" | "resolve_within" | "business_hours" | "escalation_enabled"
            ) {
                report.note(
                    file,
                    at(&here, key),
                    format!("\"{key}\" is not a target this app reads (it reads respond_within and resolve_within); it is left out."),
                );
            }
        }
        if target.get("escalation_enabled").and_then(Value::as_bool) == Some(true) {
            escalated.push(priority.to_string());
        }
        rows.push(row);
    }
    (rows, escalated)
}

/// `applicable_to`: channels (ticket sources) map exactly; companies and segments come as ids,
/// kept as the names until someone renames them; groups, ticket types, products and sources a
/// plan has no channel for are kept as Freshdesk wrote them, so the policy stays one for some
/// tickets only and the export writes them back.
fn applicable_to(
    file: &str,
    path: &str,
    item: &Value,
    policy: &str,
    assembly: &mut Assembly,
    report: &mut Report,
) -> PolicyScope {
    let mut scope = PolicyScope::default();
    let Some(conditions) = item.get("applicable_to").and_then(Value::as_object) else {
        return scope;
    };
    for (key, value) in conditions {
        let here = at(path, key);
        let entries: Vec<&Value> = value
            .as_array()
            .map(|l| l.iter().collect())
            .unwrap_or_default();
        if entries.is_empty() {
            continue;
        }
        let ids: Vec<String> = entries.iter().filter_map(|v| id_text(v)).collect();
        match key.as_str() {
            "company_ids" => {
                report.note(
                    file,
                    &here,
                    format!(
                        "\"{policy}\" applies to the Freshdesk companies {}; they are imported by \
                         id, which the Freshdesk export writes back: rename them to the companies' \
                         names only if you will not export to Freshdesk again.",
                        ids.join(", ")
                    ),
                );
                scope.organizations.extend(ids);
            }
            "contact_segments" | "company_segments" => {
                report.note(
                    file,
                    &here,
                    format!("\"{policy}\" applies to the Freshdesk segments {}; they are imported by id: rename them to the segments' names.", ids.join(", ")),
                );
                scope.segments.extend(ids);
            }
            "sources" => {
                let unknown = sources(file, &here, &entries, policy, &mut scope, assembly, report);
                if !unknown.is_empty() {
                    keep(&mut scope, key, &Value::Array(unknown));
                }
            }
            other => {
                let what = match other {
                    "group_ids" => "some groups".to_string(),
                    "ticket_types" => "some ticket types".to_string(),
                    "product_ids" => "some products".to_string(),
                    other => format!("the condition \"{other}\""),
                };
                report.note(
                    file,
                    &here,
                    format!(
                        "\"{policy}\" applies only to {what}, which a plan's policy cannot say (it \
                         covers segments, organisations and channels). It is kept on the policy as \
                         Freshdesk wrote it: the plan shows it, the rules count the policy as one \
                         for some tickets only, and the Freshdesk export writes it back."
                    ),
                );
                keep(&mut scope, key, value);
            }
        }
    }
    scope
}

/// A Freshdesk condition kept as written.
fn keep(scope: &mut PolicyScope, key: &str, value: &Value) {
    scope.helpdesk_conditions.push(HelpdeskCondition {
        helpdesk: Helpdesk::Freshdesk.label().to_string(),
        within: key.to_string(),
        condition: value.to_string(),
    });
}

/// Ticket sources as the plan's channels; returns the sources a plan has no channel for
/// (reported by number and name).
fn sources(
    file: &str,
    here: &str,
    entries: &[&Value],
    policy: &str,
    scope: &mut PolicyScope,
    assembly: &mut Assembly,
    report: &mut Report,
) -> Vec<Value> {
    let mut unknown = Vec::new();
    for (n, source) in entries.iter().enumerate() {
        let number = whole_number(source);
        if let Some(kind) = number.and_then(source_kind) {
            let name = assembly.channel(kind);
            if !scope.channels.contains(&name) {
                scope.channels.push(name);
            }
            continue;
        }
        let named = number
            .and_then(|n| SOURCE_NAMES.iter().find(|(known, _)| *known == n))
            .map_or_else(
                || "a source Freshdesk's API reference does not list".to_string(),
                |(_, name)| format!("Freshdesk's {name}"),
            );
        report.note(
            file,
            format!("{here}[{n}]"),
            format!(
                "Ticket source {source} ({named}) is not a support channel this app maps (1 email, \
                 2 portal, 3 phone, 7 chat, 9 feedback widget); it is kept on \"{policy}\" as \
                 Freshdesk wrote it, and the Freshdesk export writes it back."
            ),
        );
        unknown.push((*source).clone());
    }
    unknown
}

/// Freshdesk's ticket sources a plan has no channel for, by number (API v2 "Tickets": source).
const SOURCE_NAMES: [(u64, &str); 5] = [
    (4, "forum"),
    (5, "Twitter (X)"),
    (6, "Facebook"),
    (8, "Mobihelp"),
    (10, "outbound email"),
];

/// The plan's channel kind for a Freshdesk ticket source number.
fn source_kind(number: u64) -> Option<ChannelKind> {
    if number == 9 {
        // The feedback widget is a form on the customer's own pages.
        return Some(ChannelKind::Portal);
    }
    ChannelKind::ALL
        .into_iter()
        .find(|&kind| freshdesk_source(kind).map(u64::from) == Some(number))
}

/// The policy's escalation ladder as escalation rules measured from the breach: one for late
/// first responses and one per resolution level, for each priority with escalation switched on
/// (Freshdesk switches the ladder on per priority; a plan's rule for every priority guards none
/// of them in particular).
fn escalation(
    file: &str,
    path: &str,
    item: &Value,
    policy: &str,
    escalated: &[String],
    report: &mut Report,
) -> Vec<EscalationRule> {
    let Some(ladder) = item.get("escalation").and_then(Value::as_object) else {
        return Vec::new();
    };
    let mut steps: Vec<(String, SlaMetric, &Value, String)> = Vec::new();
    if let Some(response) = ladder.get("response") {
        steps.push((
            at(path, "response"),
            SlaMetric::FirstResponse,
            response,
            "first response late".to_string(),
        ));
    }
    if let Some(levels) = ladder.get("resolution").and_then(Value::as_object) {
        for (level, step) in levels {
            let number = level.strip_prefix("level_").unwrap_or(level);
            steps.push((
                at(path, &format!("resolution.{level}")),
                SlaMetric::Resolution,
                step,
                format!("resolution late, level {number}"),
            ));
        }
    }
    if steps.is_empty() {
        return Vec::new();
    }
    if escalated.is_empty() {
        report.note(
            file,
            path,
            format!("\"{policy}\" has escalations, but they are switched off for every priority; they are not imported."),
        );
        return Vec::new();
    }
    let mut rules = Vec::new();
    for (here, metric, step, trigger) in steps {
        let Some(seconds) = step.get("escalation_time").and_then(whole_number) else {
            report.note(
                file,
                at(&here, "escalation_time"),
                "This escalation has no time after the breach; it is left out.",
            );
            continue;
        };
        let Some(timeframe) = readable_duration(seconds.div_ceil(60), true) else {
            continue;
        };
        let agents: Vec<String> = step
            .get("agent_ids")
            .and_then(Value::as_array)
            .map(|ids| ids.iter().filter_map(id_text).collect())
            .unwrap_or_default();
        let escalate_to = match agents.as_slice() {
            [] => String::new(),
            [one] => format!("Agent {one}"),
            [rest @ .., last] => format!("Agents {} and {last}", rest.join(", ")),
        };
        report.note(
            file,
            at(&here, "agent_ids"),
            if agents.is_empty() {
                "This escalation names no agents, so it escalates to nobody; say who it goes to.".to_string()
            } else {
                format!("This escalation goes to Freshdesk agent ids ({}); replace them with the roles they stand for.", agents.join(", "))
            },
        );
        for priority in escalated {
            rules.push(EscalationRule {
                trigger: format!("{priority} {trigger} in \"{policy}\""),
                priority: Some(priority.clone()),
                policy: Some(policy.to_string()),
                metric,
                escalate_to: escalate_to.clone(),
                timeframe,
                measured_from: EscalationStart::Breach,
                // Freshdesk emails the agents it escalates to.
                notify: if escalate_to.is_empty() {
                    Vec::new()
                } else {
                    vec![escalate_to.clone()]
                },
                path: EscalationPath::Standard,
            });
        }
    }
    rules
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twelve_hour_times_read_as_the_plans_clock() {
        let time = |text: &str| clock_time(text).map(|t| t.to_string());
        assert_eq!(time("08:00:00 am").as_deref(), Some("08:00"));
        assert_eq!(time("5:30 pm").as_deref(), Some("17:30"));
        assert_eq!(time("12:00:00 am").as_deref(), Some("00:00"));
        assert_eq!(time("12:15 pm").as_deref(), Some("12:15"));
        assert_eq!(time("11:59:59 pm").as_deref(), Some("24:00"));
        assert_eq!(time("17:00").as_deref(), Some("17:00"));
        assert_eq!(time("13:00 pm"), None);
        assert_eq!(time("noon"), None);
    }

    #[test]
    fn yearly_holidays_have_a_month_and_a_day() {
        assert_eq!(yearly_date("--12-25"), Date::new(2028, 12, 25));
        assert_eq!(yearly_date("--02-29"), Date::new(2028, 2, 29));
        assert_eq!(yearly_date("2026-12-25"), None);
        assert_eq!(yearly_date("--13-01"), None);
    }
}
