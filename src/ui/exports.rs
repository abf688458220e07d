//! The plan as text or Markdown, written by a worker (`Ask::Export`): the downloads and copies of
//! the preview and the toolbar, and the preview's source view. The page never waits: a click asks,
//! and the file is offered (or the text copied) when the answer comes, from its handler. JSON is the
//! plan itself and is written on the page at once.

use std::rc::Rc;

use leptos::prelude::*;

use crate::messages::{Answer, Export, Request};
use crate::plan::Plan;
use crate::render::{json_text, Format, Section};
use crate::shifts::ShiftPlan;
use crate::ui::roster_answer::RosterAnswer;
use crate::ui::worker::{ask, Answered, Question, Words};

/// An export's text, numbered by the page's request.
pub struct ExportText;

impl Question for ExportText {
    type Value = (u64, String);
    const MEASURE: Option<&'static str> = None;
    const WORDS: Words = Words {
        crashed: "Writing the export stopped with an error and was restarted. Nothing you typed \
                  is lost: the export is being written again.",
        hung: "Writing the export stopped answering and was restarted. Nothing you typed is \
               lost: the export is being written again.",
        gave_up: "The export could not be written. Your plan is saved as you type: reload the \
                  page and try again, or download it as JSON.",
        no_workers: "This browser cannot write text or Markdown exports (Web Workers are missing \
                     or turned off). JSON downloads work, and your plan is saved as you type.",
    };
    fn read(answer: Answer) -> Result<Self::Value, Answer> {
        match answer {
            Answer::Export { asked, text } => Ok((asked, text)),
            other => Err(other),
        }
    }
}

/// What is done with an answer once it comes (a download, a copy).
type Deliver<T> = Rc<dyn Fn(T)>;
/// Builds the request for an ask: from the revision and the ask's number.
type Build = Rc<dyn Fn(u64, u64) -> String>;

/// Asks a worker one thing at a click and hands its answer on when it comes, from the answer's
/// handler: a download or a copy started there works as from the click. One at a time: a newer
/// ask replaces one not yet answered. `Q` answers with the ask's number beside its value.
pub struct OnClick<T: Send + Sync + 'static> {
    asked: RwSignal<Option<u64>>,
    build: StoredValue<Option<Build>, LocalStorage>,
    deliver: StoredValue<Option<Deliver<T>>, LocalStorage>,
    count: StoredValue<u64>,
    answered: Answered<(u64, T)>,
}

impl<T: Send + Sync + 'static> Clone for OnClick<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for OnClick<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> OnClick<T> {
    pub fn new<Q: Question<Value = (u64, T)>>() -> OnClick<T> {
        let asked = RwSignal::new(None::<u64>);
        let build = StoredValue::new_local(None::<Build>);
        let request = move |revision| {
            let number = asked.get()?;
            build.with_value(|b| b.as_ref().map(|b| b(revision, number)))
        };
        let answered = ask::<Q>(request, Signal::from(true), false);
        let on_click = OnClick {
            asked,
            build,
            deliver: StoredValue::new_local(None),
            count: StoredValue::new(0),
            answered,
        };
        Effect::new(move |_| {
            let Some((number, value)) = answered.value.get() else {
                return;
            };
            if asked.get_untracked() != Some(number) {
                return;
            }
            asked.set(None);
            if let Some(deliver) = on_click.deliver.try_update_value(Option::take).flatten() {
                deliver(value);
            }
        });
        on_click
    }

    /// Asks: `build(revision, number)` is the request; `deliver` gets the answer.
    pub fn ask(&self, build: impl Fn(u64, u64) -> String + 'static, deliver: impl Fn(T) + 'static) {
        let number = self.count.with_value(|n| n + 1);
        self.count.set_value(number);
        self.build.set_value(Some(Rc::new(build)));
        self.deliver.set_value(Some(Rc::new(deliver)));
        self.asked.set(Some(number));
    }

    /// Drops an ask not answered yet.
    pub fn cancel(&self) {
        self.asked.set(None);
    }

    /// `working` while an ask is on its way, or why it cannot be answered.
    pub fn status(&self, working: &str) -> Option<String> {
        let waiting = self.asked.with(Option::is_some);
        match self.answered.notice.get() {
            Some(notice) if waiting => Some(notice),
            _ if waiting && self.answered.working.get() => Some(working.to_string()),
            _ => None,
        }
    }
}

/// Writes exports of one plan on request.
#[derive(Clone, Copy)]
pub struct Exporter {
    plan: Signal<Plan>,
    roster: Option<RosterAnswer>,
    on_click: OnClick<String>,
}

impl Exporter {
    /// An exporter of `plan` (read when asked, not followed), its STAFFING ROSTER part from the
    /// designer's shift search when the app provides one.
    pub fn new(plan: Signal<Plan>) -> Exporter {
        Exporter {
            plan,
            roster: use_context::<RosterAnswer>(),
            on_click: OnClick::new::<ExportText>(),
        }
    }

    /// Writes the plan (or one section) as `format` and hands the text to `deliver`: at once for
    /// JSON, when the worker answers for text and Markdown.
    pub fn write(
        &self,
        plan: &Plan,
        format: Format,
        section: Section,
        deliver: impl Fn(String) + 'static,
    ) {
        if format == Format::Json {
            // A text export still on its way is dropped: this is the latest asked for.
            self.on_click.cancel();
            deliver(json_text(plan, section));
            return;
        }
        let (signal, roster) = (self.plan, self.roster);
        let build = move |revision, number| {
            signal.with_untracked(|plan| {
                // Before the first answer the worker searches once, rather than say "being
                // searched for" in a file.
                let answer = roster_for(plan, section, roster).and_then(|r| r.get_untracked());
                let export = Export {
                    plan,
                    asked: number,
                    format,
                    section,
                    roster: answer.as_ref(),
                };
                Request::export_json(revision, &export)
            })
        };
        self.on_click.ask(build, deliver);
    }

    /// "Writing the export…" while an export is on its way, or why it cannot be written.
    pub fn status(&self) -> Option<String> {
        self.on_click.status("Writing the export…")
    }
}

/// The designer's shift search answer when the document of `section` has a STAFFING ROSTER part.
fn roster_for(plan: &Plan, section: Section, roster: Option<RosterAnswer>) -> Option<RosterAnswer> {
    roster.filter(|_| section == Section::Full && !plan.staffing.roster.is_empty())
}

/// The preview's source view: `shown()` gives the format and section to show (`None`: the
/// document view, nothing asked); asked again whenever the plan or the shift search's answer
/// changes. The text is `None` until the first answer.
pub fn source_text(
    plan: Signal<Plan>,
    shown: impl Fn() -> Option<(Format, Section)> + 'static,
) -> Answered<(u64, String)> {
    let roster = use_context::<RosterAnswer>();
    let request = move |revision| {
        let (format, section) = shown()?;
        Some(plan.with(|plan| {
            let write = |answer: Option<&Result<ShiftPlan, String>>| {
                let export = Export {
                    plan,
                    asked: 0,
                    format,
                    section,
                    roster: answer,
                };
                Request::export_json(revision, &export)
            };
            match roster_for(plan, section, roster) {
                Some(roster) => roster.with(|answer| write(Some(answer))),
                None => write(None),
            }
        }))
    };
    ask::<ExportText>(request, Signal::from(true), false)
}
