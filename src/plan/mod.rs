//! The Support Operations Plan as data: every section a support leader fills in, with serde forms.
//! No logic beyond constructors and small look-ups; rules, maths and renderers read it.

mod assess;
mod calendar;
mod duration;
pub mod generate;
mod history;
pub mod json;
mod json_path;
pub mod limits;
mod part;
pub mod path;
pub mod provenance;
mod roster;
mod sla;
pub mod templates;

use serde::{Deserialize, Serialize};

pub use assess::{
    addressable_parts, part_title, Assess, CompetitorBenchmark, Evidence, ImprovementGoal,
    JourneyStage, MetricLevels, PainPoint, SuccessMetric,
};
pub use calendar::{
    days_in_month, Calendar, ClockTime, Date, Holiday, Weekday, WeeklyInterval, ALWAYS_OPEN,
};
pub use duration::{ClockUnit, Duration, DurationError, MINUTES_PER_DAY};
pub use history::{ChannelArrivals, Count, HistorySummary, Period, Share, Spread};
pub use part::{Page, Part, Section};
pub use path::Path;
pub use roster::{Roster, ShiftTemplate, Weekdays, WorkPattern};
pub use sla::{
    HelpdeskCondition, MetricTarget, PolicyScope, SlaMetric, SlaPolicy, SlaTarget, Target,
};

/// The JSON format version this build writes. Older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 3;

/// A whole Support Operations Plan.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub schema_version: u32,
    pub header: Header,
    /// Phase 1 of the brief's workflow: what today's operation is like and what should improve.
    #[serde(default, skip_serializing_if = "Assess::is_empty")]
    pub assess: Assess,
    #[serde(default)]
    pub calendars: Vec<Calendar>,
    /// Priorities, most urgent first.
    #[serde(default)]
    pub priorities: Vec<Priority>,
    #[serde(default)]
    pub channels: Vec<Channel>,
    #[serde(default)]
    pub tiers: Vec<Tier>,
    #[serde(default)]
    pub taxonomy: Vec<Category>,
    /// SLA policies (contract levels), in the order tickets are matched against them.
    #[serde(default)]
    pub sla: Vec<SlaPolicy>,
    #[serde(default)]
    pub escalation: Escalation,
    #[serde(default)]
    pub self_service: SelfService,
    #[serde(default)]
    pub automation: Automation,
    #[serde(default)]
    pub metrics: SuccessMetrics,
    #[serde(default)]
    pub feedback: FeedbackLoop,
    #[serde(default)]
    pub customer_success: CustomerSuccess,
    #[serde(default)]
    pub roadmap: Roadmap,
    #[serde(default)]
    pub staffing: StaffingAssumptions,
    #[serde(default)]
    pub helpdesk: HelpdeskMapping,
    /// "Today, measured": aggregates of a ticket export (never tickets, subjects or people).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<HistorySummary>,
    /// Values still as the starter template wrote them: JSON path → the value as text
    /// (`metrics.csat.baseline` → `82`). Documents, the checklist and the export and share panels
    /// mark them; editing or confirming a value removes it (see `provenance`).
    #[serde(default, skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub from_template: std::collections::BTreeMap<String, String>,
}

/// Who the plan is for and the size of the operation.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Header {
    pub product: String,
    /// Tickets a month across all channels.
    pub monthly_volume: u32,
    /// Agents on the team (head-count, before shrinkage).
    pub team_size: u32,
    /// The team's home IANA time zone, e.g. `America/New_York`.
    pub time_zone: String,
}

/// One priority level. Its position in `Plan::priorities` is its urgency (first = most urgent).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Priority {
    pub name: String,
    /// When to use it, in a sentence ("Production down for many customers").
    pub description: String,
}

/// The kind of a support channel.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum ChannelKind {
    Chat,
    #[default]
    Email,
    Phone,
    Portal,
    Community,
    Social,
    Other,
}

impl ChannelKind {
    pub const ALL: [ChannelKind; 7] = [
        ChannelKind::Chat,
        ChannelKind::Email,
        ChannelKind::Phone,
        ChannelKind::Portal,
        ChannelKind::Community,
        ChannelKind::Social,
        ChannelKind::Other,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            ChannelKind::Chat => "Chat",
            ChannelKind::Email => "Email",
            ChannelKind::Phone => "Phone",
            ChannelKind::Portal => "Portal",
            ChannelKind::Community => "Community",
            ChannelKind::Social => "Social",
            ChannelKind::Other => "Other",
        }
    }

    /// Live channels are answered while the customer waits (Erlang C); others are deferred work.
    pub fn is_live(self) -> bool {
        matches!(self, ChannelKind::Chat | ChannelKind::Phone)
    }
}

/// A way customers reach support.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Channel {
    pub name: String,
    pub kind: ChannelKind,
    /// When customers should use it.
    pub use_case: String,
    /// Name of the calendar it is staffed on (`24/7` for always).
    pub hours: String,
    /// Percent of monthly volume arriving here.
    pub volume_share: f64,
    /// Average handle time of one contact.
    pub handle_time: Duration,
    /// Contacts one agent handles at once (chat: 2–3; others 1).
    pub concurrency: u32,
    /// Name of the tier that first answers this channel.
    pub route_to: String,
    /// Name of the priority a ticket from this channel starts with when its category sets none
    /// ("emailed tickets default to Normal"); empty for none.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub default_priority: String,
    /// Live channels: answer a contact within this many seconds; absent = the kind's default (20 s phone, 30 s chat).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer_within_seconds: Option<u32>,
    /// Live channels: percent of contacts to answer in time; absent = the plan-wide service level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub service_level: Option<f64>,
    /// Live channels: highest acceptable agent occupancy, percent; absent = the plan-wide one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_occupancy: Option<f64>,
    /// This channel's own arrivals per hour of the week (168 values); empty = the plan's profile.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub arrival_profile: Vec<f64>,
    /// Names of the SLA policies whose customers may use this channel ("Enterprise" for a
    /// premium phone line); empty = everyone.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub available_to: Vec<String>,
    /// An on-call rotation answering this channel, or some of its hours, instead of agents at
    /// desks; absent = desks only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub on_call: Option<OnCall>,
}

impl Channel {
    /// Whether customers of the SLA policy named `policy` may use this channel.
    pub fn offered_to(&self, policy: &str) -> bool {
        let named = self.offered_policies();
        named.is_empty() || named.contains(&policy.trim())
    }

    /// The SLA policies it is offered to, trimmed, blanks left out; empty = everyone.
    pub fn offered_policies(&self) -> Vec<&str> {
        self.available_to
            .iter()
            .map(|name| name.trim())
            .filter(|name| !name.is_empty())
            .collect()
    }

    /// Whether every SLA policy's customers may use it (it names no policy).
    pub fn offered_to_everyone(&self) -> bool {
        self.offered_policies().is_empty()
    }

    /// Its on-call rotation, when it has one that names who is on it.
    pub fn rotation(&self) -> Option<&OnCall> {
        self.on_call
            .as_ref()
            .filter(|on_call| !on_call.rotation.trim().is_empty())
    }
}

/// How an on-call rotation's expected contacts are counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactsPer {
    /// Contacts in each on-call hour.
    Hour,
    /// Contacts over all the rotation's hours of a week.
    #[default]
    Week,
}

impl ContactsPer {
    pub const ALL: [ContactsPer; 2] = [ContactsPer::Hour, ContactsPer::Week];

    pub const fn label(self) -> &'static str {
        match self {
            ContactsPer::Hour => "per on-call hour",
            ContactsPer::Week => "per week",
        }
    }
}

/// People on call for a channel: they answer its contacts from wherever they are in the
/// rotation's hours, so those hours need no agents at desks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct OnCall {
    /// Who is on the rotation: a tier's name or a role ("Platform engineers").
    pub rotation: String,
    /// People on call at the same time.
    pub people: u32,
    /// Contacts the rotation expects, counted `per`; absent = the channel's own share of the
    /// volume in the rotation's hours.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub expected_contacts: Option<f64>,
    pub per: ContactsPer,
    /// Time one on-call contact takes; absent = the channel's handle time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub handle_time: Option<Duration>,
    /// Name of the calendar whose hours the rotation covers; empty = all of the channel's hours.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub hours: String,
}

impl Default for OnCall {
    fn default() -> Self {
        OnCall {
            rotation: String::new(),
            people: 1,
            expected_contacts: None,
            per: ContactsPer::Week,
            handle_time: None,
            hours: String::new(),
        }
    }
}

/// A support tier (Self-service, Tier 1–3, Executive…).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Tier {
    pub name: String,
    /// What this tier handles.
    pub handles: String,
    /// How quickly it responds; `0m` means instant.
    pub response: Duration,
    /// Name of the calendar it is staffed on.
    pub hours: String,
}

/// A ticket category with its types, default priority and routing.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Category {
    pub name: String,
    pub types: Vec<String>,
    /// Name of the default priority.
    pub priority: String,
    /// Name of the tier tickets are routed to.
    pub route_to: String,
    /// Team within the tier, if any ("Billing", "Platform").
    pub team: String,
    /// Words in a ticket that put it in this category (auto-categorisation).
    pub keywords: Vec<String>,
    /// Resolution workflow, as ordered steps.
    pub workflow: Vec<String>,
    /// Percent of tickets in this category (for the priority mix of simulations); 0 = unknown.
    pub volume_share: f64,
}

/// What an escalation's timeframe is measured from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EscalationStart {
    /// From ticket creation, on the guarded target's clock: it should fire before the breach.
    #[default]
    Creation,
    /// From the moment the guarded target is breached ("tell the director 2 h after").
    Breach,
}

impl EscalationStart {
    pub const ALL: [EscalationStart; 2] = [EscalationStart::Creation, EscalationStart::Breach];

    /// The default, left out of saved files.
    pub fn is_creation(&self) -> bool {
        *self == EscalationStart::Creation
    }

    pub const fn label(self) -> &'static str {
        match self {
            EscalationStart::Creation => "after the ticket is created",
            EscalationStart::Breach => "after the target is breached",
        }
    }
}

/// Which path an escalation belongs to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EscalationPath {
    #[default]
    Standard,
    Executive,
    Crisis,
}

impl EscalationPath {
    pub const ALL: [EscalationPath; 3] = [
        EscalationPath::Standard,
        EscalationPath::Executive,
        EscalationPath::Crisis,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            EscalationPath::Standard => "Standard",
            EscalationPath::Executive => "Executive",
            EscalationPath::Crisis => "Crisis",
        }
    }
}

/// One row of the escalation matrix: trigger → escalate to → timeframe → notify.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct EscalationRule {
    /// The condition, in words ("Critical ticket without first response").
    pub trigger: String,
    /// The priority whose SLA this escalation guards, if any.
    pub priority: Option<String>,
    /// The SLA policy it belongs to; `None` for every policy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    /// The SLA clock it guards.
    pub metric: SlaMetric,
    /// Role the ticket escalates to.
    pub escalate_to: String,
    /// When it fires, on the guarded target's clock, measured from `measured_from`.
    pub timeframe: Duration,
    #[serde(skip_serializing_if = "EscalationStart::is_creation")]
    pub measured_from: EscalationStart,
    /// Who is told.
    pub notify: Vec<String>,
    pub path: EscalationPath,
}

/// The escalation matrix with its handoff protocol.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Escalation {
    pub rules: Vec<EscalationRule>,
    /// What every handoff between tiers must carry, as ordered steps.
    pub handoff_protocol: Vec<String>,
}

/// Self-service resources.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct SelfService {
    pub knowledge_base: Vec<String>,
    pub faq: Vec<String>,
    pub video_tutorials: Vec<String>,
    pub community_forum: bool,
}

/// Automation opportunities.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Automation {
    pub auto_reply: Vec<String>,
    pub auto_route: Vec<String>,
    pub auto_resolve: Vec<String>,
    /// What the chatbot covers, in words.
    pub chatbot: String,
    /// Percent of incoming conversations the chatbot is expected to handle end to end.
    pub chatbot_containment: Option<f64>,
}

/// A target with today's baseline (from the Assess phase), for a duration metric.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct DurationTarget {
    pub baseline: Option<Duration>,
    pub target: Duration,
}

/// A target with today's baseline, in percent.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PercentTarget {
    pub baseline: Option<f64>,
    pub target: f64,
}

/// The success metrics the seed names, each a target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct SuccessMetrics {
    pub first_response: DurationTarget,
    pub resolution: DurationTarget,
    pub csat: PercentTarget,
    pub first_contact_resolution: PercentTarget,
    pub deflection: PercentTarget,
    /// The team's own metrics beside the brief's five (NPS, backlog, reopen rate…).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub custom: Vec<CustomMetric>,
}

/// Which way a metric should move.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Better {
    #[default]
    Higher,
    Lower,
}

impl Better {
    pub const ALL: [Better; 2] = [Better::Higher, Better::Lower];

    pub const fn label(self) -> &'static str {
        match self {
            Better::Higher => "Higher is better",
            Better::Lower => "Lower is better",
        }
    }
}

/// A success metric of the team's own, with its unit, baseline and target.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct CustomMetric {
    pub name: String,
    /// What the numbers count: `%`, `points`, `tickets`, `hours`.
    pub unit: String,
    pub better: Better,
    pub baseline: Option<f64>,
    pub target: Option<f64>,
}

/// What is reported, and to whom, on each cadence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct FeedbackLoop {
    pub weekly: String,
    pub monthly: String,
    pub quarterly: String,
}

/// One weighted input of the customer health score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct HealthComponent {
    pub name: String,
    /// Weight in percent; the weights add up to 100.
    pub weight: f64,
    /// How it is measured.
    pub signal: String,
}

/// A health colour.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "lowercase")]
pub enum HealthColour {
    Red,
    #[default]
    Yellow,
    Green,
}

impl HealthColour {
    pub const ALL: [HealthColour; 3] =
        [HealthColour::Red, HealthColour::Yellow, HealthColour::Green];

    pub const fn label(self) -> &'static str {
        match self {
            HealthColour::Red => "Red",
            HealthColour::Yellow => "Yellow",
            HealthColour::Green => "Green",
        }
    }
}

/// A score band: scores from `min` to `max` inclusive get this colour.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct HealthBand {
    pub colour: HealthColour,
    pub min: u32,
    pub max: u32,
}

/// The health score: weighted components on a 0–100 scale, banded red/yellow/green.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct HealthScore {
    pub components: Vec<HealthComponent>,
    pub bands: Vec<HealthBand>,
}

/// A signal that makes the success team reach out before the customer asks.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct OutreachTrigger {
    pub trigger: String,
    pub action: String,
    pub owner: String,
}

/// Customer success: health, outreach, renewals, expansion and churn.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct CustomerSuccess {
    pub health: HealthScore,
    pub outreach: Vec<OutreachTrigger>,
    /// Renewal playbook, as ordered steps.
    pub renewal_playbook: Vec<String>,
    pub expansion_signals: Vec<String>,
    pub churn_signals: Vec<String>,
}

/// Progress of a roadmap step.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum StepStatus {
    #[default]
    NotStarted,
    InProgress,
    Done,
    Blocked,
}

impl StepStatus {
    pub const ALL: [StepStatus; 4] = [
        StepStatus::NotStarted,
        StepStatus::InProgress,
        StepStatus::Done,
        StepStatus::Blocked,
    ];

    pub const fn label(self) -> &'static str {
        match self {
            StepStatus::NotStarted => "Not started",
            StepStatus::InProgress => "In progress",
            StepStatus::Done => "Done",
            StepStatus::Blocked => "Blocked",
        }
    }
}

/// One step of a rollout phase.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct RoadmapStep {
    pub title: String,
    pub owner: String,
    pub status: StepStatus,
    pub due: Option<Date>,
}

/// The four rollout phases of the brief's workflow.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct Roadmap {
    pub assess: Vec<RoadmapStep>,
    pub design: Vec<RoadmapStep>,
    pub implement: Vec<RoadmapStep>,
    pub optimize: Vec<RoadmapStep>,
}

impl Roadmap {
    /// The phases in order, with their names.
    pub fn phases(&self) -> [(&'static str, &Vec<RoadmapStep>); 4] {
        [
            ("Assess", &self.assess),
            ("Design", &self.design),
            ("Implement", &self.implement),
            ("Optimize", &self.optimize),
        ]
    }
}

/// Assumptions behind the staffing maths.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct StaffingAssumptions {
    /// Percent of live contacts to answer within the first-response target.
    pub service_level: f64,
    /// Highest acceptable agent occupancy, percent.
    pub max_occupancy: f64,
    /// Percent of paid time agents are not available (breaks, training, leave).
    pub shrinkage: f64,
    /// Relative arrivals per hour of the week, 168 values from Monday 00:00 in the home time zone.
    /// Empty: the built-in weekday-daytime shape, within each channel's open hours.
    pub arrival_profile: Vec<f64>,
    /// Percent of tickets the first tier hands to the next (the month simulation).
    #[serde(skip_serializing_if = "is_default_escalation_share")]
    pub escalation_share: f64,
    /// Percent of tickets per priority (the month simulation); empty = from the taxonomy's shares.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub priority_mix: Vec<PriorityShare>,
    /// Percent of tickets that should meet their SLA targets (the simulated month's goal line).
    #[serde(skip_serializing_if = "is_default_attainment_goal")]
    pub attainment_goal: f64,
    /// Shift templates and work pattern for the shift plan; empty = the built-in ones.
    #[serde(skip_serializing_if = "Roster::is_empty")]
    pub roster: Roster,
    /// The month the simulation runs, as any date in it (its holidays close the calendars then);
    /// absent = the month after today.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub simulated_month: Option<Date>,
}

/// One priority's share of tickets in the simulated month.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PriorityShare {
    /// Name of the priority.
    pub priority: String,
    /// Percent of tickets.
    pub share: f64,
}

/// The escalation share a plan gets when it names none (15 %).
pub const DEFAULT_ESCALATION_SHARE: f64 = 15.0;

fn is_default_escalation_share(share: &f64) -> bool {
    *share == DEFAULT_ESCALATION_SHARE
}

/// The attainment goal a plan gets when it names none (95 % of tickets within their targets).
pub const DEFAULT_ATTAINMENT_GOAL: f64 = 95.0;

fn is_default_attainment_goal(goal: &f64) -> bool {
    *goal == DEFAULT_ATTAINMENT_GOAL
}

impl Default for StaffingAssumptions {
    fn default() -> Self {
        StaffingAssumptions {
            service_level: 80.0,
            max_occupancy: 85.0,
            shrinkage: 30.0,
            arrival_profile: Vec::new(),
            escalation_share: DEFAULT_ESCALATION_SHARE,
            priority_mix: Vec::new(),
            attainment_goal: DEFAULT_ATTAINMENT_GOAL,
            roster: Roster::default(),
            simulated_month: None,
        }
    }
}

/// How the plan's priorities map onto a helpdesk's fixed ones.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct HelpdeskMapping {
    /// Plan priority name → helpdesk priority (`urgent`, `high`, `normal`, `low`).
    pub priority_map: Vec<PriorityMapping>,
}

/// One line of the priority mapping.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields, default)]
pub struct PriorityMapping {
    pub priority: String,
    pub helpdesk_priority: String,
}

impl Default for Plan {
    fn default() -> Self {
        Plan::blank()
    }
}

impl Plan {
    /// An empty plan with the brief's defaults: four priorities, five tiers, the four phases' steps.
    pub fn blank() -> Plan {
        let priorities = ["Critical", "High", "Normal", "Low"]
            .iter()
            .map(|name| Priority {
                name: name.to_string(),
                description: String::new(),
            })
            .collect();
        let tier = |name: &str, handles: &str, response: Duration, hours: &str| Tier {
            name: name.into(),
            handles: handles.into(),
            response,
            hours: hours.into(),
        };
        let steps = |titles: [&str; 5]| {
            titles
                .iter()
                .map(|title| RoadmapStep {
                    title: title.to_string(),
                    ..RoadmapStep::default()
                })
                .collect()
        };
        Plan {
            schema_version: SCHEMA_VERSION,
            header: Header::default(),
            assess: Assess::default(),
            calendars: Vec::new(),
            priorities,
            channels: Vec::new(),
            tiers: vec![
                tier("Self-Service", "FAQs, docs", Duration::ZERO, ALWAYS_OPEN),
                tier("Tier 1", "Common issues", Duration::hours(1), ALWAYS_OPEN),
                tier("Tier 2", "Complex cases", Duration::hours(4), ALWAYS_OPEN),
                tier(
                    "Tier 3",
                    "Technical/billing",
                    Duration::hours(24),
                    ALWAYS_OPEN,
                ),
                tier("Executive", "Escalations", Duration::hours(2), ALWAYS_OPEN),
            ],
            taxonomy: Vec::new(),
            // One policy for everyone, ready for a row per priority.
            sla: vec![SlaPolicy {
                name: "Standard".to_string(),
                ..SlaPolicy::default()
            }],
            escalation: Escalation::default(),
            self_service: SelfService::default(),
            automation: Automation::default(),
            metrics: SuccessMetrics::default(),
            feedback: FeedbackLoop::default(),
            customer_success: CustomerSuccess::default(),
            roadmap: Roadmap {
                assess: steps([
                    "Audit current support",
                    "Map customer journey",
                    "Identify pain points",
                    "Benchmark competitors",
                    "Set improvement goals",
                ]),
                design: steps([
                    "Define channel strategy",
                    "Create ticket taxonomy",
                    "Build escalation matrix",
                    "Design self-service",
                    "Set SLA targets",
                ]),
                implement: steps([
                    "Configure helpdesk",
                    "Train support team",
                    "Create knowledge base",
                    "Set up automation",
                    "Launch monitoring",
                ]),
                optimize: steps([
                    "Analyze ticket patterns",
                    "Reduce repeat contacts",
                    "Improve first response",
                    "Build proactive alerts",
                    "Feed into product",
                ]),
            },
            staffing: StaffingAssumptions::default(),
            helpdesk: HelpdeskMapping::default(),
            history: None,
            from_template: Default::default(),
        }
    }

    /// The calendar with this name; `24/7` is built in unless the plan defines its own.
    /// Borrowed: documents and rules look calendars up once per SLA target.
    pub fn calendar(&self, name: &str) -> Option<std::borrow::Cow<'_, Calendar>> {
        static BUILT_IN_ALWAYS_OPEN: std::sync::LazyLock<Calendar> =
            std::sync::LazyLock::new(Calendar::always_open);
        self.calendars
            .iter()
            .find(|c| c.name == name)
            .map(|c| self.with_shared_holidays(c))
            .or_else(|| {
                (name == ALWAYS_OPEN).then(|| std::borrow::Cow::Borrowed(&*BUILT_IN_ALWAYS_OPEN))
            })
    }

    /// A calendar with the holidays it shares (`holidays_from`) beside its own: what every clock,
    /// the staffing maths and the exports read. Borrowed when it shares none.
    pub fn with_shared_holidays<'a>(
        &'a self,
        calendar: &'a Calendar,
    ) -> std::borrow::Cow<'a, Calendar> {
        let from = calendar.holidays_from.trim();
        let shared = self
            .calendars
            .iter()
            .find(|c| !from.is_empty() && c.name == from && c.name != calendar.name);
        match shared {
            Some(shared) if !shared.holidays.is_empty() => {
                let mut merged = calendar.clone();
                for holiday in &shared.holidays {
                    if !merged.holidays.contains(holiday) {
                        merged.holidays.push(holiday.clone());
                    }
                }
                std::borrow::Cow::Owned(merged)
            }
            _ => std::borrow::Cow::Borrowed(calendar),
        }
    }

    /// Urgency rank of a priority: 0 is the most urgent. `None` if the plan has no such priority.
    pub fn priority_rank(&self, name: &str) -> Option<usize> {
        self.priorities.iter().position(|p| p.name == name)
    }

    pub fn tier(&self, name: &str) -> Option<&Tier> {
        self.tiers.iter().find(|t| t.name == name)
    }

    /// The SLA policy with this name.
    pub fn policy(&self, name: &str) -> Option<&SlaPolicy> {
        self.sla.iter().find(|p| p.name == name)
    }

    /// The policy every ticket gets unless an earlier one matches it: the first that applies to
    /// everyone, else the last policy.
    pub fn default_policy(&self) -> Option<&SlaPolicy> {
        self.sla
            .iter()
            .find(|p| p.applies_to.is_everyone())
            .or(self.sla.last())
    }

    /// A priority's targets in the default policy.
    pub fn sla_for(&self, priority: &str) -> Option<&SlaTarget> {
        self.default_policy()?.target_for(priority)
    }

    /// How long a business day of the named calendar is, in open minutes (see
    /// `Calendar::business_day_minutes`); `None` when the plan has no such calendar.
    pub fn business_day_minutes(&self, calendar: &str) -> Option<u32> {
        self.calendar(calendar).map(|c| c.business_day_minutes())
    }

    /// The business day of targets that name no calendar (success metrics): that of the plan's
    /// first calendar, or a clock day (1,440 minutes) when the plan has none.
    pub fn main_business_day(&self) -> u32 {
        self.calendars
            .first()
            .map_or(MINUTES_PER_DAY, Calendar::business_day_minutes)
    }

    /// The business day of a clock on the named calendar, or `None` when it runs on elapsed time
    /// (how `Duration::in_words_on` reads a target). An unknown calendar reads as business hours
    /// of 8-hour days (a rule flags it).
    pub fn clock_of(&self, calendar: &str) -> Option<u32> {
        match self.calendar(calendar) {
            Some(found) if found.is_always_open() => None,
            Some(found) => Some(found.business_day_minutes()),
            None => Some(8 * 60),
        }
    }

    /// Whether a clock on the named calendar counts business hours rather than elapsed time.
    /// An unknown calendar counts as business hours (a rule flags it).
    pub fn is_business_clock(&self, calendar: &str) -> bool {
        !self.calendar(calendar).is_some_and(|c| c.is_always_open())
    }

    /// All calendar names a reference may use: the plan's own plus the built-in `24/7`.
    pub fn calendar_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.calendars.iter().map(|c| c.name.clone()).collect();
        if !names.iter().any(|n| n == ALWAYS_OPEN) {
            names.insert(0, ALWAYS_OPEN.to_string());
        }
        names
    }
}

/// `text` without surrounding whitespace; skips the char-by-char trim when both ends are plainly
/// not whitespace (the common case, and a measurable share of rendering a long taxonomy).
pub(crate) fn trimmed(text: &str) -> &str {
    match (text.as_bytes().first(), text.as_bytes().last()) {
        (Some(&first), Some(&last)) if first.is_ascii_graphic() && last.is_ascii_graphic() => text,
        _ => text.trim(),
    }
}
