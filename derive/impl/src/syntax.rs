//! Syntax: `#[validate(...)]` token trees into a small generic tree of nodes,
//! before any meaning is given to names.

use proc_macro2::Span;
use syn::ext::IdentExt;
use syn::parse::{Parse, ParseStream};
use syn::punctuated::Punctuated;
use syn::{Ident, Lit, Token, token};

/// One item inside `#[validate(...)]`.
pub enum Node {
    /// `nested`, `unique`, `https`, a field name.
    Word(Ident),
    /// `min = 1`, `pattern = "..."`, `equals = false`.
    Value(Ident, Value),
    /// `length(...)`, `then(...)`.
    List(Ident, Vec<Node>),
    /// `"a"` in `one_of("a", "b")`.
    Lit(Lit),
}

/// A literal value; integers may carry a leading `-`.
pub struct Value {
    pub lit: Lit,
    /// The span of a leading `-`, if any.
    pub minus: Option<Span>,
}

impl Node {
    pub fn name(&self) -> Option<&Ident> {
        match self {
            Node::Word(i) | Node::Value(i, _) | Node::List(i, _) => Some(i),
            Node::Lit(_) => None,
        }
    }

    pub fn span(&self) -> Span {
        match self {
            Node::Word(i) | Node::Value(i, _) | Node::List(i, _) => i.span(),
            Node::Lit(l) => l.span(),
        }
    }

    /// How the node was written, for messages: `name`, `name = ...`, `name(...)`.
    pub fn shape(&self) -> String {
        match self {
            Node::Word(i) => format!("the bare word `{i}`"),
            Node::Value(i, _) => format!("`{i} = ...`"),
            Node::List(i, _) => format!("`{i}(...)`"),
            Node::Lit(_) => "a literal".to_owned(),
        }
    }
}

impl Parse for Node {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        if input.peek(Lit) {
            return Ok(Node::Lit(input.parse()?));
        }
        if !(input.peek(Ident::peek_any)) {
            return Err(input.error("expected a rule name, such as `length(max = 10)` or `nested`"));
        }
        let name = input.call(Ident::parse_any)?;
        if input.peek(Token![=]) {
            input.parse::<Token![=]>()?;
            let minus = if input.peek(Token![-]) {
                Some(input.parse::<Token![-]>()?.span)
            } else {
                None
            };
            if !input.peek(Lit) {
                return Err(
                    input.error("expected a literal value, such as `1`, `\"text\"` or `true`")
                );
            }
            let lit: Lit = input.parse()?;
            Ok(Node::Value(name, Value { lit, minus }))
        } else if input.peek(token::Paren) {
            let content;
            syn::parenthesized!(content in input);
            let items = Punctuated::<Node, Token![,]>::parse_terminated(&content)?;
            Ok(Node::List(name, items.into_iter().collect()))
        } else {
            Ok(Node::Word(name))
        }
    }
}

/// Parses the arguments of one `#[validate(...)]` attribute.
pub fn parse_attr(attr: &syn::Attribute) -> syn::Result<Vec<Node>> {
    match &attr.meta {
        syn::Meta::List(list) => {
            let items = list.parse_args_with(Punctuated::<Node, Token![,]>::parse_terminated)?;
            Ok(items.into_iter().collect())
        }
        _ => Err(syn::Error::new_spanned(
            attr,
            "expected `#[validate(...)]` with a list of rules, such as `#[validate(length(max = 140))]`",
        )),
    }
}
