//! The Markdown writer: blocks as GitHub-flavoured Markdown (`#` title, `##` sections, pipe
//! tables). Text is escaped so it can neither become HTML nor restructure the document.

use std::fmt::{self, Write};

use super::document::{document, Block, Document, Fact, Inputs, Layout, Table};
use super::{list_marker, trimmed, Section};
use crate::plan::Plan;

/// Renders the plan, or one section, as Markdown: the detailed layout, with the checks when the
/// caller gives them.
pub(super) fn render(plan: &Plan, section: Section, inputs: Inputs<'_>) -> String {
    let document = document(plan, section, Layout::Detailed, inputs);
    let mut out = String::with_capacity(4096 + plan.taxonomy.len() * 200);
    write_document(&mut out, &document);
    out
}

/// Writes blocks as GitHub-flavoured Markdown, a blank line between blocks.
pub(crate) fn write_document(out: &mut String, document: &Document<'_>) {
    write_blocks(out, &document.blocks);
}

fn write_blocks(out: &mut String, blocks: &[Block<'_>]) {
    for (n, block) in blocks.iter().enumerate() {
        if n > 0 && !matches!(block, Block::Chart(_)) {
            out.push('\n');
        }
        write_block(out, block);
    }
}

fn write_block(out: &mut String, block: &Block<'_>) {
    match block {
        Block::Title { text, facts } => {
            out.push_str("# ");
            inline(out, text);
            out.push_str("\n\n");
            write_facts(out, facts);
        }
        Block::Heading { level, text } => {
            for _ in 0..(*level).clamp(1, 6) {
                out.push('#');
            }
            out.push(' ');
            inline(out, text);
            out.push('\n');
        }
        Block::Paragraph { text } | Block::Note { text } => {
            let _ = write_escaped(out, text, true);
            out.push('\n');
        }
        Block::Facts { facts, .. } => write_facts(out, facts),
        Block::Table(table) => write_table(out, table),
        Block::List { ordered, items } => {
            for (n, item) in items.iter().enumerate() {
                list_marker(out, *ordered, n);
                let _ = write_escaped(out, item, true);
                out.push('\n');
            }
        }
        // A chart is figures for a picture; Markdown has none.
        Block::Chart(_) => {}
        Block::Group { blocks } => write_blocks(out, blocks),
        Block::Records { items, .. } => write_blocks(out, items),
    }
}

/// `- **Label:** value` lines.
fn write_facts(out: &mut String, facts: &[Fact<'_>]) {
    for fact in facts {
        out.push_str("- **");
        inline(out, &fact.label);
        out.push_str(":** ");
        inline(out, &fact.value);
        out.push('\n');
    }
}

fn write_table(out: &mut String, table: &Table<'_>) {
    for column in &table.columns {
        out.push_str("| ");
        inline(out, &column.heading);
        out.push(' ');
    }
    out.push_str("|\n");
    for _ in &table.columns {
        out.push_str("|---");
    }
    out.push_str("|\n");
    for row in &table.rows {
        for cell in row {
            out.push_str("| ");
            inline(out, cell);
            out.push(' ');
        }
        out.push_str("|\n");
    }
}

/// Text in the middle of a line (after a label, in a cell, in a heading): nothing in it can
/// start a block there, so only inline markup is escaped.
fn inline(out: &mut String, text: &str) {
    let _ = write_escaped(out, text, false);
}

/// Text as the Markdown writer sets it mid-line (a fact's value, a table cell).
#[cfg(test)]
pub(crate) fn inline_text(text: &str) -> String {
    let mut out = String::new();
    inline(&mut out, text);
    out
}

/// User text made inert for Markdown (see `Md`), for other Markdown documents.
pub(crate) fn inert(text: &str) -> String {
    Md(text).to_string()
}

/// User text made inert for Markdown, usable anywhere on a line including a table cell:
/// `<`, `>`, `&` become entities; `|` and inline markup characters are backslash-escaped;
/// line breaks become `<br>`; a leading `#`, `-`, `+`, `=` or `1.` cannot start a block.
struct Md<'a>(&'a str);

impl fmt::Display for Md<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_escaped(f, self.0, true)
    }
}

/// Whether a byte may need escaping anywhere in a line (0xC2 starts the C1 control characters).
fn may_need_escape(byte: u8) -> bool {
    matches!(
        byte,
        0..=0x1f
            | 0x7f
            | 0xc2
            | b'&'
            | b'<'
            | b'\\'
            | b'`'
            | b'*'
            | b'_'
            | b'['
            | b']'
            | b'|'
            | b'~'
    )
}

/// Writes text as inert Markdown (see `Md`), copying clean runs whole. `line_start`: the text
/// begins a line (a list item, a paragraph), where `#`, `-`, `1.` and the like would start a block.
fn write_escaped<W: Write>(out: &mut W, text: &str, line_start: bool) -> fmt::Result {
    let text = trimmed(text);
    let Some(&first) = text.as_bytes().first() else {
        return out.write_str("—");
    };
    let leading_marker =
        line_start && matches!(first, b'#' | b'-' | b'+' | b'=' | b'>' | b'0'..=b'9');
    if !leading_marker && !text.bytes().any(may_need_escape) {
        return out.write_str(text);
    }
    let digits = text.len() - text.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let ordered_marker =
        line_start && digits > 0 && matches!(text.as_bytes().get(digits), Some(b'.') | Some(b')'));
    let bytes = text.as_bytes();
    let alphanumeric_at = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let mut clean_from = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((index, c)) = chars.next() {
        let replacement = match c {
            // Only what would start an entity or a tag is escaped: "Q&A" and "a < b" stay as
            // they are, "&amp;" and "<script>" are shown, never read as HTML.
            '&' if starts_entity(&text[index + 1..]) => "&amp;",
            '<' if starts_tag(&text[index + 1..]) => "&lt;",
            '\r' if matches!(chars.peek(), Some((_, '\n'))) => "",
            '\n' | '\r' => "<br>",
            '\t' => " ",
            // An underscore inside a word emphasises nothing (`New_York`); at its edge it may.
            '_' if index > 0 && alphanumeric_at(index - 1) && alphanumeric_at(index + 1) => {
                continue
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => "\\",
            '#' | '-' | '+' | '=' | '>' if index == 0 && line_start => "\\",
            '.' | ')' if ordered_marker && index == digits => "\\",
            c if c.is_control() => "",
            _ => continue,
        };
        out.write_str(&text[clean_from..index])?;
        out.write_str(replacement)?;
        // A backslash escape keeps the character itself; the others replace it.
        clean_from = if replacement == "\\" {
            index
        } else {
            index + c.len_utf8()
        };
    }
    out.write_str(&text[clean_from..])
}

/// The characters after a `&` or `<` as they are written out: the control characters dropped.
fn written(rest: &str) -> impl Iterator<Item = char> + '_ {
    rest.chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\r' | '\t'))
}

/// Whether text after a `&` would make it a character reference (`amp;`, `#60;`, `#x3C;`).
fn starts_entity(rest: &str) -> bool {
    let mut rest = written(rest).peekable();
    rest.next_if_eq(&'#');
    let mut name = 0;
    for c in rest {
        match c {
            ';' => return name > 0,
            c if c.is_ascii_alphanumeric() => name += 1,
            _ => return false,
        }
    }
    false
}

/// Whether text after a `<` would make it HTML (`<b>`, `</p>`, `<!--`, `<?`), or put a tag
/// right after it (a line break is written `<br>`).
fn starts_tag(rest: &str) -> bool {
    written(rest)
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?' | '\n' | '\r'))
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_text() {
        // A `<` that would open a tag is written as an entity, so no tag ever starts; a lone
        // `&` and `>` cannot start anything mid-line and stay as typed (readable as plain text).
        let escaped = Md("<img src=x onerror=alert(1)> & <script>").to_string();
        assert_eq!(escaped, "&lt;img src=x onerror=alert(1)> & &lt;script>");
        // An `&` that would spell an entity is escaped, so `&lt;` stays those four characters.
        assert_eq!(Md("&lt; &amp;").to_string(), "&amp;lt; &amp;amp;");
        assert_eq!(Md("a < b").to_string(), "a < b");
        // A control character dropped from the text cannot join `<` to a letter.
        assert_eq!(Md("<\u{1}b>").to_string(), "&lt;b>");
        assert_eq!(Md("&\u{7}lt;").to_string(), "&amp;lt;");
        assert_eq!(Md("Q&A").to_string(), "Q&A");
        assert_eq!(Md("R&D team").to_string(), "R&D team");
    }

    #[test]
    fn user_text_cannot_start_a_block_or_break_a_cell() {
        assert_eq!(Md("# Title").to_string(), "\\# Title");
        assert_eq!(Md("- item").to_string(), "\\- item");
        assert_eq!(Md("> quote").to_string(), "\\> quote");
        assert_eq!(Md("12. step").to_string(), "12\\. step");
        assert_eq!(Md("2026 plan").to_string(), "2026 plan");
        assert_eq!(Md("a | b\r\nc").to_string(), "a \\| b<br>c");
        assert_eq!(
            Md("*bold* [link](x)").to_string(),
            "\\*bold\\* \\[link\\](x)"
        );
        assert_eq!(Md("  ").to_string(), "—");
    }

    #[test]
    fn a_joined_list_never_reads_as_an_entity() {
        // "Q&A" then "; " would read "&A;" as a character reference: the `&` is escaped there.
        let mut out = String::new();
        inline(&mut out, "Billing Q&A; Refunds");
        assert_eq!(out, "Billing Q&amp;A; Refunds");
        let mut out = String::new();
        inline(&mut out, "Q & A; R");
        assert_eq!(out, "Q & A; R");
    }

    #[test]
    fn only_a_line_start_can_start_a_block() {
        let mut out = String::new();
        inline(&mut out, ">90% (today: 82.5%)");
        assert_eq!(out, ">90% (today: 82.5%)");
        assert_eq!(Md("> quote").to_string(), "\\> quote");
    }

    #[test]
    fn document_has_title_sections_and_tables() {
        let mut plan = Plan::blank();
        plan.header.product = "Acme | <b>".into();
        let markdown = render(&plan, Section::Full, Inputs::default());
        assert!(
            markdown.starts_with("# Support Operations Plan\n\n- **Product:** Acme \\| &lt;b>\n")
        );
        for section in Section::DOCUMENT {
            assert!(markdown.contains(&format!("\n## {}\n", section.title())));
        }
        let tier = markdown.lines().find(|l| l.starts_with("| Tier 1 |"));
        // `<1` keeps its `<`: no tag starts with a digit.
        assert_eq!(tier, Some("| Tier 1 | Common issues | <1 hour | 24/7 |"));
    }
}
