//! A strip (dot) plot: one row per criterion, each juror's score a numbered dot on the 0–5
//! scale; equal scores stack vertically, so the spread and an outlier show at once.

use super::{CHAR_PX, Tick, WIDTH, fit, r1};

/// The left edge of the 0–5 axis; criterion names to its left.
const PLOT_LEFT: f64 = 236.0;
/// The right edge of the 0–5 axis.
const PLOT_RIGHT: f64 = WIDTH - 24.0;
/// The dots' radius, and the step between stacked dots.
pub const RADIUS: f64 = 8.0;
const STACK_STEP: f64 = 2.0 * RADIUS + 2.0;
const ROW_MIN: f64 = 30.0;
const TOP: f64 = 6.0;
/// Room for the axis' tick labels under the rows.
const AXIS: f64 = 26.0;

/// A criterion's row: its name, whether the jurors disagree on it, and the scores as
/// `(juror number, score)`.
#[derive(Debug, Clone)]
pub struct StripRowIn {
    pub label: String,
    pub flagged: bool,
    pub points: Vec<(usize, u8)>,
}

#[derive(Debug, Clone)]
pub struct StripIn {
    pub rows: Vec<StripRowIn>,
}

/// A juror's dot.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Dot {
    pub juror: usize,
    pub value: u8,
    pub x: f64,
    pub y: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StripRow {
    pub label: String,
    pub flagged: bool,
    /// The row's band, and the baseline of its name.
    pub top: f64,
    pub height: f64,
    pub baseline: f64,
    /// The middle of the band, where the axis line runs.
    pub middle: f64,
    pub dots: Vec<Dot>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct StripPlot {
    pub width: f64,
    pub height: f64,
    pub plot_left: f64,
    pub plot_right: f64,
    /// Where the rows end and the tick labels begin.
    pub axis_y: f64,
    pub ticks: Vec<Tick>,
    pub rows: Vec<StripRow>,
}

/// The x of a score on the 0–5 axis.
pub fn x_of(value: f64) -> f64 {
    PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * value.clamp(0.0, 5.0) / 5.0
}

/// Lays out the strip plot.
pub fn strip_plot(input: &StripIn) -> StripPlot {
    let mut y = TOP;
    let rows = input
        .rows
        .iter()
        .map(|row| {
            // How many dots share each score: that many stack in the row.
            let mut per_value = [0usize; 6];
            for &(_, value) in &row.points {
                per_value[usize::from(value.min(5))] += 1;
            }
            let tallest = per_value.iter().copied().max().unwrap_or(0) as f64;
            let height = ROW_MIN.max(tallest * STACK_STEP + 6.0);
            let middle = y + height / 2.0;
            let mut placed = [0usize; 6];
            let dots = row
                .points
                .iter()
                .map(|&(juror, value)| {
                    let v = usize::from(value.min(5));
                    let k = per_value[v] as f64;
                    let offset = (placed[v] as f64 - (k - 1.0) / 2.0) * STACK_STEP;
                    placed[v] += 1;
                    Dot {
                        juror,
                        value,
                        x: r1(x_of(f64::from(value))),
                        y: r1(middle + offset),
                    }
                })
                .collect();
            // A flagged row's name is preceded by a warning sign (two characters).
            let room = PLOT_LEFT - 16.0 - if row.flagged { 2.0 * CHAR_PX } else { 0.0 };
            let laid = StripRow {
                label: fit(&row.label, room),
                flagged: row.flagged,
                top: r1(y),
                height: r1(height),
                baseline: r1(middle + 4.0),
                middle: r1(middle),
                dots,
            };
            y += height;
            laid
        })
        .collect();
    let ticks = (0..=5)
        .map(|v| Tick {
            x: r1(x_of(f64::from(v))),
            label: v.to_string(),
        })
        .collect();
    StripPlot {
        width: WIDTH,
        height: r1(y + AXIS),
        plot_left: PLOT_LEFT,
        plot_right: PLOT_RIGHT,
        axis_y: r1(y),
        ticks,
        rows,
    }
}
