//! The library of good examples (`/bibliotek`): which entries the public may see, what an
//! entry's outcome is, and the secretariat's edit form parsed into an entry's text.
//!
//! [`is_public`] is the one rule of what is public: every public page, the home page, the
//! Atom feed, the open data and the retention purge ask it, and no query re-derives it.

use super::{Categories, FieldErrors, LongText, PrizeYear, ShortText, ValidationError};

/// What a library entry was in its year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum LibraryOutcome {
    Winner,
    Finalist,
}

impl LibraryOutcome {
    pub const ALL: [LibraryOutcome; 2] = [Self::Winner, Self::Finalist];

    pub fn code(self) -> &'static str {
        match self {
            Self::Winner => "winner",
            Self::Finalist => "finalist",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|outcome| outcome.code() == raw.trim())
            .ok_or(ValidationError::Required)
    }

    /// A nomination's outcome from the jury's decisions in force: the winner decision
    /// names it, or the finalists decision does; `None`: neither (it may not be published).
    pub fn from_decisions(in_winner: bool, in_finalists: bool) -> Option<Self> {
        if in_winner {
            Some(Self::Winner)
        } else if in_finalists {
            Some(Self::Finalist)
        } else {
            None
        }
    }
}

/// Whether the public may see an entry: the secretariat published it and, when it came
/// from a nomination, the nominee's consent to publish (`consent_publish`, which the
/// nominee can untick through the private edit link) is still given. `nomination_consent`
/// is `None` for an earlier year's winner added by hand, with no nomination behind it.
///
/// Read at every request from the live nomination, so withdrawing consent removes the
/// entry from every page, the feed and the open data at once.
pub fn is_public(published: bool, nomination_consent: Option<bool>) -> bool {
    published && nomination_consent.unwrap_or(true)
}

/// Whether a public entry shows its contact person: only an entry from a nomination (whose
/// nominee consented — [`is_public`] holds), where the secretariat left it shown and the
/// contact has not been erased (an erased contact's address is empty).
pub fn shows_contact(
    public: bool,
    show_contact: bool,
    nomination_consent: Option<bool>,
    contact_email: Option<&str>,
) -> bool {
    public
        && show_contact
        && nomination_consent == Some(true)
        && contact_email.is_some_and(|email| !email.trim().is_empty())
}

/// The edit form as typed. The year and the outcome are typed only for an earlier winner
/// added by hand; an entry from a nomination takes them from its round and the decisions.
#[derive(Debug, Default, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct LibraryInput {
    pub library_title: String,
    pub library_agency: String,
    pub library_year: String,
    pub library_outcome: String,
    pub library_categories: Vec<String>,
    pub library_summary: String,
    pub library_results: String,
    pub library_user_effects: String,
    pub library_transfer_value: String,
    pub library_other_agencies: String,
    /// A checkbox: `"on"` when ticked.
    pub library_show_contact: String,
}

/// The form's fields in the order the page shows them.
pub const LIBRARY_FIELDS: &[&str] = &[
    "library_title",
    "library_agency",
    "library_year",
    "library_outcome",
    "library_categories",
    "library_summary",
    "library_results",
    "library_user_effects",
    "library_transfer_value",
    "library_other_agencies",
];

/// An entry's public text, as the secretariat edited it, in the one shape every library
/// row, insert and edit carries it (`db::library` embeds it in its row; the derives name the
/// `library_entries` table, the only place it is stored).
#[derive(
    Debug,
    Clone,
    PartialEq,
    Eq,
    diesel::Queryable,
    diesel::Selectable,
    diesel::Insertable,
    diesel::AsChangeset,
)]
#[diesel(
    table_name = crate::db::schema::library_entries,
    treat_none_as_null = true,
    treat_none_as_default_value = false
)]
pub struct LibraryText {
    pub title: String,
    pub agency_name: String,
    pub categories: Categories,
    pub summary: String,
    pub results: Option<String>,
    pub user_effects: Option<String>,
    pub transfer_value: Option<String>,
    pub other_agencies: Option<String>,
    pub show_contact: bool,
}

/// An earlier year's winner (or finalist) added by hand: its year and outcome, and text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManualEntry {
    pub prize_year: i32,
    pub outcome: LibraryOutcome,
    pub text: LibraryText,
}

impl LibraryText {
    pub fn parse(input: &LibraryInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let text = Self::parse_into(input, &mut errors);
        match text {
            Some(text) if errors.is_empty() => Ok(text),
            _ => Err(errors),
        }
    }

    fn parse_into(input: &LibraryInput, errors: &mut FieldErrors) -> Option<Self> {
        let title = errors.check("library_title", ShortText::parse(&input.library_title));
        let agency = errors.check("library_agency", ShortText::parse(&input.library_agency));
        let categories = errors.check(
            "library_categories",
            Categories::parse(&input.library_categories),
        );
        let summary = errors.check("library_summary", LongText::parse(&input.library_summary));
        let optional = |raw: &str| LongText::parse_optional(Some(raw));
        let results = errors.check("library_results", optional(&input.library_results));
        let user_effects = errors.check(
            "library_user_effects",
            optional(&input.library_user_effects),
        );
        let transfer_value = errors.check(
            "library_transfer_value",
            optional(&input.library_transfer_value),
        );
        let other_agencies = errors.check(
            "library_other_agencies",
            ShortText::parse_optional(Some(&input.library_other_agencies)),
        );
        Some(Self {
            title: title?.into_inner(),
            agency_name: agency?.into_inner(),
            categories: categories?,
            summary: summary?.into_inner(),
            results: results?.map(LongText::into_inner),
            user_effects: user_effects?.map(LongText::into_inner),
            transfer_value: transfer_value?.map(LongText::into_inner),
            other_agencies: other_agencies?.map(ShortText::into_inner),
            show_contact: !input.library_show_contact.trim().is_empty(),
        })
    }
}

impl ManualEntry {
    pub fn parse(input: &LibraryInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let year = errors.check("library_year", PrizeYear::parse(&input.library_year));
        let outcome = errors.check(
            "library_outcome",
            LibraryOutcome::parse(&input.library_outcome),
        );
        let text = LibraryText::parse_into(input, &mut errors);
        match (year, outcome, text) {
            (Some(year), Some(outcome), Some(text)) if errors.is_empty() => Ok(Self {
                prize_year: year.value(),
                outcome,
                text,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input() -> LibraryInput {
        LibraryInput {
            library_title: " Felles innkjøp ".into(),
            library_agency: "DFØ".into(),
            library_year: "2019".into(),
            library_outcome: "winner".into(),
            library_categories: vec!["innsparing".into()],
            library_summary: "Kort om tiltaket.".into(),
            library_results: "  ".into(),
            library_show_contact: "on".into(),
            ..LibraryInput::default()
        }
    }

    #[test]
    fn nothing_is_public_unless_published_and_consented() {
        assert!(is_public(true, Some(true)));
        assert!(is_public(true, None));
        assert!(!is_public(true, Some(false)));
        assert!(!is_public(false, Some(true)));
        assert!(!is_public(false, None));
    }

    #[test]
    fn the_contact_only_with_consent_and_when_not_erased() {
        let email = Some("kari@example.no");
        assert!(shows_contact(true, true, Some(true), email));
        assert!(!shows_contact(false, true, Some(true), email));
        assert!(!shows_contact(true, false, Some(true), email));
        assert!(!shows_contact(true, true, Some(false), email));
        assert!(!shows_contact(true, true, None, email));
        assert!(!shows_contact(true, true, Some(true), Some("")));
    }

    #[test]
    fn the_outcome_follows_the_decisions() {
        use LibraryOutcome::*;
        assert_eq!(LibraryOutcome::from_decisions(true, true), Some(Winner));
        assert_eq!(LibraryOutcome::from_decisions(true, false), Some(Winner));
        assert_eq!(LibraryOutcome::from_decisions(false, true), Some(Finalist));
        assert_eq!(LibraryOutcome::from_decisions(false, false), None);
    }

    #[test]
    fn a_manual_entry_parses_with_blank_optional_fields_absent() {
        let entry = ManualEntry::parse(&input()).unwrap();
        assert_eq!(entry.prize_year, 2019);
        assert_eq!(entry.outcome, LibraryOutcome::Winner);
        assert_eq!(entry.text.title, "Felles innkjøp");
        assert_eq!(entry.text.results, None);
        assert!(entry.text.show_contact);
    }

    #[test]
    fn missing_and_bad_fields_are_named() {
        let bad = LibraryInput {
            library_year: "19".into(),
            library_outcome: "loser".into(),
            library_categories: vec![],
            library_summary: "x".repeat(8_001),
            ..input()
        };
        let errors = ManualEntry::parse(&bad).unwrap_err();
        for field in [
            "library_year",
            "library_outcome",
            "library_categories",
            "library_summary",
        ] {
            assert!(errors.get(field).is_some(), "{field}");
        }
        // An entry from a nomination takes no year or outcome from the form.
        let text = LibraryText::parse(&LibraryInput {
            library_year: String::new(),
            library_outcome: String::new(),
            ..input()
        });
        assert!(text.is_ok());
    }
}
