//! Colours of the pictures and their contrast (WCAG 2.1: 1.4.3 text, 1.4.11 non-text).

/// An sRGB colour as `#rrggbb`.
fn rgb(hex: &str) -> [f64; 3] {
    let hex = hex.trim_start_matches('#');
    let channel = |i: usize| f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0));
    [channel(0), channel(2), channel(4)]
}

/// The relative luminance of `#rrggbb` (WCAG 2.1's definition).
pub fn relative_luminance(hex: &str) -> f64 {
    let [r, g, b] = rgb(hex).map(|c| {
        let c = c / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    });
    0.2126 * r + 0.7152 * g + 0.0722 * b
}

/// The contrast ratio of two `#rrggbb` colours, 1–21.
pub fn contrast_ratio(a: &str, b: &str) -> f64 {
    let (la, lb) = (relative_luminance(a), relative_luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The page's background.
pub const BACKGROUND: &str = "#ffffff";
/// Text, axes, cell borders and the hatching of a conflict: 3:1 and more against the
/// background and every fill, so each cell's edge shows whatever its colour.
pub const INK: &str = "#1e2b3c";
/// Lines of the slope chart where the methods agree, and grid lines: 3:1 on white.
pub const MUTED: &str = "#68707c";
/// Where jurors disagree: the warning colour, used together with a symbol and a word.
pub const WARNING: &str = "#9a3c00";

/// The heatmap's fill per whole point of the weighted score (0–1, 1–2, 2–3, 3–4, 4–5),
/// light to dark blue; the score itself is written in each cell.
pub const SCALE: [&str; 5] = ["#eef4fb", "#c3d9f1", "#86b2e2", "#2e6bb3", "#0e3466"];

/// The fill for a weighted score on 0–5.
pub fn fill_for(score: f64) -> &'static str {
    let bin = (score.clamp(0.0, 5.0).floor() as usize).min(SCALE.len() - 1);
    SCALE[bin]
}

/// The text colour on `fill`: ink or white, whichever contrasts more.
pub fn text_on(fill: &str) -> &'static str {
    if contrast_ratio(INK, fill) >= contrast_ratio(BACKGROUND, fill) {
        INK
    } else {
        BACKGROUND
    }
}
