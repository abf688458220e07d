//! The designer's shell: header with the product name and toolbar, section navigation, and the
//! form / findings / preview panes (three columns on a wide screen, tabs on a phone).

use leptos::prelude::*;

use crate::plan::Plan;
use crate::rules::{self, field_id};

use super::findings::{FieldFindings, FindingsPanel};
use super::forms;
use super::inputs::{aria_state, finding_for, focus_after_render};
use super::preview::Preview;
use super::row_list::{Removal, RevealField, UndoToast};

/// The parts of the plan the navigation switches between.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlanSection {
    Overview,
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

impl PlanSection {
    pub const ALL: [PlanSection; 12] = [
        PlanSection::Overview,
        PlanSection::Channels,
        PlanSection::Taxonomy,
        PlanSection::Tiers,
        PlanSection::Sla,
        PlanSection::Escalation,
        PlanSection::SelfService,
        PlanSection::Automation,
        PlanSection::Metrics,
        PlanSection::CustomerSuccess,
        PlanSection::Roadmap,
        PlanSection::Capacity,
    ];

    pub fn title(self) -> &'static str {
        match self {
            PlanSection::Overview => "Overview",
            PlanSection::Channels => "Channels",
            PlanSection::Taxonomy => "Taxonomy",
            PlanSection::Tiers => "Tiers",
            PlanSection::Sla => "SLA",
            PlanSection::Escalation => "Escalation",
            PlanSection::SelfService => "Self-service",
            PlanSection::Automation => "Automation",
            PlanSection::Metrics => "Metrics",
            PlanSection::CustomerSuccess => "Customer success",
            PlanSection::Roadmap => "Roadmap",
            PlanSection::Capacity => "Capacity",
        }
    }

    /// DOM id of the section's navigation button.
    pub fn nav_id(self) -> String {
        format!("nav-{}", self.title().to_lowercase().replace(' ', "-"))
    }

    /// The section whose form edits the value at a JSON path (`sla[1].resolution` → SLA).
    pub fn for_path(path: &str) -> PlanSection {
        let top = path.split(['.', '[']).next().unwrap_or_default();
        match top {
            "channels" if super::capacity::edits(path) => PlanSection::Capacity,
            "channels" => PlanSection::Channels,
            "taxonomy" => PlanSection::Taxonomy,
            "tiers" => PlanSection::Tiers,
            "sla" | "helpdesk" => PlanSection::Sla,
            "escalation" => PlanSection::Escalation,
            "self_service" => PlanSection::SelfService,
            "automation" => PlanSection::Automation,
            "metrics" | "feedback" => PlanSection::Metrics,
            "customer_success" => PlanSection::CustomerSuccess,
            "roadmap" => PlanSection::Roadmap,
            "staffing" => PlanSection::Capacity,
            _ => PlanSection::Overview,
        }
    }
}

/// Which pane a narrow screen shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pane {
    Form,
    Findings,
    Preview,
}

/// The designer: edits `plan` in place. `children` go into the header toolbar (drafts, undo,
/// import/export); `capacity` (optional) is mounted in the Capacity section's `#capacity-slot`.
#[component]
pub fn Designer(
    plan: RwSignal<Plan>,
    children: Children,
    #[prop(optional, into)] capacity: Option<ViewFn>,
) -> impl IntoView {
    // The staffing maths dominates a check; it re-runs only when what it reads changes.
    let structure = Memo::new(move |_| plan.with(rules::check_without_staffing));
    let staffing_inputs = Memo::new(move |_| plan.with(rules::staffing_inputs));
    let staffing = Memo::new(move |_| staffing_inputs.with(rules::check_staffing));
    let findings = Memo::new(move |_| rules::combine(structure.get(), staffing.get()));
    let field_findings = FieldFindings::new(findings);
    provide_context(field_findings);
    let removal = RwSignal::new(None);
    provide_context(UndoToast(removal));

    let active = RwSignal::new(PlanSection::Overview);
    let pane = RwSignal::new(Pane::Form);

    let reveal = RwSignal::new(None::<String>);
    provide_context(RevealField(reveal));

    let open_finding = Callback::new(move |path: String| {
        let section = PlanSection::for_path(&path);
        active.set(section);
        pane.set(Pane::Form);
        focus_after_render(field_id(&path));
        reveal.set(Some(path));
    });

    let section_counts = Memo::new(move |_| {
        findings.with(|all| {
            PlanSection::ALL.map(|section| {
                all.iter()
                    .filter(|f| PlanSection::for_path(&f.path) == section)
                    .count()
            })
        })
    });
    let finding_total = move || findings.with(Vec::len);

    let nav = PlanSection::ALL
        .iter()
        .enumerate()
        .map(|(position, &section)| {
            let count = move || section_counts.with(|c| c[position]);
            view! {
                <li>
                    <button
                        type="button"
                        id=section.nav_id()
                        class="nav-item"
                        aria-current=move || (active.get() == section).then_some("page")
                        on:click=move |_| {
                            active.set(section);
                            pane.set(Pane::Form);
                        }
                    >
                        {section.title()}
                        <Show when=move || { count() > 0 }>
                            <span class="nav-count" aria-label=move || format!("{} findings", count())>
                                {count}
                            </span>
                        </Show>
                    </button>
                </li>
            }
        })
        .collect_view();

    // Only the active section's form is mounted; it re-renders only when the section changes.
    let form = move || {
        let section = active.get();
        untrack(|| match section {
            PlanSection::Capacity => {
                let slot = capacity.clone();
                view! {
                    <section id="capacity-slot">{slot.map(|view| view.run())}</section>
                }
                .into_any()
            }
            other => forms::section_form(plan, other),
        })
    };

    let product = move || plan.with(|p| p.header.product.clone());
    let no_error = Signal::derive(|| None);
    let (product_described, product_invalid) = aria_state("field-header-product", no_error);
    let product_finding = finding_for("field-header-product");
    let pane_tab = move |which: Pane, label: &'static str| {
        view! {
            <button
                type="button"
                id=format!("pane-tab-{}", label.to_lowercase())
                aria-pressed=move || (pane.get() == which).to_string()
                on:click=move |_| pane.set(which)
            >
                {label}
                {(which == Pane::Findings)
                    .then(|| view! { <span class="nav-count">{finding_total}</span> })}
            </button>
        }
    };

    view! {
        <div class="designer">
            <header class="app-header">
                <div class="brand">
                    <span class="brand-mark" aria-hidden="true">"◆"</span>
                    <h1 class="brand-name">"Support Ops Plan Designer"</h1>
                </div>
                <div class="product-field">
                    <label for="field-header-product">"Product"</label>
                    <input
                        type="text"
                        id="field-header-product"
                        aria-describedby=product_described
                        aria-invalid=product_invalid
                        placeholder="Product name"
                        prop:value=product
                        on:input=move |ev| {
                            plan.update(|p| p.header.product = event_target_value(&ev))
                        }
                    />
                    <span id="field-header-product-finding" class="visually-hidden">
                        {move || product_finding.get().map(|(_, message)| message)}
                    </span>
                </div>
                <div class="toolbar" role="toolbar" aria-label="Plan actions">
                    {children()}
                </div>
            </header>
            <nav class="section-nav" aria-label="Plan sections">
                <ul>{nav}</ul>
            </nav>
            <div class="pane-tabs" role="group" aria-label="Show">
                {pane_tab(Pane::Form, "Form")}
                {pane_tab(Pane::Findings, "Findings")}
                {pane_tab(Pane::Preview, "Preview")}
            </div>
            <main class="workspace">
                <section
                    class="pane pane-form"
                    class:pane-active=move || pane.get() == Pane::Form
                    aria-labelledby="form-title"
                >
                    <h2 id="form-title" class="form-title">{move || active.get().title()}</h2>
                    {form}
                </section>
                <div
                    class="pane pane-findings"
                    id="pane-findings"
                    class:pane-active=move || pane.get() == Pane::Findings
                >
                    <FindingsPanel findings open=open_finding />
                </div>
                <div
                    class="pane pane-preview"
                    id="pane-preview"
                    class:pane-active=move || pane.get() == Pane::Preview
                >
                    <Preview plan=plan.read_only() />
                </div>
            </main>
            <UndoRemoval removal />
        </div>
    }
}

/// The toast offering to bring back the last removed row.
#[component]
fn UndoRemoval(removal: RwSignal<Option<Removal>>) -> impl IntoView {
    let message = move || removal.with(|r| r.as_ref().map(|r| r.message.clone()));
    view! {
        <div class="toast-region" role="status" aria-live="polite">
            <Show when=move || removal.with(Option::is_some)>
                <div class="toast">
                    <span>{message}</span>
                    <button
                        type="button"
                        id="undo-removal"
                        class="toast-undo"
                        on:click=move |_| {
                            if let Some(r) = removal.get_untracked() {
                                removal.set(None);
                                (r.restore)();
                            }
                        }
                    >
                        "Undo"
                    </button>
                    <button
                        type="button"
                        class="icon-button"
                        aria-label="Dismiss"
                        on:click=move |_| removal.set(None)
                    >
                        "✕"
                    </button>
                </div>
            </Show>
        </div>
    }
}
