//! The findings panel: live counts by severity, the problems, and a checklist of what is still to
//! fill in; choosing one opens the field. Also marks fields inline (blank ones once touched).

use std::collections::{HashMap, HashSet};

use leptos::prelude::*;

use crate::plan::Path;
use crate::rules::{Finding, Severity};

/// A field's worst severity and its findings' messages, joined.
pub type FieldFinding = (Severity, String);

/// The paths of findings about a value not filled in yet (an empty product name, no channels):
/// the panel lists them as a checklist, and their fields are marked only once touched.
pub type Gaps = Memo<HashSet<Path>>;

/// Findings by the DOM id of the field they concern, provided as context so every control can
/// mark itself. Each field reads a signal of its own that changes only when its finding does: a
/// keystroke that changes one finding wakes one field, not the thousands a large plan shows.
#[derive(Clone, Copy)]
pub struct FieldFindings {
    /// Each field's finding, and whether all its findings are about it being blank.
    by_field: Memo<HashMap<String, (FieldFinding, bool)>>,
    slots: StoredValue<HashMap<String, ArcRwSignal<Option<FieldFinding>>>>,
    /// Fields the user has typed in or was led to from a finding.
    touched: StoredValue<HashSet<String>>,
}

impl FieldFindings {
    pub fn new(findings: Memo<Vec<Finding>>, gaps: Gaps) -> Self {
        let by_field =
            Memo::new(move |_| findings.with(|all| gaps.with(|gaps| group_by_field(all, gaps))));
        let slots = StoredValue::new(HashMap::<String, ArcRwSignal<Option<FieldFinding>>>::new());
        let touched = StoredValue::new(HashSet::<String>::new());
        let marks = FieldFindings {
            by_field,
            slots,
            touched,
        };
        // Compares the new findings with the last ones and sets only the fields that changed.
        Effect::new(move |last: Option<HashMap<String, (FieldFinding, bool)>>| {
            by_field.with(|now| {
                let last = last.unwrap_or_default();
                slots.with_value(|slots| {
                    for id in now.keys().chain(last.keys()) {
                        if let Some(slot) = slots.get(id) {
                            let wanted = marks.shown(id, now.get(id));
                            if slot.with_untracked(|shown| *shown != wanted) {
                                slot.set(wanted);
                            }
                        }
                    }
                });
                now.clone()
            })
        });
        marks
    }

    /// What the field shows of its finding: nothing for a blank field not touched yet.
    fn shown(self, id: &str, entry: Option<&(FieldFinding, bool)>) -> Option<FieldFinding> {
        let (finding, blank) = entry?;
        let quiet = *blank && !self.touched.with_value(|t| t.contains(id));
        (!quiet).then(|| finding.clone())
    }

    /// The field with this DOM id was typed in, or chosen from the panel: its marks show now.
    pub fn touch(self, id: &str) {
        let fresh = self
            .touched
            .try_update_value(|t| t.insert(id.to_string()))
            .unwrap_or(false);
        if !fresh {
            return;
        }
        let wanted = self
            .by_field
            .with_untracked(|map| self.shown(id, map.get(id)));
        self.slots.with_value(|slots| {
            if let Some(slot) = slots.get(id) {
                if slot.with_untracked(|shown| *shown != wanted) {
                    slot.set(wanted);
                }
            }
        });
    }

    /// The finding of the field with this DOM id, as a signal that changes only with it. The
    /// slot goes when the field does (a page left, a row removed), so slots never pile up.
    pub fn for_field(self, id: &str) -> Signal<Option<FieldFinding>> {
        let slot = self.slots.try_update_value(|slots| {
            slots
                .entry(id.to_string())
                .or_insert_with(|| {
                    ArcRwSignal::new(
                        self.by_field
                            .with_untracked(|map| self.shown(id, map.get(id))),
                    )
                })
                .clone()
        });
        let slots = self.slots;
        let owned = id.to_string();
        on_cleanup(move || {
            slots.try_update_value(|slots| slots.remove(&owned));
        });
        match slot {
            Some(slot) => RwSignal::from(slot).into(),
            None => Signal::derive(|| None),
        }
    }
}

/// Worst severity first, messages joined, by field id; and whether every finding of the field is
/// about it being blank.
fn group_by_field(all: &[Finding], gaps: &HashSet<Path>) -> HashMap<String, (FieldFinding, bool)> {
    let mut by_field: HashMap<String, (FieldFinding, bool)> = HashMap::new();
    for finding in all {
        let id = finding.path.field_id();
        let blank = gaps.contains(&finding.path);
        match by_field.get_mut(&id) {
            Some(((severity, message), all_blank)) => {
                *severity = (*severity).min(finding.severity);
                message.push(' ');
                message.push_str(&finding.message);
                *all_blank &= blank;
            }
            None => {
                by_field.insert(id, ((finding.severity, finding.message.clone()), blank));
            }
        }
    }
    by_field
}

/// How many findings of each severity.
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    findings
        .iter()
        .fold((0, 0, 0), |(e, w, i), f| match f.severity {
            Severity::Error => (e + 1, w, i),
            Severity::Warning => (e, w + 1, i),
            Severity::Info => (e, w, i + 1),
        })
}

fn plural(count: usize, one: &str, many: &str) -> String {
    if count == 1 {
        format!("1 {one}")
    } else {
        format!("{count} {many}")
    }
}

/// The panel. `open` is called with a finding's path when the user chooses it.
#[component]
pub fn FindingsPanel(
    findings: Memo<Vec<Finding>>,
    gaps: Gaps,
    /// False until the plan has been checked (just after the first paint): the panel says it is
    /// checking rather than "no findings".
    #[prop(into)]
    checked: Signal<bool>,
    /// What the plan check says of itself (restarted, not available), in words.
    #[prop(optional, into)]
    notice: Option<Signal<Option<String>>>,
    /// The plan is not being checked at all (the notice says why).
    #[prop(optional, into)]
    given_up: Option<Signal<bool>>,
    open: Callback<Path>,
) -> impl IntoView {
    let notice = move || notice.and_then(|n| n.get());
    let tally = Memo::new(move |_| findings.with(|f| counts(f)));
    let is_template = |f: &Finding| f.rule == crate::rules::provenance::RULE;
    let to_confirm = Memo::new(move |_| {
        findings.with(|all| {
            all.iter()
                .filter(|f| is_template(f))
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let problems = Memo::new(move |_| {
        findings.with(|all| {
            gaps.with(|gaps| {
                all.iter()
                    .filter(|f| !gaps.contains(&f.path) && !is_template(f))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    let to_fill_in = Memo::new(move |_| {
        findings.with(|all| {
            gaps.with(|gaps| {
                all.iter()
                    .filter(|f| gaps.contains(&f.path))
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    });
    view! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">"Findings"</h2>
            <p class="check-notice" id="check-notice" role="status" aria-live="polite">
                {notice}
            </p>
            <p class="finding-counts" role="status" aria-live="polite">
                <Show
                    when=move || checked.get()
                    fallback=move || {
                        if given_up.is_some_and(|g| g.get()) {
                            "The plan is not being checked."
                        } else {
                            "Checking the plan…"
                        }
                    }
                >
                    <span class="count sev-error">
                        {move || plural(tally.get().0, "error", "errors")}
                    </span>
                    <span class="count sev-warning">
                        {move || plural(tally.get().1, "warning", "warnings")}
                    </span>
                    <span class="count sev-info">{move || format!("{} info", tally.get().2)}</span>
                </Show>
            </p>
            <Show
                when=move || findings.with(|f| !f.is_empty()) || !checked.get()
                fallback=|| view! { <p class="empty">"No findings: the plan is consistent."</p> }
            >
                <Show when=move || problems.with(|p| !p.is_empty())>
                    <ul class="finding-list" aria-label="Problems">{finding_items(problems, open)}</ul>
                </Show>
                <Show when=move || to_fill_in.with(|t| !t.is_empty())>
                    <h3 class="checklist-title">
                        {move || format!("To fill in ({})", to_fill_in.with(Vec::len))}
                    </h3>
                    <p class="help">"What the plan still needs. A field is marked once you have typed in it."</p>
                    <ul class="finding-list checklist" aria-label="To fill in">
                        {finding_items(to_fill_in, open)}
                    </ul>
                </Show>
                <Show when=move || to_confirm.with(|t| !t.is_empty())>
                    <h3 class="checklist-title">
                        {move || format!("To confirm ({})", to_confirm.with(Vec::len))}
                    </h3>
                    <p class="help">
                        "Figures the template wrote about an imagined team. Type your own, or Confirm them at the field."
                    </p>
                    <ul class="finding-list checklist" aria-label="To confirm">
                        {finding_items(to_confirm, open)}
                    </ul>
                </Show>
            </Show>
        </section>
    }
}

/// One button per finding. Keyed by what a finding says, so a keystroke that changes one finding
/// redraws only that one.
fn finding_items(findings: Memo<Vec<Finding>>, open: Callback<Path>) -> impl IntoView {
    view! {
        <For
            each=move || findings.get()
            key=|f| (f.rule.clone(), f.path.clone(), f.message.clone(), f.hint.clone())
            children=move |finding| {
                let path = finding.path.clone();
                let severity = finding.severity.label();
                let section = crate::form::page_for(&finding.path).title();
                view! {
                    <li>
                        <button
                            type="button"
                            class=format!("finding sev-{severity}")
                            on:click=move |_| open.run(path.clone())
                        >
                            <span class="finding-head">
                                <span class=format!("sev-badge sev-{severity}")>{severity}</span>
                                <span class="rule-id">{finding.rule}</span>
                                <span class="finding-section">{section}</span>
                            </span>
                            <span class="finding-message">{finding.message}</span>
                            <span class="finding-hint">{finding.hint}</span>
                        </button>
                    </li>
                }
            }
        />
    }
}
