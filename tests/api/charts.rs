//! The decision-support pictures (issue 8 §4): the slope chart, the heatmap and a strip plot
//! per nomination, each an SVG with its text alternative and its numbers as a table; the
//! few-jurors warning and per-criterion disagreement; and what a conflicted juror's
//! pictures show — nothing of the nomination hidden from them, not even through where the
//! other nominations are drawn.

use crate::decision_support::{browser_for, seed};
use bedre_stat::db::{self, schema};
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, spawn_app};
use diesel::prelude::*;

on_both_backends!(
    the_results_page_draws_the_scores,
    a_conflicted_jurors_pictures_show_nothing_of_that_nomination,
);

/// The part of `page` from the element with `id` to the end of its `tag`.
fn part<'a>(page: &'a str, id: &str, tag: &str) -> &'a str {
    let start = page
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("#{id} on the page"));
    let start = page[..start].rfind('<').unwrap();
    let end = start + page[start..].find(&format!("</{tag}>")).unwrap();
    &page[start..end]
}

/// The charts section: from its heading's section to the next section.
fn charts_section(page: &str) -> &str {
    let start = page.find("id=\"charts\"").expect("the pictures");
    let end = start
        + page[start..]
            .find("<section aria-labelledby=\"jury-heading\"")
            .unwrap();
    &page[start..end]
}

/// Sets every score `juror` gave `nomination` on the first criterion.
async fn set_first_criterion(
    app: &TestApp,
    round_id: i32,
    juror: i32,
    nomination: i32,
    value: i32,
) {
    app.db
        .write(move |conn| {
            let first = db::jury::criteria_for(conn, round_id)?[0].id;
            diesel::update(
                schema::scores::table
                    .filter(schema::scores::juror_id.eq(juror))
                    .filter(schema::scores::nomination_id.eq(nomination))
                    .filter(schema::scores::criterion_id.eq(first)),
            )
            .set(schema::scores::value.eq(value))
            .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
}

async fn the_results_page_draws_the_scores(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    // On C (base 3), juror 1 gives 5 and juror 2 gives 2 on the first criterion: three
    // points apart on one criterion, while the weighted means hardly move.
    let c = &seeded.nominations[2];
    set_first_criterion(&app, seeded.round_id, seeded.jurors[0].0, c.0, 5).await;
    set_first_criterion(&app, seeded.round_id, seeded.jurors[1].0, c.0, 2).await;
    let path = format!("/sekretariat/runder/{}/resultater", seeded.round_id);
    let page = app.get_html(&path).await;

    // Three pictures of the round and a strip plot per nomination, each an image with a
    // title and a description, and its numbers as a table.
    for id in ["chart-slope", "chart-heatmap"] {
        let figure = part(&page, id, "figure");
        assert!(
            figure.contains(&format!(
                "<svg role=\"img\" aria-labelledby=\"{id}-title {id}-desc\""
            )),
            "{figure}"
        );
        assert!(figure.contains(&format!("<title id=\"{id}-title\">")));
        assert!(figure.contains(&format!("<desc id=\"{id}-desc\">")));
    }
    assert!(page.contains("Poengene som bilder"));
    let heat = part(&page, "chart-heatmap", "figure");
    assert!(heat.contains("<table class=\"ds-table\" id=\"heat-table\""));
    // Juror 3's conflict on A: hatched and said in words, in the picture and the table.
    assert!(heat.contains("fill=\"url(#hatch-conflict)\""));
    assert!(heat.contains(">inhabil</text>"));
    assert!(heat.contains("<td class=\"num\">inhabil</td>"));
    // Juror 2's draft on D is not counted: missing, dashed and said in words.
    assert!(heat.contains(">mangler</text>"));
    assert!(heat.contains("stroke-dasharray=\"4 3\""));
    for (_, reference, title) in &seeded.nominations {
        let strip = part(&page, &format!("chart-strip-{reference}"), "figure");
        assert!(strip.contains(title));
        assert!(strip.contains("<svg role=\"img\" aria-labelledby=\"strip-title-"));
        assert!(strip.contains(&format!("Poeng per kriterium for {reference}</title>")));
        assert!(strip.contains("<table class=\"ds-table strip-table\""));
        // Every juror's dot on the 0–5 axis carries the juror's number.
        assert!(strip.contains("text-anchor=\"middle\" font-size=\"11\""));
    }
    // The slope chart names the methods and says whether they disagree.
    let slope = part(&page, "chart-slope", "figure");
    for method in ["Vektet snitt", "Median", "Z-snitt", "Borda"] {
        assert!(slope.contains(&format!(">{method}</text>")), "{method}");
    }
    assert!(slope.contains("Metodene gir") || slope.contains("Alle metodene gir"));

    // C: one criterion flagged, in its row and its strip plot, though the average is not.
    let c_strip = part(&page, &format!("chart-strip-{}", c.1), "figure");
    assert!(c_strip.contains("<tr class=\"flagged\">"), "{c_strip}");
    assert!(c_strip.contains("Jurymedlemmene er uenige om"));
    assert!(c_strip.contains("⚠ "));
    let c_row = part(&page, &format!("row-{}", c.1), "tr");
    assert!(c_row.contains("Uenige om ett kriterium"), "{c_row}");
    let b_row = part(&page, &format!("row-{}", seeded.nominations[1].1), "tr");
    assert!(!b_row.contains("Uenige om"), "B: one point apart at most");

    // A (one juror conflicted) and D (one draft) rest on two of three jurors: warned.
    for n in [&seeded.nominations[0], &seeded.nominations[3]] {
        let row = part(&page, &format!("row-{}", n.1), "tr");
        assert!(row.contains("Bare 2 jurymedlemmer"), "{row}");
        let strip = part(&page, &format!("chart-strip-{}", n.1), "figure");
        assert!(strip.contains("Bare 2 av 3 jurymedlemmer har poeng som teller her"));
    }
    assert!(!part(&page, &format!("row-{}", c.1), "tr").contains("Bare 2"));

    // The measures explained, with the formulas behind a details element.
    for id in ["explain-z", "explain-borda", "explain-kendall"] {
        assert!(page.contains(&format!("id=\"{id}\"")), "{id}");
    }
    assert!(page.contains("<details class=\"formula\"><summary>Formelen for Kendalls W"));

    // The report: the same pictures, with their tables open for print.
    let report = app
        .get_html(&format!("/sekretariat/runder/{}/rapport", seeded.round_id))
        .await;
    assert!(report.contains("id=\"chart-heatmap\""));
    assert!(report.contains("<details class=\"chart-table\" open>"));
    assert!(!page.contains("<details class=\"chart-table\" open>"));

    // Nynorsk and English.
    app.choose_language("nn").await;
    let nynorsk = app.get_html(&path).await;
    assert!(nynorsk.contains("Poenga som bilete"));
    assert!(nynorsk.contains("Berre 2 av 3 jurymedlemmar"));
    assert!(nynorsk.contains("Formelen for Kendalls W"));
    app.choose_language("en").await;
    let english = app.get_html(&path).await;
    assert!(english.contains("The scores as pictures"));
    assert!(english.contains(">conflict</text>"));
}

async fn a_conflicted_jurors_pictures_show_nothing_of_that_nomination(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let juror = browser_for(&app, &seeded.conflicted_juror().1).await;
    let path = format!("/jury/runder/{}/resultater", seeded.round_id);
    let (a_id, a_reference, a_title) = seeded.conflicted_nomination().clone();
    let before = app.get_html_as(&juror, &path).await;
    let charts = charts_section(&before);
    assert!(charts.contains("<svg role=\"img\""));
    assert!(
        !charts.contains(&a_reference),
        "A in the pictures: {charts}"
    );
    assert!(!charts.contains(&a_title));
    // Three nominations drawn, not four: three rows in the heatmap's table, three strip plots.
    let heat_table = part(charts, "heat-table", "table");
    assert_eq!(heat_table.matches("<th scope=\"row\">").count(), 3);
    assert_eq!(charts.matches("class=\"chart chart-strip\"").count(), 3);
    // A is still listed apart, unranked.
    assert!(part(&before, "hidden-nominations", "table").contains(&a_reference));

    // Where the other nominations are drawn does not depend on A: when the others' scores
    // on A change from the lowest to the highest, the juror's pictures and figures are
    // the same to the byte (while the secretariat's change).
    let secretariat_before = app
        .get_html(&format!(
            "/sekretariat/runder/{}/resultater",
            seeded.round_id
        ))
        .await;
    for (juror_id, _, _) in &seeded.jurors[..2] {
        let juror_id = *juror_id;
        app.db
            .write(move |conn| {
                diesel::update(
                    schema::scores::table
                        .filter(schema::scores::juror_id.eq(juror_id))
                        .filter(schema::scores::nomination_id.eq(a_id)),
                )
                .set(schema::scores::value.eq(5))
                .execute(conn)?;
                Ok(())
            })
            .await
            .unwrap();
    }
    let after = app.get_html_as(&juror, &path).await;
    assert_eq!(charts_section(&before), charts_section(&after));
    assert_eq!(
        part(&before, "figures", "table"),
        part(&after, "figures", "table")
    );
    let secretariat_after = app
        .get_html(&format!(
            "/sekretariat/runder/{}/resultater",
            seeded.round_id
        ))
        .await;
    assert_ne!(
        charts_section(&secretariat_before),
        charts_section(&secretariat_after),
        "the change shows where A may be seen"
    );
    assert!(charts_section(&secretariat_after).contains(&a_reference));
}
