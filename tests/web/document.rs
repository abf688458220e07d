//! The live preview, as drawn in the browser, says what the exports say: for every template,
//! every fact value, table cell, list item and paragraph of the document's blocks is on screen,
//! and every figure of the text block and of the Markdown is on screen too. (The native
//! `render::document::tests` hold the blocks, the text and the Markdown to each other; this holds
//! the drawn preview to them.)

use std::collections::BTreeSet;

use leptos::prelude::*;
use support_ops::plan::{templates, Section};
use support_ops::render::document::{
    capacity_blocks, section_blocks, title_block, Block, Fact, Layout,
};
use support_ops::render::{render, Format};
use support_ops::ui::Designer;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlElement;

use crate::dom::{wait_until, Mounted};

/// What a block says that a reader must find: fact values, cells, list items, paragraphs.
fn values<'b>(block: &'b Block<'_>, out: &mut Vec<&'b str>) {
    let facts = |facts: &'b [Fact<'_>], out: &mut Vec<&'b str>| {
        out.extend(facts.iter().map(|f| f.value.as_ref()));
    };
    match block {
        Block::Title { facts: f, .. } | Block::Facts { facts: f, .. } => facts(f, out),
        Block::Table(table) => out.extend(table.rows.iter().flatten().map(|c| c.as_ref())),
        Block::List { items, .. } => out.extend(items.iter().map(|i| i.as_ref())),
        Block::Paragraph { text } => out.push(text),
        Block::Group { blocks } | Block::Records { items: blocks, .. } => {
            for inner in blocks {
                values(inner, out);
            }
        }
        Block::Heading { .. } | Block::Note { .. } | Block::Chart(_) => {}
    }
}

/// The figures in some text: runs of digits with the `,` `.` `:` inside them ("2,500", "08:00").
fn numbers(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    let mut current = String::new();
    for c in text.chars().chain([' ']) {
        if c.is_ascii_digit() || (!current.is_empty() && matches!(c, ',' | '.' | ':')) {
            current.push(c);
        } else if !current.is_empty() {
            found.insert(current.trim_end_matches([',', '.', ':']).to_string());
            current.clear();
        }
    }
    found
}

fn collapsed(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The preview's drawn text, as laid out (cells apart), once its document is drawn.
async fn preview_text(app: &Mounted, product: &str) -> String {
    let body = || {
        app.root()
            .query_selector("#preview-body")
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    };
    let drawn = wait_until(|| {
        body().is_some_and(|b| {
            let text = b.inner_text();
            text.contains(product) && text.contains("Capacity")
        })
    })
    .await;
    assert!(drawn, "the preview of {product:?} was never drawn");
    body().map(|b| b.inner_text()).unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_drawn_preview_of_every_template_holds_the_exports_facts() {
    for template in templates::all() {
        let id = template.id;
        let plan = template.plan.clone();
        let signal = RwSignal::new(plan.clone());
        let app = Mounted::view(move || view! { <Designer plan=signal>""</Designer> });
        let screen = preview_text(&app, &plan.header.product).await;
        let on_screen = collapsed(&screen);

        let mut blocks = vec![title_block(&plan, Layout::Detailed)];
        for part in Section::DOCUMENT {
            blocks.extend(section_blocks(&plan, part, Layout::Detailed));
        }
        blocks.extend(capacity_blocks(&plan, None, Layout::Detailed));
        let mut said = Vec::new();
        for block in &blocks {
            values(block, &mut said);
        }
        for value in said.iter().map(|v| collapsed(v)).filter(|v| v != "—") {
            assert!(
                on_screen.contains(&value),
                "{id}: the preview does not show {value:?}"
            );
        }

        let figures = numbers(&screen);
        for format in [Format::Text, Format::Markdown] {
            let written = render(&plan, format, Section::Full);
            // The Markdown export also reports the checks, which the designer shows in its
            // findings pane rather than in the preview: only the document before them is held.
            let written = written.split("\n## Checks").next().unwrap_or_default();
            let missing: Vec<_> = numbers(written).difference(&figures).cloned().collect();
            assert!(
                missing.is_empty(),
                "{id}: the {} export has figures the preview does not show: {missing:?}",
                format.name()
            );
        }
        drop(app);
    }
}
