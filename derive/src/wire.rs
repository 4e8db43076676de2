//! Comparing a field with a literal from a rule, and OAuth scopes.

/// The JSON-level view of a scalar, used by rules that compare a field with a
/// literal (`when(path = "is_first_party", equals = false, ...)`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Wire<'a> {
    /// A string (or a string enum's wire value).
    Str(&'a str),
    /// A boolean.
    Bool(bool),
    /// An integer that fits `i128` (every integer type but the top half of `u128`).
    Int(i128),
    /// A `u128` above `i128::MAX`. No literal of a rule can equal it.
    BigUint(u128),
}

/// A value that has a scalar JSON form. Implemented for strings, `bool` and the
/// integer types; generated string enums implement it with their `as_str()`.
#[diagnostic::on_unimplemented(
    message = "`{Self}` cannot be compared with a literal in a `when`/`then` rule",
    label = "`{Self}` does not implement `spec_validate::WireValue`",
    note = "implement `spec_validate::WireValue` for `{Self}` (a string enum returns `Wire::Str(self.as_str())`)"
)]
pub trait WireValue {
    /// The JSON-level value.
    fn wire(&self) -> Wire<'_>;
}

impl WireValue for str {
    fn wire(&self) -> Wire<'_> {
        Wire::Str(self)
    }
}
impl WireValue for String {
    fn wire(&self) -> Wire<'_> {
        Wire::Str(self)
    }
}
impl WireValue for bool {
    fn wire(&self) -> Wire<'_> {
        Wire::Bool(*self)
    }
}
impl<T: WireValue + ?Sized> WireValue for &T {
    fn wire(&self) -> Wire<'_> {
        (**self).wire()
    }
}
impl<T: WireValue + ?Sized> WireValue for Box<T> {
    fn wire(&self) -> Wire<'_> {
        (**self).wire()
    }
}
macro_rules! wire_int {
    ($($t:ty),*) => {$(
        impl WireValue for $t {
            fn wire(&self) -> Wire<'_> {
                // Exact: values never saturate, so an out-of-range value never
                // equals a literal.
                #[allow(clippy::unnecessary_fallible_conversions)]
                match i128::try_from(*self) {
                    Ok(v) => Wire::Int(v),
                    Err(_) => Wire::BigUint(*self as u128),
                }
            }
        }
    )*};
}
wire_int!(
    i8, i16, i32, i64, i128, isize, u8, u16, u32, u64, u128, usize
);

/// The OAuth scopes a value needs: derived by `#[derive(Validate)]` when the
/// struct carries any `scopes(...)` attribute.
pub trait Scopes {
    /// The scopes needed to send this value, sorted and deduplicated.
    fn required_scopes(&self) -> Vec<&'static str>;
}
