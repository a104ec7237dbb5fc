//! A juror's scoring sheet for one nomination: a 0–5 score with a short justification per
//! criterion, and the holistic assessment. [`ScoreSheet::parse`] turns the form as posted
//! into what may be stored, or names, field by field, what is wrong with it.

use super::{FieldErrors, LongText, ShortText, ValidationError};
use std::collections::HashMap;

/// Most characters of a justification: it is meant to be short.
pub const JUSTIFICATION_MAX_CHARS: usize = 1_000;
/// The values a score can take, in the order the form offers them.
pub const SCORE_VALUES: [i32; 6] = [0, 1, 2, 3, 4, 5];

/// One criterion's score with its justification.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ScoreEntry {
    pub value: i32,
    pub justification: String,
}

/// The scoring form as posted: field name → value (its fields are named by criterion id).
pub type SheetInput = HashMap<String, String>;

/// The field of a criterion's score.
pub fn score_field(criterion_id: i32) -> String {
    format!("score-{criterion_id}")
}

/// The field of a criterion's justification.
pub fn justification_field(criterion_id: i32) -> String {
    format!("justification-{criterion_id}")
}

/// What was posted in `field`, or nothing.
pub fn typed<'a>(values: &'a SheetInput, field: &str) -> &'a str {
    values.get(field).map(String::as_str).unwrap_or_default()
}

/// Whether the juror saves a draft or submits (and so locks) the sheet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetAction {
    Draft,
    Submit,
}

impl SheetAction {
    /// The button that was pressed; anything but "submit" saves a draft.
    pub fn of(values: &SheetInput) -> Self {
        if typed(values, "action") == "submit" {
            Self::Submit
        } else {
            Self::Draft
        }
    }
}

/// What is wrong with a sheet, in the order the fields appear on the page.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct SheetErrors(Vec<(String, ValidationError)>);

impl SheetErrors {
    pub fn add(&mut self, field: String, error: ValidationError) {
        self.0.push((field, error));
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The errors of one field.
    pub fn of<'a>(&'a self, field: &'a str) -> impl Iterator<Item = ValidationError> + 'a {
        self.0
            .iter()
            .filter(move |(f, _)| f == field)
            .map(|(_, e)| *e)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&str, ValidationError)> {
        self.0.iter().map(|(field, error)| (field.as_str(), *error))
    }
}

impl From<&FieldErrors> for SheetErrors {
    fn from(errors: &FieldErrors) -> Self {
        Self(
            errors
                .iter()
                .flat_map(|(field, list)| list.iter().map(|e| (field.to_owned(), *e)))
                .collect(),
        )
    }
}

/// A sheet that may be stored: per criterion id its score (`None` clears it, drafts only),
/// and the holistic text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreSheet {
    pub action: SheetAction,
    pub scores: Vec<(i32, Option<ScoreEntry>)>,
    pub holistic: String,
}

fn parse_score(raw: &str) -> Result<Option<i32>, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    match raw.parse::<i32>() {
        Ok(value) if SCORE_VALUES.contains(&value) => Ok(Some(value)),
        _ => Err(ValidationError::ScoreOutOfRange),
    }
}

fn parse_justification(raw: &str) -> Result<Option<String>, ValidationError> {
    match ShortText::parse_with_max(raw, JUSTIFICATION_MAX_CHARS) {
        Ok(text) => Ok(Some(text.into_inner())),
        Err(ValidationError::Required) => Ok(None),
        Err(error) => Err(error),
    }
}

impl ScoreSheet {
    /// The scores of the rubric's criteria (by id, in page order) and the holistic text. A
    /// draft needs nothing to be complete, but what was filled in must be valid, and a
    /// justification needs its score; submitting needs every score, every justification
    /// and the holistic assessment.
    pub fn parse(criterion_ids: &[i32], values: &SheetInput) -> Result<Self, SheetErrors> {
        let action = SheetAction::of(values);
        let submit = action == SheetAction::Submit;
        let mut errors = SheetErrors::default();
        let mut scores = Vec::new();
        for &criterion in criterion_ids {
            let (score_name, justification_name) =
                (score_field(criterion), justification_field(criterion));
            let score = parse_score(typed(values, &score_name))
                .map_err(|e| errors.add(score_name.clone(), e))
                .ok();
            let justification = parse_justification(typed(values, &justification_name))
                .map_err(|e| errors.add(justification_name.clone(), e))
                .ok();
            let (Some(score), Some(justification)) = (score, justification) else {
                continue;
            };
            match (score, justification) {
                (None, None) if !submit => scores.push((criterion, None)),
                (None, justification) => {
                    errors.add(score_name, ValidationError::Required);
                    if submit && justification.is_none() {
                        errors.add(justification_name, ValidationError::Required);
                    }
                }
                (Some(_), None) if submit => {
                    errors.add(justification_name, ValidationError::Required)
                }
                (Some(value), justification) => scores.push((
                    criterion,
                    Some(ScoreEntry {
                        value,
                        justification: justification.unwrap_or_default(),
                    }),
                )),
            }
        }
        let raw_holistic = typed(values, "holistic");
        let holistic = if submit {
            LongText::parse(raw_holistic).map(|t| Some(t.into_inner()))
        } else {
            LongText::parse_optional(Some(raw_holistic)).map(|t| t.map(LongText::into_inner))
        };
        let holistic = holistic
            .map_err(|e| errors.add("holistic".into(), e))
            .ok()
            .flatten()
            .unwrap_or_default();
        if errors.is_empty() {
            Ok(Self {
                action,
                scores,
                holistic,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CRITERIA: [i32; 2] = [1, 2];

    fn values(pairs: &[(&str, &str)]) -> SheetInput {
        pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    /// The fields a refused sheet names, with why.
    fn refused(pairs: &[(&str, &str)]) -> Vec<(String, ValidationError)> {
        ScoreSheet::parse(&CRITERIA, &values(pairs)).unwrap_err().0
    }

    #[test]
    fn an_empty_draft_clears_and_a_partial_draft_is_kept() {
        let sheet = ScoreSheet::parse(&CRITERIA, &values(&[])).unwrap();
        assert_eq!(sheet.action, SheetAction::Draft);
        assert!(sheet.scores.iter().all(|(_, score)| score.is_none()));
        assert_eq!(sheet.holistic, "");
        let sheet = ScoreSheet::parse(&CRITERIA, &values(&[("score-1", "4")])).unwrap();
        assert_eq!(
            sheet.scores[0],
            (
                1,
                Some(ScoreEntry {
                    value: 4,
                    justification: String::new()
                })
            )
        );
        assert_eq!(sheet.scores[1], (2, None));
    }

    #[test]
    fn a_draft_rejects_bad_values_and_a_justification_without_its_score() {
        assert_eq!(
            refused(&[("score-1", "6"), ("justification-2", "Godt")]),
            vec![
                ("score-1".into(), ValidationError::ScoreOutOfRange),
                ("score-2".into(), ValidationError::Required),
            ]
        );
    }

    #[test]
    fn a_score_is_a_whole_number_from_0_to_5() {
        assert_eq!(parse_score("-1"), Err(ValidationError::ScoreOutOfRange));
        assert_eq!(parse_score("2.5"), Err(ValidationError::ScoreOutOfRange));
        assert_eq!(parse_score(" 0 "), Ok(Some(0)));
        assert_eq!(parse_score("5"), Ok(Some(5)));
        assert_eq!(parse_score("  "), Ok(None));
    }

    #[test]
    fn a_justification_is_short_and_may_be_empty() {
        assert_eq!(parse_justification(" \r\n "), Ok(None));
        assert_eq!(parse_justification("Klart"), Ok(Some("Klart".into())));
        let long = "x".repeat(JUSTIFICATION_MAX_CHARS + 1);
        assert_eq!(parse_justification(&long), Err(ValidationError::TooLong));
    }

    #[test]
    fn submitting_needs_every_score_justification_and_the_holistic_text() {
        assert_eq!(
            refused(&[
                ("score-1", "3"),
                ("justification-1", "Klart"),
                ("action", "submit"),
            ]),
            vec![
                ("score-2".into(), ValidationError::Required),
                ("justification-2".into(), ValidationError::Required),
                ("holistic".into(), ValidationError::Required),
            ]
        );
        let complete = values(&[
            ("score-1", "3"),
            ("justification-1", "Klart"),
            ("score-2", "0"),
            ("justification-2", "Ingen\r\nvirkning"),
            ("holistic", "Samlet: godt."),
            ("action", "submit"),
        ]);
        let sheet = ScoreSheet::parse(&CRITERIA, &complete).unwrap();
        assert_eq!(sheet.action, SheetAction::Submit);
        assert_eq!(
            sheet.scores[1].1.as_ref().unwrap().justification,
            "Ingen virkning"
        );
        assert_eq!(sheet.holistic, "Samlet: godt.");
    }

    #[test]
    fn form_errors_keep_their_fields() {
        let mut form = FieldErrors::default();
        form.add("conflict_reason", ValidationError::Required);
        let errors = SheetErrors::from(&form);
        assert_eq!(
            errors.of("conflict_reason").collect::<Vec<_>>(),
            vec![ValidationError::Required]
        );
    }
}
