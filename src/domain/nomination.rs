use super::{
    Categories, EmailAddress, FieldErrors, LongText, OrgNumber, PhoneNumber, ShortText,
    ValidationError,
};

/// What a nomination form or API request carries, before any checks: every field as typed.
/// The HTML form and the JSON API both end up here, so both get the same rules.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct NominationInput {
    pub agency_name: String,
    pub org_number: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub title: String,
    pub categories: Vec<String>,
    pub summary: String,
    pub background: String,
    pub what_was_done: String,
    pub results: String,
    pub savings_nok: String,
    pub savings_hours: String,
    pub user_effects: String,
    pub transfer_value: String,
    pub other_agencies: String,
    pub leadership_backing: bool,
    pub consent_publish: bool,
}

/// A nomination's content as stored: what the agency wrote, in the one shape every
/// nomination row, insert and edit carries it (`db::nominations` embeds it in its row; the
/// derives name the `nominations` table, the only place it is stored).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    diesel::Queryable,
    diesel::Selectable,
    diesel::Insertable,
    diesel::AsChangeset,
)]
#[diesel(
    table_name = crate::db::schema::nominations,
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct NominationContent {
    pub agency_name: String,
    pub org_number: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub title: String,
    pub categories: Categories,
    pub summary: String,
    pub background: String,
    pub what_was_done: String,
    pub results: String,
    pub savings_nok: Option<i64>,
    pub savings_hours: Option<i64>,
    pub user_effects: String,
    pub transfer_value: String,
    pub other_agencies: Option<String>,
    pub leadership_backing: bool,
    pub consent_publish: bool,
}

/// A nomination that passed every rule: its content, which only `TryFrom<&NominationInput>`
/// makes (the checked values in their stored form: an organisation number as its nine
/// digits, texts trimmed and cleaned).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewNomination(NominationContent);

impl NewNomination {
    pub fn content(&self) -> &NominationContent {
        &self.0
    }
}

/// The largest yearly estimate we take (a thousand billion): anything above is a typo.
pub const MAX_ESTIMATE: i64 = 1_000_000_000_000;

/// A non-negative whole number, digits with optional spaces as thousands separators.
fn parse_estimate(raw: &str) -> Result<Option<i64>, ValidationError> {
    let compact: String = raw
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{a0}')
        .collect();
    if compact.is_empty() {
        return Ok(None);
    }
    if !compact.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ValidationError::NumberInvalid);
    }
    match compact.parse::<i64>() {
        Ok(value) if value <= MAX_ESTIMATE => Ok(Some(value)),
        _ => Err(ValidationError::NumberInvalid),
    }
}

/// An estimate as the form shows it again: digits in groups of three with spaces
/// ("2 500 000"), the way it is typed, and what [`parse_estimate`] reads back.
pub fn format_estimate(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, digit) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(' ');
        }
        grouped.push(digit);
    }
    if value < 0 {
        grouped.insert(0, '-');
    }
    grouped
}

impl TryFrom<&NominationInput> for NewNomination {
    type Error = FieldErrors;

    fn try_from(input: &NominationInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let agency_name = errors.check("agency_name", ShortText::parse(&input.agency_name));
        let org_number = errors.check("org_number", OrgNumber::parse(&input.org_number));
        let contact_name = errors.check("contact_name", ShortText::parse(&input.contact_name));
        let contact_email =
            errors.check("contact_email", EmailAddress::parse(&input.contact_email));
        let contact_phone = errors.check(
            "contact_phone",
            match input.contact_phone.trim() {
                "" => Ok(None),
                raw => PhoneNumber::parse(raw).map(Some),
            },
        );
        let title = errors.check("title", ShortText::parse(&input.title));
        let categories = errors.check("categories", Categories::parse(&input.categories));
        let summary = errors.check("summary", LongText::parse(&input.summary));
        let background = errors.check("background", LongText::parse(&input.background));
        let what_was_done = errors.check("what_was_done", LongText::parse(&input.what_was_done));
        let results = errors.check("results", LongText::parse(&input.results));
        let savings_nok = errors.check("savings_nok", parse_estimate(&input.savings_nok));
        let savings_hours = errors.check("savings_hours", parse_estimate(&input.savings_hours));
        let user_effects = errors.check("user_effects", LongText::parse(&input.user_effects));
        let transfer_value = errors.check("transfer_value", LongText::parse(&input.transfer_value));
        let other_agencies = errors.check(
            "other_agencies",
            LongText::parse_optional(Some(&input.other_agencies)),
        );

        // `check` answers `None` only for a field it recorded an error for.
        let checked = (|| {
            Some(Self(NominationContent {
                agency_name: agency_name?.into_inner(),
                org_number: org_number?.to_string(),
                contact_name: contact_name?.into_inner(),
                contact_email: contact_email?.as_ref().to_owned(),
                contact_phone: contact_phone?.map(|phone| phone.as_ref().to_owned()),
                title: title?.into_inner(),
                categories: categories?,
                summary: summary?.into_inner(),
                background: background?.into_inner(),
                what_was_done: what_was_done?.into_inner(),
                results: results?.into_inner(),
                savings_nok: savings_nok?,
                savings_hours: savings_hours?,
                user_effects: user_effects?.into_inner(),
                transfer_value: transfer_value?.into_inner(),
                other_agencies: other_agencies?.map(LongText::into_inner),
                leadership_backing: input.leadership_backing,
                consent_publish: input.consent_publish,
            }))
        })();
        match checked {
            Some(checked) if errors.is_empty() => Ok(checked),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::domain::errors::assert_refuses;

    pub fn valid_input() -> NominationInput {
        NominationInput {
            agency_name: "Direktoratet for forvaltning og økonomistyring".into(),
            org_number: "986 252 932".into(),
            contact_name: "Kari Nordmann".into(),
            contact_email: "kari@dfo.no".into(),
            contact_phone: "+47 400 00 000".into(),
            title: "Felles innkjøp av skytjenester".into(),
            categories: vec!["innsparing".into(), "styring".into()],
            summary: "Kort om tiltaket.".into(),
            background: "Problemet.".into(),
            what_was_done: "Tiltaket.".into(),
            results: "Resultatene.".into(),
            savings_nok: "1 200 000".into(),
            savings_hours: "".into(),
            user_effects: "Kortere ventetid.".into(),
            transfer_value: "Andre kan gjøre det samme.".into(),
            other_agencies: "".into(),
            leadership_backing: true,
            consent_publish: false,
        }
    }

    #[test]
    fn a_complete_nomination_parses() {
        let nomination = NewNomination::try_from(&valid_input()).unwrap();
        let content = nomination.content();
        assert_eq!(content.org_number, "986252932");
        assert_eq!(content.savings_nok, Some(1_200_000));
        assert_eq!(content.savings_hours, None);
        assert_eq!(content.other_agencies, None);
    }

    #[test]
    fn every_missing_required_field_is_reported() {
        let errors = NewNomination::try_from(&NominationInput::default()).unwrap_err();
        for field in [
            "agency_name",
            "org_number",
            "contact_name",
            "contact_email",
            "title",
            "summary",
            "background",
            "what_was_done",
            "results",
            "user_effects",
            "transfer_value",
        ] {
            assert_eq!(
                errors.get(field),
                Some(&[ValidationError::Required][..]),
                "{field}"
            );
        }
        assert_eq!(
            errors.get("categories"),
            Some(&[ValidationError::CategoryRequired][..])
        );
        assert_eq!(errors.get("contact_phone"), None, "phone is optional");
        assert_eq!(errors.get("savings_nok"), None, "estimates are optional");
    }

    #[test]
    fn estimates_must_be_whole_non_negative_numbers() {
        assert_eq!(parse_estimate("12 000"), Ok(Some(12_000)));
        assert_eq!(parse_estimate("12\u{a0}000"), Ok(Some(12_000)));
        assert_refuses(
            parse_estimate,
            &[
                "-5",
                "1,5",
                "12 kr",
                "99999999999999999999",
                "1000000000001",
            ],
            ValidationError::NumberInvalid,
        );
    }

    #[test]
    fn estimates_are_shown_again_as_typed() {
        assert_eq!(format_estimate(2_500_000), "2 500 000");
        assert_eq!(format_estimate(12_000), "12 000");
        assert_eq!(format_estimate(999), "999");
        assert_eq!(format_estimate(0), "0");
        assert_eq!(format_estimate(1_000_000_000_000), "1 000 000 000 000");
        for value in [0, 7, 1_000, 123_456_789, MAX_ESTIMATE] {
            assert_eq!(parse_estimate(&format_estimate(value)), Ok(Some(value)));
        }
    }

    #[test]
    fn one_bad_field_reports_only_that_field() {
        let input = NominationInput {
            org_number: "986252933".into(),
            ..valid_input()
        };
        let errors = NewNomination::try_from(&input).unwrap_err();
        assert_eq!(errors.iter().count(), 1);
        assert_eq!(
            errors.get("org_number"),
            Some(&[ValidationError::OrgNumberChecksum][..])
        );
    }
}
