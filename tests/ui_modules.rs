//! The browser app's modules form layers, not a circle: no module of `src/ui` reaches, through
//! the others, back to itself (a circle is how the section list once tied ten files together).

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// Every `.rs` file under `dir`, with its path.
fn rust_files(dir: &Path, found: &mut Vec<std::path::PathBuf>) {
    for entry in fs::read_dir(dir).expect("src/ui is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The names that follow `prefix` in `source` (`crate::ui::shell::X` gives `shell`).
fn names_after<'a>(source: &'a str, prefix: &str) -> Vec<&'a str> {
    source
        .match_indices(prefix)
        .map(|(at, _)| {
            let rest = &source[at + prefix.len()..];
            let end = rest
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(rest.len());
            &rest[..end]
        })
        .collect()
}

/// Which top-level modules of `src/ui` each one uses.
fn module_uses() -> BTreeMap<String, BTreeSet<String>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    let top_of = |path: &Path| -> String {
        let relative = path.strip_prefix(&root).expect("under src/ui");
        let first = relative.components().next().expect("a file name");
        first
            .as_os_str()
            .to_string_lossy()
            .trim_end_matches(".rs")
            .to_string()
    };
    let tops: BTreeSet<String> = files.iter().map(|f| top_of(f)).collect();
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for file in &files {
        let source = fs::read_to_string(file).expect("a readable source file");
        let top = top_of(file);
        // Any file names a module of src/ui as `crate::ui::x`; `src/ui/a.rs` and `src/ui/a/mod.rs`
        // also as `super::x`, `src/ui/a/b.rs` as `super::super::x`, and so on.
        let relative = file.strip_prefix(&root).expect("under src/ui");
        let mut levels = relative.components().count();
        if file.file_name().is_some_and(|n| n == "mod.rs") {
            levels -= 1;
        }
        let mut named = names_after(&source, "crate::ui::");
        named.extend(names_after(&source, &"super::".repeat(levels)));
        let entry = uses.entry(top.clone()).or_default();
        for name in named {
            if name != top && name != "mod" && tops.contains(name) {
                entry.insert(name.to_string());
            }
        }
    }
    uses
}

/// A circle of modules, if there is one.
fn find_circle(uses: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        module: &str,
        uses: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|m| m == module) {
            let mut circle = path[start..].to_vec();
            circle.push(module.to_string());
            return Some(circle);
        }
        if done.contains(module) {
            return None;
        }
        path.push(module.to_string());
        for next in uses.get(module).into_iter().flatten() {
            if let Some(circle) = visit(next, uses, path, done) {
                return Some(circle);
            }
        }
        path.pop();
        done.insert(module.to_string());
        None
    }
    let mut done = BTreeSet::new();
    uses.keys()
        .find_map(|module| visit(module, uses, &mut Vec::new(), &mut done))
}

#[test]
fn the_ui_modules_use_each_other_without_a_circle() {
    let uses = module_uses();
    // The check reads real imports: the shell uses the forms, and the app uses the shell.
    assert!(uses["shell"].contains("form"), "{uses:?}");
    assert!(uses["capacity"].contains("form"), "{uses:?}");
    assert_eq!(find_circle(&uses), None, "modules of src/ui in a circle");
}

#[test]
fn a_circle_is_found_when_there_is_one() {
    let mut uses = BTreeMap::new();
    uses.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    uses.insert("b".to_string(), BTreeSet::from(["c".to_string()]));
    uses.insert("c".to_string(), BTreeSet::from(["a".to_string()]));
    assert_eq!(
        find_circle(&uses),
        Some(vec!["a".into(), "b".into(), "c".into(), "a".into()])
    );
}
