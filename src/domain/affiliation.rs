//! A juror's affiliation with an organisation (forvaltningsloven § 6): a nomination from
//! that organisation flags the juror as possibly conflicted.

use super::{FieldErrors, OrgNumber, ShortText, ValidationError, parse_optional_date};
use chrono::NaiveDate;

/// The affiliation form as typed.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct AffiliationInput {
    pub organisation: String,
    pub org_number: String,
    pub role: String,
    pub period_from: String,
    pub period_to: String,
}

/// An affiliation as stored, in the one shape the affiliation row embeds and its insert
/// writes (the derives name the `affiliations` table, the only place it is stored).
#[derive(
    Debug, Clone, PartialEq, Eq, diesel::Queryable, diesel::Selectable, diesel::Insertable,
)]
#[diesel(table_name = crate::db::schema::affiliations)]
pub struct AffiliationContent {
    pub organisation: String,
    pub org_number: String,
    pub role: String,
    pub period_from: Option<NaiveDate>,
    pub period_to: Option<NaiveDate>,
}

/// An affiliation that can be stored: every field parsed, the period in order. Only
/// [`Affiliation::parse`] makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Affiliation(AffiliationContent);

impl Affiliation {
    pub fn content(&self) -> &AffiliationContent {
        &self.0
    }
}

/// The form's fields in the order the page shows them (the error summary follows it).
pub const AFFILIATION_FIELDS: &[&str] = &[
    "organisation",
    "org_number",
    "role",
    "period_from",
    "period_to",
];

impl Affiliation {
    pub fn parse(input: &AffiliationInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let organisation = errors.check("organisation", ShortText::parse(&input.organisation));
        let org_number = errors.check("org_number", OrgNumber::parse(&input.org_number));
        let role = errors.check("role", ShortText::parse(&input.role));
        let from = errors.check("period_from", parse_optional_date(&input.period_from));
        let to = errors.check("period_to", parse_optional_date(&input.period_to));
        if let (Some(Some(from)), Some(Some(to))) = (from, to)
            && to < from
        {
            errors.add("period_to", ValidationError::DateInvalid);
        }
        match (organisation, org_number, role, from, to) {
            (
                Some(organisation),
                Some(org_number),
                Some(role),
                Some(period_from),
                Some(period_to),
            ) if errors.is_empty() => Ok(Self(AffiliationContent {
                organisation: organisation.into_inner(),
                org_number: org_number.to_string(),
                role: role.into_inner(),
                period_from,
                period_to,
            })),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(from: &str, to: &str) -> AffiliationInput {
        AffiliationInput {
            organisation: "Statens vegvesen".into(),
            org_number: "971032081".into(),
            role: "Styremedlem".into(),
            period_from: from.into(),
            period_to: to.into(),
        }
    }

    #[test]
    fn a_complete_affiliation_parses() {
        let parsed = Affiliation::parse(&input("2020-01-01", "")).unwrap();
        let parsed = parsed.content();
        assert_eq!(parsed.organisation, "Statens vegvesen");
        assert_eq!(parsed.org_number, "971032081");
        assert_eq!(parsed.period_from, NaiveDate::from_ymd_opt(2020, 1, 1));
        assert_eq!(parsed.period_to, None);
    }

    #[test]
    fn a_period_that_ends_before_it_starts_is_refused_on_its_end() {
        let errors = Affiliation::parse(&input("2021-01-01", "2020-01-01")).unwrap_err();
        assert!(errors.get("period_to").is_some());
        assert!(errors.get("period_from").is_none());
    }

    #[test]
    fn every_bad_field_is_named() {
        let errors = Affiliation::parse(&AffiliationInput {
            period_from: "1. mai".into(),
            ..AffiliationInput::default()
        })
        .unwrap_err();
        for field in ["organisation", "org_number", "role", "period_from"] {
            assert!(errors.get(field).is_some(), "{field}");
        }
    }
}
