//! `spec-codegen`: from a YAML endpoint spec to checked IR, Rust bindings and Markdown docs.
//!
//! Data flow: `load` (YAML → located model) → `check` (all errors at once) → [`ir::Api`] →
//! `emit` (Rust, via syn/quote/prettyplease) and `docs` (Markdown).

#![forbid(unsafe_code)]

pub mod ir;

// --- loader and checker (piece C): model, load, check, diagnostic ---

// --- emitter (piece D): naming, emit, docs, config ---
