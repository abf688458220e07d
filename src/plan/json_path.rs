//! The path (`sla[2].resolution`) at a line and column of a JSON text, so a plan that fails to
//! load says where, printed as findings and form fields print it (`plan::Path`). A small scanner,
//! run only on error, instead of tracking the path during reads.

use super::path::{is_name, Path};

/// Where the scan is inside one object or array.
enum Frame {
    /// Inside an object: the key of the member being read, and whether a key comes next.
    Object { key: Option<String>, key_next: bool },
    /// Inside an array: the index of the element being read.
    Array { index: usize },
}

/// The path of the value being read at `line` and `column` (1-based line; column as serde_json
/// counts it, in bytes from the line's start), e.g. `taxonomy[3].types[0]`. `None` at the top
/// level or past the text. Below a key that is not a field name the path stops at the field
/// above it: the error's message quotes the key.
pub fn path_at(text: &str, line: usize, column: usize) -> Option<Path> {
    let end = byte_offset(text, line, column)?;
    render(&scan(text, end, |_, _| false))
}

/// The line and column (as serde_json counts them) just past the key of the member at `path`,
/// e.g. `header.colour`, if the text has such a member. Used to point at a field of an older
/// file whose error was found after migration.
pub fn position_of(text: &str, path: &Path) -> Option<(usize, usize)> {
    let mut found = None;
    scan(text, text.len(), |stack, after| {
        if render(stack).as_ref() == Some(path) {
            let line = text[..after].matches('\n').count() + 1;
            let column = after - text[..after].rfind('\n').map_or(0, |n| n + 1);
            found = Some((line, column));
        }
        found.is_some()
    });
    found
}

/// Reads `text` up to byte `end` and returns the objects and arrays open there. Each time an
/// object's key has been read, `at_key` is given the open frames and the offset just past the
/// key; the scan stops when it returns true.
fn scan(text: &str, end: usize, mut at_key: impl FnMut(&[Frame], usize) -> bool) -> Vec<Frame> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < end {
        match bytes[at] {
            b'"' => {
                let (content, after) = string_at(text, at);
                if let Some(Frame::Object { key, key_next }) = stack.last_mut() {
                    if *key_next {
                        *key = Some(content);
                        *key_next = false;
                        if at_key(&stack, after) {
                            return stack;
                        }
                    }
                }
                at = after;
                continue;
            }
            b'{' => stack.push(Frame::Object {
                key: None,
                key_next: true,
            }),
            b'[' => stack.push(Frame::Array { index: 0 }),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => match stack.last_mut() {
                Some(Frame::Object { key, key_next }) => {
                    *key = None;
                    *key_next = true;
                }
                Some(Frame::Array { index }) => *index += 1,
                None => {}
            },
            _ => {}
        }
        at += 1;
    }
    stack
}

/// The byte offset of a line and column, if the text has that line.
fn byte_offset(text: &str, line: usize, column: usize) -> Option<usize> {
    let line_start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    Some((line_start + column).min(text.len()))
}

/// The content of the string starting at the quote at `start` (escapes kept as written, which
/// is how keys read in a path), and the offset just past its closing quote.
fn string_at(text: &str, start: usize) -> (String, usize) {
    let bytes = text.as_bytes();
    let mut at = start + 1;
    while at < bytes.len() {
        match bytes[at] {
            b'\\' => at += 2,
            b'"' => return (text[start + 1..at].to_string(), at + 1),
            _ => at += 1,
        }
    }
    (text[(start + 1).min(text.len())..].to_string(), text.len())
}

/// `a.b[2].c` from the open frames. An object frame with no key yet, a key that is not a field
/// name, or a list at the top (no field to index) ends the path.
fn render(stack: &[Frame]) -> Option<Path> {
    let mut path: Option<Path> = None;
    for frame in stack {
        path = match (frame, path) {
            (Frame::Object { key: Some(key), .. }, None) if is_name(key) => Some(Path::field(key)),
            (Frame::Object { key: Some(key), .. }, Some(path)) if is_name(key) => {
                Some(path.then(key))
            }
            (Frame::Array { index }, Some(path)) => Some(path.at(*index)),
            (_, path) => return path,
        };
    }
    path
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The line and column just past the first occurrence of `marker`, as serde_json reports it.
    fn after(text: &str, marker: &str) -> (usize, usize) {
        let end = text.find(marker).unwrap() + marker.len();
        let line = text[..end].matches('\n').count() + 1;
        let column = end - text[..end].rfind('\n').map_or(0, |n| n + 1);
        (line, column)
    }

    /// The path printed at the end of the first occurrence of `marker`.
    fn path_after(text: &str, marker: &str) -> Option<String> {
        let (line, column) = after(text, marker);
        path_at(text, line, column).map(String::from)
    }

    #[test]
    fn finds_keys_and_indexes_across_lines() {
        let text = "{\n  \"sla\": [\n    {\"priority\": \"High\"},\n    {\"priority\": \"Low\", \"resolution\": \"soon\"}\n  ]\n}";
        assert_eq!(
            path_after(text, "\"soon\"").as_deref(),
            Some("sla[1].resolution")
        );
    }

    #[test]
    fn commas_and_brackets_inside_strings_do_not_count() {
        let text = r#"{"taxonomy": [{"name": "a, [b] {c}", "types": ["x,y", "z\"]", 5]}]}"#;
        assert_eq!(
            path_after(text, "5").as_deref(),
            Some("taxonomy[0].types[2]")
        );
    }

    #[test]
    fn finds_the_position_of_a_member() {
        let text = "{\n  \"header\": {\n    \"colour\": 1\n  },\n  \"sla\": [{\"x\": 2}]\n}";
        let position_of = |path: &str| position_of(text, &Path::parse(path).expect("a path"));
        assert_eq!(position_of("header.colour"), Some((3, 12)));
        assert_eq!(position_of("sla[0].x"), Some((5, 14)));
        assert_eq!(position_of("header.size"), None);
    }

    /// A key that is not a field name (`"team size"`, a template value's `"header.team_size"`)
    /// has no path of its own: the path is the field it is in.
    #[test]
    fn a_key_that_is_not_a_field_name_ends_the_path() {
        let text = r#"{"header": {"team size": [1, 2]}, "from_template": {"header.team_size": 3}}"#;
        assert_eq!(path_after(text, "2").as_deref(), Some("header"));
        assert_eq!(path_after(text, "3").as_deref(), Some("from_template"));
        assert_eq!(path_after(r#"[{"a": 1}]"#, "1").as_deref(), None);
    }

    #[test]
    fn a_closed_member_leaves_the_path() {
        let text = r#"{"header": {"product": "A"}, "sla": 3}"#;
        assert_eq!(path_after(text, "3").as_deref(), Some("sla"));
        assert_eq!(path_after(text, "}").as_deref(), Some("header"));
        assert_eq!(path_at(text, 1, text.len()), None);
    }
}
