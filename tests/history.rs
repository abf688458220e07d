//! Ticket history end to end: hand-written exports in each documented shape, read in chunks of
//! any size, with every mapping, figure and message pinned; replay cases worked by hand.

use support_ops::history::{
    replay, summarise, DateOrder, History, HistoryReader, HistoryReport, Meaning, Question,
    ReadError, ReadOptions,
};
use support_ops::plan::{
    Calendar, ClockTime, Duration, MetricTarget, Plan, PolicyScope, SlaMetric, SlaPolicy,
    SlaTarget, Target, Weekday, WeeklyInterval,
};

fn fixture(name: &str) -> Vec<u8> {
    let path = format!(
        "{}/tests/fixtures/history/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Reads the files (name, bytes) in chunks of `size` bytes.
fn read(
    files: &[(&str, Vec<u8>)],
    size: usize,
    options: ReadOptions,
) -> Result<History, ReadError> {
    let mut reader = HistoryReader::new(options);
    for (name, bytes) in files {
        reader.begin_file(name)?;
        for chunk in bytes.chunks(size) {
            reader.feed(chunk)?;
        }
        reader.end_file()?;
    }
    reader.finish()
}

fn read_one(name: &str) -> History {
    read(&[(name, fixture(name))], 4096, ReadOptions::default()).unwrap()
}

/// Mon–Fri 09:00–17:00 in UTC, called "Office".
fn office() -> Calendar {
    let at = |text: &str| text.parse::<ClockTime>().unwrap();
    Calendar {
        name: "Office".into(),
        time_zone: "UTC".into(),
        intervals: [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .map(|day| WeeklyInterval {
            day,
            start: at("09:00"),
            end: at("17:00"),
            overnight: false,
        })
        .collect(),
        holidays: vec![],
        holidays_from: String::new(),
    }
}

/// Two policies: Enterprise (tickets tagged `enterprise`: Normal first response 30m on 24/7),
/// then Standard for everyone (Normal first response 2h and resolution 2bd on the Office).
fn plan() -> Plan {
    let mut plan = Plan::blank();
    plan.header.time_zone = "UTC".into();
    plan.calendars = vec![office()];
    let within = |text: &str, calendar: &str| {
        MetricTarget::new(Target::Within(text.parse::<Duration>().unwrap()), calendar)
    };
    plan.sla = vec![
        SlaPolicy {
            name: "Enterprise".into(),
            applies_to: PolicyScope {
                segments: vec!["enterprise".into()],
                ..PolicyScope::default()
            },
            targets: vec![SlaTarget {
                priority: "Normal".into(),
                first_response: within("30m", "24/7"),
                ..SlaTarget::default()
            }],
            ..SlaPolicy::default()
        },
        SlaPolicy {
            name: "Standard".into(),
            targets: vec![SlaTarget {
                priority: "Normal".into(),
                first_response: within("2h", "Office"),
                resolution: within("2bd", "Office"),
                ..SlaTarget::default()
            }],
            ..SlaPolicy::default()
        },
    ];
    plan
}

/// The five tickets of `zendesk-page-metrics.json` (two pages), by hand (times UTC):
/// T1 Thu 6 Mar 16:00 email, replied Fri 10:30, solved Fri 16:00, requester 7, tags login sso
/// T2 Fri 7 Mar 16:30 web, replied Mon 09:15, solved Wed 12 Mar 12:00, requester 8
/// T3 Sat 8 Mar 12:00 chat, replied Sat 13:00, open, requester 9
/// T4 Mon 10 Mar 09:00 email, tagged enterprise, replied 11:00, closed Tue 17:00, requester 7
/// T5 Mon 10 Mar 10:00 voice, no reply, open, requester 8
#[test]
fn zendesk_pages_with_metric_sets_measure_every_figure() {
    for size in [1, 13, 4096] {
        let history = read(
            &[("page.json", fixture("zendesk-page-metrics.json"))],
            size,
            ReadOptions::default(),
        )
        .unwrap();
        let s = summarise(&history, "UTC");
        assert_eq!(
            s.sources,
            ["Zendesk incremental export (2 pages, with metric sets)"],
            "chunks of {size}"
        );
        assert_eq!(s.tickets, 5);
        assert_eq!(s.rows_set_aside, 0);
        let period = s.period.unwrap();
        assert_eq!(
            (
                period.from.to_string().as_str(),
                period.to.to_string().as_str(),
                period.days
            ),
            ("2025-03-06", "2025-03-10", 5)
        );
        // 5 tickets over 5 days: 5 × 30.44 / 5 = 30.4 a month.
        assert_eq!(s.monthly_volume, 30.4);
        let names = |counts: &[support_ops::history::Count]| -> Vec<(String, u64)> {
            counts.iter().map(|c| (c.name.clone(), c.tickets)).collect()
        };
        assert_eq!(
            names(&s.by_channel),
            [
                ("email".into(), 2),
                ("chat".into(), 1),
                ("voice".into(), 1),
                ("web".into(), 1)
            ]
        );
        assert_eq!(names(&s.by_priority), [("normal".to_string(), 5)]);
        assert_eq!(
            names(&s.by_category),
            [
                ("incident".into(), 2),
                ("question".into(), 2),
                ("(not given)".into(), 1)
            ]
        );
        assert_eq!(
            names(&s.by_organisation),
            [
                ("(not given)".into(), 2),
                ("501".into(), 2),
                ("502".into(), 1)
            ]
        );
        // Thursday 16:00 is hour 3 × 24 + 16 = 88 of the week; Monday 09:00 is hour 9.
        assert_eq!(s.arrivals[88], 1);
        assert_eq!(s.arrivals[9], 1);
        assert_eq!(s.arrivals.iter().sum::<u64>(), 5);
        // First replies 1110, 3885, 60 and 120 calendar minutes: the median (2nd of 4) is 120;
        // the p90 (4th) is 3885, reported as its histogram bucket's middle, 3888 (error < 0.8 %).
        let reply = s.first_reply.unwrap();
        assert_eq!(
            (reply.tickets, reply.median_minutes, reply.p90_minutes),
            (4, 120, 3888)
        );
        // Zendesk's own business minutes 90, 45, 0, 120: median 45, p90 120.
        let theirs = s.helpdesk_first_reply_business.unwrap();
        assert_eq!((theirs.median_minutes, theirs.p90_minutes), (45, 120));
        // T1 reopened once: 1 of 5. T4 (requester 7, 4 days after T1) and T5 (requester 8,
        // 3 days after T2) are repeats: 2 of 5. One-touch: T2 and T4 of the resolved T1, T2, T4.
        // CSAT: T2 and T4 good, T1 bad; "offered" and "unoffered" are not ratings.
        assert_eq!(
            s.reopened.map(|r| (r.count, r.of, r.percent)),
            Some((1, 5, 20.0))
        );
        assert_eq!(
            s.repeat_contacts.map(|r| (r.count, r.of, r.percent)),
            Some((2, 5, 40.0))
        );
        assert_eq!(
            s.one_touch.map(|r| (r.count, r.of, r.percent)),
            Some((2, 3, 66.7))
        );
        assert_eq!(
            s.csat.map(|r| (r.count, r.of, r.percent)),
            Some((2, 3, 66.7))
        );
    }
}

/// The issue's case: created Thursday 16:00, answered Friday 10:30 on Mon–Fri 09:00–17:00.
/// Thursday 16:00–17:00 is 60 open minutes and Friday 09:00–10:30 is 90, so 150 business
/// minutes (the issue says 90, which counts Friday alone). Zendesk's export in the fixture says
/// 90 for it, so the comparison shows the plan counting 60 more on that ticket.
#[test]
fn replay_counts_business_minutes_on_the_plans_calendar() {
    let history = read_one("zendesk-page-metrics.json");
    let replay = replay(&history, &plan());
    assert_eq!(replay.calendar.as_deref(), Some("Office"));
    // Business first replies: T1 150; T2 Fri 16:30–17:00 30 + Mon 09:00–09:15 15 = 45;
    // T3 on a Saturday 0; T4 09:00–11:00 120. Sorted 0, 45, 120, 150: median 45; the p90 is
    // 150, reported as its bucket's middle, 151.
    let business = replay.first_reply_business.unwrap();
    assert_eq!((business.median_minutes, business.p90_minutes), (45, 151));
    // The plan's 150, 45, 0, 120 beside Zendesk's 90, 45, 0, 120: medians 45 and 45, the plan
    // 60 more on one of four tickets (+15.0 on average), three of four agree within 5 minutes.
    let first = &replay.helpdesk_comparison[0];
    assert_eq!(first.metric, SlaMetric::FirstResponse);
    assert_eq!(
        (
            first.tickets,
            first.plan_median_minutes,
            first.helpdesk_median_minutes
        ),
        (4, 45, 45)
    );
    assert_eq!(first.mean_difference_minutes, 15.0);
    assert_eq!((first.agree.count, first.agree.percent), (3, 75.0));
}

#[test]
fn replay_scores_each_policy_priority_and_metric() {
    let history = read_one("zendesk-page-metrics.json");
    let replay = replay(&history, &plan());
    let rows: Vec<(String, String, SlaMetric, u64, u64, f64, u64)> = replay
        .attainment
        .iter()
        .map(|r| {
            (
                r.policy.clone(),
                r.priority.clone(),
                r.metric,
                r.met,
                r.measured,
                r.percent,
                r.without_time,
            )
        })
        .collect();
    // Zendesk's "normal" is the plan's third priority, Normal.
    // Enterprise (T4 only): first reply 120 minutes against 30m on 24/7: 0 of 1.
    // Standard first response 2h on the Office: T1 150 breached, T2 45 met, T3 0 met; T5 has
    // no reply: 2 of 3.
    // Standard resolution 2bd = 960 open minutes: T1 Thu 60 + Fri 420 = 480 met; T2 Fri 30 +
    // Mon 480 + Tue 480 + Wed 180 = 1170 breached; T3 and T5 unresolved: 1 of 2.
    assert_eq!(
        rows,
        [
            (
                "Enterprise".into(),
                "Normal".into(),
                SlaMetric::FirstResponse,
                0,
                1,
                0.0,
                0
            ),
            (
                "Standard".into(),
                "Normal".into(),
                SlaMetric::FirstResponse,
                2,
                3,
                66.7,
                1
            ),
            (
                "Standard".into(),
                "Normal".into(),
                SlaMetric::Resolution,
                1,
                2,
                50.0,
                2
            ),
        ]
    );
    // Breaches by arrival hour: T1 Thu 16:00 (88), T2 Fri 16:00–17:00 (4 × 24 + 16 = 112),
    // T4 Mon 09:00 (9).
    let breached: Vec<usize> = (0..168)
        .filter(|&h| replay.breaches_by_hour[h] > 0)
        .collect();
    assert_eq!(breached, [9, 88, 112]);
    assert!(replay.notes.is_empty(), "{:?}", replay.notes);
}

#[test]
fn a_plan_edit_changes_the_replay_without_reading_again() {
    let history = read_one("zendesk-page-metrics.json");
    let mut plan = plan();
    // Standard's first response loosened to 3h (180 open minutes): T1's 150 now meets it.
    plan.sla[1].targets[0].first_response.target = Target::Within(Duration::hours(3));
    let replay = replay(&history, &plan);
    let standard = &replay.attainment[1];
    assert_eq!((standard.met, standard.measured), (3, 3));
}

#[test]
fn a_page_without_metric_sets_sets_aside_what_it_cannot_read() {
    let history = read_one("zendesk-page-plain.json");
    let s = summarise(&history, "UTC");
    assert_eq!(s.sources, ["Zendesk incremental export (1 page)"]);
    assert_eq!((s.tickets, s.rows_set_aside), (1, 1));
    assert_eq!(s.first_reply, None);
    let group = &history.set_aside.groups["time not read in created_at"];
    assert_eq!(
        group.examples,
        [(
            2,
            "\"yesterday\" in created_at is not a date and time this reader knows".to_string()
        )]
    );
    // Its one ticket has no priority and email sets none.
    let replay = replay(&history, &plan());
    assert_eq!(replay.notes, ["1 ticket has no priority the plan knows (and their channel sets none); they are not replayed"]);
}

/// Freshdesk's export: the documented columns, local times without an offset, hours as decimals.
#[test]
fn a_freshdesk_export_maps_its_documented_columns() {
    let history = read_one("freshdesk.csv");
    let file = &history.files[0];
    assert_eq!(file.read_as, "Freshdesk CSV export");
    let mapping = file.mapping.as_ref().unwrap();
    let used: Vec<(&str, Meaning)> = mapping
        .columns
        .iter()
        .filter(|c| c.meaning != Meaning::Ignored)
        .map(|c| (c.header.as_str(), c.meaning))
        .collect();
    assert_eq!(
        used,
        [
            ("Ticket ID", Meaning::TicketId),
            ("Status", Meaning::Status),
            ("Priority", Meaning::Priority),
            ("Source", Meaning::Channel),
            ("Type", Meaning::Category),
            ("Created time", Meaning::Created),
            ("Resolved time", Meaning::Resolved),
            ("Closed time", Meaning::Closed),
            ("Initial response time", Meaning::FirstReply),
            ("First response time (in hrs)", Meaning::FirstReplyHours),
            ("Resolution time (in hrs)", Meaning::ResolutionHours),
            ("Agent interactions", Meaning::Replies),
            ("Tags", Meaning::Tags),
            ("Survey results", Meaning::Csat),
            ("Email", Meaning::Requester),
            ("Company Name", Meaning::Organisation),
        ]
    );
    assert_eq!(
        file.questions,
        [Question::TimeZone {
            column: "Created time".into(),
            example: "2025-03-06 16:00:00".into()
        }]
    );
    assert_eq!(file.assumed, ["times without an offset are read in UTC"]);
    let s = summarise(&history, "UTC");
    // Row 3's created time is "not a date": set aside, with the row number (the header is row 1).
    assert_eq!((s.tickets, s.rows_set_aside), (2, 1));
    let group = &history.set_aside.groups["time not read in Created time"];
    assert_eq!(
        group.examples,
        [(
            4,
            "\"not a date\" in Created time is not a date and time this reader knows".to_string()
        )]
    );
    // First replies: 101 Thu 16:00 → Fri 10:30 = 1110 minutes; 102 09:00 → 09:20 = 20.
    // Median (1st of 2) 20; p90 1110 reported as its bucket's middle, 1112.
    let reply = s.first_reply.unwrap();
    assert_eq!((reply.median_minutes, reply.p90_minutes), (20, 1112));
    // One-touch: 102 had one agent interaction, 101 two. "Extremely happy" is good.
    assert_eq!(s.one_touch.map(|r| (r.count, r.of)), Some((1, 2)));
    assert_eq!(s.csat.map(|r| (r.count, r.of)), Some((1, 1)));
    assert_eq!(
        s.top_tags
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["billing", "login", "sso"]
    );
}

/// A spreadsheet with a BOM, `;` separators, odd headers, a quoted newline and separator, and
/// time stamps in four formats.
#[test]
fn a_generic_csv_with_odd_headers_and_mixed_stamps() {
    let bytes = fixture("generic-semicolon.csv");
    let history = read(&[("odd.csv", bytes.clone())], 5, ReadOptions::default()).unwrap();
    let file = &history.files[0];
    let mapping = file.mapping.as_ref().unwrap();
    assert_eq!(mapping.separator, ';');
    let meanings: Vec<Meaning> = mapping.columns.iter().map(|c| c.meaning).collect();
    assert_eq!(
        meanings,
        [
            Meaning::TicketId,
            Meaning::Created,
            Meaning::FirstReply,
            Meaning::Channel,
            Meaning::Priority,
            Meaning::Segment,
            Meaning::Ignored
        ]
    );
    // 25/03/2025 can only be day first, so no question about the order; some stamps carry no
    // offset, so the zone is asked (and the plan's home zone assumed).
    assert_eq!(mapping.date_order, Some(DateOrder::DayFirst));
    assert!(matches!(
        file.questions.as_slice(),
        [Question::TimeZone { .. }]
    ));
    let s = summarise(&history, "UTC");
    // A-5's 31/31/2025 is no date: set aside; the four others are read.
    assert_eq!((s.tickets, s.rows_set_aside), (4, 1));
    // Replies: A-1 Thu 16:00 → Fri 10:30 = 1110; A-2 45; A-3 (Unix seconds) 60. Median 60.
    assert_eq!(
        s.first_reply.map(|r| (r.tickets, r.median_minutes)),
        Some((3, 60))
    );
    // The segment column is read as a tag, as SLA policies match segments.
    assert_eq!(
        s.top_tags
            .iter()
            .map(|c| (c.name.as_str(), c.tickets))
            .collect::<Vec<_>>(),
        [("gold", 2)]
    );
    // The same file in UTF-16 (little and big endian, with a mark) reads the same.
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    for big in [false, true] {
        let mut utf16 = if big {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let again = read(&[("odd16.csv", utf16)], 7, ReadOptions::default()).unwrap();
        assert_eq!(summarise(&again, "UTC"), s, "big endian: {big}");
    }
}

#[test]
fn a_saved_mapping_is_reused_and_checked_against_the_header() {
    let first = read_one("generic-semicolon.csv");
    let mut saved = first.files[0].mapping.clone().unwrap();
    saved.time_zone = Some("Europe/Berlin".into());
    let json = serde_json::to_string(&saved).unwrap();
    let options = ReadOptions {
        mapping: Some(serde_json::from_str(&json).unwrap()),
        ..ReadOptions::default()
    };
    let again = read(
        &[("odd.csv", fixture("generic-semicolon.csv"))],
        64,
        options.clone(),
    )
    .unwrap();
    // With the zone answered there is nothing left to ask.
    assert_eq!(again.files[0].questions, []);
    let error = read(&[("fd.csv", fixture("freshdesk.csv"))], 64, options).unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("The saved column mapping is for the columns Ticket #, Date Opened (UTC)"),
        "{error}"
    );
}

#[test]
fn files_that_are_not_ticket_exports_say_so_in_words() {
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "prices.csv",
            fixture("not-tickets.csv"),
            "This file does not look like a ticket export: no column says when each ticket was created (columns: Product, Price, Stock). Export tickets as CSV from the helpdesk, or the JSON of Zendesk's incremental ticket export",
        ),
        (
            "plan.json",
            br#"{"schema_version": 3, "header": {"product": "x"}}"#.to_vec(),
            "This file does not look like a ticket export: it is a support plan, not tickets; open it with Import instead. Export tickets as CSV from the helpdesk, or the JSON of Zendesk's incremental ticket export",
        ),
        ("users.json", br#"{"users": []}"#.to_vec(), "This JSON is not a page of Zendesk's incremental ticket export: it has no \"tickets\" list"),
        ("empty.csv", b"  \n".to_vec(), "The file is empty: there are no tickets in it"),
    ];
    for (name, bytes, message) in cases {
        let error = read(&[(name, bytes)], 3, ReadOptions::default()).unwrap_err();
        assert_eq!(error.to_string(), message, "{name}");
    }
}

#[test]
fn several_files_add_up_and_the_report_has_only_aggregates() {
    let history = read(
        &[
            ("a.json", fixture("zendesk-page-metrics.json")),
            ("b.csv", fixture("freshdesk.csv")),
        ],
        1000,
        ReadOptions::default(),
    )
    .unwrap();
    assert_eq!(history.tickets.list.len(), 7);
    let report = HistoryReport::of(&history, &plan());
    let json = serde_json::to_string(&report.summary).unwrap();
    for private in [
        "ana@example.com",
        "Ana Example",
        "log in",
        "Invoice",
        "Please help",
    ] {
        assert!(!json.contains(private), "{private} in the summary");
    }
}

#[test]
fn baselines_and_channel_mix_come_from_the_history() {
    let history = read_one("zendesk-page-metrics.json");
    let s = summarise(&history, "UTC");
    let baselines = support_ops::history::baselines(&s);
    // Median first reply 120 calendar minutes (see above), exact below 128, written 2h. Median
    // resolution of 1440, 6930 and 1920 is 1920, reported as its bucket's middle, 1928 (1920 to
    // 1935 share a 16-minute bucket; error under 0.8 %).
    assert_eq!(baselines.first_response, Some(Duration::hours(2)));
    assert_eq!(baselines.resolution, Some(Duration::minutes(1928)));
    assert_eq!(baselines.csat, Some(66.7));
    assert_eq!(baselines.first_contact_resolution, Some(66.7));
    assert_eq!(
        baselines.source,
        "Zendesk incremental export (2 pages, with metric sets), 2025-03-06 to 2025-03-10 (5 tickets)"
    );
    let mut plan = plan();
    plan.channels = ["Email", "Chat"]
        .iter()
        .map(|name| support_ops::plan::Channel {
            name: name.to_string(),
            kind: if *name == "Chat" {
                support_ops::plan::ChannelKind::Chat
            } else {
                support_ops::plan::ChannelKind::Email
            },
            ..Default::default()
        })
        .collect();
    let mix = support_ops::history::channel_mix(&s, &plan);
    // email 2 of 5 = 40 %, chat 1 of 5 = 20 %; web and voice have no plan channel.
    let shares: Vec<(usize, f64)> = mix.iter().map(|c| (c.channel, c.volume_share)).collect();
    assert_eq!(shares, [(0, 40.0), (1, 20.0)]);
}

/// Taxonomy coverage of the Freshdesk fixture under the b2b-saas template's keywords, by hand:
/// ticket 101 (type Question, tags login, sso) is classified by Integrations' "sso"; ticket 102
/// (type Problem, tag billing) matches no keyword ("billing" is not "invoice", "refund",
/// "charge" or "upgrade"); row 103 has no date and is set aside. So 1 of 2 = 50.0 %, the
/// unclassified tag is billing (1) and the word of its type is problem (1).
#[test]
fn taxonomy_coverage_names_the_tags_and_type_words_no_keyword_classifies() {
    let history = read_one("freshdesk.csv");
    let template = std::fs::read_to_string(format!(
        "{}/templates/b2b-saas.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let plan: Plan = serde_json::from_str(&template).unwrap();
    let coverage = replay(&history, &plan)
        .taxonomy
        .expect("the template has keywords");
    assert_eq!(
        support_ops::history::coverage_words(&coverage),
        "keywords classify 50.0 % (1 of 2); most frequent unclassified tags: billing (1); most \
         frequent words in their types: problem (1)"
    );
}
