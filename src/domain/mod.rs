//! Pure domain types and rules: no I/O, no framework types.
//!
//! Every type here can only hold a valid value ("parse, don't validate"): once a value has
//! been turned into one of these types, no later code checks it again.

mod account;
mod actor;
mod affiliation;
pub mod archive;
mod attachment;
pub mod audit_sentence;
mod category;
mod conflict_decision;
pub mod criterion_text;
mod draft;
mod email_address;
mod errors;
mod invitation;
mod jury_rules;
pub mod library;
pub mod mail_error;
mod nomination;
mod org_number;
mod phone_number;
mod reference;
pub mod reminder;
mod retention;
mod round;
mod round_form;
pub mod score_sheet;
mod screening;
pub mod search;
mod similarity;
mod status;
mod submission_key;
mod text;
mod tip;
mod tip_triage;

pub use account::{NewPassword, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS, Role};
pub use actor::Actor;
pub use affiliation::{AFFILIATION_FIELDS, Affiliation, AffiliationContent, AffiliationInput};
pub use attachment::{
    AttachmentChanges, AttachmentKind, AttachmentLimits, NewAttachment, clean_file_name,
};
pub use category::{Categories, Category};
pub use conflict_decision::{CONFLICT_DECISION_FIELDS, ConflictDecision, ConflictDecisionInput};
pub use draft::{DraftDue, DraftLifetime, NominationDraft};
pub use email_address::{EmailAddress, ascii_address};
pub use errors::{FieldErrors, ValidationError};
pub use invitation::{INVITATION_FIELDS, Invitation, InvitationInput};
pub use jury_rules::{
    Case, Impartiality, Phase, Standings, Viewer, Visibility, counts, policy, standing_of,
    visibility_in,
};
pub use nomination::{
    MAX_ESTIMATE, NewNomination, NominationContent, NominationInput, format_estimate,
};
pub use org_number::OrgNumber;
pub use phone_number::{PHONE_MAX_CHARS, PHONE_MAX_DIGITS, PHONE_MIN_DIGITS, PhoneNumber};
pub use reference::{Reference, ReferenceKind};
pub use retention::{RetentionPeriods, RoundSpan, round_of_tip};
pub use round::{EditWindow, PrizeYear, RoundPlan};
pub use round_form::{
    NewRound, RoundDates, RoundInput, RoundSettings, RubricCriterion, parse_date,
    parse_disagreement_threshold, parse_optional_date, parse_positive_decimal,
};
pub use screening::{
    SCREENING_FIELDS, ScreeningDecision, ScreeningInput, chosen_jurors, juror_to_reopen,
    parse_target_round, target_round_missing,
};
pub use similarity::{LIKELY_DUPLICATE, same_agency, similarity};
pub use status::{ConflictStatus, NominationStatus, OutboxStatus};
pub use submission_key::SubmissionKey;
pub use text::{LONG_TEXT_MAX_CHARS, LongText, SHORT_TEXT_MAX_CHARS, ShortText};
pub use tip::{NewTip, TipContent, TipInput};
pub use tip_triage::{
    AgencyInvitation, TRIAGE_FIELDS, TriageAction, TriageInput, TriageRefusal, TriageState,
    parse_close, parse_link,
};
