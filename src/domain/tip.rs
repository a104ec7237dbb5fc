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

/// A tip that passed every rule. The tipster may stay anonymous; asking to be contacted
/// needs an e-mail address to be contacted at.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewTip {
    pub initiative: LongText,
    pub agency: ShortText,
    pub reason: LongText,
    pub tipster_name: Option<ShortText>,
    pub tipster_email: Option<EmailAddress>,
    pub may_contact: bool,
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
            Some(Self {
                initiative: initiative?,
                agency: agency?,
                reason: reason?,
                tipster_name: tipster_name?,
                tipster_email: tipster_email?,
                may_contact: input.may_contact,
            })
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
        assert_eq!(tip.tipster_name, None);
        assert_eq!(tip.tipster_email, None);
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
