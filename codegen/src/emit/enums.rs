//! Enumerations: closed ones derive serde with a rename per value; open ones (every response
//! enum, and request enums the spec marks open) carry an `Unknown(String)` variant and
//! hand-written serde impls, so a known value always maps to its variant and an unknown one
//! round-trips unchanged.

use proc_macro2::TokenStream;
use quote::quote;

use super::{Emitter, Side, doc_lines, text};
use crate::ir::{EnumValue, Enumeration, TypeDef};
use crate::naming;

fn value_doc(value: &EnumValue) -> Vec<String> {
    let mut lines = match &value.description {
        Some(d) if !d.trim().is_empty() => text::sanitize(d),
        _ => vec![format!("The value {}.", text::code(&value.value))],
    };
    lines.push(String::new());
    lines.push(format!("- Wire: {}.", text::code(&value.value)));
    if let Some(lifecycle) = text::lifecycle(value.lifecycle) {
        lines.push(format!("- Lifecycle: {lifecycle}."));
    }
    lines
}

impl Emitter<'_> {
    pub(crate) fn enumeration(&self, side: Side, def: &TypeDef, e: &Enumeration) -> TokenStream {
        let open = e.open || side == Side::Response;
        let ident = self.type_ident(&def.name);
        let wires: Vec<&str> = e.values.iter().map(|v| v.value.as_str()).collect();
        // `Unknown` is reserved on both sides, so a value has the same variant name in both.
        let reserved: &[&str] = &["Unknown"];
        let names = naming::variant_names(&wires, reserved);
        let variants: Vec<_> = names.iter().map(|n| naming::ident(n)).collect();
        let docs: Vec<TokenStream> = e.values.iter().map(|v| doc_lines(&value_doc(v))).collect();

        let bullets = vec![if open {
            "Open: a value this version does not know is kept in `Unknown`.".to_owned()
        } else {
            "Closed: any other value is an error.".to_owned()
        }];
        let doc = doc_lines(&self.type_doc(def, bullets));
        let common = quote! {
            impl ::std::fmt::Display for #ident {
                fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                    f.write_str(self.as_str())
                }
            }

            impl ::spec_validate::WireValue for #ident {
                fn wire(&self) -> ::spec_validate::Wire<'_> {
                    ::spec_validate::Wire::Str(self.as_str())
                }
            }
        };

        if !open {
            let match_body = if variants.is_empty() {
                quote!(match *self {})
            } else {
                quote!(match self { #(Self::#variants => #wires,)* })
            };
            return quote! {
                #doc
                #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, ::serde::Serialize, ::serde::Deserialize)]
                pub enum #ident {
                    #(
                        #docs
                        #[serde(rename = #wires)]
                        #variants,
                    )*
                }

                impl #ident {
                    /// Every value, in the spec's order.
                    pub const ALL: &'static [Self] = &[#(Self::#variants),*];

                    /// The value as it is written on the wire.
                    pub const fn as_str(&self) -> &'static str {
                        #match_body
                    }
                }

                #common
            };
        }

        quote! {
            #doc
            #[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
            #[non_exhaustive]
            pub enum #ident {
                #(
                    #docs
                    #variants,
                )*
                /// A value this version of the spec does not know, kept verbatim.
                Unknown(::std::string::String),
            }

            impl #ident {
                /// The value as it is written on the wire.
                pub fn as_str(&self) -> &str {
                    match self {
                        #(Self::#variants => #wires,)*
                        Self::Unknown(value) => value,
                    }
                }

                /// The variant for a wire value: a known value always maps to its own
                /// variant, anything else to `Unknown`.
                pub fn from_wire(value: &str) -> Self {
                    match value {
                        #(#wires => Self::#variants,)*
                        other => Self::Unknown(::std::borrow::ToOwned::to_owned(other)),
                    }
                }
            }

            impl ::std::convert::From<&str> for #ident {
                fn from(value: &str) -> Self {
                    Self::from_wire(value)
                }
            }

            #common

            impl ::serde::Serialize for #ident {
                fn serialize<S>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error>
                where
                    S: ::serde::Serializer,
                {
                    serializer.serialize_str(self.as_str())
                }
            }

            impl<'de> ::serde::Deserialize<'de> for #ident {
                fn deserialize<D>(deserializer: D) -> ::std::result::Result<Self, D::Error>
                where
                    D: ::serde::Deserializer<'de>,
                {
                    let value = <::std::string::String as ::serde::Deserialize>::deserialize(deserializer)?;
                    ::std::result::Result::Ok(Self::from_wire(&value))
                }
            }
        }
    }
}
