//! How alike two texts are, to find tips (and nominations) that are likely about the same
//! initiative: Jaccard similarity of the sets of character trigrams of the normalised
//! texts. Character trigrams rather than word trigrams because tips are short and written
//! by different people: "innkjøp av IT i Vegvesenet" and "Vegvesenets IT-innkjøp" share
//! almost no word sequence but most of their trigrams. Agencies are compared by their
//! normalised name.

use std::collections::HashSet;

/// Lower case, every run of characters that are not letters or digits one space, trimmed.
pub fn normalise(text: &str) -> String {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// The character trigrams of each normalised word, the word padded with a space on each
/// side (so "it" still gives " it" and "it ").
fn trigrams(text: &str) -> HashSet<[char; 3]> {
    normalise(text)
        .split(' ')
        .filter(|word| !word.is_empty())
        .flat_map(|word| {
            let padded: Vec<char> = std::iter::once(' ')
                .chain(word.chars())
                .chain(std::iter::once(' '))
                .collect();
            padded
                .windows(3)
                .map(|w| [w[0], w[1], w[2]])
                .collect::<Vec<_>>()
        })
        .collect()
}

/// Jaccard similarity of the two texts' trigram sets: 1.0 for the same words, 0.0 for
/// nothing in common (or an empty text).
pub fn similarity(a: &str, b: &str) -> f64 {
    let (a, b) = (trigrams(a), trigrams(b));
    let union = a.union(&b).count();
    if union == 0 {
        return 0.0;
    }
    a.intersection(&b).count() as f64 / union as f64
}

/// From this similarity up, two texts are shown as a likely duplicate.
pub const LIKELY_DUPLICATE: f64 = 0.3;

/// Whether two agency names name the same agency (case, punctuation and spacing aside).
pub fn same_agency(a: &str, b: &str) -> bool {
    let (a, b) = (normalise(a), normalise(b));
    !a.is_empty() && a == b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalising_keeps_letters_and_digits() {
        assert_eq!(
            normalise("  Statens  VEGVESEN – region Øst (2024)! "),
            "statens vegvesen region øst 2024"
        );
        assert_eq!(normalise("«»—"), "");
    }

    #[test]
    fn the_same_text_is_one_and_unrelated_texts_near_zero() {
        let text = "Digitalisering av innkjøp i Statens vegvesen";
        assert!((similarity(text, text) - 1.0).abs() < 1e-9);
        assert!((similarity(text, &text.to_uppercase()) - 1.0).abs() < 1e-9);
        let other = "Ny ordning for sykefravær ved universitetet";
        assert!(similarity(text, other) < 0.1, "{}", similarity(text, other));
        assert_eq!(similarity("", text), 0.0);
        assert_eq!(similarity("", ""), 0.0);
    }

    #[test]
    fn two_wordings_of_one_initiative_are_likely_duplicates() {
        let a = "Vegvesenet har digitalisert innkjøpene sine";
        let b = "Statens vegvesen digitaliserte innkjøp";
        let unrelated = "Skatteetaten forenklet selvangivelsen for pensjonister";
        assert!(similarity(a, b) >= LIKELY_DUPLICATE, "{}", similarity(a, b));
        assert!(similarity(a, unrelated) < LIKELY_DUPLICATE);
    }

    #[test]
    fn similarity_is_symmetric_and_within_zero_and_one() {
        let pairs = [("innkjøp", "innkjøpene"), ("a b c", "c d"), ("x", "")];
        for (a, b) in pairs {
            let s = similarity(a, b);
            assert!((0.0..=1.0).contains(&s));
            assert!((s - similarity(b, a)).abs() < 1e-12);
        }
    }

    #[test]
    fn agencies_match_by_normalised_name() {
        assert!(same_agency("Statens vegvesen", "statens  Vegvesen."));
        assert!(!same_agency(
            "Statens vegvesen",
            "Statens vegvesen region øst"
        ));
        assert!(!same_agency("", " "));
    }
}
