use super::ValidationError;

/// A required single-line text (names, titles): trimmed, every run of whitespace —
/// including CR and LF — folded to one space, other control characters removed, so the
/// value can never break a line of a mail header or a CSV row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShortText(String);

/// Most characters a single-line field may hold.
pub const SHORT_TEXT_MAX_CHARS: usize = 200;
/// Most characters a free-text field may hold (about two pages of text).
pub const LONG_TEXT_MAX_CHARS: usize = 8_000;

impl ShortText {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::parse_with_max(raw, SHORT_TEXT_MAX_CHARS)
    }

    pub fn parse_with_max(raw: &str, max_chars: usize) -> Result<Self, ValidationError> {
        within(fold_single_line(raw), max_chars).map(Self)
    }

    /// An optional single-line field: blank means absent.
    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, ValidationError> {
        match raw.map(fold_single_line) {
            None => Ok(None),
            Some(folded) if folded.is_empty() => Ok(None),
            Some(_) => Self::parse(raw.unwrap_or_default()).map(Some),
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl AsRef<str> for ShortText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A required multi-line text: line endings normalised to LF, control characters other
/// than LF and TAB removed, surrounding whitespace trimmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LongText(String);

impl LongText {
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        within(clean_multi_line(raw), LONG_TEXT_MAX_CHARS).map(Self)
    }

    /// An optional free-text field: blank means absent.
    pub fn parse_optional(raw: Option<&str>) -> Result<Option<Self>, ValidationError> {
        match raw {
            Some(raw) if !clean_multi_line(raw).is_empty() => Self::parse(raw).map(Some),
            _ => Ok(None),
        }
    }

    pub fn into_inner(self) -> String {
        self.0
    }
}

impl AsRef<str> for LongText {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

/// A cleaned text as a required field: refused when blank or longer than `max_chars`
/// characters (not bytes).
fn within(cleaned: String, max_chars: usize) -> Result<String, ValidationError> {
    if cleaned.is_empty() {
        return Err(ValidationError::Required);
    }
    if cleaned.chars().count() > max_chars {
        return Err(ValidationError::TooLong);
    }
    Ok(cleaned)
}

fn fold_single_line(raw: &str) -> String {
    raw.split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

fn clean_multi_line(raw: &str) -> String {
    raw.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect::<String>()
        .trim()
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What each kind of text makes of what was typed: the text it keeps, or why not.
    #[test]
    fn texts_are_cleaned_or_refused() {
        let short = |raw: &str| ShortText::parse(raw).map(ShortText::into_inner);
        let long = |raw: &str| LongText::parse(raw).map(LongText::into_inner);
        let at_limit = "ø".repeat(SHORT_TEXT_MAX_CHARS);
        let cases = [
            // A short text folds line breaks and controls: no header injection.
            (
                short("  Kari\r\nBcc: evil@example.com\u{0}\t "),
                Ok("Kari Bcc: evil@example.com".to_owned()),
            ),
            (short(" \n\t "), Err(ValidationError::Required)),
            // Its limit counts characters, not bytes.
            (short(&at_limit), Ok(at_limit.clone())),
            (
                short(&format!("{at_limit}ø")),
                Err(ValidationError::TooLong),
            ),
            // A long text keeps its paragraphs and normalises line endings.
            (
                long("Første ledd.\r\n\r\nAndre\u{7} ledd.\r"),
                Ok("Første ledd.\n\nAndre ledd.".to_owned()),
            ),
            (
                long(&"a".repeat(LONG_TEXT_MAX_CHARS + 1)),
                Err(ValidationError::TooLong),
            ),
        ];
        for (i, (kept, expected)) in cases.into_iter().enumerate() {
            assert_eq!(kept, expected, "case {i}");
        }
    }

    #[test]
    fn blank_optional_text_is_none() {
        assert_eq!(ShortText::parse_optional(Some("  ")), Ok(None));
        assert_eq!(ShortText::parse_optional(None), Ok(None));
        assert_eq!(LongText::parse_optional(Some(" \r\n ")), Ok(None));
    }

    proptest! {
        #[test]
        fn short_text_never_holds_control_characters(raw in any::<String>()) {
            if let Ok(text) = ShortText::parse(&raw) {
                prop_assert!(!text.as_ref().chars().any(char::is_control));
                prop_assert_eq!(text.as_ref().trim(), text.as_ref());
            }
        }

        #[test]
        fn long_text_holds_no_cr_or_other_controls(raw in any::<String>()) {
            if let Ok(text) = LongText::parse(&raw) {
                prop_assert!(!text.as_ref().chars().any(|c| c.is_control() && c != '\n' && c != '\t'));
            }
        }
    }
}
