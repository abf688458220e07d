//! What each designer page shows, declared once: groups, fields and lists with their labels,
//! kinds and hints. The designer draws these; tests check every path against the plan model.

use super::{Custom, FieldSpec, Item, Kind, Layout, ListSpec, Names};
use crate::plan::Page;

/// A field with no hint, at normal width.
const fn field(key: &'static str, label: &'static str, kind: Kind) -> Item {
    Item::Field(FieldSpec {
        key,
        label,
        name: None,
        kind,
        hint: "",
        wide: false,
    })
}

/// A field taking the whole width (long text).
const fn wide(key: &'static str, label: &'static str, kind: Kind) -> Item {
    Item::Field(FieldSpec {
        key,
        label,
        name: None,
        kind,
        hint: "",
        wide: true,
    })
}

/// A field with a line of help under it.
const fn hinted(key: &'static str, label: &'static str, kind: Kind, hint: &'static str) -> Item {
    Item::Field(FieldSpec {
        key,
        label,
        name: None,
        kind,
        hint,
        wide: false,
    })
}

/// A field whose accessible name differs from its label ("CSAT target" for "Target").
const fn named(key: &'static str, label: &'static str, name: &'static str, kind: Kind) -> Item {
    Item::Field(FieldSpec {
        key,
        label,
        name: Some(name),
        kind,
        hint: "",
        wide: false,
    })
}

const fn group(title: &'static str, help: &'static str, items: &'static [Item]) -> Item {
    Item::Group { title, help, items }
}

/// A list of words or steps.
const fn words(key: &'static str, noun: &'static str) -> Item {
    Item::List(ListSpec {
        key,
        noun,
        layout: Layout::Words,
        items: &[],
        search: &[],
        init: &[],
        copyable: false,
    })
}

const fn rows(
    key: &'static str,
    noun: &'static str,
    layout: Layout,
    items: &'static [Item],
) -> ListSpec {
    ListSpec {
        key,
        noun,
        layout,
        items,
        search: &[],
        init: &[],
        copyable: false,
    }
}

/// The fields in the designer's own header, above every page.
pub const HEADER: &[Item] = &[field("header.product", "Product", Kind::Text)];

/// The form of a page.
pub fn page(page: Page) -> &'static [Item] {
    match page {
        Page::Overview => OVERVIEW,
        Page::Assess => ASSESS,
        Page::Measured => MEASURED,
        Page::Channels => CHANNELS,
        Page::Taxonomy => TAXONOMY,
        Page::Tiers => TIERS,
        Page::Sla => SLA,
        Page::Escalation => ESCALATION,
        Page::SelfService => SELF_SERVICE,
        Page::Automation => AUTOMATION,
        Page::Metrics => METRICS,
        Page::CustomerSuccess => CUSTOMER_SUCCESS,
        Page::Roadmap => ROADMAP,
        Page::Capacity => CAPACITY,
    }
}

const OVERVIEW: &[Item] = &[
    group(
        "Plan header",
        "The product name is at the top of the page.",
        &[
            field(
                "header.monthly_volume",
                "Monthly volume (tickets)",
                Kind::Count,
            ),
            field("header.team_size", "Team size (agents)", Kind::Count),
            field("header.time_zone", "Home time zone", Kind::TimeZone),
        ],
    ),
    group(
        "Calendars",
        "Business hours the channels, tiers and SLA clocks run on. 24/7 is built in.",
        &[Item::List(ListSpec {
            init: &[("time_zone", "@home-zone")],
            ..rows(
                "calendars",
                "Calendar",
                Layout::Card,
                &[
                    field("name", "Name", Kind::Label(Names::Calendars)),
                    field("time_zone", "Time zone", Kind::TimeZone),
                    Item::Heading("Open hours"),
                    Item::Custom(Custom::WeekHours),
                    Item::List(rows(
                        "intervals",
                        "interval",
                        Layout::Line,
                        &[
                            field("day", "Day", Kind::Choice),
                            field("start", "Opens", Kind::Time),
                            field("end", "Closes", Kind::Time),
                            field("overnight", "Overnight (ends next day)", Kind::Check),
                        ],
                    )),
                    Item::Heading("Holidays"),
                    field(
                        "holidays_from",
                        "Same holidays as",
                        Kind::Name(Names::Calendars, Some("Its own only")),
                    ),
                    Item::Custom(Custom::HolidayPresets),
                    Item::List(rows(
                        "holidays",
                        "holiday",
                        Layout::Line,
                        &[
                            field("name", "Holiday", Kind::Text),
                            field("date", "Date", Kind::Date),
                            field("yearly", "Every year", Kind::Check),
                        ],
                    )),
                ],
            )
        })],
    ),
    group(
        "Priorities",
        "Most urgent first. Use Move up / Move down to reorder.",
        &[Item::List(rows(
            "priorities",
            "Priority",
            Layout::Card,
            &[
                field("name", "Name", Kind::Label(Names::Priorities)),
                wide("description", "When to use it", Kind::Text),
            ],
        ))],
    ),
];

const CHANNELS: &[Item] = &[group(
    "Channels",
    "How customers reach support, and who answers each channel first.",
    &[Item::List(ListSpec {
        init: &[("concurrency", "1"), ("hours", "24/7")],
        search: &["name", "use_case", "route_to"],
        ..rows(
            "channels",
            "Channel",
            Layout::Card,
            &[
                field("name", "Name", Kind::Label(Names::Channels)),
                field("kind", "Kind", Kind::Choice),
                field("hours", "Hours", Kind::Name(Names::Calendars, None)),
                field("route_to", "Route to tier", Kind::Name(Names::Tiers, None)),
                field(
                    "default_priority",
                    "Default priority",
                    Kind::Name(Names::Priorities, Some("None")),
                ),
                field("volume_share", "Share of volume (%)", Kind::Number("%")),
                field("handle_time", "Handle time", Kind::Duration),
                field("concurrency", "Concurrency", Kind::Count),
                wide("use_case", "Use case", Kind::LongText),
                Item::Heading("Offered to (empty: every SLA policy's customers)"),
                Item::List(rows(
                    "available_to",
                    "SLA policy",
                    Layout::Line,
                    &[field("", "SLA policy", Kind::Name(Names::Policies, None))],
                )),
                Item::Heading("On-call cover (empty rotation: agents at desks only)"),
                field(
                    "on_call.rotation",
                    "On-call rotation (tier or role)",
                    Kind::Suggest(Names::Tiers),
                ),
                field("on_call.people", "People on call at once", Kind::Count),
                field(
                    "on_call.expected_contacts",
                    "Expected on-call contacts",
                    Kind::OptionalNumber("contacts"),
                ),
                field("on_call.per", "Counted", Kind::Choice),
                field(
                    "on_call.handle_time",
                    "On-call handle time",
                    Kind::OptionalDuration,
                ),
                field(
                    "on_call.hours",
                    "On-call hours",
                    Kind::Name(Names::Calendars, Some("The channel's hours")),
                ),
            ],
        )
    })],
)];

const TIERS: &[Item] = &[group(
    "Tiers",
    "Who handles what, and how fast each tier responds (0m = instant).",
    &[Item::List(ListSpec {
        init: &[("hours", "24/7")],
        ..rows(
            "tiers",
            "Support tier",
            Layout::Card,
            &[
                field("name", "Name", Kind::Label(Names::Tiers)),
                field("handles", "Handles", Kind::Text),
                field("response", "Response target", Kind::Duration),
                field("hours", "Hours", Kind::Name(Names::Calendars, None)),
            ],
        )
    })],
)];

const TAXONOMY: &[Item] = &[group(
    "Ticket taxonomy",
    "Categories with their types, default priority and routing.",
    &[Item::List(ListSpec {
        search: &["name", "team", "route_to", "types", "keywords"],
        ..rows(
            "taxonomy",
            "Category",
            Layout::Card,
            &[
                field("name", "Name", Kind::Text),
                field(
                    "priority",
                    "Default priority",
                    Kind::Name(Names::Priorities, None),
                ),
                field("route_to", "Route to tier", Kind::Name(Names::Tiers, None)),
                field("team", "Team", Kind::Text),
                field("volume_share", "Share of tickets (%)", Kind::Number("%")),
                Item::Heading("Types"),
                words("types", "type"),
                Item::Heading("Keywords"),
                words("keywords", "keyword"),
                Item::Heading("Workflow steps"),
                words("workflow", "workflow step"),
            ],
        )
    })],
)];

/// One metric of an SLA row: its target and the calendar its clock runs on.
const fn metric(
    target: &'static str,
    calendar: &'static str,
    label: &'static str,
    clock: &'static str,
) -> [Item; 2] {
    [
        field(target, label, Kind::Target),
        field(calendar, clock, Kind::Name(Names::Calendars, None)),
    ]
}

const NEXT: [Item; 2] = metric(
    "next_response.target",
    "next_response.calendar",
    "Next response",
    "Next response clock",
);
const UPDATE: [Item; 2] = metric(
    "periodic_update.target",
    "periodic_update.calendar",
    "Periodic update",
    "Periodic update clock",
);

const SLA: &[Item] = &[
    Item::Custom(Custom::SlaMatrix),
    group(
        "SLA policies",
        "Contract levels in match order: a ticket gets the first policy that applies to it. \
         Targets: 30m, 4h, 24h, 3bd (business days), \"best effort\", or empty for no target; \
         each on its own clock.",
        &[Item::List(ListSpec {
            copyable: true,
            ..rows(
                "sla",
                "SLA policy",
                Layout::Card,
                &[
                    field("name", "Name", Kind::Label(Names::Policies)),
                    wide("description", "Description", Kind::LongText),
                    Item::Heading("Applies to (all empty: everyone; that policy goes last)"),
                    words("applies_to.segments", "segment"),
                    words("applies_to.organizations", "organisation"),
                    Item::List(rows(
                        "applies_to.channels",
                        "channel",
                        Layout::Line,
                        &[field("", "Channel", Kind::Name(Names::Channels, None))],
                    )),
                    Item::Heading("Targets by priority"),
                    Item::List(ListSpec {
                        init: &[
                            ("first_response.calendar", "24/7"),
                            ("resolution.calendar", "24/7"),
                        ],
                        ..rows(
                            "targets",
                            "target",
                            Layout::Card,
                            &[
                                field("priority", "Priority", Kind::Name(Names::Priorities, None)),
                                hinted(
                                    "warn_before",
                                    "Warn before breach",
                                    Kind::OptionalDuration,
                                    "",
                                ),
                                // First response and resolution, targets and clocks, are
                                // edited in the matrix above.
                                NEXT[0],
                                NEXT[1],
                                UPDATE[0],
                                UPDATE[1],
                            ],
                        )
                    }),
                ],
            )
        })],
    ),
    group(
        "Helpdesk priority mapping",
        "How each plan priority maps onto the helpdesk's own (urgent, high, normal, low).",
        &[Item::List(rows(
            "helpdesk.priority_map",
            "Priority mapping",
            Layout::Line,
            &[
                field(
                    "priority",
                    "Plan priority",
                    Kind::Name(Names::Priorities, None),
                ),
                field("helpdesk_priority", "Helpdesk priority", Kind::Text),
            ],
        ))],
    ),
];

const ESCALATION: &[Item] = &[
    group(
        "Escalation matrix",
        "Trigger → escalate to → timeframe → notify. The timeframe runs on the guarded target's \
         clock, from ticket creation or from the breach.",
        &[Item::List(ListSpec {
            search: &["trigger", "escalate_to", "notify"],
            ..rows(
                "escalation.rules",
                "Escalation rule",
                Layout::Card,
                &[
                    wide("trigger", "Trigger", Kind::LongText),
                    field(
                        "priority",
                        "Priority",
                        Kind::Name(Names::Priorities, Some("Any priority")),
                    ),
                    field(
                        "policy",
                        "SLA policy",
                        Kind::Name(Names::Policies, Some("Every policy")),
                    ),
                    field("metric", "SLA clock", Kind::Choice),
                    hinted(
                        "escalate_to",
                        "Escalate to",
                        Kind::Suggest(Names::Tiers),
                        "A tier of the plan, or the role that takes over.",
                    ),
                    field("timeframe", "Timeframe", Kind::Duration),
                    field("measured_from", "Measured", Kind::Choice),
                    field("path", "Path", Kind::Choice),
                    Item::Heading("Notify"),
                    words("notify", "notify"),
                ],
            )
        })],
    ),
    group(
        "Handoff protocol",
        "What every handoff between tiers must carry, in order.",
        &[words("escalation.handoff_protocol", "Handoff step")],
    ),
];

const SELF_SERVICE: &[Item] = &[
    group(
        "Knowledge base",
        "Topics the knowledge base covers.",
        &[words("self_service.knowledge_base", "Knowledge base topic")],
    ),
    group(
        "FAQ",
        "The top questions customers ask.",
        &[words("self_service.faq", "FAQ entry")],
    ),
    group(
        "Video tutorials",
        "",
        &[words("self_service.video_tutorials", "Video tutorial")],
    ),
    group(
        "Community",
        "",
        &[field(
            "self_service.community_forum",
            "Community forum",
            Kind::Check,
        )],
    ),
];

const AUTOMATION: &[Item] = &[
    group(
        "Auto-reply",
        "Scenarios answered automatically.",
        &[words("automation.auto_reply", "Auto-reply scenario")],
    ),
    group(
        "Auto-route",
        "Routing rules applied on arrival.",
        &[words("automation.auto_route", "Auto-route rule")],
    ),
    group(
        "Auto-resolve",
        "Cases closed without an agent.",
        &[words("automation.auto_resolve", "Auto-resolve case")],
    ),
    group(
        "Chatbot",
        "",
        &[
            wide("automation.chatbot", "Chatbot coverage", Kind::LongText),
            field(
                "automation.chatbot_containment",
                "Containment (%)",
                Kind::OptionalNumber("%"),
            ),
        ],
    ),
];

const METRICS: &[Item] = &[
    group(
        "Time targets",
        "Baseline is today's figure from the Assess phase (optional).",
        &[
            named(
                "metrics.first_response.baseline",
                "Baseline today",
                "First response time baseline",
                Kind::OptionalDuration,
            ),
            named(
                "metrics.first_response.target",
                "Target",
                "First response time target",
                Kind::Duration,
            ),
            named(
                "metrics.resolution.baseline",
                "Baseline today",
                "Resolution time baseline",
                Kind::OptionalDuration,
            ),
            named(
                "metrics.resolution.target",
                "Target",
                "Resolution time target",
                Kind::Duration,
            ),
        ],
    ),
    group(
        "Percentage targets",
        "",
        &[
            named(
                "metrics.csat.baseline",
                "Baseline today",
                "CSAT baseline",
                Kind::OptionalNumber("%"),
            ),
            named(
                "metrics.csat.target",
                "Target",
                "CSAT target",
                Kind::Number("%"),
            ),
            named(
                "metrics.first_contact_resolution.baseline",
                "Baseline today",
                "First contact resolution baseline",
                Kind::OptionalNumber("%"),
            ),
            named(
                "metrics.first_contact_resolution.target",
                "Target",
                "First contact resolution target",
                Kind::Number("%"),
            ),
            named(
                "metrics.deflection.baseline",
                "Baseline today",
                "Deflection baseline",
                Kind::OptionalNumber("%"),
            ),
            named(
                "metrics.deflection.target",
                "Target",
                "Deflection target",
                Kind::Number("%"),
            ),
        ],
    ),
    group(
        "Other metrics",
        "The team's own measures beside the brief's five: NPS, backlog, reopen rate…",
        &[Item::List(rows(
            "metrics.custom",
            "Metric",
            Layout::Card,
            &[
                field("name", "Name", Kind::Text),
                field("unit", "Unit", Kind::Text),
                field("better", "Direction", Kind::Choice),
                field("baseline", "Baseline today", Kind::OptionalNumber("")),
                field("target", "Target", Kind::OptionalNumber("")),
            ],
        ))],
    ),
    group(
        "Feedback loop",
        "What is reported, and to whom, on each cadence.",
        &[
            wide("feedback.weekly", "Weekly", Kind::LongText),
            wide("feedback.monthly", "Monthly", Kind::LongText),
            wide("feedback.quarterly", "Quarterly", Kind::LongText),
        ],
    ),
];

const CUSTOMER_SUCCESS: &[Item] = &[
    group(
        "Health score components",
        "Weighted inputs; the weights add up to 100.",
        &[Item::List(rows(
            "customer_success.health.components",
            "Health component",
            Layout::Card,
            &[
                field("name", "Name", Kind::Text),
                field("weight", "Weight (%)", Kind::Number("%")),
                wide("signal", "Measured by", Kind::Text),
            ],
        ))],
    ),
    group(
        "Health bands",
        "Score ranges (0–100) for red, yellow and green.",
        &[Item::List(rows(
            "customer_success.health.bands",
            "Health band",
            Layout::Line,
            &[
                field("colour", "Colour", Kind::Choice),
                field("min", "From score", Kind::Count),
                field("max", "To score", Kind::Count),
            ],
        ))],
    ),
    group(
        "Proactive outreach",
        "Signals that make the success team reach out first.",
        &[Item::List(rows(
            "customer_success.outreach",
            "Outreach trigger",
            Layout::Card,
            &[
                wide("trigger", "Trigger", Kind::Text),
                wide("action", "Action", Kind::Text),
                field("owner", "Owner", Kind::Text),
            ],
        ))],
    ),
    group(
        "Renewal playbook",
        "Steps, in order.",
        &[words("customer_success.renewal_playbook", "Renewal step")],
    ),
    group(
        "Expansion signals",
        "",
        &[words(
            "customer_success.expansion_signals",
            "Expansion signal",
        )],
    ),
    group(
        "Churn signals",
        "",
        &[words("customer_success.churn_signals", "Churn signal")],
    ),
];

const STEP: &[Item] = &[
    field("title", "Step", Kind::Text),
    field("owner", "Owner", Kind::Text),
    field("status", "Status", Kind::Choice),
    field("due", "Due", Kind::OptionalDate),
];

/// The brief's Phase 1: what today's operation is like, before the new one is designed.
const ASSESS: &[Item] = &[
    group(
        "Customer journey",
        "Stage by stage: where customers meet you, how they reach support, and what goes wrong today.",
        &[Item::List(rows(
            "assess.journey",
            "Journey stage",
            Layout::Card,
            &[
                field("stage", "Stage", Kind::Text),
                Item::Heading("Touchpoints"),
                words("touchpoints", "touchpoint"),
                Item::Heading("Channels customers use"),
                words("channels", "channel"),
                Item::Heading("What goes wrong"),
                words("goes_wrong", "problem"),
            ],
        ))],
    ),
    group(
        "Pain points",
        "Each with its evidence (a number or someone's words) and the parts of the plan that fix it.",
        &[Item::List(rows(
            "assess.pain_points",
            "Pain point",
            Layout::Card,
            &[
                wide("pain", "Pain point", Kind::Text),
                field("evidence.figure", "Evidence: number", Kind::OptionalNumber("")),
                field("evidence.unit", "What it counts", Kind::Text),
                wide("evidence.quote", "Evidence: quote", Kind::LongText),
                field("evidence.source", "Source", Kind::Text),
                wide("how", "How the plan fixes it", Kind::Text),
                Item::Heading("Parts of the plan that fix it (sla, channels, self_service …)"),
                words("addressed_by", "part of the plan that fixes it"),
            ],
        ))],
    ),
    group(
        "Competitor benchmarks",
        "How others support the same customers: channels, first response, hours.",
        &[Item::List(rows(
            "assess.competitors",
            "Competitor",
            Layout::Card,
            &[
                field("competitor", "Competitor", Kind::Text),
                field("first_response", "First response", Kind::OptionalDuration),
                field("hours", "Hours", Kind::Text),
                wide("notable", "Notable", Kind::Text),
                Item::Heading("Channels"),
                words("channels", "channel"),
            ],
        ))],
    ),
    group(
        "Improvement goals",
        "Each measured by a success metric, whose baseline and target are set on the Metrics page.",
        &[Item::List(rows(
            "assess.goals",
            "Goal",
            Layout::Card,
            &[
                wide("goal", "Goal", Kind::Text),
                field("metric", "Measured by", Kind::Choice),
                field("by", "By", Kind::OptionalDate),
            ],
        ))],
    ),
];

const ROADMAP: &[Item] = &[
    group(
        "Assess",
        "",
        &[Item::List(rows(
            "roadmap.assess",
            "Assess step",
            Layout::Line,
            STEP,
        ))],
    ),
    group(
        "Design",
        "",
        &[Item::List(rows(
            "roadmap.design",
            "Design step",
            Layout::Line,
            STEP,
        ))],
    ),
    group(
        "Implement",
        "",
        &[Item::List(rows(
            "roadmap.implement",
            "Implement step",
            Layout::Line,
            STEP,
        ))],
    ),
    group(
        "Optimize",
        "",
        &[Item::List(rows(
            "roadmap.optimize",
            "Optimize step",
            Layout::Line,
            STEP,
        ))],
    ),
];

const CAPACITY: &[Item] = &[
    Item::Custom(Custom::Capacity),
    group(
        "Volume forecast",
        "The next months' tickets from the measured history (Today, measured), each channel by the method that would have missed its last months by least.",
        &[Item::Custom(Custom::Forecast)],
    ),
    group(
        "Shifts",
        "The shifts people may work and how many days a week; the search below puts people on them so every hour has the agents Capacity needs, at the fewest paid hours. No shift listed: the built-in early, day, middle, late and night shifts.",
        &[
            Item::List(rows(
                "staffing.roster.templates",
                "shift",
                Layout::Line,
                &[
                    field("name", "Shift", Kind::Text),
                    field("start", "Starts", Kind::Time),
                    field("length", "Length (break included)", Kind::Duration),
                    field("unpaid_break", "Unpaid break", Kind::Duration),
                    wide("days", "Runs on", Kind::Weekdays),
                ],
            )),
            field(
                "staffing.roster.pattern.days_per_week",
                "Working days a week",
                Kind::Count,
            ),
            field(
                "staffing.roster.pattern.consecutive_days_off",
                "Days off together",
                Kind::Check,
            ),
            field(
                "staffing.roster.per_channel",
                "A team per channel (not one pooled team)",
                Kind::Check,
            ),
            Item::Custom(Custom::Shifts),
        ],
    ),
];
const MEASURED: &[Item] = &[Item::Custom(Custom::Measured)];

/// A field spec with a line of help, for the fields a custom view draws itself.
const fn spec(key: &'static str, label: &'static str, kind: Kind, hint: &'static str) -> FieldSpec {
    FieldSpec {
        key,
        label,
        name: None,
        kind,
        hint,
        wide: false,
    }
}

/// The plan-wide staffing assumptions, drawn by the Capacity view beside the head-count.
pub const STAFFING_FIELDS: &[FieldSpec] = &[
    spec(
        "staffing.service_level",
        "Service level (% answered in time)",
        Kind::Number("%"),
        "",
    ),
    spec(
        "staffing.max_occupancy",
        "Maximum occupancy (%)",
        Kind::Number("%"),
        "",
    ),
    spec(
        "staffing.shrinkage",
        "Shrinkage (% of paid time away)",
        Kind::Number("%"),
        "",
    ),
];

/// A live channel's own targets (below `channels[]`); empty means the default or plan-wide value.
pub const LIVE_CHANNEL_FIELDS: &[FieldSpec] = &[
    spec(
        "answer_within_seconds",
        "Answer within (seconds)",
        Kind::DefaultCount,
        "",
    ),
    spec(
        "service_level",
        "Service level (%)",
        Kind::PlanWide("%"),
        "",
    ),
    spec(
        "max_occupancy",
        "Maximum occupancy (%)",
        Kind::PlanWide("%"),
        "",
    ),
];

/// The simulated month's escalation share and goal.
pub const MONTH_FIELDS: &[FieldSpec] = &[
    spec(
        "staffing.escalation_share",
        "Escalating to the next tier (%)",
        Kind::Number("%"),
        "",
    ),
    spec(
        "staffing.attainment_goal",
        "Goal: tickets within target (%)",
        Kind::Number("%"),
        "",
    ),
    spec(
        "staffing.simulated_month",
        "Simulated month (any date in it)",
        Kind::OptionalDate,
        "Empty: next month. Its holidays close the calendars on their days.",
    ),
];
