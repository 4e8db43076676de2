//! Generates the bindings and their Markdown reference from the workspace spec into OUT_DIR.
//!
//! Cargo reruns this only when the spec (or this script, or spec-codegen) changes: the
//! generator prints a precise `cargo::rerun-if-changed` and writes files only when their
//! content changed.

use std::process::ExitCode;

fn main() -> ExitCode {
    let result = spec_codegen::Config::new()
        // The header and diagnostics name the spec as the CLI does from the workspace root.
        .source_name("spec/auth0/update-client.yaml")
        .file_name("update_client.rs")
        .docs_file_name("update_client.md")
        .generate("../spec/auth0/update-client.yaml");
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(err) => {
            // Every problem, located; no panic and no backtrace.
            eprintln!("{err}");
            ExitCode::FAILURE
        }
    }
}
