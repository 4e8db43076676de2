// The expansion names everything by absolute path: it compiles without the
// prelude and next to local items that shadow prelude and primitive names.
#![no_implicit_prelude]
#![allow(dead_code, non_camel_case_types)]

struct Result;
struct Option;
struct String;
struct Vec;
struct Box;
struct Some;
struct None;
struct usize;
struct str;
struct bool;
struct char;
struct u32;
mod core {}
mod std {}
trait Iterator {}
trait IntoIterator {}

#[derive(::spec_validate::Validate)]
struct Inner {
    #[validate(range(min = 1, max = 10))]
    n: ::core::option::Option<::core::primitive::u32>,
}

#[derive(::spec_validate::Validate)]
#[validate(properties(min = 1), scopes("update:clients"))]
#[validate(mutually_exclusive(a, b))]
#[validate(when_set(a, then(path = "inner.n", equals = 1)))]
#[validate(when(path = "flag", equals = false, absent(b)))]
#[validate(when(path = "a", equals = "x", then(path = "flag", equals = true)))]
struct Everything {
    #[validate(length(min = 1, max = 140), pattern = "^[^<>]+$", one_of("x", "y"))]
    a: ::std::option::Option<::std::string::String>,
    #[validate(pattern = "^[a-z]{2}[0-9]{1,3}$", scopes("update:b"))]
    b: ::spec_validate::Patch<::std::string::String>,
    #[validate(pattern = "^(foo|bar)+$")]
    c: ::std::string::String,
    #[validate(url(https, placeholders, empty))]
    d: ::std::string::String,
    #[validate(ip(cidr))]
    e: ::std::string::String,
    #[validate(range(min = -5, max = 600))]
    f: ::core::primitive::i64,
    #[validate(items(min = 0, max = 10, unique), each(length(max = 3)))]
    g: ::std::vec::Vec<::std::string::String>,
    #[validate(
        entries(max = 10),
        keys(length(max = 255), pattern = "^[A-Za-z0-9_-]*$", url, ip),
        values(length(max = 255))
    )]
    h: ::std::collections::BTreeMap<
        ::std::string::String,
        ::std::option::Option<::std::string::String>,
    >,
    #[validate(nested)]
    inner: ::std::option::Option<::std::boxed::Box<Inner>>,
    #[validate(each(nested))]
    inners: ::std::vec::Vec<Inner>,
    flag: ::std::option::Option<::core::primitive::bool>,
}

#[derive(::spec_validate::Validate)]
enum Either {
    List(#[validate(items(max = 2, unique))] ::std::vec::Vec<::core::primitive::u32>),
    Named {
        #[validate(length(max = 5))]
        s: ::std::string::String,
    },
    Unit,
}

#[derive(::spec_validate::Validate)]
enum Never {}

fn main() {
    use ::spec_validate::{Scopes as _, Validate as _};
    let v = Everything {
        a: ::std::option::Option::Some(<::std::string::String as ::std::convert::From<
            &::core::primitive::str,
        >>::from("x")),
        b: ::spec_validate::Patch::Absent,
        c: <::std::string::String as ::std::convert::From<&::core::primitive::str>>::from("foobar"),
        d: ::std::string::String::new(),
        e: <::std::string::String as ::std::convert::From<&::core::primitive::str>>::from(
            "10.0.0.0/8",
        ),
        f: 3,
        g: ::std::vec::Vec::new(),
        h: ::std::collections::BTreeMap::new(),
        inner: ::std::option::Option::None,
        inners: ::std::vec::Vec::new(),
        flag: ::std::option::Option::Some(true),
    };
    ::std::assert!(v.validate().is_ok());
    ::std::assert_eq!(v.required_scopes(), ["update:clients"]);
    ::std::assert!(Either::Unit.validate().is_ok());
}
