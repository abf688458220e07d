//! Every value of a plan reached by its JSON path (`sla[0].targets[1].resolution.target`), read
//! and written as the text a form field shows, and every list edited without knowing its item type.
//!
//! One small trait object per model type, instead of a read and a write closure per form field:
//! the designer draws every field with one component and the wasm holds one copy of it.

use serde::de::DeserializeOwned;
use serde::Serialize;

use crate::plan::*;

/// A part of the plan a path can step through: a struct (by field name), a list (by index) or a
/// leaf value a form field shows.
pub trait Node {
    /// The field called `key` of a struct.
    fn field(&self, _key: &str) -> Option<&dyn Node> {
        None
    }
    fn field_mut(&mut self, _key: &str) -> Option<&mut dyn Node> {
        None
    }
    fn leaf(&self) -> Option<&dyn Leaf> {
        None
    }
    fn leaf_mut(&mut self) -> Option<&mut dyn Leaf> {
        None
    }
    fn list(&self) -> Option<&dyn List> {
        None
    }
    fn list_mut(&mut self) -> Option<&mut dyn List> {
        None
    }
}

/// A value a form field edits, as text: what the field shows and what it reads back.
pub trait Leaf {
    /// The value as a field shows it (`4h`, `35`, `Europe/Berlin`, the index of an option).
    fn text(&self) -> String;
    /// Reads what was typed; the message says what was expected. `Ok(false)` when the value was
    /// already that.
    fn set_text(&mut self, text: &str) -> Result<bool, String>;
    /// For a choice among fixed options: their labels, in order (the text is the index).
    fn choices(&self) -> Option<&'static [&'static str]> {
        None
    }
}

/// A list of the plan, edited whatever its items are.
pub trait List {
    fn len(&self) -> usize;
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    fn item(&self, index: usize) -> Option<&dyn Node>;
    fn item_mut(&mut self, index: usize) -> Option<&mut dyn Node>;
    /// Appends a new item with default values.
    fn push_default(&mut self);
    /// Removes an item, returning it as JSON to put back with `insert_json`.
    fn remove(&mut self, index: usize) -> Option<String>;
    /// Puts an item back at `index` (or the end); false when the JSON is not an item.
    fn insert_json(&mut self, index: usize, json: &str) -> bool;
    fn swap(&mut self, a: usize, b: usize);
    /// Item `index` as JSON (to put back later with `replace_json`).
    fn item_json(&self, index: usize) -> Option<serde_json::Value>;
    /// Replaces item `index` with `value`; the message says why it is not an item of this list.
    fn replace_json(&mut self, index: usize, value: &serde_json::Value) -> Result<(), String>;
}

pub use crate::plan::path::{steps, Step};

/// The node at `path` below `root`.
pub fn at<'a>(root: &'a dyn Node, path: &str) -> Option<&'a dyn Node> {
    let mut node = root;
    for step in steps(path)? {
        node = match step {
            Step::Field(key) => node.field(key)?,
            Step::Index(index) => node.list()?.item(index)?,
            Step::Each => return None,
        };
    }
    Some(node)
}

/// The node at `path` below `root`, to change it.
pub fn at_mut<'a>(root: &'a mut dyn Node, path: &str) -> Option<&'a mut dyn Node> {
    let mut node = root;
    for step in steps(path)? {
        node = match step {
            Step::Field(key) => node.field_mut(key)?,
            Step::Index(index) => node.list_mut()?.item_mut(index)?,
            Step::Each => return None,
        };
    }
    Some(node)
}

/// The text of the leaf at `path`, if there is one.
pub fn text_at(plan: &Plan, path: &str) -> Option<String> {
    at(plan, path)?.leaf().map(Leaf::text)
}

/// Whether the value at `path` is still to be filled in: empty text, a zero (`0`, `0m`, `0 %`)
/// or an empty list. A choice, a yes/no or a path the plan does not have is never blank.
pub fn is_blank(plan: &Plan, path: &str) -> bool {
    let Some(node) = at(plan, path) else {
        return false;
    };
    if let Some(list) = node.list() {
        return list.is_empty();
    }
    match node.leaf() {
        Some(leaf) if leaf.choices().is_none() => {
            let text = leaf.text();
            let number = text
                .trim()
                .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '%')
                .trim();
            text.trim().is_empty() || number.parse::<f64>().is_ok_and(|n| n == 0.0)
        }
        _ => false,
    }
}

/// Sets the leaf at `path` from typed text. `Ok(true)` when the plan changed; a value typed is
/// the user's, no longer the template's.
pub fn set_text_at(plan: &mut Plan, path: &str, text: &str) -> Result<bool, String> {
    let changed = match at_mut(plan, path).and_then(Node::leaf_mut) {
        Some(leaf) => leaf.set_text(text),
        None => Err(format!("The plan has no field at {path}.")),
    };
    if changed == Ok(true) {
        crate::plan::provenance::confirm(plan, path);
    }
    changed
}

/// The length of the list at `path` (0 when there is none).
pub fn len_at(plan: &Plan, path: &str) -> usize {
    at(plan, path).and_then(Node::list).map_or(0, List::len)
}

/// Changes the list at `path`; `None` when there is no list there.
pub fn edit_list<R>(
    plan: &mut Plan,
    path: &str,
    edit: impl FnOnce(&mut dyn List) -> R,
) -> Option<R> {
    at_mut(plan, path).and_then(Node::list_mut).map(edit)
}

/// Sets a leaf from text and says whether it changed: the one way every leaf is written.
fn set_parsed<T: PartialEq>(value: &mut T, parsed: Result<T, String>) -> Result<bool, String> {
    let parsed = parsed?;
    if *value == parsed {
        return Ok(false);
    }
    *value = parsed;
    Ok(true)
}

macro_rules! leaf_node {
    ($($ty:ty),* $(,)?) => {$(
        impl Node for $ty {
            fn leaf(&self) -> Option<&dyn Leaf> {
                Some(self)
            }
            fn leaf_mut(&mut self) -> Option<&mut dyn Leaf> {
                Some(self)
            }
        }
    )*};
}

leaf_node!(
    String,
    Option<String>,
    u32,
    Option<u32>,
    f64,
    Option<f64>,
    bool,
    Duration,
    Option<Duration>,
    Target,
    ClockTime,
    Date,
    Option<Date>,
);

impl Leaf for String {
    fn text(&self) -> String {
        self.clone()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, Ok(text.to_string()))
    }
}

/// Empty text is "none" (an escalation for any priority, every policy).
impl Leaf for Option<String> {
    fn text(&self) -> String {
        self.clone().unwrap_or_default()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, Ok((!text.is_empty()).then(|| text.to_string())))
    }
}

/// Whole numbers as people type them: `1,200`, `1 200`; empty is 0.
pub fn parse_count(text: &str) -> Result<u32, String> {
    let digits: String = text
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return Ok(0);
    }
    digits.parse::<u32>().map_err(|_| {
        format!(
            "\"{}\" is not a whole number. Type digits only, like 1200.",
            text.trim()
        )
    })
}

impl Leaf for u32 {
    fn text(&self) -> String {
        self.to_string()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, parse_count(text))
    }
}

/// Percentages and weights: `35`, `12.5`, `35 %`, `12,5`; empty is 0; never negative.
pub fn parse_number(text: &str) -> Result<f64, String> {
    let trimmed = text.trim().trim_end_matches('%').trim().replace(',', ".");
    if trimmed.is_empty() {
        return Ok(0.0);
    }
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() && value >= 0.0 => Ok(value),
        _ => Err(format!(
            "\"{}\" is not a number this field takes. Type a number like 35 or 12.5.",
            text.trim()
        )),
    }
}

/// A number without needless decimals: `35`, `12.5`.
pub fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

/// Empty text is "the default".
impl Leaf for Option<u32> {
    fn text(&self) -> String {
        self.map(|n| n.to_string()).unwrap_or_default()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_count(text).map(Some)
        };
        set_parsed(self, parsed)
    }
}

impl Leaf for f64 {
    fn text(&self) -> String {
        number_text(*self)
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, parse_number(text))
    }
}

/// Empty text is "not known".
impl Leaf for Option<f64> {
    fn text(&self) -> String {
        self.map(number_text).unwrap_or_default()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            parse_number(text).map(Some)
        };
        set_parsed(self, parsed)
    }
}

impl Leaf for bool {
    fn text(&self) -> String {
        self.to_string()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, Ok(text == "true"))
    }
}

/// Leaves read with `FromStr` and shown with `Display`; an optional one is empty when unset.
macro_rules! text_leaf {
    ($($ty:ty),* $(,)?) => {$(
        impl Leaf for $ty {
            fn text(&self) -> String {
                self.to_string()
            }
            fn set_text(&mut self, text: &str) -> Result<bool, String> {
                set_parsed(self, text.parse::<$ty>().map_err(|e| e.to_string()))
            }
        }

        impl Leaf for Option<$ty> {
            fn text(&self) -> String {
                self.as_ref().map(ToString::to_string).unwrap_or_default()
            }
            fn set_text(&mut self, text: &str) -> Result<bool, String> {
                let parsed = if text.trim().is_empty() {
                    Ok(None)
                } else {
                    text.parse::<$ty>().map(Some).map_err(|e| e.to_string())
                };
                set_parsed(self, parsed)
            }
        }
    )*};
}

text_leaf!(Duration, Date);

impl Leaf for ClockTime {
    fn text(&self) -> String {
        self.to_string()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, text.parse())
    }
}

/// A target shows empty for "no target".
impl Leaf for Target {
    fn text(&self) -> String {
        match self {
            Target::NoTarget => String::new(),
            other => other.to_string(),
        }
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, text.parse::<Target>().map_err(|e| e.to_string()))
    }
}

/// Enums chosen from a list: the text is the index in `ALL`, the choices their labels.
macro_rules! choice_leaf {
    ($($ty:ident),* $(,)?) => {$(
        impl Node for $ty {
            fn leaf(&self) -> Option<&dyn Leaf> {
                Some(self)
            }
            fn leaf_mut(&mut self) -> Option<&mut dyn Leaf> {
                Some(self)
            }
        }

        impl Leaf for $ty {
            fn text(&self) -> String {
                $ty::ALL.iter().position(|v| v == self).unwrap_or(0).to_string()
            }
            fn set_text(&mut self, text: &str) -> Result<bool, String> {
                let chosen = text
                    .parse::<usize>()
                    .ok()
                    .and_then(|index| $ty::ALL.get(index).copied())
                    .ok_or_else(|| format!("\"{text}\" is not one of the choices."));
                set_parsed(self, chosen)
            }
            fn choices(&self) -> Option<&'static [&'static str]> {
                const LABELS: [&str; $ty::ALL.len()] = {
                    let mut labels = [""; $ty::ALL.len()];
                    let mut i = 0;
                    while i < labels.len() {
                        labels[i] = $ty::ALL[i].label();
                        i += 1;
                    }
                    labels
                };
                Some(&LABELS)
            }
        }
    )*};
}

choice_leaf!(
    ChannelKind,
    SlaMetric,
    EscalationPath,
    EscalationStart,
    HealthColour,
    StepStatus,
    Weekday,
    Better,
    ContactsPer,
);

impl Node for Weekdays {
    fn leaf(&self) -> Option<&dyn Leaf> {
        Some(self)
    }
    fn leaf_mut(&mut self) -> Option<&mut dyn Leaf> {
        Some(self)
    }
}

/// The text of "every day".
pub const EVERY_DAY: &str = "every day";

/// A shift's days as the day boxes write them: `Mon, Wed, Fri`, or `every day`. No day at all is
/// refused (a shift that never runs is a shift to remove).
impl Leaf for Weekdays {
    fn text(&self) -> String {
        if self.is_every_day() {
            return EVERY_DAY.to_string();
        }
        let on = self.on();
        Weekday::ALL
            .into_iter()
            .filter(|d| on[d.index()])
            .map(Weekday::label)
            .collect::<Vec<_>>()
            .join(", ")
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        set_parsed(self, parse_weekdays(text))
    }
}

/// `Mon, Wed, Fri` (any case, commas or spaces), or `every day`.
pub fn parse_weekdays(text: &str) -> Result<Weekdays, String> {
    if text.trim().eq_ignore_ascii_case(EVERY_DAY) {
        return Ok(Weekdays::EVERY_DAY);
    }
    let mut days = Vec::new();
    for word in text.split([',', ' ']).filter(|w| !w.is_empty()) {
        let day = Weekday::ALL
            .into_iter()
            .find(|d| d.label().eq_ignore_ascii_case(word))
            .ok_or_else(|| format!("\"{word}\" is not a weekday. Use Mon, Tue … Sun."))?;
        days.push(day);
    }
    if days.is_empty() {
        return Err(
            "A shift runs on at least one day: tick the days it may start on (all seven for every day), or remove the shift."
                .to_string(),
        );
    }
    Ok(Weekdays::of(days))
}

/// A channel's on-call rotation, absent until one of its fields is written: reading an absent one
/// shows the defaults, writing a field starts a rotation (a blank rotation counts as none).
impl Node for Option<OnCall> {
    fn field(&self, key: &str) -> Option<&dyn Node> {
        static NONE_YET: std::sync::LazyLock<OnCall> = std::sync::LazyLock::new(OnCall::default);
        self.as_ref().unwrap_or(&NONE_YET).field(key)
    }
    fn field_mut(&mut self, key: &str) -> Option<&mut dyn Node> {
        self.get_or_insert_with(OnCall::default).field_mut(key)
    }
}

/// The success metric a goal is measured by, or none yet: choice 0 is "none", then the five.
impl Node for Option<SuccessMetric> {
    fn leaf(&self) -> Option<&dyn Leaf> {
        Some(self)
    }
    fn leaf_mut(&mut self) -> Option<&mut dyn Leaf> {
        Some(self)
    }
}

impl Leaf for Option<SuccessMetric> {
    fn text(&self) -> String {
        self.and_then(|metric| SuccessMetric::ALL.iter().position(|m| *m == metric))
            .map_or(0, |index| index + 1)
            .to_string()
    }
    fn set_text(&mut self, text: &str) -> Result<bool, String> {
        let chosen = match text.parse::<usize>() {
            Ok(0) => Ok(None),
            Ok(index) => SuccessMetric::ALL
                .get(index - 1)
                .map(|metric| Some(*metric))
                .ok_or_else(|| format!("\"{text}\" is not one of the choices.")),
            Err(_) => Err(format!("\"{text}\" is not one of the choices.")),
        };
        set_parsed(self, chosen)
    }
    fn choices(&self) -> Option<&'static [&'static str]> {
        const LABELS: [&str; SuccessMetric::ALL.len() + 1] = {
            let mut labels = ["(no metric yet)"; SuccessMetric::ALL.len() + 1];
            let mut i = 0;
            while i < SuccessMetric::ALL.len() {
                labels[i + 1] = SuccessMetric::ALL[i].label();
                i += 1;
            }
            labels
        };
        Some(&LABELS)
    }
}

impl<T> Node for Vec<T>
where
    T: Node + Default + Serialize + DeserializeOwned,
{
    fn list(&self) -> Option<&dyn List> {
        Some(self)
    }
    fn list_mut(&mut self) -> Option<&mut dyn List> {
        Some(self)
    }
}

impl<T> List for Vec<T>
where
    T: Node + Default + Serialize + DeserializeOwned,
{
    fn len(&self) -> usize {
        Vec::len(self)
    }
    fn item(&self, index: usize) -> Option<&dyn Node> {
        self.get(index).map(|item| item as &dyn Node)
    }
    fn item_mut(&mut self, index: usize) -> Option<&mut dyn Node> {
        self.get_mut(index).map(|item| item as &mut dyn Node)
    }
    fn push_default(&mut self) {
        self.push(T::default());
    }
    fn remove(&mut self, index: usize) -> Option<String> {
        (index < Vec::len(self))
            .then(|| Vec::remove(self, index))
            .and_then(|item| serde_json::to_string(&item).ok())
    }
    fn insert_json(&mut self, index: usize, json: &str) -> bool {
        match serde_json::from_str::<T>(json) {
            Ok(item) => {
                let at = index.min(Vec::len(self));
                self.insert(at, item);
                true
            }
            Err(_) => false,
        }
    }
    fn swap(&mut self, a: usize, b: usize) {
        if a < Vec::len(self) && b < Vec::len(self) {
            <[T]>::swap(self, a, b);
        }
    }
    fn item_json(&self, index: usize) -> Option<serde_json::Value> {
        self.get(index)
            .and_then(|item| serde_json::to_value(item).ok())
    }
    fn replace_json(&mut self, index: usize, value: &serde_json::Value) -> Result<(), String> {
        let item = T::deserialize(value).map_err(|error| error.to_string())?;
        let slot = self
            .get_mut(index)
            .ok_or_else(|| format!("the list has no item {}", index + 1))?;
        *slot = item;
        Ok(())
    }
}

/// Structs: each named field is a step.
macro_rules! struct_node {
    ($($ty:ty { $($field:ident),* $(,)? })*) => {$(
        impl Node for $ty {
            fn field(&self, key: &str) -> Option<&dyn Node> {
                match key {
                    $(stringify!($field) => Some(&self.$field),)*
                    _ => None,
                }
            }
            fn field_mut(&mut self, key: &str) -> Option<&mut dyn Node> {
                match key {
                    $(stringify!($field) => Some(&mut self.$field),)*
                    _ => None,
                }
            }
        }
    )*};
}

struct_node! {
    Plan {
        header, assess, calendars, priorities, channels, tiers, taxonomy, sla, escalation, self_service,
        automation, metrics, feedback, customer_success, roadmap, staffing, helpdesk,
    }
    Header { product, monthly_volume, team_size, time_zone }
    Assess { journey, pain_points, competitors, goals }
    JourneyStage { stage, touchpoints, channels, goes_wrong }
    PainPoint { pain, evidence, addressed_by, how }
    Evidence { figure, unit, quote, source }
    CompetitorBenchmark { competitor, channels, first_response, hours, notable }
    ImprovementGoal { goal, metric, by }
    Calendar { name, time_zone, intervals, holidays, holidays_from }
    WeeklyInterval { day, start, end, overnight }
    Holiday { name, date, yearly }
    Priority { name, description }
    Channel {
        name, kind, use_case, hours, volume_share, handle_time, concurrency, route_to,
        default_priority, answer_within_seconds, service_level, max_occupancy, arrival_profile,
        available_to, on_call,
    }
    OnCall { rotation, people, expected_contacts, per, handle_time, hours }
    Tier { name, handles, response, hours }
    Category { name, types, priority, route_to, team, keywords, workflow, volume_share }
    SlaPolicy { name, description, applies_to, targets }
    PolicyScope { segments, organizations, channels, helpdesk_conditions }
    HelpdeskCondition { helpdesk, within, condition }
    SlaTarget { priority, first_response, next_response, periodic_update, resolution, warn_before }
    MetricTarget { target, calendar }
    Escalation { rules, handoff_protocol }
    EscalationRule {
        trigger, priority, policy, metric, escalate_to, timeframe, measured_from, notify, path,
    }
    SelfService { knowledge_base, faq, video_tutorials, community_forum }
    Automation { auto_reply, auto_route, auto_resolve, chatbot, chatbot_containment }
    SuccessMetrics { first_response, resolution, csat, first_contact_resolution, deflection, custom }
    CustomMetric { name, unit, better, baseline, target }
    DurationTarget { baseline, target }
    PercentTarget { baseline, target }
    FeedbackLoop { weekly, monthly, quarterly }
    CustomerSuccess { health, outreach, renewal_playbook, expansion_signals, churn_signals }
    HealthScore { components, bands }
    HealthComponent { name, weight, signal }
    HealthBand { colour, min, max }
    OutreachTrigger { trigger, action, owner }
    Roadmap { assess, design, implement, optimize }
    RoadmapStep { title, owner, status, due }
    StaffingAssumptions {
        service_level, max_occupancy, shrinkage, arrival_profile, escalation_share, priority_mix,
        attainment_goal, roster, simulated_month,
    }
    Roster { templates, pattern, per_channel }
    ShiftTemplate { name, start, length, unpaid_break, days }
    WorkPattern { days_per_week, consecutive_days_off }
    PriorityShare { priority, share }
    HelpdeskMapping { priority_map }
    PriorityMapping { priority, helpdesk_priority }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn leaves_read_and_write_as_text() {
        let mut plan = templates::by_id("b2b-saas").unwrap();
        assert_eq!(
            text_at(&plan, "header.monthly_volume").as_deref(),
            Some("4000")
        );
        assert_eq!(
            set_text_at(&mut plan, "header.monthly_volume", "4,500"),
            Ok(true)
        );
        assert_eq!(plan.header.monthly_volume, 4500);
        assert_eq!(
            set_text_at(&mut plan, "header.monthly_volume", "4500"),
            Ok(false)
        );
        let path = "sla[0].targets[1].resolution.target";
        assert_eq!(text_at(&plan, path).as_deref(), Some("1bd"));
        assert_eq!(set_text_at(&mut plan, path, "best effort"), Ok(true));
        assert_eq!(plan.sla[0].targets[1].resolution.target, Target::BestEffort);
        assert_eq!(set_text_at(&mut plan, path, ""), Ok(true));
        assert_eq!(text_at(&plan, path).as_deref(), Some(""));
        let error = set_text_at(&mut plan, path, "soon").unwrap_err();
        assert!(error.contains("not a duration"), "{error}");
        // A choice is its index among the enum's values.
        assert_eq!(text_at(&plan, "channels[0].kind").as_deref(), Some("0"));
        assert_eq!(set_text_at(&mut plan, "channels[0].kind", "2"), Ok(true));
        assert_eq!(plan.channels[0].kind, ChannelKind::Phone);
        let kind = at(&plan, "channels[0].kind").and_then(Node::leaf).unwrap();
        assert_eq!(kind.choices().map(|c| c[2]), Some("Phone"));
        // Nothing there: an error, not a panic.
        assert!(set_text_at(&mut plan, "channels[99].name", "x").is_err());
        assert_eq!(text_at(&plan, "header.nope"), None);
    }

    #[test]
    fn blank_means_not_filled_in() {
        let mut plan = Plan::blank();
        for blank in [
            "header.product",
            "header.monthly_volume",
            "channels",
            "taxonomy",
        ] {
            assert!(is_blank(&plan, blank), "{blank}");
        }
        plan.header.product = "Tier 0 Cloud".into();
        plan.header.monthly_volume = 10;
        assert!(!is_blank(&plan, "header.product"));
        assert!(!is_blank(&plan, "header.monthly_volume"));
        // A first response of 0 minutes is not filled in; 30 minutes is.
        let path = "metrics.first_response.target";
        assert!(is_blank(&plan, path), "{:?}", text_at(&plan, path));
        set_text_at(&mut plan, path, "30m").unwrap();
        assert!(!is_blank(&plan, path));
        // Choices, yes/no and paths the plan lacks are never "to fill in".
        assert!(!is_blank(&plan, "self_service.community_forum"));
        assert!(!is_blank(&plan, "tiers[0].nope"));
        assert!(!is_blank(&plan, "channels[3].name"));
    }

    #[test]
    fn a_shifts_days_read_and_write_as_text() {
        let mut plan = Plan::blank();
        plan.staffing
            .roster
            .templates
            .push(ShiftTemplate::default());
        let path = "staffing.roster.templates[0].days";
        assert_eq!(text_at(&plan, path).as_deref(), Some("every day"));
        assert_eq!(set_text_at(&mut plan, path, "fri, Mon wed"), Ok(true));
        assert_eq!(text_at(&plan, path).as_deref(), Some("Mon, Wed, Fri"));
        let days = &plan.staffing.roster.templates[0].days;
        assert_eq!(days.on(), [true, false, true, false, true, false, false]);
        // All seven ticked is every day again, saved as nothing.
        set_text_at(&mut plan, path, "Mon Tue Wed Thu Fri Sat Sun").unwrap();
        assert!(plan.staffing.roster.templates[0].days.is_every_day());
        assert_eq!(plan.staffing.roster.templates[0].days, Weekdays::EVERY_DAY);
        // No day at all, or a word that is no day: refused in words, the days kept.
        set_text_at(&mut plan, path, "Sat, Sun").unwrap();
        let error = set_text_at(&mut plan, path, "").unwrap_err();
        assert!(error.contains("at least one day"), "{error}");
        assert!(set_text_at(&mut plan, path, "Mon, Funday").is_err());
        assert_eq!(text_at(&plan, path).as_deref(), Some("Sat, Sun"));
    }

    #[test]
    fn lists_are_edited_without_their_type() {
        let mut plan = templates::by_id("ecommerce").unwrap();
        let before = plan.taxonomy.len();
        let second = plan.taxonomy[1].clone();
        let removed = edit_list(&mut plan, "taxonomy", |list| list.remove(1)).flatten();
        assert_eq!(plan.taxonomy.len(), before - 1);
        let removed = removed.unwrap();
        assert_eq!(
            edit_list(&mut plan, "taxonomy", |list| list.insert_json(1, &removed)),
            Some(true)
        );
        assert_eq!(plan.taxonomy[1], second);
        edit_list(&mut plan, "taxonomy[1].types", |list| list.push_default());
        assert_eq!(plan.taxonomy[1].types.last().map(String::as_str), Some(""));
        assert_eq!(len_at(&plan, "taxonomy[1].types"), second.types.len() + 1);
        edit_list(&mut plan, "taxonomy", |list| list.swap(0, 1));
        assert_eq!(plan.taxonomy[0].name, second.name);
        assert_eq!(len_at(&plan, "nowhere"), 0);
    }
}
