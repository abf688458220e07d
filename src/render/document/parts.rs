//! Each part of the plan as blocks: the words every format shows, and the two shapes a part
//! takes (the brief's text block, or tables with every column).

use std::borrow::Cow;
use std::fmt::Write;

use crate::plan::provenance::at;

use super::words::{
    columns, counted, fact, facts, heading, joined, joined_texts, list_or_none, maybe_duration,
    note, numbered_title, paragraph, percent, table, template_mark, user, DASH, NONE,
};
use super::{Block, FactStyle, Layout, Words};
use crate::plan::{
    Calendar, Category, Channel, Duration, EscalationPath, EscalationRule, EscalationStart, Plan,
    SlaMetric, SlaPolicy,
};
use crate::render::{hours_in_words, sla as sla_words, Number, Section};

/// The document's opening: the title and the brief's four facts, and the home time zone in the
/// detailed layout (the brief's header has no line for it: see `calendars`).
pub(super) fn title(plan: &Plan, layout: Layout) -> Block<'_> {
    let header = &plan.header;
    let channels = joined_texts(plan.channels.iter().map(|c| c.name.as_str()), ", ");
    let volume = counted(header.monthly_volume, "ticket/month", "tickets/month")
        + template_mark(plan, &at::header("monthly_volume"));
    let team = counted(header.team_size, "agent", "agents")
        + template_mark(plan, &at::header("team_size"));
    let mut facts = vec![
        fact("Product", user(&header.product)),
        fact("Channels", channels),
        fact("Volume", volume),
        fact("Team Size", team),
    ];
    if layout == Layout::Detailed {
        facts.push(fact("Home Time Zone", user(&header.time_zone)));
    }
    Block::Title {
        text: Cow::Borrowed(Section::Full.title()),
        facts,
    }
}

/// A section: its heading, then its body.
pub(super) fn section(plan: &Plan, section: Section, layout: Layout) -> Vec<Block<'_>> {
    if section == Section::Full {
        return Vec::new();
    }
    let mut blocks = vec![heading(2, section.title())];
    match section {
        Section::Full => {}
        Section::Assess => super::assess::assess(&mut blocks, plan, layout),
        Section::Channels => channels(&mut blocks, plan, layout),
        Section::Tiers => blocks.push(tiers(plan)),
        Section::Calendars => calendars(&mut blocks, plan, layout),
        Section::Taxonomy => blocks.push(taxonomy(plan)),
        Section::Sla => sla(&mut blocks, plan, layout),
        Section::Escalation => escalation(&mut blocks, plan, layout),
        Section::SelfService => blocks.push(self_service(plan)),
        Section::Automation => blocks.push(automation(plan)),
        Section::Metrics => blocks.push(super::metrics::metrics(plan)),
        Section::Feedback => blocks.push(feedback(plan)),
        Section::CustomerSuccess => super::assess::customer_success(&mut blocks, plan, layout),
        Section::Roadmap => super::assess::roadmap(&mut blocks, plan, layout),
    }
    blocks
}

/// A heading of a piece of a part: the brief's text block writes it as a label ("Pain Points:").
pub(super) fn piece_heading(layout: Layout, words: &'static str) -> Block<'static> {
    match layout {
        Layout::Brief => heading(3, format!("{words}:")),
        Layout::Detailed => heading(3, words),
    }
}

fn channels<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    let defaults = plan
        .channels
        .iter()
        .any(|c| !c.default_priority.trim().is_empty());
    let hours = |c: &Channel| Cow::Owned(hours_in_words(plan, &c.hours));
    match layout {
        Layout::Brief => {
            let rows = plan
                .channels
                .iter()
                .map(|c| vec![user(&c.name), user(&c.use_case), hours(c)])
                .collect();
            let head = columns(&["Channel", "Use Case", "Hours"], &[]);
            blocks.push(table("Channels", "channels", head, rows));
            if !plan.channels.is_empty() {
                let lines = plan.channels.iter().map(channel_line).collect();
                blocks.push(Block::List {
                    ordered: false,
                    items: lines,
                });
            }
        }
        Layout::Detailed => {
            let offered = plan.channels.iter().any(|c| !c.offered_to_everyone());
            let on_call = plan.channels.iter().any(|c| c.rotation().is_some());
            let mut head = vec!["Channel", "Kind", "Use Case", "Hours", "Share", "Route To"];
            if defaults {
                head.push("Default Priority");
            }
            if offered {
                head.push("Offered To");
            }
            if on_call {
                head.push("On Call");
            }
            let rows = plan
                .channels
                .iter()
                .map(|c| {
                    let mut row = vec![
                        user(&c.name),
                        Cow::Borrowed(c.kind.label()),
                        user(&c.use_case),
                        hours(c),
                        Cow::Owned(percent(c.volume_share)),
                        user(&c.route_to),
                    ];
                    if defaults {
                        row.push(user(&c.default_priority));
                    }
                    if offered {
                        row.push(Cow::Owned(offered_to(c)));
                    }
                    if on_call {
                        row.push(Cow::Owned(on_call_cover(c).unwrap_or_else(|| "—".into())));
                    }
                    row
                })
                .collect();
            blocks.push(table(
                "Channels",
                "channels",
                columns(&head, &["Share"]),
                rows,
            ));
        }
    }
}

/// A channel's facts beyond the brief's table: "Chat: 40% of volume, routed to Tier 1; tickets
/// default to High" (its kind first when its name is not the kind's).
fn channel_line(channel: &Channel) -> Words<'_> {
    let name = user(&channel.name);
    let mut line = String::with_capacity(80);
    line.push_str(&name);
    line.push_str(": ");
    let kind = channel.kind.label();
    if !name.eq_ignore_ascii_case(kind) {
        let _ = write!(line, "{kind}, ");
    }
    let _ = write!(line, "{} of volume", percent(channel.volume_share));
    let route = crate::plan::trimmed(&channel.route_to);
    if !route.is_empty() {
        let _ = write!(line, ", routed to {route}");
    }
    let priority = crate::plan::trimmed(&channel.default_priority);
    if !priority.is_empty() {
        let _ = write!(line, "; tickets default to {priority}");
    }
    if !channel.offered_to_everyone() {
        let _ = write!(line, "; offered to {}", offered_to(channel));
    }
    if let Some(cover) = on_call_cover(channel) {
        let _ = write!(line, "; on call: {cover}");
    }
    Cow::Owned(line)
}

/// Whose customers may use a channel: "Everyone", or "Enterprise only", "Enterprise, Business".
fn offered_to(channel: &Channel) -> String {
    let named = channel.offered_policies();
    match named.as_slice() {
        [] => "Everyone".to_string(),
        [one] => format!("{one} only"),
        many => many.join(", "),
    }
}

/// A channel's on-call rotation in words: "Tier 2, 1 at a time, all its hours".
fn on_call_cover(channel: &Channel) -> Option<String> {
    let rotation = channel.rotation()?;
    let hours = rotation.hours.trim();
    Some(format!(
        "{}, {} at a time, {}",
        rotation.rotation.trim(),
        rotation.people,
        if hours.is_empty() {
            "all its hours".to_string()
        } else {
            format!("\"{hours}\" hours")
        }
    ))
}

/// A response target as the brief's tier table writes it: `Instant` or `<4 hours`, in business
/// time when the tier works business hours.
fn within(response: Duration, clock: Option<u32>) -> String {
    if response.is_zero() {
        "Instant".to_string()
    } else {
        format!("<{}", response.in_words_on(clock))
    }
}

fn tiers(plan: &Plan) -> Block<'_> {
    let rows = plan
        .tiers
        .iter()
        .map(|tier| {
            vec![
                user(&tier.name),
                user(&tier.handles),
                Cow::Owned(within(tier.response, plan.clock_of(&tier.hours))),
                Cow::Owned(hours_in_words(plan, &tier.hours)),
            ]
        })
        .collect();
    let head = columns(&["Tier", "Handles", "Response", "Hours"], &[]);
    table("Support tiers", "tiers", head, rows)
}

/// Each calendar: its hours, its business day and its holidays. The brief's text block has no
/// header line for the home time zone, so it leads this part there.
fn calendars<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    if layout == Layout::Brief {
        let zone = fact("Home Time Zone", user(&plan.header.time_zone));
        blocks.push(facts(FactStyle::Bulleted, vec![zone]));
    }
    if plan.calendars.is_empty() {
        blocks.push(paragraph("Only the built-in 24/7."));
        return;
    }
    let items = plan
        .calendars
        .iter()
        .enumerate()
        .map(|(n, calendar)| Block::Group {
            blocks: vec![
                heading(3, numbered_title("Calendar", n, &calendar.name)),
                calendar_facts(plan, calendar),
            ],
        })
        .collect();
    blocks.push(Block::Records {
        noun: Cow::Borrowed("calendars"),
        items,
    });
}

fn calendar_facts<'a>(plan: &Plan, calendar: &'a Calendar) -> Block<'a> {
    let mut list = vec![fact("Hours", hours_in_words(plan, &calendar.name))];
    if !calendar.is_always_open() {
        let day = Duration::minutes(calendar.business_day_minutes());
        list.push(fact(
            "Business day",
            format!("{} of open time", day.in_words_on(None)),
        ));
    }
    let mut holidays = String::new();
    for (h, holiday) in calendar.holidays.iter().enumerate() {
        if h > 0 {
            holidays.push_str("; ");
        }
        holidays.push_str(&user(&holiday.name));
        if holiday.yearly {
            let _ = write!(holidays, " ({} every year)", holiday_day(holiday.date));
        } else {
            let _ = write!(holidays, " ({})", holiday.date);
        }
    }
    let from = calendar.holidays_from.trim();
    if !from.is_empty() {
        let shared = format!("those of \"{}\"", user(from));
        holidays = if holidays.is_empty() {
            shared
        } else {
            format!("{shared}, and {holidays}")
        };
    }
    if holidays.is_empty() {
        holidays.push_str(NONE);
    }
    list.push(fact("Holidays", holidays));
    facts(FactStyle::Bulleted, list)
}

/// `25 Dec`: the day and month of a yearly holiday.
fn holiday_day(date: crate::plan::Date) -> String {
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    format!(
        "{} {}",
        date.day,
        MONTHS[usize::from(date.month.clamp(1, 12) - 1)]
    )
}

fn taxonomy(plan: &Plan) -> Block<'_> {
    if plan.taxonomy.is_empty() {
        return note(NONE);
    }
    let items = plan
        .taxonomy
        .iter()
        .enumerate()
        .map(|(n, category)| Block::Group {
            blocks: vec![
                heading(3, numbered_title("Category", n, &category.name)),
                category_facts(category),
            ],
        })
        .collect();
    Block::Records {
        noun: Cow::Borrowed("categories"),
        items,
    }
}

/// The facts under a category heading: types, priority, route, and keywords, workflow and
/// share of volume when it has them.
fn category_facts(category: &Category) -> Block<'_> {
    let mut list = Vec::with_capacity(6);
    list.push(fact("Types", joined(&category.types, ", ")));
    list.push(fact("Priority", user(&category.priority)));
    let team = crate::plan::trimmed(&category.team);
    let route = if team.is_empty() {
        user(&category.route_to)
    } else {
        Cow::Owned(format!("{} / {team}", user(&category.route_to)))
    };
    list.push(fact("Route to", route));
    if !category.keywords.is_empty() {
        list.push(fact("Keywords", joined(&category.keywords, ", ")));
    }
    if !category.workflow.is_empty() {
        list.push(fact("Workflow", joined(&category.workflow, " → ")));
    }
    if category.volume_share > 0.0 {
        list.push(fact("Share", percent(category.volume_share)));
    }
    facts(FactStyle::Bulleted, list)
}

/// One table per policy, headed by its name and whom it covers when the plan has more than one
/// policy for everyone. The brief's table has three columns; what else a row promises follows it.
fn sla<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    if plan.sla.is_empty() {
        blocks.push(note(NONE));
        return;
    }
    let headed = sla_words::shows_policy_headings(plan);
    for (n, policy) in plan.sla.iter().enumerate() {
        if headed || !policy.description.trim().is_empty() {
            blocks.push(policy_head(n, policy, headed, layout));
        }
        match layout {
            Layout::Brief => brief_sla_table(blocks, plan, policy),
            Layout::Detailed => blocks.push(detailed_sla_table(plan, n, policy)),
        }
    }
}

fn policy_head(n: usize, policy: &SlaPolicy, headed: bool, layout: Layout) -> Block<'_> {
    let mut group = Vec::with_capacity(3);
    let applies = headed.then(|| fact("Applies to", sla_words::scope_in_words(&policy.applies_to)));
    if headed {
        group.push(heading(3, sla_words::policy_title(n, policy)));
    }
    let description = crate::plan::trimmed(&policy.description);
    match layout {
        Layout::Brief => {
            group.extend(applies.map(|a| facts(FactStyle::Plain, vec![a])));
            if !description.is_empty() {
                group.push(paragraph(description));
            }
        }
        Layout::Detailed => {
            let mut list: Vec<_> = applies.into_iter().collect();
            if !description.is_empty() {
                list.push(fact("About", description));
            }
            group.push(facts(FactStyle::Bulleted, list));
        }
    }
    Block::Group { blocks: group }
}

fn brief_sla_table<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, policy: &'a SlaPolicy) {
    let rows = policy
        .targets
        .iter()
        .map(|row| {
            vec![
                user(&row.priority),
                Cow::Owned(sla_words::target_in_words(plan, &row.first_response)),
                Cow::Owned(sla_words::target_in_words(plan, &row.resolution)),
            ]
        })
        .collect();
    let head = columns(&["Priority", "First Response", "Resolution"], &[]);
    blocks.push(table("SLA targets", "priorities", head, rows));
    let notes: Vec<Words<'a>> = policy
        .targets
        .iter()
        .filter_map(|row| {
            let notes = sla_words::row_notes(plan, row);
            (!notes.is_empty())
                .then(|| Cow::Owned(format!("{}: {}", user(&row.priority), notes.join("; "))))
        })
        .collect();
    if !notes.is_empty() {
        blocks.push(Block::List {
            ordered: false,
            items: notes,
        });
    }
}

fn detailed_sla_table<'a>(plan: &'a Plan, n: usize, policy: &'a SlaPolicy) -> Block<'a> {
    let optional: Vec<SlaMetric> = [SlaMetric::NextResponse, SlaMetric::PeriodicUpdate]
        .into_iter()
        .filter(|&metric| sla_words::metric_in_use(plan, metric))
        .collect();
    let mut head = vec!["Priority", "First Response", "Resolution"];
    head.extend(optional.iter().map(|m| m.heading()));
    head.extend(["Clock", "Warn Before"]);
    let rows = policy
        .targets
        .iter()
        .map(|row| {
            let mut cells = vec![
                user(&row.priority),
                Cow::Owned(sla_words::target_in_words(plan, &row.first_response)),
                Cow::Owned(sla_words::target_in_words(plan, &row.resolution)),
            ];
            // The extra metrics a row does not use read as blank, like its breach warning.
            for &metric in &optional {
                let target = row.metric(metric);
                cells.push(match target.target {
                    crate::plan::Target::NoTarget => Cow::Borrowed(DASH),
                    _ => Cow::Owned(sla_words::target_in_words(plan, target)),
                });
            }
            let clocks = sla_words::clock_phrase(plan, row).unwrap_or_default();
            let clocks = clocks.strip_prefix("clock on ").unwrap_or(&clocks);
            cells.push(Cow::Owned(if clocks.is_empty() {
                DASH.to_string()
            } else {
                clocks.to_string()
            }));
            cells.push(maybe_duration(row.warn_before));
            cells
        })
        .collect();
    let label = format!("SLA targets: {}", sla_words::policy_title(n, policy));
    table(label, "priorities", columns(&head, &[]), rows)
}

/// When the timeframe runs and on which clock: "30 min after the breach (Critical first
/// response clock, Enterprise policy)".
fn timeframe_words(rule: &EscalationRule) -> String {
    let mut words = rule.timeframe.in_words();
    if rule.measured_from == EscalationStart::Breach {
        words.push_str(" after the breach");
    }
    let policy = rule.policy.as_deref().map(crate::plan::trimmed);
    match (rule.priority.as_deref(), policy) {
        (Some(priority), _) => {
            let _ = write!(words, " ({} {} clock", user(priority), rule.metric.label());
            if let Some(policy) = policy {
                let _ = write!(words, ", {} policy", user(policy));
            }
            words.push(')');
        }
        (None, Some(policy)) => {
            let _ = write!(
                words,
                " (any {} clock, {} policy)",
                rule.metric.label(),
                user(policy)
            );
        }
        (None, None) if rule.measured_from == EscalationStart::Breach => {
            let _ = write!(words, " (any {} clock)", rule.metric.label());
        }
        (None, None) => {}
    }
    words
}

fn escalation<'a>(blocks: &mut Vec<Block<'a>>, plan: &'a Plan, layout: Layout) {
    let matrix = &plan.escalation;
    let paths = matrix
        .rules
        .iter()
        .any(|r| r.path != EscalationPath::Standard);
    let cells = |rule: &'a EscalationRule| {
        let mut cells = vec![
            user(&rule.trigger),
            user(&rule.escalate_to),
            Cow::Owned(timeframe_words(rule)),
            joined(&rule.notify, ", "),
        ];
        if paths {
            cells.push(Cow::Borrowed(rule.path.label()));
        }
        cells
    };
    let mut head = vec!["Trigger", "Escalate to", "Timeframe", "Notification"];
    if paths {
        head.push("Path");
    }
    match layout {
        Layout::Brief if matrix.rules.is_empty() => blocks.push(note(NONE)),
        Layout::Brief => {
            let items = matrix
                .rules
                .iter()
                .map(|rule| {
                    let list = head
                        .iter()
                        .zip(cells(rule))
                        .map(|(&label, value)| fact(label, value))
                        .collect();
                    facts(FactStyle::Arrows, list)
                })
                .collect();
            blocks.push(Block::Records {
                noun: Cow::Borrowed("escalation rules"),
                items,
            });
        }
        Layout::Detailed => {
            let rows = matrix.rules.iter().map(cells).collect();
            let head = columns(&head, &[]);
            blocks.push(table("Escalation rules", "escalation rules", head, rows));
        }
    }
    if layout == Layout::Detailed || !matrix.handoff_protocol.is_empty() {
        blocks.push(piece_heading(layout, "Handoff protocol"));
        blocks.push(list_or_none(&matrix.handoff_protocol, true));
    }
}

fn self_service(plan: &Plan) -> Block<'_> {
    let resources = &plan.self_service;
    facts(
        FactStyle::Bulleted,
        vec![
            fact("Knowledge Base", joined(&resources.knowledge_base, ", ")),
            fact("FAQ", joined(&resources.faq, "; ")),
            fact("Video Tutorials", joined(&resources.video_tutorials, ", ")),
            fact(
                "Community Forum",
                if resources.community_forum {
                    "yes"
                } else {
                    "no"
                },
            ),
        ],
    )
}

fn automation(plan: &Plan) -> Block<'_> {
    let automation = &plan.automation;
    let chatbot = match automation.chatbot_containment {
        None => user(&automation.chatbot),
        Some(containment) => Cow::Owned(format!(
            "{} (contains {}% end to end)",
            user(&automation.chatbot),
            Number(containment)
        )),
    };
    facts(
        FactStyle::Bulleted,
        vec![
            fact("Auto-reply", joined(&automation.auto_reply, "; ")),
            fact("Auto-route", joined(&automation.auto_route, "; ")),
            fact("Auto-resolve", joined(&automation.auto_resolve, "; ")),
            fact("Chatbot", chatbot),
        ],
    )
}

fn feedback(plan: &Plan) -> Block<'_> {
    let feedback = &plan.feedback;
    facts(
        FactStyle::Plain,
        vec![
            fact("Weekly", user(&feedback.weekly)),
            fact("Monthly", user(&feedback.monthly)),
            fact("Quarterly", user(&feedback.quarterly)),
        ],
    )
}
