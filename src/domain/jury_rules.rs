//! The rules of the jury's work that decide who sees and does what. Pure, so the pages and
//! the authorization tests share one definition.
//!
//! # One policy
//! [`policy`] decides, for a viewer, one nomination and the round's phase, what the viewer
//! may see and do with it (forvaltningsloven § 6: a conflicted juror is out of that
//! nomination's case). Every page, count, export and report asks it: the juror's desk,
//! the results pages and the report (which nominations a viewer may not see, and whose
//! assessments are shown), the aggregation (whose scores count) and the scores CSV (which
//! stored scores are left out of the figures). No query re-derives it.

use super::status::text_enum;
use super::{ConflictStatus, Role, ValidationError};
use std::collections::HashMap;

text_enum! {
    /// Where a round is in its year.
    #[derive(PartialOrd, Ord)]
    pub enum Phase {
        /// Open for nominations; the secretariat screens them and edits the rubric.
        Nominations => "nominations",
        /// Jurors score independently.
        Scoring => "scoring",
        /// Everyone on the jury sees all scores and assessments, to discuss.
        Discussion => "discussion",
        /// The winner is recorded.
        Decided => "decided",
    }
    parse_or ValidationError::PhaseUnknown
}

impl Phase {
    /// The phase a round moves on to from this one (none after the decision).
    pub fn next(self) -> Option<Self> {
        match self {
            Self::Nominations => Some(Self::Scoring),
            Self::Scoring => Some(Self::Discussion),
            Self::Discussion => Some(Self::Decided),
            Self::Decided => None,
        }
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
            // The affiliation went, but the flag stays until the secretariat decides.
            Some(ConflictStatus::Flagged) => Self::FlaggedByAffiliation,
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

impl Phase {
    /// Whether a flag raised by an affiliation outlives the affiliation: once scoring has
    /// begun, removing the affiliation leaves the flag for the secretariat to decide on.
    pub fn keeps_affiliation_flags(self) -> bool {
        self >= Self::Scoring
    }
}

/// Who looks at the jury's work.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Viewer {
    /// The secretariat: it sees the results (it records the decisions) and may look at a
    /// juror's desk, but neither scores nor declares.
    Secretariat,
    /// A juror, by user id.
    Juror(i32),
}

impl Viewer {
    pub fn of(user_id: i32, role: Role) -> Self {
        match role {
            Role::Admin => Self::Secretariat,
            Role::Juror => Self::Juror(user_id),
        }
    }
}

/// What the policy knows of one viewer and one nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Case {
    pub phase: Phase,
    /// Where the viewer stands on the nomination (the secretariat: clear).
    pub impartiality: Impartiality,
    /// Whether the viewer has submitted their own assessment of it.
    pub own_submitted: bool,
    /// Whether a conflict case of the viewer's is on record for it (declared once).
    pub on_record: bool,
}

impl Case {
    /// A case where only the phase and the standing matter (the results, the figures).
    pub fn at(phase: Phase, impartiality: Impartiality) -> Self {
        Self {
            phase,
            impartiality,
            own_submitted: false,
            on_record: false,
        }
    }
}

/// What a viewer may see and do with one nomination.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Visibility {
    /// Conflicted: the nomination's own text and the viewer's standing only.
    pub excluded: bool,
    /// May give or change scores of it (at the desk).
    pub may_score: bool,
    /// May declare a conflict on it (at the desk).
    pub may_declare: bool,
    /// May see the other jurors' scores and holistic assessments of it at the desk.
    pub may_see_others: bool,
    /// Its figures, its place in every ranked list, and the assessments of it on the
    /// results pages and the report. Not listed: listed apart, unranked.
    pub listed_in_rankings: bool,
    /// Whether the viewer's own scores and assessment of it count: in the figures, and
    /// shown to the others. A conflicted juror's stored work stays stored but counts not.
    pub counts: bool,
    /// May list and download the files attached to it. A conflicted juror may not: the
    /// files are the nominee's documentation for the case the juror is out of.
    pub may_see_attachments: bool,
}

/// The one policy (see the module comment). A conflicted juror — flagged by an
/// affiliation or declared, until the secretariat dismisses it, or upheld — sees nothing
/// of the jury's work on the nomination, cannot score it, and their work on it counts
/// nowhere. Otherwise a juror scores while scoring is open and until submitting, sees the
/// others once submitted or once the discussion is open, and sees the results from the
/// discussion on. The secretariat looks and sees the results, but neither scores, sees the
/// others at the desk, nor declares.
pub fn policy(viewer: Viewer, case: Case) -> Visibility {
    let excluded = case.impartiality.excludes();
    match viewer {
        Viewer::Secretariat => Visibility {
            excluded,
            may_score: false,
            may_declare: false,
            may_see_others: false,
            listed_in_rankings: true,
            counts: false,
            may_see_attachments: true,
        },
        Viewer::Juror(_) => Visibility {
            excluded,
            may_score: !excluded && case.phase.scoring_open() && !case.own_submitted,
            may_declare: !case.on_record,
            may_see_others: !excluded && (case.own_submitted || case.phase >= Phase::Discussion),
            listed_in_rankings: !excluded && case.phase >= Phase::Discussion,
            counts: !excluded,
            may_see_attachments: !excluded,
        },
    }
}

/// Where every juror stands on every nomination of a round, keyed (juror, nomination);
/// pairs not listed are clear.
pub type Standings = HashMap<(i32, i32), Impartiality>;

/// Where `juror` stands on `nomination`.
pub fn standing_of(standings: &Standings, juror: i32, nomination: i32) -> Impartiality {
    standings
        .get(&(juror, nomination))
        .copied()
        .unwrap_or(Impartiality::Clear)
}

/// The policy for `viewer` on `nomination` where only the phase and the standing matter.
pub fn visibility_in(
    standings: &Standings,
    viewer: Viewer,
    phase: Phase,
    nomination: i32,
) -> Visibility {
    let impartiality = match viewer {
        Viewer::Secretariat => Impartiality::Clear,
        Viewer::Juror(juror) => standing_of(standings, juror, nomination),
    };
    policy(viewer, Case::at(phase, impartiality))
}

/// Whether `juror`'s scores and assessment of `nomination` count (figures, the others'
/// view, the CSV's mark).
pub fn counts(standings: &Standings, juror: i32, nomination: i32) -> bool {
    // The phase does not bear on whether a juror's work counts.
    visibility_in(standings, Viewer::Juror(juror), Phase::Scoring, nomination).counts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_are_ordered_and_unknown_ones_refused() {
        // That every phase's code round-trips is checked with the other text enums
        // (`status.rs`).
        assert!(Phase::Scoring < Phase::Discussion);
        for phase in Phase::ALL {
            assert!(phase.next().is_none_or(|next| next > phase), "{phase:?}");
        }
        assert_eq!(Phase::Decided.next(), None);
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

    const JUROR: Viewer = Viewer::Juror(7);

    fn juror(phase: Phase, own_submitted: bool, impartiality: Impartiality) -> Visibility {
        policy(
            JUROR,
            Case {
                phase,
                impartiality,
                own_submitted,
                on_record: false,
            },
        )
    }

    #[test]
    fn a_kept_flag_still_excludes() {
        assert_eq!(
            Impartiality::from_parts(Some(ConflictStatus::Flagged), false),
            Impartiality::FlaggedByAffiliation
        );
        assert!(!Phase::Nominations.keeps_affiliation_flags());
        assert!(Phase::Scoring.keeps_affiliation_flags());
        assert!(Phase::Decided.keeps_affiliation_flags());
    }

    #[test]
    fn independence_until_own_submission_or_discussion() {
        use Impartiality::*;
        assert!(!juror(Phase::Scoring, false, Clear).may_see_others);
        assert!(juror(Phase::Scoring, true, Clear).may_see_others);
        assert!(juror(Phase::Discussion, false, Clear).may_see_others);
        assert!(!juror(Phase::Discussion, true, Upheld).may_see_others);
        assert!(!juror(Phase::Decided, true, FlaggedByAffiliation).may_see_others);
    }

    #[test]
    fn scoring_only_while_open_unsubmitted_and_impartial() {
        use Impartiality::*;
        assert!(juror(Phase::Scoring, false, Clear).may_score);
        assert!(juror(Phase::Scoring, false, Dismissed).may_score);
        assert!(!juror(Phase::Scoring, true, Clear).may_score);
        assert!(!juror(Phase::Nominations, false, Clear).may_score);
        assert!(!juror(Phase::Discussion, false, Clear).may_score);
        assert!(!juror(Phase::Scoring, false, Declared).may_score);
    }

    #[test]
    fn the_secretariat_looks_but_neither_scores_sees_others_nor_declares() {
        let access = policy(
            Viewer::Secretariat,
            Case::at(Phase::Discussion, Impartiality::Clear),
        );
        assert!(!access.may_score && !access.may_see_others && !access.may_declare);
        assert!(!access.excluded && access.listed_in_rankings && !access.counts);
        assert!(access.may_see_attachments);
    }

    #[test]
    fn a_conflicted_juror_is_out_of_the_case_and_declares_once() {
        use Impartiality::*;
        for standing in [FlaggedByAffiliation, Declared, Upheld] {
            for phase in Phase::ALL {
                for submitted in [false, true] {
                    let v = juror(phase, submitted, standing);
                    assert!(v.excluded && !v.may_score && !v.may_see_others);
                    assert!(!v.may_see_attachments);
                    assert!(!v.listed_in_rankings && !v.counts, "{standing:?} {phase:?}");
                }
            }
        }
        assert!(juror(Phase::Scoring, false, FlaggedByAffiliation).may_declare);
        let declared = policy(
            JUROR,
            Case {
                on_record: true,
                ..Case::at(Phase::Discussion, Declared)
            },
        );
        assert!(!declared.may_declare);
    }

    #[test]
    fn a_clear_juror_sees_the_results_from_the_discussion_on_and_counts() {
        use Impartiality::*;
        assert!(!juror(Phase::Scoring, true, Clear).listed_in_rankings);
        assert!(juror(Phase::Discussion, false, Dismissed).listed_in_rankings);
        assert!(juror(Phase::Decided, false, Clear).listed_in_rankings);
        assert!(juror(Phase::Scoring, false, Dismissed).counts);
    }

    #[test]
    fn standings_not_listed_are_clear() {
        let standings: Standings = [((7, 1), Impartiality::Upheld)].into_iter().collect();
        assert_eq!(standing_of(&standings, 7, 2), Impartiality::Clear);
        assert!(!counts(&standings, 7, 1));
        assert!(counts(&standings, 8, 1));
        assert!(
            visibility_in(&standings, Viewer::Secretariat, Phase::Discussion, 1).listed_in_rankings
        );
        assert!(
            !visibility_in(&standings, Viewer::Juror(7), Phase::Discussion, 1).listed_in_rankings
        );
    }
}
