//! The juror's desk under `/jury`: the overview, affiliations, each nomination's scoring
//! page, and the results once the discussion is open. The router lets only signed-in
//! users in.

pub(super) mod affiliations;
pub(super) mod desk;
pub(super) mod nomination;
pub(super) mod results;
