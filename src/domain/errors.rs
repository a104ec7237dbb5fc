use std::collections::BTreeMap;

/// Why one field was rejected. Each variant is a stable key that the user interface
/// translates (see `locales/*/errors.ftl`): the domain never holds user-facing text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ValidationError {
    Required,
    TooLong,
    OrgNumberFormat,
    OrgNumberChecksum,
    EmailInvalid,
    PhoneInvalid,
    CategoryRequired,
    CategoryUnknown,
    NumberInvalid,
    EmailRequiredForContact,
    Honeypot,
    RoleUnknown,
    PasswordTooShort,
    PasswordMismatch,
    EmailTaken,
    PhaseUnknown,
    ScoreOutOfRange,
    WeightInvalid,
    /// A round moved back to an earlier phase needs the reason.
    PhaseBackReasonRequired,
    DateInvalid,
    /// A round for that prize year exists already.
    RoundYearTaken,
    /// Not the code the authenticator app shows now.
    TotpCodeWrong,
    /// A file larger than `nomination.max_attachment_mb`.
    AttachmentTooLarge,
    /// More files than `nomination.max_attachments`.
    AttachmentTooMany,
    /// Not a kind of file we take (told by its content).
    AttachmentWrongType,
}

/// The typed value without surrounding whitespace; `Required` when nothing is left. The
/// first step of every parser of a required field.
pub(super) fn required(raw: &str) -> Result<&str, ValidationError> {
    let trimmed = raw.trim();
    if trimmed.is_empty() {
        Err(ValidationError::Required)
    } else {
        Ok(trimmed)
    }
}

impl ValidationError {
    /// The Fluent message id for this error.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Required => "error-required",
            Self::TotpCodeWrong => "error-totp-code-wrong",
            Self::TooLong => "error-too-long",
            Self::OrgNumberFormat => "error-org-number-format",
            Self::OrgNumberChecksum => "error-org-number-checksum",
            Self::EmailInvalid => "error-email-invalid",
            Self::PhoneInvalid => "error-phone-invalid",
            Self::CategoryRequired => "error-category-required",
            Self::CategoryUnknown => "error-category-unknown",
            Self::NumberInvalid => "error-number-invalid",
            Self::EmailRequiredForContact => "error-email-required-for-contact",
            Self::Honeypot => "error-honeypot",
            Self::RoleUnknown => "error-role-unknown",
            Self::PasswordTooShort => "error-password-too-short",
            Self::PasswordMismatch => "error-password-mismatch",
            Self::EmailTaken => "error-email-taken",
            Self::PhaseUnknown => "error-phase-unknown",
            Self::ScoreOutOfRange => "error-score-out-of-range",
            Self::WeightInvalid => "error-weight-invalid",
            Self::PhaseBackReasonRequired => "error-phase-back-reason-required",
            Self::DateInvalid => "error-date-invalid",
            Self::RoundYearTaken => "error-round-year-taken",
            Self::AttachmentTooLarge => "error-attachment-too-large",
            Self::AttachmentTooMany => "error-attachment-too-many",
            Self::AttachmentWrongType => "error-attachment-wrong-type",
        }
    }
}

/// Errors per form field, in a stable order (the order the fields appear in the form is
/// kept by the caller; this map only groups them).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FieldErrors(BTreeMap<&'static str, Vec<ValidationError>>);

impl FieldErrors {
    /// One message on one field.
    pub fn one(field: &'static str, error: ValidationError) -> Self {
        let mut errors = Self::default();
        errors.add(field, error);
        errors
    }

    pub fn add(&mut self, field: &'static str, error: ValidationError) {
        let errors = self.0.entry(field).or_default();
        if !errors.contains(&error) {
            errors.push(error);
        }
    }

    /// Records the error of a parse, returning the parsed value when there was none.
    pub fn check<T>(
        &mut self,
        field: &'static str,
        parsed: Result<T, ValidationError>,
    ) -> Option<T> {
        parsed.map_err(|error| self.add(field, error)).ok()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<&[ValidationError]> {
        self.0.get(field).map(Vec::as_slice)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &[ValidationError])> {
        self.0
            .iter()
            .map(|(field, errors)| (*field, errors.as_slice()))
    }
}

/// Asserts that `parse` refuses each of `inputs` with `error` (the input is named on
/// failure): the "these inputs, this error" table of every parser's tests.
#[cfg(test)]
pub(crate) fn assert_refuses<T: std::fmt::Debug + PartialEq>(
    parse: impl Fn(&str) -> Result<T, ValidationError>,
    inputs: &[&str],
    error: ValidationError,
) {
    for raw in inputs {
        assert_eq!(parse(raw), Err(error), "{raw:?}");
    }
}
