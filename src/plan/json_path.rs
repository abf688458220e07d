//! The JSON path (`sla[2].resolution`) at a line and column of a JSON text, so a plan that fails to
//! load says where. A small scanner, run only on error, instead of tracking the path during reads.

/// Where the scan is inside one object or array.
enum Frame {
    /// Inside an object: the key of the member being read, and whether a key comes next.
    Object { key: Option<String>, key_next: bool },
    /// Inside an array: the index of the element being read.
    Array { index: usize },
}

/// The path of the value being read at `line` and `column` (1-based line; column as serde_json
/// counts it, in bytes from the line's start), e.g. `taxonomy[3].types[0]`. `None` at the top
/// level or past the text.
pub fn path_at(text: &str, line: usize, column: usize) -> Option<String> {
    let end = byte_offset(text, line, column)?;
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
    render(&stack)
}

/// The line and column (as serde_json counts them) just past the key of the member at `path`,
/// e.g. `header.colour`, if the text has such a member. Used to point at a field of an older
/// file whose error was found after migration.
pub fn position_of(text: &str, path: &str) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'"' => {
                let (content, after) = string_at(text, at);
                if let Some(Frame::Object { key, key_next }) = stack.last_mut() {
                    if *key_next {
                        *key = Some(content);
                        *key_next = false;
                        if render(&stack).as_deref() == Some(path) {
                            let line = text[..after].matches('\n').count() + 1;
                            let column = after - text[..after].rfind('\n').map_or(0, |n| n + 1);
                            return Some((line, column));
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
    None
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

/// `a.b[2].c` from the open frames; an object frame with no key yet ends the path.
fn render(stack: &[Frame]) -> Option<String> {
    let mut path = String::new();
    for frame in stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object { key: None, .. } => break,
            Frame::Array { index } => {
                path.push('[');
                path.push_str(&index.to_string());
                path.push(']');
            }
        }
    }
    (!path.is_empty()).then_some(path)
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

    #[test]
    fn finds_keys_and_indexes_across_lines() {
        let text = "{\n  \"sla\": [\n    {\"priority\": \"High\"},\n    {\"priority\": \"Low\", \"resolution\": \"soon\"}\n  ]\n}";
        let (line, column) = after(text, "\"soon\"");
        assert_eq!(
            path_at(text, line, column).as_deref(),
            Some("sla[1].resolution")
        );
    }

    #[test]
    fn commas_and_brackets_inside_strings_do_not_count() {
        let text = r#"{"taxonomy": [{"name": "a, [b] {c}", "types": ["x,y", "z\"]", 5]}]}"#;
        let (line, column) = after(text, "5");
        assert_eq!(
            path_at(text, line, column).as_deref(),
            Some("taxonomy[0].types[2]")
        );
    }

    #[test]
    fn finds_the_position_of_a_member() {
        let text = "{\n  \"header\": {\n    \"colour\": 1\n  },\n  \"sla\": [{\"x\": 2}]\n}";
        assert_eq!(position_of(text, "header.colour"), Some((3, 12)));
        assert_eq!(position_of(text, "sla[0].x"), Some((5, 14)));
        assert_eq!(position_of(text, "header.size"), None);
    }

    #[test]
    fn a_closed_member_leaves_the_path() {
        let text = r#"{"header": {"product": "A"}, "sla": 3}"#;
        let (line, column) = after(text, "3");
        assert_eq!(path_at(text, line, column).as_deref(), Some("sla"));
        let (line, column) = after(text, "}");
        assert_eq!(path_at(text, line, column).as_deref(), Some("header"));
        assert_eq!(path_at(text, 1, text.len()), None);
    }
}
