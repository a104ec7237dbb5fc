use super::ValidationError;
use std::fmt;

/// A Norwegian organisation number (organisasjonsnummer): nine digits whose last digit is a
/// mod-11 check digit over the first eight with the weights 3, 2, 7, 6, 5, 4, 3, 2.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct OrgNumber([u8; 9]);

const WEIGHTS: [u32; 8] = [3, 2, 7, 6, 5, 4, 3, 2];

impl OrgNumber {
    /// Accepts the digits with optional spaces (as in "974 760 673"); anything else is a
    /// format error, a wrong check digit a checksum error.
    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
        if compact.is_empty() {
            return Err(ValidationError::Required);
        }
        if compact.len() != 9 || !compact.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ValidationError::OrgNumberFormat);
        }
        let mut digits = [0u8; 9];
        for (digit, byte) in digits.iter_mut().zip(compact.bytes()) {
            *digit = byte - b'0';
        }
        match check_digit(&digits[..8]) {
            Some(expected) if expected == digits[8] => Ok(Self(digits)),
            _ => Err(ValidationError::OrgNumberChecksum),
        }
    }
}

/// The mod-11 check digit, or `None` when the remainder gives 10 (such numbers are never
/// issued).
fn check_digit(first_eight: &[u8]) -> Option<u8> {
    let sum: u32 = first_eight
        .iter()
        .zip(WEIGHTS)
        .map(|(d, w)| u32::from(*d) * w)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        digit => Some(digit as u8),
    }
}

impl fmt::Display for OrgNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for digit in self.0 {
            write!(f, "{digit}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::errors::assert_refuses;
    use proptest::prelude::*;

    #[test]
    fn accepts_real_organisation_numbers() {
        // DFØ, Brønnøysundregistrene, Skatteetaten.
        for number in ["986252932", "974760673", "974761076"] {
            assert_eq!(OrgNumber::parse(number).unwrap().to_string(), number);
        }
    }

    #[test]
    fn accepts_grouped_digits() {
        assert_eq!(
            OrgNumber::parse(" 974 760 673 ").unwrap().to_string(),
            "974760673"
        );
    }

    #[test]
    fn rejects_wrong_check_digit() {
        assert_eq!(
            OrgNumber::parse("974760674"),
            Err(ValidationError::OrgNumberChecksum)
        );
    }

    #[test]
    fn rejects_numbers_whose_remainder_gives_ten() {
        // 4 * 3 = 12, and 11 - 12 % 11 == 10: no check digit fits.
        let digits = [4u8, 0, 0, 0, 0, 0, 0, 0];
        assert_eq!(check_digit(&digits), None);
        for last in 0..10 {
            let raw = format!("40000000{last}");
            assert_eq!(
                OrgNumber::parse(&raw),
                Err(ValidationError::OrgNumberChecksum)
            );
        }
    }

    #[test]
    fn rejects_bad_format() {
        assert_refuses(
            OrgNumber::parse,
            &[
                "12345678",
                "1234567890",
                "97476067a",
                "974-760-673",
                "٩٧٤٧٦٠٦٧٣",
            ],
            ValidationError::OrgNumberFormat,
        );
        assert_eq!(OrgNumber::parse("  "), Err(ValidationError::Required));
    }

    proptest! {
        #[test]
        fn exactly_one_check_digit_is_valid(first in proptest::collection::vec(0u8..10, 8)) {
            let valid: Vec<u8> = (0..10u8)
                .filter(|d| {
                    let s: String = first.iter().chain(std::iter::once(d)).map(|d| char::from(b'0' + d)).collect();
                    OrgNumber::parse(&s).is_ok()
                })
                .collect();
            prop_assert!(valid.len() <= 1);
            prop_assert_eq!(valid.first().copied(), check_digit(&first));
        }

        #[test]
        fn changing_one_digit_of_a_valid_number_breaks_it(
            first in proptest::collection::vec(0u8..10, 8),
            position in 0usize..9,
            delta in 1u8..10,
        ) {
            if let Some(check) = check_digit(&first) {
                let mut digits = first.clone();
                digits.push(check);
                digits[position] = (digits[position] + delta) % 10;
                let s: String = digits.iter().map(|d| char::from(b'0' + d)).collect();
                prop_assert!(OrgNumber::parse(&s).is_err());
            }
        }
    }
}
