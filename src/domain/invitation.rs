//! The secretariat's invitation of a new user: name, e-mail address and role.

use super::{EmailAddress, FieldErrors, Role, ShortText};

/// The invitation form as typed.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct InvitationInput {
    pub name: String,
    pub email: String,
    pub role: String,
}

impl Default for InvitationInput {
    /// An empty form: most invitations are for jurors.
    fn default() -> Self {
        Self {
            name: String::new(),
            email: String::new(),
            role: "juror".into(),
        }
    }
}

/// The form's fields in the order the page shows them.
pub const INVITATION_FIELDS: &[&str] = &["name", "email", "role"];

/// An invitation that can be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub name: ShortText,
    pub email: EmailAddress,
    pub role: Role,
}

impl Invitation {
    pub fn parse(input: &InvitationInput) -> Result<Self, FieldErrors> {
        let mut errors = FieldErrors::default();
        let name = errors.check("name", ShortText::parse(&input.name));
        let email = errors.check("email", EmailAddress::parse(&input.email));
        let role = errors.check("role", Role::parse(&input.role));
        match (name, email, role) {
            (Some(name), Some(email), Some(role)) if errors.is_empty() => {
                Ok(Self { name, email, role })
            }
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ValidationError;

    #[test]
    fn a_complete_invitation_parses() {
        let parsed = Invitation::parse(&InvitationInput {
            name: " Jon Jurymedlem ".into(),
            email: "jon@example.no".into(),
            role: "juror".into(),
        })
        .unwrap();
        assert_eq!(parsed.role, Role::Juror);
        assert_eq!(parsed.email.as_ref(), "jon@example.no");
    }

    #[test]
    fn every_field_is_checked() {
        let errors = Invitation::parse(&InvitationInput {
            name: String::new(),
            email: "x".into(),
            role: "root".into(),
        })
        .unwrap_err();
        assert_eq!(errors.get("name"), Some(&[ValidationError::Required][..]));
        assert!(errors.get("email").is_some());
        assert_eq!(
            errors.get("role"),
            Some(&[ValidationError::RoleUnknown][..])
        );
    }
}
