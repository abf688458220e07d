//! The SLA policies as vendors publish them: priorities down, policies across, each cell the
//! first response and resolution targets of that priority in that policy and the clock each runs
//! on. This is where those targets and clocks are edited; each policy's card below holds the rest
//! (next response, periodic updates, breach warnings).

use leptos::prelude::*;

use crate::edit::Edit;
use crate::form::{FieldSpec, Kind, Names};
use crate::plan::Path;

use super::super::edit::Editor;
use super::field_view;

const FIRST_RESPONSE: FieldSpec = FieldSpec {
    key: "first_response.target",
    label: "First response",
    name: None,
    kind: Kind::Target,
    hint: "",
    wide: false,
};

const RESOLUTION: FieldSpec = FieldSpec {
    key: "resolution.target",
    label: "Resolution",
    name: None,
    kind: Kind::Target,
    hint: "",
    wide: false,
};

const FIRST_RESPONSE_CLOCK: FieldSpec = FieldSpec {
    key: "first_response.calendar",
    label: "Clock",
    name: None,
    kind: Kind::Name(Names::Calendars, None),
    hint: "",
    wide: false,
};

const RESOLUTION_CLOCK: FieldSpec = FieldSpec {
    key: "resolution.calendar",
    label: "Clock",
    name: None,
    kind: Kind::Name(Names::Calendars, None),
    hint: "",
    wide: false,
};

/// The matrix. Its cells are the plan's first-response and resolution fields (a finding about
/// one leads here); a priority a policy has no row for gets an Add button.
pub(super) fn sla_matrix(editor: Editor) -> AnyView {
    let priorities = editor.names(Names::Priorities);
    let policies = editor.names(Names::Policies);
    let table = move || {
        editor.track_redraw();
        let priorities = priorities.get();
        let policies = policies.get();
        // For each policy, the row index of each priority's targets.
        let rows: Vec<Vec<Option<usize>>> = editor.plan.with_untracked(|plan| {
            plan.sla
                .iter()
                .map(|policy| {
                    priorities
                        .iter()
                        .map(|name| policy.targets.iter().position(|t| &t.priority == name))
                        .collect()
                })
                .collect()
        });
        let head = policies
            .iter()
            .map(|name| view! { <th scope="col">{name.clone()}</th> })
            .collect_view();
        let body = priorities
            .iter()
            .enumerate()
            .map(|(rank, priority)| {
                let cells = policies
                    .iter()
                    .enumerate()
                    .map(|(p, policy)| {
                        let cell = match rows.get(p).and_then(|r| r.get(rank)).copied().flatten() {
                            Some(row) => {
                                let path = Path::field("sla").at(p).then("targets").at(row);
                                let name = format!("{policy} {priority}");
                                matrix_cell(editor, &path, &name)
                            }
                            None => add_row(editor, p, priority.clone(), policy.clone()),
                        };
                        view! { <td>{cell}</td> }
                    })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{priority.clone()}</th>
                        {cells}
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="sla-matrix">
                <thead>
                    <tr>
                        <th scope="col">"Priority"</th>
                        {head}
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
        }
    };
    view! {
        <fieldset class="group">
            <legend>"Targets by priority and policy"</legend>
            <p class="help">
                "Each cell: the first response and resolution targets, each with the clock it runs on. Type 30m, 4h, 24h or 3bd, \"best effort\", or leave empty for no target. Next response, periodic updates and breach warnings are set in each policy below."
            </p>
            <div class="table-scroll" role="region" aria-label="SLA targets by priority and policy" tabindex="0">
                {table}
            </div>
        </fieldset>
    }
    .into_any()
}

/// One cell: the first response target and its clock, then the resolution target and its
/// clock, all the plan's own fields (a finding about any of them leads here).
fn matrix_cell(editor: Editor, row: &Path, name: &str) -> AnyView {
    let metric = |spec: &'static FieldSpec, what: &str| {
        field_view(
            editor,
            spec,
            format!("{row}.{}", spec.key),
            format!("{name} {what}"),
            None,
        )
    };
    view! {
        <div class="matrix-metric">
            {metric(&FIRST_RESPONSE, "first response")}
            {metric(&FIRST_RESPONSE_CLOCK, "first response clock")}
        </div>
        <div class="matrix-metric">
            {metric(&RESOLUTION, "resolution")}
            {metric(&RESOLUTION_CLOCK, "resolution clock")}
        </div>
    }
    .into_any()
}

/// A button adding a row for `priority` to policy `p`, its clocks on 24/7.
fn add_row(editor: Editor, p: usize, priority: String, policy: String) -> AnyView {
    let label = format!("Add {priority} to {policy}");
    view! {
        <button
            type="button"
            class="add-button"
            aria-label=label
            on:click=move |_| {
                let target = crate::plan::SlaTarget {
                    priority: priority.clone(),
                    first_response: crate::plan::MetricTarget::new(
                        crate::plan::Target::NoTarget,
                        crate::plan::ALWAYS_OPEN,
                    ),
                    resolution: crate::plan::MetricTarget::new(
                        crate::plan::Target::NoTarget,
                        crate::plan::ALWAYS_OPEN,
                    ),
                    ..crate::plan::SlaTarget::default()
                };
                let list = Path::field("sla").at(p).then("targets");
                let index = editor.plan.with_untracked(|plan| {
                    plan.sla.get(p).map_or(0, |policy| policy.targets.len())
                });
                if let Ok(row) = serde_json::to_value(target) {
                    let _ = editor.apply(Edit::InsertRow {
                        list,
                        index,
                        row: Some(row),
                    });
                }
            }
        >
            "+ Add"
        </button>
    }
    .into_any()
}
