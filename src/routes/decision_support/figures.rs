//! How the decision-support pages write their figures: numbers with two decimals in the
//! reader's language, missing values and ranks as a dash, and the sort measure of the
//! `?sorter=` links.

use crate::i18n::Lang;
use crate::jury::Measure;

/// The measure a page is sorted by, from `?sorter=`; anything else means weighted mean.
pub fn parse_sort(raw: Option<&str>) -> Measure {
    match raw.map(str::trim) {
        Some("median") => Measure::Median,
        Some("z") => Measure::ZNormalised,
        Some("borda") => Measure::Borda,
        _ => Measure::WeightedMean,
    }
}

pub(super) fn sort_code(measure: Measure) -> &'static str {
    match measure {
        Measure::WeightedMean => "vektet",
        Measure::Median => "median",
        Measure::ZNormalised => "z",
        Measure::Borda => "borda",
    }
}

/// A number with two decimals, with a decimal comma in bokmål and nynorsk.
pub fn number(lang: Lang, value: f64) -> String {
    let text = format!("{value:.2}");
    let text = if text == "-0.00" { "0.00".into() } else { text };
    match lang {
        Lang::Nb | Lang::Nn => text.replace('.', ","),
        Lang::En => text,
    }
}

pub(super) fn optional_number(lang: Lang, value: Option<f64>) -> String {
    value.map(|v| number(lang, v)).unwrap_or_else(|| "–".into())
}

pub(super) fn optional_rank(rank: Option<usize>) -> String {
    rank.map(|r| r.to_string()).unwrap_or_else(|| "–".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_two_decimals_and_a_decimal_comma_in_norwegian() {
        assert_eq!(number(Lang::Nb, 1.23456), "1,23");
        assert_eq!(number(Lang::Nn, 2.5), "2,50");
        assert_eq!(number(Lang::En, 2.5), "2.50");
        assert_eq!(number(Lang::En, -0.001), "0.00");
    }

    #[test]
    fn sorting_defaults_to_the_weighted_mean() {
        assert_eq!(parse_sort(None), Measure::WeightedMean);
        assert_eq!(parse_sort(Some("median")), Measure::Median);
        assert_eq!(parse_sort(Some("z")), Measure::ZNormalised);
        assert_eq!(parse_sort(Some("borda")), Measure::Borda);
        assert_eq!(parse_sort(Some("<script>")), Measure::WeightedMean);
    }
}
