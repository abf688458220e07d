//! Share links as a stakeholder meets them: every starter plan survives the trip through a link,
//! and a damaged, cut-off, foreign or newer link says what happened instead of showing nothing.

use support_ops::plan::templates;
use support_ops::plan::Plan;
use support_ops::share::{
    decode_link, has_share_fragment, link_is_too_long, share_fragment, share_link, ShareError,
    PRACTICAL_LINK_LIMIT,
};

const PAGE: &str = "https://acme.github.io/support-ops/";

fn template_link(id: &str) -> String {
    let plan = templates::by_id(id).unwrap_or_else(|| panic!("template {id} is missing"));
    share_link(PAGE, &plan)
}

#[test]
fn every_template_comes_back_identical_from_its_link() {
    let all = templates::all();
    assert_eq!(all.len(), 5, "expected the five starter templates");
    for template in all {
        let link = share_link(PAGE, &template.plan);
        assert!(link.starts_with(PAGE), "{}", template.id);
        assert!(link.contains("#share=v1."), "{}", template.id);
        assert_eq!(
            decode_link(&link),
            Ok(template.plan.clone()),
            "{} did not survive the link",
            template.id
        );
        // A link opened directly reaches the app as `location.hash` alone.
        let hash = &link[link.find('#').unwrap_or(0)..];
        assert_eq!(decode_link(hash), Ok(template.plan), "{}", template.id);
    }
}

#[test]
fn template_links_fit_the_practical_limit_and_are_much_smaller_than_the_json() {
    for template in templates::all() {
        let link = share_link(PAGE, &template.plan);
        let json = serde_json::to_string(&template.plan).unwrap_or_default();
        assert!(
            !link_is_too_long(&link),
            "{}: {} characters",
            template.id,
            link.len()
        );
        assert!(
            link.len() * 2 < json.len(),
            "{}: link {} vs JSON {}: compression is not working",
            template.id,
            link.len(),
            json.len()
        );
        println!(
            "{}: JSON {} bytes, link {} characters",
            template.id,
            json.len(),
            link.len()
        );
    }
}

#[test]
fn blank_plan_round_trips_and_the_page_fragment_is_replaced() {
    let plan = Plan::blank();
    let link = share_link("https://x.test/app/#share=v1.old", &plan);
    assert_eq!(link.matches('#').count(), 1);
    assert_eq!(decode_link(&link), Ok(plan));
}

#[test]
fn a_link_broken_across_lines_in_an_email_still_opens() {
    let plan = Plan::blank();
    let fragment = share_fragment(&plan);
    let (head, tail) = fragment.split_at(fragment.len() / 2);
    assert_eq!(decode_link(&format!("{head}\n  {tail}")), Ok(plan));
}

#[test]
fn a_changed_character_is_reported_as_damaged() {
    let link = template_link("b2b-saas");
    let start = link.find("v1.").unwrap_or(0) + 3;
    // Change characters at several places of the payload, each to another valid character.
    for offset in [0, 5, 40, (link.len() - start) / 2, link.len() - start - 2] {
        let index = start + offset;
        let original = link.as_bytes()[index];
        let replacement = if original == b'A' { 'B' } else { 'A' };
        let mut damaged = link.clone();
        damaged.replace_range(index..index + 1, &replacement.to_string());
        match decode_link(&damaged) {
            Err(error @ (ShareError::Damaged { .. } | ShareError::Truncated)) => {
                let message = error.to_string();
                assert!(
                    message.contains("damaged") || message.contains("cut off"),
                    "{message}"
                );
            }
            other => panic!("changing character {offset} gave {other:?}"),
        }
    }
    // A change in the middle of the packed plan is caught as damage, not as a cut-off link.
    let index = start + (link.len() - start) / 2;
    let mut damaged = link.clone();
    let replacement = if link.as_bytes()[index] == b'x' {
        "y"
    } else {
        "x"
    };
    damaged.replace_range(index..index + 1, replacement);
    let error = decode_link(&damaged).unwrap_err();
    assert!(matches!(error, ShareError::Damaged { .. }), "{error:?}");
    assert!(
        error.to_string().starts_with("This share link is damaged"),
        "{error}"
    );
}

#[test]
fn a_character_that_cannot_be_in_a_link_is_reported_as_damaged() {
    let link = template_link("ecommerce");
    let damaged = link.replacen("v1.", "v1.%", 1);
    let error = decode_link(&damaged).unwrap_err();
    assert!(matches!(error, ShareError::Damaged { .. }), "{error:?}");
    assert!(error.to_string().contains("does not belong"), "{error}");
}

#[test]
fn a_cut_off_link_says_it_is_cut_off() {
    let link = template_link("fintech");
    for keep in [
        link.len() - 1,
        link.len() - 7,
        link.len() / 2,
        link.find("v1.").unwrap_or(0) + 5,
    ] {
        let error = decode_link(&link[..keep]).unwrap_err();
        assert_eq!(
            error,
            ShareError::Truncated,
            "keeping {keep} of {}",
            link.len()
        );
        assert!(error.to_string().contains("cut off"), "{error}");
    }
    assert_eq!(
        decode_link(&format!("{PAGE}#share=")),
        Err(ShareError::Truncated)
    );
    assert_eq!(
        decode_link(&format!("{PAGE}#share=v1")),
        Err(ShareError::Truncated)
    );
}

#[test]
fn a_link_that_is_not_a_share_link_says_so() {
    for text in [PAGE, "https://acme.test/#section-2", "hello", ""] {
        let error = decode_link(text).unwrap_err();
        assert_eq!(error, ShareError::NotAShareLink, "{text}");
        assert!(error.to_string().contains("not a share link"), "{error}");
        assert!(!has_share_fragment(text), "{text}");
    }
    assert!(has_share_fragment("https://a.test/#share=v1.x"));
    // The wrong prefix on an otherwise good link.
    let link = template_link("devtools").replace("#share=", "#shared=");
    assert_eq!(decode_link(&link), Err(ShareError::NotAShareLink));
}

#[test]
fn a_link_from_a_newer_app_asks_for_the_newer_app() {
    let link = template_link("devtools").replace("#share=v1.", "#share=v2.");
    let error = decode_link(&link).unwrap_err();
    assert_eq!(error, ShareError::NewerVersion { version: 2 });
    assert!(error.to_string().contains("newer version"), "{error}");
    let error = decode_link("#share=vX.abc").unwrap_err();
    assert!(matches!(error, ShareError::Damaged { .. }), "{error:?}");
}

#[test]
fn an_intact_link_with_an_unreadable_plan_explains_the_plan_error() {
    // Build a well-formed link around a plan from a newer schema, as a newer app would.
    let plan = Plan::blank();
    let mut newer = Plan::blank();
    newer.schema_version = 99;
    let link = share_fragment(&newer);
    let error = decode_link(&link).unwrap_err();
    assert!(matches!(error, ShareError::InvalidPlan(_)), "{error:?}");
    assert!(error.to_string().contains("newer version"), "{error}");
    assert_ne!(plan, newer);
}

#[test]
fn the_length_limit_is_counted_in_characters() {
    let at_limit = "a".repeat(PRACTICAL_LINK_LIMIT);
    assert!(!link_is_too_long(&at_limit));
    assert!(link_is_too_long(&format!("{at_limit}b")));
}

#[test]
fn a_large_plan_gets_a_link_that_is_flagged_too_long_but_still_round_trips() {
    let mut plan = Plan::blank();
    // Distinct, incompressible-ish text: a thousand knowledge-base topics with numbered names.
    plan.self_service.knowledge_base = (0..3000u64)
        .map(|i| format!("Topic {:x}", i.wrapping_mul(2_654_435_761) % 1_000_003))
        .collect();
    let link = share_link(PAGE, &plan);
    assert!(link_is_too_long(&link), "{} characters", link.len());
    assert_eq!(decode_link(&link), Ok(plan));
}

#[test]
fn a_link_with_spaces_typed_or_percent_encoded_still_opens() {
    let plan = templates::by_id("devtools").unwrap();
    let link = share_link(PAGE, &plan);
    let third = link.len() / 3;
    let (head, rest) = link.split_at(third);
    let (middle, tail) = rest.split_at(third);
    // An email client wrapped it; the address bar turned the spaces into %20.
    for gap in [" ", "%20", "%0A", "%0d%0A", " \n "] {
        let wrapped = format!("{head}{gap}{middle}{gap}{tail}");
        assert_eq!(decode_link(&wrapped), Ok(plan.clone()), "gap {gap:?}");
    }
}

/// A link whose "plan" holds `count` copies of `item` in the list `key`, made as any raw-DEFLATE
/// writer would make it.
fn bomb(key: &str, item: &str, count: usize) -> String {
    let json = format!(
        r#"{{"schema_version":2,"header":{{}},"{key}":[{}]}}"#,
        vec![item; count].join(",")
    );
    format!("{PAGE}{}", support_ops::share::fragment_of_json(&json))
}

#[test]
fn link_bombs_of_a_hundred_thousand_empty_entries_are_refused_with_the_limit_named() {
    for (key, entries) in [
        ("channels", "channels"),
        ("taxonomy", "ticket categories"),
        ("escalation_rules_typo", "entries in one list"),
    ] {
        let link = bomb(key, "{}", 100_000);
        assert!(link.len() < 2_000, "{key}: a bomb is small: {}", link.len());
        let error = decode_link(&link).unwrap_err();
        assert!(matches!(error, ShareError::TooLarge(_)), "{key}: {error:?}");
        let message = error.to_string();
        assert!(message.contains("too large to open"), "{message}");
        assert!(message.contains(entries), "{message}");
    }
    // Text instead of entries: one field of 3 MB of spaces packs into a few kilobytes.
    let json = format!(
        r#"{{"schema_version":2,"header":{{"product":"{}"}}}}"#,
        " ".repeat(3_000_000)
    );
    let link = support_ops::share::fragment_of_json(&json);
    let error = decode_link(&link).unwrap_err();
    assert!(error.to_string().contains("header.product"), "{error}");
}
