use super::ValidationError;
use std::fmt;

/// The four areas of resource effectiveness the prize recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Styring,
    Kontroll,
    Innsparing,
    Kvalitetsforbedring,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Self::Styring,
        Self::Kontroll,
        Self::Innsparing,
        Self::Kvalitetsforbedring,
    ];

    /// The stable code used in forms, the API and the database.
    pub fn code(self) -> &'static str {
        match self {
            Self::Styring => "styring",
            Self::Kontroll => "kontroll",
            Self::Innsparing => "innsparing",
            Self::Kvalitetsforbedring => "kvalitetsforbedring",
        }
    }

    pub fn parse(raw: &str) -> Result<Self, ValidationError> {
        Self::ALL
            .into_iter()
            .find(|category| category.code() == raw.trim())
            .ok_or(ValidationError::CategoryUnknown)
    }
}

impl fmt::Display for Category {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// One or more categories, without duplicates, in canonical order.
#[derive(
    Debug, Clone, PartialEq, Eq, diesel::expression::AsExpression, diesel::deserialize::FromSqlRow,
)]
#[diesel(sql_type = diesel::sql_types::Text)]
pub struct Categories(Vec<Category>);

impl Categories {
    pub fn parse<S: AsRef<str>>(raw: &[S]) -> Result<Self, ValidationError> {
        let mut categories = raw
            .iter()
            .filter(|code| !code.as_ref().trim().is_empty())
            .map(|code| Category::parse(code.as_ref()))
            .collect::<Result<Vec<_>, _>>()?;
        if categories.is_empty() {
            return Err(ValidationError::CategoryRequired);
        }
        categories.sort();
        categories.dedup();
        Ok(Self(categories))
    }

    /// Parses the comma-separated form stored in the database.
    pub fn from_stored(stored: &str) -> Result<Self, ValidationError> {
        Self::parse(&stored.split(',').collect::<Vec<_>>())
    }

    /// The comma-separated form stored in the database.
    pub fn to_stored(&self) -> String {
        self.0
            .iter()
            .map(|c| c.code())
            .collect::<Vec<_>>()
            .join(",")
    }

    pub fn as_slice(&self) -> &[Category] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_sorts_and_deduplicates() {
        let parsed = Categories::parse(&["kvalitetsforbedring", "styring", "styring"]).unwrap();
        assert_eq!(
            parsed.as_slice(),
            &[Category::Styring, Category::Kvalitetsforbedring]
        );
        assert_eq!(parsed.to_stored(), "styring,kvalitetsforbedring");
        assert_eq!(
            Categories::from_stored(&parsed.to_stored()).unwrap(),
            parsed
        );
    }

    #[test]
    fn requires_at_least_one_known_category() {
        assert_eq!(
            Categories::parse::<&str>(&[]),
            Err(ValidationError::CategoryRequired)
        );
        assert_eq!(
            Categories::parse(&[""]),
            Err(ValidationError::CategoryRequired)
        );
        assert_eq!(
            Categories::parse(&["styring", "økonomi"]),
            Err(ValidationError::CategoryUnknown)
        );
    }

    #[test]
    fn every_code_round_trips() {
        for category in Category::ALL {
            assert_eq!(Category::parse(category.code()), Ok(category));
        }
    }
}
