//! Unit tests of the emitter on a hand-built IR (the loader has its own tests; the snapshot
//! tests in `spec-tests` run the whole pipeline on YAML fixtures).

use std::collections::BTreeMap;

use crate::ir::*;

fn field(name: &str, schema: Schema) -> Field {
    Field {
        name: name.to_owned(),
        description: Some(format!("The {name}.")),
        schema,
        nullable: false,
        required: false,
        lifecycle: Lifecycle::Ga,
        secret: false,
        scopes: Vec::new(),
        default: None,
    }
}

fn string() -> Schema {
    Schema::String(StringSchema::default())
}

/// A small API with the obstacles the emitter must handle.
pub(crate) fn sample_api() -> Api {
    let mut types = BTreeMap::new();
    let mut add = |name: &str, kind: TypeKind| {
        types.insert(
            name.to_owned(),
            TypeDef {
                name: name.to_owned(),
                description: Some(format!("The {name} type. See https://example.com/{name}.")),
                lifecycle: Lifecycle::Ga,
                kind,
            },
        );
    };
    let mut name = field(
        "name",
        Schema::String(StringSchema {
            length: Bounds {
                min: Some(1),
                max: Some(140),
            },
            pattern: Some("^[^<>]+$".to_owned()),
            format: None,
        }),
    );
    name.description = Some("Name; no '<' or '>' [Tab].".to_owned());
    let mut secret = field("client_secret", string());
    secret.secret = true;
    secret.scopes = vec!["update:client_keys".to_owned()];
    let mut expiry = field(
        "par_request_expiry",
        Schema::Integer(IntBounds {
            min: Some(10),
            max: Some(600),
        }),
    );
    expiry.nullable = true;
    let mut first = field("is_first_party", Schema::Boolean);
    first.default = Some(serde_json::json!(true));
    let callbacks = field(
        "callbacks",
        Schema::Array(Box::new(ArraySchema {
            items: Schema::String(StringSchema {
                format: Some(Format::Url {
                    https: false,
                    placeholders: true,
                    empty: false,
                }),
                ..StringSchema::default()
            }),
            count: Bounds {
                min: None,
                max: Some(10),
            },
            unique: true,
        })),
    );
    let mut metadata = field("client_metadata", Schema::Named("Metadata".to_owned()));
    metadata.nullable = true;
    add(
        "Request",
        TypeKind::Object(Object {
            fields: vec![
                name,
                secret,
                expiry,
                first,
                callbacks,
                field("type", Schema::Named("Kind".to_owned())),
                field("2fa", Schema::Boolean),
                field("self", Schema::Named("Node".to_owned())),
                field("jwt", Schema::Named("Jwt".to_owned())),
                metadata,
                field("org", Schema::Named("Org".to_owned())),
            ],
            unknown_fields: UnknownFields::Reject,
            properties: Bounds {
                min: Some(1),
                max: None,
            },
            rules: vec![
                RuleKind::MutuallyExclusive {
                    fields: vec!["name".to_owned(), "type".to_owned()],
                },
                RuleKind::RequiresWhenSet {
                    field: "client_secret".to_owned(),
                    then: FieldPath(vec!["jwt".to_owned(), "alg".to_owned()]),
                    equals: Literal::Str("RS256".to_owned()),
                },
                RuleKind::AbsentWhenEquals {
                    when: FieldPath(vec!["is_first_party".to_owned()]),
                    equals: Literal::Bool(false),
                    absent: vec!["type".to_owned()],
                },
            ]
            .into_iter()
            .map(|kind| Rule {
                kind,
                description: None,
            })
            .collect(),
        }),
    );
    add(
        "Kind",
        TypeKind::Enum(Enumeration {
            values: [
                "http://auth0.com/oauth/grant-type/password-realm",
                "non-rotating",
                "unknown",
                "RS256",
            ]
            .iter()
            .map(|v| EnumValue {
                value: (*v).to_owned(),
                description: None,
                lifecycle: Lifecycle::Ga,
            })
            .collect(),
            open: false,
        }),
    );
    add(
        "Jwt",
        TypeKind::Object(Object {
            fields: vec![field("alg", Schema::Named("Kind".to_owned()))],
            unknown_fields: UnknownFields::Keep,
            properties: Bounds::default(),
            rules: vec![],
        }),
    );
    add(
        "Node",
        TypeKind::Object(Object {
            fields: vec![
                field("next", Schema::Named("Node".to_owned())),
                field(
                    "children",
                    Schema::Array(Box::new(ArraySchema {
                        items: Schema::Named("Node".to_owned()),
                        count: Bounds::default(),
                        unique: false,
                    })),
                ),
            ],
            unknown_fields: UnknownFields::Reject,
            properties: Bounds::default(),
            rules: vec![],
        }),
    );
    add(
        "Metadata",
        TypeKind::Map(MapType {
            keys: StringSchema {
                length: Bounds {
                    min: None,
                    max: Some(255),
                },
                pattern: Some("^[A-Za-z0-9_]*$".to_owned()),
                format: None,
            },
            values: Schema::String(StringSchema {
                length: Bounds {
                    min: None,
                    max: Some(255),
                },
                ..StringSchema::default()
            }),
            values_nullable: true,
            count: Bounds {
                min: None,
                max: Some(10),
            },
        }),
    );
    add(
        "Org",
        TypeKind::Union(Union {
            variants: vec![
                UnionVariant {
                    name: "List".to_owned(),
                    schema: Schema::Array(Box::new(ArraySchema {
                        items: string(),
                        count: Bounds::default(),
                        unique: false,
                    })),
                },
                UnionVariant {
                    name: "Single".to_owned(),
                    schema: string(),
                },
            ],
        }),
    );
    let mut id = field("id", string());
    id.required = true;
    add(
        "Response",
        TypeKind::Object(Object {
            fields: vec![id, field("kind", Schema::Named("Kind".to_owned()))],
            unknown_fields: UnknownFields::Reject,
            properties: Bounds::default(),
            rules: vec![],
        }),
    );
    Api {
        source: "fixtures/sample.yaml".to_owned(),
        endpoint: Endpoint {
            name: "update_thing".to_owned(),
            summary: "Update a thing".to_owned(),
            description: Some("Updates a thing.\nBearer <token>.".to_owned()),
            method: "PATCH".to_owned(),
            path: "/things/{id}".to_owned(),
            path_params: vec![PathParam {
                name: "id".to_owned(),
                description: Some("The thing.".to_owned()),
            }],
            auth: Auth {
                scheme: "bearer".to_owned(),
                scopes: vec!["update:things".to_owned(), "update:client_keys".to_owned()],
            },
            request: RequestBody {
                type_name: "Request".to_owned(),
                default_scopes: vec!["update:things".to_owned()],
            },
            responses: vec![Response {
                status: 200,
                description: Some("Updated.".to_owned()),
                type_name: Some("Response".to_owned()),
            }],
        },
        types: types.clone(),
    }
}

#[test]
fn deterministic_and_headed() {
    let api = sample_api();
    let first = super::generate(&api);
    assert!(
        first.starts_with(
            "// @generated by spec-codegen from fixtures/sample.yaml. Do not edit.\n\n"
        )
    );
    for _ in 0..5 {
        assert_eq!(super::generate(&api), first);
    }
    if std::env::var_os("SHOW_GENERATED").is_some() {
        println!("{first}");
    }
}

#[test]
fn doc_lines_never_keep_a_line_break() {
    let lines = vec!["a\r\nb\rc\nd".to_owned(), String::new()];
    let tokens = super::doc_lines(&lines).to_string();
    assert_eq!(tokens.matches("doc =").count(), 5, "{tokens}");
    assert!(
        !tokens.contains("\\r") && !tokens.contains("\\n"),
        "{tokens}"
    );
}
