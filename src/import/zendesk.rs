//! Zendesk's configuration read into a plan: SLA policies in match order with their filters and
//! per-target business hours, schedules with holidays, groups as tiers, default-priority triggers.
//!
//! Shapes from Zendesk's Support API reference: "SLA Policies"
//! (developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/: `title`,
//! `description`, `position`, `filter` of `all`/`any` conditions `{field, operator, value}`,
//! `policy_metrics` of `{priority, metric, target (minutes), business_hours}`); "Schedules"
//! (…/ticket-management/schedules/: `name`, `time_zone`, `intervals` of `start_time`/`end_time` in
//! minutes since Sunday 00:00; holidays `{name, start_date, end_date}`); "Groups" (`name`,
//! `description`, `deleted`); "Via types" (…/reference-guides/via-types/) for `via_id`.

use serde_json::Value;

use super::{
    at, calendar_zone, field_or_empty, field_text, flag_is, group_name, id_text, items_of,
    priority_names, readable_duration, whole_number, Assembly, Content, Found, Helpdesk, Report,
};
use crate::plan::{
    Calendar, ChannelKind, ClockTime, Date, Duration, HelpdeskCondition, Holiday, MetricTarget,
    PolicyScope, SlaMetric, SlaPolicy, SlaTarget, Target, Tier, Weekday, WeeklyInterval,
    ALWAYS_OPEN,
};
use crate::render::helpdesk::{zendesk_via_id, HelpdeskPriority};

/// Minutes in a day and in a week of Zendesk's intervals.
const DAY: u64 = 24 * 60;
const WEEK: u64 = 7 * DAY;

/// Longest holiday the import spreads over single dates.
const LONGEST_HOLIDAY_DAYS: i64 = 366;

pub(super) fn assemble(found: &[Found], report: &mut Report) -> Assembly {
    let mut assembly = Assembly::default();
    let lists = |content: Content| found.iter().filter(move |list| list.content == content);
    for list in lists(Content::Schedules) {
        for (path, item) in &list.items {
            schedule(list.file, path, item, &mut assembly, report);
        }
    }
    assembly.default_calendar = assembly.calendars.first().map(|c| c.name.clone());
    for list in lists(Content::Holidays) {
        holiday_list(list, &mut assembly, report);
    }
    for list in lists(Content::Groups) {
        for (path, item) in &list.items {
            group(list.file, path, item, &mut assembly, report);
        }
    }
    // Zendesk matches policies by `position`; a policy without one goes last, as Zendesk adds it.
    let mut policies = items_of(found, Content::SlaPolicies);
    policies.sort_by_key(|(_, _, item)| {
        item.get("position")
            .and_then(whole_number)
            .unwrap_or(u64::MAX)
    });
    for (file, path, item) in policies {
        if let Some(policy) = policy(file, path, item, &mut assembly, report) {
            assembly.sla.push(policy);
        }
    }
    for list in lists(Content::Triggers) {
        for (path, item) in &list.items {
            trigger(list.file, path, item, &mut assembly, report);
        }
    }
    if assembly.calendars.len() > 1 {
        if let Some(default) = &assembly.default_calendar {
            let on_default = assembly.sla.iter().flat_map(|p| &p.targets).any(|row| {
                SlaMetric::ALL
                    .iter()
                    .any(|&m| row.metric(m).calendar == *default)
            });
            if on_default {
                report.note(
                    "",
                    "",
                    format!(
                        "Zendesk counts business hours on each ticket's own schedule; {} schedules \
                         were imported and every business-hours target runs on the first, \
                         \"{default}\". Move targets to another calendar where they use another \
                         schedule.",
                        assembly.calendars.len()
                    ),
                );
            }
        }
    }
    assembly
}

/// One schedule: a bare schedule (`GET /schedules`) or `{"schedule": …, "holidays": […]}` as this
/// app's export writes it.
fn schedule(file: &str, path: &str, item: &Value, assembly: &mut Assembly, report: &mut Report) {
    let (schedule, schedule_path) = match item.get("schedule") {
        Some(inner) if inner.is_object() => (inner, at(path, "schedule")),
        _ => (item, path.to_string()),
    };
    if !schedule.is_object() {
        report.note(
            file,
            path,
            "This is not a schedule (an object with a name, a time zone and intervals); it is not imported.",
        );
        return;
    }
    let name = match field_text(schedule, "name") {
        Some(name) => {
            let unique = assembly.calendar_names.take(name);
            if unique != name {
                report.note(
                    file,
                    at(&schedule_path, "name"),
                    format!(
                        "A second schedule is called \"{name}\"; it is imported as \"{unique}\"."
                    ),
                );
            }
            unique
        }
        _ => {
            let unique = assembly.calendar_names.take("Schedule");
            report.note(
                file,
                at(&schedule_path, "name"),
                format!("The schedule has no name; it is imported as \"{unique}\"."),
            );
            unique
        }
    };
    let time_zone = match schedule.get("time_zone").and_then(Value::as_str) {
        Some(zone) => calendar_zone(zone, file, &at(&schedule_path, "time_zone"), report),
        None => {
            report.note(
                file,
                at(&schedule_path, "time_zone"),
                format!("Schedule \"{name}\" has no time zone; it is read as UTC."),
            );
            "UTC".to_string()
        }
    };
    let mut intervals = Vec::new();
    match schedule.get("intervals") {
        Some(Value::Array(list)) => {
            for (n, interval) in list.iter().enumerate() {
                let here = at(&schedule_path, &format!("intervals[{n}]"));
                let minutes = |key: &str| interval.get(key).and_then(whole_number);
                match (minutes("start_time"), minutes("end_time")) {
                    (Some(start), Some(end)) if start < end && end <= WEEK => {
                        intervals.extend(weekly_intervals(start, end))
                    }
                    _ => report.note(
                        file,
                        here,
                        "This interval is not a stretch of the week (start_time before end_time, \
                         both in minutes from Sunday 00:00 up to 10080); it is left out.",
                    ),
                }
            }
        }
        _ => report.note(
            file,
            at(&schedule_path, "intervals"),
            format!(
                "Schedule \"{name}\" lists no intervals, so the calendar is never open. Fetch the \
                 schedules with their intervals (GET /api/v2/business_hours/schedules)."
            ),
        ),
    }
    intervals.sort_by_key(|i: &WeeklyInterval| (i.day, i.start));
    // Holidays sit beside the schedule in this app's export, inside it in a hand-written file.
    let mut sources = vec![(schedule, schedule_path.as_str())];
    if !std::ptr::eq(item, schedule) {
        sources.push((item, path));
    }
    let mut holidays = Vec::new();
    for (source, base) in sources {
        if let Some(Value::Array(list)) = source.get("holidays") {
            for (n, entry) in list.iter().enumerate() {
                let here = at(base, &format!("holidays[{n}]"));
                holidays.extend(holiday(file, &here, entry, report));
            }
        }
    }
    assembly.calendars.push(Calendar {
        name,
        time_zone,
        intervals,
        holidays,
        holidays_from: String::new(),
    });
}

/// Zendesk's minutes since Sunday 00:00 as the plan's weekday intervals, one per day touched
/// (Zendesk's intervals cannot span days, but a file written by hand might).
fn weekly_intervals(start: u64, end: u64) -> Vec<WeeklyInterval> {
    let mut pieces = Vec::new();
    let mut from = start;
    while from < end {
        let day = from / DAY;
        let to = end.min((day + 1) * DAY);
        let clock = |minutes: u64| {
            ClockTime::new((minutes / 60) as u32, (minutes % 60) as u32)
                .unwrap_or(ClockTime::END_OF_DAY)
        };
        // Zendesk's week starts on Sunday, the plan's on Monday.
        let weekday = Weekday::from_index((day as usize + 6) % 7);
        pieces.push(WeeklyInterval::new(
            weekday,
            clock(from - day * DAY),
            clock(to - day * DAY),
        ));
        from = to;
    }
    pieces
}

/// One holiday (`{"holiday": …}` or bare) as one closed date per day it covers.
fn holiday(file: &str, path: &str, entry: &Value, report: &mut Report) -> Vec<Holiday> {
    let (holiday, path) = match entry.get("holiday") {
        Some(inner) if inner.is_object() => (inner, at(path, "holiday")),
        _ => (entry, path.to_string()),
    };
    let name = field_text(holiday, "name").unwrap_or("Holiday").to_string();
    let date = |key: &str| {
        holiday
            .get(key)
            .and_then(Value::as_str)
            .and_then(|text| text.parse::<Date>().ok())
    };
    let Some(start) = date("start_date") else {
        report.note(
            file,
            at(&path, "start_date"),
            format!("Holiday \"{name}\" has no start date as YYYY-MM-DD; it is left out."),
        );
        return Vec::new();
    };
    let end = date("end_date").unwrap_or(start);
    let days = end.days_since_epoch() - start.days_since_epoch();
    if !(0..LONGEST_HOLIDAY_DAYS).contains(&days) {
        report.note(
            file,
            at(&path, "end_date"),
            format!(
                "Holiday \"{name}\" ends {end}, {} its start {start}; only its first day is imported.",
                if days < 0 { "before" } else { "more than a year after" }
            ),
        );
        return vec![one_day(&name, start)];
    }
    (0..=days)
        .map(|offset| {
            one_day(
                &name,
                Date::from_days_since_epoch(start.days_since_epoch() + offset),
            )
        })
        .collect()
}

fn one_day(name: &str, date: Date) -> Holiday {
    Holiday {
        name: name.to_string(),
        date,
        yearly: false,
    }
}

/// A holidays list of its own (`GET /schedules/{id}/holidays`), which does not say whose it is.
fn holiday_list(list: &Found, assembly: &mut Assembly, report: &mut Report) {
    let mut holidays = Vec::new();
    for (path, item) in &list.items {
        holidays.extend(holiday(list.file, path, item, report));
    }
    if holidays.is_empty() {
        return;
    }
    match assembly.calendars.as_mut_slice() {
        [] => {
            let mut names: Vec<&str> = holidays.iter().map(|h| h.name.as_str()).collect();
            names.dedup();
            report.note(
                list.file,
                "holidays",
                format!(
                    "These holidays ({}) belong to a schedule, and no schedule was imported, so they \
                     are not in the plan. Import the schedules with them.",
                    names.join(", ")
                ),
            );
        }
        [only] => only.holidays.extend(holidays),
        [first, ..] => {
            report.note(
                list.file,
                "holidays",
                format!(
                    "Zendesk lists holidays per schedule and this list does not say whose they are; \
                     they are added to the first schedule, \"{}\". Move them if they belong to another.",
                    first.name
                ),
            );
            first.holidays.extend(holidays);
        }
    }
}

/// A group as a tier of the plan.
fn group(file: &str, path: &str, item: &Value, assembly: &mut Assembly, report: &mut Report) {
    let Some(name) = group_name(file, path, item, report) else {
        return;
    };
    if flag_is(item, "deleted", true) {
        report.note(
            file,
            path,
            format!("Group \"{name}\" is deleted in Zendesk; it is not imported."),
        );
        return;
    }
    assembly.tiers.push(Tier {
        name: name.to_string(),
        handles: field_or_empty(item, "description"),
        response: Duration::ZERO,
        hours: assembly
            .default_calendar
            .clone()
            .unwrap_or_else(|| ALWAYS_OPEN.to_string()),
    });
}

/// One SLA policy: its title, description, filter and targets.
fn policy(
    file: &str,
    path: &str,
    item: &Value,
    assembly: &mut Assembly,
    report: &mut Report,
) -> Option<SlaPolicy> {
    if !item.is_object() {
        report.note(file, path, "This is not an SLA policy (an object with a title, a filter and policy metrics); it is not imported.");
        return None;
    }
    let name = match field_text(item, "title") {
        Some(title) => title.to_string(),
        _ => {
            let name = format!("Policy {}", assembly.sla.len() + 1);
            report.note(
                file,
                at(path, "title"),
                format!("The policy has no title; it is imported as \"{name}\"."),
            );
            name
        }
    };
    let applies_to = filter(
        file,
        &at(path, "filter"),
        item.get("filter"),
        assembly,
        report,
    );
    let targets = metrics(
        file,
        &at(path, "policy_metrics"),
        item,
        &name,
        assembly,
        report,
    );
    Some(SlaPolicy {
        name,
        description: field_or_empty(item, "description"),
        applies_to,
        targets,
    })
}

/// The policy's metrics as one row per Zendesk priority, most urgent first.
fn metrics(
    file: &str,
    path: &str,
    item: &Value,
    policy: &str,
    assembly: &Assembly,
    report: &mut Report,
) -> Vec<SlaTarget> {
    let names = priority_names(Helpdesk::Zendesk);
    let mut rows: [Option<SlaTarget>; 4] = Default::default();
    let list = match item.get("policy_metrics") {
        Some(Value::Array(list)) => list.as_slice(),
        None | Some(Value::Null) => &[],
        Some(_) => {
            report.note(file, path, format!("The metrics of \"{policy}\" are not a list; the policy is imported without targets."));
            &[]
        }
    };
    for (n, metric) in list.iter().enumerate() {
        let here = format!("{path}[{n}]");
        let text = |key: &str| metric.get(key).and_then(Value::as_str).unwrap_or_default();
        let Some(rank) = HelpdeskPriority::parse(text("priority"))
            .and_then(|p| HelpdeskPriority::ALL.iter().position(|&q| q == p))
        else {
            report.note(
                file,
                at(&here, "priority"),
                format!(
                    "\"{}\" is not one of Zendesk's priorities (urgent, high, normal, low); this target is left out.",
                    text("priority")
                ),
            );
            continue;
        };
        let kind = match text("metric") {
            "first_reply_time" => SlaMetric::FirstResponse,
            "next_reply_time" => SlaMetric::NextResponse,
            "periodic_update_time" => SlaMetric::PeriodicUpdate,
            "requester_wait_time" => SlaMetric::Resolution,
            "total_resolution_time" => {
                report.note(
                    file,
                    at(&here, "metric"),
                    format!(
                        "Total resolution time (from creation to solved, whatever the status) is \
                         the {} resolution target of \"{policy}\"; the Zendesk export writes \
                         resolution as requester wait time, which does not count Pending time.",
                        names[rank]
                    ),
                );
                SlaMetric::Resolution
            }
            other => {
                let what = match other {
                    "agent_work_time" => "Agent work time (time in New and Open) is".to_string(),
                    "pausable_update_time" => "Pausable update time is".to_string(),
                    other => format!("The metric \"{other}\" is"),
                };
                report.note(
                    file,
                    at(&here, "metric"),
                    format!(
                        "{what} not one of a plan's SLA metrics (first response, next response, \
                         periodic update, resolution), so the {} target of \"{policy}\" is left out.",
                        names[rank]
                    ),
                );
                continue;
            }
        };
        let minutes = metric.get("target").and_then(whole_number).or_else(|| {
            metric
                .get("target_in_seconds")
                .and_then(whole_number)
                .map(|seconds| seconds.div_ceil(60))
        });
        let Some(minutes) = minutes else {
            report.note(
                file,
                at(&here, "target"),
                format!(
                    "The {} {} target of \"{policy}\" has no number of minutes; it is left out.",
                    names[rank],
                    kind.label()
                ),
            );
            continue;
        };
        let business = match metric.get("business_hours").and_then(Value::as_bool) {
            Some(business) => business,
            None => {
                report.note(
                    file,
                    at(&here, "business_hours"),
                    format!(
                        "The {} {} target of \"{policy}\" does not say whether it counts business \
                         hours; it is read as calendar hours (24/7).",
                        names[rank],
                        kind.label()
                    ),
                );
                false
            }
        };
        let Some(within) = readable_duration(minutes, business) else {
            report.note(
                file,
                at(&here, "target"),
                format!("{minutes} minutes is longer than ten years; this target is left out."),
            );
            continue;
        };
        let calendar = if business {
            assembly.business_calendar()
        } else {
            ALWAYS_OPEN.to_string()
        };
        let row = rows[rank].get_or_insert_with(|| SlaTarget {
            priority: names[rank].to_string(),
            ..SlaTarget::default()
        });
        if !row.metric(kind).is_unset() {
            report.note(
                file,
                here,
                format!(
                    "\"{policy}\" sets the {} {} target twice; the first one is kept.",
                    names[rank],
                    kind.label()
                ),
            );
            continue;
        }
        *row.metric_mut(kind) = MetricTarget::new(Target::Within(within), &calendar);
    }
    rows.into_iter().flatten().collect()
}

/// What a filter condition says about whom a policy covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Covers {
    Segments,
    Organizations,
    Channels,
}

impl Covers {
    fn words(self) -> &'static str {
        match self {
            Covers::Segments => "tags",
            Covers::Organizations => "organisations",
            Covers::Channels => "channels",
        }
    }
}

/// Whom a policy covers. A plan's scope has three lists: any entry of a list matches, and every
/// list with entries must match. Zendesk's `all` conditions must all hold and one of its `any`
/// conditions must: a condition in `all` is a list of its own, and an `any` list of one kind of
/// condition is that list (the shape this app's export writes). Anything else is reported.
fn filter(
    file: &str,
    path: &str,
    filter: Option<&Value>,
    assembly: &mut Assembly,
    report: &mut Report,
) -> PolicyScope {
    let mut lists: Vec<(Covers, Vec<String>)> = Vec::new();
    let conditions = |key: &str| -> Vec<(String, &Value)> {
        match filter.and_then(|f| f.get(key)) {
            Some(Value::Array(list)) => list
                .iter()
                .enumerate()
                .map(|(n, c)| (format!("{path}.{key}[{n}]"), c))
                .collect(),
            _ => Vec::new(),
        }
    };
    let mut kept = Vec::new();
    for (here, value) in conditions("all") {
        let Some((covers, names)) = condition(file, &here, value, &mut kept, assembly, report)
        else {
            continue;
        };
        match lists.iter_mut().find(|(kind, _)| *kind == covers) {
            Some((_, known)) => {
                report.note(
                    file,
                    here,
                    format!(
                        "Zendesk asks for these {} as well as the ones of an earlier condition; a \
                         plan's policy takes either, so in the plan it covers more tickets.",
                        covers.words()
                    ),
                );
                known.extend(names);
            }
            None => lists.push((covers, names)),
        }
    }
    let any: Vec<(String, Covers, Vec<String>)> = conditions("any")
        .into_iter()
        .filter_map(|(here, value)| {
            condition(file, &here, value, &mut kept, assembly, report)
                .map(|(c, names)| (here, c, names))
        })
        .collect();
    let mut kinds: Vec<Covers> = any.iter().map(|(_, c, _)| *c).collect();
    kinds.dedup();
    if kinds.len() > 1 {
        let words: Vec<&str> = kinds.iter().map(|k| k.words()).collect();
        report.note(
            file,
            format!("{path}.any"),
            format!(
                "One of these conditions on {} must hold in Zendesk; a plan can say \"one of\" only \
                 within one kind, so the policy covers tickets that meet one of each, fewer than in \
                 Zendesk.",
                words.join(" and ")
            ),
        );
    }
    let from_all: Vec<Covers> = lists.iter().map(|(kind, _)| *kind).collect();
    for (here, covers, names) in any {
        if from_all.contains(&covers) {
            report.note(
                file,
                here,
                format!(
                    "Zendesk asks for {} in both its `all` and its `any` list; a plan's policy \
                     takes any of them, so in the plan it covers more tickets.",
                    covers.words()
                ),
            );
        }
        match lists.iter_mut().find(|(kind, _)| *kind == covers) {
            Some((_, known)) => known.extend(names),
            None => lists.push((covers, names)),
        }
    }
    let mut scope = PolicyScope {
        helpdesk_conditions: kept,
        ..PolicyScope::default()
    };
    for (covers, names) in lists {
        let list = match covers {
            Covers::Segments => &mut scope.segments,
            Covers::Organizations => &mut scope.organizations,
            Covers::Channels => &mut scope.channels,
        };
        for name in names {
            if !list.contains(&name) {
                list.push(name);
            }
        }
    }
    scope
}

/// One filter condition as the list it adds to; `None` (reported) when a plan cannot say it. A
/// well-formed condition a plan cannot say is kept as written in `kept`.
fn condition(
    file: &str,
    path: &str,
    value: &Value,
    kept: &mut Vec<HelpdeskCondition>,
    assembly: &mut Assembly,
    report: &mut Report,
) -> Option<(Covers, Vec<String>)> {
    let text = |key: &str| value.get(key).and_then(Value::as_str);
    let (Some(field), Some(operator)) = (text("field"), text("operator")) else {
        report.note(
            file,
            path,
            "This is not a condition (an object with field, operator and value); it is left out, \
             so in the plan the policy covers more tickets.",
        );
        return None;
    };
    let operand = value.get("value").unwrap_or(&Value::Null);
    let why = match (field, operator) {
        ("current_tags", "includes") => {
            let tags: Vec<String> = match operand {
                Value::String(tags) => tags.split_whitespace().map(str::to_string).collect(),
                Value::Array(tags) => tags.iter().filter_map(id_text).collect(),
                _ => Vec::new(),
            };
            return with_value(field, (Covers::Segments, tags), file, path, report);
        }
        ("organization_id", "is") => {
            let organization: Vec<String> = id_text(operand).into_iter().collect();
            return with_value(field, (Covers::Organizations, organization), file, path, report);
        }
        ("via_id", "is") => match via_kind(operand) {
            Some(kind) => return Some((Covers::Channels, vec![assembly.channel(kind)])),
            None => format!(
                "Tickets via {operand} come from a Zendesk channel that is not a support channel \
                 of a plan (email, chat, phone, web form, social, community)"
            ),
        },
        ("current_tags" | "organization_id" | "via_id", operator) => format!(
            "The condition `{field} {operator}` is not something a plan can express (a plan's policy \
             lists whom it covers, not whom it leaves out)"
        ),
        (field, _) => format!(
            "The condition on `{field}` is not something a plan can express (a plan's policy covers \
             tags, organisations and channels)"
        ),
    };
    report.note(
        file,
        path,
        format!(
            "{why}. It is kept on the policy as Zendesk wrote it: the plan shows it, the rules \
             count the policy as one for some tickets only, and the Zendesk export writes it back."
        ),
    );
    let within = if path.contains(".any[") { "any" } else { "all" };
    kept.push(HelpdeskCondition {
        helpdesk: Helpdesk::Zendesk.label().to_string(),
        within: within.to_string(),
        condition: value.to_string(),
    });
    None
}

/// A condition's list, or `None` (reported) when it names nobody.
fn with_value(
    field: &str,
    (covers, names): (Covers, Vec<String>),
    file: &str,
    path: &str,
    report: &mut Report,
) -> Option<(Covers, Vec<String>)> {
    if names.is_empty() {
        report.note(
            file,
            path,
            format!("The condition on `{field}` has no value; it is left out."),
        );
        return None;
    }
    Some((covers, names))
}

/// Via types (strings), with the plan's channel kind (earlier versions of this app's export wrote
/// the first four).
const VIA_TYPES: [(&str, ChannelKind); 14] = [
    ("mail", ChannelKind::Email),
    ("chat", ChannelKind::Chat),
    ("voice", ChannelKind::Phone),
    ("web_form", ChannelKind::Portal),
    ("email", ChannelKind::Email),
    ("web", ChannelKind::Portal),
    ("voicemail", ChannelKind::Phone),
    ("phone_call_inbound", ChannelKind::Phone),
    ("twitter", ChannelKind::Social),
    ("twitter_dm", ChannelKind::Social),
    ("twitter_favorite", ChannelKind::Social),
    ("facebook_post", ChannelKind::Social),
    ("facebook_message", ChannelKind::Social),
    ("topic", ChannelKind::Community),
];

/// Via ids (numbers) from Zendesk's via types reference beyond the ones this app's export writes,
/// with the plan's channel kind.
const VIA_IDS: [(u64, ChannelKind); 10] = [
    (0, ChannelKind::Portal),
    (4, ChannelKind::Email),
    (17, ChannelKind::Portal),
    (23, ChannelKind::Social),
    (24, ChannelKind::Community),
    (26, ChannelKind::Social),
    (29, ChannelKind::Chat),
    (30, ChannelKind::Social),
    (33, ChannelKind::Phone),
    (34, ChannelKind::Phone),
];

/// The channel kind of a `via_id` condition's value: a via type or a via id.
fn via_kind(value: &Value) -> Option<ChannelKind> {
    if let Some(id) = whole_number(value) {
        return ChannelKind::ALL
            .into_iter()
            .find(|&kind| zendesk_via_id(kind) == Some(id))
            .or_else(|| {
                VIA_IDS
                    .iter()
                    .find(|(known, _)| *known == id)
                    .map(|(_, k)| *k)
            });
    }
    let via = value.as_str()?.trim().to_ascii_lowercase();
    VIA_TYPES
        .iter()
        .find(|(known, _)| *known == via)
        .map(|(_, k)| *k)
}

/// A trigger that gives new tickets from one channel a priority becomes that channel's default
/// priority (the shape this app's export writes); any other trigger is reported.
fn trigger(file: &str, path: &str, item: &Value, assembly: &mut Assembly, report: &mut Report) {
    let title = item
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or("(untitled)")
        .trim();
    if flag_is(item, "active", false) {
        report.note(
            file,
            path,
            format!("Trigger \"{title}\" is switched off in Zendesk; it is not imported."),
        );
        return;
    }
    let list = |key: &str| -> Vec<&Value> {
        item.get("conditions")
            .and_then(|c| c.get(key))
            .and_then(Value::as_array)
            .map(|l| l.iter().collect())
            .unwrap_or_default()
    };
    let is = |condition: &&Value, field: &str| {
        condition.get("field").and_then(Value::as_str) == Some(field)
            && condition.get("operator").and_then(Value::as_str) == Some("is")
    };
    let all = list("all");
    let vias: Vec<&&Value> = all.iter().filter(|c| is(c, "via_id")).collect();
    let on_create = all.iter().all(|c| {
        is(c, "via_id")
            || (is(c, "update_type") && c.get("value").and_then(Value::as_str) == Some("Create"))
    });
    let actions: Vec<&Value> = item
        .get("actions")
        .and_then(Value::as_array)
        .map(|l| l.iter().collect())
        .unwrap_or_default();
    let priority = match actions.as_slice() {
        [action] if action.get("field").and_then(Value::as_str) == Some("priority") => action
            .get("value")
            .and_then(Value::as_str)
            .and_then(HelpdeskPriority::parse),
        _ => None,
    };
    let kind = match vias.as_slice() {
        [via] => via.get("value").and_then(via_kind),
        _ => None,
    };
    let (Some(kind), Some(priority), true, true) =
        (kind, priority, on_create, list("any").is_empty())
    else {
        report.note(
            file,
            path,
            format!(
                "Trigger \"{title}\" is not imported: only a trigger that sets the priority of new \
                 tickets from one channel maps onto a plan (as that channel's default priority)."
            ),
        );
        return;
    };
    let rank = HelpdeskPriority::ALL
        .iter()
        .position(|&p| p == priority)
        .unwrap_or(2);
    let name = priority_names(Helpdesk::Zendesk)[rank].to_string();
    assembly.channel(kind);
    if let Some((_, default)) = assembly.channels.iter_mut().find(|(k, _)| *k == kind) {
        if !default.is_empty() && *default != name {
            report.note(
                file,
                path,
                format!(
                    "Trigger \"{title}\" sets {} tickets to {name}, but an earlier trigger sets them \
                     to {default}; the earlier one is kept.",
                    kind.label()
                ),
            );
        } else {
            *default = name;
        }
    }
}
