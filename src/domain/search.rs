//! The secretariat's search, as pure functions: what was typed turned into a query each
//! backend understands without ever reading the user's text as query syntax, and a matched
//! passage split into plain and highlighted fragments (escaped by the template like any
//! other text, so a nomination's text cannot inject HTML into the results).
//!
//! Only runs of letters and digits are kept from what was typed: `"`, `*`, `(`, `:` and
//! the like are separators, never syntax, and each word is quoted before it reaches FTS5.
//! Words are combined with AND on both backends.
//!
//! PostgreSQL stems with its `norwegian` configuration (Snowball) on both sides. SQLite's
//! FTS5 has no Norwegian stemmer, so we stem the *query* in Rust with the same Snowball
//! algorithm (`rust-stemmers`) and match each stem as a *prefix* of the indexed words,
//! which are stored as written. Why not stem the index too: FTS5 highlights (`snippet`)
//! the text it indexed, so a stemmed index would show stems ("innkjøp for digitaliser")
//! instead of the passage as written; and Norwegian inflects by suffix, so a word's stem
//! is a prefix of all its forms — "innkjøpene" → "innkjøp" finds "innkjøp", "innkjøpene"
//! and the compound "innkjøpsordningen". Very short stems (under three letters) would
//! match half the dictionary as prefixes, so they must match a whole word instead.

use rust_stemmers::{Algorithm, Stemmer};

/// Most words a query uses; the rest are ignored.
const MAX_WORDS: usize = 12;
/// Longest word kept (no Norwegian word is longer; longer input is noise).
const MAX_WORD_CHARS: usize = 60;
/// A stem shorter than this must match a whole word, not a prefix.
const MIN_PREFIX_CHARS: usize = 3;

/// Marks the start and end of a highlighted match in a passage the database returns:
/// characters from Unicode's private use area, which no form lets through as meaningful
/// text (and which, were one typed, would only misplace a highlight, never inject).
pub const HIT_START: char = '\u{E000}';
pub const HIT_END: char = '\u{E001}';

/// What was typed into the search field, as words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchQuery {
    words: Vec<String>,
}

impl SearchQuery {
    /// The words of `raw`; `None` when it holds none (nothing to search for).
    pub fn parse(raw: &str) -> Option<Self> {
        let words: Vec<String> = raw
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty() && word.chars().count() <= MAX_WORD_CHARS)
            .map(str::to_lowercase)
            .take(MAX_WORDS)
            .collect();
        (!words.is_empty()).then_some(Self { words })
    }

    /// The words, separated by spaces (for PostgreSQL's `plainto_tsquery`, which stems
    /// and ANDs them).
    pub fn plain(&self) -> String {
        self.words.join(" ")
    }

    /// An FTS5 MATCH expression: each word's Norwegian stem, quoted, as a prefix.
    pub fn fts5(&self) -> String {
        let stemmer = Stemmer::create(Algorithm::Norwegian);
        self.words
            .iter()
            .map(|word| {
                let stem = stemmer.stem(word);
                if stem.chars().count() < MIN_PREFIX_CHARS {
                    format!("\"{word}\"")
                } else {
                    format!("\"{stem}\"*")
                }
            })
            .collect::<Vec<_>>()
            .join(" AND ")
    }

    /// Whether `text` holds every word of the query, matched as the SQLite index matches
    /// them ([`Self::fts5`]): a word's stem as the start of a word of the text, a short
    /// stem as a whole word. For lists small enough to search in Rust after the rule of who
    /// may see what has been applied (the public library: a few entries a year), so a
    /// search can never find what the list would not show.
    pub fn matches(&self, text: &str) -> bool {
        let stemmer = Stemmer::create(Algorithm::Norwegian);
        let words: Vec<String> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| !word.is_empty())
            .map(str::to_lowercase)
            .collect();
        self.words.iter().all(|word| {
            let stem = stemmer.stem(word);
            if stem.chars().count() < MIN_PREFIX_CHARS {
                words.iter().any(|w| w == word)
            } else {
                words.iter().any(|w| w.starts_with(stem.as_ref()))
            }
        })
    }
}

/// A piece of a matched passage: plain text, or a match to highlight.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Fragment {
    pub text: String,
    pub hit: bool,
}

/// Splits a passage with [`HIT_START`]/[`HIT_END`] markers into fragments.
pub fn fragments(passage: &str) -> Vec<Fragment> {
    let mut out: Vec<Fragment> = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    let mut flush = |text: &mut String, hit: bool| {
        if !text.is_empty() {
            out.push(Fragment {
                text: std::mem::take(text),
                hit,
            });
        }
    };
    for c in passage.chars() {
        match c {
            HIT_START | HIT_END => {
                flush(&mut text, hit);
                hit = c == HIT_START;
            }
            c => text.push(c),
        }
    }
    flush(&mut text, hit);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fts5(raw: &str) -> String {
        SearchQuery::parse(raw).unwrap().fts5()
    }

    #[test]
    fn inflected_forms_become_the_stem_as_a_prefix() {
        assert_eq!(fts5("innkjøpene"), "\"innkjøp\"*");
        assert_eq!(fts5("Innkjøp"), "\"innkjøp\"*");
        assert_eq!(fts5("digitaliseringen"), "\"digitalisering\"*");
        assert_eq!(
            fts5("digitalisering innkjøp"),
            "\"digitalisering\"* AND \"innkjøp\"*"
        );
    }

    #[test]
    fn query_syntax_in_the_text_is_only_a_separator() {
        assert_eq!(fts5("\"innkjøp* OR (NEAR"), fts5("innkjøp or near"));
        assert_eq!(fts5("a:b"), "\"a\" AND \"b\"");
        assert!(!fts5("x\"y").contains("x\"y"));
        assert_eq!(SearchQuery::parse("\"*() -:^").map(|q| q.plain()), None);
        assert_eq!(SearchQuery::parse("   "), None);
    }

    #[test]
    fn matching_in_rust_follows_the_index() {
        let text = "Felles innkjøpsordning for IT i staten";
        let matches = |raw: &str| SearchQuery::parse(raw).unwrap().matches(text);
        assert!(matches("innkjøpene"));
        assert!(matches("Innkjøp staten"));
        assert!(matches("it"));
        assert!(!matches("i innkjøp kommunen"));
        assert!(!matches("fe"));
    }

    #[test]
    fn short_stems_match_whole_words() {
        assert_eq!(fts5("it"), "\"it\"");
        assert_eq!(fts5("KI"), "\"ki\"");
    }

    #[test]
    fn long_queries_are_cut() {
        let query = SearchQuery::parse(&"ord ".repeat(100)).unwrap();
        assert_eq!(query.plain().split(' ').count(), MAX_WORDS);
        assert_eq!(SearchQuery::parse(&"x".repeat(61)), None);
    }

    #[test]
    fn passages_split_into_plain_and_hits() {
        let passage = format!("Vi gjorde {HIT_START}innkjøpene{HIT_END} <b>bedre</b>");
        assert_eq!(
            fragments(&passage),
            vec![
                Fragment {
                    text: "Vi gjorde ".into(),
                    hit: false
                },
                Fragment {
                    text: "innkjøpene".into(),
                    hit: true
                },
                Fragment {
                    text: " <b>bedre</b>".into(),
                    hit: false
                },
            ]
        );
        assert_eq!(fragments(""), vec![]);
    }
}
