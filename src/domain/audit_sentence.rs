//! The audit log read as sentences in the page's language: "Kari Nordmann ga poeng på
//! BSP-2028-0003". Events store ids, references and codes only (see `db::audit`); the
//! names of staff, rounds and criteria are looked up when the log is shown and passed in
//! here as [`Names`]. Staff names may be shown to the secretariat; nominees and tipsters
//! are never named (the events do not point at them by anything but a reference).
//!
//! Each action kind has the message `audit-<kind>` (dots and underscores as hyphens) in
//! `locales/*/audit.ftl`; a unit test below checks that every kind written anywhere in
//! `src` has one in every language.

use crate::domain::Actor;
use crate::i18n::Lang;
use std::collections::HashMap;

/// Every action kind the portal writes to the audit log. Kinds built at run time
/// (`tip.<triage action>`, `conflict.<decided status>`) are listed expanded.
pub const ACTIONS: &[&str] = &[
    "affiliation.added",
    "affiliation.removed",
    "archive.exported",
    "assessment.reopened",
    "assessment.saved",
    "assessment.submitted",
    "assignments.changed",
    "conflict.declared",
    "conflict.dismissed",
    "conflict.flag_kept",
    "conflict.upheld",
    "criterion.added",
    "criterion.removed",
    "criterion.updated",
    "decision_recorded",
    "draft.saved",
    "draft.sent",
    "jury.reminder_sent",
    "library.added",
    "library.drafted",
    "library.edited",
    "library.published",
    "library.unpublished",
    "mail.requeued",
    "nomination.attachments_changed",
    "nomination.carried",
    "nomination.consent_given",
    "nomination.consent_withdrawn",
    "nomination.edited",
    "nomination.eligible",
    "nomination.excluded",
    "nomination.submitted",
    "privacy.erased",
    "receipt.withheld",
    "retention.purged",
    "round.created",
    "round.phase_changed",
    "round.phase_moved_back",
    "round.updated",
    "score.changed",
    "score.removed",
    "tip.close",
    "tip.invite",
    "tip.link",
    "tip.reopen",
    "tip.review",
    "tip.submitted",
    "user.created",
    "user.disabled",
    "user.enabled",
    "user.erased",
    "user.locked",
    "user.logged_in",
    "user.login_failed",
    "user.password_set",
    "user.reset_requested",
    "user.second_factor_failed",
    "user.sessions_ended",
    "user.totp_enrolled",
    "user.totp_reset",
];

/// The message id of an action's sentence: `score.changed` → `audit-score-changed`.
pub fn message_id(action: &str) -> String {
    format!("audit-{}", action.replace(['.', '_'], "-"))
}

/// What the log may name, looked up for the page's events.
#[derive(Debug, Default)]
pub struct Names {
    /// Staff accounts by id (an anonymised account's name is not a name: see
    /// `erased_marker`).
    pub users: HashMap<i32, String>,
    /// Rounds by id: their prize year.
    pub rounds: HashMap<i32, i32>,
    /// Criteria by id: code and stored name.
    pub criteria: HashMap<i32, (String, String)>,
    /// Criteria by code (names for the code a score event records).
    pub criteria_by_code: HashMap<String, String>,
    /// Nominations by id: their reference.
    pub nominations: HashMap<i32, String>,
    /// The name an anonymised account carries instead of one.
    pub erased_marker: String,
}

/// One stored event, as far as the sentence needs it.
pub struct Event<'a> {
    pub actor: &'a str,
    pub action: &'a str,
    pub subject: &'a str,
    pub detail: Option<&'a str>,
}

/// The event as a sentence in `lang`. An action the locales do not know (an event from a
/// newer version) is told as "… did something (kind) on …" rather than dropped.
pub fn sentence(lang: Lang, event: &Event<'_>, names: &Names) -> String {
    let mut args: Vec<(&'static str, String)> = vec![
        ("actor", actor_name(lang, event.actor, names)),
        ("subject", subject_name(lang, event.subject, names)),
    ];
    detail_args(
        lang,
        event.action,
        event.detail.unwrap_or_default(),
        names,
        &mut args,
    );
    let id = message_id(event.action);
    lookup(lang, &id, &args).unwrap_or_else(|| {
        args.push(("action", event.action.to_owned()));
        lookup(lang, "audit-unknown", &args).unwrap_or_default()
    })
}

/// The message formatted with `args`, or `None` when `lang` has no such message (or it
/// needs an argument not given).
fn lookup(lang: Lang, id: &str, args: &[(&'static str, String)]) -> Option<String> {
    use fluent_templates::Loader as _;
    let langid = lang
        .code()
        .parse::<fluent_templates::LanguageIdentifier>()
        .ok()?;
    let args: HashMap<std::borrow::Cow<'static, str>, fluent_bundle::FluentValue<'_>> = args
        .iter()
        .map(|(k, v)| (std::borrow::Cow::Borrowed(*k), v.as_str().into()))
        .collect();
    crate::i18n::LOCALES.try_lookup_with_args(&langid, id, &args)
}

/// A staff member by name; an anonymised or unknown account as "a former user".
fn user_name(lang: Lang, id: i32, names: &Names) -> String {
    match names.users.get(&id) {
        Some(name) if !name.trim().is_empty() && *name != names.erased_marker => name.clone(),
        _ => lang.text("audit-former-user"),
    }
}

fn actor_name(lang: Lang, stored: &str, names: &Names) -> String {
    match Actor::parse(stored) {
        Some(Actor::User(id)) => user_name(lang, id, names),
        Some(Actor::Public) => lang.text("audit-actor-public"),
        Some(Actor::Cli) => lang.text("audit-actor-cli"),
        Some(Actor::System) => lang.text("audit-actor-system"),
        None => lang.text("audit-actor-unknown"),
    }
}

fn round_name(lang: Lang, id: i32, names: &Names) -> String {
    match names.rounds.get(&id) {
        Some(year) => lang.text_with("audit-round", &[("year", &year.to_string())]),
        None => lang.text("audit-round-unknown"),
    }
}

/// A default criterion's name in `lang`, another one as the secretariat wrote it.
fn criterion_name(lang: Lang, code: &str, stored: &str) -> String {
    crate::domain::criterion_text::name(lang, code, stored)
}

fn subject_name(lang: Lang, subject: &str, names: &Names) -> String {
    let number = |prefix: &str| {
        subject
            .strip_prefix(prefix)
            .and_then(|id| id.parse::<i32>().ok())
    };
    if let Some(id) = number("user:") {
        user_name(lang, id, names)
    } else if let Some(id) = number("round:") {
        round_name(lang, id, names)
    } else if let Some(id) = number("criterion:") {
        match names.criteria.get(&id) {
            Some((code, name)) => criterion_name(lang, code, name),
            None => lang.text("audit-criterion-unknown"),
        }
    } else if let Some(id) = number("library:") {
        lang.text_with("audit-library-entry", &[("id", &id.to_string())])
    } else if let Some(id) = number("outbox:").or_else(|| number("draft:")) {
        id.to_string()
    } else if matches!(subject, "person" | "retention") {
        String::new()
    } else {
        // A nomination's or tip's reference, which the secretariat searches by.
        subject.to_owned()
    }
}

/// The arguments a sentence may use from the event's detail (`key:value` words).
fn detail_args(
    lang: Lang,
    action: &str,
    detail: &str,
    names: &Names,
    args: &mut Vec<(&'static str, String)>,
) {
    let mut total: i64 = 0;
    for word in detail.split_whitespace() {
        let (key, value) = word.split_once(':').unwrap_or(("", word));
        let id = value.parse::<i32>().ok();
        // Counts add up; ids do not.
        let is_id = matches!(
            key,
            "round" | "decision" | "outbox" | "affiliation" | "user"
        );
        if let (Ok(n), false) = (value.parse::<i64>(), is_id) {
            total += n;
        }
        match (key, id) {
            ("round", Some(id)) => args.push(("round", round_name(lang, id, names))),
            ("user", Some(id)) => args.push(("juror", user_name(lang, id, names))),
            ("nomination", Some(id)) => args.push((
                "nomination",
                names
                    .nominations
                    .get(&id)
                    .cloned()
                    .unwrap_or_else(|| lang.text("audit-nomination-unknown")),
            )),
            ("outbox", Some(id)) => args.push(("message", id.to_string())),
            ("left", Some(n)) | ("nominations", Some(n)) => args.push(("count", n.to_string())),
            ("from", _) => args.push(("from", phase_name(lang, value))),
            ("to", _) => args.push(("to", phase_name(lang, value))),
            ("kind", _) => args.push((
                "kind",
                match value {
                    "shortlist" | "finalists" | "winner" => {
                        lang.text(&format!("audit-kind-{value}"))
                    }
                    _ => lang.text("audit-kind-unknown"),
                },
            )),
            ("lang", _) => args.push(("language", language_name(lang, value))),
            ("criterion", _) => args.push((
                "criterion",
                criterion_name(
                    lang,
                    value,
                    names
                        .criteria_by_code
                        .get(value)
                        .map(String::as_str)
                        .unwrap_or(value),
                ),
            )),
            _ => {}
        }
    }
    // "round:3->round:5" (a nomination carried into a later round).
    if let Some((from, to)) = detail.split_once("->") {
        let round = |text: &str| {
            text.strip_prefix("round:")
                .and_then(|id| id.parse::<i32>().ok())
                .map(|id| round_name(lang, id, names))
                .unwrap_or_else(|| lang.text("audit-round-unknown"))
        };
        args.push(("from_round", round(from)));
        args.push(("to_round", round(to)));
    }
    match action {
        "round.phase_changed" => args.push(("phase", phase_name(lang, detail))),
        "round.created" => args.push(("year", detail.to_owned())),
        "user.created" => args.push((
            "role",
            match detail {
                "admin" | "juror" => lang.text(&format!("audit-role-{detail}")),
                _ => lang.text("audit-role-unknown"),
            },
        )),
        "user.logged_in" => args.push((
            "how",
            match detail {
                "totp" => lang.text("audit-how-totp"),
                "recovery_code" => lang.text("audit-how-recovery-code"),
                _ => lang.text("audit-how-password"),
            },
        )),
        "assignments.changed" => {
            let jurors: Vec<String> = detail
                .split(',')
                .filter_map(|u| u.trim().strip_prefix("user:")?.parse::<i32>().ok())
                .map(|id| user_name(lang, id, names))
                .collect();
            let jurors = if jurors.is_empty() {
                lang.text("audit-nobody")
            } else {
                jurors.join(", ")
            };
            args.push(("jurors", jurors));
        }
        _ => {}
    }
    args.push(("total", total.to_string()));
}

fn phase_name(lang: Lang, code: &str) -> String {
    match code {
        "nominations" | "scoring" | "discussion" | "decided" => {
            lang.text(&format!("audit-phase-{code}"))
        }
        _ => lang.text("audit-phase-unknown"),
    }
}

fn language_name(lang: Lang, code: &str) -> String {
    match Lang::from_code(code) {
        Some(language) => lang.text(&format!("audit-language-{}", language.code())),
        None => lang.text("audit-language-unknown"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;
    use std::path::Path;

    fn names() -> Names {
        Names {
            users: [
                (7, "Kari Nordmann".to_owned()),
                (8, "Siri Sekretær".to_owned()),
                (9, "(slettet)".to_owned()),
            ]
            .into(),
            rounds: [(3, 2028)].into(),
            criteria: [(11, ("styring".to_owned(), "Styring".to_owned()))].into(),
            criteria_by_code: [("styring".to_owned(), "Styring".to_owned())].into(),
            nominations: [(4, "BSP-2028-0004".to_owned())].into(),
            erased_marker: "(slettet)".to_owned(),
        }
    }

    fn said(lang: Lang, actor: &str, action: &str, subject: &str, detail: Option<&str>) -> String {
        let event = Event {
            actor,
            action,
            subject,
            detail,
        };
        sentence(lang, &event, &names())
    }

    #[test]
    fn events_read_as_sentences_with_names() {
        assert_eq!(
            said(
                Lang::Nb,
                "user:7",
                "score.changed",
                "BSP-2028-0003",
                Some("criterion:styring")
            ),
            "Kari Nordmann ga poeng på BSP-2028-0003 (Styring)."
        );
        assert_eq!(
            said(
                Lang::Nn,
                "user:7",
                "score.changed",
                "BSP-2028-0003",
                Some("criterion:styring")
            ),
            "Kari Nordmann gav poeng på BSP-2028-0003 (Styring)."
        );
        assert_eq!(
            said(
                Lang::Nb,
                "user:8",
                "decision_recorded",
                "round:3",
                Some("decision:1 kind:winner nominations:1 departs:false absences:0")
            ),
            "Siri Sekretær registrerte vinneren i runden for 2028."
        );
        assert_eq!(
            said(
                Lang::En,
                "user:8",
                "round.phase_moved_back",
                "round:3",
                Some("from:discussion to:scoring")
            ),
            "Siri Sekretær moved the 2028 round back from discussion to scoring."
        );
        assert_eq!(
            said(Lang::Nb, "user:9", "user.logged_in", "user:9", None),
            "En tidligere bruker logget inn med passord."
        );
        assert_eq!(
            said(
                Lang::Nb,
                "user:8",
                "assignments.changed",
                "BSP-2028-0004",
                Some("user:7,user:8")
            ),
            "Siri Sekretær endret hvem som skal vurdere BSP-2028-0004: Kari Nordmann, Siri Sekretær."
        );
    }

    #[test]
    fn no_sentence_shows_a_raw_code() {
        for lang in Lang::ALL {
            for action in ACTIONS {
                let text = said(
                    lang,
                    "user:7",
                    action,
                    "round:3",
                    Some(
                        "round:3 from:scoring to:discussion kind:winner lang:nn outbox:5 nomination:4 user:8 left:2",
                    ),
                );
                let mut raw = vec![
                    "user:8", "round:3", "outbox:5", "lang:nn", "{", "audit-", "_",
                ];
                if lang != Lang::En {
                    raw.extend(["scoring", "winner"]);
                }
                for raw in raw {
                    assert!(!text.contains(raw), "{lang:?} {action}: {text}");
                }
            }
        }
    }

    #[test]
    fn an_unknown_action_still_reads_as_a_sentence() {
        let text = said(Lang::Nb, "system", "future.thing", "BSP-2028-0001", None);
        assert!(text.starts_with("Portalen"), "{text}");
    }

    /// Every kind listed has a sentence in every language.
    #[test]
    fn every_listed_kind_has_a_sentence_in_every_language() {
        for lang in Lang::ALL {
            for action in ACTIONS {
                let every_argument: Vec<(&'static str, String)> = [
                    "actor",
                    "subject",
                    "juror",
                    "jurors",
                    "round",
                    "from_round",
                    "to_round",
                    "from",
                    "to",
                    "phase",
                    "kind",
                    "count",
                    "total",
                    "message",
                    "nomination",
                    "language",
                    "criterion",
                    "year",
                    "role",
                    "how",
                ]
                .into_iter()
                .map(|k| (k, "x".to_owned()))
                .collect();
                assert!(
                    lookup(lang, &message_id(action), &every_argument).is_some(),
                    "no sentence for {action} in {lang:?} (locales/{}/audit.ftl)",
                    lang.code()
                );
            }
        }
    }

    /// Every action kind written anywhere in `src` is listed in [`ACTIONS`] (and so has a
    /// sentence). Reads the third argument of every `audit::record`, `record_on_user` and
    /// `record_by_user` call and every dotted string literal in the files that record, so a
    /// new kind fails here until it is given a sentence.
    #[test]
    fn every_kind_written_in_src_has_a_sentence() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut written = BTreeSet::new();
        let mut families = BTreeSet::new();
        let mut files = vec![root];
        while let Some(path) = files.pop() {
            if path.is_dir() {
                files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("db/audit.rs") {
                continue;
            }
            let source = std::fs::read_to_string(&path).unwrap();
            let code = source.split("#[cfg(test)]").next().unwrap_or_default();
            let calls = recording_calls(code);
            if calls.is_empty() {
                continue;
            }
            for argument in calls {
                for literal in string_literals(&argument) {
                    match literal.split_once('{') {
                        Some((prefix, _)) => families.insert(prefix.to_owned()),
                        None => written.insert(literal),
                    };
                }
            }
            written.extend(
                string_literals(code)
                    .into_iter()
                    .filter(|l| looks_like_action(l)),
            );
        }
        assert!(
            written.len() > 30,
            "the scan found too few kinds: {written:?}"
        );
        for kind in &written {
            assert!(
                ACTIONS.contains(&kind.as_str()),
                "the audit kind {kind} is written in src but has no sentence: add it to \
                 ACTIONS and locales/*/audit.ftl"
            );
        }
        for prefix in &families {
            assert!(
                ACTIONS.iter().any(|a| a.starts_with(prefix.as_str())),
                "audit kinds {prefix}… are built at run time: list each in ACTIONS"
            );
        }
        // Kinds built at run time, listed expanded.
        for code in ["review", "link", "invite", "close", "reopen"] {
            assert!(ACTIONS.contains(&format!("tip.{code}").as_str()));
        }
        for status in ["upheld", "dismissed"] {
            assert!(ACTIONS.contains(&format!("conflict.{status}").as_str()));
        }
    }

    /// `kind.word` with lower-case letters and underscores, not a file name.
    fn looks_like_action(literal: &str) -> bool {
        let Some((prefix, suffix)) = literal.split_once('.') else {
            return false;
        };
        let word = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '_');
        const FILES: [&str; 17] = [
            "html", "txt", "css", "js", "svg", "db", "ftl", "rs", "toml", "json", "csv", "xlsx",
            "example", "sql", "xml", "pdf", "atom",
        ];
        word(prefix) && word(suffix) && !FILES.contains(&suffix)
    }

    /// The text of the third argument of each recording call in `code`.
    fn recording_calls(code: &str) -> Vec<String> {
        let mut found = Vec::new();
        for call in [
            "audit::record(",
            "audit::record_on_user(",
            "audit::record_by_user(",
        ] {
            let mut rest = code;
            while let Some(at) = rest.find(call) {
                rest = &rest[at + call.len()..];
                let mut depth = 0;
                let mut arguments = vec![String::new()];
                for c in rest.chars() {
                    match c {
                        '(' | '{' | '[' => depth += 1,
                        ')' | '}' | ']' if depth == 0 => break,
                        ')' | '}' | ']' => depth -= 1,
                        ',' if depth == 0 => {
                            arguments.push(String::new());
                            continue;
                        }
                        _ => {}
                    }
                    arguments.last_mut().unwrap().push(c);
                }
                if let Some(third) = arguments.get(2) {
                    found.push(third.clone());
                }
            }
        }
        found
    }

    fn string_literals(code: &str) -> Vec<String> {
        code.split('"')
            .skip(1)
            .step_by(2)
            .map(str::to_owned)
            .collect()
    }

    #[test]
    fn the_scanner_reads_calls_and_literals() {
        let code = r#"audit::record(conn, actor, &format!("tip.{}", x), &r, None)?;
            audit::record_on_user(conn, a, if locked { "user.locked" } else { "user.x" }, id, None)"#;
        let calls = recording_calls(code);
        assert_eq!(calls.len(), 2);
        assert!(calls[0].contains("tip.{}"));
        assert!(calls[1].contains("user.locked"));
        assert!(looks_like_action("score.changed"));
        assert!(!looks_like_action("app.css"));
        assert!(!looks_like_action("Hei. Du"));
    }
}
