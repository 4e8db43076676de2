//! Helpers shared by the `generate_*` tests: locating specs and building the IR-only obstacle
//! (type names that differ only in case, which the YAML checker rightly rejects but the
//! emitter must still handle).

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use spec_codegen::ir::{Api, Schema, TypeKind};

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

fn rename_in(schema: &mut Schema, from: &str, to: &str) {
    match schema {
        Schema::Named(name) if name == from => *name = to.to_owned(),
        Schema::Array(array) => rename_in(&mut array.items, from, to),
        Schema::Map(map) => rename_in(&mut map.values, from, to),
        _ => {}
    }
}

/// The naming fixture with `ClientJWTSettings` renamed to `ClientJWT`, which differs from the
/// fixture's `ClientJwt` only in case: both must get distinct Rust names.
pub fn case_clash() -> Api {
    let mut api = load("tests/fixtures/valid/naming.yaml");
    let (from, to) = ("ClientJWTSettings", "ClientJWT");
    let mut def = api
        .types
        .remove(from)
        .expect("the fixture has ClientJWTSettings");
    def.name = to.to_owned();
    api.types.insert(to.to_owned(), def);
    for def in api.types.values_mut() {
        match &mut def.kind {
            TypeKind::Object(object) => {
                for field in &mut object.fields {
                    rename_in(&mut field.schema, from, to);
                }
            }
            TypeKind::Map(map) => rename_in(&mut map.values, from, to),
            TypeKind::Union(union) => {
                for variant in &mut union.variants {
                    rename_in(&mut variant.schema, from, to);
                }
            }
            TypeKind::Enum(_) => {}
        }
    }
    api.source =
        "tests/fixtures/valid/naming.yaml (ClientJWTSettings renamed to ClientJWT)".to_owned();
    api
}
