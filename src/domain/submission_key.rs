use rand::RngCore as _;

/// The one-time key a form carries, so that sending the same form twice (a refresh of the
/// receipt, a double click) finds the first submission instead of storing a copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SubmissionKey(String);

const KEY_HEX_LEN: usize = 32;

impl SubmissionKey {
    pub fn generate() -> Self {
        let mut bytes = [0u8; KEY_HEX_LEN / 2];
        rand::rng().fill_bytes(&mut bytes);
        Self(bytes.iter().map(|b| format!("{b:02x}")).collect())
    }

    /// A key as posted back by a form; anything but 32 lowercase hex digits is no key.
    pub fn parse(raw: &str) -> Option<Self> {
        (raw.len() == KEY_HEX_LEN && raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
            .then(|| Self(raw.to_owned()))
    }
}

impl AsRef<str> for SubmissionKey {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_parse_and_differ() {
        let a = SubmissionKey::generate();
        assert_eq!(SubmissionKey::parse(a.as_ref()), Some(a.clone()));
        assert_ne!(a, SubmissionKey::generate());
    }

    #[test]
    fn anything_else_is_no_key() {
        for raw in [
            "",
            "abc",
            &"A".repeat(32),
            &"g".repeat(32),
            &"a".repeat(33),
            "'; DROP TABLE tips;--",
        ] {
            assert_eq!(SubmissionKey::parse(raw), None, "{raw}");
        }
    }
}
