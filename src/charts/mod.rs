//! Geometry of the decision-support pictures, pure: positions, sizes and colours of the
//! strip plots, the heatmap and the slope chart, which `templates/decisions/charts.html`
//! writes out as SVG (no JavaScript, no external service).
//!
//! Why by hand rather than a charting crate: the crates that draw SVG charts (plotters,
//! charts-rs) write the whole document themselves — we could not give each picture its
//! `role="img"`, title and description in the page's language, nor hatch a conflict, and
//! plotters measures text through a font stack we do not otherwise need. These three charts
//! are a few hundred lines of arithmetic; the markup stays in Tera, where every label is
//! auto-escaped and translated like the rest of the page.
//!
//! Everything here takes plain labels and numbers (never ids or a viewer): what is drawn is
//! exactly what the caller passes in, so a picture can show no more than its table.
//! Coordinates are rounded to 0.1 px to keep the markup short. Labels are cut to the room
//! they have (estimated width per character), so nothing reaches past the picture.

mod colour;
mod heatmap;
mod slope;
mod strip;

#[cfg(test)]
mod tests;

pub use colour::{INK, MUTED, WARNING, contrast_ratio, relative_luminance};
pub use heatmap::{CellIn, CellKind, Heatmap, HeatmapIn, heatmap};
pub use slope::{Slope, SlopeIn, SlopeItemIn, slope};
pub use strip::{StripIn, StripPlot, StripRowIn, strip_plot};

/// The width of every picture's view box; it scales to the column (at most 40 rem on the
/// screen, the page's width on A4).
pub const WIDTH: f64 = 640.0;
/// The estimated width of one character of 12 px text, to cut labels to their room.
pub const CHAR_PX: f64 = 7.0;

/// `x` rounded to one decimal.
pub(crate) fn r1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// `label` cut to `room` px of 12 px text, with an ellipsis when cut.
pub fn fit(label: &str, room: f64) -> String {
    let max = (room / CHAR_PX).floor().max(1.0) as usize;
    if label.chars().count() <= max {
        label.to_owned()
    } else {
        let mut cut: String = label.chars().take(max.saturating_sub(1)).collect();
        cut.push('…');
        cut
    }
}

/// A label placed at `x`: a tick on an axis, or a column's head (the heatmap's jurors, the
/// slope chart's methods).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
}
