//! Snapshots of what `#[derive(Validate)]` expands to, for review in PRs: a
//! change to the macro shows up as a readable diff of the code it emits.

use quote::quote;

/// A snapshot without the (long) input expression in its header.
macro_rules! snapshot {
    ($value:expr) => {
        insta::with_settings!({ omit_expression => true }, {
            insta::assert_snapshot!($value);
        })
    };
}

fn expand(input: proc_macro2::TokenStream) -> String {
    let out = spec_validate_impl::derive_validate(input);
    let file: syn::File = syn::parse2(out).expect("the expansion parses as a file");
    prettyplease::unparse(&file)
}

#[test]
fn field_rules() {
    snapshot!(expand(quote! {
        struct Client {
            #[validate(length(min = 1, max = 140), pattern = "^[^<>]+$")]
            name: Option<String>,
            #[validate(pattern = "^(https|http)://[a-z]+$")]
            regex: String,
            #[validate(pattern = "^([a-z0-9]){1}([a-z0-9-]){2,62}$")]
            tenant: String,
            #[validate(range(min = 10, max = 600))]
            par_request_expiry: Patch<u16>,
            #[validate(one_of("none", "client_secret_post"))]
            method: Option<String>,
            #[validate(url(https, placeholders, empty))]
            logo_uri: Option<String>,
            #[validate(ip(cidr))]
            ip: Option<String>,
            no_rules: Option<bool>,
        }
    }));
}

#[test]
fn collections_and_nesting() {
    snapshot!(expand(quote! {
        struct Client {
            #[validate(items(min = 1, max = 10, unique), each(url(placeholders)))]
            callbacks: Option<Vec<String>>,
            #[validate(
                entries(max = 10),
                keys(length(max = 255), pattern = "^[A-Za-z0-9_-]*$"),
                values(length(max = 255))
            )]
            client_metadata: Patch<BTreeMap<String, Option<String>>>,
            #[validate(nested)]
            jwt_configuration: Patch<JwtConfiguration>,
        }
    }));
}

#[test]
fn struct_rules_and_scopes() {
    snapshot!(expand(quote! {
        #[validate(properties(min = 1), scopes("update:clients"))]
        #[validate(mutually_exclusive(client_authentication_methods, token_endpoint_auth_method))]
        #[validate(when_set(client_authentication_methods, then(path = "jwt_configuration.alg", equals = "RS256")))]
        #[validate(when(path = "is_first_party", equals = false, absent(organization_usage)))]
        #[validate(when(path = "organization_require_behavior", equals = "post_login_prompt", then(path = "oidc_conformant", equals = true)))]
        struct UpdateClientRequest {
            #[validate(scopes("update:client_keys"))]
            client_secret: Option<Secret<String>>,
            #[serde(default, skip_serializing_if = "Patch::is_absent")]
            #[validate(scopes("update:client_credentials"))]
            client_authentication_methods: Patch<ClientAuthenticationMethods>,
            #[serde(default, skip_serializing_if = "Patch::is_absent")]
            token_endpoint_auth_method: Patch<TokenEndpointAuthMethod>,
            #[serde(default, skip_serializing_if = "Patch::is_absent")]
            jwt_configuration: Patch<JwtConfiguration>,
            is_first_party: Option<bool>,
            #[serde(default, skip_serializing_if = "Patch::is_absent")]
            organization_usage: Patch<OrganizationUsage>,
            #[serde(default, skip_serializing_if = "Patch::is_absent")]
            organization_require_behavior: Patch<OrganizationRequireBehavior>,
            oidc_conformant: Option<bool>,
            #[serde(flatten)]
            extra: BTreeMap<String, Value>,
        }
    }));
}

#[test]
fn enums_generics_and_crate_path() {
    snapshot!(expand(quote! {
        #[validate(crate = "my_crate::spec_validate")]
        enum Value<T> {
            List(#[validate(items(max = 2))] Vec<T>),
            Single(#[validate(length(max = 5))] String),
            Named {
                #[validate(range(max = 1))]
                n: u8,
            },
            Unit,
        }
    }));
}

/// Presence looks through every wrapper layer the type shows (one probe per
/// layer); a flattened map's entries are at the enclosing path.
#[test]
fn wrapper_layers_and_flatten() {
    snapshot!(expand(quote! {
        #[validate(mutually_exclusive(name, double))]
        struct Layers {
            #[validate(length(max = 3))]
            name: Box<Option<String>>,
            double: Option<Option<String>>,
            #[serde(flatten)]
            #[validate(keys(length(max = 3)))]
            extra: BTreeMap<String, String>,
        }
    }));
}

/// The later hops of a nested `path` are named through the nested type's
/// `WireNames` (its serde names, known to its own derive), also in the text of
/// a condition; every type gets `WireNames`, with a `#[serde(rename)]` honoured.
#[test]
fn nested_paths_by_wire_names() {
    snapshot!(expand(quote! {
        #[serde(rename_all = "camelCase")]
        #[validate(when(
            path = "jwt_config.key_set.r#type",
            equals = "x",
            then(path = "jwt_config.signing_alg", equals = "RS256")
        ))]
        struct Outer {
            #[serde(rename = "jwt")]
            jwt_config: Option<Box<Jwt>>,
        }
    }));
}

#[test]
fn errors_come_with_a_stub() {
    snapshot!(expand(quote! {
        #[validate(scopes("update:clients"))]
        struct Broken {
            #[validate(lenght(max = 1))]
            a: String,
            #[validate(range(min = 5, max = 1))]
            b: u8,
        }
    }));
}

/// Malformed input of every kind becomes `compile_error!`s, never a panic.
#[test]
fn malformed_input_never_panics() {
    let cases = [
        quote!(
            struct S {
                #[validate]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate()]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(,)]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(length(max = 99999999999999999999999999999999999999999))]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(length(max = 18446744073709551616))]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(range(min = -170141183460469231731687303715884105728))]
                a: i8,
            }
        ),
        quote!(
            struct S {
                #[validate(length(max = 1.5))]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(length(max = -))]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(length = 3)]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(length)]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern)]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "\\")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "[")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "^[]a]$")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "^a{,3}$")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "^a{99999999999}$")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "^(?P<x>a)$")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(pattern = "\\p{L}")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(one_of())]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(each())]
                a: Vec<String>,
            }
        ),
        quote!(
            struct S {
                #[validate(each(each(each(length(max = 1)))))]
                a: Vec<Vec<Vec<String>>>,
            }
        ),
        quote!(
            struct S {
                #[validate(keys(nested))]
                a: BTreeMap<String, String>,
            }
        ),
        quote!(
            struct S {
                #[validate(url(https = true))]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(ip(v4))]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate("x")]
                a: String,
            }
        ),
        quote!(
            struct S {
                #[validate(crate = "x")]
                a: String,
            }
        ),
        quote!(
            #[validate(crate = "not a path")]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(crate = 1)]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when)]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when())]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when(path = "", equals = 1, absent()))]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when(path = "a.", equals = 1, then()))]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when(path = "a", equals = 1.0, then(path = "a", equals = x)))]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when_set())]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(when_set("a", then(path = "a", equals = 1)))]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(mutually_exclusive())]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(mutually_exclusive(a, a))]
            struct S {
                a: String,
            }
        ),
        quote!(
            #[validate(mutually_exclusive(a, b))]
            struct S(String, String);
        ),
        quote!(
            #[validate(properties(min = 1))]
            struct S;
        ),
        quote!(#[validate(properties(min = 1))] union U { a: u8 }),
        quote!(
            enum E {
                #[validate(nested)]
                A(String),
            }
        ),
        quote!(
            struct S {
                #[validate(length(max = 1))]
                r#type: String,
                #[serde(rename(serialize = "x"))]
                #[validate(nested)]
                b: T,
            }
        ),
        quote!(
            #[validate(when(path = "a.self", equals = 1, absent(a)))]
            #[validate(when(path = "r#self", equals = -true, absent(a)))]
            #[validate(when(path = "a.r#type.x²", equals = -"x", then(path = "a.Self", equals = 1)))]
            #[validate(when_set(a, absent(a)), mutually_exclusive(a, r#a))]
            struct S {
                #[validate(range(min = -170141183460469231731687303715884105728))]
                a: i128,
                #[validate(length(max = -99999999999999999999999999999999999999999))]
                b: String,
            }
        ),
        quote!(not even rust),
        quote!(),
    ];
    for input in cases {
        let out = spec_validate_impl::derive_validate(input.clone());
        assert!(!out.is_empty() || input.is_empty(), "no output for {input}");
    }
}
