//! Today's helpdesk configuration read into a new plan: the JSON Zendesk's and Freshdesk's APIs
//! return for SLA policies, schedules or business hours, holidays and groups, with a report.
//!
//! Each file is recognised by its shape, never by its name. Whatever a plan cannot hold becomes a
//! line of the report with its JSON path in the file, so nothing is dropped silently; a file that
//! is not a helpdesk list stops the import with a message saying what it is instead.

mod freshdesk;
mod zendesk;

use std::collections::{HashMap, HashSet};
use std::fmt;

use serde_json::Value;

use crate::capacity::is_known_zone;
use crate::plan::json::{text_from_bytes, to_json};
use crate::plan::limits::{self, Limits};
use crate::plan::{
    Calendar, Channel, ChannelKind, Duration, Plan, Priority, SlaPolicy, Tier, ALWAYS_OPEN,
    MINUTES_PER_DAY,
};
use crate::render::helpdesk::zendesk_zone_names;

/// One file to import: a name to report it by (its file name) and its text.
#[derive(Clone, Copy, Debug)]
pub struct SourceFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// The helpdesks the import reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Helpdesk {
    Zendesk,
    Freshdesk,
}

impl Helpdesk {
    pub fn label(self) -> &'static str {
        match self {
            Helpdesk::Zendesk => "Zendesk",
            Helpdesk::Freshdesk => "Freshdesk",
        }
    }
}

/// What kind of list a file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Content {
    SlaPolicies,
    Schedules,
    Holidays,
    BusinessHours,
    Groups,
    Triggers,
}

impl Content {
    /// "3 SLA policies", "1 schedule".
    fn count(self, count: usize) -> String {
        let (one, many) = match self {
            Content::SlaPolicies => ("SLA policy", "SLA policies"),
            Content::Schedules => ("schedule", "schedules"),
            Content::Holidays => ("holiday", "holidays"),
            Content::BusinessHours => ("business-hours calendar", "business-hours calendars"),
            Content::Groups => ("group", "groups"),
            Content::Triggers => ("trigger", "triggers"),
        };
        let many = if count == 1 { one } else { many };
        format!("{} {many}", limits::thousands(count))
    }
}

/// What the import made of one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recognised {
    pub file: String,
    /// `None` for a file that holds only empty lists.
    pub helpdesk: Option<Helpdesk>,
    /// Each list found in it, with how many items it has.
    pub holds: Vec<(Content, usize)>,
}

impl Recognised {
    /// "Zendesk SLA policies: 3 SLA policies" in a sentence: "Zendesk: 3 SLA policies and 2 schedules".
    pub fn describe(&self) -> String {
        let lists: Vec<String> = self
            .holds
            .iter()
            .map(|(content, count)| content.count(*count))
            .collect();
        let lists = match lists.split_last() {
            None => "nothing".to_string(),
            Some((last, [])) => last.clone(),
            Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
        };
        match self.helpdesk {
            Some(helpdesk) => format!("{}: {lists}", helpdesk.label()),
            None => format!("an empty list ({lists})"),
        }
    }
}

/// One thing the plan could not take as it was, or took with an assumption, and where it was.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportLine {
    /// The file it is in; empty for what concerns the import as a whole.
    pub file: String,
    /// Its JSON path in the file (`sla_policies[1].filter.all[2]`); empty for the whole file.
    pub path: String,
    /// What happened to it, in a support leader's words.
    pub message: String,
}

impl fmt::Display for ReportLine {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.file.is_empty(), self.path.is_empty()) {
            (true, _) => f.write_str(&self.message),
            (false, true) => write!(f, "{}: {}", self.file, self.message),
            (false, false) => write!(f, "{} {}: {}", self.file, self.path, self.message),
        }
    }
}

/// The plan of today's operation, and what the import made of the files.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    pub plan: Plan,
    pub helpdesk: Helpdesk,
    pub files: Vec<Recognised>,
    /// Everything not mapped as it was, one line each.
    pub report: Vec<ReportLine>,
}

/// Why nothing could be imported: one sentence per file at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    pub problems: Vec<String>,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.problems.join("\n"))
    }
}

impl std::error::Error for ImportError {}

/// Reads one or several helpdesk files into a new plan, within the limits of a plan the app
/// opens (`limits::PLAN_FROM_OUTSIDE`: a list longer than a plan may hold is refused before
/// anything is built from it).
pub fn import(files: &[SourceFile]) -> Result<Imported, ImportError> {
    import_within(files, &limits::PLAN_FROM_OUTSIDE)
}

fn import_within(files: &[SourceFile], limits: &Limits) -> Result<Imported, ImportError> {
    let fail = |message: String| ImportError {
        problems: vec![message],
    };
    if files.is_empty() {
        return Err(fail(
            "There is nothing to import: give the JSON files your helpdesk's API returns for SLA \
             policies, schedules or business hours, and groups."
                .to_string(),
        ));
    }
    let values = parse_all(files)?;
    let (mut found, recognised) = recognise_all(&values)?;
    let helpdesk = one_helpdesk(&recognised).map_err(fail)?;
    within_limits(&found, limits).map_err(fail)?;
    let mut report = Report::default();
    join_pages(&mut found, &mut report);
    for file in recognised.iter().filter(|r| r.helpdesk.is_none()) {
        report.note(
            &file.file,
            "",
            "The file holds an empty list; there is nothing in it to import.",
        );
    }
    let assembly = match helpdesk {
        Helpdesk::Zendesk => zendesk::assemble(&found, &mut report),
        Helpdesk::Freshdesk => freshdesk::assemble(&found, &mut report),
    };
    if assembly.is_empty() {
        return Err(fail(nothing_maps(&recognised)));
    }
    Ok(Imported {
        plan: assembly.into_plan(helpdesk, &mut report),
        helpdesk,
        files: recognised,
        report: report.lines,
    })
}

/// Every file as JSON, or one sentence per file that is not.
fn parse_all<'a>(files: &[SourceFile<'a>]) -> Result<Vec<(&'a str, Value)>, ImportError> {
    let mut values = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for file in files {
        match parse(file) {
            Ok(value) => values.push((file.name, value)),
            Err(message) => problems.push(format!("{}: {message}", file.name)),
        }
    }
    if problems.is_empty() {
        Ok(values)
    } else {
        Err(ImportError { problems })
    }
}

/// The lists of every file and what each file is, or one sentence per file that is no list.
fn recognise_all<'a>(
    values: &'a [(&'a str, Value)],
) -> Result<(Vec<Found<'a>>, Vec<Recognised>), ImportError> {
    let mut found: Vec<Found> = Vec::new();
    let mut recognised = Vec::new();
    let mut problems = Vec::new();
    for (name, value) in values {
        match recognise(name, value) {
            Ok(lists) if one_file_one_helpdesk(&lists).is_none() => problems.push(format!(
                "{name}: this file mixes Zendesk and Freshdesk lists. Give each helpdesk's lists \
                 in files of their own, and import one helpdesk at a time."
            )),
            Ok(lists) => {
                recognised.push(Recognised {
                    file: name.to_string(),
                    helpdesk: lists.iter().find_map(|list| list.helpdesk),
                    holds: lists.iter().map(|l| (l.content, l.items.len())).collect(),
                });
                found.extend(lists);
            }
            Err(message) => problems.push(format!("{name}: {message}")),
        }
    }
    if problems.is_empty() {
        Ok((found, recognised))
    } else {
        Err(ImportError { problems })
    }
}

/// Each kind of list against the bound on the part of a plan it becomes, counted over all files
/// before anything is built: "100,000 schedules, and a plan holds up to 200 calendars".
fn within_limits(found: &[Found], limits: &Limits) -> Result<(), String> {
    let bound = |path: &str| {
        limits
            .lists
            .iter()
            .find(|list| list.path == path)
            .map_or((limits.max_list_items, None), |list| {
                (list.max_items, Some(list.entries))
            })
    };
    let kinds = [
        (Content::SlaPolicies, bound("sla"), "SLA policies"),
        (Content::Schedules, bound("calendars"), "calendars"),
        (Content::BusinessHours, bound("calendars"), "calendars"),
        (Content::Holidays, bound("calendars[].holidays"), "holidays"),
        (Content::Groups, bound("tiers"), "support tiers"),
        (Content::Triggers, bound("triggers"), "triggers"),
    ];
    for (content, (limit, entries), fallback) in kinds {
        let count: usize = found
            .iter()
            .filter(|list| list.content == content)
            .map(|list| list.items.len())
            .sum();
        if count > limit {
            return Err(format!(
                "These files hold {}, and a plan the app opens holds up to {} {}. Import only the \
                 lists your support runs on (the active SLA policies, the schedules they use, the \
                 groups that answer tickets).",
                content.count(count),
                limits::thousands(limit),
                entries.unwrap_or(fallback)
            ));
        }
    }
    Ok(())
}

/// Why files whose lists hold nothing a plan takes are not imported.
fn nothing_maps(files: &[Recognised]) -> String {
    let described: Vec<String> = files
        .iter()
        .map(|f| format!("{}: {}", f.file, f.describe()))
        .collect();
    format!(
        "Nothing in these files becomes part of a plan ({}), so there is nothing to import. Give \
         the SLA policies, schedules or business hours, and groups too.",
        described.join("; ")
    )
}

/// One file as it came from outside the app (a browser's file picker, pasted text).
#[derive(Clone, Debug)]
pub struct OutsideFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// Imports files from outside the app as the app opens them: each decoded as plan files are
/// (UTF-8 with or without a byte-order mark, or UTF-16) and kept within `limits` before it is
/// parsed, and the plan made from them kept within `limits` too, so a huge or hostile file is
/// refused in a moment, with the file and the limit named.
pub fn import_from_outside(
    files: &[OutsideFile],
    limits: &Limits,
) -> Result<Imported, ImportError> {
    let total: usize = files.iter().map(|file| file.bytes.len()).sum();
    // UTF-16 holds up to twice the bytes of the text.
    if total > limits.max_bytes.saturating_mul(2) {
        return Err(ImportError {
            problems: vec![format!(
                "These files hold {} together, and the app imports up to {} at a time. Import \
                 only the lists named in the guide (SLA policies, schedules, holidays, groups).",
                limits::megabytes(total),
                limits::megabytes(limits.max_bytes)
            )],
        });
    }
    let mut texts = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for file in files {
        match text_from_bytes(&file.bytes) {
            Ok(text) => match limits::check(&text, limits) {
                Ok(()) => texts.push((file.name.as_str(), text)),
                Err(too_large) => problems.push(format!(
                    "{}: this file is too large to import safely: {too_large}.",
                    file.name
                )),
            },
            Err(_) => problems.push(format!(
                "{}: this is not a helpdesk export: it is not text (it should be the JSON file \
                 the helpdesk's API returned).",
                file.name
            )),
        }
    }
    if !problems.is_empty() {
        return Err(ImportError { problems });
    }
    let sources: Vec<SourceFile> = texts
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let imported = import_within(&sources, limits)?;
    limits::check(&to_json(&imported.plan), limits).map_err(|too_large| ImportError {
        problems: vec![format!(
            "The plan these files make is too large to open safely: {too_large}."
        )],
    })?;
    Ok(imported)
}

/// The file as JSON, or why it is not.
fn parse(file: &SourceFile) -> Result<Value, String> {
    if file.text.trim().is_empty() {
        return Err("the file is empty. Export the list again from the helpdesk's API.".into());
    }
    serde_json::from_str(file.text).map_err(|error| {
        format!(
            "this is not JSON, so it is not what a helpdesk's API returns ({}, line {}, column {}). \
             Save the API's response as it came, without editing it.",
            error_words(&error),
            error.line(),
            error.column()
        )
    })
}

/// serde_json's reason without its position (said separately, in words).
fn error_words(error: &serde_json::Error) -> String {
    let text = error.to_string();
    match text.rfind(" at line ") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// The helpdesk of a file's lists, `Some(None)` when they are all empty, `None` when they mix.
fn one_file_one_helpdesk(lists: &[Found]) -> Option<Option<Helpdesk>> {
    let mut helpdesks = lists.iter().filter_map(|list| list.helpdesk);
    let first = helpdesks.next();
    helpdesks.all(|h| Some(h) == first).then_some(first)
}

/// The helpdesk all files come from.
fn one_helpdesk(files: &[Recognised]) -> Result<Helpdesk, String> {
    let of = |helpdesk: Helpdesk| -> Vec<&str> {
        files
            .iter()
            .filter(|f| f.helpdesk == Some(helpdesk))
            .map(|f| f.file.as_str())
            .collect()
    };
    let (zendesk, freshdesk) = (of(Helpdesk::Zendesk), of(Helpdesk::Freshdesk));
    match (zendesk.is_empty(), freshdesk.is_empty()) {
        (false, true) => Ok(Helpdesk::Zendesk),
        (true, false) => Ok(Helpdesk::Freshdesk),
        (false, false) => Err(format!(
            "These files come from two helpdesks (Zendesk: {}; Freshdesk: {}). Import one helpdesk's \
             configuration at a time.",
            zendesk.join(", "),
            freshdesk.join(", ")
        )),
        (true, true) => Err(
            "Every file holds an empty list, so there is nothing to import. Export the lists again \
             from an account that has SLA policies, schedules or groups."
                .to_string(),
        ),
    }
}

/// One list found in a file, with its items and their JSON paths.
#[derive(Debug)]
pub(crate) struct Found<'a> {
    pub file: &'a str,
    pub content: Content,
    pub helpdesk: Option<Helpdesk>,
    pub items: Vec<(String, &'a Value)>,
    /// Whether the file is one page of a longer list.
    pub paging: Paging,
}

/// Every item of the lists of one kind, in file order, with its file and path.
pub(crate) fn items_of<'a>(
    found: &'a [Found<'a>],
    content: Content,
) -> Vec<(&'a str, &'a str, &'a Value)> {
    found
        .iter()
        .filter(|list| list.content == content)
        .flat_map(|list| {
            list.items
                .iter()
                .map(move |(path, item)| (list.file, path.as_str(), *item))
        })
        .collect()
}

/// Zendesk wraps its lists in an object keyed by what they hold (`{"sla_policies": […]}`, one
/// object as `{"sla_policy": {…}}`); Freshdesk returns bare lists (`[…]`) of objects whose keys
/// tell what they are. A Zendesk item without its envelope (one schedule as a `jq .schedule`
/// step leaves it, or a bare list of them) is told apart by its own keys too. This app's own
/// exports use the same shapes.
fn recognise<'a>(file: &'a str, value: &'a Value) -> Result<Vec<Found<'a>>, String> {
    match value {
        Value::Object(object) => {
            if object.contains_key("schema_version") && object.contains_key("header") {
                return Err(
                    "this is a plan saved by this app, not a helpdesk's configuration. \
                            Open it as a plan instead."
                        .to_string(),
                );
            }
            if let Some(message) = api_error(object) {
                return Err(message);
            }
            let mut lists = envelope_lists(file, object)?;
            if lists.is_empty() {
                let (helpdesk, content) = item_kind(value)?;
                return Ok(vec![Found {
                    file,
                    content,
                    helpdesk: Some(helpdesk),
                    items: vec![(String::new(), value)],
                    paging: Paging::Whole,
                }]);
            }
            let paging = Paging::of(object);
            for list in &mut lists {
                list.paging = paging.clone();
            }
            Ok(lists)
        }
        Value::Array(items) => {
            let Some(first) = items.first() else {
                return Ok(vec![Found {
                    file,
                    content: Content::SlaPolicies,
                    helpdesk: None,
                    items: Vec::new(),
                    paging: Paging::Whole,
                }]);
            };
            let (helpdesk, content) = item_kind(first)?;
            Ok(vec![Found {
                file,
                content,
                helpdesk: Some(helpdesk),
                items: items
                    .iter()
                    .enumerate()
                    .map(|(n, item)| (format!("[{n}]"), item))
                    .collect(),
                paging: Paging::Whole,
            }])
        }
        _ => Err(
            "this is a single value, not a list or an object as a helpdesk's API returns them."
                .to_string(),
        ),
    }
}

/// The lists of a Zendesk envelope (`{"schedules": […]}`, `{"schedule": {…}}`), in a fixed order.
fn envelope_lists<'a>(
    file: &'a str,
    object: &'a serde_json::Map<String, Value>,
) -> Result<Vec<Found<'a>>, String> {
    let mut lists = Vec::new();
    for (key, single, content) in [
        ("sla_policies", "sla_policy", Content::SlaPolicies),
        ("schedules", "schedule", Content::Schedules),
        ("holidays", "holiday", Content::Holidays),
        ("groups", "group", Content::Groups),
        ("triggers", "trigger", Content::Triggers),
    ] {
        let items: Vec<(String, &Value)> = match (object.get(key), object.get(single)) {
            (Some(Value::Array(items)), _) => items
                .iter()
                .enumerate()
                .map(|(n, item)| (format!("{key}[{n}]"), item))
                .collect(),
            (Some(_), _) => return Err(format!("\"{key}\" should be a list, and it is not.")),
            (None, Some(item @ Value::Object(_))) => vec![(single.to_string(), item)],
            _ => continue,
        };
        let helpdesk = match items.first() {
            // Freshdesk policies in this app's export are wrapped like Zendesk's.
            Some((_, item))
                if content == Content::SlaPolicies && item.get("sla_target").is_some() =>
            {
                Some(Helpdesk::Freshdesk)
            }
            Some(_) => Some(Helpdesk::Zendesk),
            None => None,
        };
        lists.push(Found {
            file,
            content,
            helpdesk,
            items,
            paging: Paging::Whole,
        });
    }
    Ok(lists)
}

/// What one helpdesk item is, from its keys; refused in words when it is none or could be either.
fn item_kind(value: &Value) -> Result<(Helpdesk, Content), String> {
    let Value::Object(object) = value else {
        return Err(
            "this is a list of plain values, not of a helpdesk's SLA policies, schedules, \
                    business hours or groups."
                .to_string(),
        );
    };
    match (zendesk_content(object), freshdesk_content(object)) {
        (Some(content), None) => Ok((Helpdesk::Zendesk, content)),
        (None, Some(content)) => Ok((Helpdesk::Freshdesk, content)),
        (Some(zendesk), Some(freshdesk)) => Err(format!(
            "this could be Zendesk {} or Freshdesk {}: it has keys of both ({}). Give the API's \
             response as it came, without merging files.",
            zendesk.count(2).trim_start_matches("2 "),
            freshdesk.count(2).trim_start_matches("2 "),
            first_keys(object)
        )),
        (None, None) => Err(unknown_shape(object.keys().map(String::as_str))),
    }
}

/// What a Zendesk item without its envelope is, from the keys only Zendesk's have (Support API:
/// a schedule's `intervals` of minutes from Sunday, a policy's `policy_metrics` or `filter`, a
/// trigger's `conditions` and `actions`, a holiday's `start_date`, a group's `is_public`).
fn zendesk_content(object: &serde_json::Map<String, Value>) -> Option<Content> {
    let has = |key: &str| object.contains_key(key);
    if has("intervals") {
        Some(Content::Schedules)
    } else if has("policy_metrics") || (has("filter") && has("title")) {
        Some(Content::SlaPolicies)
    } else if has("conditions") && has("actions") {
        Some(Content::Triggers)
    } else if has("start_date") && has("name") {
        Some(Content::Holidays)
    } else if has("name") && (has("is_public") || has("deleted") || has("default")) {
        Some(Content::Groups)
    } else {
        None
    }
}

/// What a Freshdesk object is, from its keys (Freshdesk API v2: an SLA policy has `sla_target`,
/// business hours have `business_hours` and `time_zone`, a group has a name and group settings).
fn freshdesk_content(object: &serde_json::Map<String, Value>) -> Option<Content> {
    let has = |key: &str| object.contains_key(key);
    if has("sla_target") {
        Some(Content::SlaPolicies)
    } else if has("business_hours") || (has("time_zone") && !has("intervals")) {
        Some(Content::BusinessHours)
    } else if has("name")
        && [
            "unassigned_for",
            "escalate_to",
            "business_hour_id",
            "group_type",
            "auto_ticket_assign",
            "agent_ids",
        ]
        .iter()
        .any(|key| has(key))
    {
        Some(Content::Groups)
    } else {
        None
    }
}

/// What a page of a paged list says of the pages after it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Paging {
    /// Not paged, or the page does not say.
    Whole,
    /// More pages follow: where the page says so (`meta.has_more`, `next_page`) and what it says.
    More { path: &'static str, next: String },
    /// The last page of a paged list.
    Last,
}

impl Paging {
    /// Zendesk's cursor pagination says `meta.has_more` (its `links.next` is there even on the
    /// last page, so it is not the signal); its offset pagination gives `next_page` (null on the
    /// last page).
    fn of(object: &serde_json::Map<String, Value>) -> Paging {
        let meta = object.get("meta");
        match meta
            .and_then(|m| m.get("has_more"))
            .and_then(Value::as_bool)
        {
            Some(true) => {
                let next = object
                    .get("links")
                    .and_then(|l| l.get("next"))
                    .and_then(Value::as_str)
                    .unwrap_or("the next page");
                return Paging::More {
                    path: "meta.has_more",
                    next: next.to_string(),
                };
            }
            Some(false) => return Paging::Last,
            None => {}
        }
        match object.get("next_page") {
            Some(Value::String(next)) => Paging::More {
                path: "next_page",
                next: next.clone(),
            },
            Some(Value::Null) => Paging::Last,
            _ => Paging::Whole,
        }
    }
}

/// Pages of one list read as one: a page that says more follow is reported unless the list's
/// last page was given too; an item given twice (the same `id` on two pages) is imported once.
fn join_pages(found: &mut [Found], report: &mut Report) {
    let contents: Vec<Content> = found.iter().map(|list| list.content).collect();
    for content in contents {
        let has_last = found
            .iter()
            .any(|list| list.content == content && list.paging == Paging::Last);
        for list in found.iter().filter(|list| list.content == content) {
            if let (Paging::More { path, next }, false) = (&list.paging, has_last) {
                report.note(
                    list.file,
                    *path,
                    format!(
                        "This is one page of a longer list, and its last page was not given: the \
                         {} on the other pages ({next}) are not in the plan. Export every page \
                         (until {}) and import them together.",
                        content.count(2).trim_start_matches("2 "),
                        if *path == "next_page" {
                            "next_page is null"
                        } else {
                            "meta.has_more is false"
                        }
                    ),
                );
            }
        }
    }
    let mut seen: HashSet<(Content, String)> = HashSet::new();
    for list in found.iter_mut() {
        let content = list.content;
        list.items
            .retain(|(_, item)| match item.get("id").and_then(id_text) {
                Some(id) => seen.insert((content, id)),
                None => true,
            });
    }
}

/// The message of an error the helpdesk's API returned instead of a list, if that is what it is
/// (Zendesk: `{"error": …, "description": …}`; Freshdesk: `{"code": …, "message": …}` or
/// `{"description": …, "errors": […]}`).
fn api_error(object: &serde_json::Map<String, Value>) -> Option<String> {
    let text = |key: &str| object.get(key).and_then(Value::as_str);
    let error = ["error", "errors", "code"]
        .iter()
        .find_map(|key| object.get(*key))?;
    let what = text("description")
        .or_else(|| text("message"))
        .or_else(|| error.as_str())
        .unwrap_or("no details");
    Some(format!(
        "this is an error the helpdesk's API returned (\"{what}\"), not a list. Check the API \
         token's permissions and fetch the list again."
    ))
}

/// The first few keys of an object, for a message.
fn first_keys(object: &serde_json::Map<String, Value>) -> String {
    let keys: Vec<&str> = object.keys().take(8).map(String::as_str).collect();
    keys.join(", ")
}

fn unknown_shape<'k>(keys: impl Iterator<Item = &'k str>) -> String {
    let mut keys: Vec<&str> = keys.collect();
    keys.truncate(8);
    format!(
        "this is not a Zendesk or Freshdesk list this app knows (its keys are {}). Give the JSON \
         of Zendesk's SLA policies, schedules, holidays or groups, or of Freshdesk's SLA policies, \
         business hours or groups, as the API returns it.",
        if keys.is_empty() {
            "none".to_string()
        } else {
            keys.join(", ")
        }
    )
}

/// The report under construction.
#[derive(Default)]
pub(crate) struct Report {
    lines: Vec<ReportLine>,
}

impl Report {
    pub fn note(&mut self, file: &str, path: impl Into<String>, message: impl Into<String>) {
        self.lines.push(ReportLine {
            file: file.to_string(),
            path: path.into(),
            message: message.into(),
        });
    }
}

/// A path inside an item: `sla_policies[0]` + `filter` → `sla_policies[0].filter`; a bare
/// list's item `[2]` + `name` → `[2].name`; the whole file's object `` + `name` → `name`.
pub(crate) fn at(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else if key.starts_with('[') {
        format!("{path}{key}")
    } else {
        format!("{path}.{key}")
    }
}

/// What the helpdesk-specific readers build, before it becomes a plan.
#[derive(Default)]
pub(crate) struct Assembly {
    pub calendars: Vec<Calendar>,
    /// The calendars' names, each once.
    pub calendar_names: UniqueNames,
    /// The calendar business-hours targets run on (the helpdesk's default schedule).
    pub default_calendar: Option<String>,
    pub tiers: Vec<Tier>,
    pub sla: Vec<SlaPolicy>,
    pub escalation: Vec<crate::plan::EscalationRule>,
    /// The channels policies and triggers refer to, in the order first met, with a default
    /// priority when a trigger sets one.
    pub channels: Vec<(ChannelKind, String)>,
}

impl Assembly {
    /// True when nothing was made that a plan holds (a file of triggers that set no priority).
    fn is_empty(&self) -> bool {
        self.calendars.is_empty()
            && self.tiers.is_empty()
            && self.sla.is_empty()
            && self.escalation.is_empty()
            && self.channels.is_empty()
    }

    /// The plan's name for a channel of this kind, adding it to the plan when it is new.
    pub fn channel(&mut self, kind: ChannelKind) -> String {
        if !self.channels.iter().any(|(known, _)| *known == kind) {
            self.channels.push((kind, String::new()));
        }
        kind.label().to_string()
    }

    /// The calendar a business-hours target runs on: the default one, or a named placeholder
    /// the report explains when no calendar was imported.
    pub fn business_calendar(&self) -> String {
        self.default_calendar
            .clone()
            .unwrap_or_else(|| MISSING_CALENDAR.to_string())
    }

    fn into_plan(self, helpdesk: Helpdesk, report: &mut Report) -> Plan {
        let mut plan = Plan::blank();
        plan.priorities = priority_names(helpdesk)
            .iter()
            .map(|name| Priority {
                name: name.to_string(),
                description: String::new(),
            })
            .collect();
        let uses_missing = self.sla.iter().flat_map(|p| &p.targets).any(|row| {
            crate::plan::SlaMetric::ALL
                .iter()
                .any(|&m| row.metric(m).calendar == MISSING_CALENDAR)
        });
        if uses_missing {
            report.note(
                "",
                "",
                format!(
                    "Some targets count business hours, but no {} was given, so they run on a \
                     calendar \"{MISSING_CALENDAR}\" the plan does not define. Import the {} too.",
                    match helpdesk {
                        Helpdesk::Zendesk => "schedule",
                        Helpdesk::Freshdesk => "business-hours calendar",
                    },
                    match helpdesk {
                        Helpdesk::Zendesk => "schedules (GET /api/v2/business_hours/schedules)",
                        Helpdesk::Freshdesk => "business hours (GET /api/v2/business_hours)",
                    }
                ),
            );
        }
        let hours = self
            .default_calendar
            .clone()
            .unwrap_or_else(|| ALWAYS_OPEN.to_string());
        if !self.channels.is_empty() {
            let names: Vec<&str> = self.channels.iter().map(|(k, _)| k.label()).collect();
            report.note(
                "",
                "",
                format!(
                    "{} does not say when each channel is staffed or how busy it is: the channels \
                     the policies name ({}) are set to the hours of \"{hours}\", with no volume \
                     share or handle time. Fill them in from the helpdesk's reports.",
                    helpdesk.label(),
                    names.join(", ")
                ),
            );
        }
        plan.channels = self
            .channels
            .iter()
            .map(|(kind, default_priority)| Channel {
                name: kind.label().to_string(),
                kind: *kind,
                hours: hours.clone(),
                concurrency: 1,
                default_priority: default_priority.clone(),
                ..Channel::default()
            })
            .collect();
        if !self.tiers.is_empty() {
            report.note(
                "",
                "",
                format!(
                    "{} groups say nothing of how fast they answer: the {} tiers made from them \
                     respond \"Instant\" until you set their response times.",
                    helpdesk.label(),
                    self.tiers.len()
                ),
            );
        }
        plan.header.time_zone = self
            .default_calendar
            .as_deref()
            .and_then(|name| self.calendars.iter().find(|c| c.name == name))
            .map(|c| c.time_zone.clone())
            .unwrap_or_default();
        plan.calendars = self.calendars;
        plan.tiers = self.tiers;
        plan.sla = self.sla;
        plan.escalation.rules = self.escalation;
        plan
    }
}

/// The name targets on business hours get when no calendar was imported.
const MISSING_CALENDAR: &str = "Business hours";

/// The helpdesk's four priorities as the plan names them, most urgent first.
pub(crate) fn priority_names(helpdesk: Helpdesk) -> [&'static str; 4] {
    match helpdesk {
        Helpdesk::Zendesk => ["Urgent", "High", "Normal", "Low"],
        Helpdesk::Freshdesk => ["Urgent", "High", "Medium", "Low"],
    }
}

/// The IANA zone for a helpdesk's time-zone name (any of Rails' 151 names, such as "Eastern Time
/// (US & Canada)"), preferring a zone the planning maths knows when several share the name. An IANA
/// name passes through. `None` when the name is neither.
pub(crate) fn iana_zone(name: &str) -> Option<String> {
    let name = name.trim();
    let candidates: Vec<&str> = zendesk_zone_names()
        .filter(|(iana, rails)| rails.eq_ignore_ascii_case(name) || *iana == name)
        .map(|(iana, _)| iana)
        .collect();
    if candidates.contains(&name) {
        return Some(name.to_string());
    }
    if let Some(known) = candidates.iter().find(|zone| is_known_zone(zone)) {
        return Some(known.to_string());
    }
    if let Some(first) = candidates.first() {
        return Some(first.to_string());
    }
    (name.contains('/') || is_known_zone(name)).then(|| name.to_string())
}

/// A calendar's time zone from the helpdesk's name, reported when it cannot be read.
pub(crate) fn calendar_zone(name: &str, file: &str, path: &str, report: &mut Report) -> String {
    match iana_zone(name) {
        Some(zone) => zone,
        None => {
            report.note(
                file,
                path,
                format!(
                    "The time zone \"{name}\" is not one this app can translate into an IANA name \
                     (such as America/New_York); it is kept as written. Pick the zone in the plan."
                ),
            );
            name.to_string()
        }
    }
}

/// Longest duration a plan takes, in minutes (ten years).
const LONGEST_MINUTES: u64 = 3650 * MINUTES_PER_DAY as u64;

/// A helpdesk's minutes in the unit a person would write them: whole hours as hours, and on a
/// clock that runs all the time whole days from two days up as days (`2d`), else minutes.
pub(crate) fn readable_duration(minutes: u64, business_clock: bool) -> Option<Duration> {
    if minutes > LONGEST_MINUTES {
        return None;
    }
    let minutes = minutes as u32;
    Some(if minutes % 60 != 0 {
        Duration::minutes(minutes)
    } else if !business_clock && minutes % MINUTES_PER_DAY == 0 && minutes >= 2 * MINUTES_PER_DAY {
        Duration::days(minutes / MINUTES_PER_DAY)
    } else {
        Duration::hours(minutes / 60)
    })
}

/// A whole number of a JSON value that may be written as a number or as digits in a string.
pub(crate) fn whole_number(value: &Value) -> Option<u64> {
    match value {
        Value::Number(number) => number.as_u64().or_else(|| {
            number
                .as_f64()
                .filter(|f| *f >= 0.0 && f.fract() == 0.0)
                .map(|f| f as u64)
        }),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

/// The trimmed text of a field; `None` when it is missing, not text, or blank.
pub(crate) fn field_text<'v>(item: &'v Value, key: &str) -> Option<&'v str> {
    item.get(key)
        .and_then(Value::as_str)
        .map(str::trim)
        .filter(|text| !text.is_empty())
}

/// The trimmed text of a field, empty when there is none (descriptions).
pub(crate) fn field_or_empty(item: &Value, key: &str) -> String {
    field_text(item, key).unwrap_or_default().to_string()
}

/// Whether a yes/no field is set to `value`.
pub(crate) fn flag_is(item: &Value, key: &str, value: bool) -> bool {
    item.get(key).and_then(Value::as_bool) == Some(value)
}

/// A group's name, reported and `None` when it has none (the group is then not imported).
pub(crate) fn group_name<'v>(
    file: &str,
    path: &str,
    item: &'v Value,
    report: &mut Report,
) -> Option<&'v str> {
    let name = field_text(item, "name");
    if name.is_none() {
        report.note(file, path, "This group has no name; it is not imported.");
    }
    name
}

/// An id or name as text (ids are numbers in both APIs).
pub(crate) fn id_text(value: &Value) -> Option<String> {
    match value {
        Value::String(text) if !text.trim().is_empty() => Some(text.trim().to_string()),
        Value::Number(number) => Some(number.to_string()),
        _ => None,
    }
}

/// The calendar names given so far, so that a repeated name gets "Name (2)", "Name (3)" … in
/// one step each, however many share it.
#[derive(Default)]
pub(crate) struct UniqueNames {
    taken: HashSet<String>,
    /// For each repeated name, the number its next copy is tried with.
    next: HashMap<String, usize>,
}

impl UniqueNames {
    /// `name` if it is not taken yet, else the first free `name (n)`; taken from now on.
    pub fn take(&mut self, name: &str) -> String {
        if self.taken.insert(name.to_string()) {
            return name.to_string();
        }
        let next = self.next.entry(name.to_string()).or_insert(2);
        loop {
            let candidate = format!("{name} ({next})");
            *next += 1;
            if self.taken.insert(candidate.clone()) {
                return candidate;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file<'a>(name: &'a str, text: &'a str) -> SourceFile<'a> {
        SourceFile { name, text }
    }

    #[test]
    fn minutes_come_back_in_the_unit_people_write() {
        // Hand-worked: 30 → 30 min; 240 → 4 hours; 90 → 90 min; 2 880 on 24/7 → 2 days;
        // 1 440 on 24/7 stays 24 hours; 960 business minutes stay 16 business hours.
        assert_eq!(readable_duration(30, false), Some(Duration::minutes(30)));
        assert_eq!(readable_duration(240, true), Some(Duration::hours(4)));
        assert_eq!(readable_duration(90, false), Some(Duration::minutes(90)));
        assert_eq!(readable_duration(2880, false), Some(Duration::days(2)));
        assert_eq!(readable_duration(1440, false), Some(Duration::hours(24)));
        assert_eq!(readable_duration(960, true), Some(Duration::hours(16)));
        assert_eq!(readable_duration(LONGEST_MINUTES + 1, false), None);
    }

    #[test]
    fn rails_time_zone_names_read_back_as_iana_zones() {
        assert_eq!(
            iana_zone("Eastern Time (US & Canada)").as_deref(),
            Some("America/New_York")
        );
        assert_eq!(iana_zone("Berlin").as_deref(), Some("Europe/Berlin"));
        assert_eq!(iana_zone("Edinburgh").as_deref(), Some("Europe/London"));
        // Two IANA names share "Kyiv": the one the planning maths knows wins.
        assert_eq!(iana_zone("Kyiv").as_deref(), Some("Europe/Kyiv"));
        // Rails' own zone for "Alaska" (America/Anchorage keeps the same clock).
        assert_eq!(iana_zone("Alaska").as_deref(), Some("America/Juneau"));
        assert_eq!(iana_zone("Europe/Madrid").as_deref(), Some("Europe/Madrid"));
        assert_eq!(iana_zone("Middle Earth"), None);
    }

    /// All of Rails' 151 names (Zendesk's and Freshdesk's time zones) read as a zone the planning
    /// maths computes with, on the same clock as the zone Rails gives the name (checked against
    /// the tz database of chrono-tz in January and July), and the export writes a Rails name that
    /// reads back to that zone. Casablanca is the one name left as it is: its clock changes for
    /// Ramadan, which the app's zone rules cannot say, so CAL-003 rightly names it.
    #[test]
    fn all_of_rails_time_zone_names_read_as_zones_the_plan_computes_with() {
        use crate::capacity::Zone;
        use crate::render::helpdesk::{zendesk_time_zone, RAILS_ZONES};
        use chrono::{Offset, TimeZone};
        assert_eq!(RAILS_ZONES.len(), 151);
        let mut not_back = Vec::new();
        for (rails, tz) in RAILS_ZONES {
            let zone = iana_zone(rails).unwrap_or_default();
            if rails == "Casablanca" {
                assert_eq!(zone, "Africa/Casablanca");
                continue;
            }
            assert!(is_known_zone(&zone), "{rails} → {zone}");
            let theirs: chrono_tz::Tz = tz.parse().expect("a tz database name");
            let ours = Zone::named(&zone).expect("a known zone");
            for when in [1_768_478_400_i64, 1_784_116_800] {
                // 15 January and 15 July 2026, 12:00 UTC.
                let utc = chrono::DateTime::from_timestamp(when, 0).expect("a time");
                let expected = theirs.offset_from_utc_datetime(&utc.naive_utc()).fix();
                assert_eq!(
                    i64::from(ours.offset_at(when / 60)) * 60,
                    i64::from(expected.local_minus_utc()),
                    "{rails}: {zone} against Rails' {tz} at {utc}"
                );
            }
            let written = zendesk_time_zone(&zone).unwrap_or_default();
            if iana_zone(written).as_deref() != Some(zone.as_str()) {
                not_back.push(format!("{rails} → {zone} → {written}"));
            }
        }
        assert_eq!(not_back, Vec::<String>::new());
    }

    #[test]
    fn every_zone_the_export_writes_reads_back_to_a_zone_of_the_same_name() {
        use crate::render::helpdesk::zendesk_time_zone;
        for (iana, _) in zendesk_zone_names() {
            let rails = zendesk_time_zone(iana).unwrap_or_default();
            let back = iana_zone(rails).unwrap_or_default();
            assert_eq!(
                zendesk_time_zone(&back),
                Some(rails),
                "{iana} → {rails} → {back}"
            );
        }
    }

    #[test]
    fn bad_files_say_what_they_are_and_never_panic() {
        let cases: [(&str, &str); 9] = [
            ("", "the file is empty"),
            ("   \n", "the file is empty"),
            ("{\"sla_policies\": [", "this is not JSON"),
            ("<html>Sign in</html>", "this is not JSON"),
            ("42", "a single value"),
            ("[1, 2]", "a list of plain values"),
            ("{\"tickets\": []}", "its keys are tickets"),
            (
                "{\"error\": \"Couldn't authenticate you\"}",
                "an error the helpdesk's API returned (\"Couldn't authenticate you\")",
            ),
            (
                "{\"schema_version\": 3, \"header\": {}}",
                "a plan saved by this app",
            ),
        ];
        for (text, says) in cases {
            let error = import(&[file("in.json", text)]).expect_err(text);
            let message = error.to_string();
            assert!(message.starts_with("in.json: "), "{message}");
            assert!(message.contains(says), "{text:?} → {message}");
        }
        let none = import(&[]).expect_err("no files");
        assert!(none.to_string().contains("nothing to import"));
        let empty = import(&[file("a.json", "[]")]).expect_err("only an empty list");
        assert!(empty.to_string().contains("Every file holds an empty list"));
    }

    #[test]
    fn every_bad_file_is_named_at_once() {
        let error = import(&[file("a.json", "nope"), file("b.json", "")]).expect_err("bad");
        assert_eq!(error.problems.len(), 2);
        assert!(
            error.problems[0].starts_with("a.json: ") && error.problems[1].starts_with("b.json: ")
        );
    }

    #[test]
    fn one_helpdesk_at_a_time() {
        let zendesk = r#"{"groups": [{"id": 1, "name": "Tier 1"}]}"#;
        let freshdesk = r#"[{"id": 2, "name": "Billing", "unassigned_for": "30m"}]"#;
        let error =
            import(&[file("z.json", zendesk), file("f.json", freshdesk)]).expect_err("mixed");
        assert!(error
            .to_string()
            .contains("two helpdesks (Zendesk: z.json; Freshdesk: f.json)"));
    }

    #[test]
    fn a_file_holds_one_helpdesks_lists() {
        let mixed = r#"{"sla_policies": [{"name": "Gold", "sla_target": {}}],
                        "schedules": [{"name": "Office", "time_zone": "UTC", "intervals": []}]}"#;
        let error = import(&[file("mixed.json", mixed)]).expect_err("mixed lists");
        assert!(error
            .to_string()
            .contains("mixed.json: this file mixes Zendesk and Freshdesk lists"));
    }

    #[test]
    fn unique_names_count_up() {
        let mut names = UniqueNames::default();
        assert_eq!(names.take("Default (2)"), "Default (2)");
        assert_eq!(names.take("Default"), "Default");
        // "Default (2)" is taken already, so the next copy is "Default (3)".
        assert_eq!(names.take("Default"), "Default (3)");
        assert_eq!(names.take("EMEA"), "EMEA");
        // 5,000 calendars of one name: the last is "Office (5000)", each named in one step.
        let last = (0..5_000).map(|_| names.take("Office")).last();
        assert_eq!(last.as_deref(), Some("Office (5000)"));
    }
}
