//! The `support-ops` command line, run as a user runs it: commands, exit codes, stdin, broken files.
//! Exit codes: 0 done, 1 the plan has errors, 2 the command could not run.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use support_ops::plan::json::{from_json, to_json};
use support_ops::plan::{templates, Duration, MetricTarget, Plan, SlaTarget, Target};
use support_ops::rules::{check, Severity};

fn support_ops(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_support-ops"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn support_ops_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_support-ops"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    let mut stdin = child.stdin.take().expect("stdin is piped");
    // The binary may stop reading early (a bad plan); a broken pipe here is fine.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().expect("the binary finishes")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// A file in a fresh scratch folder for this test.
fn scratch_file(test: &str, name: &str, contents: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("support-ops-cli-{}-{test}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn template_file(test: &str, id: &str) -> PathBuf {
    let plan = templates::by_id(id).unwrap();
    scratch_file(test, &format!("{id}.json"), to_json(&plan).as_bytes())
}

/// The command could not run: exit 2, a message on stderr, and no panic.
fn assert_refused(output: &Output, says: &str) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(2), "stderr: {message}");
    assert!(
        message.contains(says),
        "expected the message to say {says:?}; got: {message}"
    );
    assert!(!message.contains("panicked"), "{message}");
}

#[test]
fn help_lists_every_command_and_the_exit_codes() {
    let output = support_ops(&["help"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    for command in [
        "check",
        "render",
        "templates",
        "template",
        "schema",
        "import FILE...",
        "diff OLD NEW",
        "EXIT CODES",
    ] {
        assert!(text.contains(command), "help lacks {command}");
    }
    assert_eq!(
        support_ops(&[]).status.code(),
        Some(2),
        "no command is a usage error"
    );
    assert_refused(
        &support_ops(&["frobnicate"]),
        "unknown command \"frobnicate\"",
    );
}

#[test]
fn templates_lists_ids_and_template_prints_a_loadable_plan() {
    let listing = stdout(&support_ops(&["templates"]));
    for id in ["b2b-saas", "ecommerce", "fintech", "devtools"] {
        assert!(listing.contains(id), "{listing}");
        let output = support_ops(&["template", id]);
        assert_eq!(output.status.code(), Some(0));
        assert_eq!(
            from_json(&stdout(&output)),
            Ok(templates::starter(id).unwrap())
        );
    }
    assert!(listing.contains("Regulated fintech"));
    assert_refused(
        &support_ops(&["template", "nope"]),
        "choose one of: b2b-saas",
    );
    assert_refused(&support_ops(&["template"]), "needs a NAME");
}

#[test]
fn schema_prints_the_shipped_schema() {
    let output = support_ops(&["schema"]);
    assert_eq!(output.status.code(), Some(0));
    let schema: serde_json::Value = serde_json::from_str(&stdout(&output)).unwrap();
    assert_eq!(schema["title"], "Plan");
    assert!(schema["properties"]["sla"].is_object());
}

#[test]
fn render_prints_each_format_and_section() {
    let file = template_file("render", "b2b-saas");
    let file = file.to_str().unwrap();
    let text = support_ops(&["render", file, "--format", "text"]);
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    assert!(stdout(&text).starts_with("SUPPORT OPERATIONS PLAN\n═══"));
    let markdown = stdout(&support_ops(&["render", file, "--format=markdown"]));
    // The same opening as the text block and the preview: the title, then the product as a fact.
    assert!(
        markdown.starts_with("# Support Operations Plan\n\n- **Product:** Cloudline Analytics\n")
    );
    let json = stdout(&support_ops(&["render", file, "-f", "json"]));
    assert_eq!(from_json(&json), Ok(templates::by_id("b2b-saas").unwrap()));

    let escalation = stdout(&support_ops(&["render", file, "--section", "escalation"]));
    assert!(escalation.starts_with("ESCALATION MATRIX\n"));
    assert!(!escalation.contains("SLA TARGETS"));
    assert!(escalation.contains("→ Escalate to: "));

    assert_refused(
        &support_ops(&["render", file, "--section", "everything"]),
        "unknown section \"everything\"",
    );
    assert_refused(
        &support_ops(&["render", file, "--format", "pdf"]),
        "unknown format \"pdf\"; choose one of: text, markdown, json",
    );
    assert_refused(
        &support_ops(&["render", file, "--format"]),
        "--format needs a value",
    );
    assert_refused(
        &support_ops(&["render", file, "--colour"]),
        "unknown option",
    );
}

#[test]
fn a_dash_reads_the_plan_from_stdin() {
    let plan = to_json(&templates::by_id("fintech").unwrap());
    let output = support_ops_with_stdin(&["render", "-", "--section", "sla"], plan.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("SLA TARGETS\n"));
    let checked = support_ops_with_stdin(&["check", "-"], plan.as_bytes());
    assert!(
        stdout(&checked).contains("the plan"),
        "{}",
        stdout(&checked)
    );
}

/// A plan with a resolution target faster than its first response and an unknown priority.
fn broken_plan() -> Plan {
    let mut plan = templates::by_id("ecommerce").unwrap();
    let calendar = "No such calendar";
    plan.sla[0].targets.push(SlaTarget {
        priority: "Whenever".into(),
        first_response: MetricTarget::new(Target::Within(Duration::days(2)), calendar),
        resolution: MetricTarget::new(Target::Within(Duration::hours(1)), calendar),
        ..SlaTarget::default()
    });
    plan
}

#[test]
fn check_prints_each_finding_and_exits_by_its_severity() {
    for (name, plan) in [
        ("clean", templates::by_id("devtools").unwrap()),
        ("broken", broken_plan()),
    ] {
        let file = scratch_file("check", &format!("{name}.json"), to_json(&plan).as_bytes());
        let output = support_ops(&["check", file.to_str().unwrap()]);
        let text = stdout(&output);
        let findings = check(&plan);
        let has_errors = findings.iter().any(|f| f.severity == Severity::Error);
        assert_eq!(
            output.status.code(),
            Some(if has_errors { 1 } else { 0 }),
            "{text}"
        );
        for finding in &findings {
            let line = format!(
                "{} {} {}: {}\n",
                finding.severity.label().to_uppercase(),
                finding.rule,
                finding.path,
                finding.message
            );
            assert!(text.contains(&line), "missing {line:?} in:\n{text}");
        }
        let summary = text.lines().last().unwrap_or_default();
        if findings.is_empty() {
            assert!(summary.ends_with("no problems found"), "{summary}");
        } else {
            let errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Error)
                .count();
            assert!(summary.contains(&format!("{errors} error")), "{summary}");
        }

        let json = support_ops(&["check", file.to_str().unwrap(), "--format", "json"]);
        assert_eq!(json.status.code(), output.status.code());
        let listed: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
        assert_eq!(listed.as_array().map(Vec::len), Some(findings.len()));
    }
    let template = template_file("check-clean", "fintech");
    let template_check = support_ops(&["check", template.to_str().unwrap()]);
    assert_eq!(
        template_check.status.code(),
        Some(0),
        "a starter template has no errors: {}",
        stdout(&template_check)
    );
}

#[test]
fn broken_files_get_a_clear_message_and_exit_2() {
    let full = to_json(&templates::by_id("b2b-saas").unwrap());
    let cases: [(&str, Vec<u8>, &str); 6] = [
        (
            "truncated.json",
            full.as_bytes()[..full.len() / 2].to_vec(),
            "cut off",
        ),
        (
            "wrong-type.json",
            br#"{"schema_version": 2, "header": {"team_size": "twelve"}}"#.to_vec(),
            "header.team_size",
        ),
        (
            "newer.json",
            br#"{"schema_version": 99, "header": {}}"#.to_vec(),
            "newer version",
        ),
        (
            "nesting.json",
            vec![b'['; 10 * 1024 * 1024],
            "not valid JSON",
        ),
        ("not-utf8.json", vec![b'{', 0xff, 0xc0, b'}'], "not text"),
        ("list.json", b"[1, 2, 3]".to_vec(), "not a plan"),
    ];
    for (name, contents, says) in cases {
        let file = scratch_file("broken", name, &contents);
        let file = file.to_str().unwrap();
        assert_refused(&support_ops(&["check", file]), says);
        assert_refused(&support_ops(&["render", file]), says);
    }
    let output = support_ops(&["check", "/no/such/plan.json"]);
    assert_refused(&output, "cannot read /no/such/plan.json");
    let nested = support_ops_with_stdin(&["check", "-"], &vec![b'{'; 10 * 1024 * 1024]);
    assert_refused(
        &nested,
        "standard input is not a readable plan: This is not valid JSON",
    );
}

#[test]
fn plan_files_with_a_byte_order_mark_or_in_utf16_are_read_like_the_app_reads_them() {
    let plan = templates::by_id("fintech").unwrap();
    let text = to_json(&plan);
    let mut utf8_bom = vec![0xef, 0xbb, 0xbf];
    utf8_bom.extend_from_slice(text.as_bytes());
    let mut utf16_le = vec![0xff, 0xfe];
    let mut utf16_be = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        utf16_le.extend_from_slice(&unit.to_le_bytes());
        utf16_be.extend_from_slice(&unit.to_be_bytes());
    }
    let plain = support_ops(&["render", template_file("bom", "fintech").to_str().unwrap()]);
    assert!(plain.status.success(), "{}", stderr(&plain));
    for (name, contents) in [
        ("bom.json", utf8_bom.clone()),
        ("utf16le.json", utf16_le),
        ("utf16be.json", utf16_be),
    ] {
        let file = scratch_file("bom", name, &contents);
        let output = support_ops(&["render", file.to_str().unwrap()]);
        assert!(output.status.success(), "{name}: {}", stderr(&output));
        assert_eq!(stdout(&output), stdout(&plain), "{name}");
    }
    let piped = support_ops_with_stdin(&["check", "-"], &utf8_bom);
    assert_eq!(piped.status.code(), Some(0), "{}", stderr(&piped));
}

#[test]
fn version_zero_and_binary_files_are_named_for_what_they_are() {
    let zero = scratch_file(
        "zero",
        "zero.json",
        br#"{"schema_version": 0, "header": {}}"#,
    );
    let output = support_ops(&["check", zero.to_str().unwrap()]);
    assert_refused(&output, "\"schema_version\" is 0");
    assert!(!stderr(&output).contains("newer"), "{}", stderr(&output));

    let png = scratch_file(
        "binary",
        "logo.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01",
    );
    let output = support_ops(&["check", png.to_str().unwrap()]);
    assert_refused(&output, "not text but binary data");
    assert!(!stderr(&output).contains("cut off"), "{}", stderr(&output));
}

#[test]
fn the_position_of_a_load_error_is_given() {
    let file = scratch_file(
        "position",
        "unknown-field.json",
        b"{\n  \"schema_version\": 2,\n  \"header\": {\n    \"colour\": 1\n  }\n}",
    );
    let output = support_ops(&["check", file.to_str().unwrap()]);
    assert_refused(&output, "header.colour");
    assert!(stderr(&output).contains("line 4"), "{}", stderr(&output));
}

#[test]
fn generate_prints_a_large_plan_that_checks_clean() {
    let output = support_ops(&["generate", "500"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let plan = from_json(&stdout(&output)).expect("the generated plan loads");
    assert_eq!(plan.taxonomy.len(), 500);
    assert_eq!(plan.channels.len(), 50);
    assert_eq!(plan.escalation.rules.len(), 100);
    let errors = support_ops::rules::check(&plan)
        .into_iter()
        .filter(|finding| finding.severity == support_ops::rules::Severity::Error)
        .count();
    assert_eq!(
        errors, 0,
        "a generated plan should be realistic, not broken"
    );
    assert_refused(&support_ops(&["generate", "lots"]), "number of categories");
    assert_refused(&support_ops(&["generate", "0"]), "number of categories");
}

fn helpdesk_fixture(helpdesk: &str, name: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/helpdesk")
        .join(helpdesk)
        .join(name)
        .to_string_lossy()
        .into_owned()
}

fn zendesk_fixture_paths() -> Vec<String> {
    [
        "sla_policies.json",
        "schedules.json",
        "holidays.json",
        "groups.json",
    ]
    .iter()
    .map(|name| helpdesk_fixture("zendesk", name))
    .collect()
}

#[test]
fn import_prints_a_plan_and_reports_on_stderr() {
    let paths = zendesk_fixture_paths();
    let mut args = vec!["import"];
    args.extend(paths.iter().map(String::as_str));
    let output = support_ops(&args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let plan = from_json(&stdout(&output)).expect("stdout is a plan file");
    let names: Vec<&str> = plan.sla.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Enterprise", "Standard", "Premium"]);
    let report = stderr(&output);
    assert!(
        report.contains("sla_policies.json: Zendesk: 3 SLA policies\n"),
        "{report}"
    );
    assert!(
        report.contains(
            "sla_policies.json sla_policies[2].filter.all[1]: The condition on `ticket_form_id`"
        ),
        "{report}"
    );
    assert!(
        report.lines().filter(|l| l.starts_with("note: ")).count() >= 10,
        "{report}"
    );
    // The imported plan then checks like any plan: it has errors, so check exits 1.
    let file = scratch_file("import", "imported.json", stdout(&output).as_bytes());
    let check = support_ops(&["check", file.to_str().unwrap()]);
    assert_eq!(check.status.code(), Some(1));
    assert!(stdout(&check).contains("SLA-013 sla[1].applies_to.segments"));
}

/// A helpdesk export saved by a Windows editor (a byte-order mark, or UTF-16) imports as the
/// plain file does, as plan files open.
#[test]
fn import_reads_exports_with_a_byte_order_mark_or_in_utf16() {
    let paths = zendesk_fixture_paths();
    let mut args = vec!["import"];
    args.extend(paths.iter().map(String::as_str));
    let plain = support_ops(&args);
    assert_eq!(plain.status.code(), Some(0), "{}", stderr(&plain));
    let mut rewritten = Vec::new();
    for (n, path) in paths.iter().enumerate() {
        let text = std::fs::read_to_string(path).unwrap();
        let bytes = if n % 2 == 0 {
            [&[0xef, 0xbb, 0xbf][..], text.as_bytes()].concat()
        } else {
            let mut utf16 = vec![0xff, 0xfe];
            for unit in text.encode_utf16() {
                utf16.extend_from_slice(&unit.to_le_bytes());
            }
            utf16
        };
        let name = PathBuf::from(path).file_name().unwrap().to_owned();
        let file = scratch_file("import-encodings", name.to_str().unwrap(), &bytes);
        rewritten.push(file.to_string_lossy().into_owned());
    }
    let mut args = vec!["import"];
    args.extend(rewritten.iter().map(String::as_str));
    let encoded = support_ops(&args);
    assert_eq!(encoded.status.code(), Some(0), "{}", stderr(&encoded));
    assert_eq!(stdout(&encoded), stdout(&plain));
}

#[test]
fn import_refuses_what_is_not_a_helpdesk_export() {
    assert_refused(&support_ops(&["import"]), "`import` needs the JSON files");
    let plan = template_file("import-refuses", "b2b-saas");
    assert_refused(
        &support_ops(&["import", plan.to_str().unwrap()]),
        "a plan saved by this app",
    );
    let cases: [(&str, Vec<u8>, &str); 4] = [
        ("empty.json", Vec::new(), "empty.json: the file is empty"),
        (
            "page.html",
            b"<html>Sign in</html>".to_vec(),
            "this is not JSON",
        ),
        ("nesting.json", vec![b'['; 1024 * 1024], "this is not JSON"),
        (
            "not-utf8.json",
            vec![0xff, 0xfe, b'['],
            "not UTF-8 or UTF-16 text",
        ),
    ];
    for (name, contents, says) in cases {
        let file = scratch_file("import-refuses", name, &contents);
        let output = support_ops(&["import", file.to_str().unwrap()]);
        assert_refused(&output, says);
        assert!(stdout(&output).is_empty(), "no half a plan on stdout");
    }
    let zendesk = helpdesk_fixture("zendesk", "groups.json");
    let freshdesk = helpdesk_fixture("freshdesk", "groups.json");
    assert_refused(
        &support_ops(&["import", &zendesk, &freshdesk]),
        "come from two helpdesks",
    );
    assert_refused(
        &support_ops(&["import", &zendesk, "--format", "json"]),
        "takes no --format",
    );
}

#[test]
fn diff_compares_two_plans_in_text_and_markdown_with_the_same_content() {
    let paths = zendesk_fixture_paths();
    let mut args = vec!["import"];
    args.extend(paths.iter().map(String::as_str));
    let imported = stdout(&support_ops(&args));
    let before = scratch_file("diff", "today.json", imported.as_bytes());
    let after = template_file("diff", "b2b-saas");
    let (before, after) = (before.to_str().unwrap(), after.to_str().unwrap());
    let text = support_ops(&["diff", before, after]);
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    let text = stdout(&text);
    let markdown = support_ops(&["diff", before, after, "--format", "markdown"]);
    assert_eq!(markdown.status.code(), Some(0));
    let markdown = stdout(&markdown);
    assert!(text.starts_with("BEFORE → AFTER\n"), "{text}");
    assert!(markdown.starts_with("# Before → After\n"), "{markdown}");
    // The import's Standard policy (everyone) against the template's "All customers": Urgent
    // and Critical are both the most urgent; 1 hour on 24/7 became 15 minutes.
    assert!(
        text.contains("Policy: Standard → All customers\n"),
        "{text}"
    );
    assert!(
        text.contains("| Urgent → Critical | 1 hour → 15 min (faster) |"),
        "{text}"
    );
    assert!(markdown.contains("| Urgent → Critical | First Response | 1 hour | 15 min | faster |"));
    assert!(text.contains("Policy removed: Premium"));
    assert!(markdown.contains("### Policy removed: Premium"));
    // The same content: every finding fixed, and every channel change, in both.
    let old = from_json(&imported).unwrap();
    let new = templates::by_id("b2b-saas").unwrap();
    let fixed: Vec<_> = check(&old)
        .into_iter()
        .filter(|f| {
            !check(&new)
                .iter()
                .any(|n| n.rule == f.rule && n.message == f.message)
        })
        .collect();
    assert!(fixed.iter().any(|f| f.rule == "SLA-013"));
    for finding in &fixed {
        assert!(
            text.contains(&format!("{} {}: ", finding.rule, finding.path)),
            "{}",
            finding.rule
        );
        assert!(markdown.contains(&format!("| {} | `{}` |", finding.rule, finding.path)));
    }
    for channel in ["Chat", "Email", "Phone", "Help Center portal"] {
        assert!(text.contains(&format!("\n- {channel}: ")), "{channel}");
        assert!(markdown.contains(&format!("\n| {channel} | ")), "{channel}");
    }
    assert!(text.contains("Agents needed: 0 → "), "{text}");
    assert!(markdown.contains("| Agents needed | 0 | "));
}

#[test]
fn diff_needs_two_plans() {
    let plan = template_file("diff-needs", "fintech");
    let plan = plan.to_str().unwrap();
    assert_refused(&support_ops(&["diff", plan]), "`diff` needs 2 files");
    assert_refused(
        &support_ops(&["diff", plan, plan, plan]),
        "unexpected extra argument",
    );
    assert_refused(
        &support_ops(&["diff", plan, plan, "--format", "json"]),
        "diff prints text or markdown",
    );
    assert_refused(
        &support_ops(&["diff", plan, "/no/such.json"]),
        "cannot read /no/such.json",
    );
    let same = support_ops(&["diff", plan, plan]);
    assert_eq!(same.status.code(), Some(0));
    assert!(stdout(&same).contains("Fixed (0):\n(none)\nIntroduced (0):\n(none)\n"));
}

#[test]
fn the_assessment_renders_as_a_section_in_every_format() {
    let file = template_file("assess", "b2b-saas");
    let file = file.to_str().unwrap();
    let text = stdout(&support_ops(&["render", file, "--section", "assess"]));
    assert!(text.starts_with("ASSESSMENT\n────"), "{text}");
    assert!(text.contains("\nPain: Customers wait most of a working day for a first reply\n"));
    let markdown = stdout(&support_ops(&[
        "render", file, "-s", "assess", "-f", "markdown",
    ]));
    assert!(markdown.starts_with("## Assessment\n"), "{markdown}");
    let json = stdout(&support_ops(&[
        "render", file, "-s", "assess", "-f", "json",
    ]));
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON");
    assert_eq!(
        value["assess"]["goals"][0]["metric"], "first_response",
        "{json}"
    );
}

/// A template plan rostered on one Mon–Fri day shift named like a formula: the CSV neutralises
/// the name, its people add up to the JSON's, and every hour's need is met or named.
#[test]
fn shifts_prints_the_roster_in_each_format() {
    let mut plan = templates::by_id("b2b-saas").unwrap();
    plan.staffing.roster.templates = support_ops::shifts::default_templates();
    plan.staffing.roster.templates[1].name = "=HYPERLINK(\"x\")".into();
    let path = scratch_file("shifts", "plan.json", to_json(&plan).as_bytes());
    let path = path.to_str().unwrap();
    let json = support_ops(&["shifts", path, "--format", "json"]);
    assert_eq!(json.status.code(), Some(0), "{}", stderr(&json));
    let roster: serde_json::Value = serde_json::from_str(&stdout(&json)).unwrap();
    let people = roster["people"].as_u64().unwrap();
    let on_shift = roster["on_shift"].as_array().unwrap();
    let need = roster["need"].as_array().unwrap();
    assert!(on_shift
        .iter()
        .zip(need)
        .all(|(o, n)| o.as_u64() >= n.as_u64()));
    assert!(roster["bound_people"].as_u64().unwrap() <= people);

    let csv = stdout(&support_ops(&["shifts", path, "--format", "csv"]));
    let mut lines = csv.lines();
    assert!(lines
        .next()
        .unwrap()
        .starts_with("team,shift,start,end,days,mon"));
    let mut total = 0;
    for line in lines {
        assert!(!line.contains(",=") && !line.starts_with('='), "{line}");
        // `people` is the 13th column; the formula-like name is quoted, so count from the end.
        let cells: Vec<&str> = line.rsplitn(3, ',').collect();
        total += cells[2].rsplit(',').next().unwrap().parse::<u64>().unwrap();
    }
    assert_eq!(total, people);
    assert!(csv.contains("'=HYPERLINK"), "{csv}");

    let text = stdout(&support_ops(&["shifts", path]));
    assert!(text.starts_with("STAFFING ROSTER"), "{text}");
    assert!(text.contains(&format!("{people} people")), "{text}");
    assert_refused(
        &support_ops(&["shifts", path, "--format", "pdf"]),
        "not \"pdf\"",
    );
}

#[test]
fn forecast_reads_a_series_and_sets_the_plan_from_it() {
    // Two years of a flat 1,000 a month on email and 500 on chat: both forecast flat.
    let months: Vec<String> = (0..24)
        .map(|i| format!("[{}, {}]", 2024 + i / 12, i % 12 + 1))
        .collect();
    let series = format!(
        "{{\"months\": [{}], \"per_channel\": [[\"Email\", [{}]], [\"Chat\", [{}]]]}}",
        months.join(", "),
        vec!["1000"; 24].join(", "),
        vec!["500"; 24].join(", ")
    );
    let series = scratch_file("forecast", "series.json", series.as_bytes());
    let plan = template_file("forecast", "b2b-saas");
    let (series, plan) = (series.to_str().unwrap(), plan.to_str().unwrap());
    let text = stdout(&support_ops(&["forecast", series, "--plan", plan]));
    assert!(text.contains("missed the last 3 months by 0.0 %"), "{text}");
    let updated = support_ops(&["forecast", series, "--plan", plan, "--format", "plan"]);
    let updated = from_json(&stdout(&updated)).unwrap();
    // 1,500 a month: email two thirds, chat one third.
    assert_eq!(updated.header.monthly_volume, 1500);
    let share = |name: &str| {
        updated
            .channels
            .iter()
            .find(|c| c.name == name)
            .unwrap()
            .volume_share
    };
    assert_eq!((share("Email"), share("Chat")), (66.7, 33.3));
    assert_refused(
        &support_ops(&["forecast", series, "--months", "24"]),
        "3 to 12",
    );
}

fn history_fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/history/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

#[test]
fn history_prints_the_measured_figures_in_each_format() {
    let plan = template_file("history", "b2b-saas");
    let plan = plan.to_str().unwrap();
    let export = history_fixture("zendesk-page-metrics.json");
    let text = support_ops(&["history", &export, "--plan", plan]);
    assert_eq!(text.status.code(), Some(0), "{}", stderr(&text));
    let text = stdout(&text);
    assert!(
        text.starts_with("TICKET HISTORY: TODAY, MEASURED\n"),
        "{text}"
    );
    assert!(
        text.contains("Period: 2025-03-06 to 2025-03-10 (5 days)"),
        "{text}"
    );
    assert!(
        text.contains("CSAT (good of rated): 66.7 % (2 of 3)"),
        "{text}"
    );
    let markdown = stdout(&support_ops(&[
        "history", &export, "--plan", plan, "--format", "markdown",
    ]));
    assert!(markdown.starts_with("# Today, measured\n"), "{markdown}");
    let json = stdout(&support_ops(&["history", &export, "--format", "json"]));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["summary"]["tickets"], 5);
    // Aggregates only: no subject or description reaches the output.
    assert!(!json.contains("Cannot log in") && !json.contains("ana@example.com"));
}

#[test]
fn history_refuses_a_file_that_is_not_tickets() {
    let output = support_ops(&["history", &history_fixture("not-tickets.csv")]);
    assert_refused(&output, "does not look like a ticket export");
    assert_refused(&support_ops(&["history"]), "needs at least one export file");
}

/// Names from an imported file reach the terminal without their control characters: an escape
/// sequence in a schedule's name (ESC ] 52, which sets the clipboard; ESC [ 2 J, which clears
/// the screen) is not echoed to stderr, nor in `check`'s report of the plan made from it.
#[test]
fn control_characters_from_imported_files_are_not_echoed_to_the_terminal() {
    let schedule = "{\"schedules\": [{\"name\": \"Office\\u001b]52;c;aGk=\\u0007\", \"time_zone\": \"Mars/Base\\u001b[2J\", \"intervals\": []},
        {\"name\": \"Office\\u001b]52;c;aGk=\\u0007\", \"time_zone\": \"UTC\", \"intervals\": []}]}";
    let path = scratch_file("control_characters", "schedules.json", schedule.as_bytes());
    let output = support_ops(&["import", path.to_str().expect("a path")]);
    assert!(output.status.success(), "{}", stderr(&output));
    let said = stderr(&output);
    assert!(
        said.contains("imported as \"Office]52;c;aGk= (2)\""),
        "{said}"
    );
    assert!(
        !said.contains('\u{1b}') && !said.contains('\u{7}'),
        "{said:?}"
    );
    let plan = scratch_file("control_characters", "plan.json", &output.stdout);
    let checked = support_ops(&["check", plan.to_str().expect("a path")]);
    let report = stdout(&checked);
    assert!(report.contains("CAL-003"), "{report}");
    assert!(
        !report.contains('\u{1b}') && !report.contains('\u{7}'),
        "{report:?}"
    );
}
