//! The secretariat's exports of a round's work.
//!
//! The scores CSV follows RFC 4180 (comma, CRLF, fields with a comma, quote or line break
//! in double quotes, quotes doubled; written by the `csv` crate) and starts with a UTF-8
//! byte-order mark so that spreadsheet programs read æ, ø and å right. A cell starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a
//! spreadsheet never runs a justification as a formula (CSV formula injection).

use crate::db::{self, Database, decisions::ScoreExportRow};
use crate::domain::counts;
use crate::i18n::Lang;
use std::borrow::Cow;

/// What tells a spreadsheet that the UTF-8 that follows is UTF-8.
const BOM: &str = "\u{feff}";

/// A cell's text, defused if a spreadsheet would read it as a formula.
fn defused(raw: &str) -> Cow<'_, str> {
    if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{raw}"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// The CSV writer every export uses: RFC 4180 with CRLF line ends.
fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new())
}

fn write_record<S: AsRef<str>>(
    writer: &mut csv::Writer<Vec<u8>>,
    fields: &[S],
) -> Result<(), csv::Error> {
    writer.write_record(
        fields
            .iter()
            .map(|field| defused(field.as_ref()).into_owned()),
    )
}

fn finish(writer: csv::Writer<Vec<u8>>) -> Result<String, csv::Error> {
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    // Every field came in as a `&str` and the writer adds only ASCII.
    Ok(String::from_utf8(bytes).expect("CSV written from UTF-8 fields is UTF-8"))
}

/// A round's prize year and every stored score, each marked when the policy leaves it out
/// of the figures (a conflicted juror's), for the export; `None`: no such round.
#[tracing::instrument(skip(db))]
pub async fn round_scores(
    db: &Database,
    round_id: i32,
) -> anyhow::Result<Option<(i32, Vec<ScoreExportRow>)>> {
    db.read(move |conn| {
        if !super::decisions::round_exists(conn, round_id)? {
            return Ok(None);
        }
        let round = db::rounds::find(conn, round_id)?;
        let standings = db::jury::impartiality_map(conn, round_id)?;
        let rows = db::decisions::score_export(conn, round_id)?
            .into_iter()
            .map(|row| ScoreExportRow {
                excluded: !counts(&standings, row.juror_id, row.nomination_id),
                ..row
            })
            .collect();
        Ok(Some((round.prize_year, rows)))
    })
    .await
}

/// The CSV of a round's scores, with a header row in the user's language.
pub fn scores_csv(lang: Lang, rows: &[ScoreExportRow]) -> Result<String, csv::Error> {
    let mut csv = writer();
    let header: Vec<String> = [
        "reference",
        "title",
        "juror",
        "criterion",
        "value",
        "justification",
        "submitted",
        "excluded",
    ]
    .iter()
    .map(|column| lang.text(&format!("decisions-csv-{column}")))
    .collect();
    write_record(&mut csv, &header)?;
    let (yes, no) = (lang.text("decisions-yes"), lang.text("decisions-no"));
    for row in rows {
        write_record(
            &mut csv,
            &[
                row.reference.as_str(),
                row.title.as_str(),
                row.juror_name.as_str(),
                row.criterion.as_str(),
                &row.value.to_string(),
                row.justification.as_str(),
                if row.submitted { &yes } else { &no },
                if row.excluded { &yes } else { &no },
            ],
        )?;
    }
    Ok(format!("{BOM}{}", finish(csv)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One record, as the exports write it.
    fn csv_line(fields: &[&str]) -> String {
        let mut csv = writer();
        write_record(&mut csv, fields).unwrap();
        finish(csv).unwrap()
    }

    /// One field, as it appears among others in a record.
    fn csv_field(raw: &str) -> String {
        let line = csv_line(&[raw, "next"]);
        line.strip_suffix(",next\r\n").unwrap().to_owned()
    }

    /// Each raw field is written as the expected text.
    fn assert_fields(cases: &[(&str, &str)]) {
        for (raw, written) in cases {
            assert_eq!(csv_field(raw), *written, "{raw:?}");
        }
    }

    #[test]
    fn plain_fields_are_left_alone() {
        assert_fields(&[("Kari Nordmann", "Kari Nordmann"), ("", ""), ("3", "3")]);
    }

    #[test]
    fn fields_with_commas_quotes_or_line_breaks_are_quoted() {
        assert_fields(&[
            ("a,b", "\"a,b\""),
            ("si \"hei\"", "\"si \"\"hei\"\"\""),
            ("linje 1\nlinje 2", "\"linje 1\nlinje 2\""),
            ("a\r\nb", "\"a\r\nb\""),
        ]);
    }

    #[test]
    fn formulas_are_defused() {
        assert_fields(&[
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
        ]);
    }

    #[test]
    fn lines_end_with_crlf() {
        assert_eq!(csv_line(&["a", "b,c", "=d"]), "a,\"b,c\",'=d\r\n");
    }

    #[test]
    fn the_scores_export_starts_with_a_bom_and_a_translated_header() {
        let rows = [ScoreExportRow {
            juror_id: 1,
            nomination_id: 2,
            reference: "BSP-1".into(),
            title: "Tittel, med komma".into(),
            juror_name: "Kari".into(),
            criterion: "Effekt".into(),
            value: 4,
            justification: "=1+1".into(),
            submitted: true,
            excluded: true,
        }];
        let body = scores_csv(Lang::Nb, &rows).unwrap();
        let mut lines = body.strip_prefix(BOM).expect("a BOM first").split("\r\n");
        let header = lines.next().unwrap();
        assert_eq!(header.split(',').count(), 8);
        assert!(header.ends_with(&Lang::Nb.text("decisions-csv-excluded")));
        let yes = Lang::Nb.text("decisions-yes");
        assert_eq!(
            lines.next().unwrap(),
            format!("BSP-1,\"Tittel, med komma\",Kari,Effekt,4,'=1+1,{yes},{yes}")
        );
        assert_eq!(lines.next(), Some(""));
        assert_eq!(lines.next(), None);
    }
}
