//! The three views of a plan say the same things: every fact, table cell and list item the
//! preview draws is in the text block and in the Markdown, and no number is in one and not the
//! others.

use std::collections::BTreeSet;

use super::*;
use crate::plan::templates;
use crate::render::{markdown_inline, render, text_line, write_markdown, Format};

/// The blocks the live preview draws for the whole plan, as `ui::document` asks for them.
fn preview_blocks(plan: &Plan) -> Vec<Block<'_>> {
    let mut blocks = vec![title_block(plan, Layout::Detailed)];
    for part in Section::DOCUMENT {
        blocks.extend(section_blocks(plan, part, Layout::Detailed));
    }
    blocks.extend(capacity_blocks(plan, None, Layout::Detailed));
    blocks
}

/// Every string a block shows, as the preview puts it on screen; `values` gets the facts'
/// values, the table cells, the list items and the paragraphs (what the plan says).
fn plain_strings<'b>(block: &'b Block<'_>, shown: &mut Vec<&'b str>, values: &mut Vec<&'b str>) {
    match block {
        Block::Title { text, facts } => {
            shown.push(text);
            push_facts(facts, shown, values);
        }
        Block::Heading { text, .. } | Block::Note { text } => shown.push(text),
        Block::Facts { facts, .. } => push_facts(facts, shown, values),
        Block::Table(table) => {
            shown.extend(table.columns.iter().map(|c| c.heading.as_ref()));
            for cell in table.rows.iter().flatten() {
                shown.push(cell);
                values.push(cell);
            }
        }
        Block::List { items, .. } => {
            shown.extend(items.iter().map(|i| i.as_ref()));
            values.extend(items.iter().map(|i| i.as_ref()));
        }
        Block::Paragraph { text } => {
            shown.push(text);
            values.push(text);
        }
        Block::Chart(chart) => shown.push(&chart.title),
        Block::Group { blocks } | Block::Records { items: blocks, .. } => {
            for inner in blocks {
                plain_strings(inner, shown, values);
            }
        }
    }
}

fn push_facts<'b>(facts: &'b [Fact<'_>], shown: &mut Vec<&'b str>, values: &mut Vec<&'b str>) {
    for fact in facts {
        shown.push(&fact.label);
        shown.push(&fact.value);
        values.push(&fact.value);
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

/// What says nothing: a dash for a blank, "(none)".
fn says_nothing(value: &str) -> bool {
    value == "—" || value == "(none)"
}

#[test]
fn text_markdown_and_the_preview_hold_the_same_facts() {
    for template in templates::all() {
        let plan = &template.plan;
        let id = template.id;
        let blocks = preview_blocks(plan);
        let (mut shown, mut values) = (Vec::new(), Vec::new());
        for block in &blocks {
            plain_strings(block, &mut shown, &mut values);
        }
        let text = render(plan, Format::Text, Section::Full);
        // The Markdown as exported, and without the checks the preview leaves to its own pane.
        let markdown = render(plan, Format::Markdown, Section::Full);
        let mut markdown_of_preview = String::new();
        write_markdown(
            &mut markdown_of_preview,
            &Document {
                blocks: blocks.clone(),
            },
        );
        assert!(
            markdown.starts_with(&markdown_of_preview),
            "{id}: Markdown is the preview's blocks"
        );
        for value in values.iter().filter(|v| !says_nothing(v)) {
            assert!(
                text.contains(&text_line(value, false)) || text.contains(&text_line(value, true)),
                "{id}: the text block lacks {value:?}"
            );
            assert!(
                markdown.contains(&markdown_inline(value)),
                "{id}: the Markdown lacks {value:?}"
            );
        }
        let on_screen = numbers(&shown.join(" "));
        for (format, written) in [("text", &text), ("Markdown", &markdown_of_preview)] {
            let missing: Vec<_> = numbers(written).difference(&on_screen).cloned().collect();
            assert!(
                missing.is_empty(),
                "{id}: the {format} has figures the preview lacks: {missing:?}"
            );
            let absent: Vec<_> = on_screen.difference(&numbers(written)).cloned().collect();
            assert!(
                absent.is_empty(),
                "{id}: the preview has figures the {format} lacks: {absent:?}"
            );
        }
    }
}

#[test]
fn blocks_cross_a_worker_boundary_as_json_unchanged() {
    let plan = templates::by_id("b2b-saas").expect("a template");
    let document = document(&plan, Section::Full, Layout::Detailed, Inputs::default());
    let json = serde_json::to_string(&document).expect("blocks serialise");
    let back: Document<'static> = serde_json::from_str(&json).expect("and read back");
    assert_eq!(back, document);
    // Externally tagged (docs/architecture.md says why): each block is `{"<kind>": …}`.
    assert!(json.contains(r#"{"table":{"label":"#), "{}", &json[..200]);
}

#[test]
fn the_preview_says_the_words_the_exports_say() {
    // The drift the exports and the preview once had: one word each, decided here.
    let mut plan = Plan::blank();
    plan.header.monthly_volume = 1;
    plan.automation.chatbot = "Password resets".into();
    plan.automation.chatbot_containment = Some(40.0);
    let mut shown = Vec::new();
    let blocks = preview_blocks(&plan);
    for block in &blocks {
        plain_strings(block, &mut shown, &mut Vec::new());
    }
    assert!(shown.contains(&"1 ticket/month"), "{shown:?}");
    assert!(shown.contains(&"Password resets (contains 40% end to end)"));
    assert!(shown.contains(&"Community Forum"));
    let text = render(&plan, Format::Text, Section::Full);
    assert!(text.contains("Volume: 1 ticket/month\n"));
    assert!(text.contains("- Chatbot: Password resets (contains 40% end to end)\n"));
    assert!(text.contains("- Community Forum: no\n"));
}

/// A plan started from the B2B SaaS template says its CSAT baseline (82 %), its team size (21)
/// and its health weights are the template's; once the baseline is typed over, that line no
/// longer says so. The same template read as a plan of one's own marks nothing.
#[test]
fn documents_say_which_values_are_the_templates() {
    let mut plan = templates::starter("b2b-saas").expect("a template");
    for format in [Format::Text, Format::Markdown] {
        let text = render(&plan, format, Section::Full);
        for expected in [
            "82% (template))",
            "21 agents (template)",
            "40% (template)",
            "Done (template)",
        ] {
            assert!(text.contains(expected), "{expected} in {format:?}");
        }
    }
    plan.metrics.csat.baseline = Some(79.0);
    let text = render(&plan, Format::Text, Section::Full);
    assert!(
        text.contains("(today: 79%)"),
        "the team's own figure is not marked"
    );
    let own = templates::by_id("b2b-saas").expect("a template");
    assert!(!render(&own, Format::Text, Section::Full).contains("(template)"));
}
