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

// Reading ticket exports in the worker: the worker entry asks `read_step` for slices, hands over
// their bytes with `read_bytes`, and posts what comes back; the tickets stay in the core.

use super::reading::{FileToRead, HistoryRead, ReadProgress, CHUNK_BYTES};
use crate::history::{self, HistoryReader, ReadOptions};

/// `tickets` rows of a generic CSV, 42 bytes each after the header: ticket i arrives on
/// 3 + (i mod 5) March 2025 at 09:00 UTC, by e-mail, High.
fn generated_export(tickets: usize) -> Vec<u8> {
    let mut text = String::from("Ticket ID,Created at,Channel,Priority\n");
    for i in 0..tickets {
        text.push_str(&format!(
            "T-{i:07},2025-03-0{}T09:00:00Z,Email,High\n",
            3 + i % 5
        ));
    }
    text.into_bytes()
}

/// Sends a read of `files` (name, bytes) and drives it as the worker entry does: every reply
/// posted, in order. `cancel_after`: a Cancel arrives after that many chunks.
fn drive_read(
    core: &mut WorkerCore,
    revision: u64,
    files: &[(&str, &[u8])],
    cancel_after: Option<usize>,
) -> Vec<Reply> {
    let ask = Ask::ReadHistory {
        files: files
            .iter()
            .map(|(name, bytes)| FileToRead {
                name: name.to_string(),
                size: bytes.len() as f64,
            })
            .collect(),
        options: ReadOptions::default(),
        plan: Box::new(Plan::blank()),
    };
    let mut replies = vec![send(core, revision, ask).expect("the read is acknowledged")];
    let mut chunks = 0;
    loop {
        if cancel_after == Some(chunks) {
            replies.push(send(core, revision + 1, Ask::CancelRead).expect("cancel is answered"));
        }
        match core.read_step() {
            ReadStep::Idle => return replies,
            ReadStep::Reply(json) => replies.push(Reply::from_json(&json)),
            ReadStep::Bytes(slice) => {
                let bytes = files[slice.file].1;
                let part = &bytes[slice.start as usize..slice.end as usize];
                replies.push(Reply::from_json(&core.read_bytes(Some(part))));
                chunks += 1;
            }
        }
    }
}

fn progress_of(reply: &Reply) -> Option<&ReadProgress> {
    match &reply.answer {
        Answer::ReadProgress { progress } => Some(progress),
        _ => None,
    }
}

fn read_of(reply: Option<&Reply>) -> HistoryRead {
    match reply.map(|r| &r.answer) {
        Some(Answer::HistoryRead { read }) => (**read).clone(),
        other => panic!("expected the read, got {other:?}"),
    }
}

#[test]
fn a_read_in_chunks_says_how_far_it_is_and_answers_what_a_whole_read_would() {
    // 30,000 rows of 42 bytes and a 38-byte header: 1,260,038 bytes, two chunks of 1 MB.
    let export = generated_export(30_000);
    assert_eq!(export.len(), 1_260_038);
    let mut core = WorkerCore::with_clock(|| 0.0);
    let replies = drive_read(&mut core, 1, &[("big.csv", &export)], None);
    assert!(replies.iter().all(|r| r.revision == Some(1)), "{replies:?}");
    let steps: Vec<&ReadProgress> = replies.iter().filter_map(progress_of).collect();
    // The acknowledgement, then one progress per chunk.
    assert_eq!(steps.len(), 3);
    assert_eq!(steps[1].bytes_done, CHUNK_BYTES);
    assert_eq!(steps[1].bytes_total, 1_260_038.0);
    // 1,048,576 − 38 header bytes = 1,048,538 = 24,965 whole rows of 42 bytes (and 8 bytes).
    assert_eq!(steps[1].rows_read, 24_965);
    assert_eq!(steps[2].rows_read, 30_000);
    assert_eq!(steps[2].fraction(), 1.0);
    let read = read_of(replies.last());
    // The same figures as reading the file whole on the page did.
    let mut reader = HistoryReader::new(ReadOptions::default());
    reader.feed(&export).unwrap();
    let whole = reader.finish().unwrap();
    let plan = Plan::blank();
    assert_eq!(
        *read.summary,
        history::summarise(&whole, history::writer_zone(&plan))
    );
    assert_eq!(read.summary.tickets, 30_000);
    assert_eq!(*read.replay, history::replay(&whole, &plan));
    // The tickets stayed in the worker: a replay is answered from them.
    let replay = send(
        &mut core,
        2,
        Ask::ReplayHistory {
            plan: Box::new(plan.clone()),
        },
    );
    match replay.map(|r| r.answer) {
        Some(Answer::Replay {
            replay: Some(replay),
        }) => {
            assert_eq!(*replay, history::replay(&whole, &plan))
        }
        other => panic!("expected a replay, got {other:?}"),
    }
}

#[test]
fn a_cancel_between_chunks_ends_the_read_in_words_and_keeps_no_tickets() {
    let export = generated_export(30_000);
    let mut core = WorkerCore::new();
    let replies = drive_read(&mut core, 1, &[("big.csv", &export)], Some(1));
    let last = replies.last().expect("replies");
    assert_eq!(
        last.answer,
        Answer::ReadFailed {
            message: "Reading was cancelled; the plan is unchanged.".into()
        }
    );
    // Nothing read after the Cancel, and no tickets to replay.
    assert!(matches!(core.read_step(), ReadStep::Idle));
    let replay = send(
        &mut core,
        3,
        Ask::ReplayHistory {
            plan: Box::new(Plan::blank()),
        },
    );
    assert_eq!(
        replay.map(|r| r.answer),
        Some(Answer::Replay { replay: None })
    );
}

#[test]
fn a_failed_read_says_why_and_keeps_the_tickets_read_before() {
    let export = generated_export(10);
    let mut core = WorkerCore::new();
    let first = drive_read(&mut core, 1, &[("cases.csv", &export)], None);
    assert_eq!(read_of(first.last()).summary.tickets, 10);
    let stock = b"Product,Price,Stock\nWidget,9.99,12\nGadget,19.50,3\n";
    let second = drive_read(&mut core, 2, &[("stock.csv", stock)], None);
    match &second.last().expect("replies").answer {
        Answer::ReadFailed { message } => {
            assert!(
                message.starts_with("stock.csv: This file does not look like a ticket export"),
                "{message}"
            );
            assert!(message.ends_with("The plan is unchanged."), "{message}");
        }
        other => panic!("expected a failure, got {other:?}"),
    }
    // The ten tickets of the first read are still there for the replay.
    let replay = send(
        &mut core,
        3,
        Ask::ReplayHistory {
            plan: Box::new(Plan::blank()),
        },
    );
    assert!(matches!(
        replay.map(|r| r.answer),
        Some(Answer::Replay { replay: Some(_) })
    ));
}

#[test]
fn bytes_the_browser_would_not_give_end_the_read_in_words() {
    let export = generated_export(10);
    let mut core = WorkerCore::new();
    let ask = Ask::ReadHistory {
        files: vec![FileToRead {
            name: "gone.csv".into(),
            size: export.len() as f64,
        }],
        options: ReadOptions::default(),
        plan: Box::new(Plan::blank()),
    };
    send(&mut core, 1, ask).expect("acknowledged");
    assert!(matches!(core.read_step(), ReadStep::Bytes(_)));
    let reply = Reply::from_json(&core.read_bytes(None));
    assert_eq!(
        reply.answer,
        Answer::ReadFailed {
            message:
                "The browser could not read gone.csv; the plan is unchanged. Choose the file again."
                    .into()
        }
    );
    assert!(matches!(core.read_step(), ReadStep::Idle));
}

#[test]
fn the_read_messages_cross_the_boundary_unchanged() {
    let request = Request::new(
        4,
        Ask::ReadHistory {
            files: vec![FileToRead {
                name: "a.csv".into(),
                size: 12.0,
            }],
            options: ReadOptions::default(),
            plan: Box::new(Plan::blank()),
        },
    );
    let back: Request = serde_json::from_str(&request.to_json()).unwrap();
    assert_eq!(back, request);
    let cancel = Request::new(5, Ask::CancelRead).to_json();
    assert!(cancel.contains("\"kind\":\"cancel_read\""), "{cancel}");
}

#[test]
fn a_preview_is_answered_as_the_page_worked_it_out_and_a_bad_file_in_words() {
    let mut core = WorkerCore::new();
    let head = generated_export(3);
    let options = ReadOptions::default();
    let ask = Ask::PreviewHistory {
        name: "three.csv".into(),
        head: head.clone(),
        whole_file: true,
        options: options.clone(),
    };
    let expected = history::preview("three.csv", &head, true, &options).unwrap();
    match send(&mut core, 1, ask).map(|r| r.answer) {
        Some(Answer::Preview { preview: Ok(p) }) => {
            assert_eq!(*p, expected);
            // The first row as understood: 3 March 09:00 UTC, in the default zone (UTC).
            assert_eq!(p.rows[0].created, "2025-03-03 09:00");
        }
        other => panic!("expected a preview, got {other:?}"),
    }
    let stock = b"Product,Price,Stock\nWidget,9.99,12\n".to_vec();
    let ask = Ask::PreviewHistory {
        name: "stock.csv".into(),
        head: stock,
        whole_file: true,
        options,
    };
    match send(&mut core, 2, ask).map(|r| r.answer) {
        Some(Answer::Preview { preview: Err(why) }) => {
            assert!(
                why.starts_with("This file does not look like a ticket export"),
                "{why}"
            )
        }
        other => panic!("expected words, got {other:?}"),
    }
}

fn document_of(reply: Option<String>) -> DocumentParts {
    match Reply::from_json(&reply.expect("an answer")).answer {
        Answer::Document { document } => *document,
        other => panic!("expected a document, got {other:?}"),
    }
}

/// The preview's blocks come from the worker as the page's view drew them itself before: every
/// part's blocks, the title, the Capacity part; a single section has only its own part.
#[test]
fn a_document_is_answered_with_the_blocks_of_each_part() {
    use crate::render::document::{capacity_blocks, section_blocks, title_block};
    use crate::render::Layout;
    for template in crate::plan::templates::all() {
        let plan = crate::plan::templates::by_id(template.id).expect("template");
        let mut core = WorkerCore::new();
        let request = Request::document_json(1, &plan, Section::Full, None, None);
        let document = document_of(core.answer(&request));
        let owned = |blocks: Vec<crate::render::Block<'_>>| -> Vec<crate::render::Block<'static>> {
            blocks.into_iter().map(|b| b.into_owned()).collect()
        };
        assert_eq!(
            document.title,
            Some(title_block(&plan, Layout::Detailed).into_owned())
        );
        for (at, part) in Section::DOCUMENT.into_iter().enumerate() {
            assert_eq!(
                document.parts[at],
                owned(section_blocks(&plan, part, Layout::Detailed)),
                "{} {part:?}",
                template.id
            );
        }
        let inputs = crate::rules::staffing_inputs(&plan);
        assert_eq!(
            document.capacity,
            owned(capacity_blocks(&inputs, None, Layout::Detailed))
        );
        // The same plan again (a keystroke elsewhere): the Capacity part kept, not worked out again.
        let again =
            document_of(core.answer(&Request::document_json(2, &plan, Section::Full, None, None)));
        assert_eq!(again, document);

        let sla =
            document_of(core.answer(&Request::document_json(3, &plan, Section::Sla, None, None)));
        assert_eq!(sla.title, None);
        assert!(sla.capacity.is_empty());
        for (at, part) in Section::DOCUMENT.into_iter().enumerate() {
            assert_eq!(sla.parts[at].is_empty(), part != Section::Sla, "{part:?}");
        }
    }
}

/// An export is the file as the command line writes it (the whole plan's Markdown with its
/// checks), numbered as the page asked; the roster the page holds is the one the file reports.
#[test]
fn an_export_is_answered_with_the_text_of_its_file() {
    use crate::render::{render, Format};
    let plan = crate::plan::templates::by_id("b2b-saas").expect("template");
    let mut core = WorkerCore::new();
    for (revision, format) in [(1, Format::Markdown), (2, Format::Text)] {
        let export = Export {
            plan: &plan,
            asked: 7 + revision,
            format,
            section: Section::Full,
            roster: None,
        };
        let reply = core.answer(&Request::export_json(revision, &export));
        let Answer::Export { asked, text } = Reply::from_json(&reply.expect("an answer")).answer
        else {
            panic!("expected an export");
        };
        assert_eq!(asked, 7 + revision);
        assert_eq!(text, render(&plan, format, Section::Full));
    }
    let markdown = render(&plan, Format::Markdown, Section::Full);
    assert!(
        markdown.contains("Checks"),
        "the Markdown reports the checks"
    );

    let mut rostered = plan.clone();
    rostered.staffing.roster = serde_json::from_str(
        r#"{"templates": [{"name": "Day", "start": "08:00", "length": "8h30m", "unpaid_break": "30m"}],
            "pattern": {"days_per_week": 5, "consecutive_days_off": false}}"#,
    )
    .expect("roster inputs");
    {
        // The page's answer is written as the page holds it: no search of the worker's own.
        let held: RosterAnswer = Err("The shift plan is being searched for.".into());
        let export = Export {
            plan: &rostered,
            asked: 1,
            format: Format::Text,
            section: Section::Full,
            roster: Some(&held),
        };
        let reply = core.answer(&Request::export_json(3, &export));
        let Answer::Export { text, .. } = Reply::from_json(&reply.expect("an answer")).answer
        else {
            panic!("expected an export");
        };
        assert!(text.contains("The shift plan is being searched for."));
    }
}

/// The Compare panel's comparison comes from the worker with the text and Markdown to hand on,
/// the same as the command line's `diff`.
#[test]
fn a_comparison_is_answered_with_its_text_and_markdown() {
    let before = plan_with_sla(Duration::hours(4), Duration::hours(8));
    let after = plan_with_sla(Duration::hours(1), Duration::hours(8));
    let mut core = WorkerCore::new();
    let reply = core.answer(&Request::compare_json(1, &before, &after));
    let Answer::Comparison { compared } = Reply::from_json(&reply.expect("an answer")).answer
    else {
        panic!("expected a comparison");
    };
    let comparison = crate::diff::compare(&before, &after);
    assert_eq!(compared.markdown, crate::diff::to_markdown(&comparison));
    assert_eq!(compared.text, crate::diff::to_text(&comparison));
    assert_eq!(compared.comparison, comparison);
    assert!(compared
        .comparison
        .policies
        .iter()
        .flat_map(|p| &p.targets)
        .any(|t| t.verdict == crate::diff::Verdict::Faster));
}
