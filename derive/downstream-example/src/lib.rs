//! A downstream crate: it depends on `spec-validate` only (no direct
//! dependency on the macro crate, `regex` or `serde`) and derives `Validate`
//! on its own types. `cargo test --workspace` runs the tests below, so the
//! derive keeps working for crates outside this workspace's generated code.

use std::collections::BTreeMap;

use spec_validate::{Patch, Secret, Validate, Wire, WireValue};

/// A closed string enum, as a downstream crate would write it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Plan {
    Free,
    Team,
}

impl WireValue for Plan {
    fn wire(&self) -> Wire<'_> {
        Wire::Str(match self {
            Plan::Free => "free",
            Plan::Team => "team",
        })
    }
}

/// An address, validated where it is nested.
#[derive(Debug, Default, Validate)]
pub struct Billing {
    #[validate(length(min = 2, max = 2), pattern = "^[A-Z]{2}$")]
    pub country: Option<String>,
    #[validate(url(https))]
    pub invoice_webhook: Option<String>,
}

/// A settings update: absent fields are left alone, null unsets.
#[derive(Debug, Default, Validate)]
#[validate(properties(min = 1), scopes("write:settings"))]
#[validate(mutually_exclusive(api_key, oauth_client_id))]
#[validate(when(path = "plan", equals = "free", absent(seats)))]
#[validate(when_set(seats, then(path = "plan", equals = "team")))]
pub struct SettingsUpdate {
    #[validate(length(min = 1, max = 64), pattern = "^[^<>]+$")]
    pub display_name: Patch<String>,
    pub plan: Option<Plan>,
    #[validate(range(min = 1, max = 500))]
    pub seats: Patch<u32>,
    #[validate(length(min = 32, max = 32), scopes("write:keys"))]
    pub api_key: Option<Secret<String>>,
    pub oauth_client_id: Option<String>,
    #[validate(items(max = 5, unique), each(ip(cidr)))]
    pub allowed_networks: Option<Vec<String>>,
    #[validate(entries(max = 3), keys(length(max = 16)), values(length(max = 32)))]
    pub labels: Option<BTreeMap<String, Option<String>>>,
    #[validate(nested)]
    pub billing: Patch<Billing>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use spec_validate::Scopes;

    #[test]
    fn a_good_update_passes() {
        let update = SettingsUpdate {
            display_name: Patch::Value("Acme".into()),
            plan: Some(Plan::Team),
            seats: Patch::Value(12),
            allowed_networks: Some(vec!["10.0.0.0/8".into(), "2001:db8::/32".into()]),
            billing: Patch::Value(Billing {
                country: Some("DE".into()),
                invoice_webhook: Some("https://acme.example/hooks/invoice".into()),
            }),
            ..Default::default()
        };
        assert_eq!(update.validate(), Ok(()));
        assert_eq!(update.required_scopes(), vec!["write:settings"]);
    }

    #[test]
    fn every_mistake_is_reported_with_its_path() {
        let update = SettingsUpdate {
            display_name: Patch::Value("<script>".into()),
            plan: Some(Plan::Free),
            seats: Patch::Value(0),
            api_key: Some(Secret::new("too-short".into())),
            oauth_client_id: Some("abc".into()),
            allowed_networks: Some(vec!["10.0.0.0/8".into(), "10.0.0.0/99".into()]),
            labels: Some([("owner".to_string(), Some("x".repeat(33)))].into()),
            billing: Patch::Value(Billing {
                country: Some("de".into()),
                invoice_webhook: Some("http://acme.example".into()),
            }),
        };
        let report = update.validate().unwrap_err();
        assert_eq!(
            report.to_string(),
            "display_name: must match the pattern `^[^<>]+$`\n\
             seats: must be between 1 and 500 (got 0)\n\
             api_key: must be exactly 32 characters (got 9)\n\
             allowed_networks[1]: must be an IP address or CIDR range\n\
             labels.owner: must be at most 32 characters (got 33)\n\
             billing.country: must match the pattern `^[A-Z]{2}$`\n\
             billing.invoice_webhook: must be an https URL (scheme must be https)\n\
             oauth_client_id: cannot be set together with `api_key`\n\
             seats: must be absent or null when `plan` is `free`\n\
             plan: must be `team` when `seats` is set"
        );
        assert!(!format!("{report:?}").contains("too-short"));
        assert_eq!(
            update.required_scopes(),
            vec!["write:keys", "write:settings"]
        );
    }

    #[test]
    fn an_empty_update_is_refused() {
        let report = SettingsUpdate::default().validate().unwrap_err();
        assert_eq!(report.violations()[0].code.as_str(), "properties");
        assert_eq!(report.violations()[0].path, "");
    }
}
