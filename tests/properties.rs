//! Properties over arbitrary plans: JSON round-trips, nothing panics, Markdown never carries user HTML.
//! Plans are generated with hostile text (`|`, newlines, `<script>`, any unicode) and extreme numbers.
//!
//! Non-finite numbers: JSON cannot carry NaN or infinity. `to_json` writes them as `null`
//! (serde_json's behaviour). Reading back, a `null` in an optional number (a metric baseline,
//! the chatbot containment) is "not set"; a `null` in a required number (a channel's volume share,
//! a health weight, a staffing assumption) is refused with an error naming the field, never a panic.
//! So the JSON round trip is exact for every plan whose numbers are finite.

use proptest::prelude::*;
use proptest::sample::select;

use support_ops::plan::json::{from_json, to_json};
use support_ops::plan::*;
use support_ops::render::{render, Format, Section};
use support_ops::rules;

/// User text: anything, with the dangerous cases made likely.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => "[a-zA-Z0-9 |<>&#*_`\\[\\]\\-.\n\r\t\\\\]{0,16}",
        1 => Just("<script>alert(1)</script>".to_string()),
        1 => Just("<img src=x onerror=alert(1)>".to_string()),
        1 => Just("a | b\nc".to_string()),
        1 => Just("# Heading\n- item\n1. step\n> quote".to_string()),
        1 => Just(String::new()),
        1 => "\\PC{0,12}",
    ]
}

fn texts() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(text(), 0..4)
}

/// Durations a file can hold (up to ten years); `wild` adds ones only code can build.
fn duration(wild: bool) -> BoxedStrategy<Duration> {
    let tame = prop_oneof![
        (0u32..=3650 * MINUTES_PER_DAY).prop_map(Duration::minutes),
        (0u32..=3650 * 24).prop_map(Duration::hours),
        (0u32..=3650).prop_map(Duration::days),
        (0u32..=520).prop_map(Duration::weeks),
        (
            0u32..=3650 * MINUTES_PER_DAY,
            select(vec![
                ClockUnit::Minutes,
                ClockUnit::Hours,
                ClockUnit::Days,
                ClockUnit::Weeks
            ])
        )
            .prop_map(|(minutes, unit)| Duration::Clock { minutes, unit }),
        (0u32..=3650).prop_map(Duration::business_days),
        Just(Duration::ZERO),
    ];
    if wild {
        prop_oneof![
            4 => tame,
            1 => any::<u32>().prop_map(Duration::minutes),
            1 => any::<u32>().prop_map(Duration::business_days),
        ]
        .boxed()
    } else {
        tame.boxed()
    }
}

/// Numbers: finite ones always; `wild` adds NaN and the infinities.
fn number(wild: bool) -> BoxedStrategy<f64> {
    let finite = prop_oneof![
        any::<f64>().prop_filter("finite", |x| x.is_finite()),
        -1000.0..1000.0f64,
        Just(0.0),
        Just(100.0),
    ];
    if wild {
        prop_oneof![
            4 => finite,
            1 => Just(f64::NAN),
            1 => Just(f64::INFINITY),
            1 => Just(f64::NEG_INFINITY),
        ]
        .boxed()
    } else {
        finite.boxed()
    }
}

fn date() -> impl Strategy<Value = Date> {
    (1i32..=9999, 1u8..=12, 1u8..=31)
        .prop_map(|(year, month, day)| Date::new(year, month, day.min(days_in_month(year, month))))
        .prop_filter_map("valid date", |date| date)
}

fn clock_time() -> impl Strategy<Value = ClockTime> {
    (0u32..=24, 0u32..60).prop_filter_map("valid time", |(h, m)| ClockTime::new(h, m))
}

fn calendar() -> impl Strategy<Value = Calendar> {
    let interval = (
        select(Weekday::ALL.to_vec()),
        clock_time(),
        clock_time(),
        any::<bool>(),
    )
        .prop_map(|(day, start, end, overnight)| WeeklyInterval {
            day,
            start,
            end,
            overnight,
        });
    let holiday = (text(), date(), any::<bool>()).prop_map(|(name, date, yearly)| Holiday {
        name,
        date,
        yearly,
    });
    (
        prop_oneof![text(), Just(ALWAYS_OPEN.to_string())],
        text(),
        prop::collection::vec(interval, 0..6),
        prop::collection::vec(holiday, 0..2),
    )
        .prop_map(|(name, time_zone, intervals, holidays)| Calendar {
            name,
            time_zone,
            intervals,
            holidays,
            holidays_from: String::new(),
        })
}

fn channel(wild: bool) -> impl Strategy<Value = Channel> {
    (
        (text(), select(ChannelKind::ALL.to_vec()), text(), text()),
        (number(wild), duration(wild), any::<u32>(), text()),
        (
            prop::option::of(any::<u32>()),
            prop::option::of(number(wild)),
            prop::option::of(number(wild)),
            prop::collection::vec(number(wild), 0..3),
        ),
    )
        .prop_map(
            |(
                (name, kind, use_case, hours),
                (volume_share, handle_time, concurrency, route_to),
                (answer_within_seconds, service_level, max_occupancy, arrival_profile),
            )| {
                Channel {
                    name,
                    kind,
                    use_case,
                    hours,
                    volume_share,
                    handle_time,
                    concurrency,
                    default_priority: String::new(),
                    answer_within_seconds,
                    service_level,
                    max_occupancy,
                    arrival_profile,
                    // Offered to a level, and on call, for some channels: both round-trip too.
                    available_to: if concurrency % 2 == 0 {
                        vec![route_to.clone()]
                    } else {
                        Vec::new()
                    },
                    on_call: (concurrency % 3 == 0).then(|| support_ops::plan::OnCall {
                        rotation: route_to.clone(),
                        people: concurrency,
                        ..support_ops::plan::OnCall::default()
                    }),
                    route_to,
                }
            },
        )
}

fn category(wild: bool) -> impl Strategy<Value = Category> {
    (
        (text(), texts(), text(), text()),
        (text(), texts(), texts(), number(wild)),
    )
        .prop_map(
            |((name, types, priority, route_to), (team, keywords, workflow, volume_share))| {
                Category {
                    name,
                    types,
                    priority,
                    route_to,
                    team,
                    keywords,
                    workflow,
                    volume_share,
                }
            },
        )
}

/// A metric: no target, best effort, or a duration, on any calendar name.
fn metric_target(wild: bool) -> impl Strategy<Value = MetricTarget> {
    let target = prop_oneof![
        1 => Just(Target::NoTarget),
        1 => Just(Target::BestEffort),
        4 => duration(wild).prop_map(Target::Within),
    ];
    (target, text()).prop_map(|(target, calendar)| MetricTarget { target, calendar })
}

fn sla_target(wild: bool) -> impl Strategy<Value = SlaTarget> {
    (
        text(),
        (
            metric_target(wild),
            metric_target(wild),
            metric_target(wild),
            metric_target(wild),
        ),
        prop::option::of(duration(wild)),
    )
        .prop_map(
            |(
                priority,
                (first_response, next_response, periodic_update, resolution),
                warn_before,
            )| {
                SlaTarget {
                    priority,
                    first_response,
                    next_response,
                    periodic_update,
                    resolution,
                    warn_before,
                }
            },
        )
}

fn sla_policy(wild: bool) -> impl Strategy<Value = SlaPolicy> {
    (
        (text(), text()),
        (texts(), texts(), texts()),
        prop::collection::vec(sla_target(wild), 0..4),
    )
        .prop_map(
            |((name, description), (segments, organizations, channels), targets)| SlaPolicy {
                name,
                description,
                applies_to: PolicyScope {
                    segments,
                    organizations,
                    channels,
                    ..PolicyScope::default()
                },
                targets,
            },
        )
}

fn escalation(wild: bool) -> impl Strategy<Value = Escalation> {
    let rule = (
        text(),
        prop::option::of(text()),
        (select(SlaMetric::ALL.to_vec()), prop::option::of(text())),
        text(),
        (duration(wild), select(EscalationStart::ALL.to_vec())),
        texts(),
        select(EscalationPath::ALL.to_vec()),
    )
        .prop_map(
            |(
                trigger,
                priority,
                (metric, policy),
                escalate_to,
                (timeframe, measured_from),
                notify,
                path,
            )| EscalationRule {
                trigger,
                priority,
                policy,
                metric,
                escalate_to,
                timeframe,
                measured_from,
                notify,
                path,
            },
        );
    (prop::collection::vec(rule, 0..4), texts()).prop_map(|(rules, handoff_protocol)| Escalation {
        rules,
        handoff_protocol,
    })
}

fn metrics(wild: bool) -> impl Strategy<Value = SuccessMetrics> {
    let duration_target = (prop::option::of(duration(wild)), duration(wild))
        .prop_map(|(baseline, target)| DurationTarget { baseline, target });
    let percent_target = (prop::option::of(number(wild)), number(wild))
        .prop_map(|(baseline, target)| PercentTarget { baseline, target });
    // The plan's own metrics: user text in the name and unit, wild numbers in the values.
    let custom_metric = (
        text(),
        text(),
        select(vec![Better::Higher, Better::Lower]),
        prop::option::of(number(wild)),
        prop::option::of(number(wild)),
    )
        .prop_map(|(name, unit, better, baseline, target)| CustomMetric {
            name,
            unit,
            better,
            baseline,
            target,
        });
    (
        duration_target.clone(),
        duration_target,
        percent_target.clone(),
        percent_target.clone(),
        percent_target,
        prop::collection::vec(custom_metric, 0..3),
    )
        .prop_map(
            |(first_response, resolution, csat, first_contact_resolution, deflection, custom)| {
                SuccessMetrics {
                    first_response,
                    resolution,
                    csat,
                    first_contact_resolution,
                    deflection,
                    custom,
                }
            },
        )
}

fn customer_success(wild: bool) -> impl Strategy<Value = CustomerSuccess> {
    let component =
        (text(), number(wild), text()).prop_map(|(name, weight, signal)| HealthComponent {
            name,
            weight,
            signal,
        });
    let band = (
        select(HealthColour::ALL.to_vec()),
        any::<u32>(),
        any::<u32>(),
    )
        .prop_map(|(colour, min, max)| HealthBand { colour, min, max });
    let outreach = (text(), text(), text()).prop_map(|(trigger, action, owner)| OutreachTrigger {
        trigger,
        action,
        owner,
    });
    (
        prop::collection::vec(component, 0..4),
        prop::collection::vec(band, 0..4),
        prop::collection::vec(outreach, 0..3),
        texts(),
        texts(),
        texts(),
    )
        .prop_map(
            |(components, bands, outreach, renewal_playbook, expansion_signals, churn_signals)| {
                CustomerSuccess {
                    health: HealthScore { components, bands },
                    outreach,
                    renewal_playbook,
                    expansion_signals,
                    churn_signals,
                }
            },
        )
}

/// The assessment, with parts that exist and parts that do not among what addresses a pain.
fn assess(wild: bool) -> impl Strategy<Value = Assess> {
    let stage = (text(), texts(), texts(), texts()).prop_map(
        |(stage, touchpoints, channels, goes_wrong)| JourneyStage {
            stage,
            touchpoints,
            channels,
            goes_wrong,
        },
    );
    let evidence = (prop::option::of(number(wild)), text(), text(), text()).prop_map(
        |(figure, unit, quote, source)| Evidence {
            figure,
            unit,
            quote,
            source,
        },
    );
    let part = prop_oneof![
        select(
            addressable_parts()
                .map(|(key, _)| key.to_string())
                .collect::<Vec<_>>()
        ),
        text(),
    ];
    let pain = (text(), evidence, prop::collection::vec(part, 0..3), text()).prop_map(
        |(pain, evidence, addressed_by, how)| PainPoint {
            pain,
            evidence,
            addressed_by,
            how,
        },
    );
    let competitor = (
        text(),
        texts(),
        prop::option::of(duration(wild)),
        text(),
        text(),
    )
        .prop_map(|(competitor, channels, first_response, hours, notable)| {
            CompetitorBenchmark {
                competitor,
                channels,
                first_response,
                hours,
                notable,
            }
        });
    let goal = (
        text(),
        prop::option::of(select(SuccessMetric::ALL.to_vec())),
        prop::option::of(date()),
    )
        .prop_map(|(goal, metric, by)| ImprovementGoal { goal, metric, by });
    (
        prop::collection::vec(stage, 0..3),
        prop::collection::vec(pain, 0..3),
        prop::collection::vec(competitor, 0..3),
        prop::collection::vec(goal, 0..3),
    )
        .prop_map(|(journey, pain_points, competitors, goals)| Assess {
            journey,
            pain_points,
            competitors,
            goals,
        })
}

fn roadmap_steps() -> impl Strategy<Value = Vec<RoadmapStep>> {
    let step = (
        text(),
        text(),
        select(StepStatus::ALL.to_vec()),
        prop::option::of(date()),
    )
        .prop_map(|(title, owner, status, due)| RoadmapStep {
            title,
            owner,
            status,
            due,
        });
    prop::collection::vec(step, 0..3)
}

fn roadmap() -> impl Strategy<Value = Roadmap> {
    (
        roadmap_steps(),
        roadmap_steps(),
        roadmap_steps(),
        roadmap_steps(),
    )
        .prop_map(|(assess, design, implement, optimize)| Roadmap {
            assess,
            design,
            implement,
            optimize,
        })
}

/// An arbitrary plan. `wild` adds values a file cannot hold (NaN, durations past ten years).
fn plan(wild: bool) -> impl Strategy<Value = Plan> {
    let header = (text(), any::<u32>(), any::<u32>(), text()).prop_map(
        |(product, monthly_volume, team_size, time_zone)| Header {
            product,
            monthly_volume,
            team_size,
            time_zone,
        },
    );
    let priority = (text(), text()).prop_map(|(name, description)| Priority { name, description });
    let tier =
        (text(), text(), duration(wild), text()).prop_map(|(name, handles, response, hours)| {
            Tier {
                name,
                handles,
                response,
                hours,
            }
        });
    let self_service = (texts(), texts(), texts(), any::<bool>()).prop_map(
        |(knowledge_base, faq, video_tutorials, community_forum)| SelfService {
            knowledge_base,
            faq,
            video_tutorials,
            community_forum,
        },
    );
    let automation = (
        texts(),
        texts(),
        texts(),
        text(),
        prop::option::of(number(wild)),
    )
        .prop_map(
            |(auto_reply, auto_route, auto_resolve, chatbot, chatbot_containment)| Automation {
                auto_reply,
                auto_route,
                auto_resolve,
                chatbot,
                chatbot_containment,
            },
        );
    let feedback = (text(), text(), text()).prop_map(|(weekly, monthly, quarterly)| FeedbackLoop {
        weekly,
        monthly,
        quarterly,
    });
    let share =
        (text(), number(wild)).prop_map(|(priority, share)| PriorityShare { priority, share });
    let staffing = (
        number(wild),
        number(wild),
        number(wild),
        prop::collection::vec(number(wild), 0..3),
        number(wild),
        prop::collection::vec(share, 0..3),
        number(wild),
    )
        .prop_map(
            |(
                service_level,
                max_occupancy,
                shrinkage,
                arrival_profile,
                escalation_share,
                priority_mix,
                attainment_goal,
            )| StaffingAssumptions {
                service_level,
                max_occupancy,
                shrinkage,
                arrival_profile,
                escalation_share,
                priority_mix,
                attainment_goal,
                roster: Default::default(),
                simulated_month: None,
            },
        );
    let mapping = (text(), text()).prop_map(|(priority, helpdesk_priority)| PriorityMapping {
        priority,
        helpdesk_priority,
    });
    let first = (
        (header, assess(wild)),
        prop::collection::vec(calendar(), 0..3),
        prop::collection::vec(priority, 0..5),
        prop::collection::vec(channel(wild), 0..4),
        prop::collection::vec(tier, 0..4),
        prop::collection::vec(category(wild), 0..4),
        prop::collection::vec(sla_policy(wild), 0..3),
        escalation(wild),
    );
    let second = (
        self_service,
        automation,
        metrics(wild),
        feedback,
        customer_success(wild),
        roadmap(),
        staffing,
        prop::collection::vec(mapping, 0..3),
    );
    (first, second).prop_map(
        |(
            ((header, assess), calendars, priorities, channels, tiers, taxonomy, sla, escalation),
            (
                self_service,
                automation,
                metrics,
                feedback,
                customer_success,
                roadmap,
                staffing,
                priority_map,
            ),
        )| Plan {
            schema_version: SCHEMA_VERSION,
            header,
            assess,
            calendars,
            priorities,
            channels,
            tiers,
            taxonomy,
            sla,
            escalation,
            self_service,
            automation,
            metrics,
            feedback,
            customer_success,
            roadmap,
            staffing,
            helpdesk: HelpdeskMapping { priority_map },
            history: None,
            from_template: Default::default(),
        },
    )
}

/// The first thing in Markdown a renderer would read as HTML: a tag (`<b`, `</`, `<!`, `<?`)
/// or a character reference (`&amp;` written by a user must arrive as `&amp;amp;`).
fn html_in(markdown: &str) -> Option<String> {
    let bytes = markdown.as_bytes();
    for (at, byte) in bytes.iter().enumerate() {
        let next = bytes.get(at + 1).copied().unwrap_or(b' ');
        if *byte == b'<' && (next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            return Some(markdown[at..].chars().take(12).collect());
        }
        if *byte == b'&' {
            let rest = &markdown[at + 1..];
            let rest = rest.strip_prefix('#').unwrap_or(rest);
            let name = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
            // Our own escapes are the only references: `&amp;` and `&lt;`.
            let ours = rest.starts_with("amp;") || rest.starts_with("lt;");
            if name > 0 && rest.as_bytes().get(name) == Some(&b';') && !ours {
                return Some(markdown[at..].chars().take(12).collect());
            }
        }
    }
    None
}

/// Counts the `|` in a line that are not escaped: our own separators always follow a space
/// or start the line, so a user's `|` (written `\|`) is the only kind after a backslash.
/// A table's rows have as many as its heading line (the brief's tables have three columns, the
/// assessment's four and five, the CAPACITY table five).
fn unescaped_pipes(line: &str) -> usize {
    let mut count = 0;
    let mut previous = ' ';
    for c in line.chars() {
        if c == '|' && previous != '\\' {
            count += 1;
        }
        previous = c;
    }
    count
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    #[test]
    fn json_round_trips_any_plan_with_finite_numbers(plan in plan(false)) {
        let json = to_json(&plan);
        prop_assert_eq!(from_json(&json), Ok(plan), "{}", json);
    }

    #[test]
    fn no_rule_and_no_renderer_panics(plan in plan(true)) {
        let _ = rules::check(&plan);
        for format in Format::ALL {
            for section in Section::ALL {
                let _ = render(&plan, format, section);
            }
        }
    }

    #[test]
    fn markdown_never_carries_html(plan in plan(true)) {
        for section in Section::ALL {
            let markdown = render(&plan, Format::Markdown, section);
            // A `<br>` is a line break: it ends whatever was before it.
            let without_breaks = markdown.replace("<br>", "\n");
            prop_assert!(
                html_in(&without_breaks).is_none(),
                "HTML ({:?}) in {}:\n{}", html_in(&without_breaks), section.name(), markdown
            );
        }
    }

    #[test]
    fn text_tables_keep_their_columns(plan in plan(true)) {
        // The brief's tables have three columns, the assessment's four or five, the CAPACITY
        // table five; user text in a cell never adds one: every row has as many cell borders as
        // its table's heading row.
        let text = render(&plan, Format::Text, Section::Full);
        let mut heading: Option<usize> = None;
        for line in text.lines() {
            if !line.starts_with('|') {
                heading = None;
                continue;
            }
            let pipes = unescaped_pipes(line);
            let expected = *heading.get_or_insert(pipes);
            prop_assert!(matches!(expected, 4..=6), "{}", line);
            prop_assert_eq!(pipes, expected, "{}", line);
        }
    }

    #[test]
    fn user_text_never_adds_a_heading_to_the_text(plan in plan(true)) {
        let text = render(&plan, Format::Text, Section::Full);
        let rules = text.lines().filter(|line| *line == "────────────────────────────").count();
        // One rule under each of the document's section headings, and one under CAPACITY.
        prop_assert_eq!(rules, Section::DOCUMENT.len() + 1);
    }
}

#[test]
fn non_finite_numbers_are_written_as_null_and_refused_where_required() {
    let mut plan = Plan::blank();
    plan.metrics.csat.baseline = Some(f64::NAN);
    let reloaded = from_json(&to_json(&plan)).unwrap();
    assert_eq!(
        reloaded.metrics.csat.baseline, None,
        "an optional NaN reads back as not set"
    );

    plan.staffing.shrinkage = f64::INFINITY;
    let json = to_json(&plan);
    assert!(json.contains("\"shrinkage\": null"), "{json}");
    let error = from_json(&json).unwrap_err();
    assert_eq!(
        error.path.as_ref().map(|p| p.as_str()),
        Some("staffing.shrinkage"),
        "{error}"
    );
}
