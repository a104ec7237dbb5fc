use super::{EmailAddress, FieldErrors, LongText, ShortText, ValidationError};

/// What a tip form or API request carries, as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct TipInput {
    pub initiative: String,
    pub agency: String,
    pub reason: String,
    pub tipster_name: String,
    pub tipster_email: String,
    pub may_contact: bool,
}

/// A tip's content as stored: what the tipster wrote, in the one shape the tip row, its
/// insert and the checked tip carry it (`db::tips` embeds it in its row; the derives name
/// the `tips` table, the only place it is stored).
#[derive(
    Debug, Clone, PartialEq, Eq, diesel::Queryable, diesel::Selectable, diesel::Insertable,
)]
#[diesel(table_name = crate::db::schema::tips, treat_none_as_default_value = false)]
pub struct TipContent {
    pub initiative: String,
    pub agency: String,
    pub reason: String,
    pub tipster_name: Option<String>,
    pub tipster_email: Option<String>,
    pub may_contact: bool,
}

/// A tip that passed every rule. The tipster may stay anonymous; asking to be contacted
/// needs an e-mail address to be contacted at. Only `TryFrom<&TipInput>` makes one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTip(TipContent);

impl NewTip {
    pub fn content(&self) -> &TipContent {
        &self.0
    }
}

impl TryFrom<&TipInput> for NewTip {
    type Error = FieldErrors;

    fn try_from(input: &TipInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let initiative = errors.check("initiative", LongText::parse(&input.initiative));
        let agency = errors.check("agency", ShortText::parse(&input.agency));
        let reason = errors.check("reason", LongText::parse(&input.reason));
        let tipster_name = errors.check(
            "tipster_name",
            ShortText::parse_optional(Some(&input.tipster_name)),
        );
        let tipster_email = errors.check(
            "tipster_email",
            EmailAddress::parse_optional(Some(&input.tipster_email)),
        );
        if input.may_contact && matches!(tipster_email, Some(None)) {
            errors.add("tipster_email", ValidationError::EmailRequiredForContact);
        }
        // `check` answers `None` only for a field it recorded an error for.
        let checked = (|| {
            Some(Self(TipContent {
                initiative: initiative?.into_inner(),
                agency: agency?.into_inner(),
                reason: reason?.into_inner(),
                tipster_name: tipster_name?.map(ShortText::into_inner),
                tipster_email: tipster_email?.map(|email| email.as_ref().to_owned()),
                may_contact: input.may_contact,
            }))
        })();
        match checked {
            Some(checked) if errors.is_empty() => Ok(checked),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> TipInput {
        TipInput {
            initiative: "Digital postkasse for fakturaer".into(),
            agency: "Statens vegvesen".into(),
            reason: "Sparte tusenvis av timer.".into(),
            ..TipInput::default()
        }
    }

    #[test]
    fn an_anonymous_tip_is_fine() {
        let tip = NewTip::try_from(&valid()).unwrap();
        assert_eq!(tip.content().tipster_name, None);
        assert_eq!(tip.content().tipster_email, None);
    }

    #[test]
    fn asking_to_be_contacted_needs_an_email() {
        let input = TipInput {
            may_contact: true,
            ..valid()
        };
        let errors = NewTip::try_from(&input).unwrap_err();
        assert_eq!(
            errors.get("tipster_email"),
            Some(&[ValidationError::EmailRequiredForContact][..])
        );
        let input = TipInput {
            may_contact: true,
            tipster_email: "ola@example.no".into(),
            ..valid()
        };
        assert!(NewTip::try_from(&input).is_ok());
    }

    #[test]
    fn required_fields_and_bad_email() {
        let input = TipInput {
            tipster_email: "ikke-en-adresse".into(),
            ..TipInput::default()
        };
        let errors = NewTip::try_from(&input).unwrap_err();
        assert_eq!(
            errors.get("initiative"),
            Some(&[ValidationError::Required][..])
        );
        assert_eq!(errors.get("agency"), Some(&[ValidationError::Required][..]));
        assert_eq!(errors.get("reason"), Some(&[ValidationError::Required][..]));
        assert_eq!(
            errors.get("tipster_email"),
            Some(&[ValidationError::EmailInvalid][..])
        );
    }
}
