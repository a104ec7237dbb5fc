//! The rules of the jury's work that decide who sees and does what. Pure, so the pages and
//! the authorization tests share one definition.

use super::{ConflictStatus, ValidationError};

/// Where a round is in its year.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    serde::Serialize,
    diesel::expression::AsExpression,
    diesel::deserialize::FromSqlRow,
)]
#[serde(rename_all = "snake_case")]
#[diesel(sql_type = diesel::sql_types::Text)]
pub enum Phase {
    /// Open for nominations; the secretariat screens them and edits the rubric.
    Nominations,
    /// Jurors score independently.
    Scoring,
    /// Everyone on the jury sees all scores and assessments, to discuss.
    Discussion,
    /// The winner is recorded.
    Decided,
}

impl Phase {
    pub const ALL: [Phase; 4] = [
        Self::Nominations,
        Self::Scoring,
        Self::Discussion,
        Self::Decided,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Self::Nominations => "nominations",
            Self::Scoring => "scoring",
            Self::Discussion => "discussion",
            Self::Decided => "decided",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|phase| phase.code() == raw.trim())
            .ok_or(ValidationError::PhaseUnknown)
    }

    /// Whether jurors may give or change scores.
    pub fn scoring_open(self) -> bool {
        self == Self::Scoring
    }
}

/// Where a juror stands on a nomination (forvaltningsloven §§ 6 and 8).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Impartiality {
    Clear,
    /// The nomination comes from an organisation the juror is affiliated with, and the
    /// secretariat has not (yet) dismissed it.
    FlaggedByAffiliation,
    /// The juror declared a conflict; the secretariat has not decided yet.
    Declared,
    /// The secretariat decided the juror is conflicted.
    Upheld,
    /// The secretariat decided the juror is not conflicted (after a flag or a declaration).
    Dismissed,
}

impl Impartiality {
    /// From the conflict case's status (if there is a case) and whether an affiliation
    /// matches.
    pub fn from_parts(conflict_status: Option<ConflictStatus>, affiliated: bool) -> Self {
        match conflict_status {
            Some(ConflictStatus::Upheld) => Self::Upheld,
            Some(ConflictStatus::Declared) => Self::Declared,
            Some(ConflictStatus::Dismissed) => Self::Dismissed,
            None if affiliated => Self::FlaggedByAffiliation,
            None => Self::Clear,
        }
    }

    /// A conflicted juror cannot open the nomination's scores or the others' assessments,
    /// cannot score it, is left out of its aggregation and is recorded absent from its
    /// decision. Until the secretariat dismisses it, a flag or a declaration counts.
    pub fn excludes(self) -> bool {
        matches!(
            self,
            Self::FlaggedByAffiliation | Self::Declared | Self::Upheld
        )
    }
}

/// Whether a juror may see the other jurors' scores and assessments of a nomination:
/// never when conflicted; otherwise once the juror has submitted their own, or once the
/// secretariat has opened the discussion.
pub fn may_see_others(phase: Phase, own_submitted: bool, impartiality: Impartiality) -> bool {
    !impartiality.excludes() && (own_submitted || phase >= Phase::Discussion)
}

/// Whether a juror may change their scores of a nomination.
pub fn may_score(phase: Phase, own_submitted: bool, impartiality: Impartiality) -> bool {
    phase.scoring_open() && !own_submitted && !impartiality.excludes()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_round_trip_and_order() {
        for phase in Phase::ALL {
            assert_eq!(Phase::parse(phase.code()), Ok(phase));
        }
        assert!(Phase::Scoring < Phase::Discussion);
        assert_eq!(Phase::parse("voting"), Err(ValidationError::PhaseUnknown));
    }

    #[test]
    fn a_flag_or_declaration_excludes_until_dismissed() {
        assert_eq!(Impartiality::from_parts(None, false), Impartiality::Clear);
        assert_eq!(
            Impartiality::from_parts(None, true),
            Impartiality::FlaggedByAffiliation
        );
        assert_eq!(
            Impartiality::from_parts(Some(ConflictStatus::Dismissed), true),
            Impartiality::Dismissed
        );
        assert!(Impartiality::from_parts(Some(ConflictStatus::Declared), false).excludes());
        assert!(Impartiality::from_parts(Some(ConflictStatus::Upheld), false).excludes());
        assert!(!Impartiality::Dismissed.excludes());
    }

    #[test]
    fn independence_until_own_submission_or_discussion() {
        use Impartiality::*;
        assert!(!may_see_others(Phase::Scoring, false, Clear));
        assert!(may_see_others(Phase::Scoring, true, Clear));
        assert!(may_see_others(Phase::Discussion, false, Clear));
        assert!(!may_see_others(Phase::Discussion, true, Upheld));
        assert!(!may_see_others(Phase::Decided, true, FlaggedByAffiliation));
    }

    #[test]
    fn scoring_only_while_open_unsubmitted_and_impartial() {
        use Impartiality::*;
        assert!(may_score(Phase::Scoring, false, Clear));
        assert!(may_score(Phase::Scoring, false, Dismissed));
        assert!(!may_score(Phase::Scoring, true, Clear));
        assert!(!may_score(Phase::Nominations, false, Clear));
        assert!(!may_score(Phase::Discussion, false, Clear));
        assert!(!may_score(Phase::Scoring, false, Declared));
    }
}
