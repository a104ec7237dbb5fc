//! The slope chart: one column per ranking method, one line per nomination joining its
//! places. A flat line means the methods agree; a line that climbs or falls is where they
//! disagree, drawn solid and thick (the agreeing ones thin and dashed), so the difference
//! shows in the line's form, not only its colour.

use super::{Tick, WIDTH, fit, r1};

const LABEL_ROOM: f64 = 150.0;
const TOP: f64 = 40.0;
const STEP: f64 = 24.0;
const BOTTOM: f64 = 12.0;

/// A nomination: its label and its rank under each method (`None`: unranked there).
#[derive(Debug, Clone)]
pub struct SlopeItemIn {
    pub label: String,
    pub ranks: Vec<Option<usize>>,
}

/// The methods' names, and the nominations in the order ties are broken in (the first
/// column's ranking).
#[derive(Debug, Clone)]
pub struct SlopeIn {
    pub columns: Vec<String>,
    pub items: Vec<SlopeItemIn>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SlopePoint {
    pub x: f64,
    pub y: f64,
    pub rank: usize,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Segment {
    pub x1: f64,
    pub y1: f64,
    pub x2: f64,
    pub y2: f64,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct SlopeLine {
    pub label: String,
    /// Whether the methods give the nomination different ranks.
    pub disagree: bool,
    pub points: Vec<SlopePoint>,
    pub segments: Vec<Segment>,
    /// The labels at the first and the last column's point, when ranked there.
    pub left: Option<SlopePoint>,
    pub right: Option<SlopePoint>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Slope {
    pub width: f64,
    pub height: f64,
    pub columns: Vec<Tick>,
    pub lines: Vec<SlopeLine>,
    /// Where the first and the last column's labels are anchored.
    pub left_x: f64,
    pub right_x: f64,
}

/// Lays out the slope chart. In each column a nomination's place is its position in that
/// method's ranking (by rank, ties in input order), so tied nominations sit on neighbouring
/// rows and no two labels overlap.
pub fn slope(input: &SlopeIn) -> Slope {
    let k = input.columns.len();
    let span = WIDTH - 2.0 * LABEL_ROOM;
    let column_x = |c: usize| {
        if k <= 1 {
            WIDTH / 2.0
        } else {
            LABEL_ROOM + span * c as f64 / (k - 1) as f64
        }
    };
    let room = span / k.max(1) as f64 + 20.0;
    let columns = input
        .columns
        .iter()
        .enumerate()
        .map(|(c, label)| Tick {
            x: r1(column_x(c)),
            label: fit(label, room),
        })
        .collect();
    // Each column's order: the ranked items by rank, then input order; `position[c][i]`
    // is item i's row in column c.
    let position: Vec<Vec<Option<usize>>> = (0..k)
        .map(|c| {
            let mut order: Vec<(usize, usize)> = input
                .items
                .iter()
                .enumerate()
                .filter_map(|(i, item)| item.ranks.get(c).copied().flatten().map(|r| (r, i)))
                .collect();
            order.sort_unstable();
            let mut column = vec![None; input.items.len()];
            for (p, (_, i)) in order.into_iter().enumerate() {
                column[i] = Some(p);
            }
            column
        })
        .collect();
    let lines = input
        .items
        .iter()
        .enumerate()
        .filter(|(_, item)| item.ranks.iter().any(Option::is_some))
        .map(|(i, item)| {
            let points_by_column: Vec<Option<SlopePoint>> = (0..k)
                .map(|c| {
                    Some(SlopePoint {
                        x: r1(column_x(c)),
                        y: r1(TOP + position[c][i]? as f64 * STEP),
                        rank: item.ranks.get(c).copied().flatten()?,
                    })
                })
                .collect();
            let segments = points_by_column
                .windows(2)
                .filter_map(|pair| match pair {
                    [Some(a), Some(b)] => Some(Segment {
                        x1: a.x,
                        y1: a.y,
                        x2: b.x,
                        y2: b.y,
                    }),
                    _ => None,
                })
                .collect();
            let ranks: Vec<usize> = item.ranks.iter().flatten().copied().collect();
            let disagree = ranks.iter().any(|&r| r != ranks[0]) || ranks.len() != item.ranks.len();
            SlopeLine {
                label: fit(&item.label, LABEL_ROOM - 36.0),
                disagree,
                left: points_by_column.first().cloned().flatten(),
                right: points_by_column.last().cloned().flatten(),
                points: points_by_column.into_iter().flatten().collect(),
                segments,
            }
        })
        .collect::<Vec<_>>();
    let rows = position
        .iter()
        .flat_map(|p| p.iter().flatten())
        .max()
        .map_or(0, |&p| p + 1);
    Slope {
        width: WIDTH,
        height: r1(TOP + rows.max(1) as f64 * STEP + BOTTOM - STEP / 2.0),
        columns,
        lines,
        left_x: r1(column_x(0) - 12.0),
        right_x: r1(column_x(k.saturating_sub(1)) + 12.0),
    }
}
