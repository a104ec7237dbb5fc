//! The secretariat's exports of a round's work, made for Excel with Norwegian settings.
//!
//! The scores come as `.xlsx` (typed cells: numbers as numbers, the time scored as a date
//! and time, a bold frozen header row with a filter; written by `rust_xlsxwriter`) and as
//! CSV in the dialect Norwegian Excel reads: `;` between fields (the comma is the decimal
//! separator there), decimal comma, CRLF line ends, fields with a `;`, quote or line break
//! in double quotes with quotes doubled (written by the `csv` crate), and a UTF-8
//! byte-order mark first so that æ, ø and å are read right. A CSV cell starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so a spreadsheet never
//! runs a justification as a formula (CSV formula injection); the xlsx needs no such
//! guard, as its text cells are typed as text and never read as formulas.
//!
//! Both are written from the same cells ([`score_cells`]), so they list the same rows
//! with the same "excluded from the figures" marking, which the impartiality policy
//! decides ([`round_scores`]).

use crate::db::{self, Database, decisions::ScoreExportRow};
use crate::domain::counts;
use crate::domain::criterion_text;
use crate::format;
use crate::i18n::Lang;
use chrono::NaiveDateTime;
use rust_xlsxwriter::{Format, Workbook, XlsxError};
use std::borrow::Cow;

/// What tells a spreadsheet that the UTF-8 that follows is UTF-8.
const BOM: &str = "\u{feff}";

/// A cell's text, defused if a spreadsheet would read it as a formula.
pub(crate) fn defused(raw: &str) -> Cow<'_, str> {
    if raw.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{raw}"))
    } else {
        Cow::Borrowed(raw)
    }
}

/// The CSV writer every export uses: RFC 4180 with `;` between fields (Norwegian Excel's
/// list separator) and CRLF line ends.
fn writer() -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new()
        .delimiter(b';')
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
    lang: Lang,
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
                criterion: criterion_text::name(lang, &row.criterion_code, &row.criterion),
                ..row
            })
            .collect();
        Ok(Some((round.prize_year, rows)))
    })
    .await
}

/// One cell of an export, typed so that the xlsx can keep the type and the CSV can write
/// it the Norwegian way.
#[derive(Debug, Clone, PartialEq)]
enum Cell<'a> {
    Text(&'a str),
    Integer(i32),
    Decimal(f64),
    /// A UTC time from the database, exported in Norwegian time.
    Time(NaiveDateTime),
}

impl Cell<'_> {
    /// The cell as CSV text for Norwegian Excel: decimal comma, no digit grouping, the time
    /// as "2026-12-05 20:36" in Norwegian time.
    fn csv_text(&self) -> Cow<'_, str> {
        match self {
            Cell::Text(text) => Cow::Borrowed(text),
            Cell::Integer(n) => Cow::Owned(n.to_string()),
            Cell::Decimal(x) => Cow::Owned(x.to_string().replace('.', ",")),
            Cell::Time(utc) => Cow::Owned(format::oslo(*utc).format("%Y-%m-%d %H:%M").to_string()),
        }
    }
}

/// The scores exports' columns: the message id of each header (after `decisions-csv-` or
/// in `exports.ftl`) and its width in the xlsx, in characters.
const SCORE_COLUMNS: [(&str, f64); 10] = [
    ("decisions-csv-reference", 16.0),
    ("decisions-csv-title", 40.0),
    ("decisions-csv-juror", 22.0),
    ("decisions-csv-criterion", 24.0),
    ("exports-column-weight", 8.0),
    ("decisions-csv-value", 8.0),
    ("decisions-csv-justification", 60.0),
    ("exports-column-scored-at", 17.0),
    ("decisions-csv-submitted", 10.0),
    ("decisions-csv-excluded", 16.0),
];

/// The header row in the user's language.
fn score_header(lang: Lang) -> Vec<String> {
    SCORE_COLUMNS.iter().map(|(id, _)| lang.text(id)).collect()
}

/// A score's cells, in the order of [`SCORE_COLUMNS`]; `yes`/`no` mark the two flags.
fn score_cells<'a>(row: &'a ScoreExportRow, yes: &'a str, no: &'a str) -> [Cell<'a>; 10] {
    let flag = |set: bool| Cell::Text(if set { yes } else { no });
    [
        Cell::Text(&row.reference),
        Cell::Text(&row.title),
        Cell::Text(&row.juror_name),
        Cell::Text(&row.criterion),
        Cell::Decimal(row.weight),
        Cell::Integer(row.value),
        Cell::Text(&row.justification),
        Cell::Time(row.scored_at),
        flag(row.submitted),
        flag(row.excluded),
    ]
}

/// The CSV of a round's scores, with a header row in the user's language.
pub fn scores_csv(lang: Lang, rows: &[ScoreExportRow]) -> Result<String, csv::Error> {
    let mut csv = writer();
    write_record(&mut csv, &score_header(lang))?;
    let (yes, no) = (lang.text("decisions-yes"), lang.text("decisions-no"));
    for row in rows {
        let cells = score_cells(row, &yes, &no);
        write_record(
            &mut csv,
            &cells.iter().map(Cell::csv_text).collect::<Vec<_>>(),
        )?;
    }
    Ok(format!("{BOM}{}", finish(csv)?))
}

/// The xlsx of a round's scores: one sheet, the header row in the user's language (bold,
/// frozen, with a filter), numbers and times as typed cells, columns wide enough to read.
pub fn scores_xlsx(lang: Lang, rows: &[ScoreExportRow]) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.text("exports-sheet-scores"))?;
    let bold = Format::new().set_bold();
    let decimal = Format::new().set_num_format("0.0#");
    let time = Format::new().set_num_format("dd.mm.yyyy hh:mm");
    for (column, (header, (_, width))) in score_header(lang).iter().zip(SCORE_COLUMNS).enumerate() {
        let column = u16::try_from(column).expect("ten columns");
        sheet.write_string_with_format(0, column, header, &bold)?;
        sheet.set_column_width(column, width)?;
    }
    let (yes, no) = (lang.text("decisions-yes"), lang.text("decisions-no"));
    for (row_index, row) in rows.iter().enumerate() {
        let line = u32::try_from(row_index + 1).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (column, cell) in score_cells(row, &yes, &no).iter().enumerate() {
            let column = u16::try_from(column).expect("ten columns");
            match cell {
                Cell::Text(text) => sheet.write_string(line, column, *text)?,
                Cell::Integer(n) => sheet.write_number(line, column, *n)?,
                Cell::Decimal(x) => sheet.write_number_with_format(line, column, *x, &decimal)?,
                Cell::Time(utc) => {
                    sheet.write_datetime_with_format(line, column, format::oslo(*utc), &time)?
                }
            };
        }
    }
    let last_row = u32::try_from(rows.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, last_row, (SCORE_COLUMNS.len() - 1) as u16)?;
    workbook.save_to_buffer()
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
        line.strip_suffix(";next\r\n").unwrap().to_owned()
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
    fn fields_with_semicolons_quotes_or_line_breaks_are_quoted() {
        assert_fields(&[
            ("a;b", "\"a;b\""),
            ("a,b", "a,b"),
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
        assert_eq!(csv_line(&["a", "b;c", "=d"]), "a;\"b;c\";'=d\r\n");
    }

    #[test]
    fn decimals_have_a_comma_and_times_are_norwegian() {
        assert_eq!(Cell::Decimal(1.5).csv_text(), "1,5");
        assert_eq!(Cell::Decimal(2.0).csv_text(), "2");
        assert_eq!(Cell::Integer(-3).csv_text(), "-3");
        // 12:05 UTC on a summer day is 14:05 in Norway, on a winter day 13:05.
        let utc = |date: &str| format!("{date}T12:05:00").parse::<NaiveDateTime>().unwrap();
        assert_eq!(Cell::Time(utc("2026-06-30")).csv_text(), "2026-06-30 14:05");
        assert_eq!(Cell::Time(utc("2026-12-05")).csv_text(), "2026-12-05 13:05");
    }

    fn one_row() -> [ScoreExportRow; 1] {
        [ScoreExportRow {
            juror_id: 1,
            nomination_id: 2,
            reference: "BSP-1".into(),
            title: "Tittel; med semikolon".into(),
            juror_name: "Kari".into(),
            criterion: "Effekt".into(),
            criterion_code: "effekt".into(),
            weight: 1.5,
            value: 4,
            justification: "=1+1".into(),
            scored_at: "2026-12-05T12:05:00".parse().unwrap(),
            submitted: true,
            excluded: true,
        }]
    }

    #[test]
    fn the_scores_export_starts_with_a_bom_and_a_translated_header() {
        let body = scores_csv(Lang::Nb, &one_row()).unwrap();
        let mut lines = body.strip_prefix(BOM).expect("a BOM first").split("\r\n");
        let header = lines.next().unwrap();
        assert_eq!(header.split(';').count(), SCORE_COLUMNS.len());
        assert!(header.ends_with(&Lang::Nb.text("decisions-csv-excluded")));
        let yes = Lang::Nb.text("decisions-yes");
        assert_eq!(
            lines.next().unwrap(),
            format!(
                "BSP-1;\"Tittel; med semikolon\";Kari;Effekt;1,5;4;'=1+1;2026-12-05 13:05;{yes};{yes}"
            )
        );
        assert_eq!(lines.next(), Some(""));
        assert_eq!(lines.next(), None);
    }
}
