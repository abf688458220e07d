//! The parts of a plan, named once: each part's JSON key and place in the plan, the designer page
//! that edits it, the document section that shows it and its rules' id prefix. Everything that
//! lists parts (renderers, rules, the document, the designer's pages) derives from here.

use super::Plan;

/// A top-level part of a plan, in the order the plan file holds them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    Header,
    Assess,
    Calendars,
    Priorities,
    Channels,
    Tiers,
    Taxonomy,
    Sla,
    Escalation,
    SelfService,
    Automation,
    Metrics,
    Feedback,
    CustomerSuccess,
    Roadmap,
    Staffing,
    Helpdesk,
    History,
}

/// A page of the designer: the form that edits one or more parts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Page {
    Overview,
    Assess,
    /// "Today, measured": a ticket export read into the plan's history part.
    Measured,
    Channels,
    Taxonomy,
    Tiers,
    Sla,
    Escalation,
    SelfService,
    Automation,
    Metrics,
    CustomerSuccess,
    Roadmap,
    Capacity,
}

/// What part of the plan a document shows: the whole plan, or one section (the brief's quick
/// commands: `/support-ops sla`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Full,
    Assess,
    Channels,
    Tiers,
    Calendars,
    Taxonomy,
    Sla,
    Escalation,
    SelfService,
    Automation,
    Metrics,
    Feedback,
    CustomerSuccess,
    Roadmap,
}

/// Everything the plan says about a part, in one row.
struct PartInfo {
    part: Part,
    key: &'static str,
    title: &'static str,
    page: Page,
    section: Option<Section>,
    /// The id prefix of the rules about it (`SLA` in `SLA-002`).
    rules: Option<&'static str>,
}

const PARTS: [PartInfo; 18] = [
    PartInfo {
        part: Part::Header,
        key: "header",
        title: "Header",
        page: Page::Overview,
        section: None,
        rules: Some("HDR"),
    },
    PartInfo {
        part: Part::Assess,
        key: "assess",
        title: "Assessment",
        page: Page::Assess,
        section: Some(Section::Assess),
        rules: Some("ASM"),
    },
    PartInfo {
        part: Part::Calendars,
        key: "calendars",
        title: "Calendars",
        page: Page::Overview,
        section: Some(Section::Calendars),
        rules: Some("CAL"),
    },
    PartInfo {
        part: Part::Priorities,
        key: "priorities",
        title: "Priorities",
        page: Page::Overview,
        section: None,
        rules: Some("PRI"),
    },
    PartInfo {
        part: Part::Channels,
        key: "channels",
        title: "Channels",
        page: Page::Channels,
        section: Some(Section::Channels),
        rules: Some("CHN"),
    },
    PartInfo {
        part: Part::Tiers,
        key: "tiers",
        title: "Tiers",
        page: Page::Tiers,
        section: Some(Section::Tiers),
        rules: Some("TIER"),
    },
    PartInfo {
        part: Part::Taxonomy,
        key: "taxonomy",
        title: "Ticket taxonomy",
        page: Page::Taxonomy,
        section: Some(Section::Taxonomy),
        rules: Some("TAX"),
    },
    PartInfo {
        part: Part::Sla,
        key: "sla",
        title: "SLA targets",
        page: Page::Sla,
        section: Some(Section::Sla),
        rules: Some("SLA"),
    },
    PartInfo {
        part: Part::Escalation,
        key: "escalation",
        title: "Escalation matrix",
        page: Page::Escalation,
        section: Some(Section::Escalation),
        rules: Some("ESC"),
    },
    PartInfo {
        part: Part::SelfService,
        key: "self_service",
        title: "Self-service",
        page: Page::SelfService,
        section: Some(Section::SelfService),
        rules: Some("SS"),
    },
    PartInfo {
        part: Part::Automation,
        key: "automation",
        title: "Automation",
        page: Page::Automation,
        section: Some(Section::Automation),
        rules: Some("AUTO"),
    },
    PartInfo {
        part: Part::Metrics,
        key: "metrics",
        title: "Success metrics",
        page: Page::Metrics,
        section: Some(Section::Metrics),
        rules: Some("MET"),
    },
    PartInfo {
        part: Part::Feedback,
        key: "feedback",
        title: "Feedback loop",
        page: Page::Metrics,
        section: Some(Section::Feedback),
        rules: Some("FB"),
    },
    PartInfo {
        part: Part::CustomerSuccess,
        key: "customer_success",
        title: "Customer success",
        page: Page::CustomerSuccess,
        section: Some(Section::CustomerSuccess),
        rules: Some("CS"),
    },
    PartInfo {
        part: Part::Roadmap,
        key: "roadmap",
        title: "Roadmap",
        page: Page::Roadmap,
        section: Some(Section::Roadmap),
        rules: Some("RM"),
    },
    PartInfo {
        part: Part::Staffing,
        key: "staffing",
        title: "Staffing",
        page: Page::Capacity,
        section: None,
        rules: Some("STAFF"),
    },
    PartInfo {
        part: Part::Helpdesk,
        key: "helpdesk",
        title: "Helpdesk mapping",
        page: Page::Sla,
        section: None,
        rules: None,
    },
    // Measured from a ticket export on its own page, next to the assessment it feeds (the
    // brief's "audit current support").
    PartInfo {
        part: Part::History,
        key: "history",
        title: "Today, measured",
        page: Page::Measured,
        section: None,
        rules: None,
    },
];

impl Part {
    /// Every part, in plan order.
    pub const ALL: [Part; 18] = [
        Part::Header,
        Part::Assess,
        Part::Calendars,
        Part::Priorities,
        Part::Channels,
        Part::Tiers,
        Part::Taxonomy,
        Part::Sla,
        Part::Escalation,
        Part::SelfService,
        Part::Automation,
        Part::Metrics,
        Part::Feedback,
        Part::CustomerSuccess,
        Part::Roadmap,
        Part::Staffing,
        Part::Helpdesk,
        Part::History,
    ];

    fn info(self) -> &'static PartInfo {
        PARTS
            .iter()
            .find(|info| info.part == self)
            .unwrap_or(&PARTS[0])
    }

    /// The part's key in the plan file (`self_service`).
    pub fn key(self) -> &'static str {
        self.info().key
    }

    /// How people call it ("Escalation matrix").
    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The designer page whose form edits it.
    pub fn page(self) -> Page {
        self.info().page
    }

    /// The document section that shows it, if it has one of its own.
    pub fn section(self) -> Option<Section> {
        self.info().section
    }

    /// The id prefix of the rules about it.
    pub fn rule_prefix(self) -> Option<&'static str> {
        self.info().rules
    }

    /// The part a JSON path lies in: `sla[0].targets[1].resolution.target` → `Sla`.
    pub fn of_path(path: &super::Path) -> Option<Part> {
        path.part()
    }

    /// The part's value in the plan as JSON, for a document of that part alone.
    pub fn to_json(self, plan: &Plan) -> Result<serde_json::Value, serde_json::Error> {
        use serde_json::to_value;
        match self {
            Part::Header => to_value(&plan.header),
            Part::Assess => to_value(&plan.assess),
            Part::Calendars => to_value(&plan.calendars),
            Part::Priorities => to_value(&plan.priorities),
            Part::Channels => to_value(&plan.channels),
            Part::Tiers => to_value(&plan.tiers),
            Part::Taxonomy => to_value(&plan.taxonomy),
            Part::Sla => to_value(&plan.sla),
            Part::Escalation => to_value(&plan.escalation),
            Part::SelfService => to_value(&plan.self_service),
            Part::Automation => to_value(&plan.automation),
            Part::Metrics => to_value(&plan.metrics),
            Part::Feedback => to_value(&plan.feedback),
            Part::CustomerSuccess => to_value(&plan.customer_success),
            Part::Roadmap => to_value(&plan.roadmap),
            Part::Staffing => to_value(&plan.staffing),
            Part::Helpdesk => to_value(&plan.helpdesk),
            Part::History => to_value(&plan.history),
        }
    }

    /// Replaces the part's value in the plan with `value` (as [`Part::to_json`] gives it). Nothing
    /// changes when `value` is not such a value.
    pub fn set_json(
        self,
        plan: &mut Plan,
        value: &serde_json::Value,
    ) -> Result<(), serde_json::Error> {
        fn put<T: serde::de::DeserializeOwned>(
            slot: &mut T,
            value: &serde_json::Value,
        ) -> Result<(), serde_json::Error> {
            *slot = T::deserialize(value)?;
            Ok(())
        }
        match self {
            Part::Header => put(&mut plan.header, value),
            Part::Assess => put(&mut plan.assess, value),
            Part::Calendars => put(&mut plan.calendars, value),
            Part::Priorities => put(&mut plan.priorities, value),
            Part::Channels => put(&mut plan.channels, value),
            Part::Tiers => put(&mut plan.tiers, value),
            Part::Taxonomy => put(&mut plan.taxonomy, value),
            Part::Sla => put(&mut plan.sla, value),
            Part::Escalation => put(&mut plan.escalation, value),
            Part::SelfService => put(&mut plan.self_service, value),
            Part::Automation => put(&mut plan.automation, value),
            Part::Metrics => put(&mut plan.metrics, value),
            Part::Feedback => put(&mut plan.feedback, value),
            Part::CustomerSuccess => put(&mut plan.customer_success, value),
            Part::Roadmap => put(&mut plan.roadmap, value),
            Part::Staffing => put(&mut plan.staffing, value),
            Part::Helpdesk => put(&mut plan.helpdesk, value),
            Part::History => put(&mut plan.history, value),
        }
    }

    /// The part whose JSON key is `key` (`self_service`).
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|part| part.key() == key)
    }
}

impl Page {
    /// The pages in navigation order.
    pub const ALL: [Page; 14] = [
        Page::Overview,
        Page::Assess,
        Page::Measured,
        Page::Channels,
        Page::Taxonomy,
        Page::Tiers,
        Page::Sla,
        Page::Escalation,
        Page::SelfService,
        Page::Automation,
        Page::Metrics,
        Page::CustomerSuccess,
        Page::Roadmap,
        Page::Capacity,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Page::Overview => "Overview",
            Page::Assess => "Assess",
            Page::Measured => "Today, measured",
            Page::Channels => "Channels",
            Page::Taxonomy => "Taxonomy",
            Page::Tiers => "Tiers",
            Page::Sla => "SLA",
            Page::Escalation => "Escalation",
            Page::SelfService => "Self-service",
            Page::Automation => "Automation",
            Page::Metrics => "Metrics",
            Page::CustomerSuccess => "Customer success",
            Page::Roadmap => "Roadmap",
            Page::Capacity => "Capacity",
        }
    }

    /// DOM id of the page's navigation button (`nav-customer-success`, `nav-today-measured`).
    pub fn nav_id(self) -> String {
        let words: Vec<String> = self
            .title()
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        format!("nav-{}", words.join("-"))
    }

    /// The parts this page edits, in plan order.
    pub fn parts(self) -> impl Iterator<Item = Part> {
        Part::ALL
            .into_iter()
            .filter(move |part| part.page() == self)
    }

    /// The page that edits the value at a JSON path (the Overview for anything else).
    pub fn of_path(path: &super::Path) -> Page {
        Part::of_path(path).map_or(Page::Overview, Part::page)
    }
}

impl Section {
    pub const ALL: [Section; 14] = [
        Section::Full,
        Section::Assess,
        Section::Channels,
        Section::Tiers,
        Section::Calendars,
        Section::Taxonomy,
        Section::Sla,
        Section::Escalation,
        Section::SelfService,
        Section::Automation,
        Section::Metrics,
        Section::Feedback,
        Section::CustomerSuccess,
        Section::Roadmap,
    ];

    /// The sections in the order the full document shows them: the brief's own, then the extras
    /// (the assessment first: it is where the plan starts from).
    pub const DOCUMENT: [Section; 13] = [
        Section::Channels,
        Section::Taxonomy,
        Section::Sla,
        Section::Escalation,
        Section::SelfService,
        Section::Automation,
        Section::Metrics,
        Section::Feedback,
        Section::Assess,
        Section::Tiers,
        Section::Calendars,
        Section::CustomerSuccess,
        Section::Roadmap,
    ];

    /// The part a section shows (`None` for the whole plan).
    pub fn part(self) -> Option<Part> {
        Part::ALL
            .into_iter()
            .find(|part| part.section() == Some(self))
    }

    /// The name used on the command line (`--section self-service`).
    pub fn name(self) -> &'static str {
        match self.part() {
            None => "full",
            Some(part) => match part {
                Part::SelfService => "self-service",
                Part::CustomerSuccess => "customer-success",
                other => other.key(),
            },
        }
    }

    /// The heading a reader sees ("Escalation Matrix").
    pub fn title(self) -> &'static str {
        match self {
            Section::Full => "Support Operations Plan",
            Section::Assess => "Assessment",
            Section::Channels => "Channel Strategy",
            Section::Tiers => "Support Tiers",
            Section::Calendars => "Business Hours and Holidays",
            Section::Taxonomy => "Ticket Taxonomy",
            Section::Sla => "SLA Targets",
            Section::Escalation => "Escalation Matrix",
            Section::SelfService => "Self-Service Resources",
            Section::Automation => "Automation Opportunities",
            Section::Metrics => "Success Metrics",
            Section::Feedback => "Feedback Loop",
            Section::CustomerSuccess => "Customer Success",
            Section::Roadmap => "Rollout Roadmap",
        }
    }

    /// The heading as the brief's text block writes it ("ESCALATION MATRIX").
    pub fn shouted_title(self) -> String {
        self.title().to_uppercase()
    }

    /// Reads a section name; also accepts `self_service` / `selfservice` and any case.
    pub fn from_name(name: &str) -> Option<Section> {
        let wanted: String = name
            .trim()
            .chars()
            .filter(|c| !matches!(c, '-' | '_' | ' '))
            .collect::<String>()
            .to_ascii_lowercase();
        Section::ALL
            .into_iter()
            .find(|section| section.name().replace(['-', '_'], "") == wanted)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_has_its_row_in_plan_order() {
        for (index, part) in Part::ALL.into_iter().enumerate() {
            assert_eq!(part as usize, index);
            assert_eq!(PARTS[index].part, part, "{part:?}");
        }
    }

    /// The parts in plan order are the plan file's keys in the order it writes them.
    #[test]
    fn parts_are_the_plan_files_keys_in_order() {
        // A template writes every part (a blank plan leaves out an empty assessment).
        let template = crate::plan::templates::by_id("b2b-saas").expect("a template");
        let json = crate::plan::json::to_json(&template);
        // The top-level keys are the lines indented by two spaces, in the order written.
        let keys: Vec<&str> = json
            .lines()
            .filter_map(|line| line.strip_prefix("  \""))
            .filter_map(|rest| rest.split_once('"').map(|(key, _)| key))
            .filter(|key| *key != "schema_version")
            .collect();
        // Every part but the measured history, which only a ticket export fills in.
        let parts: Vec<&str> = Part::ALL
            .iter()
            .filter(|p| **p != Part::History)
            .map(|p| p.key())
            .collect();
        assert_eq!(keys, parts);
    }

    #[test]
    fn paths_find_their_part_page_and_section() {
        let path = |text: &str| super::super::Path::parse(text).expect("a path");
        assert_eq!(
            Part::of_path(&path("sla[0].targets[1].resolution.target")),
            Some(Part::Sla)
        );
        assert_eq!(Page::of_path(&path("helpdesk.priority_map[0]")), Page::Sla);
        assert_eq!(Page::of_path(&path("feedback.weekly")), Page::Metrics);
        assert_eq!(Page::of_path(&path("staffing.shrinkage")), Page::Capacity);
        assert_eq!(Page::of_path(&path("schema_version")), Page::Overview);
        assert_eq!(Section::Sla.part(), Some(Part::Sla));
        assert_eq!(Section::Full.part(), None);
        // Every page edits something or is the capacity page.
        for page in Page::ALL {
            assert!(page.parts().next().is_some(), "{page:?}");
        }
        // Every section but the whole document shows one part.
        for section in Section::ALL.into_iter().skip(1) {
            assert!(section.part().is_some(), "{section:?}");
        }
    }

    #[test]
    fn section_names_round_trip() {
        for section in Section::ALL {
            assert_eq!(Section::from_name(section.name()), Some(section));
        }
        assert_eq!(
            Section::from_name("Self_Service"),
            Some(Section::SelfService)
        );
        assert_eq!(Section::from_name("nope"), None);
        assert_eq!(Section::Escalation.shouted_title(), "ESCALATION MATRIX");
    }
}
