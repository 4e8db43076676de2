//! Validation runtime and `#[derive(Validate)]` for spec-generated and
//! hand-written types.
//!
//! RULES_DOC_PLACEHOLDER
#![warn(missing_docs)]

mod checks;
mod patch;
mod report;
mod secret;
mod wire;

#[doc(hidden)]
#[path = "private.rs"]
pub mod __private;

use std::collections::{BTreeMap, HashMap};

pub use checks::{ip_ok, url_ok};
pub use patch::Patch;
pub use report::{Code, Param, Params, Path, Report, Violation};
pub use secret::Secret;
pub use wire::{Scopes, Wire, WireValue};

/// Derives [`Validate`] (and [`Scopes`] when any `scopes(...)` attribute is present).
pub use spec_validate_macros::Validate;

/// A value that can check itself against its rules.
///
/// Derive it with `#[derive(Validate)]`; implement it by hand by writing
/// [`validate_at`](Validate::validate_at), which records violations relative to
/// `path` into `report`.
pub trait Validate {
    /// Checks every rule and returns all violations, in declaration order.
    /// Allocates nothing when the value is valid.
    fn validate(&self) -> Result<(), Report> {
        let mut report = Report::new();
        self.validate_at(&Path::root(), &mut report);
        report.into_result()
    }

    /// Records the violations of this value, located under `path`, into `report`.
    fn validate_at(&self, path: &Path<'_>, report: &mut Report);
}

impl<T: Validate + ?Sized> Validate for &T {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_at(path, report)
    }
}

impl<T: Validate + ?Sized> Validate for Box<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        (**self).validate_at(path, report)
    }
}

/// `None` is valid; `Some(v)` is `v`'s rules.
impl<T: Validate> Validate for Option<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        if let Some(v) = self {
            v.validate_at(path, report)
        }
    }
}

/// Absent and null are valid; a value is checked.
impl<T: Validate> Validate for Patch<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        if let Patch::Value(v) = self {
            v.validate_at(path, report)
        }
    }
}

/// Each element, at `path[i]`.
impl<T: Validate> Validate for [T] {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (i, v) in self.iter().enumerate() {
            v.validate_at(&path.index(i), report)
        }
    }
}

/// Each element, at `path[i]`.
impl<T: Validate> Validate for Vec<T> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        self.as_slice().validate_at(path, report)
    }
}

/// Each value, at `path.key`.
impl<V: Validate> Validate for BTreeMap<String, V> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (k, v) in self {
            v.validate_at(&path.key(k), report)
        }
    }
}

/// Each value, at `path.key` (in the map's iteration order).
impl<V: Validate, S> Validate for HashMap<String, V, S> {
    fn validate_at(&self, path: &Path<'_>, report: &mut Report) {
        for (k, v) in self {
            v.validate_at(&path.key(k), report)
        }
    }
}
