//! The plan as a formatted, read-only document (the live preview and the stakeholder view).
//! Built from Leptos views, so user text is always text; each part updates only when its data does.

use leptos::prelude::*;

use super::table::{table_head, TableScroll};

use crate::plan::{
    Category, Channel, Duration, EscalationRule, HealthBand, HealthComponent, OutreachTrigger,
    Plan, RoadmapStep, SlaMetric,
};
use crate::render::{hours_in_words, Section};

use super::row_list::ROWS_PER_PAGE;
use super::rows::{list_of, ListSource, RowStore};

/// A dash for an empty value, so a blank never reads as a missing word.
fn or_dash(text: &str) -> String {
    if text.trim().is_empty() {
        "—".to_string()
    } else {
        text.to_string()
    }
}

fn join_or_dash(items: &[String]) -> String {
    let kept: Vec<&str> = items
        .iter()
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    or_dash(&kept.join(", "))
}

fn percent(value: f64) -> String {
    format!("{value}%")
}

fn optional<T>(value: &Option<T>, show: impl Fn(&T) -> String) -> String {
    value.as_ref().map(show).unwrap_or_else(|| "—".to_string())
}

/// A memo of one part of the plan: the document re-renders a part only when it changes.
fn part<T>(plan: Signal<Plan>, read: fn(&Plan) -> T) -> Memo<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Memo::new(move |_| plan.with(read))
}

/// Set in a paged document (the live preview): long lists show their first rows until the reader
/// asks for all of them, or prints.
#[derive(Clone, Copy)]
struct ShowAllRows(RwSignal<bool>);

/// Where a long list's rows go: a table (the "more" line is a row spanning `columns`) or a block.
#[derive(Clone, Copy)]
enum RowsIn {
    Table { columns: usize },
    Block,
}

/// Rows of a long list, keyed by position: editing one row re-renders that row only.
fn indexed_rows<T, V>(
    source: ListSource<T>,
    row: fn(usize, &T) -> V,
    noun: &'static str,
    rows_in: RowsIn,
) -> impl IntoView
where
    T: Clone + PartialEq + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let store = RowStore::new(source);
    let len = store.len_signal();
    let show_all = use_context::<ShowAllRows>();
    let visible = Memo::new(move |_| match show_all {
        Some(ShowAllRows(all)) if !all.get() => len.get().min(ROWS_PER_PAGE),
        _ => len.get(),
    });
    let more = move || {
        let hidden = len.get() - visible.get();
        let ShowAllRows(all) = show_all?;
        (hidden > 0).then(|| {
            let line = view! {
                {format!("{hidden} more {noun} not shown here. ")}
                <button type="button" class="link-button doc-show-all" on:click=move |_| all.set(true)>
                    "Show all"
                </button>
            };
            match rows_in {
                RowsIn::Table { columns } => view! {
                    <tr class="doc-more">
                        <td colspan=columns.to_string()>{line}</td>
                    </tr>
                }
                .into_any(),
                RowsIn::Block => view! { <p class="doc-more">{line}</p> }.into_any(),
            }
        })
    };
    view! {
        <For
            each=move || 0..visible.get()
            key=|index| *index
            children=move |index| {
                store.row(index).map(|item| move || item.with(|it| row(index, it)))
            }
        />
        {more}
    }
}

/// A list of words as a bulleted list, or a dash when empty.
fn bullet_list(items: &[String]) -> AnyView {
    if items.iter().all(|s| s.trim().is_empty()) {
        return view! { <p class="doc-empty">"—"</p> }.into_any();
    }
    view! {
        <ul>
            {items
                .iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| view! { <li>{s.clone()}</li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}

fn numbered_list(items: &[String]) -> AnyView {
    if items.iter().all(|s| s.trim().is_empty()) {
        return view! { <p class="doc-empty">"—"</p> }.into_any();
    }
    view! {
        <ol>
            {items
                .iter()
                .filter(|s| !s.trim().is_empty())
                .map(|s| view! { <li>{s.clone()}</li> })
                .collect_view()}
        </ol>
    }
    .into_any()
}

/// Draws one part of the document.
type DrawPart = fn(Signal<Plan>) -> AnyView;

/// The formatted plan. With `section`, only that part (or the whole plan for `Section::Full`).
/// `paged`: long lists show their first rows and a "Show all" button (all rows when printed).
#[component]
pub fn PlanDocument(
    #[prop(into)] plan: Signal<Plan>,
    #[prop(optional, into)] section: Option<Signal<Section>>,
    #[prop(optional)] paged: bool,
) -> impl IntoView {
    if paged {
        let all = RwSignal::new(false);
        provide_context(ShowAllRows(all));
        // A printout is the whole plan: the rows render before the browser lays out the pages.
        let printing = window_event_listener_untyped("beforeprint", move |_| all.set(true));
        on_cleanup(move || printing.remove());
    }
    let section = section.unwrap_or_else(|| Signal::derive(|| Section::Full));
    let shows = move |part: Section| {
        let current = section.get();
        current == Section::Full || current == part
    };
    let title = move || section.get().title();
    let body = Section::DOCUMENT
        .into_iter()
        .map(|part| {
            let draw = drawing(part);
            let visible = Memo::new(move |_| shows(part));
            move || {
                visible.get().then(|| {
                    view! {
                        <section class="doc-section">
                            <h2>{part.title()}</h2>
                            {untrack(|| draw(plan))}
                        </section>
                    }
                })
            }
        })
        .collect_view();
    let is_full = Memo::new(move |_| section.get() == Section::Full);
    view! {
        <article class="plan-document">
            <h1>{title}</h1>
            {move || is_full.get().then(|| untrack(|| header(plan)))}
            {body}
            {move || is_full.get().then(|| untrack(|| super::capacity::staffing_part(plan)))}
        </article>
    }
}

/// How the document draws a section, in the order `Section::DOCUMENT` gives.
fn drawing(section: Section) -> DrawPart {
    match section {
        Section::Full | Section::Channels => channels,
        Section::Tiers => tiers,
        Section::Calendars => calendars,
        Section::Taxonomy => taxonomy,
        Section::Sla => sla,
        Section::Escalation => escalation,
        Section::SelfService => self_service,
        Section::Automation => automation,
        Section::Metrics => metrics,
        Section::Feedback => feedback,
        Section::Assess => assess,
        Section::CustomerSuccess => customer_success,
        Section::Roadmap => roadmap,
    }
}

fn header(plan: Signal<Plan>) -> AnyView {
    let facts = part(plan, |p| {
        let channels: Vec<String> = p.channels.iter().map(|c| c.name.clone()).collect();
        (
            p.header.product.clone(),
            join_or_dash(&channels),
            p.header.monthly_volume,
            p.header.team_size,
            p.header.time_zone.clone(),
        )
    });
    view! {
        <dl class="doc-facts">
            <dt>"Product"</dt>
            <dd>{move || facts.with(|f| or_dash(&f.0))}</dd>
            <dt>"Channels"</dt>
            <dd>{move || facts.with(|f| f.1.clone())}</dd>
            <dt>"Volume"</dt>
            <dd>
                {move || facts.with(|f| format!("{} tickets/month", crate::render::Count(f.2)))}
            </dd>
            <dt>"Team size"</dt>
            <dd>{move || facts.with(|f| format!("{} agents", crate::render::Count(f.3)))}</dd>
            <dt>"Home time zone"</dt>
            <dd>{move || facts.with(|f| or_dash(&f.4))}</dd>
        </dl>
    }
    .into_any()
}

fn channels(plan: Signal<Plan>) -> AnyView {
    let rows = part(plan, |p| {
        p.channels
            .iter()
            .map(|c| (c.clone(), hours_in_words(p, &c.hours)))
            .collect::<Vec<_>>()
    });
    let row = |_: usize, (channel, hours): &(Channel, String)| {
        view! {
            <tr>
                <td>{or_dash(&channel.name)}</td>
                <td>{channel.kind.label()}</td>
                <td>{or_dash(&channel.use_case)}</td>
                <td>{hours.clone()}</td>
                <td class="num">{percent(channel.volume_share)}</td>
                <td>{or_dash(&channel.route_to)}</td>
            </tr>
        }
    };
    view! {
        <TableScroll label="Channels">
            <table>
                {table_head(&["Channel", "Kind", "Use case", "Hours", "Share", "Route to"])}
                <tbody>
                    {indexed_rows(
                        list_of(rows, |all: &Vec<_>| all.as_slice()),
                        row,
                        "channels",
                        RowsIn::Table { columns: 6 },
                    )}
                </tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}

fn tiers(plan: Signal<Plan>) -> AnyView {
    let rows = part(plan, |p| {
        p.tiers
            .iter()
            .map(|t| {
                let response = if t.response.is_zero() {
                    "Instant".to_string()
                } else {
                    format!("< {}", t.response.in_words_on(p.clock_of(&t.hours)))
                };
                (t.clone(), response, hours_in_words(p, &t.hours))
            })
            .collect::<Vec<_>>()
    });
    view! {
        <TableScroll label="Support tiers">
            <table>
                {table_head(&["Tier", "Handles", "Response", "Hours"])}
                <tbody>
                    {move || {
                        rows.with(|all| {
                            all.iter()
                                .map(|(tier, response, hours)| {
                                    view! {
                                        <tr>
                                            <td>{or_dash(&tier.name)}</td>
                                            <td>{or_dash(&tier.handles)}</td>
                                            <td>{response.clone()}</td>
                                            <td>{hours.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}

/// Each calendar: its hours, business day and holidays.
fn calendars(plan: Signal<Plan>) -> AnyView {
    let rows = part(plan, |p| {
        p.calendars
            .iter()
            .map(|c| {
                let business_day = (!c.is_always_open())
                    .then(|| Duration::minutes(c.business_day_minutes()).in_words_on(None));
                let holidays: Vec<String> = c
                    .holidays
                    .iter()
                    .map(|h| {
                        if h.yearly {
                            format!(
                                "{} ({} every year)",
                                or_dash(&h.name),
                                &h.date.to_string()[5..]
                            )
                        } else {
                            format!("{} ({})", or_dash(&h.name), h.date)
                        }
                    })
                    .collect();
                (
                    or_dash(&c.name),
                    hours_in_words(p, &c.name),
                    business_day.unwrap_or_else(|| "24 hours".to_string()),
                    join_or_dash(&holidays),
                )
            })
            .collect::<Vec<_>>()
    });
    view! {
        <TableScroll label="Calendars">
            <table>
                {table_head(&["Calendar", "Hours", "Business day", "Holidays"])}
                <tbody>
                    {move || {
                        rows.with(|all| {
                            all.iter()
                                .map(|(name, hours, day, holidays)| {
                                    view! {
                                        <tr>
                                            <td>{name.clone()}</td>
                                            <td>{hours.clone()}</td>
                                            <td>{day.clone()}</td>
                                            <td>{holidays.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        })
                    }}
                </tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}

fn taxonomy(plan: Signal<Plan>) -> AnyView {
    let categories = list_of(plan, |p: &Plan| p.taxonomy.as_slice());
    let no_categories = part(plan, |p| p.taxonomy.is_empty());
    let row = |index: usize, category: &Category| {
        let route = if category.team.trim().is_empty() {
            or_dash(&category.route_to)
        } else {
            format!("{} / {}", or_dash(&category.route_to), category.team)
        };
        view! {
            <div class="doc-category">
                <h3>{format!("Category {}: {}", index + 1, or_dash(&category.name))}</h3>
                <dl class="doc-facts">
                    <dt>"Types"</dt>
                    <dd>{join_or_dash(&category.types)}</dd>
                    <dt>"Priority"</dt>
                    <dd>{or_dash(&category.priority)}</dd>
                    <dt>"Route to"</dt>
                    <dd>{route}</dd>
                    {(!category.keywords.is_empty())
                        .then(|| {
                            view! {
                                <dt>"Keywords"</dt>
                                <dd>{join_or_dash(&category.keywords)}</dd>
                            }
                        })}
                    {(category.volume_share > 0.0)
                        .then(|| {
                            view! {
                                <dt>"Share"</dt>
                                <dd>{percent(category.volume_share)}</dd>
                            }
                        })}
                </dl>
                {(!category.workflow.is_empty())
                    .then(|| {
                        view! {
                            <p class="doc-label">"Workflow"</p>
                            {numbered_list(&category.workflow)}
                        }
                    })}
            </div>
        }
    };
    view! {
        <div class="doc-categories">
            {indexed_rows(categories, row, "categories", RowsIn::Block)}
        </div>
        <Show when=move || no_categories.get()>
            <p class="doc-empty">"No categories yet."</p>
        </Show>
    }
    .into_any()
}

/// One SLA row as the document shows it: every target in words on its clock.
#[derive(Clone, PartialEq)]
struct SlaRowWords {
    priority: String,
    targets: [String; 4],
    clocks: String,
    warn_before: String,
}

/// One SLA policy as the document shows it.
#[derive(Clone, PartialEq)]
struct PolicyWords {
    title: String,
    applies_to: String,
    description: String,
    rows: Vec<SlaRowWords>,
}

fn policy_words(plan: &Plan) -> Vec<PolicyWords> {
    use crate::render::sla::{clock_phrase, policy_title, scope_in_words, target_in_words};
    plan.sla
        .iter()
        .enumerate()
        .map(|(index, policy)| PolicyWords {
            title: policy_title(index, policy),
            applies_to: scope_in_words(&policy.applies_to),
            description: policy.description.trim().to_string(),
            rows: policy
                .targets
                .iter()
                .map(|row| {
                    let clocks = clock_phrase(plan, row).unwrap_or_default();
                    SlaRowWords {
                        priority: or_dash(&row.priority),
                        targets: SlaMetric::ALL.map(|m| target_in_words(plan, row.metric(m))),
                        clocks: clocks
                            .strip_prefix("clock on ")
                            .unwrap_or(&clocks)
                            .to_string(),
                        warn_before: optional(&row.warn_before, Duration::in_words),
                    }
                })
                .collect(),
        })
        .collect()
}

/// Each SLA policy with its table: headed by its name and whom it covers when the plan has more
/// than one policy for everyone.
fn sla(plan: Signal<Plan>) -> AnyView {
    let policies = part(plan, policy_words);
    let headed = part(plan, crate::render::sla::shows_policy_headings);
    view! {
        {move || {
            policies
                .with(|all| {
                    all.iter()
                        .map(|policy| {
                            let rows = policy
                                .rows
                                .iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <td>{row.priority.clone()}</td>
                                            <td>{row.targets[0].clone()}</td>
                                            <td>{row.targets[3].clone()}</td>
                                            <td>{row.targets[1].clone()}</td>
                                            <td>{row.targets[2].clone()}</td>
                                            <td>{row.clocks.clone()}</td>
                                            <td>{row.warn_before.clone()}</td>
                                        </tr>
                                    }
                                })
                                .collect_view();
                            let title = policy.title.clone();
                            let table_label = format!("SLA targets: {}", policy.title);
                            let applies_to = policy.applies_to.clone();
                            view! {
                                <Show when=move || headed.get()>
                                    <h4 class="doc-policy">{title.clone()}</h4>
                                    <p class="doc-policy-scope">"Applies to: " {applies_to.clone()}</p>
                                </Show>
                                {(!policy.description.is_empty())
                                    .then(|| view! { <p>{policy.description.clone()}</p> })}
                                <TableScroll label=table_label>
                                    <table>
                                        {table_head(&["Priority", "First response", "Resolution", "Next response", "Periodic update", "Clock", "Warn before"])}
                                        <tbody>{rows}</tbody>
                                    </table>
                                </TableScroll>
                            }
                        })
                        .collect_view()
                })
        }}
    }
    .into_any()
}

fn escalation(plan: Signal<Plan>) -> AnyView {
    let rules = list_of(plan, |p: &Plan| p.escalation.rules.as_slice());
    let handoff = part(plan, |p| p.escalation.handoff_protocol.clone());
    let row = |_: usize, rule: &EscalationRule| {
        let mut guards = match &rule.priority {
            Some(priority) => format!("{priority} {}", rule.metric.label()),
            None => format!("any {}", rule.metric.label()),
        };
        if let Some(policy) = &rule.policy {
            guards.push_str(&format!(" ({policy})"));
        }
        let timeframe = match rule.measured_from {
            crate::plan::EscalationStart::Creation => rule.timeframe.in_words(),
            crate::plan::EscalationStart::Breach => {
                format!("{} after the breach", rule.timeframe.in_words())
            }
        };
        view! {
            <tr>
                <td>{or_dash(&rule.trigger)}</td>
                <td>{guards}</td>
                <td>{or_dash(&rule.escalate_to)}</td>
                <td>{timeframe}</td>
                <td>{join_or_dash(&rule.notify)}</td>
                <td>{rule.path.label()}</td>
            </tr>
        }
    };
    view! {
        <TableScroll label="Escalation rules">
            <table>
                {table_head(&["Trigger", "Guards", "Escalate to", "Timeframe", "Notify", "Path"])}
                <tbody>
                    {indexed_rows(rules, row, "escalation rules", RowsIn::Table { columns: 6 })}
                </tbody>
            </table>
        </TableScroll>
        <h3>"Handoff protocol"</h3>
        {move || handoff.with(|steps| numbered_list(steps))}
    }
    .into_any()
}

fn self_service(plan: Signal<Plan>) -> AnyView {
    let resources = part(plan, |p| p.self_service.clone());
    view! {
        {move || {
            resources
                .with(|r| {
                    view! {
                        <h3>"Knowledge base"</h3>
                        {bullet_list(&r.knowledge_base)}
                        <h3>"FAQ"</h3>
                        {bullet_list(&r.faq)}
                        <h3>"Video tutorials"</h3>
                        {bullet_list(&r.video_tutorials)}
                        <p>
                            <strong>"Community forum: "</strong>
                            {if r.community_forum { "yes" } else { "no" }}
                        </p>
                    }
                })
        }}
    }
    .into_any()
}

fn automation(plan: Signal<Plan>) -> AnyView {
    let automation = part(plan, |p| p.automation.clone());
    view! {
        {move || {
            automation
                .with(|a| {
                    view! {
                        <h3>"Auto-reply"</h3>
                        {bullet_list(&a.auto_reply)}
                        <h3>"Auto-route"</h3>
                        {bullet_list(&a.auto_route)}
                        <h3>"Auto-resolve"</h3>
                        {bullet_list(&a.auto_resolve)}
                        <h3>"Chatbot"</h3>
                        <p>
                            {or_dash(&a.chatbot)}
                            {a
                                .chatbot_containment
                                .map(|c| format!(" (expected containment {})", percent(c)))}
                        </p>
                    }
                })
        }}
    }
    .into_any()
}

fn metrics(plan: Signal<Plan>) -> AnyView {
    let metrics = part(plan, |p| p.metrics.clone());
    view! {
        <TableScroll label="Metrics">
            <table>
                {table_head(&["Metric", "Baseline", "Target"])}
                <tbody>
                    {move || {
                        metrics
                            .with(|m| {
                                let durations = [
                                    ("First response time", &m.first_response),
                                    ("Resolution time", &m.resolution),
                                ];
                                let percents = [
                                    ("CSAT score", &m.csat),
                                    ("First contact resolution", &m.first_contact_resolution),
                                    ("Ticket deflection", &m.deflection),
                                ];
                                let duration_rows = durations
                                    .into_iter()
                                    .map(|(name, t)| {
                                        view! {
                                            <tr>
                                                <td>{name}</td>
                                                <td>{optional(&t.baseline, Duration::in_words)}</td>
                                                <td>{format!("< {}", t.target.in_words())}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view();
                                let percent_rows = percents
                                    .into_iter()
                                    .map(|(name, t)| {
                                        view! {
                                            <tr>
                                                <td>{name}</td>
                                                <td>{optional(&t.baseline, |b| percent(*b))}</td>
                                                <td>{format!("> {}", percent(t.target))}</td>
                                            </tr>
                                        }
                                    })
                                    .collect_view();
                                let amount = |value: f64, unit: &str| {
                                    let unit = unit.trim();
                                    let number = crate::render::Number(value);
                                    match unit {
                                        "" => number.to_string(),
                                        "%" => format!("{number}%"),
                                        unit => format!("{number} {unit}"),
                                    }
                                };
                                let custom_rows = m
                                    .custom
                                    .iter()
                                    .map(|c| {
                                        let sign = match c.better {
                                            crate::plan::Better::Higher => ">",
                                            crate::plan::Better::Lower => "<",
                                        };
                                        view! {
                                            <tr>
                                                <td>{or_dash(&c.name)}</td>
                                                <td>{optional(&c.baseline, |b| amount(*b, &c.unit))}</td>
                                                <td>
                                                    {optional(&c.target, |t| format!("{sign} {}", amount(*t, &c.unit)))}
                                                </td>
                                            </tr>
                                        }
                                    })
                                    .collect_view();
                                view! { {duration_rows} {percent_rows} {custom_rows} }
                            })
                    }}
                </tbody>
            </table>
        </TableScroll>
    }
    .into_any()
}

fn feedback(plan: Signal<Plan>) -> AnyView {
    let feedback = part(plan, |p| p.feedback.clone());
    view! {
        <dl class="doc-facts">
            <dt>"Weekly"</dt>
            <dd>{move || feedback.with(|f| or_dash(&f.weekly))}</dd>
            <dt>"Monthly"</dt>
            <dd>{move || feedback.with(|f| or_dash(&f.monthly))}</dd>
            <dt>"Quarterly"</dt>
            <dd>{move || feedback.with(|f| or_dash(&f.quarterly))}</dd>
        </dl>
    }
    .into_any()
}

/// The assessment: the journey, pain points, benchmarks and goals, each as a table.
fn assess(plan: Signal<Plan>) -> AnyView {
    use crate::render::assess::{
        addressed_by_in_words, evidence_in_words, list_in_words, GoalMeasure,
    };
    let words = part(plan, |p| {
        let assess = &p.assess;
        let journey: Vec<[String; 4]> = assess
            .journey
            .iter()
            .map(|stage| {
                [
                    or_dash(&stage.stage),
                    list_in_words(&stage.touchpoints),
                    list_in_words(&stage.channels),
                    list_in_words(&stage.goes_wrong),
                ]
            })
            .collect();
        let pains: Vec<[String; 4]> = assess
            .pain_points
            .iter()
            .map(|pain| {
                [
                    or_dash(&pain.pain),
                    evidence_in_words(&pain.evidence),
                    addressed_by_in_words(&pain.addressed_by),
                    or_dash(&pain.how),
                ]
            })
            .collect();
        let competitors: Vec<[String; 5]> = assess
            .competitors
            .iter()
            .map(|c| {
                [
                    or_dash(&c.competitor),
                    list_in_words(&c.channels),
                    optional(&c.first_response, Duration::in_words),
                    or_dash(&c.hours),
                    or_dash(&c.notable),
                ]
            })
            .collect();
        let goals: Vec<[String; 5]> = assess
            .goals
            .iter()
            .map(|goal| {
                let measure = GoalMeasure::of(p, goal);
                [
                    or_dash(&goal.goal),
                    measure.metric.to_string(),
                    measure.today.clone(),
                    measure.target_with("< ", "> "),
                    optional(&goal.by, |d| d.to_string()),
                ]
            })
            .collect();
        (journey, pains, competitors, goals)
    });
    /// A heading and a table of text cells.
    fn titled_table<const N: usize>(
        title: &'static str,
        columns: &'static [&'static str],
        rows: &[[String; N]],
    ) -> impl IntoView {
        let rows = rows
            .iter()
            .map(|cells| {
                let cells = cells
                    .iter()
                    .map(|cell| view! { <td>{cell.clone()}</td> })
                    .collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <h3>{title}</h3>
            <TableScroll label=title>
                <table>
                    {table_head(columns)}
                    <tbody>{rows}</tbody>
                </table>
            </TableScroll>
        }
    }
    view! {
        {move || {
            words
                .with(|(journey, pains, competitors, goals)| {
                    view! {
                        {titled_table("Customer journey", &["Stage", "Touchpoints", "Channels", "What goes wrong"], journey)}
                        {titled_table("Pain points", &["Pain point", "Evidence", "Addressed by", "How"], pains)}
                        {titled_table("Competitor benchmarks", &["Competitor", "Channels", "First response", "Hours", "Notable"], competitors)}
                        {titled_table("Improvement goals", &["Goal", "Metric", "Today", "Target", "By"], goals)}
                    }
                })
        }}
    }
    .into_any()
}

fn customer_success(plan: Signal<Plan>) -> AnyView {
    let success = part(plan, |p| p.customer_success.clone());
    let component_row = |c: &HealthComponent| {
        view! {
            <tr>
                <td>{or_dash(&c.name)}</td>
                <td class="num">{percent(c.weight)}</td>
                <td>{or_dash(&c.signal)}</td>
            </tr>
        }
    };
    let band = |b: &HealthBand| {
        view! {
            <li>
                <span class=format!("band band-{}", b.colour.label().to_lowercase())>
                    {b.colour.label()}
                </span>
                {format!(" {}–{}", b.min, b.max)}
            </li>
        }
    };
    let outreach_row = |o: &OutreachTrigger| {
        view! {
            <tr>
                <td>{or_dash(&o.trigger)}</td>
                <td>{or_dash(&o.action)}</td>
                <td>{or_dash(&o.owner)}</td>
            </tr>
        }
    };
    view! {
        {move || {
            success
                .with(|s| {
                    // Built here: a table box draws its rows later, when `s` is gone.
                    let components = s.health.components.iter().map(component_row).collect_view();
                    let outreach = s.outreach.iter().map(outreach_row).collect_view();
                    view! {
                        <h3>"Health score"</h3>
                        <TableScroll label="Health score">
                            <table>
                                {table_head(&["Component", "Weight", "Measured by"])}
                                <tbody>{components}</tbody>
                            </table>
                        </TableScroll>
                        <ul class="bands">{s.health.bands.iter().map(band).collect_view()}</ul>
                        <h3>"Proactive outreach"</h3>
                        <TableScroll label="Proactive outreach">
                            <table>
                                {table_head(&["Trigger", "Action", "Owner"])}
                                <tbody>{outreach}</tbody>
                            </table>
                        </TableScroll>
                        <h3>"Renewal playbook"</h3>
                        {numbered_list(&s.renewal_playbook)}
                        <h3>"Expansion signals"</h3>
                        {bullet_list(&s.expansion_signals)}
                        <h3>"Churn signals"</h3>
                        {bullet_list(&s.churn_signals)}
                    }
                })
        }}
    }
    .into_any()
}

fn roadmap(plan: Signal<Plan>) -> AnyView {
    let roadmap = part(plan, |p| p.roadmap.clone());
    let step_row = |step: &RoadmapStep| {
        view! {
            <tr>
                <td>{or_dash(&step.title)}</td>
                <td>{or_dash(&step.owner)}</td>
                <td>{step.status.label()}</td>
                <td>{optional(&step.due, |d| d.to_string())}</td>
            </tr>
        }
    };
    view! {
        {move || {
            roadmap
                .with(|r| {
                    r.phases()
                        .into_iter()
                        .enumerate()
                        .map(|(n, (name, steps))| {
                            let steps = steps.iter().map(step_row).collect_view();
                            view! {
                                <h3>{format!("Phase {}: {name}", n + 1)}</h3>
                                <TableScroll label={format!("Phase {}: {name} steps", n + 1)}>
                                    <table>
                                        {table_head(&["Step", "Owner", "Status", "Due"])}
                                        <tbody>{steps}</tbody>
                                    </table>
                                </TableScroll>
                            }
                        })
                        .collect_view()
                })
        }}
    }
    .into_any()
}
