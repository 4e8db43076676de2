//! Helpers for the code `#[derive(Validate)]` emits. Not public API: names and
//! signatures may change in any release.
#![allow(missing_docs)]

use std::borrow::Cow;
use std::cmp::Ordering;
use std::collections::{BTreeMap, HashMap};

pub use regex::Regex;
/// For `object_only_serde!`, so that the calling crate needs no direct `serde` dependency.
pub use serde;
pub use std::sync::LazyLock;

use crate::report::{Code, Param, Params, Path, Report};
use crate::{Patch, Secret};

pub use crate::checks::{ip_ok, url_ok};

// ---------------------------------------------------------------------------
// Presence: Option / Patch / Box / references / plain values, resolved at the
// call site by autoref specialization: `(&Probe(&x)).__slot()` for one layer,
// `peel((&Probe(&x)).__layer()).__then(|w| (&Probe(w)).__layer())...` for a
// type with several wrapper layers (one call site per layer, so that each
// resolves with the concrete type of its layer).

/// The state of a field: absent, null, or set to a value.
pub enum Slot<'a, T: ?Sized> {
    Absent,
    Null,
    Set(&'a T),
}

impl<T: ?Sized> Slot<'_, T> {
    #[inline]
    pub fn is_absent(&self) -> bool {
        matches!(self, Slot::Absent)
    }
    #[inline]
    pub fn is_set(&self) -> bool {
        matches!(self, Slot::Set(_))
    }
}

/// One wrapper layer of a value.
pub enum Layer<'a, T: ?Sized> {
    /// `Option::None`.
    None,
    /// `Patch::Absent`.
    Absent,
    /// `Patch::Null`.
    Null,
    /// `Some(v)` or `Patch::Value(v)`: a presence layer holding a value.
    Value(&'a T),
    /// `Box<T>` or `&T` (transparent), or a value that is no wrapper.
    Through(&'a T),
}

/// A value being peeled layer by layer.
///
/// The first `None`/`Absent`/`Null` met decides: `Patch::Absent` is absent
/// and `Patch::Null` is null at any depth; `None` is absent in the outermost
/// presence layer (`Option`/`Patch`, looking through `Box`/`&`) and null
/// under an outer `Some`/`Value` (serde's double option: `Some(None)` is
/// `null`).
pub struct Peel<'a, T: ?Sized> {
    slot: Slot<'a, T>,
    /// A presence layer holding a value was passed.
    inside: bool,
}

/// Starts peeling at the outermost layer.
#[inline]
pub fn peel<T: ?Sized>(layer: Layer<'_, T>) -> Peel<'_, T> {
    step(false, layer)
}

#[inline]
fn step<T: ?Sized>(inside: bool, layer: Layer<'_, T>) -> Peel<'_, T> {
    let slot = match layer {
        Layer::None if inside => Slot::Null,
        Layer::None | Layer::Absent => Slot::Absent,
        Layer::Null => Slot::Null,
        Layer::Value(value) => {
            return Peel {
                slot: Slot::Set(value),
                inside: true,
            };
        }
        Layer::Through(value) => Slot::Set(value),
    };
    Peel { slot, inside }
}

impl<'a, T: ?Sized> Peel<'a, T> {
    /// The next layer, inside a set value.
    #[inline]
    pub fn __then<U: ?Sized>(self, next: impl FnOnce(&'a T) -> Layer<'a, U>) -> Peel<'a, U> {
        let inside = self.inside;
        match self.slot {
            Slot::Set(value) => step(inside, next(value)),
            Slot::Absent => Peel {
                slot: Slot::Absent,
                inside,
            },
            Slot::Null => Peel {
                slot: Slot::Null,
                inside,
            },
        }
    }

    /// The state of the value after the last layer.
    #[inline]
    pub fn __slot(self) -> Slot<'a, T> {
        self.slot
    }
}

pub struct Probe<'a, T: ?Sized>(pub &'a T);

pub trait ViaOption<'a> {
    type Inner: ?Sized + 'a;
    fn __layer(&self) -> Layer<'a, Self::Inner>;
    /// The state after this one layer.
    #[inline]
    fn __slot(&self) -> Slot<'a, Self::Inner> {
        peel(self.__layer()).__slot()
    }
}
impl<'a, T> ViaOption<'a> for Probe<'a, Option<T>> {
    type Inner = T;
    #[inline]
    fn __layer(&self) -> Layer<'a, T> {
        match self.0 {
            None => Layer::None,
            Some(v) => Layer::Value(v),
        }
    }
}
impl<'a, T> ViaOption<'a> for Probe<'a, Patch<T>> {
    type Inner = T;
    #[inline]
    fn __layer(&self) -> Layer<'a, T> {
        match self.0 {
            Patch::Absent => Layer::Absent,
            Patch::Null => Layer::Null,
            Patch::Value(v) => Layer::Value(v),
        }
    }
}
impl<'a, T: ?Sized> ViaOption<'a> for Probe<'a, Box<T>> {
    type Inner = T;
    #[inline]
    fn __layer(&self) -> Layer<'a, T> {
        Layer::Through(&**self.0)
    }
}
impl<'a, T: ?Sized> ViaOption<'a> for Probe<'a, &'a T> {
    type Inner = T;
    #[inline]
    fn __layer(&self) -> Layer<'a, T> {
        Layer::Through(*self.0)
    }
}

pub trait ViaPlain<'a> {
    type Inner: ?Sized + 'a;
    fn __layer(&self) -> Layer<'a, Self::Inner>;
    /// The state after this one layer.
    #[inline]
    fn __slot(&self) -> Slot<'a, Self::Inner> {
        peel(self.__layer()).__slot()
    }
}
impl<'a, T: ?Sized> ViaPlain<'a> for &Probe<'a, T> {
    type Inner = T;
    #[inline]
    fn __layer(&self) -> Layer<'a, T> {
        Layer::Through(self.0)
    }
}

// ---------------------------------------------------------------------------
// Leaf views.

/// A value that rules on strings apply to.
#[diagnostic::on_unimplemented(
    message = "this rule applies to strings, not to `{Self}`",
    label = "`{Self}` is not a string type"
)]
pub trait Str {
    fn __str(&self) -> &str;
}
impl Str for str {
    fn __str(&self) -> &str {
        self
    }
}
impl Str for String {
    fn __str(&self) -> &str {
        self
    }
}
impl Str for Cow<'_, str> {
    fn __str(&self) -> &str {
        self
    }
}
impl<T: Str + ?Sized> Str for &T {
    fn __str(&self) -> &str {
        (**self).__str()
    }
}
impl<T: Str + ?Sized> Str for Box<T> {
    fn __str(&self) -> &str {
        (**self).__str()
    }
}
impl<T: Str> Str for Secret<T> {
    fn __str(&self) -> &str {
        self.expose().__str()
    }
}

/// One trait per string rule, so that a value of the wrong type is reported
/// with the rule's name (the emitted code calls the rule's trait, whose
/// bound is [`Str`]).
macro_rules! string_rule {
    ($($name:ident: $message:literal,)*) => {$(
        #[diagnostic::on_unimplemented(
            message = $message,
            label = "`{Self}` is not a string type",
            note = "string rules apply to `String`, `str`, `Cow<str>` and `Secret` of them (behind any `Option`, `Patch`, `Box` or `&`)"
        )]
        pub trait $name {
            fn __str(&self) -> &str;
        }
        impl<T: Str + ?Sized> $name for T {
            #[inline]
            fn __str(&self) -> &str {
                Str::__str(self)
            }
        }
    )*};
}
string_rule! {
    LengthRule: "`length` applies to strings, not to `{Self}`",
    PatternRule: "`pattern` applies to strings, not to `{Self}`",
    OneOfRule: "`one_of` applies to strings, not to `{Self}`",
    UrlRule: "`url` applies to strings, not to `{Self}`",
    IpRule: "`ip` applies to strings, not to `{Self}`",
}

/// A value that `range` applies to.
#[diagnostic::on_unimplemented(
    message = "`range` applies to integers, not to `{Self}`",
    label = "`{Self}` is not an integer type"
)]
pub trait Int {
    /// The exact value: `Err` only for a `u128` above `i128::MAX`.
    fn __int(&self) -> Result<i128, u128>;
}
macro_rules! int_impl {
    ($($t:ty),*) => {$(
        impl Int for $t {
            #[inline]
            fn __int(&self) -> Result<i128, u128> {
                #[allow(clippy::unnecessary_fallible_conversions)]
                i128::try_from(*self).map_err(|_| *self as u128)
            }
        }
    )*};
}
int_impl!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);
impl<T: Int + ?Sized> Int for &T {
    fn __int(&self) -> Result<i128, u128> {
        (**self).__int()
    }
}
impl<T: Int + ?Sized> Int for Box<T> {
    fn __int(&self) -> Result<i128, u128> {
        (**self).__int()
    }
}

/// A sequence that `items` / `each` apply to.
#[diagnostic::on_unimplemented(
    message = "`items`/`each` apply to sequences (`Vec<T>`, slices, arrays), not to `{Self}`",
    label = "`{Self}` is not a sequence"
)]
pub trait Seq {
    type Item;
    fn __items(&self) -> &[Self::Item];
}
impl<T> Seq for Vec<T> {
    type Item = T;
    fn __items(&self) -> &[T] {
        self
    }
}
impl<T> Seq for [T] {
    type Item = T;
    fn __items(&self) -> &[T] {
        self
    }
}
impl<T, const N: usize> Seq for [T; N] {
    type Item = T;
    fn __items(&self) -> &[T] {
        self
    }
}
impl<T> Seq for Box<[T]> {
    type Item = T;
    fn __items(&self) -> &[T] {
        self
    }
}

/// One trait per sequence rule, so that a value of the wrong type is reported
/// with the rule's name.
macro_rules! sequence_rule {
    ($($name:ident: $message:literal,)*) => {$(
        #[diagnostic::on_unimplemented(
            message = $message,
            label = "`{Self}` is not a sequence",
            note = "`items` and `each` apply to `Vec<T>`, slices, arrays and `Box<[T]>` (behind any `Option`, `Patch`, `Box` or `&`)"
        )]
        pub trait $name {
            type Item;
            fn __items(&self) -> &[Self::Item];
        }
        impl<T: Seq + ?Sized> $name for T {
            type Item = T::Item;
            #[inline]
            fn __items(&self) -> &[T::Item] {
                Seq::__items(self)
            }
        }
    )*};
}
sequence_rule! {
    ItemsRule: "`items` applies to sequences (`Vec<T>`, slices, arrays), not to `{Self}`",
    EachRule: "`each` applies to sequences (`Vec<T>`, slices, arrays), not to `{Self}`",
}

/// A string-keyed map that `entries` / `keys` / `values` apply to.
#[diagnostic::on_unimplemented(
    message = "`entries`/`keys`/`values` apply to maps with string keys (`BTreeMap<String, V>`), not to `{Self}`",
    label = "`{Self}` is not a string-keyed map"
)]
pub trait Map {
    type Value;
    fn __len(&self) -> usize;
    fn __entries(&self) -> MapIter<'_, Self::Value>;
}
impl<V> Map for BTreeMap<String, V> {
    type Value = V;
    fn __len(&self) -> usize {
        self.len()
    }
    fn __entries(&self) -> MapIter<'_, V> {
        MapIter::BTree(self.iter())
    }
}
impl<V, S> Map for HashMap<String, V, S> {
    type Value = V;
    fn __len(&self) -> usize {
        self.len()
    }
    fn __entries(&self) -> MapIter<'_, V> {
        MapIter::Hash(self.iter())
    }
}

/// The entries of a [`Map`], in its order.
pub enum MapIter<'a, V> {
    BTree(std::collections::btree_map::Iter<'a, String, V>),
    Hash(std::collections::hash_map::Iter<'a, String, V>),
}
impl<'a, V> Iterator for MapIter<'a, V> {
    type Item = (&'a str, &'a V);
    #[inline]
    fn next(&mut self) -> Option<(&'a str, &'a V)> {
        let (key, value) = match self {
            MapIter::BTree(entries) => entries.next()?,
            MapIter::Hash(entries) => entries.next()?,
        };
        Some((key.as_str(), value))
    }
}

/// One trait per map rule, so that a value of the wrong type is reported with
/// the rule's name.
macro_rules! map_rule {
    ($($name:ident: $message:literal,)*) => {$(
        #[diagnostic::on_unimplemented(
            message = $message,
            label = "`{Self}` is not a string-keyed map",
            note = "`entries`, `keys` and `values` apply to `BTreeMap<String, V>` and `HashMap<String, V>` (behind any `Option`, `Patch`, `Box` or `&`)"
        )]
        pub trait $name {
            type Value;
            fn __len(&self) -> usize;
            fn __entries(&self) -> MapIter<'_, Self::Value>;
        }
        impl<T: Map + ?Sized> $name for T {
            type Value = T::Value;
            #[inline]
            fn __len(&self) -> usize {
                Map::__len(self)
            }
            #[inline]
            fn __entries(&self) -> MapIter<'_, T::Value> {
                Map::__entries(self)
            }
        }
    )*};
}
map_rule! {
    EntriesRule: "`entries` applies to maps with string keys (`BTreeMap<String, V>`), not to `{Self}`",
    KeysRule: "`keys` applies to maps with string keys (`BTreeMap<String, V>`), not to `{Self}`",
    ValuesRule: "`values` applies to maps with string keys (`BTreeMap<String, V>`), not to `{Self}`",
}

/// Number of properties a `#[serde(flatten)]` field contributes.
#[diagnostic::on_unimplemented(
    message = "the members that a flattened `{Self}` adds to this object cannot be counted",
    label = "counts a `#[serde(flatten)]` field by its entries, so it needs a string-keyed map, not `{Self}`",
    note = "`properties(...)` and `scopes(...)` count a `#[serde(flatten)]` field by its entries: flatten a `BTreeMap<String, V>` (or `HashMap`, or an `Option` of one), or remove the rule"
)]
pub trait FlattenLen {
    fn __flatten_len(&self) -> usize;
}
impl<T: Map> FlattenLen for T {
    fn __flatten_len(&self) -> usize {
        self.__len()
    }
}
impl<T: Map> FlattenLen for Option<T> {
    fn __flatten_len(&self) -> usize {
        self.as_ref().map_or(0, Map::__len)
    }
}

// ---------------------------------------------------------------------------
// Rule checks. Each records a violation and returns nothing; none allocates
// unless it records one.

fn plural(n: i128, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

fn bounds_message(
    what: (&'static str, &'static str),
    min: Option<i128>,
    max: Option<i128>,
    actual: impl std::fmt::Display,
    counted: bool,
) -> String {
    let unit = |n: i128| {
        if counted {
            format!(" {}", plural(n, what.0, what.1))
        } else {
            String::new()
        }
    };
    match (min, max) {
        (Some(a), Some(b)) if a == b => format!("must be exactly {a}{} (got {actual})", unit(a)),
        (Some(a), Some(b)) => format!("must be between {a} and {b}{} (got {actual})", unit(b)),
        (Some(a), None) => format!("must be at least {a}{} (got {actual})", unit(a)),
        (None, Some(b)) => format!("must be at most {b}{} (got {actual})", unit(b)),
        (None, None) => String::new(),
    }
}

fn bounds_params(min: Option<i128>, max: Option<i128>, actual: impl Into<Param>) -> Params {
    let mut p = Params::new();
    if let Some(min) = min {
        p = p.with("min", min);
    }
    if let Some(max) = max {
        p = p.with("max", max);
    }
    p.with("actual", actual)
}

/// Length in Unicode scalar values; counts only when the byte length cannot decide.
#[inline]
pub fn length(s: &str, min: Option<usize>, max: Option<usize>, path: &Path<'_>, r: &mut Report) {
    let bytes = s.len();
    // chars <= bytes <= 4 * chars
    let surely_ok = max.is_none_or(|m| bytes <= m) && min.is_none_or(|m| bytes / 4 >= m);
    if surely_ok {
        return;
    }
    let n = s.chars().count();
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        let (min, max) = (min.map(|v| v as i128), max.map(|v| v as i128));
        r.push(
            path,
            Code::Length,
            bounds_message(("character", "characters"), min, max, n as i128, true),
            bounds_params(min, max, n as i128),
        );
    }
}

/// `v` is the exact value: `Err` for a `u128` above `i128::MAX`, which is
/// above every bound a rule can give.
#[inline]
pub fn range(
    v: Result<i128, u128>,
    min: Option<i128>,
    max: Option<i128>,
    path: &Path<'_>,
    r: &mut Report,
) {
    match v {
        Ok(v) => {
            if min.is_some_and(|m| v < m) || max.is_some_and(|m| v > m) {
                r.push(
                    path,
                    Code::Range,
                    bounds_message(("", ""), min, max, v, false),
                    bounds_params(min, max, v),
                );
            }
        }
        Err(big) => {
            if max.is_some() {
                r.push(
                    path,
                    Code::Range,
                    bounds_message(("", ""), min, max, big, false),
                    bounds_params(min, max, Param::BigUint(big)),
                );
            }
        }
    }
}

#[inline]
pub fn one_of(s: &str, allowed: &'static [&'static str], path: &Path<'_>, r: &mut Report) {
    if !allowed.contains(&s) {
        let list: Vec<Cow<'static, str>> = allowed.iter().map(|a| Cow::Borrowed(*a)).collect();
        let shown: Vec<String> = allowed.iter().map(|a| format!("`{a}`")).collect();
        r.push(
            path,
            Code::OneOf,
            format!("must be one of {}", shown.join(", ")),
            Params::new().with("allowed", Param::List(list)),
        );
    }
}

fn pattern_violation(pattern: &'static str, path: &Path<'_>, r: &mut Report) {
    r.push(
        path,
        Code::Pattern,
        format!("must match the pattern `{pattern}`"),
        Params::new().with("pattern", pattern),
    );
}

/// A pattern of the form `^[class]{min,max}$`, checked by a direct scan.
#[inline]
pub fn pattern_scan(
    s: &str,
    pattern: &'static str,
    min: usize,
    max: Option<usize>,
    allowed: fn(char) -> bool,
    path: &Path<'_>,
    r: &mut Report,
) {
    let mut n = 0usize;
    let mut ok = true;
    for c in s.chars() {
        n += 1;
        if !allowed(c) || max.is_some_and(|m| n > m) {
            ok = false;
            break;
        }
    }
    if !ok || n < min {
        pattern_violation(pattern, path, r);
    }
}

/// One step of a scanned pattern: `min..=max` characters that `allowed` accepts.
pub struct ScanPart {
    pub allowed: fn(char) -> bool,
    pub min: usize,
    pub max: Option<usize>,
}

/// A pattern of the form `^A{n}B{m}...Z{min,max}$`: every step but the last
/// has a fixed count, so one left-to-right pass decides the match.
#[inline]
pub fn pattern_seq(
    s: &str,
    pattern: &'static str,
    parts: &[ScanPart],
    path: &Path<'_>,
    r: &mut Report,
) {
    if !seq_matches(s, parts) {
        pattern_violation(pattern, path, r);
    }
}

fn seq_matches(s: &str, parts: &[ScanPart]) -> bool {
    let mut chars = s.chars();
    let Some((last, fixed)) = parts.split_last() else {
        return s.is_empty();
    };
    for part in fixed {
        for _ in 0..part.min {
            match chars.next() {
                Some(c) if (part.allowed)(c) => {}
                _ => return false,
            }
        }
    }
    let mut n = 0usize;
    for c in chars {
        n += 1;
        if !(last.allowed)(c) || last.max.is_some_and(|m| n > m) {
            return false;
        }
    }
    n >= last.min
}

/// A pattern compiled once, on first use. `None` only if the regex crate
/// refuses a pattern the macro accepted (then every value is reported).
pub type LazyRegex = LazyLock<Option<Regex>>;

#[inline]
pub fn pattern_regex(
    s: &str,
    pattern: &'static str,
    re: &LazyRegex,
    path: &Path<'_>,
    r: &mut Report,
) {
    let ok = match &**re {
        Some(re) => re.is_match(s),
        None => false,
    };
    if !ok {
        pattern_violation(pattern, path, r);
    }
}

#[inline]
pub fn url(s: &str, https: bool, placeholders: bool, empty: bool, path: &Path<'_>, r: &mut Report) {
    if let Err(reason) = url_ok(s, https, placeholders, empty) {
        let kind = if https {
            "an https URL"
        } else {
            "an absolute URL"
        };
        let mut params = Params::new()
            .with("https", https)
            .with("placeholders", placeholders)
            .with("empty", empty);
        params = params.with("reason", reason);
        let or_empty = if empty { " or empty" } else { "" };
        r.push(
            path,
            Code::Url,
            format!("must be {kind}{or_empty} ({reason})"),
            params,
        );
    }
}

#[inline]
pub fn ip(s: &str, cidr: bool, path: &Path<'_>, r: &mut Report) {
    if !ip_ok(s, cidr) {
        let what = if cidr {
            "an IP address or CIDR range"
        } else {
            "an IP address"
        };
        r.push(
            path,
            Code::Ip,
            format!("must be {what}"),
            Params::new().with("cidr", cidr),
        );
    }
}

#[inline]
pub fn items(n: usize, min: Option<usize>, max: Option<usize>, path: &Path<'_>, r: &mut Report) {
    count(Code::Items, ("item", "items"), n, min, max, path, r)
}

#[inline]
pub fn entries(n: usize, min: Option<usize>, max: Option<usize>, path: &Path<'_>, r: &mut Report) {
    count(Code::Entries, ("entry", "entries"), n, min, max, path, r)
}

#[inline]
pub fn properties(
    n: usize,
    min: Option<usize>,
    max: Option<usize>,
    path: &Path<'_>,
    r: &mut Report,
) {
    count(
        Code::Properties,
        ("property", "properties"),
        n,
        min,
        max,
        path,
        r,
    )
}

fn count(
    code: Code,
    what: (&'static str, &'static str),
    n: usize,
    min: Option<usize>,
    max: Option<usize>,
    path: &Path<'_>,
    r: &mut Report,
) {
    if min.is_some_and(|m| n < m) || max.is_some_and(|m| n > m) {
        let (min, max) = (min.map(|v| v as i128), max.map(|v| v as i128));
        let msg = bounds_message(what, min, max, n as i128, true);
        let msg = match code {
            Code::Properties => msg.replacen("must be", "must set", 1),
            _ => msg.replacen("must be", "must have", 1),
        };
        r.push(path, code, msg, bounds_params(min, max, n as i128));
    }
}

fn duplicate(index: usize, first: usize, path: &Path<'_>, r: &mut Report) {
    let p = path.index(index);
    r.push(
        &p,
        Code::Unique,
        format!("duplicates item {first}; items must be unique"),
        Params::new().with("duplicate_of", first),
    );
}

/// A sequence item type that `unique` can sort: `unique` needs `Ord` items so
/// that it runs in O(n log n) on untrusted input (a pairwise comparison would be
/// quadratic).
#[diagnostic::on_unimplemented(
    message = "`unique` needs items that are `Ord` (totally ordered), but `{Self}` is not",
    label = "`{Self}` does not implement `Ord`",
    note = "`unique` sorts the items so that it runs in O(n log n) on untrusted input; use an `Ord` item type (derive `PartialOrd, Ord` on your own types; floats are not `Ord`)"
)]
pub trait UniqueItem: Ord {}
impl<T: Ord + ?Sized> UniqueItem for T {}

/// The items of a `unique` sequence with their order; built only by
/// [`unique_items`], which checks (at the rule's span) that the items are `Ord`.
pub struct UniqueItems<'a, T> {
    items: &'a [T],
    cmp: fn(&T, &T) -> Ordering,
}

/// The items of a `unique` sequence, checked to be `Ord` at the rule's span.
#[inline]
pub fn unique_items<T: UniqueItem>(items: &[T]) -> UniqueItems<'_, T> {
    UniqueItems { items, cmp: T::cmp }
}

/// Unique items in O(n log n). Up to 16 items: pairwise comparison (at most
/// 120 comparisons); up to [`STACK_SORT`] items: a sort of indices in a stack
/// buffer, so a valid value allocates nothing; above: a sort of a heap array of
/// `n` indices (the only allocation `unique` makes on a valid value).
pub fn unique<T>(u: UniqueItems<'_, T>, path: &Path<'_>, r: &mut Report) {
    let UniqueItems { items, cmp } = u;
    let eq = |a: &T, b: &T| cmp(a, b) == Ordering::Equal;
    if items.len() <= 16 {
        for (j, b) in items.iter().enumerate() {
            if let Some(i) = items[..j].iter().position(|a| eq(a, b)) {
                duplicate(j, i, path, r);
            }
        }
        return;
    }
    if items.len() <= STACK_SORT {
        let mut buf = [0u32; STACK_SORT];
        let idx = &mut buf[..items.len()];
        for (i, slot) in idx.iter_mut().enumerate() {
            *slot = i as u32;
        }
        idx.sort_unstable_by(|a, b| cmp(&items[*a as usize], &items[*b as usize]));
        if !idx
            .windows(2)
            .any(|w| eq(&items[w[0] as usize], &items[w[1] as usize]))
        {
            return;
        }
    } else {
        let mut idx: Vec<usize> = (0..items.len()).collect();
        idx.sort_unstable_by(|&a, &b| cmp(&items[a], &items[b]));
        if !idx.windows(2).any(|w| eq(&items[w[0]], &items[w[1]])) {
            return;
        }
    }
    // A duplicate was found: the heap is fine here (a report is being built).
    let mut idx: Vec<usize> = (0..items.len()).collect();
    idx.sort_unstable_by(|&a, &b| cmp(&items[a], &items[b]).then(a.cmp(&b)));
    let mut dups: Vec<(usize, usize)> = Vec::new();
    let mut first = 0;
    for w in 1..idx.len() {
        if eq(&items[idx[w]], &items[idx[first]]) {
            dups.push((idx[w], idx[first]));
        } else {
            first = w;
        }
    }
    dups.sort_unstable();
    for (j, i) in dups {
        duplicate(j, i, path, r);
    }
}

/// Up to this many items, `unique` sorts indices in a stack buffer.
pub const STACK_SORT: usize = 1024;

// ---------------------------------------------------------------------------
// Struct-level rules.

pub fn mutually_exclusive(other: &'static str, path: &Path<'_>, r: &mut Report) {
    r.push(
        path,
        Code::MutuallyExclusive,
        format!("cannot be set together with `{other}`"),
        Params::new().with("other", other),
    );
}

/// A rule's condition as a message reads it: `head`, then the wire names of
/// the later hops of its path (each after a dot), then `tail`. Built only when
/// a violation is recorded.
#[derive(Clone, Copy)]
pub struct Cond<'a> {
    pub head: &'static str,
    pub hops: &'a [&'static str],
    pub tail: &'static str,
}

impl Cond<'_> {
    fn text(self) -> Cow<'static, str> {
        if self.hops.is_empty() && self.tail.is_empty() {
            return Cow::Borrowed(self.head);
        }
        let mut out = String::from(self.head);
        for hop in self.hops {
            out.push('.');
            out.push_str(hop);
        }
        out.push_str(self.tail);
        Cow::Owned(out)
    }
}

/// `then(path, equals)` failed at `path`.
pub fn equals(expected: &'static str, condition: Cond<'_>, path: &Path<'_>, r: &mut Report) {
    let condition = condition.text();
    r.push(
        path,
        Code::Equals,
        format!("must be {expected} when {condition}"),
        Params::new()
            .with("expected", expected)
            .with("condition", Param::Str(condition)),
    );
}

/// `absent(...)` failed at `path`.
pub fn absent(condition: Cond<'_>, path: &Path<'_>, r: &mut Report) {
    let condition = condition.text();
    r.push(
        path,
        Code::Absent,
        format!("must be absent or null when {condition}"),
        Params::new().with("condition", Param::Str(condition)),
    );
}

// ---------------------------------------------------------------------------
// Wire names of the later hops of a struct-level `path = "a.b.c"`, resolved
// through the type system: the derive implements `WireNames` for every type,
// with a struct of `&'static str` (one field per Rust field, holding its
// serde name), so `names(&hop).b` is a constant the compiler checks.

/// The serde (wire) names of a type's fields, known to `#[derive(Validate)]`.
#[diagnostic::on_unimplemented(
    message = "a struct-level rule's `path` goes through `{Self}`, which needs `#[derive(Validate)]` so its fields' wire names are known",
    label = "this path goes through `{Self}`",
    note = "a violation is reported at the path as it is written on the wire (serde's `rename` / `rename_all` of every hop); only `#[derive(Validate)]` on `{Self}` knows its serde names"
)]
pub trait WireNames {
    /// One field per Rust field of the type: `&'static str` (its wire name),
    /// or [`Flattened`] for a `#[serde(flatten)]` field.
    type Names;
    const NAMES: Self::Names;
}

// Past the first hop, a path looks through one wrapper layer and then reads
// the field through any pointer (`h.field` derefs): the pointer's target
// names the fields, as serde writes it.
macro_rules! wire_names_through {
    ($($ty:ty),*) => {$(
        #[diagnostic::do_not_recommend]
        impl<T: WireNames + ?Sized> WireNames for $ty {
            type Names = T::Names;
            const NAMES: T::Names = T::NAMES;
        }
    )*};
}
wire_names_through!(&T, &mut T, Box<T>, std::rc::Rc<T>, std::sync::Arc<T>);
#[diagnostic::do_not_recommend]
impl<T: WireNames + ToOwned + ?Sized> WireNames for Cow<'_, T> {
    type Names = T::Names;
    const NAMES: T::Names = T::NAMES;
}

/// The hop at a `#[serde(flatten)]` field: it has no name on the wire.
#[derive(Clone, Copy)]
pub struct Flattened;

/// The wire name of one hop: a named field (never a flattened one).
#[diagnostic::on_unimplemented(
    message = "a struct-level rule's `path` cannot go through a `#[serde(flatten)]` field",
    label = "this path names a flattened field",
    note = "the members of a flattened field are members of the enclosing object; name them without the flattened field"
)]
pub trait HopName {
    fn __name(self) -> &'static str;
}
impl HopName for &'static str {
    #[inline]
    fn __name(self) -> &'static str {
        self
    }
}

/// The value at a hop (when it is set), kept for its type: the next hop's
/// name is a field of that type's [`WireNames`].
#[inline]
pub fn hop<T: ?Sized>(slot: Slot<'_, T>) -> Option<&T> {
    match slot {
        Slot::Set(v) => Some(v),
        Slot::Absent | Slot::Null => None,
    }
}

/// The wire names of the fields of the value at a hop (whether or not it is
/// set), for a path that goes on through the field `field` reads. The result
/// is tied to that field's type, so that a field that does not exist is
/// reported once, by `field` (not again on the names).
#[inline]
pub fn names<'a, T, U>(
    _: &Option<&'a T>,
    field: impl FnOnce(&'a T) -> &'a U,
) -> <U as Tied<T::Names>>::Out
where
    T: WireNames + ?Sized + 'a,
    U: ?Sized + 'a,
{
    let _ = field;
    T::NAMES
}

/// `Out` is `N`, whatever `Self` is: [`names`] ties its result to a type that
/// is an error when the field does not exist.
pub trait Tied<N> {
    type Out;
}
impl<U: ?Sized, N> Tied<N> for U {
    type Out = N;
}

/// The wire name of one hop.
#[inline]
pub fn hop_name(name: impl HopName) -> &'static str {
    name.__name()
}

/// Sorts and deduplicates a scope list.
pub fn finish_scopes(mut v: Vec<&'static str>) -> Vec<&'static str> {
    v.sort_unstable();
    v.dedup();
    v
}
