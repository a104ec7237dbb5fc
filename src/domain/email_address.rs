use super::ValidationError;
use super::errors::required;
use validator::ValidateEmail;

/// An e-mail address that passed the HTML5/WHATWG e-mail syntax check and is short enough
/// for SMTP (RFC 5321: 254 characters). It holds no spaces or control characters, so it can
/// go into a mail header as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let trimmed = required(raw)?;
        if trimmed.len() > 254 || !trimmed.validate_email() || !trimmed.contains('.') {
            return Err(ValidationError::EmailInvalid);
        }
        Ok(Self(trimmed.to_owned()))
    }

    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, ValidationError> {
        match raw.map(str::trim) {
            None | Some("") => Ok(None),
            Some(value) => Self::parse(value).map(Some),
        }
    }
}

impl AsRef<str> for EmailAddress {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::assert_refuses;
    use proptest::prelude::*;

    #[test]
    fn accepts_ordinary_addresses() {
        for raw in [
            "kari.nordmann@dfo.no",
            " ola@example.com ",
            "ola.nordmann+bsp@post.dfo.no",
        ] {
            assert!(EmailAddress::parse(raw).is_ok(), "{raw}");
        }
    }

    #[test]
    fn rejects_malformed_and_header_injection() {
        assert_refuses(
            EmailAddress::parse,
            &[
                "kari",
                "kari@",
                "@dfo.no",
                "kari@localhost",
                "kari nordmann@dfo.no",
                "kari@dfo.no\r\nBcc: x@y.no",
                "kari@dfo.no>, <x@y.no",
            ],
            ValidationError::EmailInvalid,
        );
        assert_eq!(EmailAddress::parse(" "), Err(ValidationError::Required));
        assert_eq!(EmailAddress::parse_optional(Some(" ")), Ok(None));
    }

    proptest! {
        #[test]
        fn parsed_addresses_have_no_whitespace_or_controls(raw in any::<String>()) {
            if let Ok(email) = EmailAddress::parse(&raw) {
                prop_assert!(!email.as_ref().chars().any(|c| c.is_whitespace() || c.is_control()));
                prop_assert!(email.as_ref().len() <= 254);
            }
        }
    }
}
