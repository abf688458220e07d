//! Native tests of the drafts over an in-memory store: what a user keeps, whatever goes wrong.

use super::*;

pub(super) fn plan_for(product: &str) -> Plan {
    let mut plan = Plan::blank();
    plan.header.product = product.to_string();
    plan
}

/// A store holding one draft "Acme" (id `a`) whose plan text is `text`.
fn store_with_draft_text(text: &str) -> MemoryStore {
    let store = MemoryStore::new();
    let index = r#"{"format":1,"last_open":"a","drafts":[{"id":"a","name":"Acme","created":1,"updated":1,"revision":3}]}"#;
    store.set(INDEX_KEY, index).unwrap();
    store.set(&draft_key("a"), text).unwrap();
    store
}

fn set_aside_keys(store: &MemoryStore) -> Vec<String> {
    let keys = store.keys().unwrap();
    keys.into_iter()
        .filter(|k| k.starts_with(SET_ASIDE_PREFIX))
        .collect()
}

#[test]
fn first_visit_stores_no_draft_until_a_plan_is_started() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    assert_eq!(drafts.restore(10).unwrap(), None);
    assert!(drafts.index(10).unwrap().drafts.is_empty());
    // Once started, the next visit finds that draft rather than making another.
    let meta = drafts.create("Untitled plan", &Plan::blank(), 11).unwrap();
    let mut again = Drafts::new(&store);
    let (reopened, plan) = again.restore(20).unwrap().unwrap();
    assert_eq!(reopened.id, meta.id);
    assert_eq!(plan, Plan::blank());
    assert_eq!(again.index(20).unwrap().drafts.len(), 1);
}

#[test]
fn saved_edits_come_back_on_the_next_visit_in_the_draft_last_open() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    let first = drafts.create("First", &plan_for("One"), 1).unwrap();
    let second = drafts.create("Second", &plan_for("Two"), 2).unwrap();
    drafts.open(&first.id, 3).unwrap();
    let saved = drafts
        .save(
            &first.id,
            &plan_for("One, edited"),
            first.revision,
            BlankWrite::Refuse,
            4,
        )
        .unwrap();
    assert_eq!(saved.revision, first.revision + 1);
    assert_eq!(saved.updated, 4);

    let mut next_visit = Drafts::new(&store);
    let (meta, plan) = next_visit.restore(5).unwrap().unwrap();
    assert_eq!(meta.id, first.id);
    assert_eq!(plan.header.product, "One, edited");
    let (_, other) = next_visit.open(&second.id, 6).unwrap();
    assert_eq!(other.header.product, "Two");
}

#[test]
fn duplicates_are_named_copy_of_and_kept_distinct() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    let original = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
    let copy = drafts.duplicate(&original.id, 2).unwrap();
    let second_copy = drafts.duplicate(&original.id, 3).unwrap();
    assert_eq!(copy.name, "Copy of Acme");
    assert_eq!(second_copy.name, "Copy of Acme (2)");
    assert_ne!(copy.id, original.id);
    assert_ne!(second_copy.id, copy.id);
    let (_, copied) = drafts.open(&copy.id, 4).unwrap();
    assert_eq!(copied.header.product, "Acme");
    // Editing the copy leaves the original alone.
    drafts
        .save(
            &copy.id,
            &plan_for("Changed"),
            copy.revision,
            BlankWrite::Refuse,
            5,
        )
        .unwrap();
    assert_eq!(
        drafts.open(&original.id, 6).unwrap().1.header.product,
        "Acme"
    );
}

#[test]
fn new_drafts_with_a_taken_name_get_a_number() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    drafts.create(UNTITLED, &Plan::blank(), 1).unwrap();
    let second = drafts.create(UNTITLED, &Plan::blank(), 1).unwrap();
    assert_eq!(second.name, "Untitled plan (2)");
}

#[test]
fn rename_changes_the_name_and_refuses_an_empty_one() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    let meta = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
    assert_eq!(
        drafts.rename(&meta.id, "   ", 2),
        Err(DraftError::EmptyName)
    );
    let renamed = drafts.rename(&meta.id, "  Acme EU  ", 3).unwrap();
    assert_eq!(renamed.name, "Acme EU");
    assert_eq!(
        drafts.index(4).unwrap().get(&meta.id).unwrap().name,
        "Acme EU"
    );
    // Renaming is not a plan edit: another tab holding this revision may still save.
    assert_eq!(renamed.revision, meta.revision);
}

#[test]
fn delete_removes_only_that_draft() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    let keep = drafts.create("Keep", &plan_for("Keep"), 1).unwrap();
    let gone = drafts.create("Gone", &plan_for("Gone"), 2).unwrap();
    drafts.delete(&gone.id, 3).unwrap();
    let index = drafts.index(4).unwrap();
    assert_eq!(index.drafts.len(), 1);
    assert_eq!(index.last_open, None);
    assert_eq!(store.get(&draft_key(&gone.id)).unwrap(), None);
    assert_eq!(drafts.open(&keep.id, 5).unwrap().1.header.product, "Keep");
    assert_eq!(
        drafts.open(&gone.id, 6),
        Err(DraftError::NotFound(gone.id.clone()))
    );
}

#[test]
fn an_unreadable_draft_is_set_aside_unchanged_listed_and_reported() {
    let corrupt = "{\"schema_version\": 2, \"header\": {\"product\": \"Ac";
    let store = store_with_draft_text(corrupt);
    let mut drafts = Drafts::new(&store);
    let error = drafts.open("a", 10).unwrap_err();
    assert!(matches!(&error, DraftError::Unreadable { name, .. } if name == "Acme"));
    assert!(error.to_string().contains("set aside"), "{error}");

    // The text is kept, byte for byte, under a set-aside key the list points to.
    let index = drafts.index(11).unwrap();
    let unreadable = index.get("a").unwrap().unreadable.clone().unwrap();
    assert!(
        unreadable.reason.contains("cut off"),
        "{}",
        unreadable.reason
    );
    let kept_at = unreadable.kept_at.unwrap();
    assert!(kept_at.starts_with(SET_ASIDE_PREFIX));
    assert_eq!(store.get(&kept_at).unwrap().as_deref(), Some(corrupt));
    assert_eq!(drafts.raw_text("a", 12).unwrap().as_deref(), Some(corrupt));

    // The user is told once.
    let notices = drafts.take_notices();
    assert_eq!(notices.len(), 1);
    assert!(notices[0].to_string().contains("“Acme” could not be read"));
    assert!(drafts.take_notices().is_empty());
}

#[test]
fn restoring_past_an_unreadable_draft_never_writes_over_it() {
    let corrupt = "not json at all";
    let store = store_with_draft_text(corrupt);
    let mut drafts = Drafts::new(&store);
    // Only an unreadable draft: nothing opens, and starting a plan makes a new draft beside it.
    assert_eq!(drafts.restore(10).unwrap(), None);
    let plan = Plan::blank();
    let meta = drafts.create("Untitled plan", &plan, 10).unwrap();
    assert_ne!(meta.id, "a");
    // A save to the unreadable draft's id is refused, and its text survives everything.
    assert!(matches!(
        drafts.save("a", &plan_for("x"), 3, BlankWrite::UserEmptied, 11),
        Err(DraftError::Unreadable { .. })
    ));
    drafts
        .save(
            &meta.id,
            &plan_for("New"),
            meta.revision,
            BlankWrite::Refuse,
            12,
        )
        .unwrap();
    let kept: Vec<String> = set_aside_keys(&store)
        .iter()
        .filter_map(|k| store.get(k).unwrap())
        .collect();
    assert_eq!(kept, vec![corrupt.to_string()]);
    let index = drafts.index(13).unwrap();
    assert_eq!(index.drafts.len(), 2);
    assert!(index.get("a").unwrap().unreadable.is_some());
}

#[test]
fn a_listed_draft_with_no_plan_is_reported_not_invented() {
    let store = store_with_draft_text("{}");
    store.remove(&draft_key("a")).unwrap();
    let mut drafts = Drafts::new(&store);
    let error = drafts.open("a", 1).unwrap_err();
    assert!(error.to_string().contains("missing"), "{error}");
    assert_eq!(drafts.raw_text("a", 2).unwrap(), None);
}

#[test]
fn set_aside_copies_never_replace_each_other() {
    let store = MemoryStore::new();
    let index = r#"{"format":1,"drafts":[
        {"id":"a","name":"A","created":1,"updated":1,"revision":1},
        {"id":"b","name":"B","created":1,"updated":1,"revision":1}]}"#;
    store.set(INDEX_KEY, index).unwrap();
    store.set(&draft_key("a"), "broken a").unwrap();
    store.set(&draft_key("b"), "broken b").unwrap();
    // Something already sits where a's copy would go.
    store
        .set(&format!("{SET_ASIDE_PREFIX}a.7"), "older")
        .unwrap();
    let mut drafts = Drafts::new(&store);
    assert!(drafts.open("a", 7).is_err());
    assert!(drafts.open("b", 7).is_err());
    let mut kept: Vec<String> = set_aside_keys(&store)
        .iter()
        .filter_map(|k| store.get(k).unwrap())
        .collect();
    kept.sort();
    assert_eq!(kept, vec!["broken a", "broken b", "older"]);
}

#[test]
fn a_broken_draft_list_is_set_aside_and_rebuilt_from_the_drafts_found() {
    let store = MemoryStore::new();
    store
        .set(INDEX_KEY, "{\"format\": 1, \"drafts\": [")
        .unwrap();
    store
        .set(&draft_key("x1"), &to_json(&plan_for("Acme Cloud")))
        .unwrap();
    store.set(&draft_key("x2"), "garbage").unwrap();
    let mut drafts = Drafts::new(&store);
    let index = drafts.index(50).unwrap();
    assert_eq!(index.drafts.len(), 2);
    assert_eq!(index.get("x1").unwrap().name, "Acme Cloud");
    assert!(index.get("x2").unwrap().unreadable.is_some());
    let notices = drafts.take_notices();
    let Some(Notice::IndexSetAside {
        kept_at, recovered, ..
    }) = notices.first()
    else {
        panic!("expected the list to be reported set aside, got {notices:?}");
    };
    assert_eq!(*recovered, 2);
    assert_eq!(
        store.get(kept_at).unwrap().as_deref(),
        Some("{\"format\": 1, \"drafts\": [")
    );
    // The recovered readable draft opens; the unreadable one keeps its text.
    assert_eq!(
        drafts.restore(51).unwrap().unwrap().1.header.product,
        "Acme Cloud"
    );
    assert_eq!(
        drafts.raw_text("x2", 52).unwrap().as_deref(),
        Some("garbage")
    );
}

#[test]
fn a_full_store_refuses_the_save_and_keeps_the_stored_draft_as_it_was() {
    let store = MemoryStore::with_quota(20_000);
    let mut drafts = Drafts::new(&store);
    let meta = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
    let before = store.get(&draft_key(&meta.id)).unwrap();

    let mut big = plan_for("Acme");
    big.header.time_zone = "x".repeat(30_000);
    let error = drafts
        .save(&meta.id, &big, meta.revision, BlankWrite::Refuse, 2)
        .unwrap_err();
    assert_eq!(error, DraftError::Store(StoreError::QuotaExceeded));
    assert_eq!(
        error.to_string(),
        "Not saved: storage is full — export your plan"
    );
    assert_eq!(store.get(&draft_key(&meta.id)).unwrap(), before);
    assert_eq!(
        drafts.index(3).unwrap().get(&meta.id).unwrap().revision,
        meta.revision
    );

    // Once there is room again, the same revision saves: nothing is stuck.
    let mut smaller = plan_for("Acme");
    smaller.header.time_zone = "Europe/Paris".into();
    drafts
        .save(&meta.id, &smaller, meta.revision, BlankWrite::Refuse, 4)
        .unwrap();
}

#[test]
fn a_new_draft_that_does_not_fit_leaves_nothing_behind() {
    let mut big = plan_for("Big");
    big.header.time_zone = "x".repeat(5_000);
    // Room for the plan, not for the plan and the list.
    let store = MemoryStore::with_quota(to_json(&big).len() + draft_key("0").len() + 3);
    let mut drafts = Drafts::new(&store);
    let error = drafts.create("Big", &big, 0).unwrap_err();
    assert_eq!(error, DraftError::Store(StoreError::QuotaExceeded));
    assert!(store.keys().unwrap().is_empty());
}

#[test]
fn a_save_from_a_tab_that_missed_another_tabs_save_is_refused() {
    let store = MemoryStore::new();
    let mut tab_a = Drafts::new(&store);
    let mut tab_b = Drafts::new(&store);
    let meta = tab_a.create("Acme", &plan_for("Acme"), 1).unwrap();
    let (seen_by_b, _) = tab_b.open(&meta.id, 2).unwrap();

    let saved_by_b = tab_b
        .save(
            &meta.id,
            &plan_for("B's edit"),
            seen_by_b.revision,
            BlankWrite::Refuse,
            3,
        )
        .unwrap();
    let error = tab_a
        .save(
            &meta.id,
            &plan_for("A's edit"),
            meta.revision,
            BlankWrite::Refuse,
            4,
        )
        .unwrap_err();
    assert_eq!(
        error,
        DraftError::Conflict {
            name: "Acme".into(),
            theirs: saved_by_b.revision
        }
    );
    assert!(error.to_string().contains("another tab"));
    assert_eq!(
        tab_a.open(&meta.id, 5).unwrap().1.header.product,
        "B's edit"
    );

    // A keeps its edit as a copy; both versions now exist.
    let copy = tab_a
        .create(&copy_name("Acme"), &plan_for("A's edit"), 6)
        .unwrap();
    assert_eq!(
        tab_a.open(&copy.id, 7).unwrap().1.header.product,
        "A's edit"
    );
    assert_eq!(
        tab_a.open(&meta.id, 8).unwrap().1.header.product,
        "B's edit"
    );
}

#[test]
fn a_tab_can_tell_when_a_racing_save_of_the_same_revision_replaced_its_own() {
    let store = MemoryStore::new();
    let mut tab_a = Drafts::with_writer(&store, "tab-a");
    let mut tab_b = Drafts::with_writer(&store, "tab-b");
    let meta = tab_a.create("Acme", &plan_for("Acme"), 1).unwrap();
    let (seen_by_b, _) = tab_b.open(&meta.id, 2).unwrap();
    assert_eq!(meta.their_change(&seen_by_b), TheirChange::Unchanged);

    // Both tabs read revision 1 before either wrote (no lock): both write revision 2.
    let stale_index = store.get(INDEX_KEY).unwrap().unwrap();
    let saved_by_a = tab_a
        .save(&meta.id, &plan_for("A's edit"), 1, BlankWrite::Refuse, 3)
        .unwrap();
    store.set(INDEX_KEY, &stale_index).unwrap();
    let saved_by_b = tab_b
        .save(&meta.id, &plan_for("B's edit"), 1, BlankWrite::Refuse, 4)
        .unwrap();
    assert_eq!(saved_by_a.revision, saved_by_b.revision);

    // A sees that the stored revision 2 is B's, not its own: its edit must not count as saved.
    let stored = tab_a.index(5).unwrap().get(&meta.id).cloned().unwrap();
    assert_eq!(saved_by_a.their_change(&stored), TheirChange::ReplacedMine);
    assert_eq!(saved_by_b.their_change(&stored), TheirChange::Unchanged);
    assert_eq!(meta.their_change(&stored), TheirChange::Newer);
}

#[test]
fn a_blank_plan_never_replaces_content_unless_the_user_emptied_it() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    let meta = drafts.create("Acme", &plan_for("Acme"), 1).unwrap();
    assert_eq!(
        drafts.save(
            &meta.id,
            &Plan::blank(),
            meta.revision,
            BlankWrite::Refuse,
            2
        ),
        Err(DraftError::WouldBlank {
            name: "Acme".into()
        })
    );
    assert_eq!(drafts.open(&meta.id, 3).unwrap().1.header.product, "Acme");
    let saved = drafts
        .save(
            &meta.id,
            &Plan::blank(),
            meta.revision,
            BlankWrite::UserEmptied,
            4,
        )
        .unwrap();
    assert_eq!(drafts.open(&meta.id, 5).unwrap().1, Plan::blank());
    // Blank over blank is no loss, so it is allowed either way.
    drafts
        .save(
            &meta.id,
            &Plan::blank(),
            saved.revision,
            BlankWrite::Refuse,
            6,
        )
        .unwrap();
}

#[test]
fn a_blocked_store_is_reported_as_unavailable() {
    struct Blocked;
    impl DraftStore for Blocked {
        fn get(&self, _: &str) -> Result<Option<String>, StoreError> {
            Err(StoreError::Unavailable)
        }
        fn set(&self, _: &str, _: &str) -> Result<(), StoreError> {
            Err(StoreError::Unavailable)
        }
        fn remove(&self, _: &str) -> Result<(), StoreError> {
            Err(StoreError::Unavailable)
        }
        fn keys(&self) -> Result<Vec<String>, StoreError> {
            Err(StoreError::Unavailable)
        }
    }
    let error = Drafts::new(Blocked).restore(1).unwrap_err();
    assert_eq!(error, DraftError::Store(StoreError::Unavailable));
    assert!(error.to_string().contains("private browsing"), "{error}");
}

#[test]
fn reading_a_draft_to_compare_leaves_the_open_one_to_reopen() {
    let store = MemoryStore::new();
    let mut drafts = Drafts::new(&store);
    let before = drafts.create("Today", &plan_for("Today"), 1).unwrap();
    let after = drafts.create("Designed", &plan_for("Designed"), 2).unwrap();
    drafts.open(&after.id, 3).unwrap();
    let read = drafts.read_plan(&before.id, 4).unwrap();
    assert_eq!(read.header.product, "Today");
    assert_eq!(
        drafts.index(5).unwrap().last_open.as_deref(),
        Some(after.id.as_str())
    );
}
