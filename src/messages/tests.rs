//! The protocol as the page sees it: findings for the latest revision only, field edits applied to
//! the plan last sent, and every bad message answered in words.

use super::*;
use crate::plan::{Duration, MetricTarget, SlaPolicy, SlaTarget, Target};

/// A plan whose Standard SLA answers Critical tickets within `first_response` and resolves them
/// within `resolution`.
fn plan_with_sla(first_response: Duration, resolution: Duration) -> Plan {
    let mut plan = Plan::blank();
    plan.sla = vec![SlaPolicy {
        name: "Standard".into(),
        targets: vec![SlaTarget {
            priority: "Critical".into(),
            first_response: MetricTarget::new(Target::Within(first_response), "24/7"),
            resolution: MetricTarget::new(Target::Within(resolution), "24/7"),
            ..SlaTarget::default()
        }],
        ..SlaPolicy::default()
    }];
    plan
}

const RESOLUTION: &str = "sla[0].targets[0].resolution.target";

fn send(core: &mut WorkerCore, revision: u64, ask: Ask) -> Option<Reply> {
    let reply = core.answer(&Request::new(revision, ask).to_json())?;
    Some(Reply::from_json(&reply))
}

fn findings(reply: Option<Reply>) -> Vec<Finding> {
    match reply.map(|r| r.answer) {
        Some(Answer::Findings { findings }) => findings,
        other => panic!("expected findings, got {other:?}"),
    }
}

fn fires(findings: &[Finding], rule: &str, path: &str) -> bool {
    findings.iter().any(|f| f.rule == rule && f.path == path)
}

fn error_message(reply: Option<Reply>) -> String {
    match reply.map(|r| r.answer) {
        Some(Answer::Error { message }) => message,
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn a_plan_is_answered_with_its_findings_for_its_revision() {
    let mut core = WorkerCore::new();
    let plan = plan_with_sla(Duration::hours(4), Duration::hours(1));
    let reply = send(
        &mut core,
        1,
        Ask::Plan {
            plan: Box::new(plan.clone()),
        },
    )
    .expect("a reply");
    assert_eq!(reply.revision, Some(1));
    let found = findings(Some(reply));
    // Resolving within 1h what is answered within 4h: SLA-002 on the resolution target.
    assert!(fires(&found, "SLA-002", RESOLUTION), "{found:?}");
    // The same findings, in the same order, as a check on the page would give.
    assert_eq!(found, rules::check(&plan));
}

#[test]
fn a_typed_field_is_applied_to_the_plan_last_sent() {
    let mut core = WorkerCore::new();
    let plan = plan_with_sla(Duration::hours(4), Duration::hours(8));
    let first = findings(send(
        &mut core,
        1,
        Ask::Plan {
            plan: Box::new(plan),
        },
    ));
    assert!(!fires(&first, "SLA-002", RESOLUTION));
    let field = |text: &str| Ask::Field {
        path: RESOLUTION.into(),
        text: text.into(),
    };
    let typed = findings(send(&mut core, 2, field("1h")));
    assert!(fires(&typed, "SLA-002", RESOLUTION), "{typed:?}");
    let fixed = findings(send(&mut core, 3, field("12h")));
    assert!(!fires(&fixed, "SLA-002", RESOLUTION));
}

#[test]
fn a_stale_revision_gets_no_answer() {
    let mut core = WorkerCore::new();
    let newer = plan_with_sla(Duration::hours(4), Duration::hours(8));
    let older = plan_with_sla(Duration::hours(4), Duration::hours(1));
    assert!(send(
        &mut core,
        5,
        Ask::Plan {
            plan: Box::new(newer)
        }
    )
    .is_some());
    assert!(send(
        &mut core,
        4,
        Ask::Plan {
            plan: Box::new(older.clone())
        }
    )
    .is_none());
    assert!(send(
        &mut core,
        5,
        Ask::Plan {
            plan: Box::new(older)
        }
    )
    .is_none());
    // The plan held is still the newer one: a field edit on it finds no SLA-002.
    let next = Ask::Field {
        path: "header.product".into(),
        text: "Acme".into(),
    };
    assert!(!fires(
        &findings(send(&mut core, 6, next)),
        "SLA-002",
        RESOLUTION
    ));
}

#[test]
fn a_field_edit_without_the_plan_before_it_asks_for_the_plan() {
    let mut core = WorkerCore::new();
    let edit = |revision| Ask::Field {
        path: "header.product".into(),
        text: format!("Acme {revision}"),
    };
    // A restarted worker holds no plan.
    let reply = send(&mut core, 3, edit(3)).expect("a reply");
    assert_eq!(reply.answer, Answer::NeedPlan);
    // An edit missed (revision 2 never arrived) would leave the plans apart.
    let plan = Box::new(Plan::blank());
    findings(send(&mut core, 1, Ask::Plan { plan }));
    assert_eq!(
        send(&mut core, 3, edit(3)).map(|r| r.answer),
        Some(Answer::NeedPlan)
    );
    assert!(matches!(
        send(&mut core, 2, edit(2)).map(|r| r.answer),
        Some(Answer::Findings { .. })
    ));
}

#[test]
fn a_bad_message_is_answered_in_words() {
    let mut core = WorkerCore::new();
    let garbled = error_message(core.answer("{not json").map(|r| Reply::from_json(&r)));
    assert!(
        garbled.contains("could not read the page's message"),
        "{garbled}"
    );
    let unknown = r#"{"version":1,"revision":3,"ask":{"kind":"dance"}}"#;
    let reply = Reply::from_json(&core.answer(unknown).expect("a reply"));
    assert_eq!(reply.revision, Some(3));
    assert!(error_message(Some(reply)).contains("Reload the page"));
    let field = Ask::Field {
        path: "header.no_such_field".into(),
        text: "x".into(),
    };
    findings(send(
        &mut core,
        1,
        Ask::Plan {
            plan: Box::new(Plan::blank()),
        },
    ));
    let missing = error_message(send(&mut core, 2, field));
    assert!(
        missing.contains("no field at header.no_such_field"),
        "{missing}"
    );
}

#[test]
fn another_version_is_refused_with_a_clear_error() {
    let mut core = WorkerCore::new();
    let from_the_future = r#"{"version":99,"revision":7,"ask":{"kind":"something_new"}}"#;
    let reply = Reply::from_json(&core.answer(from_the_future).expect("a reply"));
    assert_eq!(reply.revision, Some(7));
    let message = error_message(Some(reply));
    assert!(
        message.contains("different versions of the app"),
        "{message}"
    );
    let here_and_there = format!("version {VERSION} here, 99 there");
    assert!(message.contains(&here_and_there), "{message}");
    // And the page refuses a reply from another version the same way.
    let old_reply = r#"{"version":0,"revision":7,"answer":{"kind":"ready"}}"#;
    let message = error_message(Some(Reply::from_json(old_reply)));
    let here_and_there = format!("version {VERSION} here, 0 there");
    assert!(message.contains(&here_and_there), "{message}");
}

#[test]
fn findings_cross_the_boundary_unchanged() {
    let plan = plan_with_sla(Duration::hours(4), Duration::hours(1));
    let sent = Reply {
        version: VERSION,
        revision: Some(9),
        answer: Answer::Findings {
            findings: rules::check(&plan),
        },
    };
    assert_eq!(Reply::from_json(&sent.to_json()), sent);
    assert_eq!(Reply::from_json(&Reply::ready().to_json()), Reply::ready());
}

#[test]
fn the_recovery_hooks_reach_the_worker_entry_and_change_nothing() {
    let mut core = WorkerCore::new();
    let plan = plan_with_sla(Duration::hours(4), Duration::hours(1));
    findings(send(
        &mut core,
        1,
        Ask::Plan {
            plan: Box::new(plan),
        },
    ));
    assert_eq!(
        core.handle(&Request::new(2, Ask::Crash).to_json()),
        Outcome::Crash
    );
    assert_eq!(
        core.handle(&Request::new(2, Ask::Hang).to_json()),
        Outcome::Hang
    );
    // The hooks used no revision: an edit at revision 2 still follows the plan at 1.
    let edit = Ask::Field {
        path: RESOLUTION.into(),
        text: "12h".into(),
    };
    assert!(!fires(
        &findings(send(&mut core, 2, edit)),
        "SLA-002",
        RESOLUTION
    ));
}

#[test]
fn a_plan_sent_without_copying_reads_as_the_plan_request() {
    let plan = plan_with_sla(Duration::hours(4), Duration::hours(1));
    let read: Request = serde_json::from_str(&Request::plan_json(4, &plan)).expect("a request");
    assert_eq!(
        read,
        Request::new(
            4,
            Ask::Plan {
                plan: Box::new(plan)
            }
        )
    );
}

/// The Capacity view's month, asked on 10 December 2026 of a plan that names no month: the month
/// after that day is January 2027, 31 days, and it receives every ticket of the plan's monthly
/// volume (the same count the simulation gives when run on the page).
#[test]
fn a_month_asked_in_december_is_next_january_with_every_ticket() {
    let plan = crate::plan::templates::by_id("b2b-saas").expect("template");
    assert!(plan.staffing.simulated_month.is_none());
    let today = Date {
        year: 2026,
        month: 12,
        day: 10,
    };
    let mut core = WorkerCore::new();
    let json = Request::month_json(1, &plan, today);
    let reply = Reply::from_json(&core.answer(&json).expect("an answer"));
    assert_eq!(reply.revision, Some(1));
    let Answer::Month { month: Some(month) } = reply.answer else {
        panic!("expected a month, got {:?}", reply.answer);
    };
    assert_eq!(
        month.first_day,
        Date {
            year: 2027,
            month: 1,
            day: 1
        }
    );
    assert_eq!(month.month_days, 31);
    assert_eq!(month.tickets, plan.header.monthly_volume);
}

/// A blank plan has no volume or channels to staff: there is no month to show, said as `None`
/// (the view lists what is missing), not as an error.
#[test]
fn a_blank_plan_has_no_month() {
    let mut core = WorkerCore::new();
    let today = Date {
        year: 2026,
        month: 3,
        day: 1,
    };
    let reply = core.answer(&Request::month_json(1, &Plan::blank(), today));
    let reply = Reply::from_json(&reply.expect("an answer"));
    assert_eq!(reply.answer, Answer::Month { month: None });
}

/// The Shifts view's search, asked of a worker core: for b2b-saas it comes back as a shift plan
/// whose people per shift add up to its answer, never below the proven bound, with the roster
/// findings beside it; for a blank plan, the words saying why there is nothing to roster.
#[test]
fn a_shift_search_is_answered_with_the_plan_and_its_roster_findings() {
    let plan = crate::plan::templates::by_id("b2b-saas").expect("template");
    let mut core = WorkerCore::new();
    let reply = core
        .answer(&Request::shifts_json(1, &plan))
        .expect("an answer");
    let Answer::Shifts { roster, findings } = Reply::from_json(&reply).answer else {
        panic!("expected a shift plan: {reply}");
    };
    let roster = roster.expect("b2b-saas can be rostered");
    let assigned: u32 = roster
        .teams
        .iter()
        .flat_map(|team| &team.assignments)
        .map(|a| a.people)
        .sum();
    assert_eq!(assigned, roster.people);
    assert!(roster.people >= roster.bound_people);
    assert!(findings.iter().all(|f| f.rule.starts_with("SHIFT-")));

    let reply = core.answer(&Request::shifts_json(2, &Plan::blank()));
    let Answer::Shifts { roster, .. } = Reply::from_json(&reply.expect("an answer")).answer else {
        panic!("expected a shift answer");
    };
    let why = roster.expect_err("a blank plan has no need to roster");
    assert!(why.contains("needs the staffing figures first"), "{why}");
}

/// A core with a clock stops the search when its time is up and still answers with the best
/// plan found: here a clock that jumps a minute per reading stops it at once.
#[test]
fn a_shift_search_out_of_time_still_answers() {
    fn jumping_clock() -> f64 {
        use std::sync::atomic::{AtomicU64, Ordering};
        static NOW: AtomicU64 = AtomicU64::new(0);
        NOW.fetch_add(60_000, Ordering::Relaxed) as f64
    }
    let plan = crate::plan::templates::by_id("b2b-saas").expect("template");
    let mut core = WorkerCore::with_clock(jumping_clock);
    let reply = core
        .answer(&Request::shifts_json(1, &plan))
        .expect("an answer");
    let Answer::Shifts { roster, .. } = Reply::from_json(&reply).answer else {
        panic!("expected a shift plan: {reply}");
    };
    let roster = roster.expect("a plan, even out of time");
    assert!(roster.people >= roster.bound_people);
    assert!(roster.people > 0);
}
