//! Native timings of the plan core: validation and every renderer by plan size (10 to 10,000
//! categories), so growth with plan size is visible. Run by `scripts/bench.sh` or `cargo bench --no-default-features --features schema --bench core`.

use divan::{black_box, Bencher};
use support_ops::capacity::staffing::ready;
use support_ops::plan::generate::{large_plan, PlanSize};
use support_ops::plan::Plan;
use support_ops::render::{capacity_summary_given, render, render_with, Format, Given, Section};
use support_ops::rules;

const SIZES: [usize; 4] = [10, 100, 1_000, 10_000];

fn main() {
    divan::main();
}

fn plan_of(categories: usize) -> Plan {
    large_plan(42, PlanSize::with_categories(categories))
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn validate(bencher: Bencher, categories: usize) {
    let plan = plan_of(categories);
    bencher.bench_local(|| rules::check(black_box(&plan)).len());
}

/// The rules without the staffing maths: what a keystroke re-runs unless staffing inputs change.
#[divan::bench(args = SIZES, sample_count = 30)]
fn validate_without_staffing(bencher: Bencher, categories: usize) {
    let plan = plan_of(categories);
    bencher.bench_local(|| rules::check_without_staffing(black_box(&plan)).len());
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn render_text(bencher: Bencher, categories: usize) {
    let plan = plan_of(categories);
    bencher.bench_local(|| render(black_box(&plan), Format::Text, Section::Full));
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn render_markdown(bencher: Bencher, categories: usize) {
    let plan = plan_of(categories);
    bencher.bench_local(|| render(black_box(&plan), Format::Markdown, Section::Full));
}

#[divan::bench(args = SIZES, sample_count = 30)]
fn render_json(bencher: Bencher, categories: usize) {
    let plan = plan_of(categories);
    bencher.bench_local(|| render(black_box(&plan), Format::Json, Section::Full));
}

/// What a change to the plan costs: every rule and the whole text document, the staffing maths
/// run once and shared by the staffing rules and the Capacity part, as the designer does.
#[divan::bench(args = SIZES, sample_count = 30)]
fn validate_and_render_text(bencher: Bencher, categories: usize) {
    let plan = plan_of(categories);
    bencher.bench_local(|| {
        let plan = black_box(&plan);
        let staffed = ready(plan);
        let findings = rules::combine(
            rules::check_without_staffing(plan),
            rules::check_staffing_given(plan, &staffed),
        );
        let capacity = capacity_summary_given(plan, &staffed);
        (
            findings,
            render_with(
                plan,
                Format::Text,
                Section::Full,
                Given {
                    capacity: Some(&capacity),
                    ..Given::default()
                },
            ),
        )
    });
}
