use super::colour::{BACKGROUND, INK, MUTED, SCALE, WARNING, fill_for, text_on};
use super::strip::RADIUS;
use super::*;

#[test]
fn labels_are_cut_to_their_room_with_an_ellipsis() {
    assert_eq!(fit("Styring", 70.0), "Styring");
    assert_eq!(fit("Kvalitetsforbedring", 70.0), "Kvalitets…");
    assert_eq!(fit("Kvalitetsforbedring", 70.0).chars().count(), 10);
    assert_eq!(fit("æøå", 7.0), "…");
}

/// A criterion's row: name, flagged, `(juror number, score)`.
type Row<'a> = (&'a str, bool, &'a [(usize, u8)]);

fn strip_input(rows: &[Row<'_>]) -> StripIn {
    StripIn {
        rows: rows
            .iter()
            .map(|(label, flagged, points)| StripRowIn {
                label: (*label).into(),
                flagged: *flagged,
                points: points.to_vec(),
            })
            .collect(),
    }
}

#[test]
fn a_strip_plot_puts_scores_on_the_scale_and_stacks_equal_ones() {
    let plot = strip_plot(&strip_input(&[
        ("Styring", false, &[(1, 0), (2, 5), (3, 5), (4, 5)]),
        ("Kontroll", true, &[(1, 2), (2, 4)]),
    ]));
    assert_eq!(plot.ticks.len(), 6);
    assert_eq!(plot.ticks[0].x, plot.plot_left);
    assert_eq!(plot.ticks[5].x, plot.plot_right);
    let first = &plot.rows[0];
    assert_eq!(first.dots[0].x, plot.plot_left, "0 at the axis' start");
    // Three fives: the same x, three different heights, centred on the row's middle.
    let fives: Vec<&_> = first.dots.iter().filter(|d| d.value == 5).collect();
    assert!(fives.iter().all(|d| d.x == plot.plot_right));
    let mut ys: Vec<f64> = fives.iter().map(|d| d.y).collect();
    ys.dedup();
    assert_eq!(ys.len(), 3);
    assert!((ys.iter().sum::<f64>() / 3.0 - first.middle).abs() < 0.2);
    assert!(
        ys.windows(2).all(|w| w[1] - w[0] >= 2.0 * RADIUS),
        "no overlap"
    );
    // A lone score sits on the middle line; 2 and 4 are two fifths of the axis apart.
    let second = &plot.rows[1];
    assert!(second.flagged);
    assert!(second.dots.iter().all(|d| d.y == second.middle));
    let step = (plot.plot_right - plot.plot_left) / 5.0;
    assert!((second.dots[1].x - second.dots[0].x - 2.0 * step).abs() < 0.2);
    // Rows follow each other; every dot inside the picture.
    assert!(second.top >= first.top + first.height - 0.1);
    for row in &plot.rows {
        for dot in &row.dots {
            assert!(dot.y - RADIUS >= row.top && dot.y + RADIUS <= row.top + row.height);
            assert!(dot.x - RADIUS >= 0.0 && dot.x + RADIUS <= plot.width);
        }
    }
    assert!(plot.axis_y < plot.height);
}

#[test]
fn a_strip_plot_with_five_equal_scores_grows_its_row() {
    let plot = strip_plot(&strip_input(&[(
        "Effekt",
        false,
        &[(1, 3), (2, 3), (3, 3), (4, 3), (5, 3)],
    )]));
    let row = &plot.rows[0];
    assert!(row.height >= 5.0 * 2.0 * RADIUS);
    let long = strip_plot(&strip_input(&[(
        "Dokumenterte effektiviseringsgevinster",
        true,
        &[],
    )]));
    assert!(long.rows[0].label.ends_with('…'));
    assert!(long.rows[0].label.chars().count() as f64 * CHAR_PX <= long.plot_left);
}

fn cells(kinds: &[CellKind]) -> Vec<CellIn> {
    kinds
        .iter()
        .map(|&kind| CellIn {
            kind,
            text: match kind {
                CellKind::Score(x) => format!("{x:.2}"),
                CellKind::Conflicted => "inhabil".into(),
                CellKind::Missing => "mangler".into(),
            },
            short: "×".into(),
        })
        .collect()
}

#[test]
fn the_heatmap_marks_conflicts_and_missing_scores_by_pattern_and_word() {
    use CellKind::*;
    let map = heatmap(&HeatmapIn {
        rows: vec!["BSP-2031-0001".into(), "BSP-2031-0002".into()],
        columns: 3,
        cells: cells(&[
            Score(4.5),
            Conflicted,
            Missing,
            Score(0.0),
            Score(2.25),
            Score(5.0),
        ]),
        conflict_label: "Inhabil".into(),
        missing_label: "Mangler poeng".into(),
    });
    assert_eq!(map.columns.len(), 3);
    assert_eq!(map.columns[2].label, "3");
    let first = &map.rows[0].cells;
    assert_eq!(
        first.iter().map(|c| c.kind).collect::<Vec<_>>(),
        ["score", "conflict", "missing"]
    );
    assert_eq!(first[1].text, "inhabil", "a word, not only a pattern");
    assert_eq!(first[2].text, "mangler");
    assert_eq!(first[0].fill, SCALE[4]);
    assert_eq!(map.rows[1].cells[0].fill, SCALE[0]);
    assert_eq!(map.rows[1].cells[2].fill, SCALE[4], "5 is in the top bin");
    // A grid without gaps, inside the picture.
    for row in &map.rows {
        for pair in row.cells.windows(2) {
            assert!((pair[0].x + pair[0].w - pair[1].x).abs() < 0.2);
        }
        let last = row.cells.last().unwrap();
        assert!(last.x + last.w <= map.width + 0.1);
    }
    assert!(map.legend.iter().any(|l| l.kind == "conflict"));
    assert!(map.legend.iter().any(|l| l.kind == "missing"));
    assert!(map.legend.iter().all(|l| l.y < map.height));
}

#[test]
fn a_heatmap_of_many_jurors_uses_the_short_marks_and_widens() {
    let kinds = vec![CellKind::Conflicted; 14];
    let map = heatmap(&HeatmapIn {
        rows: vec!["A".into()],
        columns: 14,
        cells: cells(&kinds),
        conflict_label: "Inhabil".into(),
        missing_label: "Mangler".into(),
    });
    assert!(map.rows[0].cells.iter().all(|c| c.text == "×"));
    assert!(
        map.rows[0].cells.iter().all(|c| c.text_box < c.w),
        "the word's box in its cell"
    );
    assert!(map.width > WIDTH);
    let last = map.rows[0].cells.last().unwrap();
    assert!(last.x + last.w <= map.width + 0.1);
}

/// WCAG 2.1 AA: text 4.5:1 on its fill (1.4.3); cell borders, dots, lines and the
/// hatching 3:1 against the background and every fill they meet (1.4.11).
#[test]
fn the_colours_meet_wcag_contrast() {
    for fill in SCALE {
        let text = text_on(fill);
        assert!(
            contrast_ratio(text, fill) >= 4.5,
            "{text} on {fill}: {}",
            contrast_ratio(text, fill)
        );
        assert!(contrast_ratio(INK, fill) >= 3.0 || contrast_ratio(BACKGROUND, fill) >= 3.0);
    }
    for colour in [INK, MUTED, WARNING] {
        assert!(contrast_ratio(colour, BACKGROUND) >= 4.5, "{colour}");
    }
    assert_eq!(fill_for(-1.0), SCALE[0]);
    assert_eq!(fill_for(3.99), SCALE[3]);
    assert!((contrast_ratio("#000000", "#ffffff") - 21.0).abs() < 1e-9);
    assert!((relative_luminance("#ffffff") - 1.0).abs() < 1e-9);
}

fn item(label: &str, ranks: &[Option<usize>]) -> SlopeItemIn {
    SlopeItemIn {
        label: label.into(),
        ranks: ranks.to_vec(),
    }
}

#[test]
fn the_slope_chart_draws_agreement_flat_and_disagreement_sloped() {
    let chart = slope(&SlopeIn {
        columns: vec!["Snitt".into(), "Median".into(), "Z".into(), "Borda".into()],
        items: vec![
            item("A", &[Some(1), Some(1), Some(1), Some(1)]),
            item("B", &[Some(2), Some(3), Some(2), Some(2)]),
            item("C", &[Some(3), Some(2), Some(3), Some(3)]),
            item("D", &[None, None, None, None]),
        ],
    });
    assert_eq!(chart.columns.len(), 4);
    assert!(chart.columns.windows(2).all(|w| w[1].x > w[0].x));
    assert_eq!(chart.lines.len(), 3, "an unranked nomination has no line");
    let a = &chart.lines[0];
    assert!(!a.disagree);
    assert!(a.segments.iter().all(|s| s.y1 == s.y2), "flat");
    let b = &chart.lines[1];
    assert!(b.disagree);
    assert!(
        b.segments[0].y2 > b.segments[0].y1,
        "B falls under the median"
    );
    assert_eq!(
        b.points.iter().map(|p| p.rank).collect::<Vec<_>>(),
        [2, 3, 2, 2]
    );
    assert!(chart.lines[2].disagree);
    for line in &chart.lines {
        assert_eq!(line.segments.len(), 3);
        for p in &line.points {
            assert!(p.x > 0.0 && p.x < chart.width && p.y > 0.0 && p.y < chart.height);
        }
    }
}

#[test]
fn tied_nominations_sit_on_neighbouring_rows() {
    let chart = slope(&SlopeIn {
        columns: vec!["Snitt".into(), "Borda".into()],
        items: vec![
            item("A", &[Some(1), Some(1)]),
            item("B", &[Some(1), Some(1)]),
            item("C", &[Some(3), None]),
        ],
    });
    let (a, b) = (&chart.lines[0], &chart.lines[1]);
    assert!(!a.disagree && !b.disagree, "a shared rank is agreement");
    assert!(b.left.as_ref().unwrap().y > a.left.as_ref().unwrap().y);
    assert_eq!(a.left.as_ref().unwrap().rank, b.left.as_ref().unwrap().rank);
    // Unranked by one method: no segment there, and flagged as a difference.
    let c = &chart.lines[2];
    assert!(c.segments.is_empty() && c.right.is_none() && c.disagree);
}
