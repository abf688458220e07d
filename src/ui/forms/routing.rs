//! Sections that route work: channels, tiers, the ticket taxonomy, SLA targets per priority and
//! the escalation matrix with its handoff protocol.

use leptos::prelude::*;

use crate::plan::{
    Category, Channel, ChannelKind, EscalationPath, EscalationRule, Plan, PriorityMapping,
    SlaMetric, SlaTarget, Tier,
};

use super::super::inputs::{
    enum_select, name_select, parsed_field, text_field, COUNT, DURATION, OPTIONAL_DURATION, PERCENT,
};
use super::super::row_list::{row_list, string_list, ListLens, RowLayout};
use super::{group, Names};

pub fn channels_form(plan: RwSignal<Plan>) -> impl IntoView {
    let names = Names::new(plan);
    let lens = ListLens::new("channels", |p| Some(&p.channels), |p| Some(&mut p.channels));
    let new_channel = || Channel {
        concurrency: 1,
        hours: crate::plan::ALWAYS_OPEN.to_string(),
        ..Channel::default()
    };
    let list = row_list(
        plan,
        lens,
        "Channel".into(),
        new_channel,
        RowLayout::Card,
        move |row| {
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("name", "Name"),
                        row.read(|c: &Channel| c.name.clone()),
                        row.write(|c: &mut Channel, v| c.name = v),
                        false,
                    )}
                    {enum_select(
                        row.field("kind", "Kind"),
                        &ChannelKind::ALL,
                        ChannelKind::label,
                        row.read(|c: &Channel| c.kind),
                        row.write(|c: &mut Channel, v| c.kind = v),
                    )}
                    {name_select(
                        row.field("hours", "Hours"),
                        names.calendars,
                        row.read(|c: &Channel| c.hours.clone()),
                        row.write(|c: &mut Channel, v| c.hours = v),
                        None,
                    )}
                    {name_select(
                        row.field("route_to", "Route to tier"),
                        names.tiers,
                        row.read(|c: &Channel| c.route_to.clone()),
                        row.write(|c: &mut Channel, v| c.route_to = v),
                        None,
                    )}
                    {parsed_field(
                        row.field("volume_share", "Share of volume (%)"),
                        row.read(|c: &Channel| c.volume_share),
                        row.write(|c: &mut Channel, v| c.volume_share = v),
                        PERCENT,
                    )}
                    {parsed_field(
                        row.field("handle_time", "Handle time"),
                        row.read(|c: &Channel| c.handle_time),
                        row.write(|c: &mut Channel, v| c.handle_time = v),
                        DURATION,
                    )}
                    {parsed_field(
                        row.field("concurrency", "Concurrency"),
                        row.read(|c: &Channel| c.concurrency),
                        row.write(|c: &mut Channel, v| c.concurrency = v),
                        COUNT,
                    )}
                    {text_field(
                        row.field("use_case", "Use case"),
                        row.read(|c: &Channel| c.use_case.clone()),
                        row.write(|c: &mut Channel, v| c.use_case = v),
                        true,
                    )}
                </div>
            }
        },
        None,
    );
    group(
        "Channels",
        "How customers reach support, and who answers each channel first.",
        list,
    )
}

pub fn tiers_form(plan: RwSignal<Plan>) -> impl IntoView {
    let names = Names::new(plan);
    let lens = ListLens::new("tiers", |p| Some(&p.tiers), |p| Some(&mut p.tiers));
    let new_tier = || Tier {
        hours: crate::plan::ALWAYS_OPEN.to_string(),
        ..Tier::default()
    };
    let list = row_list(
        plan,
        lens,
        "Tier".into(),
        new_tier,
        RowLayout::Card,
        move |row| {
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("name", "Name"),
                        row.read(|t: &Tier| t.name.clone()),
                        row.write(|t: &mut Tier, v| t.name = v),
                        false,
                    )}
                    {text_field(
                        row.field("handles", "Handles"),
                        row.read(|t: &Tier| t.handles.clone()),
                        row.write(|t: &mut Tier, v| t.handles = v),
                        false,
                    )}
                    {parsed_field(
                        row.field("response", "Response target"),
                        row.read(|t: &Tier| t.response),
                        row.write(|t: &mut Tier, v| t.response = v),
                        DURATION,
                    )}
                    {name_select(
                        row.field("hours", "Hours"),
                        names.calendars,
                        row.read(|t: &Tier| t.hours.clone()),
                        row.write(|t: &mut Tier, v| t.hours = v),
                        None,
                    )}
                </div>
            }
        },
        None,
    );
    group(
        "Tiers",
        "Who handles what, and how fast each tier responds (0m = instant).",
        list,
    )
}

pub fn taxonomy_form(plan: RwSignal<Plan>) -> impl IntoView {
    let names = Names::new(plan);
    let lens = ListLens::new("taxonomy", |p| Some(&p.taxonomy), |p| Some(&mut p.taxonomy));
    let list = row_list(
        plan,
        lens,
        "Category".into(),
        Category::default,
        RowLayout::Card,
        move |row| {
            let types = row.nested("types", |c| &c.types, |c| &mut c.types);
            let keywords = row.nested("keywords", |c| &c.keywords, |c| &mut c.keywords);
            let workflow = row.nested("workflow", |c| &c.workflow, |c| &mut c.workflow);
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("name", "Name"),
                        row.read(|c: &Category| c.name.clone()),
                        row.write(|c: &mut Category, v| c.name = v),
                        false,
                    )}
                    {name_select(
                        row.field("priority", "Default priority"),
                        names.priorities,
                        row.read(|c: &Category| c.priority.clone()),
                        row.write(|c: &mut Category, v| c.priority = v),
                        None,
                    )}
                    {name_select(
                        row.field("route_to", "Route to tier"),
                        names.tiers,
                        row.read(|c: &Category| c.route_to.clone()),
                        row.write(|c: &mut Category, v| c.route_to = v),
                        None,
                    )}
                    {text_field(
                        row.field("team", "Team"),
                        row.read(|c: &Category| c.team.clone()),
                        row.write(|c: &mut Category, v| c.team = v),
                        false,
                    )}
                    {parsed_field(
                        row.field("volume_share", "Share of tickets (%)"),
                        row.read(|c: &Category| c.volume_share),
                        row.write(|c: &mut Category, v| c.volume_share = v),
                        PERCENT,
                    )}
                </div>
                <div class="sublists">
                    <div>
                        <h3 class="subhead">"Types"</h3>
                        {string_list(plan, types, format!("{} type", row.name))}
                    </div>
                    <div>
                        <h3 class="subhead">"Keywords"</h3>
                        {string_list(plan, keywords, format!("{} keyword", row.name))}
                    </div>
                    <div>
                        <h3 class="subhead">"Workflow steps"</h3>
                        {string_list(plan, workflow, format!("{} workflow step", row.name))}
                    </div>
                </div>
            }
        },
        Some(|c: &Category| {
            [&c.name, &c.team, &c.route_to]
                .into_iter()
                .chain(&c.types)
                .chain(&c.keywords)
                .map(String::as_str)
                .collect::<Vec<_>>()
                .join(" ")
        }),
    );
    group(
        "Ticket taxonomy",
        "Categories with their types, default priority and routing.",
        list,
    )
}

pub fn sla_form(plan: RwSignal<Plan>) -> impl IntoView {
    let names = Names::new(plan);
    let lens = ListLens::new("sla", |p| Some(&p.sla), |p| Some(&mut p.sla));
    let new_target = || SlaTarget {
        calendar: crate::plan::ALWAYS_OPEN.to_string(),
        ..SlaTarget::default()
    };
    let list = row_list(
        plan,
        lens,
        "SLA target".into(),
        new_target,
        RowLayout::Card,
        move |row| {
            view! {
                <div class="field-grid">
                    {name_select(
                        row.field("priority", "Priority"),
                        names.priorities,
                        row.read(|s: &SlaTarget| s.priority.clone()),
                        row.write(|s: &mut SlaTarget, v| s.priority = v),
                        None,
                    )}
                    {parsed_field(
                        row.field("first_response", "First response"),
                        row.read(|s: &SlaTarget| s.first_response),
                        row.write(|s: &mut SlaTarget, v| s.first_response = v),
                        DURATION,
                    )}
                    {parsed_field(
                        row.field("next_response", "Next response"),
                        row.read(|s: &SlaTarget| s.next_response),
                        row.write(|s: &mut SlaTarget, v| s.next_response = v),
                        OPTIONAL_DURATION,
                    )}
                    {parsed_field(
                        row.field("resolution", "Resolution"),
                        row.read(|s: &SlaTarget| s.resolution),
                        row.write(|s: &mut SlaTarget, v| s.resolution = v),
                        DURATION,
                    )}
                    {name_select(
                        row.field("calendar", "Calendar"),
                        names.calendars,
                        row.read(|s: &SlaTarget| s.calendar.clone()),
                        row.write(|s: &mut SlaTarget, v| s.calendar = v),
                        None,
                    )}
                    {parsed_field(
                        row.field("warn_before", "Warn before breach"),
                        row.read(|s: &SlaTarget| s.warn_before),
                        row.write(|s: &mut SlaTarget, v| s.warn_before = v),
                        OPTIONAL_DURATION,
                    )}
                </div>
            }
        },
        None,
    );
    let mapping_lens = ListLens::new(
        "helpdesk.priority_map",
        |p| Some(&p.helpdesk.priority_map),
        |p| Some(&mut p.helpdesk.priority_map),
    );
    let mapping = row_list(
        plan,
        mapping_lens,
        "Priority mapping".into(),
        PriorityMapping::default,
        RowLayout::Line,
        move |row| {
            view! {
                <div class="field-grid compact">
                    {name_select(
                        row.field("priority", "Plan priority"),
                        names.priorities,
                        row.read(|m: &PriorityMapping| m.priority.clone()),
                        row.write(|m: &mut PriorityMapping, v| m.priority = v),
                        None,
                    )}
                    {text_field(
                        row.field("helpdesk_priority", "Helpdesk priority"),
                        row.read(|m: &PriorityMapping| m.helpdesk_priority.clone()),
                        row.write(|m: &mut PriorityMapping, v| m.helpdesk_priority = v),
                        false,
                    )}
                </div>
            }
        },
        None,
    );
    view! {
        {group(
            "SLA targets",
            "Per priority. Durations: 30m, 4h, 1h30m, 2d, 3bd (business days). Leave optional ones empty.",
            list,
        )}
        {group(
            "Helpdesk priority mapping",
            "How each plan priority maps onto the helpdesk's own (urgent, high, normal, low).",
            mapping,
        )}
    }
}

pub fn escalation_form(plan: RwSignal<Plan>) -> impl IntoView {
    let names = Names::new(plan);
    let lens = ListLens::new(
        "escalation.rules",
        |p| Some(&p.escalation.rules),
        |p| Some(&mut p.escalation.rules),
    );
    let rules = row_list(
        plan,
        lens,
        "Escalation rule".into(),
        EscalationRule::default,
        RowLayout::Card,
        move |row| {
            let notify = row.nested("notify", |r| &r.notify, |r| &mut r.notify);
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("trigger", "Trigger"),
                        row.read(|r: &EscalationRule| r.trigger.clone()),
                        row.write(|r: &mut EscalationRule, v| r.trigger = v),
                        true,
                    )}
                    {name_select(
                        row.field("priority", "Priority"),
                        names.priorities,
                        row.read(|r: &EscalationRule| r.priority.clone().unwrap_or_default()),
                        row.write(|r: &mut EscalationRule, v: String| {
                            r.priority = (!v.is_empty()).then_some(v)
                        }),
                        Some("Any priority"),
                    )}
                    {enum_select(
                        row.field("metric", "SLA clock"),
                        &SlaMetric::ALL,
                        SlaMetric::label,
                        row.read(|r: &EscalationRule| r.metric),
                        row.write(|r: &mut EscalationRule, v| r.metric = v),
                    )}
                    {text_field(
                        row.field("escalate_to", "Escalate to"),
                        row.read(|r: &EscalationRule| r.escalate_to.clone()),
                        row.write(|r: &mut EscalationRule, v| r.escalate_to = v),
                        false,
                    )}
                    {parsed_field(
                        row.field("timeframe", "Timeframe"),
                        row.read(|r: &EscalationRule| r.timeframe),
                        row.write(|r: &mut EscalationRule, v| r.timeframe = v),
                        DURATION,
                    )}
                    {enum_select(
                        row.field("path", "Path"),
                        &EscalationPath::ALL,
                        EscalationPath::label,
                        row.read(|r: &EscalationRule| r.path),
                        row.write(|r: &mut EscalationRule, v| r.path = v),
                    )}
                </div>
                <h3 class="subhead">"Notify"</h3>
                {string_list(plan, notify, format!("{} notify", row.name))}
            }
        },
        Some(|r: &EscalationRule| {
            format!("{} {} {}", r.trigger, r.escalate_to, r.notify.join(" "))
        }),
    );
    let handoff = ListLens::new(
        "escalation.handoff_protocol",
        |p| Some(&p.escalation.handoff_protocol),
        |p| Some(&mut p.escalation.handoff_protocol),
    );
    view! {
        {group(
            "Escalation matrix",
            "Trigger → escalate to → timeframe → notify. The timeframe runs on the guarded SLA's clock.",
            rules,
        )}
        {group(
            "Handoff protocol",
            "What every handoff between tiers must carry, in order.",
            string_list(plan, handoff, "Handoff step".into()),
        )}
    }
}
