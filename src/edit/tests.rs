use super::*;
use crate::plan::templates;

/// The B2B SaaS template as a user starts from it: its figures marked as the template's.
fn started() -> Plan {
    templates::starter("b2b-saas").expect("the b2b-saas template")
}

fn path(text: &str) -> Path {
    Path::parse(text).expect("a well-formed path")
}

/// Applies `edit`, then undoes it and redoes it: the undo gives back the plan before, the redo
/// the plan after, exactly.
fn round_trip(edit: Edit) -> Plan {
    let before = started();
    let mut plan = before.clone();
    let mut editor = Editor::new();
    let applied = editor.apply(&mut plan, edit.clone()).unwrap();
    assert_ne!(applied, Applied::Unchanged, "{edit:?} changed nothing");
    assert_ne!(plan, before, "{edit:?} changed nothing");
    let after = plan.clone();
    assert!(editor.undo(&mut plan).unwrap().is_some());
    assert_eq!(plan, before, "undoing {edit:?}");
    assert!(editor.redo(&mut plan).unwrap().is_some());
    assert_eq!(plan, after, "redoing {edit:?}");
    after
}

#[test]
fn a_field_write_and_its_undo_give_back_the_same_plan() {
    let after = round_trip(Edit::set_field(path("header.product"), "Acme Helpdesk"));
    assert_eq!(after.header.product, "Acme Helpdesk");
}

#[test]
fn undoing_a_write_to_a_template_figure_marks_it_the_templates_again() {
    let field = "metrics.csat.baseline";
    assert!(started().from_template.contains_key(field));
    let after = round_trip(Edit::set_field(path(field), "79"));
    assert_eq!(after.metrics.csat.baseline, Some(79.0));
    assert!(!after.from_template.contains_key(field));
}

/// Writing one field of a channel's absent on-call rotation starts the rotation; the undo takes
/// the whole rotation away again, not only the field.
#[test]
fn undoing_the_first_write_to_an_optional_group_removes_the_group() {
    let field = "channels[0].on_call.rotation";
    assert!(started().channels[0].on_call.is_none());
    let after = round_trip(Edit::set_field(path(field), "Platform engineers"));
    assert_eq!(
        after.channels[0]
            .on_call
            .as_ref()
            .map(|o| o.rotation.as_str()),
        Some("Platform engineers")
    );
}

#[test]
fn adding_a_new_row_and_its_undo_give_back_the_same_plan() {
    let rows = started().taxonomy.len();
    let after = round_trip(Edit::InsertRow {
        list: path("taxonomy"),
        index: 1,
        row: None,
    });
    assert_eq!(after.taxonomy.len(), rows + 1);
    assert_eq!(after.taxonomy[1], Default::default());
}

#[test]
fn putting_in_a_given_row_and_its_undo_give_back_the_same_plan() {
    let row = serde_json::to_value(&started().taxonomy[0]).unwrap();
    let after = round_trip(Edit::InsertRow {
        list: path("taxonomy[0].types"),
        index: 0,
        row: Some(serde_json::json!("Refund request")),
    });
    assert_eq!(after.taxonomy[0].types[0], "Refund request");
    // A row of the wrong shape is refused.
    let mut plan = started();
    let error = Editor::new()
        .apply(
            &mut plan,
            Edit::InsertRow {
                list: path("priorities"),
                index: 0,
                row: Some(row),
            },
        )
        .unwrap_err();
    assert!(error.to_string().contains("not a row"), "{error}");
    assert_eq!(plan, started());
}

#[test]
fn removing_a_row_and_its_undo_give_back_the_same_plan() {
    let second = started().channels[1].name.clone();
    let after = round_trip(Edit::RemoveRow {
        list: path("channels"),
        index: 0,
    });
    assert_eq!(after.channels[0].name, second);
}

#[test]
fn moving_a_row_and_its_undo_give_back_the_same_plan() {
    let plan = started();
    let (first, third) = (plan.priorities[0].clone(), plan.priorities[2].clone());
    let after = round_trip(Edit::MoveRow {
        list: path("priorities"),
        from: 0,
        to: 2,
    });
    assert_eq!(after.priorities[2], first);
    assert_eq!(after.priorities[1], third);
}

#[test]
fn replacing_a_part_and_its_undo_give_back_the_same_plan() {
    let mut changed = started();
    changed.staffing.shrinkage = 0.4;
    changed.header.product = "Not part of the staffing".to_string();
    let edit =
        Edit::replace_part("Apply the measured shrinkage", Part::Staffing, &changed).unwrap();
    let after = round_trip(edit);
    assert_eq!(after.staffing.shrinkage, 0.4);
    // Only the part named is taken.
    assert_eq!(after.header, started().header);
}

#[test]
fn replacing_the_whole_plan_and_its_undo_give_back_the_same_plan() {
    let other = templates::starter("ecommerce").expect("another template");
    let edit = Edit::replace_plan("Apply the forecast", &other).unwrap();
    assert_eq!(round_trip(edit), other);
}

/// A record that cannot be applied is reported in words; the plan and the log are as they were.
#[test]
fn an_edit_that_cannot_be_applied_is_reported_and_changes_nothing() {
    let cases = [
        (Edit::set_field(path("header.nonsense"), "x"), "no field"),
        // Would start the channel's on-call rotation before finding the text is not a number.
        (
            Edit::set_field(path("channels[0].on_call.people"), "several"),
            "not a whole number",
        ),
        (
            Edit::RemoveRow {
                list: path("channels"),
                index: 99,
            },
            "no row 100",
        ),
        (
            Edit::MoveRow {
                list: path("header"),
                from: 0,
                to: 1,
            },
            "no list at header",
        ),
        (
            Edit::Replace {
                at: Some(path("staffing")),
                label: "Apply".to_string(),
                value: serde_json::json!({"shrinkage": "lots"}),
                claim: None,
            },
            "Apply was not applied",
        ),
    ];
    for (edit, said) in cases {
        let mut plan = started();
        let mut editor = Editor::new();
        let error = editor.apply(&mut plan, edit.clone()).unwrap_err();
        assert!(error.to_string().contains(said), "{edit:?}: {error}");
        assert_eq!(plan, started(), "{edit:?} left the plan changed");
        assert_eq!(editor.log().head(), 0, "{edit:?} was recorded");
        assert!(!editor.can_undo());
    }
}

#[test]
fn writing_what_a_field_already_reads_records_nothing() {
    let mut plan = started();
    let mut editor = Editor::new();
    let product = plan.header.product.clone();
    let applied = editor
        .apply(&mut plan, Edit::set_field(path("header.product"), &product))
        .unwrap();
    assert_eq!(applied, Applied::Unchanged);
    assert!(editor.log().is_empty());
    assert!(!editor.can_undo());
}

/// Typing "Acme" into one field, a key every 100 ms, is one undo step; a pause longer than the
/// join window starts another.
#[test]
fn typing_a_word_quickly_is_one_undo_step() {
    let mut plan = started();
    let before = plan.clone();
    let mut editor = Editor::new();
    for (i, typed) in ["A", "Ac", "Acm", "Acme"].into_iter().enumerate() {
        let at = i as f64 * 100.0;
        editor
            .apply_at(
                &mut plan,
                Edit::set_field(path("header.product"), typed),
                Some(at),
            )
            .unwrap();
    }
    let word = plan.clone();
    editor
        .apply_at(
            &mut plan,
            Edit::set_field(path("header.product"), "Acme!"),
            Some(300.0 + JOIN_WINDOW_MS + 1.0),
        )
        .unwrap();
    editor.undo(&mut plan).unwrap();
    assert_eq!(plan, word);
    editor.undo(&mut plan).unwrap();
    assert_eq!(plan, before);
    assert!(!editor.can_undo());
}

/// The issue's case: a field write and a structural edit made together (one batch of the page's
/// updates) are two records, and both undo.
#[test]
fn a_field_write_and_a_structural_edit_in_one_batch_both_undo() {
    let mut plan = started();
    let before = plan.clone();
    let mut editor = Editor::new();
    editor
        .apply_at(
            &mut plan,
            Edit::set_field(path("taxonomy[0].name"), "Billing"),
            Some(0.0),
        )
        .unwrap();
    let written = plan.clone();
    editor
        .apply_at(
            &mut plan,
            Edit::InsertRow {
                list: path("taxonomy"),
                index: 0,
                row: None,
            },
            Some(1.0),
        )
        .unwrap();
    assert_eq!(editor.log().head(), 2);
    editor.undo(&mut plan).unwrap();
    assert_eq!(plan, written);
    editor.undo(&mut plan).unwrap();
    assert_eq!(plan, before);
}

#[test]
fn a_new_edit_after_an_undo_drops_the_redo() {
    let mut plan = started();
    let mut editor = Editor::new();
    editor
        .apply(&mut plan, Edit::set_field(path("header.product"), "One"))
        .unwrap();
    editor.undo(&mut plan).unwrap();
    assert!(editor.can_redo());
    editor
        .apply(&mut plan, Edit::set_field(path("header.product"), "Two"))
        .unwrap();
    assert!(!editor.can_redo());
    assert_eq!(editor.redo(&mut plan).unwrap(), None);
    assert_eq!(plan.header.product, "Two");
}

/// The journal keeps the records after the last save; replayed on the stored plan, they give the
/// plan on screen — undos included, since an undo is a record too.
#[test]
fn replaying_the_records_after_the_save_on_the_stored_plan_reproduces_the_plan() {
    let mut plan = started();
    let mut editor = Editor::new();
    editor
        .apply(&mut plan, Edit::set_field(path("header.product"), "Saved"))
        .unwrap();
    editor.mark_saved();
    let stored = plan.clone();
    let edits = [
        Edit::set_field(path("header.team_size"), "14"),
        Edit::RemoveRow {
            list: path("priorities"),
            index: 3,
        },
        Edit::MoveRow {
            list: path("channels"),
            from: 1,
            to: 0,
        },
        Edit::set_field(path("channels[0].name"), "Phone, first"),
    ];
    for edit in edits {
        editor.apply(&mut plan, edit).unwrap();
    }
    editor.undo(&mut plan).unwrap();
    let unsaved: Vec<&Edit> = editor.log().unsaved().map(|r| &r.edit).collect();
    assert_eq!(unsaved.len(), 5, "four edits and one undo");
    assert_eq!(replay(&stored, unsaved).unwrap(), plan);
}

#[test]
fn records_survive_being_written_and_read_back_as_json() {
    let edits = vec![
        Edit::set_field(path("sla[0].targets[1].resolution.target"), "2d"),
        Edit::InsertRow {
            list: path("taxonomy"),
            index: 0,
            row: None,
        },
        Edit::replace_part("Apply", Part::Staffing, &started()).unwrap(),
    ];
    let text = serde_json::to_string(&edits).unwrap();
    let back: Vec<Edit> = serde_json::from_str(&text).unwrap();
    assert_eq!(back, edits);
    assert!(
        serde_json::from_str::<Edit>(r#"{"edit":"set_field","path":"a..b","text":""}"#)
            .unwrap_err()
            .to_string()
            .contains("not a path")
    );
}

#[test]
fn a_save_lets_the_log_forget_what_no_undo_needs() {
    let mut plan = started();
    let mut editor = Editor::new();
    for step in 0..(STEP_LIMIT + 10) {
        editor
            .apply(
                &mut plan,
                Edit::set_field(path("header.team_size"), &step.to_string()),
            )
            .unwrap();
    }
    editor.mark_saved();
    assert_eq!(editor.log().len(), STEP_LIMIT);
    assert_eq!(editor.log().unsaved().count(), 0);
}

/// Adding a row and filling in its first values is one step: one undo takes both back. A step
/// with an edit that cannot be applied changes nothing.
#[test]
fn a_step_of_several_edits_undoes_at_once_and_applies_all_or_nothing() {
    let mut plan = started();
    let before = plan.clone();
    let mut editor = Editor::new();
    let row = started().calendars.len();
    let add = |name: &str| {
        vec![
            Edit::InsertRow {
                list: path("calendars"),
                index: row,
                row: None,
            },
            Edit::set_field(path(&format!("calendars[{row}].name")), name),
        ]
    };
    editor.apply_step(&mut plan, add("Weekend desk")).unwrap();
    assert_eq!(plan.calendars[row].name, "Weekend desk");
    editor.undo(&mut plan).unwrap();
    assert_eq!(plan, before);
    assert!(!editor.can_undo());

    let head = editor.log().head();
    let mut failing = add("Never");
    failing.push(Edit::set_field(path("calendars[0].nonsense"), "x"));
    let error = editor.apply_step(&mut plan, failing).unwrap_err();
    assert!(error.to_string().contains("nonsense"), "{error}");
    assert_eq!(plan, before);
    assert_eq!(editor.log().head(), head, "nothing recorded");
    assert!(editor.can_redo(), "the failed step did not drop the redo");
}

#[test]
fn a_row_is_replaced_from_a_changed_copy_of_the_plan() {
    let mut changed = started();
    changed.calendars[0].holidays.clear();
    changed.header.product = "Not in the row".to_string();
    let edit = Edit::replace_from("Clear holidays", Some(path("calendars[0]")), &changed).unwrap();
    let after = round_trip(edit);
    assert!(after.calendars[0].holidays.is_empty());
    assert_eq!(after.header, started().header);
}

#[test]
fn confirming_a_template_value_and_its_undo_give_back_the_same_plan() {
    let field = path("metrics.csat.baseline");
    let edit = Edit::confirm(&field, &started()).unwrap();
    let after = round_trip(edit);
    assert!(!after.from_template.contains_key(field.as_str()));
    assert_eq!(after.metrics, started().metrics, "the value itself stays");
}
