//! Zendesk: one SLA policy plus the plan's calendars as business-hour schedules with holidays.
//! Shapes follow Zendesk's Support API reference (see the comment on `zendesk`).

use serde_json::{json, Value};

use super::{
    business_calendars, file_stem, map_priorities, policy_title, quoted_list,
    runs_on_business_hours, target_minutes, zendesk_time_zone, HelpdeskExport, HelpdeskPriority,
};
use crate::plan::{Calendar, Plan, Weekday};

/// The plan as Zendesk configuration, in one JSON file:
///
/// ```text
/// { "sla_policy": {…},                                  POST /api/v2/slas/policies
///   "schedules": [ { "schedule": {…},                   POST /api/v2/business_hours/schedules
///                    "holidays": [ {"holiday": {…}} ] } ] }   POST …/schedules/{id}/holidays
/// ```
///
/// Shapes from Zendesk's API reference, "SLA Policies"
/// (developer.zendesk.com/api-reference/ticketing/business-rules/sla_policies/): a policy has
/// `title`, `description`, `position` and a `filter` of `all`/`any` conditions, and `policy_metrics`
/// of `{priority: low|normal|high|urgent, metric, target (minutes), business_hours}` where metric is
/// one of first_reply_time, next_reply_time, periodic_update_time, requester_wait_time,
/// agent_work_time, pausable_update_time. "Schedules"
/// (developer.zendesk.com/api-reference/ticketing/ticket-management/schedules/): `name`,
/// `time_zone`, `intervals` of `start_time`/`end_time` in minutes since Sunday midnight that cannot
/// span calendar days; holidays are `{name, start_date, end_date}`.
pub fn zendesk(plan: &Plan) -> HelpdeskExport {
    let mut report = Vec::new();
    let label = |p: HelpdeskPriority| format!("Zendesk priority \"{}\"", p.zendesk_name());
    let mapped = map_priorities(plan, "Zendesk", label, &mut report);

    let mut metrics = Vec::new();
    let business_calendars = business_calendars(plan, &mapped);
    for entry in &mapped {
        let sla = entry.sla;
        let business_hours = runs_on_business_hours(plan, &sla.calendar);
        let mut metric = |name: &str, duration, what: &str| {
            let what = format!("The {what} target of \"{}\"", entry.priority);
            metrics.push(json!({
                "priority": entry.helpdesk.zendesk_name(),
                "metric": name,
                "target": target_minutes(plan, duration, &sla.calendar, &what, &mut report),
                "business_hours": business_hours,
            }));
        };
        metric("first_reply_time", sla.first_response, "first response");
        if let Some(next) = sla.next_response {
            metric("next_reply_time", next, "next response");
        }
        metric("requester_wait_time", sla.resolution, "resolution");
        if let Some(warn) = sla.warn_before {
            report.push(format!(
                "\"{}\" warns {warn} before a breach; Zendesk SLA policies have no warning time. Use a \
                 view or automation on \"Hours until next SLA breach\" instead.",
                entry.priority
            ));
        }
    }
    if !mapped.is_empty() {
        report.push(
            "Resolution targets are exported as Zendesk's requester wait time, which does not count \
             time while a ticket is Pending (waiting on the customer)."
                .to_string(),
        );
    }
    if business_calendars.len() > 1 {
        report.push(format!(
            "The SLA targets run on {} business calendars ({}); Zendesk measures business hours on \
             each ticket's one schedule. All are exported as schedules: add a trigger that sets the \
             schedule, or make one the default.",
            business_calendars.len(),
            quoted_list(&business_calendars)
        ));
    }

    let schedules: Vec<Value> = plan
        .calendars
        .iter()
        .filter(|c| !c.is_always_open())
        .map(|calendar| schedule(calendar, &mut report))
        .collect();

    let body = json!({
        "sla_policy": {
            "title": policy_title(plan),
            "description": format!(
                "From the Support Operations Plan for {}: first reply, next reply and resolution targets by priority.",
                if plan.header.product.trim().is_empty() { "this product" } else { plan.header.product.trim() }
            ),
            "position": 1,
            "filter": { "all": [], "any": [] },
            "policy_metrics": metrics,
        },
        "schedules": schedules,
    });
    HelpdeskExport {
        file_name: format!("{}-zendesk.json", file_stem(&plan.header.product)),
        mime: "application/json",
        body: pretty(&body),
        report,
    }
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
