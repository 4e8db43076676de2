// A `Patch` field of a serde type must read an omitted field as absent and
// never write absent as `null`: both need serde attributes, else a PATCH body
// would unset what it meant to leave alone.
use spec_validate::{Patch, Validate};

#[derive(Validate, serde::Serialize, serde::Deserialize)]
struct Update {
    #[serde(default, skip_serializing_if = "Patch::is_absent")]
    fine: Patch<String>,
    #[serde(skip_serializing_if = "Patch::is_absent")]
    no_default: Patch<String>,
    #[serde(default)]
    no_skip: Patch<u32>,
    #[serde(rename = "x")]
    neither: Patch<bool>,
    #[serde(skip)]
    skipped: Patch<bool>,
}

#[derive(Validate, serde::Serialize, serde::Deserialize)]
#[serde(default)]
struct ContainerDefault {
    #[serde(skip_serializing_if = "Patch::is_absent")]
    fine: Patch<String>,
    missing_skip: Patch<String>,
}

impl Default for ContainerDefault {
    fn default() -> Self {
        ContainerDefault {
            fine: Patch::Absent,
            missing_skip: Patch::Absent,
        }
    }
}

fn main() {}
