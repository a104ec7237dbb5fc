//! Reading the values a test needs out of a page's HTML.

/// The value of a hidden field in a page.
pub fn hidden_field_in(page: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = page
        .find(&marker)
        .unwrap_or_else(|| panic!("the page has a {name} field"))
        + marker.len();
    page[start..].split('"').next().unwrap().to_owned()
}

pub fn csrf_token_in(page: &str) -> String {
    let marker = "name=\"csrf_token\" value=\"";
    let start = page.find(marker).expect("the page has a CSRF field") + marker.len();
    page[start..start + 64].to_owned()
}

/// A reference printed on a receipt page.
pub fn reference_in(page: &str) -> String {
    let start = page
        .find("id=\"reference\">")
        .expect("a receipt with a reference");
    let text = &page[start..];
    let begin = text.find(['B', 'T']).unwrap();
    let rest = &text[begin..];
    let candidates = rest.split(|c: char| !(c.is_ascii_alphanumeric() || c == '-'));
    candidates
        .into_iter()
        .find(|word| word.starts_with("BSP-") || word.starts_with("TIPS-"))
        .unwrap()
        .to_owned()
}
