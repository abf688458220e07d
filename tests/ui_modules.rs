//! The designer's modules depend on each other in one direction only: no two modules of
//! `src/ui` import each other, directly or through others (the shell uses the forms, never the
//! other way round). Read from the source, so a new import that closes a circle fails here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn ui_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("src/ui")
}

/// Every `.rs` file under `dir`.
fn files(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        }
    }
}

/// The top module of `src/ui` a file belongs to (`form` for `src/ui/form/list.rs`), or `None`
/// for `src/ui/mod.rs` itself, which mounts them all.
fn top_module(file: &Path) -> Option<String> {
    let relative = file.strip_prefix(ui_dir()).ok()?;
    let first = relative
        .components()
        .next()?
        .as_os_str()
        .to_string_lossy()
        .to_string();
    let name = first.trim_end_matches(".rs").to_string();
    (name != "mod").then_some(name)
}

/// The top modules of `src/ui` a file names: `super::…` from a file directly in `src/ui`,
/// `super::super::…` from one a folder deeper, and `crate::ui::…` from anywhere.
fn imports(file: &Path, text: &str) -> BTreeSet<String> {
    let depth = file
        .strip_prefix(ui_dir())
        .map(|r| r.components().count())
        .unwrap_or(1);
    let in_folder_mod = file.file_name().is_some_and(|n| n == "mod.rs");
    // From `src/ui/x.rs` (depth 1) `super` is `ui`; from `src/ui/form/y.rs` it is `super::super`,
    // except in `src/ui/form/mod.rs`, whose `super` is `ui`.
    let up = if depth == 1 || in_folder_mod {
        "super::"
    } else {
        "super::super::"
    };
    let mut found = BTreeSet::new();
    for prefix in [up, "crate::ui::"] {
        for (at, _) in text.match_indices(prefix) {
            let rest = &text[at + prefix.len()..];
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() && name != "super" {
                found.insert(name);
            }
        }
        // `use super::{a, b::C}` lists: every name right after the brace or a comma.
        for (at, _) in text.match_indices(&format!("{prefix}{{")) {
            let rest = &text[at + prefix.len() + 1..];
            let list = rest.split('}').next().unwrap_or("");
            for item in list.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    found.insert(name);
                }
            }
        }
    }
    found
}

#[test]
fn ui_modules_import_each_other_in_one_direction() {
    let mut all = Vec::new();
    files(&ui_dir(), &mut all);
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let modules: BTreeSet<String> = all.iter().filter_map(|f| top_module(f)).collect();
    for file in &all {
        let Some(from) = top_module(file) else {
            continue;
        };
        let text = std::fs::read_to_string(file).unwrap_or_default();
        let edges = graph.entry(from.clone()).or_default();
        for to in imports(file, &text) {
            if to != from && modules.contains(&to) {
                edges.insert(to);
            }
        }
    }
    // Depth-first search for a cycle, reporting it as a path.
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(start) = path.iter().position(|n| n == node) {
            let mut cycle = path[start..].to_vec();
            cycle.push(node.to_string());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        path.push(node.to_string());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, path, done) {
                return Some(cycle);
            }
        }
        path.pop();
        done.insert(node.to_string());
        None
    }
    let mut done = BTreeSet::new();
    for module in graph.keys() {
        if let Some(cycle) = visit(module, &graph, &mut Vec::new(), &mut done) {
            panic!(
                "src/ui modules import each other in a circle: {}",
                cycle.join(" → ")
            );
        }
    }
    assert!(graph.len() > 10, "only {} modules found", graph.len());
}
