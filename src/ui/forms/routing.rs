//! Sections that route work: channels, tiers, the ticket taxonomy, SLA targets per priority and
//! the escalation matrix with its handoff protocol.

use leptos::prelude::*;

use crate::plan::{
    Category, Channel, ChannelKind, EscalationPath, EscalationRule, EscalationStart, Plan,
    PriorityMapping, SlaMetric, SlaPolicy, SlaTarget, Tier,
};

use super::super::inputs::{
    enum_select, name_select, parsed_field, text_field, COUNT, DURATION, OPTIONAL_DURATION,
    PERCENT, TARGET,
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
                    {name_select(
                        row.field("default_priority", "Default priority"),
                        names.priorities,
                        row.read(|c: &Channel| c.default_priority.clone()),
                        row.write(|c: &mut Channel, v| c.default_priority = v),
                        Some("None"),
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

/// One SLA metric of a row: its target (a duration, "best effort" or none) and its clock.
macro_rules! metric_fields {
    ($row:expr, $calendars:expr, $metric:ident, $label:literal) => {
        view! {
            {parsed_field(
                $row.field(concat!(stringify!($metric), ".target"), $label),
                $row.read(|s: &SlaTarget| s.$metric.target),
                $row.write(|s: &mut SlaTarget, v| s.$metric.target = v),
                TARGET,
            )}
            {name_select(
                $row.field(concat!(stringify!($metric), ".calendar"), concat!($label, " clock")),
                $calendars,
                $row.read(|s: &SlaTarget| s.$metric.calendar.clone()),
                $row.write(|s: &mut SlaTarget, v| s.$metric.calendar = v),
                None,
            )}
        }
    };
}

pub fn sla_form(plan: RwSignal<Plan>) -> impl IntoView {
    let names = Names::new(plan);
    let lens = ListLens::new("sla", |p| Some(&p.sla), |p| Some(&mut p.sla));
    let new_policy = || SlaPolicy {
        name: "New policy".to_string(),
        ..SlaPolicy::default()
    };
    let policies = row_list(
        plan,
        lens,
        "SLA policy".into(),
        new_policy,
        RowLayout::Card,
        move |policy| {
            let segments = policy.nested(
                "applies_to.segments",
                |p| &p.applies_to.segments,
                |p| &mut p.applies_to.segments,
            );
            let organizations = policy.nested(
                "applies_to.organizations",
                |p| &p.applies_to.organizations,
                |p| &mut p.applies_to.organizations,
            );
            let channels = policy.nested(
                "applies_to.channels",
                |p| &p.applies_to.channels,
                |p| &mut p.applies_to.channels,
            );
            let targets = policy.nested("targets", |p| &p.targets, |p| &mut p.targets);
            let new_target = || SlaTarget {
                first_response: crate::plan::MetricTarget::new(
                    crate::plan::Target::NoTarget,
                    crate::plan::ALWAYS_OPEN,
                ),
                resolution: crate::plan::MetricTarget::new(
                    crate::plan::Target::NoTarget,
                    crate::plan::ALWAYS_OPEN,
                ),
                ..SlaTarget::default()
            };
            let rows = row_list(
                plan,
                targets,
                format!("{} target", policy.name),
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
                                row.field("warn_before", "Warn before breach"),
                                row.read(|s: &SlaTarget| s.warn_before),
                                row.write(|s: &mut SlaTarget, v| s.warn_before = v),
                                OPTIONAL_DURATION,
                            )}
                            {metric_fields!(row, names.calendars, first_response, "First response")}
                            {metric_fields!(row, names.calendars, resolution, "Resolution")}
                            {metric_fields!(row, names.calendars, next_response, "Next response")}
                            {metric_fields!(row, names.calendars, periodic_update, "Periodic update")}
                        </div>
                    }
                },
                None,
            );
            view! {
                <div class="field-grid">
                    {text_field(
                        policy.field("name", "Name"),
                        policy.read(|p: &SlaPolicy| p.name.clone()),
                        policy.write(|p: &mut SlaPolicy, v| p.name = v),
                        false,
                    )}
                    {text_field(
                        policy.field("description", "Description"),
                        policy.read(|p: &SlaPolicy| p.description.clone()),
                        policy.write(|p: &mut SlaPolicy, v| p.description = v),
                        true,
                    )}
                </div>
                <p class="help">
                    "Applies to: leave all three empty for everyone (that policy goes last)."
                </p>
                <div class="sublists">
                    <div>
                        <h3 class="subhead">"Segments"</h3>
                        {string_list(plan, segments, format!("{} segment", policy.name))}
                    </div>
                    <div>
                        <h3 class="subhead">"Organisations"</h3>
                        {string_list(plan, organizations, format!("{} organisation", policy.name))}
                    </div>
                    <div>
                        <h3 class="subhead">"Channels"</h3>
                        {string_list(plan, channels, format!("{} channel", policy.name))}
                    </div>
                </div>
                <h3 class="subhead">"Targets by priority"</h3>
                {rows}
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
    let _ = names.channels;
    view! {
        {group(
            "SLA policies",
            "Contract levels in match order: a ticket gets the first policy that applies to it. Targets: 30m, 4h, 24h, 3bd (business days), \"best effort\", or empty for no target; each on its own clock.",
            policies,
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
                    {name_select(
                        row.field("policy", "SLA policy"),
                        names.policies,
                        row.read(|r: &EscalationRule| r.policy.clone().unwrap_or_default()),
                        row.write(|r: &mut EscalationRule, v: String| {
                            r.policy = (!v.is_empty()).then_some(v)
                        }),
                        Some("Every policy"),
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
                        row.field("measured_from", "Measured"),
                        &EscalationStart::ALL,
                        EscalationStart::label,
                        row.read(|r: &EscalationRule| r.measured_from),
                        row.write(|r: &mut EscalationRule, v| r.measured_from = v),
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
            "Trigger → escalate to → timeframe → notify. The timeframe runs on the guarded target's clock, from ticket creation or from the breach.",
            rules,
        )}
        {group(
            "Handoff protocol",
            "What every handoff between tiers must carry, in order.",
            string_list(plan, handoff, "Handoff step".into()),
        )}
    }
}
