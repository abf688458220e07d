//! Sections about outcomes: self-service, automation, success metrics and the feedback loop,
//! customer success (health score, outreach, renewals, signals) and the four-phase roadmap.

use leptos::prelude::*;

use crate::plan::{
    HealthBand, HealthColour, HealthComponent, OutreachTrigger, Plan, Roadmap, RoadmapStep,
    StepStatus,
};

use super::super::inputs::{
    checkbox, enum_select, parsed_field, text_field, Field, COUNT, DURATION, OPTIONAL_DATE,
    OPTIONAL_DURATION, OPTIONAL_PERCENT, PERCENT,
};
use super::super::row_list::{row_list, string_list, ListLens, RowLayout};
use super::{group, read, write};

/// A list of words or steps at a fixed place in the plan.
macro_rules! words {
    ($plan:expr, $path:literal, $noun:literal, $($field:ident).+) => {
        string_list(
            $plan,
            ListLens::new($path, |p| Some(&p.$($field).+), |p| Some(&mut p.$($field).+)),
            $noun.to_string(),
        )
    };
}

pub fn self_service_form(plan: RwSignal<Plan>) -> impl IntoView {
    view! {
        {group(
            "Knowledge base",
            "Topics the knowledge base covers.",
            words!(plan, "self_service.knowledge_base", "Knowledge base topic", self_service.knowledge_base),
        )}
        {group(
            "FAQ",
            "The top questions customers ask.",
            words!(plan, "self_service.faq", "FAQ entry", self_service.faq),
        )}
        {group(
            "Video tutorials",
            "",
            words!(plan, "self_service.video_tutorials", "Video tutorial", self_service.video_tutorials),
        )}
        {group(
            "Community",
            "",
            checkbox(
                Field::new("self_service.community_forum", "Community forum"),
                read(plan, |p| p.self_service.community_forum),
                write(plan, |p, v| p.self_service.community_forum = v),
            ),
        )}
    }
}

pub fn automation_form(plan: RwSignal<Plan>) -> impl IntoView {
    view! {
        {group(
            "Auto-reply",
            "Scenarios answered automatically.",
            words!(plan, "automation.auto_reply", "Auto-reply scenario", automation.auto_reply),
        )}
        {group(
            "Auto-route",
            "Routing rules applied on arrival.",
            words!(plan, "automation.auto_route", "Auto-route rule", automation.auto_route),
        )}
        {group(
            "Auto-resolve",
            "Cases closed without an agent.",
            words!(plan, "automation.auto_resolve", "Auto-resolve case", automation.auto_resolve),
        )}
        {group(
            "Chatbot",
            "",
            view! {
                <div class="field-grid">
                    {text_field(
                        Field::new("automation.chatbot", "Chatbot coverage"),
                        read(plan, |p| p.automation.chatbot.clone()),
                        write(plan, |p, v| p.automation.chatbot = v),
                        true,
                    )}
                    {parsed_field(
                        Field::new("automation.chatbot_containment", "Containment (%)"),
                        read(plan, |p| p.automation.chatbot_containment),
                        write(plan, |p, v| p.automation.chatbot_containment = v),
                        OPTIONAL_PERCENT,
                    )}
                </div>
            },
        )}
    }
}

pub fn metrics_form(plan: RwSignal<Plan>) -> impl IntoView {
    let durations = view! {
        <div class="metric-grid">
            <span class="metric-name">"First response time"</span>
            {parsed_field(
                Field::new("metrics.first_response.baseline", "Baseline today")
                    .named("First response time baseline"),
                read(plan, |p| p.metrics.first_response.baseline),
                write(plan, |p, v| p.metrics.first_response.baseline = v),
                OPTIONAL_DURATION,
            )}
            {parsed_field(
                Field::new("metrics.first_response.target", "Target").named("First response time target"),
                read(plan, |p| p.metrics.first_response.target),
                write(plan, |p, v| p.metrics.first_response.target = v),
                DURATION,
            )}
            <span class="metric-name">"Resolution time"</span>
            {parsed_field(
                Field::new("metrics.resolution.baseline", "Baseline today").named("Resolution time baseline"),
                read(plan, |p| p.metrics.resolution.baseline),
                write(plan, |p, v| p.metrics.resolution.baseline = v),
                OPTIONAL_DURATION,
            )}
            {parsed_field(
                Field::new("metrics.resolution.target", "Target").named("Resolution time target"),
                read(plan, |p| p.metrics.resolution.target),
                write(plan, |p, v| p.metrics.resolution.target = v),
                DURATION,
            )}
        </div>
    };
    let percents = view! {
        <div class="metric-grid">
            <span class="metric-name">"CSAT score (%)"</span>
            {parsed_field(
                Field::new("metrics.csat.baseline", "Baseline today").named("CSAT baseline"),
                read(plan, |p| p.metrics.csat.baseline),
                write(plan, |p, v| p.metrics.csat.baseline = v),
                OPTIONAL_PERCENT,
            )}
            {parsed_field(
                Field::new("metrics.csat.target", "Target").named("CSAT target"),
                read(plan, |p| p.metrics.csat.target),
                write(plan, |p, v| p.metrics.csat.target = v),
                PERCENT,
            )}
            <span class="metric-name">"First contact resolution (%)"</span>
            {parsed_field(
                Field::new("metrics.first_contact_resolution.baseline", "Baseline today")
                    .named("First contact resolution baseline"),
                read(plan, |p| p.metrics.first_contact_resolution.baseline),
                write(plan, |p, v| p.metrics.first_contact_resolution.baseline = v),
                OPTIONAL_PERCENT,
            )}
            {parsed_field(
                Field::new("metrics.first_contact_resolution.target", "Target")
                    .named("First contact resolution target"),
                read(plan, |p| p.metrics.first_contact_resolution.target),
                write(plan, |p, v| p.metrics.first_contact_resolution.target = v),
                PERCENT,
            )}
            <span class="metric-name">"Ticket deflection (%)"</span>
            {parsed_field(
                Field::new("metrics.deflection.baseline", "Baseline today").named("Deflection baseline"),
                read(plan, |p| p.metrics.deflection.baseline),
                write(plan, |p, v| p.metrics.deflection.baseline = v),
                OPTIONAL_PERCENT,
            )}
            {parsed_field(
                Field::new("metrics.deflection.target", "Target").named("Deflection target"),
                read(plan, |p| p.metrics.deflection.target),
                write(plan, |p, v| p.metrics.deflection.target = v),
                PERCENT,
            )}
        </div>
    };
    let feedback = view! {
        <div class="field-grid">
            {text_field(
                Field::new("feedback.weekly", "Weekly"),
                read(plan, |p| p.feedback.weekly.clone()),
                write(plan, |p, v| p.feedback.weekly = v),
                true,
            )}
            {text_field(
                Field::new("feedback.monthly", "Monthly"),
                read(plan, |p| p.feedback.monthly.clone()),
                write(plan, |p, v| p.feedback.monthly = v),
                true,
            )}
            {text_field(
                Field::new("feedback.quarterly", "Quarterly"),
                read(plan, |p| p.feedback.quarterly.clone()),
                write(plan, |p, v| p.feedback.quarterly = v),
                true,
            )}
        </div>
    };
    view! {
        {group("Time targets", "Baseline is today's figure from the Assess phase (optional).", durations)}
        {group("Percentage targets", "", percents)}
        {group("Feedback loop", "What is reported, and to whom, on each cadence.", feedback)}
    }
}

pub fn customer_success_form(plan: RwSignal<Plan>) -> impl IntoView {
    let components = row_list(
        plan,
        ListLens::new(
            "customer_success.health.components",
            |p| Some(&p.customer_success.health.components),
            |p| Some(&mut p.customer_success.health.components),
        ),
        "Health component".into(),
        HealthComponent::default,
        RowLayout::Line,
        |row| {
            view! {
                <div class="field-grid compact">
                    {text_field(
                        row.field("name", "Name"),
                        row.read(|c: &HealthComponent| c.name.clone()),
                        row.write(|c: &mut HealthComponent, v| c.name = v),
                        false,
                    )}
                    {parsed_field(
                        row.field("weight", "Weight (%)"),
                        row.read(|c: &HealthComponent| c.weight),
                        row.write(|c: &mut HealthComponent, v| c.weight = v),
                        PERCENT,
                    )}
                    {text_field(
                        row.field("signal", "Measured by"),
                        row.read(|c: &HealthComponent| c.signal.clone()),
                        row.write(|c: &mut HealthComponent, v| c.signal = v),
                        false,
                    )}
                </div>
            }
        },
        None,
    );
    let bands = row_list(
        plan,
        ListLens::new(
            "customer_success.health.bands",
            |p| Some(&p.customer_success.health.bands),
            |p| Some(&mut p.customer_success.health.bands),
        ),
        "Health band".into(),
        HealthBand::default,
        RowLayout::Line,
        |row| {
            view! {
                <div class="field-grid compact">
                    {enum_select(
                        row.field("colour", "Colour"),
                        &HealthColour::ALL,
                        HealthColour::label,
                        row.read(|b: &HealthBand| b.colour),
                        row.write(|b: &mut HealthBand, v| b.colour = v),
                    )}
                    {parsed_field(
                        row.field("min", "From score"),
                        row.read(|b: &HealthBand| b.min),
                        row.write(|b: &mut HealthBand, v| b.min = v),
                        COUNT,
                    )}
                    {parsed_field(
                        row.field("max", "To score"),
                        row.read(|b: &HealthBand| b.max),
                        row.write(|b: &mut HealthBand, v| b.max = v),
                        COUNT,
                    )}
                </div>
            }
        },
        None,
    );
    let outreach = row_list(
        plan,
        ListLens::new(
            "customer_success.outreach",
            |p| Some(&p.customer_success.outreach),
            |p| Some(&mut p.customer_success.outreach),
        ),
        "Outreach trigger".into(),
        OutreachTrigger::default,
        RowLayout::Card,
        |row| {
            view! {
                <div class="field-grid">
                    {text_field(
                        row.field("trigger", "Trigger"),
                        row.read(|o: &OutreachTrigger| o.trigger.clone()),
                        row.write(|o: &mut OutreachTrigger, v| o.trigger = v),
                        false,
                    )}
                    {text_field(
                        row.field("action", "Action"),
                        row.read(|o: &OutreachTrigger| o.action.clone()),
                        row.write(|o: &mut OutreachTrigger, v| o.action = v),
                        false,
                    )}
                    {text_field(
                        row.field("owner", "Owner"),
                        row.read(|o: &OutreachTrigger| o.owner.clone()),
                        row.write(|o: &mut OutreachTrigger, v| o.owner = v),
                        false,
                    )}
                </div>
            }
        },
        None,
    );
    view! {
        {group("Health score components", "Weighted inputs; the weights add up to 100.", components)}
        {group("Health bands", "Score ranges (0–100) for red, yellow and green.", bands)}
        {group("Proactive outreach", "Signals that make the success team reach out first.", outreach)}
        {group(
            "Renewal playbook",
            "Steps, in order.",
            words!(plan, "customer_success.renewal_playbook", "Renewal step", customer_success.renewal_playbook),
        )}
        {group(
            "Expansion signals",
            "",
            words!(plan, "customer_success.expansion_signals", "Expansion signal", customer_success.expansion_signals),
        )}
        {group(
            "Churn signals",
            "",
            words!(plan, "customer_success.churn_signals", "Churn signal", customer_success.churn_signals),
        )}
    }
}

/// One phase's steps.
fn phase(
    plan: RwSignal<Plan>,
    key: &'static str,
    title: &'static str,
    get: fn(&Roadmap) -> &Vec<RoadmapStep>,
    get_mut: fn(&mut Roadmap) -> &mut Vec<RoadmapStep>,
) -> impl IntoView {
    let lens = ListLens::new(
        format!("roadmap.{key}"),
        move |p| Some(get(&p.roadmap)),
        move |p| Some(get_mut(&mut p.roadmap)),
    );
    let steps = row_list(
        plan,
        lens,
        format!("{title} step"),
        RoadmapStep::default,
        RowLayout::Line,
        |row| {
            view! {
                <div class="field-grid compact roadmap-step">
                    {text_field(
                        row.field("title", "Step"),
                        row.read(|s: &RoadmapStep| s.title.clone()),
                        row.write(|s: &mut RoadmapStep, v| s.title = v),
                        false,
                    )}
                    {text_field(
                        row.field("owner", "Owner"),
                        row.read(|s: &RoadmapStep| s.owner.clone()),
                        row.write(|s: &mut RoadmapStep, v| s.owner = v),
                        false,
                    )}
                    {enum_select(
                        row.field("status", "Status"),
                        &StepStatus::ALL,
                        StepStatus::label,
                        row.read(|s: &RoadmapStep| s.status),
                        row.write(|s: &mut RoadmapStep, v| s.status = v),
                    )}
                    {parsed_field(
                        row.field("due", "Due"),
                        row.read(|s: &RoadmapStep| s.due),
                        row.write(|s: &mut RoadmapStep, v| s.due = v),
                        OPTIONAL_DATE,
                    )}
                </div>
            }
        },
        None,
    );
    group(title, "", steps)
}

pub fn roadmap_form(plan: RwSignal<Plan>) -> impl IntoView {
    view! {
        {phase(plan, "assess", "Assess", |r| &r.assess, |r| &mut r.assess)}
        {phase(plan, "design", "Design", |r| &r.design, |r| &mut r.design)}
        {phase(plan, "implement", "Implement", |r| &r.implement, |r| &mut r.implement)}
        {phase(plan, "optimize", "Optimize", |r| &r.optimize, |r| &mut r.optimize)}
    }
}
