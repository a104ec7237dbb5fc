//! The forms of the secretariat's round page, parsed: a new round, a round's dates, phase
//! and threshold, and one criterion of its rubric.

use super::errors::required;
use super::{FieldErrors, LongText, Phase, PrizeYear, ValidationError};
use chrono::NaiveDate;

/// Everything typed on the round pages (the round's fields and a criterion's).
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RoundInput {
    pub prize_year: String,
    pub nomination_deadline: String,
    pub jury_deadline: String,
    pub conference_date: String,
    pub round_phase: String,
    /// Why the round moves back to an earlier phase (required then, unused otherwise).
    pub phase_back_reason: String,
    pub disagreement_threshold: String,
    pub criterion_name: String,
    pub criterion_description: String,
    pub criterion_weight: String,
}

/// The most a criterion's name and description may hold.
const NAME_MAX_CHARS: usize = 200;
const DESCRIPTION_MAX_CHARS: usize = 2000;
/// The highest disagreement threshold a round may have (scores go from 0 to 5).
const THRESHOLD_MAX: f64 = 5.0;

/// A date as the forms take it: `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Result<NaiveDate, ValidationError> {
    NaiveDate::parse_from_str(required(raw)?, "%Y-%m-%d").map_err(|_| ValidationError::DateInvalid)
}

/// An optional date: blank is none.
pub fn parse_optional_date(raw: &str) -> Result<Option<NaiveDate>, ValidationError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(raw).map(Some)
    }
}

/// A positive decimal number, written with a comma or a dot (`1,5`, `1.5`), below 1000.
pub fn parse_positive_decimal(raw: &str) -> Result<f64, ValidationError> {
    let cleaned: String = required(raw)?
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let plain = cleaned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && cleaned.matches('.').count() <= 1;
    match cleaned.parse::<f64>() {
        Ok(value) if plain && value.is_finite() && value > 0.0 && value < 1000.0 => Ok(value),
        _ => Err(ValidationError::WeightInvalid),
    }
}

/// How far apart the jurors' scores may be before the results page flags a nomination:
/// a positive decimal of at most 5.
pub fn parse_disagreement_threshold(raw: &str) -> Result<f64, ValidationError> {
    match parse_positive_decimal(raw) {
        Ok(value) if value <= THRESHOLD_MAX => Ok(value),
        Ok(_) | Err(ValidationError::WeightInvalid) => Err(ValidationError::NumberInvalid),
        Err(other) => Err(other),
    }
}

/// A round's dates, as the secretariat sets them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoundDates {
    pub nomination_deadline: NaiveDate,
    pub jury_deadline: Option<NaiveDate>,
    pub conference_date: Option<NaiveDate>,
}

impl RoundDates {
    fn parse(input: &RoundInput, errors: &mut FieldErrors) -> Option<Self> {
        let deadline = errors.check(
            "nomination_deadline",
            parse_date(&input.nomination_deadline),
        );
        let jury_deadline =
            errors.check("jury_deadline", parse_optional_date(&input.jury_deadline));
        let conference_date = errors.check(
            "conference_date",
            parse_optional_date(&input.conference_date),
        );
        Some(Self {
            nomination_deadline: deadline?,
            jury_deadline: jury_deadline?,
            conference_date: conference_date?,
        })
    }
}

/// A round the secretariat creates: its prize year and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewRound {
    pub prize_year: PrizeYear,
    pub dates: RoundDates,
}

impl NewRound {
    pub fn parse(input: &RoundInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let prize_year = errors.check("prize_year", PrizeYear::parse(&input.prize_year));
        let dates = RoundDates::parse(input, &mut errors);
        match (prize_year, dates) {
            (Some(prize_year), Some(dates)) if errors.is_empty() => Ok(Self { prize_year, dates }),
            _ => Err(errors),
        }
    }
}

/// What the secretariat can change on a round.
#[derive(Debug, Clone, PartialEq)]
pub struct RoundSettings {
    pub dates: RoundDates,
    pub phase: Phase,
    /// Set when the round moves back to an earlier phase: why (never silently).
    pub moved_back_because: Option<LongText>,
    pub disagreement_threshold: f64,
}

impl RoundSettings {
    /// The round's form, for a round now in phase `current`. Moving back to an earlier
    /// phase (the discussion back to scoring, say) needs a reason; moving on does not.
    pub fn parse(input: &RoundInput, current: Phase) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let dates = RoundDates::parse(input, &mut errors);
        let phase = errors.check("round_phase", Phase::parse(&input.round_phase));
        let moved_back_because = match phase {
            Some(phase) if phase < current => match LongText::parse(&input.phase_back_reason) {
                Ok(reason) => Some(reason),
                Err(ValidationError::Required) => {
                    errors.add(
                        "phase_back_reason",
                        ValidationError::PhaseBackReasonRequired,
                    );
                    None
                }
                Err(error) => {
                    errors.add("phase_back_reason", error);
                    None
                }
            },
            _ => None,
        };
        let threshold = errors.check(
            "disagreement_threshold",
            parse_disagreement_threshold(&input.disagreement_threshold),
        );
        match (dates, phase, threshold) {
            (Some(dates), Some(phase), Some(disagreement_threshold)) if errors.is_empty() => {
                Ok(Self {
                    dates,
                    phase,
                    moved_back_because,
                    disagreement_threshold,
                })
            }
            _ => Err(errors),
        }
    }
}

/// One criterion of a round's rubric: a name, an optional description and a weight.
#[derive(Debug, Clone, PartialEq)]
pub struct RubricCriterion {
    pub name: String,
    pub description: String,
    pub weight: f64,
}

impl RubricCriterion {
    /// Reads the criterion fields; the errors name the criterion fields.
    pub fn parse(input: &RoundInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = input.criterion_name.trim();
        let description = input.criterion_description.trim();
        if name.is_empty() {
            errors.add("criterion_name", ValidationError::Required);
        } else if name.chars().count() > NAME_MAX_CHARS {
            errors.add("criterion_name", ValidationError::TooLong);
        }
        if description.chars().count() > DESCRIPTION_MAX_CHARS {
            errors.add("criterion_description", ValidationError::TooLong);
        }
        let weight = errors.check(
            "criterion_weight",
            parse_positive_decimal(&input.criterion_weight),
        );
        match weight {
            Some(weight) if errors.is_empty() => Ok(Self {
                name: name.to_owned(),
                description: description.to_owned(),
                weight,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::test_time::date;

    fn fields(errors: &FieldErrors) -> Vec<(&'static str, Vec<ValidationError>)> {
        errors
            .iter()
            .map(|(field, list)| (field, list.to_vec()))
            .collect()
    }

    #[test]
    fn weights_take_a_comma_or_a_dot() {
        assert_eq!(parse_positive_decimal("1,5"), Ok(1.5));
        assert_eq!(parse_positive_decimal(" 2.25 "), Ok(2.25));
        assert_eq!(parse_positive_decimal("3"), Ok(3.0));
        assert_eq!(parse_positive_decimal(""), Err(ValidationError::Required));
        for bad in ["0", "-1", "abc", "1,2,3", "NaN", "inf", "1e3", "1000"] {
            assert_eq!(
                parse_positive_decimal(bad),
                Err(ValidationError::WeightInvalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(parse_date("2027-10-01"), Ok(date(2027, 10, 1)));
        assert_eq!(parse_date("01.10.2027"), Err(ValidationError::DateInvalid));
        assert_eq!(parse_date("2027-02-30"), Err(ValidationError::DateInvalid));
        assert_eq!(parse_date(" "), Err(ValidationError::Required));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(
            parse_optional_date("2027-12-01"),
            Ok(Some(date(2027, 12, 1)))
        );
    }

    #[test]
    fn the_threshold_is_a_number_up_to_five() {
        assert_eq!(parse_disagreement_threshold("1,5"), Ok(1.5));
        assert_eq!(parse_disagreement_threshold("5"), Ok(5.0));
        assert_eq!(
            parse_disagreement_threshold(""),
            Err(ValidationError::Required)
        );
        for bad in ["5,5", "0", "mye"] {
            assert_eq!(
                parse_disagreement_threshold(bad),
                Err(ValidationError::NumberInvalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn a_new_round_needs_a_year_and_a_deadline() {
        let input = RoundInput {
            prize_year: "2029".into(),
            nomination_deadline: "2028-10-01".into(),
            conference_date: "2029-01-15".into(),
            ..RoundInput::default()
        };
        assert_eq!(
            NewRound::parse(&input),
            Ok(NewRound {
                prize_year: PrizeYear::new(2029),
                dates: RoundDates {
                    nomination_deadline: date(2028, 10, 1),
                    jury_deadline: None,
                    conference_date: Some(date(2029, 1, 15)),
                },
            })
        );
        let errors = NewRound::parse(&RoundInput {
            jury_deadline: "neste uke".into(),
            ..RoundInput::default()
        })
        .unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                ("jury_deadline", vec![ValidationError::DateInvalid]),
                ("nomination_deadline", vec![ValidationError::Required]),
                ("prize_year", vec![ValidationError::Required]),
            ]
        );
    }

    #[test]
    fn round_settings_report_every_field_at_once() {
        let input = RoundInput {
            nomination_deadline: "2029-10-01".into(),
            round_phase: "scoring".into(),
            disagreement_threshold: "1,5".into(),
            ..RoundInput::default()
        };
        let settings = RoundSettings::parse(&input, Phase::Nominations).unwrap();
        assert_eq!(settings.phase, Phase::Scoring);
        assert_eq!(settings.disagreement_threshold, 1.5);
        assert_eq!(settings.dates.nomination_deadline, date(2029, 10, 1));

        let errors = RoundSettings::parse(
            &RoundInput {
                nomination_deadline: "neste uke".into(),
                round_phase: "voting".into(),
                disagreement_threshold: "mye".into(),
                ..RoundInput::default()
            },
            Phase::Nominations,
        )
        .unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                (
                    "disagreement_threshold",
                    vec![ValidationError::NumberInvalid]
                ),
                ("nomination_deadline", vec![ValidationError::DateInvalid]),
                ("round_phase", vec![ValidationError::PhaseUnknown]),
            ]
        );
    }

    #[test]
    fn moving_a_round_back_needs_a_reason_and_moving_on_does_not() {
        let to = |phase: &str, reason: &str| RoundInput {
            nomination_deadline: "2029-10-01".into(),
            round_phase: phase.into(),
            phase_back_reason: reason.into(),
            disagreement_threshold: "1,5".into(),
            ..RoundInput::default()
        };
        let back = RoundSettings::parse(&to("scoring", "  "), Phase::Discussion).unwrap_err();
        assert_eq!(
            fields(&back),
            [(
                "phase_back_reason",
                vec![ValidationError::PhaseBackReasonRequired]
            )]
        );
        let explained =
            RoundSettings::parse(&to("scoring", "En jurymedlem var syk"), Phase::Discussion)
                .unwrap();
        assert_eq!(
            explained.moved_back_because.as_ref().map(AsRef::as_ref),
            Some("En jurymedlem var syk")
        );
        let on = RoundSettings::parse(&to("discussion", ""), Phase::Scoring).unwrap();
        assert_eq!(on.moved_back_because, None);
        let same = RoundSettings::parse(&to("scoring", "ignored"), Phase::Scoring).unwrap();
        assert_eq!(same.moved_back_because, None, "staying is not moving back");
    }

    #[test]
    fn a_criterion_needs_a_name_and_a_positive_weight() {
        let input = RoundInput {
            criterion_name: "  Bærekraft ".into(),
            criterion_description: "Klima og miljø.".into(),
            criterion_weight: "1,5".into(),
            ..RoundInput::default()
        };
        assert_eq!(
            RubricCriterion::parse(&input),
            Ok(RubricCriterion {
                name: "Bærekraft".into(),
                description: "Klima og miljø.".into(),
                weight: 1.5,
            })
        );
        let errors = RubricCriterion::parse(&RoundInput {
            criterion_description: "x".repeat(DESCRIPTION_MAX_CHARS + 1),
            criterion_weight: "0".into(),
            ..RoundInput::default()
        })
        .unwrap_err();
        assert_eq!(
            fields(&errors),
            [
                ("criterion_description", vec![ValidationError::TooLong]),
                ("criterion_name", vec![ValidationError::Required]),
                ("criterion_weight", vec![ValidationError::WeightInvalid]),
            ]
        );
        let long_name = RoundInput {
            criterion_name: "n".repeat(NAME_MAX_CHARS + 1),
            criterion_weight: "1".into(),
            ..RoundInput::default()
        };
        assert_eq!(
            fields(&RubricCriterion::parse(&long_name).unwrap_err()),
            [("criterion_name", vec![ValidationError::TooLong])]
        );
    }
}
