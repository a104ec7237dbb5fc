//! Why a mail was not delivered, in words the secretariat can act on. The outbox stores
//! the SMTP library's error text (`lettre`'s `Display`: "permanent error (550): …",
//! "Connection error: …", "network error: timed out") or the reason a message could not
//! be built ("recipient: …"); this sorts that text into a few classes, each explained in
//! `locales/*/mail_errors.ftl` (`mail-error-<class>`). The raw text stays available to the
//! operator behind a details element.

/// The kind of failure, as far as the stored text tells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailErrorClass {
    /// No connection to the SMTP server (refused, not found, unreachable).
    Unreachable,
    /// The server did not answer in time.
    Timeout,
    /// The encrypted connection (TLS) could not be set up.
    Tls,
    /// The server would not accept the portal's login (SMTP 530, 534, 535).
    Authentication,
    /// The server does not know or refuses the recipient's address (550, 551, 553).
    RecipientRejected,
    /// The message was too large for the server (552).
    TooLarge,
    /// The server refused for now and may accept later (4xx).
    Temporary,
    /// The server refused for good, for another reason (5xx).
    Refused,
    /// The address in the message is not a valid e-mail address.
    InvalidAddress,
    /// The server answered something the portal did not understand.
    Protocol,
    /// The portal was shutting down while sending.
    Shutdown,
    /// Anything else.
    Unknown,
}

impl MailErrorClass {
    /// Whether sending the same message again can only fail again: the server refused this
    /// message or its recipient for good (RFC 5321: after a 5xx reply the client "SHOULD
    /// NOT repeat the exact request"). A refused login is a 5xx too, but it concerns the
    /// portal's configuration, not the message: once an operator corrects it, the retries
    /// deliver what waited.
    pub fn is_final(self) -> bool {
        matches!(
            self,
            Self::RecipientRejected | Self::TooLarge | Self::Refused
        )
    }

    /// Sorts a stored error text.
    pub fn of(text: &str) -> Self {
        let lower = text.to_ascii_lowercase();
        let code = smtp_code(&lower);
        if let Some(code) = code {
            return match code {
                530 | 534 | 535 | 538 => Self::Authentication,
                550 | 551 | 553 => Self::RecipientRejected,
                552 => Self::TooLarge,
                400..=499 => Self::Temporary,
                _ => Self::Refused,
            };
        }
        if lower.contains("timed out") || lower.contains("timeout") {
            Self::Timeout
        } else if lower.starts_with("tls error") || lower.contains("certificate") {
            Self::Tls
        } else if lower.starts_with("connection error") || lower.starts_with("network error") {
            Self::Unreachable
        } else if lower.starts_with("recipient") || lower.starts_with("reply-to") {
            Self::InvalidAddress
        } else if lower.starts_with("response error") || lower.starts_with("internal client error")
        {
            Self::Protocol
        } else if lower.starts_with("transport has been shut down") {
            Self::Shutdown
        } else {
            Self::Unknown
        }
    }

    /// The class's name in message ids (`mail-error-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            Self::Unreachable => "unreachable",
            Self::Timeout => "timeout",
            Self::Tls => "tls",
            Self::Authentication => "authentication",
            Self::RecipientRejected => "recipient-rejected",
            Self::TooLarge => "too-large",
            Self::Temporary => "temporary",
            Self::Refused => "refused",
            Self::InvalidAddress => "invalid-address",
            Self::Protocol => "protocol",
            Self::Shutdown => "shutdown",
            Self::Unknown => "unknown",
        }
    }

    pub const ALL: [Self; 12] = [
        Self::Unreachable,
        Self::Timeout,
        Self::Tls,
        Self::Authentication,
        Self::RecipientRejected,
        Self::TooLarge,
        Self::Temporary,
        Self::Refused,
        Self::InvalidAddress,
        Self::Protocol,
        Self::Shutdown,
        Self::Unknown,
    ];
}

/// The SMTP reply code in "permanent error (550)" / "transient error (421)".
fn smtp_code(lower: &str) -> Option<u16> {
    let rest = lower
        .strip_prefix("permanent error (")
        .or_else(|| lower.strip_prefix("transient error ("))?;
    rest.get(..3)?.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::MailErrorClass::{self, *};

    #[test]
    fn only_a_refusal_of_the_message_itself_ends_it() {
        let is_final = |text: &str| MailErrorClass::of(text).is_final();
        assert!(is_final("permanent error (550): 5.1.1 user unknown"));
        assert!(is_final("permanent error (552): message size exceeds"));
        assert!(is_final("permanent error (554): transaction failed"));
        // The portal's login: an operator corrects it, then the retries deliver.
        assert!(!is_final(
            "permanent error (535): 5.7.8 Authentication credentials invalid"
        ));
        assert!(!is_final("transient error (421): try again later"));
        assert!(!is_final(
            "Connection error: Connection refused (os error 111)"
        ));
        assert!(!is_final("network error: timed out"));
    }

    #[test]
    fn lettres_texts_are_sorted() {
        for (text, class) in [
            (
                "Connection error: Connection refused (os error 111)",
                Unreachable,
            ),
            ("network error: timed out", Timeout),
            (
                "Connection error: failed to lookup address information",
                Unreachable,
            ),
            ("tls error: invalid peer certificate: UnknownIssuer", Tls),
            (
                "permanent error (535): 5.7.8 Authentication credentials invalid",
                Authentication,
            ),
            (
                "permanent error (550): 5.1.1 <x@example.no>: user unknown",
                RecipientRejected,
            ),
            ("permanent error (552): message size exceeds", TooLarge),
            ("transient error (421): service not available", Temporary),
            ("transient error (452): mailbox full", Temporary),
            ("permanent error (554): transaction failed", Refused),
            ("recipient: Invalid email address", InvalidAddress),
            ("response error: incomplete response", Protocol),
            ("transport has been shut down", Shutdown),
            ("something else", Unknown),
        ] {
            assert_eq!(MailErrorClass::of(text), class, "{text}");
        }
    }

    #[test]
    fn every_class_is_explained_in_every_language() {
        for lang in crate::i18n::Lang::ALL {
            for class in MailErrorClass::ALL {
                let id = format!("mail-error-{}", class.code());
                assert!(lang.has_text(&id), "{id} in {lang:?}");
            }
        }
    }
}
