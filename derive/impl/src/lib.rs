//! The expansion of `#[derive(Validate)]`, as a normal library on `proc_macro2`
//! so tests can call it and snapshot its output. `spec-validate-macros` is a
//! thin shell around [`derive_validate`].
//!
//! Structure (after serde_derive and thiserror): `syntax` (token trees to
//! nodes) → `attr` (typed rules) + `ast` (the input's shape) → `check`
//! (cross-cutting checks: types, field references) → `emit` (the impls).
//! Errors are collected in a `Ctxt` and reported together; on error a stub
//! impl is emitted so one mistake does not cascade.

#![forbid(unsafe_code)]

mod ast;
mod attr;
mod check;
mod emit;
pub mod names;
pub mod pattern;
pub mod suggest;
mod syntax;

use std::cell::RefCell;

use proc_macro2::{Span, TokenStream};
use quote::quote;

/// Collects errors, so every mistake is reported at once.
pub(crate) struct Ctxt {
    errors: RefCell<Vec<syn::Error>>,
}

impl Ctxt {
    fn new() -> Self {
        Ctxt {
            errors: RefCell::new(Vec::new()),
        }
    }

    /// Records an error at `span`.
    pub(crate) fn error(&self, span: Span, msg: impl std::fmt::Display) {
        self.errors.borrow_mut().push(syn::Error::new(span, msg));
    }

    /// How many errors have been recorded so far.
    pub(crate) fn error_count(&self) -> usize {
        self.errors.borrow().len()
    }

    pub(crate) fn syn_error(&self, e: syn::Error) {
        self.errors.borrow_mut().push(e);
    }

    fn finish(self) -> Result<(), syn::Error> {
        let mut errors = self.errors.into_inner().into_iter();
        let Some(mut first) = errors.next() else {
            return Ok(());
        };
        for e in errors {
            first.combine(e);
        }
        Err(first)
    }
}

/// Expands `#[derive(Validate)]` on `input` (a struct or enum). Never panics on
/// user input: mistakes become `compile_error!`s at their spans, next to a stub
/// impl.
pub fn derive_validate(input: TokenStream) -> TokenStream {
    let input: syn::DeriveInput = match syn::parse2(input) {
        Ok(i) => i,
        Err(e) => return e.to_compile_error(),
    };
    let cx = Ctxt::new();
    let container = ast::Container::from_input(&cx, &input);
    check::check(&cx, &container);
    match cx.finish() {
        Ok(()) => emit::expand(&container),
        Err(err) => {
            let stub = emit::stub(&container);
            let errors = err.to_compile_error();
            quote! {
                #errors
                #stub
            }
        }
    }
}
