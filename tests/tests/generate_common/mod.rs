//! Helpers shared by the `generate_*` tests: locating and loading specs.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use spec_codegen::ir::Api;

pub fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ lives in the workspace")
        .to_owned()
}

/// Loads a spec by its workspace-relative path (which becomes the `@generated` header).
pub fn load(relative: &str) -> Api {
    let text = std::fs::read_to_string(workspace().join(relative))
        .unwrap_or_else(|err| panic!("cannot read {relative}: {err}"));
    spec_codegen::load_str(relative, &text)
        .unwrap_or_else(|diagnostics| panic!("{relative} does not load:\n{diagnostics}"))
}

/// Workspace-relative paths of the valid fixtures, sorted.
pub fn fixtures() -> Vec<String> {
    let dir = workspace().join("tests/fixtures/valid");
    let mut out: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|err| panic!("cannot list {}: {err}", dir.display()))
        .map(|entry| {
            entry
                .expect("directory entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".yaml"))
        .map(|name| format!("tests/fixtures/valid/{name}"))
        .collect();
    out.sort();
    assert!(!out.is_empty(), "no fixtures in {}", dir.display());
    out
}
