//! YAML text → a tree of located nodes.
//!
//! Built on `granit-parser` (the event parser serde-saphyr itself uses) rather than on serde, so
//! every node keeps its exact span and the loader can report *all* shape problems at once with
//! did-you-mean help, instead of serde's first error. This layer reports YAML syntax errors,
//! duplicate keys, non-string keys, unsupported tags and multiple documents.
//!
//! Scalars are resolved with the YAML 1.2 core schema (`yes`/`on` are strings, not booleans).

use std::collections::HashMap;

use granit_parser::{Event, Parser, ScalarStyle, Span as YamlSpan};

use crate::diagnostic::{Diagnostic, Span};

/// How many nodes a document may expand to (aliases included): guards against "billion laughs".
const NODE_BUDGET: usize = 1_000_000;

/// How deep collections may nest, counting flow and block collections together and a value
/// reached through an alias as if it were written out where the alias is. Real specs nest
/// about ten levels; the loader and checker recurse over the tree (and dropping or cloning it
/// recurses too), so a hostile input must not be able to exhaust the stack.
const NESTING_LIMIT: usize = 64;

/// A YAML value with its location.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The value.
    pub value: Value,
    /// Where the value is written (for collections: where they start).
    pub span: Span,
}

/// A YAML value (core schema).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, `~` or nothing.
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer that fits in `i64`.
    Int(i64),
    /// Any other number (including integers too large for `i64`).
    Float(f64),
    /// A string.
    Str(String),
    /// A sequence.
    Seq(Vec<Node>),
    /// A mapping with string keys, in source order, without duplicates.
    Map(Vec<(Key, Node)>),
}

/// A mapping key: its text (scalars of any type are keyed by their source text) and location.
#[derive(Debug, Clone, PartialEq)]
pub struct Key {
    /// The key as written (after YAML unescaping).
    pub name: String,
    /// Where the key is written.
    pub span: Span,
}

impl Value {
    /// A short description for "expected X, found Y" messages.
    pub fn describe(&self) -> String {
        match self {
            Value::Null => "null".to_owned(),
            Value::Bool(b) => format!("boolean `{b}`"),
            Value::Int(i) => format!("integer `{i}`"),
            Value::Float(x) => format!("number `{x}`"),
            Value::Str(s) => {
                let short: String = s.chars().take(40).collect();
                if short.len() < s.len() {
                    format!("string `{short}…`")
                } else {
                    format!("string `{short}`")
                }
            }
            Value::Seq(_) => "a list".to_owned(),
            Value::Map(_) => "a mapping".to_owned(),
        }
    }
}

/// Parses `text` into its single document's root node.
///
/// Problems that still leave a usable tree (duplicate keys, unsupported tags) are pushed to
/// `errors` and parsing goes on; a syntax error ends parsing and returns `None`. A value nested
/// too deeply through aliases is reported at the alias and parsing goes on (to report more
/// problems), but the tree is incomplete then and `None` is returned.
pub fn parse(text: &str, errors: &mut Vec<Diagnostic>) -> Option<Node> {
    let line_lengths: Vec<usize> = text.split('\n').map(|l| l.chars().count()).collect();
    let mut builder = Builder {
        stack: Vec::new(),
        anchors: HashMap::new(),
        root: None,
        documents: 0,
        budget: NODE_BUDGET,
        errors,
        line_lengths,
        incomplete: false,
    };
    let options = granit_parser::options! {
        flow_nesting_limit: NESTING_LIMIT,
        block_nesting_limit: NESTING_LIMIT,
    };
    for event in Parser::new_from_str_with_options(text, options) {
        match event {
            Ok((event, span)) => {
                if !builder.event(event, span) {
                    return None;
                }
            }
            Err(error) => {
                let mark = error.marker();
                let span = Span::new(mark.line().max(1), mark.col() + 1, mark.index(), 1);
                builder.errors.push(
                    Diagnostic::error(format!("YAML syntax error: {}", error.info()), span)
                        .label("here"),
                );
                return None;
            }
        }
    }
    if builder.incomplete {
        return None;
    }
    builder.root.take().or(Some(Node {
        value: Value::Null,
        span: Span::start_of_text(),
    }))
}

/// A collection being built: the node (its value is filled in when it ends), its anchor, and
/// how deep its deepest child so far nests (a scalar is 0 levels deep, a collection one more
/// than its deepest child).
struct Open {
    node: Node,
    anchor: usize,
    depth: usize,
    body: OpenBody,
}

enum OpenBody {
    Seq(Vec<Node>),
    /// The entries, what comes next, and where each key was first defined (for duplicate
    /// detection in constant time).
    Map(Vec<(Key, Node)>, Pending, HashMap<String, Span>),
}

/// What the next node in a mapping is.
enum Pending {
    /// A key.
    Key,
    /// The value of this key.
    Value(Key),
    /// The value of a key that was rejected: dropped.
    Skip,
}

struct Builder<'e> {
    stack: Vec<Open>,
    /// Anchored nodes, with how deep each nests.
    anchors: HashMap<usize, (Node, usize)>,
    root: Option<Node>,
    documents: usize,
    budget: usize,
    errors: &'e mut Vec<Diagnostic>,
    line_lengths: Vec<usize>,
    /// A value was left out (reported): the tree must not be used.
    incomplete: bool,
}

impl Builder<'_> {
    fn span(&self, span: &YamlSpan) -> Span {
        let line = span.start.line().max(1);
        let start = span.start.index();
        let len = span.end.index().saturating_sub(start);
        // A collection's span covers its whole body: keep only the first line of it.
        let rest = self
            .line_lengths
            .get(line - 1)
            .map_or(len, |l| l.saturating_sub(span.start.col()));
        Span::new(line, span.start.col() + 1, start, len.min(rest.max(1)))
    }

    /// Opens a collection, unless that nests too deeply (the parser's own limits count flow
    /// and block collections apart; this one counts them together).
    fn open(&mut self, span: Span, anchor: usize, body: OpenBody) -> bool {
        if self.stack.len() >= NESTING_LIMIT {
            self.errors.push(
                Diagnostic::error("the YAML is nested too deeply", span)
                    .label(format!("more than {NESTING_LIMIT} levels deep"))
                    .help("a spec nests about ten levels; flatten this value"),
            );
            return false;
        }
        let node = Node {
            value: Value::Null,
            span,
        };
        self.stack.push(Open {
            node,
            anchor,
            depth: 0,
            body,
        });
        true
    }

    /// Handles one event; `false` stops parsing.
    fn event(&mut self, event: Event<'_>, yaml_span: YamlSpan) -> bool {
        let span = self.span(&yaml_span);
        match event {
            Event::DocumentStart(..) => {
                self.documents += 1;
                if self.documents > 1 {
                    self.errors.push(
                        Diagnostic::error("a spec must be a single YAML document", span)
                            .label("second document starts here")
                            .help("remove the `---` separator and merge the documents"),
                    );
                    return false;
                }
            }
            Event::Scalar(text, style, anchor, tag) => {
                let value = resolve_scalar(&text, style);
                let value = match tag
                    .as_deref()
                    .map(|t| (t.is_yaml_core_schema(), t.suffix()))
                {
                    None => value,
                    Some((true, "str")) => Value::Str(text.into_owned()),
                    Some((true, _)) => value,
                    Some(_) => {
                        self.errors.push(
                            Diagnostic::error("custom YAML tags are not supported", span)
                                .label("tagged value")
                                .help("remove the tag"),
                        );
                        value
                    }
                };
                let node = Node { value, span };
                return self.add(node, anchor, 0);
            }
            Event::SequenceStart(_, anchor, _) => {
                return self.open(span, anchor, OpenBody::Seq(Vec::new()));
            }
            Event::MappingStart(_, anchor, _) => {
                let body = OpenBody::Map(Vec::new(), Pending::Key, HashMap::new());
                return self.open(span, anchor, body);
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(open) = self.stack.pop() {
                    let mut node = open.node;
                    node.value = match open.body {
                        OpenBody::Seq(items) => Value::Seq(items),
                        OpenBody::Map(entries, ..) => Value::Map(entries),
                    };
                    return self.add(node, open.anchor, open.depth + 1);
                }
            }
            Event::Alias(id) => {
                let Some((target, depth)) = self.anchors.get(&id).cloned() else {
                    self.errors
                        .push(Diagnostic::error("unknown YAML alias", span).label("alias"));
                    return false;
                };
                // The alias stands for a copy of its value: that copy must fit within the
                // nesting limit where it is used, as if it were written out here.
                let outer = self.stack.len();
                if outer + depth > NESTING_LIMIT {
                    self.errors.push(
                        Diagnostic::error("the YAML is nested too deeply through an alias", span)
                            .label(format!(
                                "expands to {depth} levels, inside {outer}: more than {NESTING_LIMIT}"
                            ))
                            .note(format!(
                                "an alias stands for a copy of its value; the limit is {NESTING_LIMIT} levels"
                            ))
                            .help("write the value out instead of nesting aliases"),
                    );
                    self.incomplete = true;
                    let placeholder = Node {
                        value: Value::Null,
                        span,
                    };
                    return self.add(placeholder, 0, 0);
                }
                let cost = count_nodes(&target);
                if cost > self.budget {
                    self.errors.push(
                        Diagnostic::error("YAML aliases expand to too many nodes", span)
                            .label("alias")
                            .help("write the value out instead of nesting aliases"),
                    );
                    return false;
                }
                self.budget -= cost;
                return self.add(target, 0, depth);
            }
            _ => {}
        }
        true
    }

    /// Adds a finished node, `depth` levels deep, to its parent (or makes it the root).
    fn add(&mut self, node: Node, anchor: usize, depth: usize) -> bool {
        if self.budget == 0 {
            self.errors.push(
                Diagnostic::error("the spec has too many YAML nodes", node.span)
                    .label("limit reached here"),
            );
            return false;
        }
        self.budget -= 1;
        if anchor != 0 {
            self.anchors.insert(anchor, (node.clone(), depth));
        }
        let Some(parent) = self.stack.last_mut() else {
            self.root = Some(node);
            return true;
        };
        parent.depth = parent.depth.max(depth);
        match &mut parent.body {
            OpenBody::Seq(items) => items.push(node),
            OpenBody::Map(entries, pending, seen) => {
                match std::mem::replace(pending, Pending::Key) {
                    Pending::Key => match key_text(&node) {
                        Some(name) => {
                            *pending = Pending::Value(Key {
                                name,
                                span: node.span,
                            })
                        }
                        None => {
                            self.errors.push(
                                Diagnostic::error("mapping keys must be strings", node.span)
                                    .label(format!("found {}", node.value.describe())),
                            );
                            *pending = Pending::Skip;
                        }
                    },
                    Pending::Skip => {}
                    Pending::Value(key) => {
                        if let Some(first) = seen.get(&key.name) {
                            let first_at = first.describe();
                            self.errors.push(
                                Diagnostic::error(
                                    format!("duplicate key `{}`", key.name),
                                    key.span,
                                )
                                .label("defined again here")
                                .note(format!("first defined at {first_at}"))
                                .help("remove one of them; YAML mappings need unique keys"),
                            );
                        } else {
                            seen.insert(key.name.clone(), key.span);
                            entries.push((key, node));
                        }
                    }
                }
            }
        }
        true
    }
}

/// The text of a scalar key (`200:` is keyed as "200"); `None` for collections and null.
fn key_text(node: &Node) -> Option<String> {
    match &node.value {
        Value::Str(s) => Some(s.clone()),
        Value::Bool(b) => Some(b.to_string()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(x) => Some(x.to_string()),
        Value::Null | Value::Seq(_) | Value::Map(_) => None,
    }
}

fn count_nodes(node: &Node) -> usize {
    1 + match &node.value {
        Value::Seq(items) => items.iter().map(count_nodes).sum(),
        Value::Map(entries) => entries.iter().map(|(_, v)| count_nodes(v)).sum(),
        _ => 0,
    }
}

/// Resolves a scalar with the YAML 1.2 core schema; quoted and block scalars are strings.
fn resolve_scalar(text: &str, style: ScalarStyle) -> Value {
    if style != ScalarStyle::Plain {
        return Value::Str(text.to_owned());
    }
    match text {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => Value::Float(f64::INFINITY),
        "-.inf" | "-.Inf" | "-.INF" => Value::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => Value::Float(f64::NAN),
        _ => resolve_number(text).unwrap_or_else(|| Value::Str(text.to_owned())),
    }
}

fn resolve_number(text: &str) -> Option<Value> {
    let digits = |s: &str, radix: u32| !s.is_empty() && s.chars().all(|c| c.is_digit(radix));
    if let Some(hex) = text.strip_prefix("0x") {
        return digits(hex, 16).then(|| int_or_float(i64::from_str_radix(hex, 16).ok(), text));
    }
    if let Some(oct) = text.strip_prefix("0o") {
        return digits(oct, 8).then(|| int_or_float(i64::from_str_radix(oct, 8).ok(), text));
    }
    let unsigned = text.strip_prefix(['-', '+']).unwrap_or(text);
    if digits(unsigned, 10) {
        return Some(int_or_float(text.parse().ok(), text));
    }
    // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
    let (mantissa, exponent) = match unsigned.find(['e', 'E']) {
        Some(i) => (&unsigned[..i], Some(&unsigned[i + 1..])),
        None => (unsigned, None),
    };
    let mantissa_ok = match mantissa.split_once('.') {
        Some((int, frac)) => {
            (int.is_empty() && digits(frac, 10))
                || (digits(int, 10) && (frac.is_empty() || digits(frac, 10)))
        }
        None => digits(mantissa, 10),
    };
    let exponent_ok = exponent.is_none_or(|e| digits(e.strip_prefix(['-', '+']).unwrap_or(e), 10));
    if mantissa_ok && exponent_ok {
        text.parse().ok().map(Value::Float)
    } else {
        None
    }
}

fn int_or_float(int: Option<i64>, text: &str) -> Value {
    match int {
        Some(i) => Value::Int(i),
        None => text
            .parse()
            .map_or(Value::Str(text.to_owned()), Value::Float),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_ok(text: &str) -> (Option<Node>, Vec<Diagnostic>) {
        let mut errors = Vec::new();
        let node = parse(text, &mut errors);
        (node, errors)
    }

    #[test]
    fn spec_yaml_scalars_follow_core_schema() {
        let (node, errors) = parse_ok(
            "a: 1\nb: yes\nc: '1'\nd: ~\ne: 1.5\nf: 0x1F\ng: true\nh: 99999999999999999999\n",
        );
        assert!(errors.is_empty());
        let Some(Node {
            value: Value::Map(entries),
            ..
        }) = node
        else {
            panic!("not a map")
        };
        let values: Vec<&Value> = entries.iter().map(|(_, v)| &v.value).collect();
        assert_eq!(values[0], &Value::Int(1));
        assert_eq!(values[1], &Value::Str("yes".into()));
        assert_eq!(values[2], &Value::Str("1".into()));
        assert_eq!(values[3], &Value::Null);
        assert_eq!(values[4], &Value::Float(1.5));
        assert_eq!(values[5], &Value::Int(31));
        assert_eq!(values[6], &Value::Bool(true));
        assert!(matches!(values[7], Value::Float(_)));
    }

    #[test]
    fn spec_yaml_duplicate_keys_are_reported_and_parsing_goes_on() {
        let (node, errors) = parse_ok("a: 1\nb: 2\na: 3\nb: 4\n");
        assert!(node.is_some());
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].span.line, 3);
    }

    #[test]
    fn spec_yaml_garbage_never_panics() {
        let inputs = [
            "",
            "\u{feff}",
            ":",
            "- [",
            "{a: [}",
            "a: *x",
            "&a [*a]",
            "a: &x 1\nb: *x",
            "? [a]\n: b",
            "---\na: 1\n---\nb: 2",
            "a:\n  - b\n c: d",
            "\"unterminated",
            "a: !!binary xyz",
            "a: !custom 1",
            "{[1]: 2}",
            "\t",
            "%YAML 1.2\n---\na",
            "a: |\n  x\n b",
        ];
        for input in inputs {
            let _ = parse_ok(input);
            // Every prefix, to simulate truncated files.
            for (i, _) in input.char_indices() {
                let _ = parse_ok(&input[..i]);
            }
        }
    }
}
