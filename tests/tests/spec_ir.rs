//! What the loader produces for a small spec that uses every construct of the spec language:
//! the exact IR, so the emitter can rely on it.

use std::collections::BTreeMap;

use spec_codegen::ir::*;

const SPEC: &str = r#"
endpoint:
  name: update_widget
  summary: Update a widget
  description: |
    Updates a widget.
  method: PATCH
  path: /widgets/{id}
  path_params:
    id:
      description: The widget.
  auth:
    scheme: bearer
    scopes: [update:widgets, update:widget_keys]
  request:
    type: UpdateWidget
    default_scopes: [update:widgets]
  responses:
    204:
      description: No content.
    200:
      type: Widget
      description: Updated.

types:
  UpdateWidget:
    kind: object
    description: The body.
    min_properties: 1
    fields:
      name:
        type: string
        description: The name.
        min_length: 1
        max_length: 140
        pattern: '^[^<>]+$'
      secret:
        type: string
        secret: true
        scopes: [update:widget_keys]
        lifecycle: ea
      logo:
        type: string
        format: https-uri-with-placeholders-or-empty
      expiry:
        type: integer
        nullable: true
        minimum: 10
        maximum: 600
      public:
        type: boolean
        default: true
      tags:
        type: array
        items: { type: string, format: ip-or-cidr }
        min_items: 1
        max_items: 10
        unique_items: true
      labels:
        type: map
        keys: { max_length: 255 }
        values: { type: number }
        values_nullable: true
        max_properties: 10
      alg: { type: Alg }
      meta: { type: Metadata }
      shape: { type: Shape, lifecycle: deprecated }
      anything: { type: any, required: true }
    rules:
      - mutually_exclusive: [name, secret]
        description: Pick one.
      - when_set: secret
        then: { path: alg, equals: RS256 }
      - when: { path: public, equals: false }
        absent: [tags, labels]
      - when: { path: expiry, equals: 60 }
        then: { path: name, equals: minute }
  Widget:
    kind: object
    unknown_fields: keep
    fields:
      id: { type: string, required: true }
  Alg:
    kind: enum
    open: true
    values:
      - HS256
      - value: RS256
        description: RSA.
        lifecycle: deprecated
  Metadata:
    kind: map
    values: { type: string, max_length: 255 }
  Shape:
    kind: union
    variants:
      - { name: List, type: array, items: { type: string } }
      - { name: Single, type: string }
"#;

fn s(text: &str) -> String {
    text.to_owned()
}

fn field(name: &str, schema: Schema) -> Field {
    Field {
        name: s(name),
        description: None,
        schema,
        nullable: false,
        required: false,
        lifecycle: Lifecycle::Ga,
        secret: false,
        scopes: vec![],
        default: None,
    }
}

fn string() -> Schema {
    Schema::String(StringSchema::default())
}

fn path(p: &str) -> FieldPath {
    FieldPath(p.split('.').map(str::to_owned).collect())
}

#[test]
fn spec_ir_of_every_construct() {
    let api = spec_codegen::load_str("widget.yaml", SPEC).unwrap_or_else(|d| panic!("{d}"));

    let endpoint = Endpoint {
        name: s("update_widget"),
        summary: s("Update a widget"),
        description: Some(s("Updates a widget.\n")),
        method: s("PATCH"),
        path: s("/widgets/{id}"),
        path_params: vec![PathParam {
            name: s("id"),
            description: Some(s("The widget.")),
        }],
        auth: Auth {
            scheme: s("bearer"),
            scopes: vec![s("update:widgets"), s("update:widget_keys")],
        },
        request: RequestBody {
            type_name: s("UpdateWidget"),
            default_scopes: vec![s("update:widgets")],
        },
        responses: vec![
            Response {
                status: 200,
                description: Some(s("Updated.")),
                type_name: Some(s("Widget")),
            },
            Response {
                status: 204,
                description: Some(s("No content.")),
                type_name: None,
            },
        ],
    };
    assert_eq!(api.endpoint, endpoint);
    assert_eq!(api.source, "widget.yaml");

    let request = Object {
        fields: vec![
            Field {
                description: Some(s("The name.")),
                ..field(
                    "name",
                    Schema::String(StringSchema {
                        length: Bounds {
                            min: Some(1),
                            max: Some(140),
                        },
                        pattern: Some(s("^[^<>]+$")),
                        format: None,
                    }),
                )
            },
            Field {
                secret: true,
                scopes: vec![s("update:widget_keys")],
                lifecycle: Lifecycle::Ea,
                ..field("secret", string())
            },
            field(
                "logo",
                Schema::String(StringSchema {
                    format: Some(Format::Url {
                        https: true,
                        placeholders: true,
                        empty: true,
                    }),
                    ..StringSchema::default()
                }),
            ),
            Field {
                nullable: true,
                ..field(
                    "expiry",
                    Schema::Integer(IntBounds {
                        min: Some(10),
                        max: Some(600),
                    }),
                )
            },
            Field {
                default: Some(serde_json::Value::Bool(true)),
                ..field("public", Schema::Boolean)
            },
            field(
                "tags",
                Schema::Array(Box::new(ArraySchema {
                    items: Schema::String(StringSchema {
                        format: Some(Format::Ip { cidr: true }),
                        ..StringSchema::default()
                    }),
                    count: Bounds {
                        min: Some(1),
                        max: Some(10),
                    },
                    unique: true,
                })),
            ),
            field(
                "labels",
                Schema::Map(Box::new(MapType {
                    keys: StringSchema {
                        length: Bounds {
                            min: None,
                            max: Some(255),
                        },
                        ..StringSchema::default()
                    },
                    values: Schema::Number,
                    values_nullable: true,
                    count: Bounds {
                        min: None,
                        max: Some(10),
                    },
                })),
            ),
            field("alg", Schema::Named(s("Alg"))),
            field("meta", Schema::Named(s("Metadata"))),
            Field {
                lifecycle: Lifecycle::Deprecated,
                ..field("shape", Schema::Named(s("Shape")))
            },
            Field {
                required: true,
                ..field("anything", Schema::Any)
            },
        ],
        unknown_fields: UnknownFields::Reject,
        properties: Bounds {
            min: Some(1),
            max: None,
        },
        rules: vec![
            RuleKind::MutuallyExclusive {
                fields: vec![s("name"), s("secret")],
            },
            RuleKind::RequiresWhenSet {
                field: s("secret"),
                then: path("alg"),
                equals: Literal::Str(s("RS256")),
            },
            RuleKind::AbsentWhenEquals {
                when: path("public"),
                equals: Literal::Bool(false),
                absent: vec![s("tags"), s("labels")],
            },
            RuleKind::RequiresWhenEquals {
                when: path("expiry"),
                equals: Literal::Int(60),
                then: path("name"),
                then_equals: Literal::Str(s("minute")),
            },
        ]
        .into_iter()
        .zip([Some(s("Pick one.")), None, None, None])
        .map(|(kind, description)| Rule { kind, description })
        .collect(),
    };
    let mut types = BTreeMap::new();
    let mut add = |name: &str, description: Option<&str>, kind: TypeKind| {
        types.insert(
            s(name),
            TypeDef {
                name: s(name),
                description: description.map(s),
                lifecycle: Lifecycle::Ga,
                kind,
            },
        );
    };
    add("UpdateWidget", Some("The body."), TypeKind::Object(request));
    add(
        "Widget",
        None,
        TypeKind::Object(Object {
            fields: vec![Field {
                required: true,
                ..field("id", string())
            }],
            unknown_fields: UnknownFields::Keep,
            properties: Bounds::default(),
            rules: vec![],
        }),
    );
    add(
        "Alg",
        None,
        TypeKind::Enum(Enumeration {
            values: vec![
                EnumValue {
                    value: s("HS256"),
                    description: None,
                    lifecycle: Lifecycle::Ga,
                },
                EnumValue {
                    value: s("RS256"),
                    description: Some(s("RSA.")),
                    lifecycle: Lifecycle::Deprecated,
                },
            ],
            open: true,
        }),
    );
    add(
        "Metadata",
        None,
        TypeKind::Map(MapType {
            keys: StringSchema::default(),
            values: Schema::String(StringSchema {
                length: Bounds {
                    min: None,
                    max: Some(255),
                },
                ..StringSchema::default()
            }),
            values_nullable: false,
            count: Bounds::default(),
        }),
    );
    add(
        "Shape",
        None,
        TypeKind::Union(Union {
            variants: vec![
                UnionVariant {
                    name: s("List"),
                    schema: Schema::Array(Box::new(ArraySchema {
                        items: string(),
                        count: Bounds::default(),
                        unique: false,
                    })),
                },
                UnionVariant {
                    name: s("Single"),
                    schema: string(),
                },
            ],
        }),
    );
    for (name, expected) in &types {
        assert_eq!(api.types.get(name), Some(expected), "type {name}");
    }
    assert_eq!(api.types.len(), types.len());
    let summary = spec_codegen::Summary::of(&api);
    assert_eq!(
        summary.to_string(),
        "5 types, 12 fields, 4 rules, 11 request properties"
    );
}

#[test]
fn spec_ir_io_errors_are_not_spec_errors() {
    let missing = std::path::Path::new("no/such/spec.yaml");
    match spec_codegen::load(missing) {
        Err(spec_codegen::LoadError::Io { path, .. }) => assert_eq!(path, missing),
        other => panic!("expected an I/O error, got {other:?}"),
    }
}
