//! What the OpenAPI document says about each request field, built from the limits the
//! domain types enforce (`SHORT_TEXT_MAX_CHARS`, `Category::ALL`, …), so that a request the
//! document accepts is one the API accepts — apart from the org number's check digit, which
//! JSON Schema cannot state — and the two cannot drift apart. The unit tests below hold each
//! pattern to the domain type it describes.
//!
//! utoipa derives each request's properties and their descriptions from the struct; the
//! [`Field`] table next to each struct then replaces every property's schema with the rule's,
//! marks the required ones, and refuses unknown properties (`deny_unknown_fields`).

use crate::domain::{
    Category, LONG_TEXT_MAX_CHARS, MAX_ESTIMATE, PHONE_MAX_CHARS, PHONE_MAX_DIGITS,
    PHONE_MIN_DIGITS, SHORT_TEXT_MAX_CHARS,
};
use utoipa::openapi::schema::{
    AdditionalProperties, AllOfBuilder, AnyOfBuilder, ArrayBuilder, KnownFormat, ObjectBuilder,
    Schema, SchemaFormat, SchemaType, Type,
};
use utoipa::openapi::{OpenApi, RefOr};

/// A character that is neither white space (Unicode `White_Space`, as `char::is_whitespace`)
/// nor a control character (`char::is_control`): a text field is blank unless it holds one.
/// Spelled with explicit ranges rather than `\S`, whose meaning differs between regex
/// dialects (ECMA-262, Python, Rust) and which lets control characters through.
pub const NOT_BLANK: &str =
    r"[^\u0000-\u0020\u007F-\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]";

/// Nine ASCII digits (the API also takes spaces between groups, as in `974 760 673`).
pub const ORG_NUMBER: &str = "^[0-9]{9}$";

/// Most bytes an e-mail address may have (RFC 5321), as `EmailAddress::parse` counts them.
pub const EMAIL_MAX_BYTES: usize = 254;

/// Letters a label of an internationalised domain name may hold besides ASCII: Latin-1's
/// (æ, ø, å, ä, ö, ü, é, ß, …; capitals are mapped to small letters).
const LATIN1_LETTERS: &str = r"\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u00FF";

/// Longest domain label with non-ASCII letters the pattern allows: such a label is sent as
/// punycode (`xn--…`), which must fit DNS's 63 characters; 30 letters always do.
const IDN_LABEL_MAX_CHARS: usize = 30;

/// The e-mail syntax `EmailAddress::parse` accepts (the WHATWG form syntax, an address lettre
/// can send to, with at least one dot in the domain): an ASCII dot-atom local part, then a
/// domain of ASCII labels or, with `idn`, also of labels with Latin-1 letters (`blåbær.no`).
/// The local part's limit of 64 characters is `EMAIL_LOCAL_PART`.
pub fn email_pattern(idn: bool) -> String {
    let ascii_label = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    let label = if idn {
        let letter = format!("[A-Za-z0-9{LATIN1_LETTERS}]");
        let inner = format!("[A-Za-z0-9{LATIN1_LETTERS}-]");
        let idn_label = format!(
            "{letter}(?:{inner}{{0,{}}}{letter})?",
            IDN_LABEL_MAX_CHARS - 2
        );
        format!("(?:{ascii_label}|{idn_label})")
    } else {
        format!("(?:{ascii_label})")
    };
    let atom = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+";
    format!(r"^{atom}(?:\.{atom})*@(?:{label}\.)+{label}$")
}

/// At most 64 characters before the `@` (RFC 5321), a second pattern beside `email_pattern`.
pub const EMAIL_LOCAL_PART: &str = "^[^@]{1,64}@";

/// The e-mail rule: an ASCII address of at most `EMAIL_MAX_BYTES` characters, or one with an
/// internationalised domain of at most half as many (a Latin-1 letter takes two bytes).
fn email(optional: bool, description: Option<String>) -> Schema {
    let within = |idn: bool, max: usize| {
        ObjectBuilder::new()
            .schema_type(SchemaType::AnyValue)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::IdnEmail)))
            .max_length(Some(max))
            .pattern(Some(email_pattern(idn)))
    };
    let syntax = AnyOfBuilder::new()
        .item(within(false, EMAIL_MAX_BYTES))
        .item(within(true, EMAIL_MAX_BYTES / 2));
    let mut all = AllOfBuilder::new()
        .item(
            ObjectBuilder::new()
                .schema_type(SchemaType::AnyValue)
                .pattern(Some(EMAIL_LOCAL_PART)),
        )
        .item(syntax)
        .description(description)
        .build();
    all.schema_type = string_type(optional);
    Schema::AllOf(all)
}

fn string_type(optional: bool) -> SchemaType {
    if optional {
        SchemaType::from_iter([Type::String, Type::Null])
    } else {
        SchemaType::new(Type::String)
    }
}

/// 8 to 15 digits, an optional leading `+`, and spaces, dashes or parentheses between groups.
pub fn phone_pattern() -> String {
    format!(r"^\+?[ ()-]*(?:[0-9][ ()-]*){{{PHONE_MIN_DIGITS},{PHONE_MAX_DIGITS}}}$")
}

/// Each request field's rule, as JSON Schema can state it. The optional ones also take
/// `null`, and blank text means absent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// A required single-line text (`ShortText`).
    ShortText,
    OptionalShortText,
    /// A required free text (`LongText`).
    LongText,
    OptionalLongText,
    Email,
    OptionalEmail,
    OrgNumber,
    OptionalPhone,
    Categories,
    /// A whole number from 0 to `MAX_ESTIMATE`.
    OptionalEstimate,
    Flag,
}

impl Field {
    pub fn is_required(self) -> bool {
        matches!(
            self,
            Self::ShortText | Self::LongText | Self::Email | Self::OrgNumber | Self::Categories
        )
    }

    fn schema(self, description: Option<String>) -> Schema {
        let string = |optional: bool| ObjectBuilder::new().schema_type(string_type(optional));
        let text = |max: usize| {
            string(false)
                .min_length(Some(1))
                .max_length(Some(max))
                .pattern(Some(NOT_BLANK))
        };
        let object = match self {
            Self::ShortText => text(SHORT_TEXT_MAX_CHARS),
            Self::OptionalShortText => string(true).max_length(Some(SHORT_TEXT_MAX_CHARS)),
            Self::LongText => text(LONG_TEXT_MAX_CHARS),
            Self::OptionalLongText => string(true).max_length(Some(LONG_TEXT_MAX_CHARS)),
            Self::Email => return email(false, description),
            Self::OptionalEmail => return email(true, description),
            Self::OrgNumber => string(false)
                .format(Some(SchemaFormat::Custom("org-number".into())))
                .pattern(Some(ORG_NUMBER)),
            Self::OptionalPhone => string(true)
                .max_length(Some(PHONE_MAX_CHARS))
                .pattern(Some(phone_pattern())),
            Self::OptionalEstimate => ObjectBuilder::new()
                .schema_type(SchemaType::from_iter([Type::Integer, Type::Null]))
                .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
                .minimum(Some(0))
                .maximum(Some(MAX_ESTIMATE)),
            Self::Flag => ObjectBuilder::new().schema_type(Type::Boolean),
            Self::Categories => {
                let codes = Category::ALL.map(Category::code);
                return ArrayBuilder::new()
                    .items(
                        ObjectBuilder::new()
                            .schema_type(Type::String)
                            .enum_values(Some(codes)),
                    )
                    .min_items(Some(1))
                    .max_items(Some(codes.len()))
                    .unique_items(true)
                    .description(description)
                    .into();
            }
        };
        object.description(description).into()
    }
}

/// Replaces the properties of the request schema `component` with their rules from `fields`,
/// marks the required ones and refuses unknown properties; `also` adds a rule across fields
/// (the schema becomes `allOf: [the object, also]`).
///
/// # Panics
/// When a property has no rule or a rule no property: a unit test builds the document.
pub fn apply(
    openapi: &mut OpenApi,
    component: &str,
    fields: &[(&str, Field)],
    also: Option<Schema>,
) {
    let schemas = &mut openapi
        .components
        .as_mut()
        .expect("the document has components")
        .schemas;
    let Some(RefOr::T(Schema::Object(object))) = schemas.get_mut(component) else {
        panic!("{component} is an object schema");
    };
    let mut names: Vec<&String> = object.properties.keys().collect();
    names.sort();
    let mut ruled: Vec<&str> = fields.iter().map(|(name, _)| *name).collect();
    ruled.sort();
    assert_eq!(
        names, ruled,
        "every property of {component} has exactly one rule"
    );
    for (name, field) in fields {
        let description = match &object.properties[*name] {
            RefOr::T(Schema::Object(property)) => property.description.clone(),
            RefOr::T(Schema::Array(property)) => property.description.clone(),
            _ => None,
        };
        object
            .properties
            .insert((*name).to_owned(), field.schema(description).into());
    }
    object.required = fields
        .iter()
        .filter(|(_, field)| field.is_required())
        .map(|(name, _)| (*name).to_owned())
        .collect();
    object.additional_properties = Some(Box::new(AdditionalProperties::FreeForm(false)));
    if let Some(also) = also {
        let whole = AllOfBuilder::new()
            .item(Schema::Object(object.clone()))
            .item(also)
            .build();
        schemas.insert(component.to_owned(), RefOr::T(Schema::AllOf(whole)));
    }
}

/// "`field` must hold a string when `flag` is true": `anyOf` the flag is absent or false, or
/// the field is given as a string.
pub fn string_required_when(flag: &str, field: &str) -> Schema {
    let flag_off = ObjectBuilder::new().property(
        flag,
        ObjectBuilder::new()
            .schema_type(Type::Boolean)
            .enum_values(Some([false])),
    );
    let field_given = ObjectBuilder::new()
        .property(field, ObjectBuilder::new().schema_type(Type::String))
        .required(field);
    Schema::AnyOf(AnyOfBuilder::new().item(flag_off).item(field_given).build())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{EmailAddress, LongText, OrgNumber, PhoneNumber, ShortText};
    use proptest::prelude::*;

    /// A strategy for strings `pattern` matches whole (a repetition without bound repeats at
    /// most twice, so that most fit the schema's length).
    fn unanchored(pattern: String) -> proptest::string::RegexGeneratorStrategy<String> {
        let inner = pattern.trim_start_matches('^').trim_end_matches('$');
        proptest::string::string_regex(&inner.replace(")*", "){0,2}").replace("]*", "]{0,2}"))
            .unwrap()
    }

    fn matches(pattern: &str, value: &str) -> bool {
        regex::Regex::new(pattern).unwrap().is_match(value)
    }

    /// The pattern and the domain agree on every single character, and blank-padded text.
    #[test]
    fn not_blank_is_exactly_what_the_text_types_call_not_blank() {
        let not_blank = regex::Regex::new(NOT_BLANK).unwrap();
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let one = format!(" \t{c}\r\n");
            let expected = not_blank.is_match(&one);
            assert_eq!(ShortText::parse(&one).is_ok(), expected, "{:?}", c);
            assert_eq!(LongText::parse(&one).is_ok(), expected, "{:?}", c);
        }
    }

    #[test]
    fn the_email_length_is_the_domains() {
        let local = "a".repeat(64);
        let domain_of = |len: usize| {
            let mut domain = "b".repeat(60);
            while domain.len() < len {
                domain.push_str(".ccccccccc");
            }
            domain.truncate(len);
            domain
        };
        let at_limit = format!("{local}@{}", domain_of(EMAIL_MAX_BYTES - 65));
        assert_eq!(at_limit.len(), EMAIL_MAX_BYTES);
        assert!(EmailAddress::parse(&at_limit).is_ok());
        assert!(matches(&email_pattern(false), &at_limit));
        let over = format!("{local}@{}", domain_of(EMAIL_MAX_BYTES - 64));
        assert!(EmailAddress::parse(&over).is_err());
    }

    #[test]
    fn the_email_pattern_takes_internationalised_domains_and_refuses_what_the_domain_refuses() {
        for ok in [
            "kari@dfo.no",
            "ola.nordmann+bsp@post.dfo.no",
            "per@blåbær.no",
            "a@ÆØÅ.no",
        ] {
            assert!(matches(&email_pattern(true), ok), "{ok}");
            assert!(EmailAddress::parse(ok).is_ok(), "{ok}");
        }
        for refused in [
            "kari",
            "kari@localhost",
            "kari nordmann@dfo.no",
            "kari@dfo.no>, <x@y.no",
            "kari@-dfo.no",
        ] {
            assert!(!matches(&email_pattern(true), refused), "{refused}");
        }
    }

    #[test]
    fn the_org_number_pattern_is_the_format_check() {
        assert!(matches(ORG_NUMBER, "986252932"));
        for refused in ["98625293", "9862529321", "98625293a", "٩٧٤٧٦٠٦٧٣"] {
            assert!(!matches(ORG_NUMBER, refused), "{refused}");
            assert_eq!(
                OrgNumber::parse(refused),
                Err(crate::domain::ValidationError::OrgNumberFormat)
            );
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn every_ascii_address_the_schema_describes_is_accepted(raw in unanchored(email_pattern(false))) {
            if raw.chars().count() <= EMAIL_MAX_BYTES && matches(EMAIL_LOCAL_PART, &raw) {
                prop_assert!(EmailAddress::parse(&raw).is_ok(), "{}", raw);
            }
        }

        #[test]
        fn every_idn_address_the_schema_describes_is_accepted(raw in unanchored(email_pattern(true))) {
            if raw.chars().count() <= EMAIL_MAX_BYTES / 2 && matches(EMAIL_LOCAL_PART, &raw) {
                prop_assert!(EmailAddress::parse(&raw).is_ok(), "{}", raw);
            }
        }

        #[test]
        fn every_phone_number_the_schema_describes_is_accepted(raw in unanchored(phone_pattern())) {
            if raw.chars().count() <= PHONE_MAX_CHARS {
                prop_assert!(PhoneNumber::parse(&raw).is_ok(), "{}", raw);
            }
        }

        #[test]
        fn phone_numbers_outside_the_digit_range_are_refused_by_both(digits in 1usize..30) {
            let raw = "5".repeat(digits);
            prop_assert_eq!(matches(&phone_pattern(), &raw), PhoneNumber::parse(&raw).is_ok());
        }
    }
}
