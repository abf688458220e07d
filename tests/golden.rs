//! Golden files: every renderer on every starter template, three section renders, and the schema.
//! `UPDATE_GOLDEN=1 cargo test --test golden` rewrites them; read the diff before committing.

use std::path::PathBuf;

use support_ops::plan::templates;
use support_ops::render::{render, Format, Section};

fn golden_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden")
}

/// Compares `actual` with the golden file, or rewrites it under `UPDATE_GOLDEN=1`.
fn assert_golden(name: &str, actual: &str) {
    let path = golden_dir().join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "cannot read {}: {error}; run UPDATE_GOLDEN=1 cargo test --test golden",
            path.display()
        )
    });
    if expected != actual {
        let line = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from its golden file at line {}:\n  golden: {:?}\n  now:    {:?}\n\
             If the change is intended, run UPDATE_GOLDEN=1 cargo test --test golden and read the diff.",
            line + 1,
            expected.lines().nth(line),
            actual.lines().nth(line)
        );
    }
}

#[test]
fn every_template_in_every_format() {
    let all = templates::all();
    assert_eq!(all.len(), 5, "the five starter templates all load");
    for template in all {
        for format in Format::ALL {
            let name = format!("{}.{}", template.id, format.file_extension());
            assert_golden(&name, &render(&template.plan, format, Section::Full));
        }
    }
}

#[test]
fn quick_command_sections_of_one_template() {
    let plan = templates::by_id("b2b-saas").unwrap();
    for section in [Section::Escalation, Section::Sla, Section::Automation] {
        for format in [Format::Text, Format::Markdown] {
            let name = format!("b2b-saas.{}.{}", section.name(), format.file_extension());
            assert_golden(&name, &render(&plan, format, section));
        }
    }
}

#[test]
fn a_section_render_is_the_same_block_as_in_the_full_document() {
    for template in templates::all() {
        let full = render(&template.plan, Format::Text, Section::Full);
        for section in Section::ALL.into_iter().skip(1) {
            let block = render(&template.plan, Format::Text, section);
            assert!(
                full.contains(&block),
                "{} {}: the section render is not the block of the full document",
                template.id,
                section.name()
            );
        }
    }
}

#[test]
fn json_export_loads_back_as_the_same_plan() {
    for template in templates::all() {
        let json = render(&template.plan, Format::Json, Section::Full);
        assert_eq!(
            support_ops::plan::json::from_json(&json).as_ref(),
            Ok(&template.plan),
            "{}",
            template.id
        );
    }
}

#[cfg(feature = "schema")]
#[test]
fn shipped_schema_matches_the_types() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/plan.schema.json");
    let shipped = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        shipped == support_ops::render::json_schema(),
        "public/plan.schema.json is out of date with the plan types. Update it with:\n  \
         cargo run --bin support-ops -- schema > public/plan.schema.json"
    );
}

/// b2b-saas rostered on shifts of its own (a weekday-only day shift among them, any two days
/// off): the document carries its STAFFING ROSTER part. The search proves its answer the
/// cheapest, so the golden does not depend on when a search stops.
#[test]
fn a_rostered_plan_carries_its_staffing_roster() {
    let mut plan = templates::by_id("b2b-saas").unwrap();
    plan.staffing.roster = serde_json::from_str(
        r#"{
            "templates": [
                {"name": "Early", "start": "06:00", "length": "8h30m", "unpaid_break": "30m"},
                {"name": "Office", "start": "09:00", "length": "8h30m", "unpaid_break": "30m",
                 "days": ["mon", "tue", "wed", "thu", "fri"]},
                {"name": "Late", "start": "13:00", "length": "8h30m", "unpaid_break": "30m"},
                {"name": "Night", "start": "21:30", "length": "8h30m", "unpaid_break": "30m"}
            ],
            "pattern": {"days_per_week": 5, "consecutive_days_off": false}
        }"#,
    )
    .unwrap();
    let roster = support_ops::shifts::roster_of(&plan, &mut |_, _| true).unwrap();
    assert!(roster.proven_optimal, "{}", roster.gap_sentence());
    for format in [Format::Text, Format::Markdown] {
        let name = format!("b2b-saas-rostered.{}", format.file_extension());
        assert_golden(&name, &render(&plan, format, Section::Full));
    }
}
