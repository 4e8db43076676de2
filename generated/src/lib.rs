//! Typed, validated bindings for Auth0's `PATCH /api/v2/clients/{id}`, generated at build time
//! by `spec-codegen` from `spec/auth0/update-client.yaml` (see `build.rs`).
//!
//! - [`request::UpdateClientRequest`] (re-exported as [`UpdateClientRequest`]): the PATCH body.
//!   Every field is absent by default and absent fields are not sent; nullable fields are
//!   `Patch<T>` (absent / `null` / value). `validate()` checks every constraint of the spec and
//!   reports all violations with JSON paths; `required_scopes()` says which scopes it needs.
//! - [`response::Client`] (re-exported as [`Client`]): the 200 response. Open: unknown fields and
//!   enum values are kept and serialized back unchanged.
//!
//! The rest of this page is the Markdown reference generated from the same spec.
//!
#![doc = include_str!(concat!(env!("OUT_DIR"), "/update_client.md"))]
#![forbid(unsafe_code)]
#![deny(missing_docs)]

include!(concat!(env!("OUT_DIR"), "/update_client.rs"));
