//! The user's language: bokmål (default), nynorsk and English, with texts in Fluent files
//! under `locales/`, compiled into the binary.

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, RwLock};

static_loader! {
    pub static LOCALES = {
        locales: "./locales",
        fallback_language: "nb",
        // Fluent wraps interpolated values in Unicode isolation marks by default; they
        // would end up inside references and e-mail subjects.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// Name of the cookie that remembers the chosen language.
pub const LANG_COOKIE: &str = "lang";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "nb")]
    Nb,
    #[serde(rename = "nn")]
    Nn,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// The code used in cookies, URLs and the database; also the HTML `lang` value.
    pub fn code(self) -> &'static str {
        match self {
            Self::Nb => "nb",
            Self::Nn => "nn",
            Self::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nb-no" | "no-no" => Some(Self::Nb),
            "nn" | "nn-no" => Some(Self::Nn),
            "en" | "en-gb" | "en-us" => Some(Self::En),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Self::Nb => langid!("nb"),
            Self::Nn => langid!("nn"),
            Self::En => langid!("en"),
        }
    }

    /// The best language for an `Accept-Language` header, in the order the client prefers
    /// (quality values honoured), or the default.
    pub fn from_accept_language(header: &str) -> Self {
        let mut ranges: Vec<(f32, &str)> = header
            .split(',')
            .filter_map(|part| {
                let mut pieces = part.split(';');
                let tag = pieces.next()?.trim();
                let quality = pieces
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.parse::<f32>().ok())
                    .unwrap_or(1.0);
                Some((quality, tag))
            })
            .collect();
        ranges.sort_by(|a, b| b.0.total_cmp(&a.0));
        ranges
            .into_iter()
            .filter(|(quality, _)| *quality > 0.0)
            .find_map(|(_, tag)| {
                Self::from_code(tag)
                    .or_else(|| Self::from_code(tag.split('-').next().unwrap_or(tag)))
            })
            .unwrap_or_default()
    }

    /// The text with the given message id.
    pub fn text(self, id: &str) -> String {
        self.plain_text(id).as_str().unwrap_or_default().to_owned()
    }

    /// The text of a message without arguments, as a template value: formatted once per
    /// language and message, then remembered. A page asks for the same few dozen labels on
    /// every view, and each Fluent lookup negotiates the language and formats the pattern
    /// anew (most of the time `GET /nominer` took, measured with callgrind). Only ids the
    /// locale files define are remembered, so the memory is bounded by them.
    fn plain_text(self, id: &str) -> tera::Value {
        let texts = &PLAIN_TEXTS[self as usize];
        if let Some(text) = texts.read().unwrap_or_else(|e| e.into_inner()).get(id) {
            return text.clone();
        }
        let Some(text) = LOCALES.try_lookup(&self.langid(), id) else {
            return tera::Value::from(LOCALES.lookup(&self.langid(), id));
        };
        let text = tera::Value::from(text);
        texts
            .write()
            .unwrap_or_else(|e| e.into_inner())
            .insert(id.to_owned(), text.clone());
        text
    }

    /// Whether the locales have the message (one without arguments) in this language.
    pub fn has_text(self, id: &str) -> bool {
        LOCALES.try_lookup(&self.langid(), id).is_some()
    }

    /// The text with the given message id and arguments.
    pub fn text_with(self, id: &str, args: &[(&'static str, &str)]) -> String {
        let args: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(key, value)| (Cow::Borrowed(*key), FluentValue::from(value.to_string())))
            .collect();
        LOCALES.lookup_with_args(&self.langid(), id, &args)
    }
}

impl Lang {
    /// A date written out in this language, e.g. "1. oktober 2026".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let month = self.text(&format!("month-{}", date.month()));
        self.text_with(
            "date-long",
            &[
                ("day", &date.day().to_string()),
                ("month", &month),
                ("year", &date.year().to_string()),
            ],
        )
    }
}

/// Each language's texts without arguments, by message id (see [`Lang::plain_text`]).
static PLAIN_TEXTS: LazyLock<[RwLock<HashMap<String, tera::Value>>; 3]> =
    LazyLock::new(Default::default);

/// The Tera function `fluent(key=…, lang=…)` used by templates. A call with no other
/// arguments, in one of our languages, takes the remembered text; one with arguments is
/// formatted by Fluent each time.
pub fn tera_function() -> impl tera::Function<tera::TeraResult<tera::Value>> {
    let fluent = fluent_templates::FluentLoader::new(&*LOCALES).with_default_lang(langid!("nb"));
    move |kwargs: tera::Kwargs, state: &tera::State| {
        let plain = kwargs
            .iter()
            .all(|(name, _)| matches!(name.as_str(), Some("key" | "lang" | "__tera_one_off")));
        let lang = match kwargs.get::<&str>("lang") {
            Ok(Some(code)) => Lang::ALL.into_iter().find(|lang| lang.code() == code),
            Ok(None) => Some(Lang::Nb),
            Err(_) => None,
        };
        match (plain, lang, kwargs.get::<&str>("key")) {
            (true, Some(lang), Ok(Some(id))) => Ok(lang.plain_text(id)),
            _ => tera::Function::call(&fluent, kwargs, state),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_picks_the_preferred_supported_language() {
        assert_eq!(
            Lang::from_accept_language("nn-NO,nn;q=0.9,nb;q=0.8"),
            Lang::Nn
        );
        assert_eq!(
            Lang::from_accept_language("de-DE, en;q=0.5, nb;q=0.7"),
            Lang::Nb
        );
        assert_eq!(Lang::from_accept_language("en-US,en;q=0.9"), Lang::En);
        assert_eq!(Lang::from_accept_language("no"), Lang::Nb);
        assert_eq!(Lang::from_accept_language("fr, de"), Lang::Nb);
        assert_eq!(Lang::from_accept_language(""), Lang::Nb);
        assert_eq!(Lang::from_accept_language("nn;q=0, en;q=0.1"), Lang::En);
    }

    fn message_ids(ftl: &str) -> Vec<String> {
        ftl.lines()
            .filter(|line| line.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|line| line.split_once(" =").map(|(id, _)| id.trim().to_owned()))
            .collect()
    }

    /// Each language's messages, file by file.
    fn messages_of(lang: &str) -> std::collections::BTreeMap<String, Vec<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("locales")
            .join(lang);
        std::fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .map(|path| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, message_ids(&std::fs::read_to_string(&path).unwrap()))
            })
            .collect()
    }

    #[test]
    fn every_language_has_exactly_the_messages_of_bokmaal() {
        let bokmaal = messages_of("nb");
        assert!(bokmaal["main.ftl"].len() > 50);
        let all: Vec<&String> = bokmaal.values().flatten().collect();
        let unique: std::collections::BTreeSet<&String> = all.iter().copied().collect();
        assert_eq!(all.len(), unique.len(), "a message id is defined twice");
        assert_eq!(messages_of("nn"), bokmaal, "nynorsk");
        assert_eq!(messages_of("en"), bokmaal, "English");
    }

    #[test]
    fn arguments_are_interpolated_without_isolation_marks() {
        assert_eq!(
            Lang::Nb.text_with("receipt-reference", &[("reference", "BSP-2027-0001")]),
            "Referanse: BSP-2027-0001"
        );
        assert_ne!(
            Lang::Nn.text("field-agency_name"),
            Lang::Nb.text("field-agency_name")
        );
    }

    #[test]
    fn the_template_function_gives_fluents_texts() {
        let mut tera = tera::Tera::new();
        tera.register_function("fluent", tera_function());
        tera.add_raw_template(
            "t",
            "{{ fluent(key='site-name', lang='nn') }}|{{ fluent(key='site-name') }}|\
             {{ fluent(key='footer-contact', lang='en', address='a@b.no') }}",
        )
        .unwrap();
        for _ in 0..2 {
            let args = HashMap::from([(Cow::Borrowed("address"), FluentValue::from("a@b.no"))]);
            let expected = format!(
                "{}|{}|{}",
                LOCALES.lookup(&langid!("nn"), "site-name"),
                LOCALES.lookup(&langid!("nb"), "site-name"),
                LOCALES.lookup_with_args(&langid!("en"), "footer-contact", &args)
            );
            assert_eq!(tera.render("t", &tera::Context::new()).unwrap(), expected);
        }
        assert_eq!(
            Lang::Nn.text("site-name"),
            LOCALES.lookup(&langid!("nn"), "site-name")
        );
        assert!(Lang::Nb.text("no-such-message").contains("no-such-message"));
    }

    #[test]
    fn dates_are_written_out_per_language() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap();
        assert_eq!(Lang::Nb.long_date(date), "1. oktober 2026");
        assert_eq!(Lang::En.long_date(date), "1 October 2026");
    }
}
