//! Criteria in the page's language. The default rubric is stored in bokmål; pages show
//! the translation of a default criterion (`criterion-<code>` and
//! `criterion-<code>-description` in `locales/*/jury.ftl`) as long as the secretariat has
//! not reworded it. A criterion the secretariat added or reworded is shown as written.

use crate::i18n::Lang;

/// DFØ's default rubric: the four areas of resource effectiveness and DFØ's own criteria.
/// Effects for users and society weigh as much as savings. Names are bokmål; pages show
/// the translation of a default criterion's code (`criterion-<code>` in the locales).
pub const DEFAULT_RUBRIC: [(&str, &str, &str); 7] = [
    (
        "styring",
        "Styring",
        "Bedre mål- og resultatstyring, prioritering og ledelse.",
    ),
    (
        "kontroll",
        "Kontroll",
        "Bedre internkontroll og risikostyring.",
    ),
    (
        "innsparing",
        "Innsparing",
        "Dokumenterte besparelser i kroner eller timer.",
    ),
    (
        "kvalitetsforbedring",
        "Kvalitetsforbedring",
        "Bedre tjenester med de samme ressursene.",
    ),
    (
        "brukereffekter",
        "Effekter for brukere og samfunn",
        "Virkninger for brukerne og samfunnet.",
    ),
    (
        "overforingsverdi",
        "Overføringsverdi",
        "Hva andre virksomheter kan lære og ta i bruk.",
    ),
    (
        "nyskaping",
        "Nyskaping",
        "Om tiltaket er nytt og nyskapende.",
    ),
];

fn default_of(code: &str) -> Option<&'static (&'static str, &'static str, &'static str)> {
    DEFAULT_RUBRIC
        .iter()
        .find(|(default, _, _)| *default == code)
}

/// Whether `code` is one of the default rubric's criteria.
pub fn is_default(code: &str) -> bool {
    default_of(code).is_some()
}

/// The criterion's name in `lang`.
pub fn name(lang: Lang, code: &str, stored: &str) -> String {
    match default_of(code) {
        Some((_, name, _)) if *name == stored.trim() => lang.text(&format!("criterion-{code}")),
        _ => stored.to_owned(),
    }
}

/// The criterion's description in `lang`.
pub fn description(lang: Lang, code: &str, stored: &str) -> String {
    match default_of(code) {
        Some((_, _, description)) if *description == stored.trim() => {
            lang.text(&format!("criterion-{code}-description"))
        }
        _ => stored.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_criteria_are_translated_unless_reworded() {
        assert_eq!(name(Lang::En, "styring", "Styring"), "Governance");
        assert_eq!(name(Lang::Nb, "styring", "Styring"), "Styring");
        assert_eq!(
            name(Lang::En, "styring", "Styring og ledelse"),
            "Styring og ledelse"
        );
        assert_eq!(name(Lang::En, "klima", "Klima"), "Klima");
        assert_ne!(
            description(
                Lang::Nn,
                "kontroll",
                "Bedre internkontroll og risikostyring."
            ),
            "Bedre internkontroll og risikostyring."
        );
    }
}
