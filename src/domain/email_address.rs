use super::ValidationError;
use super::errors::required;
use validator::ValidateEmail;

/// An e-mail address that passed the HTML5/WHATWG e-mail syntax check, that lettre can send
/// to (no dot at either end of the local part or two in a row, which the WHATWG syntax
/// lets through), and that is short enough for SMTP (RFC 5321: 254 characters). It holds no spaces or control characters, so it can
/// go into a mail header as it is.
///
/// The domain may be a Norwegian one with æ, ø or å (`post@bærum.kommune.no`, an IDN): it
/// is kept as typed (shown and stored so), and [`EmailAddress::to_ascii`] gives the form
/// for the wire, the domain in punycode (`post@xn--brum-voa.kommune.no`), which every SMTP
/// server takes (a Unicode address would need the SMTPUTF8 extension).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmailAddress(String);

/// `address` with its domain in ASCII (punycode, lower case); `None` if the domain is not
/// a valid internationalised domain name.
///
/// A domain already in ASCII is only lower-cased: it is sent as typed, so a label that
/// merely looks like punycode (`xn--aa`, which IDNA refuses to decode) is the mail
/// server's business, as it was before IDNs were accepted.
pub fn ascii_address(address: &str) -> Option<String> {
    let (local, domain) = address.rsplit_once('@')?;
    let domain = if domain.is_ascii() {
        domain.to_ascii_lowercase()
    } else {
        idna::domain_to_ascii(domain).ok()?
    };
    Some(format!("{local}@{domain}"))
}

impl EmailAddress {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let trimmed = required(raw)?;
        let wire_length = ascii_address(trimmed).map_or(usize::MAX, |ascii| ascii.len());
        if trimmed.len() > 254
            || wire_length > 254
            || !trimmed.validate_email()
            || !trimmed.contains('.')
            || trimmed.parse::<lettre::Address>().is_err()
        {
            return Err(ValidationError::EmailInvalid);
        }
        Ok(Self(trimmed.to_owned()))
    }

    /// The address as it goes on the wire: the domain in punycode.
    pub fn to_ascii(&self) -> String {
        ascii_address(&self.0).unwrap_or_else(|| self.0.clone())
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
            // An ASCII label that looks like punycode but does not decode (found by the
            // schema's property test): the schema describes it, so it is accepted.
            "#@Xn--aa.0",
        ] {
            assert!(EmailAddress::parse(raw).is_ok(), "{raw}");
        }
    }

    #[test]
    fn accepts_norwegian_domains_and_sends_them_in_punycode() {
        let email = EmailAddress::parse(" post@bærum.kommune.no ").unwrap();
        assert_eq!(email.as_ref(), "post@bærum.kommune.no", "kept as typed");
        assert_eq!(email.to_ascii(), "post@xn--brum-voa.kommune.no");
        let email = EmailAddress::parse("Kari@Ås.Kommune.no").unwrap();
        assert_eq!(email.to_ascii(), "Kari@xn--s-1fa.kommune.no");
        assert_eq!(
            EmailAddress::parse("kari@dfo.no").unwrap().to_ascii(),
            "kari@dfo.no"
        );
        // Letters outside the domain are still refused: the local part stays ASCII.
        assert_eq!(
            EmailAddress::parse("bjørn@dfo.no"),
            Err(ValidationError::EmailInvalid)
        );
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

    /// Found by the OpenAPI fuzzer: the WHATWG syntax takes these, lettre cannot address
    /// them, and a receipt to one failed with a server error after the tip was checked.
    #[test]
    fn rejects_what_cannot_be_mailed() {
        assert_refuses(
            EmailAddress::parse,
            &["A.@n5VOlHKSzEaBH7.Kf.s.j", ".kari@dfo.no", "ka..ri@dfo.no"],
            ValidationError::EmailInvalid,
        );
    }

    proptest! {
        #[test]
        fn parsed_addresses_have_no_whitespace_or_controls(raw in any::<String>()) {
            if let Ok(email) = EmailAddress::parse(&raw) {
                prop_assert!(!email.as_ref().chars().any(|c| c.is_whitespace() || c.is_control()));
                prop_assert!(email.as_ref().len() <= 254);
                prop_assert!(email.to_ascii().is_ascii() && email.to_ascii().len() <= 254);
            }
        }
    }
}
