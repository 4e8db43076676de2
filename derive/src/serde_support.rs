//! Stricter serde reading for closed objects: what the generated request types use, usable
//! by hand-written types too.
//!
//! serde's derive is lenient in two ways that matter for a request body checked against a
//! spec:
//!
//! - A struct also deserializes from a JSON **array**, whose elements are matched to the
//!   fields by position: `["My app", true]` reads as `{"name": "My app", "oidc_conformant":
//!   true}`. [`object_only_serde!`](crate::object_only_serde) makes a struct accept a JSON
//!   object only.
//! - An `Option<T>` field reads `null` as `None`, the same as an absent field, so `null` on a
//!   field that is not nullable silently disappears. [`deserialize_non_null`] makes a present
//!   `null` an error instead.
//!
//! Both keep serde's error locations, so `serde_path_to_error` still reports the JSON path.
//!
//! ```
//! use spec_validate::serde_support::deserialize_non_null;
//!
//! #[derive(Debug, serde::Serialize, serde::Deserialize)]
//! #[serde(remote = "Self", deny_unknown_fields)]
//! struct Jwt {
//!     #[serde(default, deserialize_with = "deserialize_non_null")]
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     alg: Option<String>,
//! }
//! spec_validate::object_only_serde!(Jwt);
//!
//! #[derive(Debug, serde::Serialize, serde::Deserialize)]
//! #[serde(remote = "Self", deny_unknown_fields)]
//! struct Body {
//!     #[serde(default, deserialize_with = "deserialize_non_null")]
//!     #[serde(skip_serializing_if = "Option::is_none")]
//!     jwt: Option<Jwt>,
//! }
//! spec_validate::object_only_serde!(Body);
//!
//! // Absent and set values read as usual, and the value writes back unchanged.
//! let body: Body = serde_json::from_str(r#"{"jwt": {"alg": "RS256"}}"#).unwrap();
//! assert_eq!(serde_json::to_string(&body).unwrap(), r#"{"jwt":{"alg":"RS256"}}"#);
//! assert!(serde_json::from_str::<Body>("{}").unwrap().jwt.is_none());
//!
//! // An array is not an object, even one with the right number of elements.
//! let err = serde_json::from_str::<Body>(r#"{"jwt": ["RS256"]}"#).unwrap_err();
//! assert!(err.to_string().starts_with("invalid type: sequence, expected a JSON object"));
//!
//! // `null` is not "absent".
//! let err = serde_json::from_str::<Body>(r#"{"jwt": {"alg": null}}"#).unwrap_err();
//! assert!(err.to_string().starts_with("invalid type: null, expected a string"));
//! ```

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, MapAccess, Visitor};

/// Reads an `Option<T>` field that is present in the input: `null` is an error (the field is
/// not nullable) rather than `None`.
///
/// Use it with `#[serde(default, deserialize_with = "...")]`: `default` makes an absent field
/// `None` without calling this function, so `None` means "absent" and nothing else. (For a
/// field where `null` is meaningful, use [`Patch`](crate::Patch) instead.)
///
/// ```
/// #[derive(serde::Deserialize)]
/// struct Body {
///     #[serde(default, deserialize_with = "spec_validate::serde_support::deserialize_non_null")]
///     name: Option<String>,
/// }
/// assert!(serde_json::from_str::<Body>("{}").unwrap().name.is_none());
/// assert_eq!(serde_json::from_str::<Body>(r#"{"name": "x"}"#).unwrap().name.as_deref(), Some("x"));
/// assert!(serde_json::from_str::<Body>(r#"{"name": null}"#).is_err());
/// ```
pub fn deserialize_non_null<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    T::deserialize(deserializer).map(Some)
}

/// A struct whose fields serde can read from a map: the reading that
/// [`deserialize_object`] allows only for a JSON object.
///
/// [`object_only_serde!`](crate::object_only_serde) implements it (with the inherent
/// `deserialize` function that `#[serde(remote = "Self")]` derives); there is rarely a reason
/// to implement it by hand.
pub trait FromObject<'de>: Sized {
    /// Reads the fields from `map`.
    fn from_object<A>(map: A) -> Result<Self, A::Error>
    where
        A: MapAccess<'de>;
}

/// Deserializes `T` from a map (a JSON object) only; any other input, a sequence in
/// particular, is an "invalid type" error expecting "a JSON object".
pub fn deserialize_object<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromObject<'de>,
{
    deserializer.deserialize_map(ObjectOnly(PhantomData))
}

/// The visitor behind [`deserialize_object`]: it implements `visit_map` and nothing else.
struct ObjectOnly<T>(PhantomData<T>);

impl<'de, T> Visitor<'de> for ObjectOnly<T>
where
    T: FromObject<'de>,
{
    type Value = T;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A>(self, map: A) -> Result<T, A::Error>
    where
        A: MapAccess<'de>,
    {
        T::from_object(map)
    }
}

/// Implements `Serialize` and `Deserialize` for structs whose serde derives carry
/// `#[serde(remote = "Self")]`, so that they deserialize from a JSON object only.
///
/// With `remote = "Self"`, serde's derives write inherent `serialize`/`deserialize` functions
/// instead of trait impls. This macro adds the trait impls: `Serialize` calls the derived
/// function unchanged; `Deserialize` goes through
/// [`deserialize_object`](crate::serde_support::deserialize_object), which accepts a map and
/// then hands it to the derived function, so a JSON array is rejected instead of being matched
/// to the fields by position. It also implements
/// [`FromObject`](crate::serde_support::FromObject).
///
/// Takes one or more non-generic struct types, each written next to its struct. The expansion
/// names serde through `spec_validate`, so the calling crate needs `serde` only for its
/// derives.
///
/// ```
/// #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
/// #[serde(remote = "Self", deny_unknown_fields)]
/// pub struct Point {
///     pub x: i32,
///     pub y: i32,
/// }
/// spec_validate::object_only_serde!(Point);
///
/// let p: Point = serde_json::from_str(r#"{"x": 1, "y": 2}"#).unwrap();
/// assert_eq!(p, Point { x: 1, y: 2 });
/// assert_eq!(serde_json::to_string(&p).unwrap(), r#"{"x":1,"y":2}"#);
/// // Plain `#[derive(Deserialize)]` would read this as `Point { x: 1, y: 2 }`.
/// assert!(serde_json::from_str::<Point>("[1, 2]").is_err());
/// ```
///
/// Forgetting `remote = "Self"` is a compile error (serde's derive then implements the traits
/// itself, and the impls conflict):
///
/// ```compile_fail
/// #[derive(serde::Serialize, serde::Deserialize)]
/// pub struct Point {
///     pub x: i32,
/// }
/// spec_validate::object_only_serde!(Point);
/// ```
#[macro_export]
macro_rules! object_only_serde {
    ($($ty:ty),+ $(,)?) => {$(
        impl $crate::__private::serde::Serialize for $ty {
            fn serialize<S>(&self, serializer: S) -> ::core::result::Result<S::Ok, S::Error>
            where
                S: $crate::__private::serde::Serializer,
            {
                // The inherent function derived with `remote = "Self"`.
                <$ty>::serialize(self, serializer)
            }
        }

        impl<'de> $crate::__private::serde::Deserialize<'de> for $ty {
            fn deserialize<D>(deserializer: D) -> ::core::result::Result<Self, D::Error>
            where
                D: $crate::__private::serde::Deserializer<'de>,
            {
                $crate::serde_support::deserialize_object(deserializer)
            }
        }

        impl<'de> $crate::serde_support::FromObject<'de> for $ty {
            fn from_object<A>(map: A) -> ::core::result::Result<Self, A::Error>
            where
                A: $crate::__private::serde::de::MapAccess<'de>,
            {
                // The inherent function derived with `remote = "Self"`.
                <$ty>::deserialize(
                    $crate::__private::serde::de::value::MapAccessDeserializer::new(map),
                )
            }
        }
    )+};
}
