//! Who did something, as the audit log records it.

use std::fmt;

/// Who acted: a signed-in user, someone on the public side (a nominator or tipster, who
/// has no account), an operator at the command line, or the portal itself on a schedule
/// (the daily retention purge).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Actor {
    User(i32),
    Public,
    Cli,
    System,
}

impl Actor {
    /// Reads the stored form back (`user:7`, `public`, `cli`).
    pub fn parse(stored: &str) -> Option<Self> {
        match stored {
            "public" => Some(Self::Public),
            "cli" => Some(Self::Cli),
            "system" => Some(Self::System),
            _ => stored
                .strip_prefix("user:")
                .and_then(|id| id.parse().ok())
                .map(Self::User),
        }
    }

    /// The user's id, for an actor who is a user.
    pub fn user_id(self) -> Option<i32> {
        match self {
            Self::User(id) => Some(id),
            Self::Public | Self::Cli | Self::System => None,
        }
    }
}

/// The stored form: `user:7`, `public`, `cli` or `system`.
impl fmt::Display for Actor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::User(id) => write!(f, "user:{id}"),
            Self::Public => f.write_str("public"),
            Self::Cli => f.write_str("cli"),
            Self::System => f.write_str("system"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stored_forms_round_trip() {
        for actor in [Actor::User(7), Actor::Public, Actor::Cli, Actor::System] {
            assert_eq!(Actor::parse(&actor.to_string()), Some(actor));
        }
        assert_eq!(Actor::User(42).to_string(), "user:42");
    }

    #[test]
    fn other_text_is_not_an_actor() {
        assert_eq!(Actor::parse("user:"), None);
        assert_eq!(Actor::parse("user:x"), None);
        assert_eq!(Actor::parse("admin"), None);
        assert_eq!(Actor::User(3).user_id(), Some(3));
        assert_eq!(Actor::Cli.user_id(), None);
    }
}
