//! `spec-codegen`: from a YAML endpoint spec to checked IR, Rust bindings and Markdown docs.
//!
//! Data flow: `load` (YAML → located model) → `check` (all errors at once) → [`ir::Api`] →
//! `emit` (Rust, via syn/quote/prettyplease) and `docs` (Markdown).

#![forbid(unsafe_code)]

pub mod ir;

// --- loader and checker (piece C): model, load, check, diagnostic ---

pub mod check;
pub mod diagnostic;
mod graph;
mod load;
pub mod model;

pub use diagnostic::{Diagnostic, Diagnostics};
pub use load::{LoadError, Summary, load, load_bytes, load_str, source_name};

// --- emitter (piece D): naming, emit, docs, config ---
pub mod config;
pub mod docs;
pub mod emit;
pub mod naming;

pub use config::Config;
pub use docs::markdown;
pub use emit::generate;
