//! The rules of the jury's decisions, pure: whether a choice departs from the score
//! ranking, what a posted decision must satisfy, who is recorded absent, and which
//! nominations a viewer of the results may not see.
//!
//! # When a decision departs from the score ranking
//! A choice of N nominations follows the ranking when no nomination left out ranks
//! strictly better by weighted mean than one chosen. Ranks are competition ranks with
//! ties (see `crate::jury`), so when nominations tie at the cut-off, choosing any of them
//! follows the ranking; a nomination no juror scored ranks below every scored one. A
//! departing decision needs a rationale; a following one may have one (the form
//! encourages it, but the figures already explain it).
//!
//! # What a juror sees
//! Only in the phases discussion and decided ([`jury_may_see_results`]), and never the
//! figures, the rank or the assessments of a nomination they are conflicted on
//! ([`hidden_from`], through [`crate::domain::policy`]).

use crate::db::decisions::DecisionKind;
pub use crate::domain::Viewer;
use crate::domain::{Phase, Standings, visibility_in};
use crate::jury::{Aggregation, NominationId};
use std::collections::HashSet;

/// The longest rationale accepted, in characters.
pub const RATIONALE_MAX_CHARS: usize = 8000;

/// Whether choosing `chosen` departs from the ranking by weighted mean: true when some
/// nomination left out ranks strictly better than some nomination chosen (see the module
/// comment). Nominations not in the aggregation count as unranked.
pub fn departs_from_ranking(aggregation: &Aggregation, chosen: &[NominationId]) -> bool {
    let key = |summary_rank: Option<usize>| summary_rank.unwrap_or(usize::MAX);
    let chosen_set: HashSet<NominationId> = chosen.iter().copied().collect();
    let worst_chosen = chosen
        .iter()
        .map(|id| key(aggregation.get(*id).and_then(|s| s.ranks.weighted_mean)))
        .max();
    let best_left_out = aggregation
        .nominations
        .iter()
        .filter(|s| !chosen_set.contains(&s.nomination))
        .map(|s| key(s.ranks.weighted_mean))
        .min();
    match (worst_chosen, best_left_out) {
        (Some(worst), Some(best)) => best < worst,
        _ => false,
    }
}

/// Why a posted decision is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionError {
    NoneChosen,
    WinnerNotOne,
    UnknownNomination,
    RationaleRequired,
    RationaleTooLong,
}

impl DecisionError {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NoneChosen => "decisions-error-none-chosen",
            Self::WinnerNotOne => "decisions-error-winner-one",
            Self::UnknownNomination => "decisions-error-unknown-nomination",
            Self::RationaleRequired => "decisions-error-rationale-required",
            Self::RationaleTooLong => "decisions-error-rationale-too-long",
        }
    }

    /// The form field the message belongs to.
    pub fn field(self) -> &'static str {
        match self {
            Self::RationaleRequired | Self::RationaleTooLong => "rationale",
            _ => "nominations",
        }
    }
}

/// A decision that passed the checks.
#[derive(Debug, Clone, PartialEq)]
pub struct ValidDecision {
    pub kind: DecisionKind,
    pub nominations: Vec<NominationId>,
    pub rationale: String,
    pub departs_from_ranking: bool,
}

/// Checks a posted decision against the round's eligible nominations and the ranking.
pub fn validate_decision(
    kind: DecisionKind,
    chosen: &[String],
    rationale: &str,
    aggregation: &Aggregation,
) -> Result<ValidDecision, Vec<DecisionError>> {
    let mut errors = Vec::new();
    let mut ids: Vec<NominationId> = Vec::new();
    for raw in chosen {
        match raw.trim().parse::<i32>().map(NominationId) {
            Ok(id) if aggregation.get(id).is_some() => {
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
            _ => {
                errors.push(DecisionError::UnknownNomination);
                break;
            }
        }
    }
    if ids.is_empty() && errors.is_empty() {
        errors.push(DecisionError::NoneChosen);
    } else if kind == DecisionKind::Winner && ids.len() > 1 {
        errors.push(DecisionError::WinnerNotOne);
    }
    let rationale = rationale.trim();
    let departs = departs_from_ranking(aggregation, &ids);
    if rationale.chars().count() > RATIONALE_MAX_CHARS {
        errors.push(DecisionError::RationaleTooLong);
    } else if departs && rationale.is_empty() && !ids.is_empty() {
        errors.push(DecisionError::RationaleRequired);
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    ids.sort();
    Ok(ValidDecision {
        kind,
        nominations: ids,
        rationale: rationale.to_owned(),
        departs_from_ranking: departs,
    })
}

/// Whether the jury may open the round's results: once the discussion is open.
pub fn jury_may_see_results(phase: Phase) -> bool {
    phase >= Phase::Discussion
}

/// The nominations `viewer` may not see listed among the results (their figures, their
/// place in any ranked list, their assessments): those the policy does not list for the
/// viewer. The one place the results pages and the report ask.
pub fn hidden_from(
    viewer: Viewer,
    phase: Phase,
    nominations: &[i32],
    standings: &Standings,
) -> HashSet<i32> {
    nominations
        .iter()
        .copied()
        .filter(|nomination| {
            !visibility_in(standings, viewer, phase, *nomination).listed_in_rankings
        })
        .collect()
}

/// The (nomination, juror) pairs recorded absent from a decision on `chosen`: every
/// juror whose standing excludes them from a chosen nomination, sorted.
pub fn absences(standings: &Standings, chosen: &[i32]) -> Vec<(i32, i32)> {
    let mut absences: Vec<(i32, i32)> = standings
        .keys()
        .filter(|(juror, nomination)| {
            chosen.contains(nomination) && !crate::domain::counts(standings, *juror, *nomination)
        })
        .map(|(juror, nomination)| (*nomination, *juror))
        .collect();
    absences.sort();
    absences
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Impartiality;
    use crate::jury::{
        Criterion, CriterionId, JurorId, JuryInput, JuryInputParts, Score, ScoreValue, aggregate,
    };
    use std::collections::HashMap;

    /// Nominations 1..=4 with one juror's single-criterion scores.
    fn ranking(values: &[u8]) -> Aggregation {
        let scores = values
            .iter()
            .enumerate()
            .map(|(i, v)| Score {
                juror: JurorId(1),
                nomination: NominationId(i as i32 + 1),
                criterion: CriterionId(1),
                value: ScoreValue::new(*v).unwrap(),
            })
            .collect();
        let input = JuryInput::new(JuryInputParts {
            nominations: (1..=values.len() as i32 + 1).map(NominationId).collect(),
            jurors: vec![JurorId(1)],
            criteria: vec![Criterion::new(CriterionId(1), 1.0).unwrap()],
            scores,
            conflicts: Default::default(),
            disagreement_threshold: 1.0,
        })
        .unwrap();
        aggregate(&input)
    }

    fn ids(list: &[i32]) -> Vec<NominationId> {
        list.iter().copied().map(NominationId).collect()
    }

    #[test]
    fn choosing_the_top_follows_the_ranking() {
        // 1: 5, 2: 4, 3: 4, 4: 1, 5: unscored.
        let agg = ranking(&[5, 4, 4, 1]);
        assert!(!departs_from_ranking(&agg, &ids(&[1])));
        assert!(!departs_from_ranking(&agg, &ids(&[1, 2])));
        // A tie at the cut-off: either tied nomination follows the ranking.
        assert!(!departs_from_ranking(&agg, &ids(&[1, 3])));
        assert!(!departs_from_ranking(&agg, &ids(&[1, 2, 3])));
        assert!(!departs_from_ranking(&agg, &ids(&[1, 2, 3, 4, 5])));
    }

    #[test]
    fn leaving_out_a_better_nomination_departs() {
        let agg = ranking(&[5, 4, 4, 1]);
        assert!(departs_from_ranking(&agg, &ids(&[2])));
        assert!(departs_from_ranking(&agg, &ids(&[2, 3])));
        assert!(departs_from_ranking(&agg, &ids(&[1, 4])));
        // An unscored nomination ranks below every scored one.
        assert!(departs_from_ranking(&agg, &ids(&[1, 2, 3, 5])));
    }

    #[test]
    fn a_departing_decision_needs_a_rationale() {
        let agg = ranking(&[5, 4, 4, 1]);
        let chosen = vec!["2".to_owned()];
        assert_eq!(
            validate_decision(DecisionKind::Winner, &chosen, "  ", &agg),
            Err(vec![DecisionError::RationaleRequired])
        );
        let valid = validate_decision(
            DecisionKind::Winner,
            &chosen,
            " Størst nytte for brukerne ",
            &agg,
        )
        .unwrap();
        assert!(valid.departs_from_ranking);
        assert_eq!(valid.rationale, "Størst nytte for brukerne");
        let top = validate_decision(DecisionKind::Winner, &["1".into()], "", &agg).unwrap();
        assert!(!top.departs_from_ranking);
    }

    #[test]
    fn a_winner_is_exactly_one_known_nomination() {
        let agg = ranking(&[5, 4, 4, 1]);
        assert_eq!(
            validate_decision(DecisionKind::Winner, &[], "x", &agg),
            Err(vec![DecisionError::NoneChosen])
        );
        assert_eq!(
            validate_decision(DecisionKind::Winner, &["1".into(), "2".into()], "x", &agg),
            Err(vec![DecisionError::WinnerNotOne])
        );
        assert_eq!(
            validate_decision(DecisionKind::Finalists, &["99".into()], "x", &agg),
            Err(vec![DecisionError::UnknownNomination])
        );
        assert_eq!(
            validate_decision(DecisionKind::Finalists, &["1".into(), "1".into()], "", &agg)
                .unwrap()
                .nominations,
            ids(&[1])
        );
        let long = "x".repeat(RATIONALE_MAX_CHARS + 1);
        assert_eq!(
            validate_decision(DecisionKind::Shortlist, &["1".into()], &long, &agg),
            Err(vec![DecisionError::RationaleTooLong])
        );
    }

    #[test]
    fn a_conflicted_juror_is_absent_from_the_nominations_chosen() {
        let standing = HashMap::from([
            ((7, 1), Impartiality::Upheld),
            ((8, 1), Impartiality::Dismissed),
            ((7, 2), Impartiality::FlaggedByAffiliation),
            ((9, 3), Impartiality::Declared),
        ]);
        assert_eq!(absences(&standing, &[1, 3]), vec![(1, 7), (3, 9)]);
        assert_eq!(absences(&standing, &[4]), Vec::<(i32, i32)>::new());
    }

    #[test]
    fn a_juror_never_sees_what_they_are_conflicted_on() {
        let standing = HashMap::from([
            ((7, 1), Impartiality::Upheld),
            ((7, 2), Impartiality::Dismissed),
            ((8, 3), Impartiality::Declared),
        ]);
        let nominations = [1, 2, 3];
        let hidden = |viewer| hidden_from(viewer, Phase::Discussion, &nominations, &standing);
        assert_eq!(hidden(Viewer::Juror(7)), HashSet::from([1]));
        assert_eq!(hidden(Viewer::Juror(8)), HashSet::from([3]));
        assert_eq!(hidden(Viewer::Juror(9)), HashSet::new());
        assert_eq!(hidden(Viewer::Secretariat), HashSet::new());
    }

    #[test]
    fn the_jury_sees_the_results_once_the_discussion_is_open() {
        assert!(!jury_may_see_results(Phase::Scoring));
        assert!(jury_may_see_results(Phase::Discussion));
        assert!(jury_may_see_results(Phase::Decided));
    }
}
