use std::fmt;

/// What a reference points at; each kind has its own prefix and numbering.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReferenceKind {
    /// Numbered per prize year: `BSP-2027-0007`.
    Nomination,
    /// Numbered per calendar year of arrival: `TIPS-2026-0012`.
    Tip,
}

impl ReferenceKind {
    fn prefix(self) -> &'static str {
        match self {
            Self::Nomination => "BSP",
            Self::Tip => "TIPS",
        }
    }

    /// The name of the counter that numbers this kind within `year`.
    pub fn sequence_name(self, year: i32) -> String {
        format!("{}-{year}", self.prefix())
    }
}

/// A human-readable reference such as `BSP-2027-0007`, given on receipts.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reference(String);

impl Reference {
    pub fn new(kind: ReferenceKind, year: i32, sequence: i64) -> Self {
        Self(format!("{}-{year}-{sequence:04}", kind.prefix()))
    }

    /// Parses a reference read back from the database or a URL.
    pub fn parse(raw: &str) -> Option<Self> {
        let mut parts = raw.split('-');
        let (prefix, year, number) = (parts.next()?, parts.next()?, parts.next()?);
        let prefix_ok =
            prefix == ReferenceKind::Nomination.prefix() || prefix == ReferenceKind::Tip.prefix();
        let year_ok = year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit());
        let number_ok = number.len() >= 4 && number.bytes().all(|b| b.is_ascii_digit());
        (parts.next().is_none() && prefix_ok && year_ok && number_ok).then(|| Self(raw.to_owned()))
    }
}

impl AsRef<str> for Reference {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_with_four_digits_at_least() {
        assert_eq!(
            Reference::new(ReferenceKind::Nomination, 2027, 7).as_ref(),
            "BSP-2027-0007"
        );
        assert_eq!(
            Reference::new(ReferenceKind::Tip, 2026, 12345).as_ref(),
            "TIPS-2026-12345"
        );
    }

    #[test]
    fn parse_round_trips_and_rejects_garbage() {
        let reference = Reference::new(ReferenceKind::Tip, 2026, 3);
        assert_eq!(Reference::parse(reference.as_ref()), Some(reference));
        for raw in [
            "",
            "BSP-27-0001",
            "XYZ-2027-0001",
            "BSP-2027-01",
            "BSP-2027-0001-1",
            "BSP-2027-00a1",
        ] {
            assert_eq!(Reference::parse(raw), None, "{raw}");
        }
    }
}
