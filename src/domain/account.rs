use super::ValidationError;

/// What a logged-in person may do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// DFØ's secretariat: runs rounds, screens nominations, manages the jury.
    Admin,
    Juror,
}

impl Role {
    pub fn code(self) -> &'static str {
        match self {
            Self::Admin => "admin",
            Self::Juror => "juror",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        match raw.trim() {
            "admin" => Ok(Self::Admin),
            "juror" => Ok(Self::Juror),
            _ => Err(ValidationError::RoleUnknown),
        }
    }
}

/// A password someone chose: 12 to 128 characters, not only whitespace. Length is what
/// makes a password strong (NSM's and NIST's advice); no composition rules.
#[derive(Clone, PartialEq, Eq)]
pub struct NewPassword(String);

pub const PASSWORD_MIN_CHARS: usize = 12;
pub const PASSWORD_MAX_CHARS: usize = 128;

impl NewPassword {
    pub fn parse(raw: &str, confirmation: &str) -> Result<Self, ValidationError> {
        let chars = raw.chars().count();
        if raw.trim().is_empty() {
            return Err(ValidationError::Required);
        }
        if chars < PASSWORD_MIN_CHARS {
            return Err(ValidationError::PasswordTooShort);
        }
        if chars > PASSWORD_MAX_CHARS {
            return Err(ValidationError::TooLong);
        }
        if raw != confirmation {
            return Err(ValidationError::PasswordMismatch);
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

// Never print a password, not even in a debug log.
impl std::fmt::Debug for NewPassword {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("NewPassword(<hidden>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip() {
        for role in [Role::Admin, Role::Juror] {
            assert_eq!(Role::parse(role.code()), Ok(role));
        }
        assert_eq!(Role::parse("root"), Err(ValidationError::RoleUnknown));
    }

    #[test]
    fn passwords_need_length_and_a_matching_confirmation() {
        assert_eq!(NewPassword::parse("", ""), Err(ValidationError::Required));
        assert_eq!(
            NewPassword::parse("kort passord", "kort passord").map(|_| ()),
            Ok(())
        );
        assert_eq!(
            NewPassword::parse("elleve tegn", "elleve tegn"),
            Err(ValidationError::PasswordTooShort)
        );
        let long = "x".repeat(129);
        assert_eq!(
            NewPassword::parse(&long, &long),
            Err(ValidationError::TooLong)
        );
        assert_eq!(
            NewPassword::parse("riktig hest batteri", "riktig hest batterі"),
            Err(ValidationError::PasswordMismatch)
        );
        assert_eq!(
            format!(
                "{:?}",
                NewPassword::parse("hemmelig passord", "hemmelig passord").unwrap()
            ),
            "NewPassword(<hidden>)"
        );
    }
}
