//! The tri-state field type of PATCH bodies: absent, null, or a value.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A field that can be absent (leave as is), `null` (unset) or a value.
///
/// Use it with `#[serde(default, skip_serializing_if = "Patch::is_absent")]`
/// so that absent fields are not written and missing fields read as
/// [`Patch::Absent`]; `{}`, `{"x": null}` and `{"x": 1}` then each round-trip
/// exactly:
///
/// ```
/// use spec_validate::Patch;
/// #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
/// struct Body {
///     #[serde(default, skip_serializing_if = "Patch::is_absent")]
///     x: Patch<i64>,
/// }
/// for json in [r#"{}"#, r#"{"x":null}"#, r#"{"x":1}"#] {
///     let body: Body = serde_json::from_str(json).unwrap();
///     assert_eq!(serde_json::to_string(&body).unwrap(), json);
/// }
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Patch<T> {
    /// Not in the body: the server keeps its current value.
    #[default]
    Absent,
    /// `null`: the server unsets the field.
    Null,
    /// A value.
    Value(T),
}

impl<T> Patch<T> {
    /// Whether the field is absent (for `skip_serializing_if`).
    pub fn is_absent(&self) -> bool {
        matches!(self, Patch::Absent)
    }
    /// Whether the field is `null`.
    pub fn is_null(&self) -> bool {
        matches!(self, Patch::Null)
    }
    /// Whether the field holds a value.
    pub fn is_value(&self) -> bool {
        matches!(self, Patch::Value(_))
    }
    /// The value, if any.
    pub fn as_value(&self) -> Option<&T> {
        match self {
            Patch::Value(v) => Some(v),
            _ => None,
        }
    }
    /// The value, if any, mutably.
    pub fn as_value_mut(&mut self) -> Option<&mut T> {
        match self {
            Patch::Value(v) => Some(v),
            _ => None,
        }
    }
    /// Converts to the value, if any.
    pub fn into_value(self) -> Option<T> {
        match self {
            Patch::Value(v) => Some(v),
            _ => None,
        }
    }
    /// Borrows the content.
    pub fn as_ref(&self) -> Patch<&T> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(v) => Patch::Value(v),
        }
    }
    /// Maps the value, keeping absent and null.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Patch<U> {
        match self {
            Patch::Absent => Patch::Absent,
            Patch::Null => Patch::Null,
            Patch::Value(v) => Patch::Value(f(v)),
        }
    }
}

impl<T> From<T> for Patch<T> {
    fn from(v: T) -> Self {
        Patch::Value(v)
    }
}

impl<T: Serialize> Serialize for Patch<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            // Absent is normally skipped by `skip_serializing_if`; if it is not,
            // null is the only faithful JSON for "no value".
            Patch::Absent | Patch::Null => s.serialize_none(),
            Patch::Value(v) => s.serialize_some(v),
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Patch<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(match Option::<T>::deserialize(d)? {
            None => Patch::Null,
            Some(v) => Patch::Value(v),
        })
    }
}
