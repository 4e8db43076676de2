//! `#[derive(Validate)]` for `spec-validate`. Use it through the `spec-validate`
//! crate (`spec_validate::Validate`), which documents the attribute language.
//! The expansion lives in `spec-validate-impl`, a normal library so that it can
//! be tested and snapshotted.

#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Derives `spec_validate::Validate` (and `spec_validate::Scopes` when a
/// `scopes(...)` attribute is present). See the `spec_validate` crate docs.
#[proc_macro_derive(Validate, attributes(validate))]
pub fn derive_validate(input: TokenStream) -> TokenStream {
    spec_validate_impl::derive_validate(input.into()).into()
}
