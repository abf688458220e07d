//! The command line over the plan core: check, render, import, diff, templates and schema.
//! Exit codes: 0 fine, 1 the plan has errors, 2 the command could not run.

#[path = "support-ops/planning.rs"]
mod planning;

use std::fmt::Write as _;
use std::io::{Read, Write};
use std::process::ExitCode;

use support_ops::diff::{compare, to_markdown, to_text};
use support_ops::import::{import, SourceFile};
use support_ops::plan::generate::{large_plan, PlanSize};
use support_ops::plan::json::{from_json, text_from_bytes, to_json, LoadError};
use support_ops::plan::{templates, Plan};
use support_ops::render::{
    helpdesk, json_schema, render_with, terminal_line, Format, Given, Section,
};
use support_ops::rules::{check, Finding, Severity};

const USAGE: &str = "\
support-ops — check and export a Support Operations Plan

USAGE:
  support-ops check FILE [--format text|json]
      List the plan's findings. Exit 1 if any is an error.
  support-ops render FILE [--format text|markdown|json] [--section NAME]
      Print the plan (default: text, the whole plan).
  support-ops render FILE --format zendesk|freshdesk|taxonomy-csv
      Print helpdesk configuration; what the helpdesk cannot hold goes to stderr.
      Sections: full, assess, channels, tiers, taxonomy, sla, escalation, self-service,
      automation, metrics, feedback, customer-success, roadmap.
  support-ops import FILE...
      Read today's Zendesk or Freshdesk configuration (the JSON its API returns for
      SLA policies, schedules or business hours, holidays and groups) into a new plan,
      printed as plan JSON; what could not be mapped goes to stderr.
  support-ops history FILE... [--plan PLAN] [--format text|markdown|json] [--mapping MAPPING]
      Read ticket exports (Zendesk incremental export JSON pages, a Freshdesk or any
      ticket CSV) as a stream and print today's figures: volumes, arrivals, first reply
      and resolution times, and the replay of every ticket against the plan's SLA
      policies. --mapping reads CSV columns as a saved column mapping (the JSON output's
      mapping). Nothing but aggregates is printed.
  support-ops diff OLD NEW [--format text|markdown]
      Compare two plans: SLA targets, channels and hours, staffing, findings.
  support-ops shifts FILE [--format text|markdown|csv|json]
      The shift plan: people per shift template and working days so that every hour
      has the agents the staffing maths needs after shrinkage, at the fewest paid
      hours, with the proven lower bound (31 people; no plan can do it with fewer
      than 30). Searches for at most 2 seconds. CSV is for a WFM or HR tool.
  support-ops shifts --bench [--format json]
      Time the shift search and its gap on three sizes (json: the first size's need).
  support-ops forecast SERIES [--plan FILE] [--months 3-12] [--format text|json|plan]
      Forecast monthly volume per channel from a monthly series (JSON: months as
      [year, month], per_channel as [name, [values]], optional events), each channel
      by the method its backtest favours, with the backtest error. With --plan, the
      plan's volume and channel mix set from the busiest forecast month (plan: the
      updated plan as JSON).
  support-ops templates
      List the starter templates.
  support-ops template NAME
      Print a starter template as plan JSON (save it and edit it).
  support-ops generate CATEGORIES
      Print a large generated plan (seeded, realistic) with that many categories,
      for trying the app and the checks at enterprise scale.
  support-ops schema
      Print the JSON Schema of a plan file.
  support-ops help
      Show this help.

FILE may be - to read the plan from standard input.

EXIT CODES:
  0  done (check: no errors; warnings may remain)
  1  check found at least one error
  2  the command could not run: bad arguments, unreadable file, not a plan
";

/// Why a command could not run; printed to stderr with exit code 2.
struct Failure(String);

impl<T: Into<String>> From<T> for Failure {
    fn from(message: T) -> Self {
        Failure(message.into())
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(Failure(message)) => {
            // Names from files can hold escape sequences: every line is printed safe.
            let lines: Vec<String> = message.lines().map(terminal_line).collect();
            eprintln!("support-ops: {}", lines.join("\n"));
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Failure> {
    let Some((command, rest)) = args.split_first() else {
        print(USAGE)?;
        return Ok(ExitCode::from(2));
    };
    let options = Options::parse(rest)?;
    match command.as_str() {
        "check" => check_command(&options),
        "import" => import_command(&options),
        "diff" => diff_command(&options),
        "history" => history_command(&options),
        "render" => render_command(&options),
        "shifts" => shifts_command(&options),
        "forecast" => forecast_command(&options),
        "templates" => {
            options.expect_no_file(command)?;
            let mut listing = String::new();
            for template in templates::all() {
                let _ = writeln!(listing, "{:<12} {}", template.id, template.title);
            }
            print(&listing)?;
            Ok(ExitCode::SUCCESS)
        }
        "template" => {
            let name = options.file(command, "NAME")?;
            let plan = templates::starter(name).ok_or_else(|| {
                let ids: Vec<&str> = templates::ids().collect();
                format!(
                    "there is no template \"{name}\"; choose one of: {}",
                    ids.join(", ")
                )
            })?;
            print(&to_json(&plan))?;
            Ok(ExitCode::SUCCESS)
        }
        "generate" => {
            let count = options.file(command, "CATEGORIES")?;
            let categories: usize = count
                .parse()
                .ok()
                .filter(|n| (1..=100_000).contains(n))
                .ok_or_else(|| {
                    format!("\"{count}\" is not a number of categories from 1 to 100000")
                })?;
            let size = if categories == PlanSize::LARGE.categories {
                PlanSize::LARGE
            } else {
                PlanSize::with_categories(categories)
            };
            print(&to_json(&large_plan(1, size)))?;
            Ok(ExitCode::SUCCESS)
        }
        "schema" => {
            options.expect_no_file(command)?;
            print(&json_schema())?;
            Ok(ExitCode::SUCCESS)
        }
        "help" | "--help" | "-h" => {
            print(USAGE)?;
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Failure(format!(
            "unknown command \"{other}\"; run `support-ops help` for the list"
        ))),
    }
}

/// The arguments after the command: one positional (file or name) and `--format` / `--section`.
#[derive(Default)]
struct Options {
    /// Files or names, in the order given.
    positionals: Vec<String>,
    format: Option<String>,
    section: Option<String>,
    /// `--plan FILE` (forecast, history).
    plan: Option<String>,
    /// `--months N` (forecast).
    months: Option<String>,
    /// `--bench` (shifts).
    bench: bool,
    /// `--mapping FILE` (history: a saved CSV column mapping).
    mapping: Option<String>,
}

impl Options {
    fn parse(args: &[String]) -> Result<Options, Failure> {
        let mut options = Options::default();
        let mut args = args.iter();
        while let Some(arg) = args.next() {
            let (flag, inline_value) = match arg.split_once('=') {
                Some((flag, value)) if flag.starts_with("--") => (flag, Some(value.to_string())),
                _ => (arg.as_str(), None),
            };
            if flag == "--bench" {
                options.bench = true;
                continue;
            }
            let slot = match flag {
                "--format" | "-f" => &mut options.format,
                "--months" => &mut options.months,
                "--section" | "-s" => &mut options.section,
                "--plan" | "-p" => &mut options.plan,
                "--mapping" => &mut options.mapping,
                _ if arg.starts_with('-') && arg != "-" => {
                    return Err(Failure(format!(
                        "unknown option \"{arg}\"; run `support-ops help`"
                    )))
                }
                _ => {
                    options.positionals.push(arg.clone());
                    continue;
                }
            };
            let value = match inline_value {
                Some(value) => value,
                None => args
                    .next()
                    .cloned()
                    .ok_or_else(|| format!("{flag} needs a value"))?,
            };
            *slot = Some(value);
        }
        Ok(options)
    }

    fn file(&self, command: &str, what: &str) -> Result<&str, Failure> {
        match self.positionals.as_slice() {
            [] => Err(Failure(format!(
                "`{command}` needs a {what}: support-ops {command} {what}"
            ))),
            [one] => Ok(one),
            [_, extra, ..] => Err(Failure(format!("unexpected extra argument \"{extra}\""))),
        }
    }

    /// Exactly `names.len()` files, for commands that take several.
    fn files(&self, command: &str, names: &[&str]) -> Result<&[String], Failure> {
        let usage = || format!("support-ops {command} {}", names.join(" "));
        match self.positionals.len() {
            n if n < names.len() => Err(Failure(format!(
                "`{command}` needs {} files: {}",
                names.len(),
                usage()
            ))),
            n if n > names.len() => Err(Failure(format!(
                "unexpected extra argument \"{}\"; {}",
                self.positionals[names.len()],
                usage()
            ))),
            _ => Ok(&self.positionals),
        }
    }

    fn expect_no_file(&self, command: &str) -> Result<(), Failure> {
        match self.positionals.first() {
            Some(extra) => Err(Failure(format!(
                "`{command}` takes no argument, but got \"{extra}\""
            ))),
            None => Ok(()),
        }
    }

    fn section(&self) -> Result<Section, Failure> {
        let Some(name) = &self.section else {
            return Ok(Section::Full);
        };
        Section::from_name(name).ok_or_else(|| {
            let names: Vec<&str> = Section::ALL.iter().map(|s| s.name()).collect();
            Failure(format!(
                "unknown section \"{name}\"; choose one of: {}",
                names.join(", ")
            ))
        })
    }
}

/// Reads the text at `path` (`-` for standard input), with the name to call it by: UTF-8 with or
/// without a byte-order mark, or UTF-16, as the app reads plan files. `not_text` says what is
/// wrong when the file is not such text.
fn read_text(
    path: &str,
    not_text: impl FnOnce(&str, LoadError) -> String,
) -> Result<(String, String), Failure> {
    let name = if path == "-" { "standard input" } else { path };
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::read(path).map(|contents| bytes = contents)
    };
    read.map_err(|error| format!("cannot read {name}: {error}"))?;
    let text = text_from_bytes(&bytes).map_err(|error| Failure(not_text(name, error)))?;
    Ok((name.to_string(), text))
}

/// Reads and loads the plan at `path` (`-` for standard input).
fn load(path: &str) -> Result<Plan, Failure> {
    let (name, text) = read_text(path, |name, error| {
        format!("{name} is not a readable plan: {error}")
    })?;
    from_json(&text).map_err(|error| Failure(format!("{name} is not a readable plan: {error}")))
}

/// `history FILE... --plan PLAN`: the files read in chunks (constant memory), then the summary
/// and the replay against the plan.
fn history_command(options: &Options) -> Result<ExitCode, Failure> {
    use support_ops::history::{self, HistoryReader, HistoryReport, ReadOptions};
    if options.positionals.is_empty() {
        return Err(Failure::from(
            "`history` needs at least one export file: support-ops history FILE... --plan PLAN",
        ));
    }
    let plan = match &options.plan {
        Some(path) => load(path)?,
        None => Plan::blank(),
    };
    let mapping = match &options.mapping {
        Some(path) => {
            let (name, text) = read_text(path, |name, error| {
                format!("{name} is not a column mapping: {error}")
            })?;
            Some(
                serde_json::from_str(&text)
                    .map_err(|error| format!("{name} is not a column mapping: {error}"))?,
            )
        }
        None => None,
    };
    let mut reader = HistoryReader::new(ReadOptions {
        mapping,
        default_zone: history::writer_zone(&plan).to_string(),
        ..ReadOptions::default()
    });
    for path in &options.positionals {
        read_export(&mut reader, path)?;
    }
    let history = reader.finish().map_err(|error| error.to_string())?;
    let report = HistoryReport::of(&history, &plan);
    let text = match options.format.as_deref().unwrap_or("text") {
        "text" => history::to_text(&report),
        "markdown" | "md" => history::to_markdown(&report),
        "json" => serde_json::to_string_pretty(&report).map_err(|e| e.to_string())? + "\n",
        other => {
            return Err(Failure(format!(
                "unknown format \"{other}\" for history; use text, markdown or json"
            )))
        }
    };
    print(&text)?;
    Ok(ExitCode::SUCCESS)
}

/// Feeds one export file to the reader in 1 MB chunks.
fn read_export(
    reader: &mut support_ops::history::HistoryReader,
    path: &str,
) -> Result<(), Failure> {
    let name = if path == "-" { "standard input" } else { path };
    let mut input: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|error| format!("cannot read {name}: {error}"))?)
    };
    let failed = |error: support_ops::history::ReadError| Failure(format!("{name}: {error}"));
    reader.begin_file(name).map_err(failed)?;
    let mut chunk = vec![0u8; 1 << 20];
    loop {
        let read = input
            .read(&mut chunk)
            .map_err(|error| format!("cannot read {name}: {error}"))?;
        if read == 0 {
            break;
        }
        reader.feed(&chunk[..read]).map_err(failed)?;
    }
    reader.end_file().map_err(failed)?;
    Ok(())
}

/// `diff OLD NEW`: the comparison as text or Markdown.
fn diff_command(options: &Options) -> Result<ExitCode, Failure> {
    if options.section.is_some() {
        return Err(Failure(
            "`diff` compares whole plans and takes no --section".to_string(),
        ));
    }
    let [old, new] = options.files("diff", &["OLD", "NEW"])? else {
        return Err(Failure(
            "`diff` needs two files: support-ops diff OLD NEW".to_string(),
        ));
    };
    if old == "-" && new == "-" {
        return Err(Failure(
            "standard input (-) can be read once only".to_string(),
        ));
    }
    let comparison = compare(&load(old)?, &load(new)?);
    let document = match options.format.as_deref().map(Format::from_name) {
        None | Some(Some(Format::Text)) => to_text(&comparison),
        Some(Some(Format::Markdown)) => to_markdown(&comparison),
        _ => {
            return Err(Failure(format!(
                "diff prints text or markdown, not \"{}\"",
                options.format.as_deref().unwrap_or_default()
            )))
        }
    };
    print(&document)?;
    Ok(ExitCode::SUCCESS)
}

/// `import FILE...`: the plan on stdout; what each file is, and what was not mapped, on stderr.
fn import_command(options: &Options) -> Result<ExitCode, Failure> {
    if options.format.is_some() || options.section.is_some() {
        return Err(Failure(
            "`import` takes no --format or --section: it always prints plan JSON".to_string(),
        ));
    }
    if options.positionals.is_empty() {
        return Err(Failure(
            "`import` needs the JSON files your helpdesk's API returned: support-ops import FILE..."
                .to_string(),
        ));
    }
    if options.positionals.iter().filter(|p| *p == "-").count() > 1 {
        return Err(Failure(
            "standard input (-) can be read once only".to_string(),
        ));
    }
    let texts = options
        .positionals
        .iter()
        .map(|path| {
            read_text(path, |name, _| {
                format!(
                    "{name} is not a helpdesk export: it is not UTF-8 or UTF-16 text (it should be \
                     a JSON file)"
                )
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let files: Vec<SourceFile> = texts
        .iter()
        .map(|(name, text)| SourceFile { name, text })
        .collect();
    let imported =
        import(&files).map_err(|error| Failure(format!("nothing was imported:\n{error}")))?;
    for file in &imported.files {
        eprintln!(
            "{}",
            terminal_line(&format!("{}: {}", file.file, file.describe()))
        );
    }
    for line in &imported.report {
        eprintln!("note: {}", terminal_line(&line.to_string()));
    }
    print(&to_json(&imported.plan))?;
    Ok(ExitCode::SUCCESS)
}

fn check_command(options: &Options) -> Result<ExitCode, Failure> {
    let path = options.file("check", "FILE")?;
    let plan = load(path)?;
    let findings = check(&plan);
    match options.format.as_deref().unwrap_or("text") {
        "text" => print(&findings_as_text(path, &findings))?,
        "json" => {
            let mut json = serde_json::to_string_pretty(&findings)
                .map_err(|error| format!("cannot write findings as JSON: {error}"))?;
            json.push('\n');
            print(&json)?;
        }
        other => {
            return Err(Failure(format!(
                "check prints findings as text or json, not \"{other}\""
            )))
        }
    }
    let has_errors = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if has_errors {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// `ERROR SLA-002 sla[1].resolution: message` + `  hint: …` per finding, then a summary line.
fn findings_as_text(path: &str, findings: &[Finding]) -> String {
    let mut out = String::new();
    let mut counts = [0usize; 3];
    for finding in findings {
        counts[finding.severity as usize] += 1;
        let severity = finding.severity.label().to_uppercase();
        let _ = writeln!(
            out,
            "{severity} {} {}: {}",
            finding.rule,
            terminal_line(finding.path.as_str()),
            terminal_line(&finding.message)
        );
        if !finding.hint.is_empty() {
            let _ = writeln!(out, "  hint: {}", terminal_line(&finding.hint));
        }
    }
    let name = if path == "-" { "the plan" } else { path };
    if findings.is_empty() {
        let _ = writeln!(out, "{name}: no problems found");
    } else {
        let plural = |n: usize| if n == 1 { "" } else { "s" };
        let [errors, warnings, info] = counts;
        let _ = writeln!(
            out,
            "{name}: {errors} error{}, {warnings} warning{}, {info} info",
            plural(errors),
            plural(warnings)
        );
    }
    out
}

fn render_command(options: &Options) -> Result<ExitCode, Failure> {
    let path = options.file("render", "FILE")?;
    let section = options.section()?;
    let format = options.format.as_deref().unwrap_or("text");
    let plan = load(path)?;
    print(&render_as(&plan, format, section)?)?;
    Ok(ExitCode::SUCCESS)
}

/// Helpdesk configuration exports `render --format` also accepts: name and renderer.
/// They always export the whole plan, so `--section` does not apply to them.
const HELPDESK_EXPORTS: &[(&str, Export)] = &[
    ("zendesk", helpdesk::zendesk),
    ("freshdesk", helpdesk::freshdesk),
    ("taxonomy-csv", helpdesk::taxonomy_csv),
];

/// A whole-plan export to one helpdesk's import format, with its report of what did not fit.
type Export = fn(&Plan) -> helpdesk::HelpdeskExport;

fn render_as(plan: &Plan, format: &str, section: Section) -> Result<String, Failure> {
    if let Some(format) = Format::from_name(format) {
        // The STAFFING ROSTER part says what `shifts` says: the same search, the same clock.
        let roster = (section == Section::Full && !plan.staffing.roster.is_empty())
            .then(|| planning::roster_answer(plan));
        let given = Given {
            roster: roster.as_ref(),
            ..Default::default()
        };
        return Ok(render_with(plan, format, section, given));
    }
    if let Some((_, export)) = HELPDESK_EXPORTS.iter().find(|(name, _)| *name == format) {
        let export = export(plan);
        // What the helpdesk cannot express goes to stderr, so stdout stays an importable file.
        for line in &export.report {
            eprintln!("note: {}", terminal_line(line));
        }
        return Ok(export.body);
    }
    let names: Vec<&str> = Format::ALL
        .iter()
        .map(|f| f.name())
        .chain(HELPDESK_EXPORTS.iter().map(|(name, _)| *name))
        .collect();
    Err(Failure(format!(
        "unknown format \"{format}\"; choose one of: {}",
        names.join(", ")
    )))
}

fn shifts_command(options: &Options) -> Result<ExitCode, Failure> {
    if options.bench {
        options.expect_no_file("shifts --bench")?;
        return match options.format.as_deref() {
            Some("json") => print(&planning::bench_need_json()).map(|()| ExitCode::SUCCESS),
            _ => print(&planning::bench()).map(|()| ExitCode::SUCCESS),
        };
    }
    let plan = load(options.file("shifts", "FILE")?)?;
    let format = options.format.as_deref().unwrap_or("text");
    print(&planning::shifts_plan(&plan, format)?)?;
    Ok(ExitCode::SUCCESS)
}

fn forecast_command(options: &Options) -> Result<ExitCode, Failure> {
    let path = options.file("forecast", "SERIES")?;
    let (_, text) = read_text(path, |name, error| {
        format!("{name} is not readable text: {error}")
    })?;
    let plan = options.plan.as_deref().map(load).transpose()?;
    let months = match options.months.as_deref() {
        None => 3,
        Some(value) => value
            .parse()
            .map_err(|_| format!("--months takes a number from 3 to 12, not \"{value}\""))?,
    };
    let format = options.format.as_deref().unwrap_or("text");
    print(&planning::forecast_report(
        &text,
        plan.as_ref(),
        months,
        format,
    )?)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes to stdout; a closed pipe (`| head`) is not worth a panic.
fn print(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure(format!("cannot write the output: {error}"))),
    }
}
