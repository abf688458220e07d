//! A short, bounded run of the fuzz targets' inputs (`fuzz/`, run for long with cargo-fuzz on
//! nightly): random bytes, damaged plan files, damaged links and list bombs never panic, never
//! open a plan over the limits, and whatever opens reopens unchanged.

use proptest::prelude::*;
use proptest::sample::select;

use support_ops::fuzzing::{check_import, check_link_text, check_packed_plan};
use support_ops::plan::json::{from_outside, to_json};
use support_ops::plan::limits::PLAN_FROM_OUTSIDE;
use support_ops::plan::templates;
use support_ops::share::share_link;

fn template_texts() -> Vec<String> {
    templates::all().iter().map(|t| to_json(&t.plan)).collect()
}

fn template_links() -> Vec<String> {
    templates::all()
        .iter()
        .map(|t| share_link("https://x.test/app/", &t.plan))
        .collect()
}

/// One change to a text: a byte replaced, a stretch removed or repeated, bytes put in, or the end cut.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(usize, u8),
    Remove(usize, usize),
    Repeat(usize, usize, usize),
    Insert(usize, Vec<u8>),
    Truncate(usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(at, byte)| Mutation::Replace(at, byte)),
        (any::<usize>(), 0usize..64).prop_map(|(at, len)| Mutation::Remove(at, len)),
        (any::<usize>(), 1usize..32, 1usize..2_000)
            .prop_map(|(at, len, times)| Mutation::Repeat(at, len, times)),
        (
            any::<usize>(),
            prop::collection::vec(
                select(b"{}[],:\"\\0123456789.-eE truefalsn\xff\xfe\xef\xbb\xbf%AZaz_".to_vec()),
                1..16
            )
        )
            .prop_map(|(at, bytes)| Mutation::Insert(at, bytes)),
        any::<usize>().prop_map(Mutation::Truncate),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for change in mutations {
        let len = bytes.len().max(1);
        match change {
            Mutation::Replace(at, byte) => {
                if let Some(slot) = bytes.get_mut(at % len) {
                    *slot = *byte;
                }
            }
            Mutation::Remove(at, count) => {
                let start = (at % len).min(bytes.len());
                let end = (start + count).min(bytes.len());
                bytes.drain(start..end);
            }
            Mutation::Repeat(at, count, times) => {
                let start = (at % len).min(bytes.len());
                let end = (start + count).min(bytes.len());
                let stretch = bytes[start..end].repeat(*times);
                bytes.splice(end..end, stretch);
            }
            Mutation::Insert(at, inserted) => {
                let at = (at % len).min(bytes.len());
                bytes.splice(at..at, inserted.iter().copied());
            }
            Mutation::Truncate(at) => bytes.truncate(at % len),
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic_as_a_file_or_a_link(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        check_import(&bytes);
        check_link_text(&String::from_utf8_lossy(&bytes));
        check_packed_plan(&bytes);
    }

    #[test]
    fn damaged_plan_files_never_panic_nor_open_too_large(
        which in 0usize..4,
        changes in prop::collection::vec(mutation(), 1..6),
    ) {
        let texts = template_texts();
        let damaged = mutate(texts[which % texts.len()].clone().into_bytes(), &changes);
        check_import(&damaged);
        check_packed_plan(&damaged);
    }

    #[test]
    fn damaged_links_never_panic(
        which in 0usize..4,
        changes in prop::collection::vec(mutation(), 1..6),
    ) {
        let links = template_links();
        let damaged = mutate(links[which % links.len()].clone().into_bytes(), &changes);
        check_link_text(&String::from_utf8_lossy(&damaged));
    }
}

proptest! {
    // Each case builds thousands of entries: fewer cases cover the edges of every limit.
    #![proptest_config(ProptestConfig { cases: 24, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn list_bombs_open_exactly_up_to_their_limit(
        list in select(vec![("channels", 200usize), ("taxonomy", 5_000), ("priorities", 50), ("tiers", 100)]),
        extra in 0usize..3,
        under in any::<bool>(),
    ) {
        let (key, limit) = list;
        let count = if under { limit - extra } else { limit + 1 + extra };
        let json = format!(
            r#"{{"schema_version":2,"header":{{}},"{key}":[{}]}}"#,
            vec!["{}"; count].join(",")
        );
        let opened = from_outside(json.as_bytes(), &PLAN_FROM_OUTSIDE);
        match (&opened, under) {
            (Ok(_), true) => {}
            (Err(error), false) => prop_assert!(error.message.contains("too large"), "{}", error),
            // A default entry may be refused for its own content, never for its number when under.
            (Err(error), true) => prop_assert!(!error.message.contains("too large"), "{}", error),
            (Ok(_), false) => prop_assert!(false, "{count} {key} opened"),
        }
        check_packed_plan(json.as_bytes());
    }
}
