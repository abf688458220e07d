//! The one path type to a value in a plan (`sla[2].targets[0].resolution`): parsed and printed
//! here only. Rules name their findings with it, forms find their fields with it, the
//! finding-to-field jump and the JSON error messages print it; nothing else splits a path.

use std::fmt;

use super::Part;

/// One step of a path: a field name, a list index, or (in a declared pattern such as
/// `sla[].targets[].first_response.target`) any item of a list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step<'a> {
    Field(&'a str),
    Index(usize),
    Each,
}

/// A well-formed path: field names joined by `.`, list indexes in `[n]`, starting with a field.
/// Held as its printed form, so printing is free and a path compares as text does.
/// There is no empty path: every one names a field of the plan or something below it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Path(String);

impl Path {
    /// The path of a top-level field (`sla`).
    pub fn field(name: &str) -> Path {
        debug_assert!(is_name(name), "not a field name: {name:?}");
        Path(name.to_string())
    }

    /// Reads `text` as a path; `None` when it is not well formed (`a..b`, `a[x]`, `[0]`).
    pub fn parse(text: &str) -> Option<Path> {
        steps(text).map(|_| Path(text.to_string()))
    }

    /// This path, one field further down: `sla[0]` → `sla[0].name`.
    pub fn then(mut self, name: &str) -> Path {
        debug_assert!(is_name(name), "not a field name: {name:?}");
        if !self.0.is_empty() {
            self.0.push('.');
        }
        self.0.push_str(name);
        self
    }

    /// This path, at item `index` of the list it names: `sla` → `sla[2]`.
    pub fn at(mut self, index: usize) -> Path {
        use fmt::Write;
        let _ = write!(self.0, "[{index}]");
        self
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The steps from the top of the plan down.
    pub fn steps(&self) -> Vec<Step<'_>> {
        steps(&self.0).unwrap_or_default()
    }

    /// The part of the plan the path lies in: `sla[0].targets[1].resolution` → `Sla`.
    pub fn part(&self) -> Option<Part> {
        part_of(&self.0)
    }

    /// The index of the first list the path goes into (`sla[10].targets[0]` → 10).
    pub fn first_index(&self) -> Option<usize> {
        first_index(&self.0)
    }

    /// The path as the pattern a form declares its controls by, list indexes as `[]`:
    /// `sla[2].targets[0].resolution` → `sla[].targets[].resolution`.
    pub fn pattern(&self) -> String {
        pattern(&self.0).unwrap_or_default()
    }

    /// The row of the list at `list` (a form's list path) this path lies in:
    /// `taxonomy[7].name` → 7 in `taxonomy`; `None` when it is not below an item of that list.
    pub fn row_in(&self, list: &str) -> Option<usize> {
        row_in_list(list, &self.0)
    }

    /// When the path names an item of a list (`sla[2].targets[0]`): the list's path and the
    /// index (`sla[2].targets`, 0).
    pub fn list_item(&self) -> Option<(Path, usize)> {
        let text = self.0.strip_suffix(']')?;
        let open = text.rfind('[')?;
        let index = text[open + 1..].parse().ok()?;
        Some((Path(text[..open].to_string()), index))
    }

    /// The nearest list item the path lies in, else its part: `taxonomy[3].types[2].name` →
    /// `taxonomy[3].types[2]`, `header.product` → `header`. What an edit of the value here can
    /// change besides the value itself (an optional group it starts).
    pub fn row_or_part(&self) -> Path {
        match self.0.rfind(']') {
            Some(end) => Path(self.0[..=end].to_string()),
            None => Path(self.0.split('.').next().unwrap_or_default().to_string()),
        }
    }

    /// The DOM id of the form field that edits the value here:
    /// `sla[1].resolution` → `field-sla-1-resolution`. Forms and the findings panel both use it.
    pub fn field_id(&self) -> String {
        field_id(&self.0)
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Path> for String {
    fn from(path: Path) -> String {
        path.0
    }
}

/// A path is saved and sent as its printed form (`taxonomy[2].name`): journals, edit records and a
/// finding's JSON (`"path": "sla[1].name"`) hold it so.
impl serde::Serialize for Path {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.0)
    }
}

/// Reads a printed path; text that is not one is refused with the text in the message.
impl<'de> serde::Deserialize<'de> for Path {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Path, D::Error> {
        let text = String::deserialize(deserializer)?;
        Path::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("{text:?} is not a path to a field of a plan"))
        })
    }
}

impl AsRef<str> for Path {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A path compares with the text it prints as (`finding.path == "sla[0].targets"`).
impl PartialEq<str> for Path {
    fn eq(&self, text: &str) -> bool {
        self.0 == text
    }
}

impl PartialEq<&str> for Path {
    fn eq(&self, text: &&str) -> bool {
        self.0 == *text
    }
}

/// A field name: letters, digits and `_`, not empty. (A JSON key that is not one, such as a
/// misspelt `"team size"`, has no path of its own.)
pub fn is_name(name: &str) -> bool {
    !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// The steps of `a.b[2].c`: `Field(a)`, `Field(b)`, `Index(2)`, `Field(c)`; `a[]` is `Field(a)`,
/// `Each`. `None` when the text is not a well-formed path. The one parser of the path grammar.
pub fn steps(path: &str) -> Option<Vec<Step<'_>>> {
    let mut steps = Vec::new();
    for piece in path.split('.') {
        let (name, mut rest) = match piece.find('[') {
            Some(at) => (&piece[..at], &piece[at..]),
            None => (piece, ""),
        };
        if name.is_empty() || name.contains(']') {
            return None;
        }
        steps.push(Step::Field(name));
        while let Some(inner) = rest.strip_prefix('[') {
            let (index, after) = inner.split_once(']')?;
            if index.is_empty() {
                steps.push(Step::Each);
            } else if index.bytes().all(|b| b.is_ascii_digit()) {
                steps.push(Step::Index(index.parse().ok()?));
            } else {
                return None;
            }
            rest = after;
        }
        if !rest.is_empty() {
            return None;
        }
    }
    Some(steps)
}

/// The part a path's text lies in (see [`Path::part`]); `None` for a malformed path.
pub fn part_of(path: &str) -> Option<Part> {
    match steps(path)?.first()? {
        Step::Field(key) => Part::ALL.into_iter().find(|part| part.key() == *key),
        Step::Index(_) | Step::Each => None,
    }
}

/// The index of the first list a path's text goes into (see [`Path::first_index`]).
pub fn first_index(path: &str) -> Option<usize> {
    steps(path)?.into_iter().find_map(|step| match step {
        Step::Index(index) => Some(index),
        Step::Field(_) | Step::Each => None,
    })
}

/// A path as the pattern a form declares its controls by, list indexes as `[]`:
/// `sla[2].targets[0].resolution.target` → `sla[].targets[].resolution.target`.
pub fn pattern(path: &str) -> Option<String> {
    let mut out = String::with_capacity(path.len());
    for step in steps(path)? {
        match step {
            Step::Field(name) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(name);
            }
            Step::Index(_) | Step::Each => out.push_str("[]"),
        }
    }
    Some(out)
}

/// The row of the list at `list` that `path` lies in: `taxonomy[7].name` → 7 for `taxonomy`,
/// `taxonomy[2].types[5]` → 5 for `taxonomy[2].types`. `None` when `path` is not below an item of
/// that list.
pub fn row_in_list(list: &str, path: &str) -> Option<usize> {
    let list = steps(list)?;
    let path = steps(path)?;
    match path.get(list.len())? {
        Step::Index(index) if path.starts_with(&list) => Some(*index),
        _ => None,
    }
}

/// The DOM id for a path's text (see [`Path::field_id`]). Characters a DOM id should not hold
/// become `-`, so even a malformed path gives a usable id.
pub fn field_id(path: &str) -> String {
    let mut id = String::from("field");
    for piece in path.split(['.', '[', ']']) {
        if !piece.is_empty() {
            id.push('-');
            id.extend(piece.chars().map(|c| {
                if c.is_ascii_alphanumeric() || c == '_' {
                    c
                } else {
                    '-'
                }
            }));
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_split_into_steps() {
        assert_eq!(
            steps("sla[0].targets[12].first_response.target"),
            Some(vec![
                Step::Field("sla"),
                Step::Index(0),
                Step::Field("targets"),
                Step::Index(12),
                Step::Field("first_response"),
                Step::Field("target"),
            ])
        );
        assert_eq!(
            steps("staffing.arrival_profile[3]").map(|s| s.len()),
            Some(3)
        );
        for bad in ["", "a..b", "a[x]", "a[1", "a]1", "[0]", "a[+1]", "a[1]b"] {
            assert_eq!(steps(bad), None, "{bad}");
        }
    }

    #[test]
    fn built_paths_print_as_they_parse() {
        let path = Path::field("sla")
            .at(2)
            .then("targets")
            .at(0)
            .then("resolution");
        assert_eq!(path.as_str(), "sla[2].targets[0].resolution");
        assert_eq!(Path::parse(path.as_str()), Some(path.clone()));
        assert_eq!(path.to_string(), "sla[2].targets[0].resolution");
        assert_eq!(path.part(), Some(Part::Sla));
        assert_eq!(path.first_index(), Some(2));
        assert_eq!(Path::parse("sla[2"), None);
    }

    #[test]
    fn patterns_stand_for_any_item() {
        assert_eq!(
            steps("sla[].targets"),
            Some(vec![Step::Field("sla"), Step::Each, Step::Field("targets")])
        );
        assert_eq!(
            pattern("sla[2].targets[10].resolution.target").as_deref(),
            Some("sla[].targets[].resolution.target")
        );
        assert_eq!(
            pattern("header.team_size").as_deref(),
            Some("header.team_size")
        );
        assert_eq!(part_of("assess.journey[].stage"), Some(Part::Assess));
    }

    #[test]
    fn the_part_is_the_first_field() {
        assert_eq!(part_of("helpdesk.priority_map[0]"), Some(Part::Helpdesk));
        assert_eq!(part_of("staffing"), Some(Part::Staffing));
        assert_eq!(part_of("schema_version"), None);
        assert_eq!(part_of("sla_extra[1]"), None);
        assert_eq!(part_of("[0].sla"), None);
    }

    #[test]
    fn rows_of_a_list() {
        assert_eq!(row_in_list("taxonomy", "taxonomy[7].name"), Some(7));
        assert_eq!(
            row_in_list("taxonomy[2].types", "taxonomy[2].types[5]"),
            Some(5)
        );
        assert_eq!(row_in_list("taxonomy", "tiers[1].name"), None);
        assert_eq!(row_in_list("sla", "sla_extra[1]"), None);
        assert_eq!(row_in_list("taxonomy", "taxonomy"), None);
        assert_eq!(
            row_in_list("taxonomy[2].types", "taxonomy[3].types[5]"),
            None
        );
        assert_eq!(row_in_list("channels", "channels.hours"), None);
    }

    /// In JSON a path is the text it prints as; text that is not a path is refused with words.
    #[test]
    fn paths_are_json_text() {
        let path = Path::field("sla").at(0).then("name");
        assert_eq!(serde_json::to_string(&path).unwrap(), r#""sla[0].name""#);
        assert_eq!(
            serde_json::from_str::<Path>(r#""sla[0].name""#).unwrap(),
            path
        );
        for bad in [r#""""#, r#""sla..name""#, r#""[0]""#, "3"] {
            let error = serde_json::from_str::<Path>(bad).unwrap_err().to_string();
            assert!(
                bad == "3" || error.contains("is not a path to a field of a plan"),
                "{bad}: {error}"
            );
        }
    }

    #[test]
    fn field_ids_follow_paths() {
        assert_eq!(field_id("sla[1].resolution"), "field-sla-1-resolution");
        assert_eq!(
            Path::field("header").then("team_size").field_id(),
            "field-header-team_size"
        );
    }
}
