//! The forms of the secretariat's nomination page, parsed: the screening decision, the
//! round to carry a nomination into, the jurors it is assigned to, and whose submitted
//! assessment to reopen.

use super::{FieldErrors, ValidationError};

/// What the forms on the nomination page post.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ScreeningInput {
    pub screening: String,
    pub exclusion_reason: String,
    pub target_round: String,
    pub assigned_jurors: Vec<String>,
    pub juror: String,
}

/// The fields of the nomination page in the order it shows them.
pub const SCREENING_FIELDS: &[&str] = &["screening", "exclusion_reason", "target_round"];

/// The most an exclusion reason may hold.
const REASON_MAX_CHARS: usize = 2000;

/// Whether a nomination goes on to the jury: eligible, or excluded for a stated reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScreeningDecision {
    Eligible,
    Excluded { reason: String },
}

impl ScreeningDecision {
    pub fn parse(input: &ScreeningInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let reason = input.exclusion_reason.trim();
        match input.screening.as_str() {
            "eligible" => return Ok(Self::Eligible),
            "excluded" if reason.is_empty() => {
                errors.add("exclusion_reason", ValidationError::Required);
            }
            "excluded" if reason.chars().count() > REASON_MAX_CHARS => {
                errors.add("exclusion_reason", ValidationError::TooLong);
            }
            "excluded" => {
                return Ok(Self::Excluded {
                    reason: reason.to_owned(),
                });
            }
            _ => errors.add("screening", ValidationError::Required),
        }
        Err(errors)
    }
}

/// The round chosen to carry a nomination into (whether it is a later one, the service
/// decides against the database).
pub fn parse_target_round(input: &ScreeningInput) -> Result<i32, FieldErrors> {
    input
        .target_round
        .trim()
        .parse()
        .map_err(|_| target_round_missing())
}

/// The error when no later round was chosen.
pub fn target_round_missing() -> FieldErrors {
    let mut errors = FieldErrors::default();
    errors.add("target_round", ValidationError::Required);
    errors
}

/// The jurors ticked in the assignment form; anything that is not an id is ignored (the
/// form only offers jurors).
pub fn chosen_jurors(input: &ScreeningInput) -> Vec<i32> {
    input
        .assigned_jurors
        .iter()
        .filter_map(|id| id.trim().parse().ok())
        .collect()
}

/// The juror whose submitted assessment is to be reopened.
pub fn juror_to_reopen(input: &ScreeningInput) -> Option<i32> {
    input.juror.trim().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(screening: &str, reason: &str) -> ScreeningInput {
        ScreeningInput {
            screening: screening.into(),
            exclusion_reason: reason.into(),
            ..ScreeningInput::default()
        }
    }

    fn only(field: &'static str, error: ValidationError) -> FieldErrors {
        let mut errors = FieldErrors::default();
        errors.add(field, error);
        errors
    }

    #[test]
    fn an_exclusion_needs_a_reason() {
        assert_eq!(
            ScreeningDecision::parse(&input("eligible", "ignored")),
            Ok(ScreeningDecision::Eligible)
        );
        assert_eq!(
            ScreeningDecision::parse(&input("excluded", "  Ikke gjennomført. ")),
            Ok(ScreeningDecision::Excluded {
                reason: "Ikke gjennomført.".into()
            })
        );
        assert_eq!(
            ScreeningDecision::parse(&input("excluded", "  ")),
            Err(only("exclusion_reason", ValidationError::Required))
        );
        assert_eq!(
            ScreeningDecision::parse(&input("excluded", &"x".repeat(REASON_MAX_CHARS + 1))),
            Err(only("exclusion_reason", ValidationError::TooLong))
        );
        for unknown in ["", "maybe"] {
            assert_eq!(
                ScreeningDecision::parse(&input(unknown, "")),
                Err(only("screening", ValidationError::Required))
            );
        }
    }

    #[test]
    fn the_target_round_is_an_id() {
        let chosen = |raw: &str| ScreeningInput {
            target_round: raw.into(),
            ..ScreeningInput::default()
        };
        assert_eq!(parse_target_round(&chosen(" 7 ")), Ok(7));
        assert_eq!(parse_target_round(&chosen("")), Err(target_round_missing()));
        assert_eq!(
            parse_target_round(&chosen("neste")),
            Err(target_round_missing())
        );
    }

    #[test]
    fn assignments_and_reopening_take_ids_only() {
        let posted = ScreeningInput {
            assigned_jurors: vec!["3".into(), " 5".into(), "kari".into()],
            juror: "x".into(),
            ..ScreeningInput::default()
        };
        assert_eq!(chosen_jurors(&posted), [3, 5]);
        assert_eq!(juror_to_reopen(&posted), None);
        let posted = ScreeningInput {
            juror: " 12 ".into(),
            ..ScreeningInput::default()
        };
        assert_eq!(juror_to_reopen(&posted), Some(12));
    }
}
