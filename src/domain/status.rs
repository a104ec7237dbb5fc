//! Where a nomination, a juror's impartiality case and an e-mail stand. Each is stored as
//! its `code()` (see `crate::db::text_enums`); the codes are the ones the database has
//! always held, so no stored value changes.

/// Declares a status stored as text: the enum, `ALL` (in order), `code()` (what the
/// database holds), `parse()` (a code back to the status) and `Display` (the code). A
/// macro because every status is the same five items with other names; the codes are
/// written beside their variants, so a new status cannot forget one.
///
/// With `parse_or ERROR` after the braces, `parse()` trims its input and refuses an unknown
/// code with that [`ValidationError`](super::ValidationError) (for a code typed into a
/// form) instead of answering `None`.
macro_rules! text_enum {
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident => $code:literal),+ $(,)? }
    ) => {
        text_enum!(@items $(#[$meta])* $name { $($(#[$variant_meta])* $variant => $code),+ });

        impl $name {
            pub fn parse(raw: &str) -> Option<Self> {
                Self::ALL.into_iter().find(|status| status.code() == raw)
            }
        }
    };
    (
        $(#[$meta:meta])*
        pub enum $name:ident { $($(#[$variant_meta:meta])* $variant:ident => $code:literal),+ $(,)? }
        parse_or $error:expr
    ) => {
        text_enum!(@items $(#[$meta])* $name { $($(#[$variant_meta])* $variant => $code),+ });

        impl $name {
            pub fn parse(raw: &str) -> Result<Self, super::ValidationError> {
                Self::ALL
                    .into_iter()
                    .find(|value| value.code() == raw.trim())
                    .ok_or($error)
            }
        }
    };
    (
        @items $(#[$meta:meta])*
        $name:ident { $($(#[$variant_meta:meta])* $variant:ident => $code:literal),+ }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug,
            Clone,
            Copy,
            PartialEq,
            Eq,
            Hash,
            serde::Serialize,
            diesel::expression::AsExpression,
            diesel::deserialize::FromSqlRow,
        )]
        #[serde(rename_all = "snake_case")]
        #[diesel(sql_type = diesel::sql_types::Text)]
        pub enum $name {
            $($(#[$variant_meta])* $variant),+
        }

        impl $name {
            pub const ALL: [Self; [$($code),+].len()] = [$(Self::$variant),+];

            pub fn code(self) -> &'static str {
                match self {
                    $(Self::$variant => $code),+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
pub(super) use text_enum;

text_enum! {
    /// A nomination's place in screening: every nomination arrives `Submitted`; the
    /// secretariat's screening makes it `Eligible` (it goes to the jury) or `Excluded` (with
    /// a reason). Carried into a later round, it is `Submitted` again.
    pub enum NominationStatus {
        Submitted => "submitted",
        Eligible => "eligible",
        Excluded => "excluded",
    }
}

impl NominationStatus {
    /// Whether the secretariat has screened it (eligible or excluded).
    pub fn is_screened(self) -> bool {
        self != Self::Submitted
    }
}

text_enum! {
    /// The outcome of screening a juror's impartiality on one nomination (forvaltningsloven
    /// § 6): a case the juror `Declared` waits for the secretariat, which finds the juror
    /// conflicted (`Upheld`) or not (`Dismissed`).
    pub enum ConflictStatus {
        Declared => "declared",
        /// A flag raised by an affiliation, kept when the juror removed the affiliation
        /// after scoring had begun; it waits for the secretariat's decision like a
        /// declaration.
        Flagged => "flagged",
        Upheld => "upheld",
        Dismissed => "dismissed",
    }
}

impl ConflictStatus {
    /// The secretariat's decision: upheld or dismissed.
    pub fn decided(upheld: bool) -> Self {
        if upheld {
            Self::Upheld
        } else {
            Self::Dismissed
        }
    }
}

text_enum! {
    /// Where an e-mail in the outbox stands: `Pending` until a worker claims it, `Sending`
    /// while claimed, then `Sent`, or `Failed` after the last attempt (kept, never dropped).
    pub enum OutboxStatus {
        Pending => "pending",
        Sending => "sending",
        Sent => "sent",
        Failed => "failed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Phase;

    #[test]
    fn every_code_round_trips() {
        for phase in Phase::ALL {
            assert_eq!(Phase::parse(phase.code()), Ok(phase));
        }
        for status in NominationStatus::ALL {
            assert_eq!(NominationStatus::parse(status.code()), Some(status));
        }
        for status in ConflictStatus::ALL {
            assert_eq!(ConflictStatus::parse(status.code()), Some(status));
        }
        for status in OutboxStatus::ALL {
            assert_eq!(OutboxStatus::parse(status.code()), Some(status));
        }
    }

    #[test]
    fn the_codes_are_the_stored_ones() {
        let codes = |codes: &[&'static str]| codes.join(",");
        assert_eq!(
            codes(&NominationStatus::ALL.map(NominationStatus::code)),
            "submitted,eligible,excluded"
        );
        assert_eq!(
            codes(&ConflictStatus::ALL.map(ConflictStatus::code)),
            "declared,flagged,upheld,dismissed"
        );
        assert_eq!(
            codes(&OutboxStatus::ALL.map(OutboxStatus::code)),
            "pending,sending,sent,failed"
        );
    }

    #[test]
    fn unknown_codes_are_refused() {
        assert_eq!(NominationStatus::parse("Eligible"), None);
        assert_eq!(ConflictStatus::parse(""), None);
        assert_eq!(OutboxStatus::parse("sent "), None);
    }

    #[test]
    fn serialised_as_the_code() {
        assert_eq!(
            serde_json::to_string(&NominationStatus::Excluded).unwrap(),
            "\"excluded\""
        );
        assert_eq!(
            serde_json::to_string(&OutboxStatus::Failed).unwrap(),
            "\"failed\""
        );
    }
}
