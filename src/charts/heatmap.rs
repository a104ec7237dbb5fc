//! The heatmap: one row per nomination, one column per juror (numbered), each cell the
//! juror's weighted score, coloured and written out. A conflict is hatched and says so; a
//! missing score is white with a dashed border and says so — never colour alone.

use super::colour::{BACKGROUND, INK, fill_for, text_on};
use super::{Tick, WIDTH, fit, r1};

const LABEL_ROOM: f64 = 150.0;
const HEADER: f64 = 24.0;
const ROW: f64 = 28.0;
/// The narrowest column: room for "3,75" or a one-word mark.
const MIN_COLUMN: f64 = 44.0;
const MAX_COLUMN: f64 = 96.0;
/// Room under the grid for the legend.
const LEGEND: f64 = 56.0;

/// What a cell holds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum CellKind {
    /// A weighted score on 0–5.
    Score(f64),
    /// The juror is conflicted on the nomination.
    Conflicted,
    /// The juror is not conflicted but has no submitted score for it.
    Missing,
}

/// A cell: what it holds and the text written in it (the score in the page's number format,
/// or the word for a conflict or a missing score, short and long).
#[derive(Debug, Clone)]
pub struct CellIn {
    pub kind: CellKind,
    pub text: String,
    pub short: String,
}

#[derive(Debug, Clone)]
pub struct HeatmapIn {
    /// The rows' labels (nomination references).
    pub rows: Vec<String>,
    /// The number of columns (jurors, numbered 1…).
    pub columns: usize,
    /// Row-major, `rows × columns`.
    pub cells: Vec<CellIn>,
    /// The legend's words: conflict and missing.
    pub conflict_label: String,
    pub missing_label: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Cell {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
    /// `score`, `conflict` or `missing`: the template's pattern and border.
    pub kind: &'static str,
    pub fill: &'static str,
    pub text: String,
    pub text_fill: &'static str,
    /// Where the text is centred.
    pub cx: f64,
    /// The width of the white box behind a conflict's word, within the cell.
    pub text_box: f64,
    pub baseline: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct HeatRow {
    pub label: String,
    pub baseline: f64,
    pub cells: Vec<Cell>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct LegendItem {
    pub x: f64,
    pub y: f64,
    pub kind: &'static str,
    pub fill: &'static str,
    pub label: String,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Heatmap {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Tick>,
    pub rows: Vec<HeatRow>,
    pub legend: Vec<LegendItem>,
    pub legend_y: f64,
}

/// Lays out the heatmap. The picture widens beyond [`WIDTH`] only when the columns would
/// be narrower than a number (then it scales down with the page).
pub fn heatmap(input: &HeatmapIn) -> Heatmap {
    let n = input.columns.max(1) as f64;
    let column = ((WIDTH - LABEL_ROOM) / n).clamp(MIN_COLUMN, MAX_COLUMN);
    let width = WIDTH.max(LABEL_ROOM + n * column);
    let columns = (0..input.columns)
        .map(|c| Tick {
            x: r1(LABEL_ROOM + (c as f64 + 0.5) * column),
            label: (c + 1).to_string(),
        })
        .collect();
    let rows = input
        .rows
        .iter()
        .enumerate()
        .map(|(r, label)| {
            let y = HEADER + r as f64 * ROW;
            let cells = (0..input.columns)
                .filter_map(|c| input.cells.get(r * input.columns + c))
                .enumerate()
                .map(|(c, cell)| {
                    let x = LABEL_ROOM + c as f64 * column;
                    let (kind, fill) = match cell.kind {
                        CellKind::Score(score) => ("score", fill_for(score)),
                        CellKind::Conflicted => ("conflict", BACKGROUND),
                        CellKind::Missing => ("missing", BACKGROUND),
                    };
                    let text = if (cell.text.chars().count() as f64) * 6.5 + 6.0 <= column {
                        cell.text.clone()
                    } else {
                        cell.short.clone()
                    };
                    Cell {
                        x: r1(x),
                        y: r1(y),
                        w: r1(column),
                        h: ROW,
                        kind,
                        fill,
                        text_fill: if kind == "score" { text_on(fill) } else { INK },
                        text,
                        cx: r1(x + column / 2.0),
                        text_box: r1((column - 8.0).min(56.0)),
                        baseline: r1(y + ROW / 2.0 + 4.0),
                    }
                })
                .collect();
            HeatRow {
                label: fit(label, LABEL_ROOM - 10.0),
                baseline: r1(y + ROW / 2.0 + 4.0),
                cells,
            }
        })
        .collect::<Vec<_>>();
    let legend_y = HEADER + input.rows.len() as f64 * ROW + 14.0;
    // Five score bins on the first line, conflict and missing on the second.
    let mut legend: Vec<LegendItem> = super::colour::SCALE
        .iter()
        .enumerate()
        .map(|(i, fill)| LegendItem {
            x: r1(i as f64 * 96.0),
            y: r1(legend_y),
            kind: "score",
            fill,
            label: format!("{i}–{}", i + 1),
        })
        .collect();
    let second_line = [
        (0.0, "conflict", &input.conflict_label),
        (240.0, "missing", &input.missing_label),
    ];
    legend.extend(second_line.map(|(x, kind, label)| LegendItem {
        x,
        y: r1(legend_y + 22.0),
        kind,
        fill: BACKGROUND,
        label: fit(label, 200.0),
    }));
    Heatmap {
        width: r1(width),
        height: r1(legend_y + LEGEND - 14.0 + 8.0),
        columns,
        rows,
        legend,
        legend_y: r1(legend_y),
    }
}
