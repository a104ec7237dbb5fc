//! Rules of the archive export (`bedre-stat archive export`) that need no I/O: how the
//! public title (Noark 5 `offentligTittel`) screens personal names, and which folder names
//! are safe.
//!
//! Norwegian journal practice: the full title (`tittel`) is for the archive; the public
//! title, shown in the public journal (eInnsyn), is the same title with the words that
//! must not be public replaced by asterisks. Here that is every person's name the record
//! holds (a nominee's contact person, a tipster) — wherever it appears, also inside free
//! text someone typed, since an initiative's title may well name its contact.

use super::Reference;

/// What stands in the public title for a screened word.
pub const SCREENED: &str = "*****";

/// `text` with every word of each of `names` replaced by [`SCREENED`], matched as whole
/// words and regardless of case (a name typed in capitals is the same name). Words of one
/// letter ("K. Nordmann") are left: screening every "i" and "å" would blank the title.
///
/// It screens more rather than less: a name that is also an ordinary word ("Per") is
/// screened as that word too. For a public title that is the safe side.
pub fn screen_names(text: &str, names: &[&str]) -> String {
    let words: Vec<String> = names
        .iter()
        .flat_map(|name| name.split(|c: char| !c.is_alphanumeric()))
        .filter(|word| word.chars().count() > 1)
        .map(str::to_lowercase)
        .collect();
    if words.is_empty() {
        return text.to_owned();
    }
    let mut screened = String::with_capacity(text.len());
    let mut word_start: Option<usize> = None;
    let flush = |screened: &mut String, word: &str| {
        if words.contains(&word.to_lowercase()) {
            screened.push_str(SCREENED);
        } else {
            screened.push_str(word);
        }
    };
    for (i, c) in text.char_indices() {
        if c.is_alphanumeric() {
            word_start.get_or_insert(i);
        } else {
            if let Some(start) = word_start.take() {
                flush(&mut screened, &text[start..i]);
            }
            screened.push(c);
        }
    }
    if let Some(start) = word_start {
        flush(&mut screened, &text[start..]);
    }
    screened
}

/// The folder an exported record goes in: its reference, and only if it is one (a stored
/// value that is not a reference never becomes a path).
pub fn folder_name(reference: &str) -> Option<String> {
    Reference::parse(reference).map(|reference| reference.as_ref().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_screened_wherever_they_stand_and_in_any_case() {
        assert_eq!(
            screen_names(
                "Kari Nordmanns digitale postmottak – kontakt: KARI NORDMANN",
                &["Kari Nordmann"]
            ),
            // "Nordmanns" (genitive) is another word; the name itself goes everywhere.
            "***** Nordmanns digitale postmottak – kontakt: ***** *****"
        );
        assert_eq!(
            screen_names("Åse Ærø-Øien fra Bærum", &["Åse Ærø-Øien"]),
            "***** *****-***** fra Bærum"
        );
    }

    #[test]
    fn only_whole_words_are_screened_and_single_letters_stay() {
        assert_eq!(
            screen_names("Persontilpasset tjeneste", &["Per"]),
            "Persontilpasset tjeneste"
        );
        assert_eq!(
            screen_names("Tiltak i staten", &["I. Stat"]),
            "Tiltak i staten"
        );
        assert_eq!(screen_names("Uten navn", &[]), "Uten navn");
        assert_eq!(screen_names("Uten navn", &["", " "]), "Uten navn");
    }

    #[test]
    fn folders_are_named_by_references_only() {
        assert_eq!(
            folder_name("BSP-2027-0007").as_deref(),
            Some("BSP-2027-0007")
        );
        assert_eq!(
            folder_name("TIPS-2026-0012").as_deref(),
            Some("TIPS-2026-0012")
        );
        for raw in ["../etc", "BSP-2027-0007/..", "BSP-2027-0007\0", "", "/tmp"] {
            assert_eq!(folder_name(raw), None, "{raw:?}");
        }
    }
}
