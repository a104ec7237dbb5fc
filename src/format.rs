//! Times and numbers as a Norwegian public service writes them: every time in Norwegian
//! time (Europe/Oslo, with summer time) although the database stores UTC, and numbers
//! with the language's separators ("2 500 000", "3,75" in bokmål and nynorsk; "2,500,000",
//! "3.75" in English).
//!
//! The templates use these through the Tera filters `datetime`, `date` and `number`
//! (registered in `templates.rs`), which read the page's `lang` from the context:
//! `{{ message.created_at | datetime }}`, `{{ round.closes_at | date }}`,
//! `{{ score | number(decimals=2) }}`.

use crate::i18n::Lang;
use chrono::{NaiveDate, NaiveDateTime, TimeZone as _, Timelike as _};
use chrono_tz::Europe::Oslo;

/// A UTC time from the database as wall-clock time in Norway.
pub fn oslo(utc: NaiveDateTime) -> NaiveDateTime {
    Oslo.from_utc_datetime(&utc).naive_local()
}

/// The date in Norway at a UTC instant (what "today" means to a Norwegian user).
pub fn oslo_date(utc: NaiveDateTime) -> NaiveDate {
    oslo(utc).date()
}

/// "5. desember 2026 kl. 19.36" (nb, nn) or "5 December 2026, 19:36" (en), in Norwegian
/// time. Språkrådet writes the clock with a full stop ("kl. 19.36").
pub fn date_time(lang: Lang, utc: NaiveDateTime) -> String {
    let local = oslo(utc);
    let date = lang.long_date(local.date());
    match lang {
        Lang::Nb | Lang::Nn => {
            format!("{date} kl. {:02}.{:02}", local.hour(), local.minute())
        }
        Lang::En => format!("{date}, {:02}:{:02}", local.hour(), local.minute()),
    }
}

/// A calendar date written out: "1. oktober 2026" / "1 October 2026". Dates without a
/// time (a deadline's day) are not converted: they are already Norwegian dates.
pub fn date(lang: Lang, date: NaiveDate) -> String {
    lang.long_date(date)
}

/// A number with the language's separators: groups of three digits separated by a
/// no-break space (nb, nn) or a comma (en); the decimal comma (nb, nn) or point (en).
///
/// Written by hand: the crates that format numbers per locale either do integers only
/// (num-format) or bring the whole ICU data tree (icu_decimal) for two separators.
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    let (group, decimal) = match lang {
        Lang::Nb | Lang::Nn => ('\u{a0}', ','),
        Lang::En => (',', '.'),
    };
    let fixed = format!("{:.*}", decimals, value.abs());
    let (whole, fraction) = fixed.split_once('.').unwrap_or((&fixed, ""));
    let mut grouped = String::with_capacity(fixed.len() + 8);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push(group);
        }
        grouped.push(digit);
    }
    let negative = value < 0.0 && fixed.chars().any(|c| c.is_ascii_digit() && c != '0');
    let sign = if negative { "\u{2212}" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{decimal}{fraction}")
    }
}

/// A file's size as people read it: `2,4 MB`, `380 kB` (decimal units, as the limit in
/// `nomination.max_attachment_mb` is counted).
pub fn file_size(lang: Lang, bytes: i64) -> String {
    let bytes = bytes.max(0) as f64;
    if bytes >= 1_000_000.0 {
        format!("{}\u{a0}MB", number(lang, bytes / 1_000_000.0, 1))
    } else {
        format!("{}\u{a0}kB", number(lang, (bytes / 1000.0).ceil(), 0))
    }
}

/// The Tera filters; each reads the page's language from the context's `lang`.
pub mod filters {
    use super::*;
    use tera::{Kwargs, State, TeraResult, Value};

    fn page_lang(state: &State) -> Lang {
        state
            .get::<String>("lang")
            .ok()
            .flatten()
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }

    fn parse_time(value: &Value) -> TeraResult<NaiveDateTime> {
        let text = value.as_str().unwrap_or_default();
        text.parse::<NaiveDateTime>()
            .or_else(|_| NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M:%S%.f"))
            .map_err(|_| tera::Error::message(format!("not a date and time: {value}")))
    }

    /// `{{ t | datetime }}`: a stored UTC time in Norwegian time, written out.
    pub fn datetime(value: Value, _: Kwargs, state: &State) -> TeraResult<String> {
        if value.is_none() {
            return Ok(String::new());
        }
        Ok(date_time(page_lang(state), parse_time(&value)?))
    }

    /// `{{ d | date }}`: a date written out; a stored UTC time gives its Norwegian date.
    pub fn date(value: Value, _: Kwargs, state: &State) -> TeraResult<String> {
        if value.is_none() {
            return Ok(String::new());
        }
        let text = value.as_str().unwrap_or_default();
        let day = match text.parse::<NaiveDate>() {
            Ok(day) => day,
            Err(_) => oslo_date(parse_time(&value)?),
        };
        Ok(super::date(page_lang(state), day))
    }

    /// `{{ x | number }}` or `{{ x | number(decimals=2) }}`.
    pub fn number(value: Value, kwargs: Kwargs, state: &State) -> TeraResult<String> {
        if value.is_none() {
            return Ok(String::new());
        }
        let decimals = kwargs.get::<i64>("decimals")?.unwrap_or(0).clamp(0, 6) as usize;
        let Some(number) = value.as_number().map(|n| n.as_float()) else {
            return Err(tera::Error::message(format!("not a number: {value}")));
        };
        Ok(super::number(page_lang(state), number, decimals))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clock::test_time::at;

    #[test]
    fn times_are_shown_in_norwegian_time_with_summer_time() {
        // Winter: UTC+1.
        assert_eq!(
            date_time(Lang::Nb, at(2026, 12, 5, 18, 36)),
            "5. desember 2026 kl. 19.36"
        );
        // Summer: UTC+2.
        assert_eq!(
            date_time(Lang::Nn, at(2026, 7, 1, 10, 5)),
            "1. juli 2026 kl. 12.05"
        );
        assert_eq!(
            date_time(Lang::En, at(2026, 7, 1, 10, 5)),
            "1 July 2026, 12:05"
        );
        // Late evening UTC is the next day in Norway.
        assert_eq!(oslo_date(at(2026, 9, 30, 22, 30)).to_string(), "2026-10-01");
    }

    #[test]
    fn numbers_use_the_languages_separators() {
        assert_eq!(number(Lang::Nb, 2_500_000.0, 0), "2\u{a0}500\u{a0}000");
        assert_eq!(number(Lang::Nn, 3.754, 2), "3,75");
        assert_eq!(number(Lang::En, 2_500_000.5, 1), "2,500,000.5");
        assert_eq!(number(Lang::Nb, 999.0, 0), "999");
        assert_eq!(number(Lang::Nb, 1000.0, 0), "1\u{a0}000");
        assert_eq!(number(Lang::Nb, -1234.5, 1), "\u{2212}1\u{a0}234,5");
        // No "minus zero".
        assert_eq!(number(Lang::Nb, -0.001, 2), "0,00");
    }

    #[test]
    fn the_filters_read_the_page_language() {
        let mut tera = tera::Tera::new();
        tera.register_filter("datetime", filters::datetime);
        tera.register_filter("date", filters::date);
        tera.register_filter("number", filters::number);
        tera.add_raw_template(
            "t.html",
            "{{ t | datetime }}|{{ d | date }}|{{ t | date }}|{{ n | number(decimals=1) }}",
        )
        .unwrap();
        let mut context = tera::Context::new();
        context.insert("lang", &Lang::Nb);
        context.insert("t", &at(2026, 9, 30, 22, 30));
        context.insert("d", &crate::clock::test_time::date(2026, 10, 1));
        context.insert("n", &12345.67);
        assert_eq!(
            tera.render("t.html", &context).unwrap(),
            "1. oktober 2026 kl. 00.30|1. oktober 2026|1. oktober 2026|12\u{a0}345,7"
        );
        context.insert("lang", &Lang::En);
        assert_eq!(
            tera.render("t.html", &context).unwrap(),
            "1 October 2026, 00:30|1 October 2026|1 October 2026|12,345.7"
        );
    }
}
