//! The plan as a formatted, read-only document (the live preview, the stakeholder view, print):
//! a view of the core's blocks (`render::document`), which decide every word and what is shown.
//! The blocks are laid out in a worker (`Ask::Document`): the page holds only their types and
//! this view. Each part redraws only when its blocks change, and a long table or run of records
//! row by row.

use std::sync::Arc;

use leptos::prelude::*;

use crate::history::Replay;
use crate::messages::{Answer, DocumentParts, Request};
use crate::plan::Plan;
use crate::render::document::{rows_not_shown, Block, Chart, Fact, Table, Words};
use crate::render::Section;

use super::capacity::WeekChart;
use super::roster_answer::RosterAnswer;
use super::row_list::ROWS_PER_PAGE;
use super::rows::{list_of, ListSource, RowStore};
use super::table::TableScroll;
use super::worker::{ask, Answered, Question, Words as WorkerWords};

/// A part's blocks, owned, as the view keeps them.
type Blocks = Vec<Block<'static>>;

/// The document's blocks, laid out in a worker.
pub struct DocumentLayout;

impl Question for DocumentLayout {
    type Value = Box<DocumentParts>;
    const MEASURE: Option<&'static str> = Some("document");
    const WORDS: WorkerWords = WorkerWords {
        crashed: "The document stopped with an error and was restarted. Nothing you typed is \
                  lost: the plan is being laid out again.",
        hung: "The document stopped answering and was restarted. Nothing you typed is lost: the \
               plan is being laid out again.",
        gave_up: "The document could not be laid out, so what is shown may be out of date. Your \
                  plan is saved as you type: reload the page to see it again.",
        no_workers: "This browser cannot lay out the document (Web Workers are missing or turned \
                     off). The form and everything else work, and your plan is saved as you type.",
    };
    fn read(answer: Answer) -> Result<Self::Value, Answer> {
        match answer {
            Answer::Document { document } => Ok(document),
            other => Err(other),
        }
    }
}

/// What the view says until the first blocks come.
const LAYING_OUT: &str = "Laying out the plan…";

/// Set in a paged document (the live preview): long runs show their first rows until the reader
/// asks for all of them, or prints.
#[derive(Clone, Copy)]
struct ShowAllRows(RwSignal<bool>);

/// The formatted plan. With `section`, only that part (or the whole plan for `Section::Full`).
/// `paged`: long runs show their first rows and a "Show all" button (all rows when printed).
#[component]
pub fn PlanDocument(
    #[prop(into)] plan: Signal<Plan>,
    #[prop(optional, into)] section: Option<Signal<Section>>,
    #[prop(optional)] paged: bool,
    /// The measured tickets replayed against the plan, while the designer holds them.
    #[prop(optional, into)]
    replay: Option<Signal<Option<Replay>>>,
    /// The shift search's answer for this plan (the designer's, shared with its Shifts view);
    /// without it the document searches for its own when the plan has roster inputs.
    #[prop(optional)]
    roster: Option<RosterAnswer>,
) -> impl IntoView {
    if paged {
        let all = RwSignal::new(false);
        provide_context(ShowAllRows(all));
        // A printout is the whole plan: the rows render before the browser lays out the pages.
        let printing = window_event_listener_untyped("beforeprint", move |_| all.set(true));
        on_cleanup(move || printing.remove());
    }
    let section = section.unwrap_or_else(|| Signal::derive(|| Section::Full));
    let is_full = Memo::new(move |_| section.get() == Section::Full);
    let laid_out = lay_out(plan, section, replay, roster);
    let value = laid_out.value;
    let title = Memo::new(move |_| value.with(|d| d.as_ref().and_then(|d| d.title.clone())));
    let parts = (0..Section::DOCUMENT.len())
        .map(|at| {
            let blocks = part_of(value, move |d| d.parts.get(at).cloned().unwrap_or_default());
            let shown = Memo::new(move |_| blocks.with(|b| !b.is_empty()));
            // A part with nothing written in it but its heading and "(none)": a printout leaves
            // it out rather than show an empty Assessment.
            let empty = Memo::new(move |_| {
                blocks.with(|b| {
                    b.iter()
                        .all(|block| matches!(block, Block::Heading { .. } | Block::Note { .. }))
                })
            });
            move || {
                shown.get().then(|| {
                    view! {
                        <section class="doc-section" class:doc-section-empty=move || empty.get()>
                            {untrack(|| draw_part(blocks))}
                        </section>
                    }
                })
            }
        })
        .collect_view();
    let capacity = part_of(value, |d| d.capacity.clone());
    let roster = part_of(value, |d| d.roster.clone());
    let history = part_of(value, |d| d.history.clone());
    view! {
        <article class="plan-document" aria-busy=move || laid_out.working.get().to_string()>
            {move || status_line(laid_out)}
            {move || match (is_full.get(), title.get()) {
                (true, Some(block)) => draw_block(&block),
                _ => view! { <h1>{section.get().title()}</h1> }.into_any(),
            }}
            // Until blocks come (or with no worker to lay them out), the product typed is shown
            // as written, so the preview still follows the form.
            {move || value.with(Option::is_none).then(|| {
                view! { <p class="doc-product">{plan.with(|p| p.header.product.clone())}</p> }
            })}
            {parts}
            {move || is_full.get().then(|| untrack(|| extra_part("doc-capacity-section", capacity)))}
            {move || is_full.get().then(|| untrack(|| extra_part("doc-roster-section", roster)))}
            {move || is_full.get().then(|| untrack(|| extra_part("doc-history-section", history)))}
        </article>
    }
}

/// Asks a worker for the document's blocks, again whenever the plan, the section, the replay or
/// (for a plan with roster inputs) the shift search's answer changes.
fn lay_out(
    plan: Signal<Plan>,
    section: Signal<Section>,
    replay: Option<Signal<Option<Replay>>>,
    roster: Option<RosterAnswer>,
) -> Answered<Box<DocumentParts>> {
    let roster = roster.unwrap_or_else(|| RosterAnswer::new(plan));
    let request = move |revision| {
        let section = section.get();
        let replay = replay.and_then(|r| r.get());
        let message = plan.with(|p| {
            let write = |answer: Option<&crate::messages::RosterAnswer>| {
                Request::document_json(revision, p, section, replay.as_ref(), answer)
            };
            if section == Section::Full && !p.staffing.roster.is_empty() {
                roster.with(|answer| write(Some(answer)))
            } else {
                write(None)
            }
        });
        Some(message)
    };
    ask::<DocumentLayout>(request, Signal::from(true), false)
}

/// One piece of the latest document answered (empty until the first).
fn part_of(
    value: Memo<Option<Box<DocumentParts>>>,
    piece: impl Fn(&DocumentParts) -> Blocks + Send + Sync + 'static,
) -> Memo<Blocks> {
    Memo::new(move |_| value.with(|d| d.as_deref().map(&piece).unwrap_or_default()))
}

/// "Laying out the plan…" until the first blocks come, and a restart or a worker gone, in words.
fn status_line(laid_out: Answered<Box<DocumentParts>>) -> Option<AnyView> {
    let notice = laid_out.notice.get();
    let waiting = laid_out.value.with(Option::is_none);
    let words = notice.or_else(|| waiting.then(|| LAYING_OUT.to_string()))?;
    Some(view! { <p class="doc-status" role="status">{words}</p> }.into_any())
}

/// The Capacity, STAFFING ROSTER and History parts: shown when they have blocks (Capacity
/// always does for the whole plan; the others when the plan has roster inputs, a history).
fn extra_part(class: &'static str, blocks: Memo<Blocks>) -> AnyView {
    let shown = Memo::new(move |_| blocks.with(|b| !b.is_empty()));
    // The Capacity part is named by its heading, as the other parts are by theirs.
    let labelled_by = (class == "doc-capacity-section").then_some("doc-capacity-heading");
    (move || {
        shown.get().then(|| {
            view! {
                <section class=format!("doc-section {class}") aria-labelledby=labelled_by>
                    {untrack(|| draw_part(blocks))}
                </section>
            }
        })
    })
    .into_any()
}

/// Blocks drawn once, with no paging (the stakeholder view's checks).
pub fn draw_blocks(blocks: &[Block<'static>]) -> AnyView {
    blocks.iter().map(draw_block).collect_view().into_any()
}

/// How a part's block at one place is drawn: whole, or a long table or run row by row.
#[derive(Clone, Copy, PartialEq)]
enum Slot {
    Whole,
    Table,
    Records,
}

impl Slot {
    fn of(block: &Block<'_>) -> Slot {
        match block {
            Block::Table(_) => Slot::Table,
            Block::Records { .. } => Slot::Records,
            _ => Slot::Whole,
        }
    }
}

/// A part's blocks. The part is drawn again when its shape changes (a policy added); otherwise
/// each block redraws on its own, and a table's or run's rows each on their own.
fn draw_part(blocks: Memo<Blocks>) -> AnyView {
    let shape = Memo::new(move |_| blocks.with(|b| b.iter().map(Slot::of).collect::<Vec<_>>()));
    (move || {
        shape
            .get()
            .into_iter()
            .enumerate()
            .map(|(at, slot)| untrack(|| draw_slot(blocks, at, slot)))
            .collect_view()
    })
    .into_any()
}

fn draw_slot(blocks: Memo<Blocks>, at: usize, slot: Slot) -> AnyView {
    match slot {
        Slot::Whole => {
            let block = Memo::new(move |_| blocks.with(|b| b.get(at).cloned()));
            (move || block.with(|b| b.as_ref().map(draw_block))).into_any()
        }
        Slot::Table => table_slot(blocks, at),
        Slot::Records => records_slot(blocks, at),
    }
}

fn table_at(blocks: &Blocks, at: usize) -> Option<&Table<'static>> {
    match blocks.get(at) {
        Some(Block::Table(table)) => Some(table),
        _ => None,
    }
}

/// A table whose rows are each their own signal: a keystroke in one channel redraws its row.
fn table_slot(blocks: Memo<Blocks>, at: usize) -> AnyView {
    let head = Memo::new(move |_| {
        blocks.with(|b| {
            table_at(b, at).map(|t| Table {
                label: t.label.clone(),
                noun: t.noun.clone(),
                columns: t.columns.clone(),
                rows: Vec::new(),
            })
        })
    });
    (move || {
        head.get().map(|table| {
            let source: ListSource<Vec<Words<'static>>> = list_of(blocks, move |b: &Blocks| {
                table_at(b, at).map_or(&[][..], |t| t.rows.as_slice())
            });
            let heads = Arc::new(Heads::of(&table));
            let class = heads.class();
            let row = Arc::new(move |_: usize, cells: &Vec<Words<'static>>| table_row(cells, &heads));
            let columns = table.columns.len();
            view! {
                <TableScroll label=table.label.to_string()>
                    <table class=class>
                        {table_head(&table)}
                        <tbody>
                            {indexed_rows(source, row, table.noun.to_string(), RowsIn::Table { columns })}
                        </tbody>
                    </table>
                </TableScroll>
            }
        })
    })
    .into_any()
}

/// A run of records (categories), each its own signal.
fn records_slot(blocks: Memo<Blocks>, at: usize) -> AnyView {
    let noun = Memo::new(move |_| match blocks.with(|b| b.get(at).cloned()) {
        Some(Block::Records { noun, .. }) => noun.to_string(),
        _ => String::new(),
    });
    let source: ListSource<Block<'static>> = list_of(blocks, move |b: &Blocks| match b.get(at) {
        Some(Block::Records { items, .. }) => items.as_slice(),
        _ => &[][..],
    });
    let row = Arc::new(|_: usize, item: &Block<'static>| {
        let inner = match item {
            Block::Group { blocks } => draw_blocks(blocks),
            other => draw_block(other),
        };
        view! { <div class="doc-category">{inner}</div> }.into_any()
    });
    view! {
        <div class="doc-records">
            {move || indexed_rows(source.clone(), row.clone(), noun.get(), RowsIn::Block)}
        </div>
    }
    .into_any()
}

/// Where a long run's rows go: a table (the "more" line is a row spanning `columns`) or a block.
#[derive(Clone, Copy)]
enum RowsIn {
    Table { columns: usize },
    Block,
}

type DrawRow<T> = Arc<dyn Fn(usize, &T) -> AnyView + Send + Sync>;

/// Rows of a long run, keyed by position: a change to one row redraws that row only.
fn indexed_rows<T>(source: ListSource<T>, row: DrawRow<T>, noun: String, rows_in: RowsIn) -> AnyView
where
    T: Clone + PartialEq + Send + Sync + 'static,
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
                {format!("{} ", rows_not_shown(hidden, &noun))}
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
                let row = row.clone();
                store.row(index).map(|item| move || item.with(|it| row(index, it)))
            }
        />
        {more}
    }
    .into_any()
}

fn table_head(table: &Table<'_>) -> AnyView {
    let headings = table
        .columns
        .iter()
        .map(|column| view! { <th scope="col">{column.heading.to_string()}</th> })
        .collect_view();
    view! {
        <thead>
            <tr>{headings}</tr>
        </thead>
    }
    .into_any()
}

/// What a table's cells need of its columns: which hold figures, and each heading, which a cell
/// shows beside its value when a narrow preview lays the rows out as cards.
struct Heads {
    numeric: Vec<bool>,
    labels: Vec<String>,
}

impl Heads {
    fn of(table: &Table<'_>) -> Heads {
        Heads {
            numeric: table.columns.iter().map(|c| c.numeric).collect(),
            labels: table
                .columns
                .iter()
                .map(|c| c.heading.to_string())
                .collect(),
        }
    }

    /// From five columns up, a row's cells side by side need more than a preview column beside
    /// the form has: such a table is laid out as cards in a narrow box (style/main.css).
    fn class(&self) -> Option<&'static str> {
        (self.labels.len() >= 5).then_some("doc-table-cards")
    }
}

fn table_row(cells: &[Words<'static>], heads: &Heads) -> AnyView {
    let cells = cells
        .iter()
        .enumerate()
        .map(|(n, cell)| {
            let class = heads
                .numeric
                .get(n)
                .copied()
                .unwrap_or(false)
                .then_some("num");
            let label = heads.labels.get(n).cloned();
            view! { <td class=class data-label=label>{cell.to_string()}</td> }
        })
        .collect_view();
    view! { <tr>{cells}</tr> }.into_any()
}

/// One block, drawn whole.
fn draw_block(block: &Block<'static>) -> AnyView {
    match block {
        Block::Title { text, facts } => view! {
            <h1>{text.to_string()}</h1>
            {draw_facts(facts)}
        }
        .into_any(),
        Block::Heading { level, text } => draw_heading(*level, text),
        Block::Facts { facts, .. } => draw_facts(facts),
        Block::Table(table) => {
            let heads = Heads::of(table);
            let rows = table
                .rows
                .iter()
                .map(|cells| table_row(cells, &heads))
                .collect_view();
            // Built here: the table box draws its children later, when `table` is gone.
            let head = table_head(table);
            let class = heads.class();
            view! {
                <TableScroll label=table.label.to_string()>
                    <table class=class>
                        {head}
                        <tbody>{rows}</tbody>
                    </table>
                </TableScroll>
            }
            .into_any()
        }
        Block::List { ordered, items } => {
            let items = items
                .iter()
                .map(|item| view! { <li>{item.to_string()}</li> })
                .collect_view();
            if *ordered {
                view! { <ol>{items}</ol> }.into_any()
            } else {
                view! { <ul>{items}</ul> }.into_any()
            }
        }
        Block::Paragraph { text } => view! { <p>{text.to_string()}</p> }.into_any(),
        Block::Note { text } => view! { <p class="doc-empty">{text.to_string()}</p> }.into_any(),
        Block::Chart(chart) => draw_chart(chart),
        Block::Group { blocks } => {
            view! { <div class="doc-group">{draw_blocks(blocks)}</div> }.into_any()
        }
        Block::Records { items, .. } => items
            .iter()
            .map(|item| view! { <div class="doc-category">{draw_block(item)}</div> })
            .collect_view()
            .into_any(),
    }
}

/// A heading; a part's (level 2) has an id from its words, for the part to be named by it.
fn draw_heading(level: u8, text: &str) -> AnyView {
    let text = text.to_string();
    match level {
        0..=2 => {
            let id = format!("doc-{}-heading", text.to_lowercase().replace(' ', "-"));
            view! { <h2 id=id>{text}</h2> }.into_any()
        }
        3 => view! { <h3>{text}</h3> }.into_any(),
        _ => view! { <h4>{text}</h4> }.into_any(),
    }
}

fn draw_facts(facts: &[Fact<'static>]) -> AnyView {
    let items = facts
        .iter()
        .map(|fact| {
            view! {
                <dt>{fact.label.to_string()}</dt>
                <dd class:doc-alert=fact.alert>{fact.value.to_string()}</dd>
            }
        })
        .collect_view();
    view! { <dl class="doc-facts">{items}</dl> }.into_any()
}

/// A week chart: the first series is the need, a second (when there is one) what meets it.
fn draw_chart(chart: &Chart) -> AnyView {
    let required = chart
        .series
        .first()
        .map(|s| s.values.clone())
        .unwrap_or_default();
    let scheduled = chart.series.get(1).map(|s| s.values.clone());
    view! {
        <WeekChart id=chart.id.clone() title=chart.title.clone() required scheduled />
    }
    .into_any()
}
