//! Starter plans a support leader can begin from: realistic operations for five kinds of product.
//! Each is a JSON file in `templates/`, compiled in, and passes its own rules with no errors.

use super::json::from_json;
use super::Plan;

/// A starter plan with what the template picker shows about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    pub id: &'static str,
    pub title: &'static str,
    pub summary: &'static str,
    pub plan: Plan,
}

struct Source {
    id: &'static str,
    title: &'static str,
    summary: &'static str,
    json: &'static str,
}

const SOURCES: [Source; 5] = [
    Source {
        id: "b2b-saas",
        title: "B2B SaaS",
        summary: "Analytics product: chat and email in US business hours, 24/7 on-call for outages, enterprise escalations.",
        json: include_str!("../../templates/b2b-saas.json"),
    },
    Source {
        id: "ecommerce",
        title: "E-commerce shop",
        summary: "Home-goods web shop: 9–5 plus Saturday morning, chat, email and social, returns and delivery heavy.",
        json: include_str!("../../templates/ecommerce.json"),
    },
    Source {
        id: "fintech",
        title: "Regulated fintech",
        summary: "Payments app: 24/7 chat and fraud line, complaint deadlines, compliance in the escalation matrix.",
        json: include_str!("../../templates/fintech.json"),
    },
    Source {
        id: "devtools",
        title: "Developer tools",
        summary: "CI/CD platform: severity 1–4 targets in the style of published developer-tool SLAs, follow-the-sun, community forum.",
        json: include_str!("../../templates/devtools.json"),
    },
    Source {
        id: "api-platform",
        title: "API platform (contract levels)",
        summary: "Developer API with Standard, Business and Enterprise SLA policies: 24/7 P1 for paying levels, best-effort resolution, escalations after a breach.",
        json: include_str!("../../templates/api-platform.json"),
    },
];

/// Ids of every template, in picker order.
pub fn ids() -> impl Iterator<Item = &'static str> {
    SOURCES.iter().map(|source| source.id)
}

/// Id, title and summary of every template, in picker order, without reading the plans.
pub fn catalogue() -> impl Iterator<Item = (&'static str, &'static str, &'static str)> {
    SOURCES
        .iter()
        .map(|source| (source.id, source.title, source.summary))
}

/// Every template that loads (all of them do; a test guards it).
pub fn all() -> Vec<Template> {
    SOURCES
        .iter()
        .filter_map(|source| {
            from_json(source.json).ok().map(|plan| Template {
                id: source.id,
                title: source.title,
                summary: source.summary,
                plan,
            })
        })
        .collect()
}

/// A plan to begin from the template with this id: its values that state facts about today's
/// operation (baselines, team size, steps done) marked as the template's until edited or confirmed.
pub fn starter(id: &str) -> Option<Plan> {
    let mut plan = by_id(id)?;
    super::provenance::mark_all(&mut plan);
    Some(plan)
}

/// The plan of the template with this id, as the template wrote it (nothing marked).
pub fn by_id(id: &str) -> Option<Plan> {
    SOURCES
        .iter()
        .find(|source| source.id == id)
        .and_then(|source| from_json(source.json).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_template_loads() {
        for source in &SOURCES {
            if let Err(error) = from_json(source.json) {
                panic!("template {} does not load: {error}", source.id);
            }
        }
        assert_eq!(all().len(), SOURCES.len());
    }

    #[test]
    fn templates_are_complete_operations() {
        for template in all() {
            let plan = &template.plan;
            assert!(!plan.header.product.is_empty(), "{}", template.id);
            assert!(plan.channels.len() >= 3, "{}", template.id);
            assert!(plan.taxonomy.len() >= 4, "{}", template.id);
            for policy in &plan.sla {
                assert_eq!(
                    policy.targets.len(),
                    plan.priorities.len(),
                    "{}",
                    template.id
                );
            }
            let shares: f64 = plan.channels.iter().map(|c| c.volume_share).sum();
            assert!((shares - 100.0).abs() < 0.01, "{}: {shares}", template.id);
            let weights: f64 = plan
                .customer_success
                .health
                .components
                .iter()
                .map(|c| c.weight)
                .sum();
            assert!((weights - 100.0).abs() < 0.01, "{}: {weights}", template.id);
            for (_, steps) in plan.roadmap.phases() {
                assert_eq!(steps.len(), 5, "{}", template.id);
            }
        }
    }

    #[test]
    fn unknown_template_is_none() {
        assert!(by_id("nope").is_none());
        assert!(by_id("fintech").is_some());
    }
}
