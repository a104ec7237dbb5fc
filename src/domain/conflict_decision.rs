//! The secretariat's decision on a juror's possible conflict of interest
//! (forvaltningsloven §§ 6 and 8): upheld or dismissed, always with a written note.

use super::{FieldErrors, ValidationError};

/// The longest note accepted, in characters.
pub const CONFLICT_NOTE_MAX_CHARS: usize = 2000;

/// The decision form as typed.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct ConflictDecisionInput {
    pub conflict_decision: String,
    pub conflict_note: String,
}

/// The form's fields in the order the page shows them.
pub const CONFLICT_DECISION_FIELDS: &[&str] = &["conflict_decision", "conflict_note"];

/// A decision that can be stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConflictDecision {
    /// The juror is conflicted (upheld) or not (dismissed).
    pub upheld: bool,
    pub note: String,
}

impl ConflictDecision {
    pub fn parse(input: &ConflictDecisionInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let upheld = match input.conflict_decision.as_str() {
            "upheld" => Some(true),
            "dismissed" => Some(false),
            _ => {
                errors.add("conflict_decision", ValidationError::Required);
                None
            }
        };
        let note = input.conflict_note.trim().to_owned();
        if note.is_empty() {
            errors.add("conflict_note", ValidationError::Required);
        } else if note.chars().count() > CONFLICT_NOTE_MAX_CHARS {
            errors.add("conflict_note", ValidationError::TooLong);
        }
        match upheld {
            Some(upheld) if errors.is_empty() => Ok(Self { upheld, note }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(decision: &str, note: &str) -> ConflictDecisionInput {
        ConflictDecisionInput {
            conflict_decision: decision.into(),
            conflict_note: note.into(),
        }
    }

    #[test]
    fn a_decision_with_a_note_parses() {
        assert_eq!(
            ConflictDecision::parse(&input("dismissed", " Vervet endte for fem år siden. ")),
            Ok(ConflictDecision {
                upheld: false,
                note: "Vervet endte for fem år siden.".into()
            })
        );
        assert!(
            ConflictDecision::parse(&input("upheld", "Nær familie."))
                .unwrap()
                .upheld
        );
    }

    #[test]
    fn the_decision_and_a_note_are_required() {
        let errors = ConflictDecision::parse(&input("maybe", "  ")).unwrap_err();
        assert_eq!(
            errors.get("conflict_decision"),
            Some(&[ValidationError::Required][..])
        );
        assert_eq!(
            errors.get("conflict_note"),
            Some(&[ValidationError::Required][..])
        );
        let long = "x".repeat(CONFLICT_NOTE_MAX_CHARS + 1);
        assert_eq!(
            ConflictDecision::parse(&input("upheld", &long))
                .unwrap_err()
                .get("conflict_note"),
            Some(&[ValidationError::TooLong][..])
        );
    }
}
