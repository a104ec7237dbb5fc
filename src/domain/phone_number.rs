use super::ValidationError;
use super::errors::required;

/// A telephone number: 8 to 15 digits, optionally with a leading `+` and spaces, dashes or
/// parentheses between groups (stored as typed, minus surrounding whitespace).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneNumber(String);

/// Fewest and most digits a telephone number may have.
pub const PHONE_MIN_DIGITS: usize = 8;
pub const PHONE_MAX_DIGITS: usize = 15;
/// Most characters a telephone number may hold, separators included.
pub const PHONE_MAX_CHARS: usize = 30;

impl PhoneNumber {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let trimmed = required(raw)?;
        let body = trimmed.strip_prefix('+').unwrap_or(trimmed);
        let allowed = body
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'));
        let digits = body.chars().filter(char::is_ascii_digit).count();
        if !allowed
            || !(PHONE_MIN_DIGITS..=PHONE_MAX_DIGITS).contains(&digits)
            || trimmed.len() > PHONE_MAX_CHARS
        {
            return Err(ValidationError::PhoneInvalid);
        }
        Ok(Self(trimmed.to_owned()))
    }
}

impl AsRef<str> for PhoneNumber {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::assert_refuses;

    #[test]
    fn accepts_norwegian_and_international_forms() {
        for raw in [
            "40000000",
            "+47 400 00 000",
            "22-24-20-00",
            "(0047) 22 24 20 00",
        ] {
            assert_eq!(PhoneNumber::parse(raw).unwrap().as_ref(), raw);
        }
    }

    #[test]
    fn rejects_letters_and_short_numbers() {
        assert_refuses(
            PhoneNumber::parse,
            &[
                "1234567",
                "4000000a",
                "+47 400\n00000",
                "++4740000000",
                "(+47) 22242000",
            ],
            ValidationError::PhoneInvalid,
        );
        assert_eq!(PhoneNumber::parse(""), Err(ValidationError::Required));
    }
}
