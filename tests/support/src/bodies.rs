//! Complete, valid request bodies, for tests to change one field of.

pub fn valid_tip() -> serde_json::Value {
    serde_json::json!({
        "initiative": "Felles fakturamottak for hele staten",
        "agency": "Direktoratet for forvaltning og økonomistyring",
        "reason": "Sparte tusenvis av timer med manuell registrering.",
    })
}

pub fn valid_nomination() -> serde_json::Value {
    serde_json::json!({
        "agency_name": "Statens vegvesen",
        "org_number": "971032081",
        "contact_name": "Kari Nordmann",
        "contact_email": "kari.nordmann@vegvesen.no",
        "contact_phone": "+47 400 00 000",
        "title": "Digital kontroll av tungtransport",
        "categories": ["kontroll", "kvalitetsforbedring"],
        "summary": "Automatisk kontroll ved veien.",
        "background": "Manuell kontroll var tidkrevende.",
        "what_was_done": "Vi tok i bruk sensorer og automatisk utvalg.",
        "results": "Dobbelt så mange kontroller med samme bemanning.",
        "savings_hours": 12000,
        "user_effects": "Færre ulykker og mindre kø.",
        "transfer_value": "Metoden kan brukes av alle kontrolletater.",
        "leadership_backing": true,
        "consent_publish": true,
    })
}

/// A complete, valid nomination form with `field` typed as `value` instead.
pub fn valid_nomination_form_with(
    field: &'static str,
    value: &'static str,
) -> Vec<(&'static str, &'static str)> {
    let mut form = valid_nomination_form();
    form.retain(|(name, _)| *name != field);
    form.push((field, value));
    form
}

/// The form fields of a complete, valid nomination.
pub fn valid_nomination_form() -> Vec<(&'static str, &'static str)> {
    vec![
        ("agency_name", "Statens vegvesen"),
        ("org_number", "971 032 081"),
        ("contact_name", "Kari Nordmann"),
        ("contact_email", "kari.nordmann@vegvesen.no"),
        ("contact_phone", ""),
        ("title", "Digital kontroll av tungtransport"),
        ("categories", "kontroll"),
        ("categories", "innsparing"),
        ("summary", "Automatisk kontroll ved veien."),
        ("background", "Manuell kontroll var tidkrevende."),
        ("what_was_done", "Sensorer og automatisk utvalg."),
        ("results", "Dobbelt så mange kontroller."),
        ("savings_nok", "2 500 000"),
        ("savings_hours", ""),
        ("user_effects", "Færre ulykker."),
        ("transfer_value", "Alle kontrolletater kan bruke metoden."),
        ("other_agencies", ""),
        ("leadership_backing", "true"),
    ]
}
