//! Support Ops Plan Designer: the plan model, its rules, planning maths and renderers.
//! Everything here is browser-free and tested natively; the `ui` module (feature `ui`) is the Leptos app.

pub mod capacity;
pub mod diff;
pub mod drafts;
pub mod edit;
pub mod forecast;
pub mod form;
pub mod fuzzing;
pub mod history;
pub mod holidays;
pub mod import;
pub mod messages;
pub mod plan;
pub mod render;
pub mod rules;
pub mod share;
pub mod shifts;

#[cfg(feature = "ui")]
pub mod ui;
