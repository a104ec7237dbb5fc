//! The library of good examples: what the public sees (pages, home page, feed, open data —
//! all through [`public_view`], the one place `domain::library::is_public` is applied) and
//! the secretariat's work on it (a reviewed copy drafted from a finalist or winner, an
//! earlier winner added by hand, editing, publishing, unpublishing), each one transaction
//! with its audit event.

use crate::db::library::{self as store, EntryWithNomination, NewEntry};
use crate::db::{self, Database, DbConn};
use crate::domain::Actor;
use crate::domain::library::{LibraryOutcome, LibraryText, ManualEntry, is_public, shows_contact};
use crate::domain::search::SearchQuery;
use crate::domain::{Categories, Category};
use anyhow::Context as _;
use chrono::NaiveDateTime;
use diesel::Connection as _;
use diesel::prelude::*;

/// A contact person the nominee agreed to show.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Contact {
    pub name: String,
    pub email: String,
}

/// An entry as the public sees it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct PublicEntry {
    pub id: i32,
    pub prize_year: i32,
    pub outcome: LibraryOutcome,
    pub title: String,
    pub agency_name: String,
    pub categories: Vec<&'static str>,
    pub summary: String,
    pub results: Option<String>,
    pub user_effects: Option<String>,
    pub transfer_value: Option<String>,
    pub other_agencies: Option<String>,
    pub contact: Option<Contact>,
    pub published_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl PublicEntry {
    /// Every text of the entry, for the search.
    fn searchable(&self) -> String {
        [
            Some(self.title.as_str()),
            Some(self.agency_name.as_str()),
            Some(self.summary.as_str()),
            self.results.as_deref(),
            self.user_effects.as_deref(),
            self.transfer_value.as_deref(),
            self.other_agencies.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
    }
}

/// The entry as the public may see it, or `None` when it may not: the one function every
/// public page, the home page, the feed and the open data read entries through.
pub fn public_view(e: EntryWithNomination) -> Option<PublicEntry> {
    let entry = e.entry;
    if !is_public(entry.published, e.consent) {
        return None;
    }
    let contact = shows_contact(
        true,
        entry.show_contact,
        e.consent,
        e.contact_email.as_deref(),
    )
    .then(|| Contact {
        name: e.contact_name.unwrap_or_default(),
        email: e.contact_email.unwrap_or_default(),
    });
    let outcome = entry.outcome();
    Some(PublicEntry {
        id: entry.id,
        prize_year: entry.prize_year,
        outcome,
        categories: entry
            .categories
            .as_slice()
            .iter()
            .map(|c| c.code())
            .collect(),
        title: entry.text.title,
        agency_name: entry.text.agency_name,
        summary: entry.text.summary,
        results: entry.text.results,
        user_effects: entry.text.user_effects,
        transfer_value: entry.text.transfer_value,
        other_agencies: entry.text.other_agencies,
        contact,
        published_at: entry.first_published_at.unwrap_or(entry.updated_at),
        updated_at: entry.updated_at,
    })
}

fn public_in(conn: &mut DbConn) -> QueryResult<Vec<PublicEntry>> {
    Ok(store::all(conn)?
        .into_iter()
        .filter_map(public_view)
        .collect())
}

/// Every public entry: the newest year first, the winner before the finalists.
#[tracing::instrument(skip(db))]
pub async fn public_entries(db: &Database) -> anyhow::Result<Vec<PublicEntry>> {
    db.read(|conn| Ok(public_in(conn)?)).await
}

/// One public entry; `None` when there is no such entry or the public may not see it.
#[tracing::instrument(skip(db))]
pub async fn public_entry(db: &Database, id: i32) -> anyhow::Result<Option<PublicEntry>> {
    db.read(move |conn| Ok(store::find(conn, id).optional()?.and_then(public_view)))
        .await
}

/// Whether a nomination is in the public library (the retention purge keeps its contact
/// person then): it has an entry the public may see.
pub fn is_in_library(conn: &mut DbConn, nomination_id: i32) -> QueryResult<bool> {
    Ok(store::of_nomination(conn, nomination_id)?
        .and_then(public_view)
        .is_some())
}

/// What the library's list is narrowed to; `None` is any.
#[derive(Debug, Clone, Default)]
pub struct LibraryFilter {
    pub year: Option<i32>,
    pub area: Option<Category>,
    pub query: Option<SearchQuery>,
}

/// The public entries matching every part of `filter` (the library is a few entries a
/// year: searched in Rust with the secretariat's search's matching, after the public rule).
pub fn filtered(entries: Vec<PublicEntry>, filter: &LibraryFilter) -> Vec<PublicEntry> {
    entries
        .into_iter()
        .filter(|e| filter.year.is_none_or(|year| e.prize_year == year))
        .filter(|e| {
            filter
                .area
                .is_none_or(|area| e.categories.contains(&area.code()))
        })
        .filter(|e| {
            filter
                .query
                .as_ref()
                .is_none_or(|query| query.matches(&e.searchable()))
        })
        .collect()
}

/// The home page's showcase: the newest year in the library, its winner(s) and finalists.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Showcase {
    pub prize_year: i32,
    pub winners: Vec<PublicEntry>,
    pub finalists: Vec<PublicEntry>,
}

pub fn showcase(entries: &[PublicEntry]) -> Option<Showcase> {
    let year = entries.iter().map(|e| e.prize_year).max()?;
    let of = |outcome: LibraryOutcome| {
        entries
            .iter()
            .filter(|e| e.prize_year == year && e.outcome == outcome)
            .cloned()
            .collect()
    };
    Some(Showcase {
        prize_year: year,
        winners: of(LibraryOutcome::Winner),
        finalists: of(LibraryOutcome::Finalist),
    })
}

// ---------------------------------------------------------------------------------------
// The secretariat's work.

/// Why the secretariat's action on the library was not taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LibraryRefusal {
    /// The nomination is not a finalist or winner in the jury's decisions in force.
    NotDecided,
    /// The nominee has not consented to publishing (or withdrew it).
    NoConsent,
}

impl LibraryRefusal {
    pub fn message_id(self) -> &'static str {
        match self {
            Self::NotDecided => "library-refused-not-decided",
            Self::NoConsent => "library-refused-no-consent",
        }
    }
}

/// A finalist or winner with no library entry yet.
#[derive(Debug, Clone, serde::Serialize)]
pub struct Candidate {
    pub nomination_id: i32,
    pub reference: String,
    pub title: String,
    pub prize_year: i32,
    pub outcome: LibraryOutcome,
    pub consent: bool,
}

/// An entry as the secretariat's list shows it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct StaffEntry {
    pub id: i32,
    pub prize_year: i32,
    pub outcome: LibraryOutcome,
    pub title: String,
    pub reference: Option<String>,
    pub published: bool,
    /// Published, but hidden because the nominee withdrew consent.
    pub consent_withdrawn: bool,
    pub public: bool,
}

impl StaffEntry {
    fn of(e: &EntryWithNomination) -> Self {
        Self {
            id: e.entry.id,
            prize_year: e.entry.prize_year,
            outcome: e.entry.outcome(),
            title: e.entry.title.clone(),
            reference: e.reference.clone(),
            published: e.entry.published,
            consent_withdrawn: e.consent == Some(false),
            public: is_public(e.entry.published, e.consent),
        }
    }
}

/// The secretariat's library page: every entry, and the finalists and winners not in it.
pub struct Desk {
    pub entries: Vec<StaffEntry>,
    pub candidates: Vec<Candidate>,
}

#[tracing::instrument(skip(db))]
pub async fn desk(db: &Database) -> anyhow::Result<Desk> {
    db.read(|conn| {
        let all = store::all(conn)?;
        let mut candidates = Vec::new();
        for (nomination_id, winner, finalist) in store::decided_nominations(conn)? {
            if all
                .iter()
                .any(|e| e.entry.nomination_id == Some(nomination_id))
            {
                continue;
            }
            let Some(outcome) = LibraryOutcome::from_decisions(winner, finalist) else {
                continue;
            };
            let n = db::nominations::find_by_id(conn, nomination_id)?;
            let round = db::rounds::find(conn, n.round_id)?;
            candidates.push(Candidate {
                nomination_id,
                reference: n.reference,
                title: n.content.title,
                prize_year: round.prize_year,
                outcome,
                consent: n.content.consent_publish,
            });
        }
        Ok(Desk {
            entries: all.iter().map(StaffEntry::of).collect(),
            candidates,
        })
    })
    .await
}

/// An entry for its edit page (published or not); diesel's `NotFound` when none.
#[tracing::instrument(skip(db))]
pub async fn entry(db: &Database, id: i32) -> anyhow::Result<EntryWithNomination> {
    db.read(move |conn| Ok(store::find(conn, id)?)).await
}

/// The outcome the decisions in force give a nomination now, and its round's year.
fn decided_outcome(
    conn: &mut DbConn,
    nomination_id: i32,
) -> anyhow::Result<Option<(i32, LibraryOutcome)>> {
    let Some((_, winner, finalist)) = store::decided_nominations(conn)?
        .into_iter()
        .find(|(id, _, _)| *id == nomination_id)
    else {
        return Ok(None);
    };
    let Some(outcome) = LibraryOutcome::from_decisions(winner, finalist) else {
        return Ok(None);
    };
    let n = db::nominations::find_by_id(conn, nomination_id)?;
    Ok(Some((
        db::rounds::find(conn, n.round_id)?.prize_year,
        outcome,
    )))
}

fn audit(conn: &mut DbConn, actor: Actor, action: &str, id: i32) -> QueryResult<()> {
    db::audit::record(conn, actor, action, &format!("library:{id}"), None)
}

/// Drafts an (unpublished) entry from a finalist's or winner's nomination, copying its
/// texts for the secretariat to edit for the public. When the nomination has an entry
/// already, that entry's id. An unknown nomination is diesel's `NotFound`.
#[tracing::instrument(skip(db))]
pub async fn draft_from_nomination(
    db: &Database,
    nomination_id: i32,
    actor: Actor,
) -> anyhow::Result<Result<i32, LibraryRefusal>> {
    let drafted = db
        .write(move |conn| {
            conn.transaction(|conn| {
                let nomination = db::nominations::find_by_id(conn, nomination_id)?;
                if let Some(existing) = store::of_nomination(conn, nomination_id)? {
                    return Ok::<_, anyhow::Error>(Ok(existing.entry.id));
                }
                let Some((prize_year, outcome)) = decided_outcome(conn, nomination_id)? else {
                    return Ok(Err(LibraryRefusal::NotDecided));
                };
                let text = LibraryText {
                    title: nomination.content.title,
                    agency_name: nomination.content.agency_name,
                    categories: nomination.content.categories,
                    summary: nomination.content.summary,
                    results: Some(nomination.content.results).filter(|t| !t.trim().is_empty()),
                    user_effects: Some(nomination.content.user_effects)
                        .filter(|t| !t.trim().is_empty()),
                    transfer_value: Some(nomination.content.transfer_value)
                        .filter(|t| !t.trim().is_empty()),
                    other_agencies: nomination.content.other_agencies,
                    show_contact: true,
                };
                let id = store::insert(
                    conn,
                    &NewEntry {
                        nomination_id: Some(nomination_id),
                        prize_year,
                        outcome,
                        text: &text,
                        now: db::now(),
                    },
                )?;
                db::audit::record(
                    conn,
                    actor,
                    "library.drafted",
                    &format!("library:{id}"),
                    Some(&format!("nomination:{nomination_id}")),
                )?;
                Ok(Ok(id))
            })
            .context("drafting a library entry")
        })
        .await;
    // Two members pressing at once: the database's unique nomination_id lets one insert;
    // the other finds that entry, as a later press would.
    let lost_race = drafted.as_ref().is_err_and(|error| {
        error.chain().any(|cause| {
            matches!(
                cause.downcast_ref::<diesel::result::Error>(),
                Some(diesel::result::Error::DatabaseError(
                    diesel::result::DatabaseErrorKind::UniqueViolation,
                    _
                ))
            )
        })
    });
    if lost_race {
        let existing = db
            .read(move |conn| Ok(store::of_nomination(conn, nomination_id)?))
            .await?;
        if let Some(existing) = existing {
            return Ok(Ok(existing.entry.id));
        }
    }
    drafted
}

/// Adds an earlier year's winner (or finalist) by hand, unpublished.
#[tracing::instrument(skip(db, manual))]
pub async fn add_manual(db: &Database, manual: ManualEntry, actor: Actor) -> anyhow::Result<i32> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            let id = store::insert(
                conn,
                &NewEntry {
                    nomination_id: None,
                    prize_year: manual.prize_year,
                    outcome: manual.outcome,
                    text: &manual.text,
                    now: db::now(),
                },
            )?;
            audit(conn, actor, "library.added", id)?;
            Ok::<_, anyhow::Error>(id)
        })
        .context("adding a library entry by hand")
    })
    .await
}

/// The edit as posted: the text, and for an entry added by hand its year and outcome.
pub enum Edit {
    FromNomination(LibraryText),
    Manual(ManualEntry),
}

/// Stores the edited text. An unknown entry is diesel's `NotFound`.
#[tracing::instrument(skip(db, edit))]
pub async fn edit(db: &Database, id: i32, edit: Edit, actor: Actor) -> anyhow::Result<()> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            store::find(conn, id)?;
            let now = db::now();
            match edit {
                Edit::FromNomination(text) => store::update(conn, id, &text, None, now)?,
                Edit::Manual(m) => {
                    store::update(conn, id, &m.text, Some((m.prize_year, m.outcome)), now)?
                }
            };
            audit(conn, actor, "library.edited", id)?;
            Ok::<_, anyhow::Error>(())
        })
        .context("editing a library entry")
    })
    .await
}

/// Publishes an entry. One from a nomination needs the nominee's consent and the
/// decisions in force still naming it (its outcome and year are taken from them again).
/// An unknown entry is diesel's `NotFound`.
#[tracing::instrument(skip(db))]
pub async fn publish(
    db: &Database,
    id: i32,
    actor: Actor,
) -> anyhow::Result<Result<(), LibraryRefusal>> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            let e = store::find(conn, id)?;
            if let Some(nomination_id) = e.entry.nomination_id {
                if e.consent != Some(true) {
                    return Ok(Err(LibraryRefusal::NoConsent));
                }
                let Some((year, outcome)) = decided_outcome(conn, nomination_id)? else {
                    return Ok(Err(LibraryRefusal::NotDecided));
                };
                store::set_year_and_outcome(conn, id, year, outcome)?;
            }
            if store::set_published(conn, id, true, db::now())? {
                audit(conn, actor, "library.published", id)?;
            }
            Ok::<_, anyhow::Error>(Ok(()))
        })
        .context("publishing a library entry")
    })
    .await
}

/// Takes an entry off the public pages (it stays, to be published again). An unknown
/// entry is diesel's `NotFound`.
#[tracing::instrument(skip(db))]
pub async fn unpublish(db: &Database, id: i32, actor: Actor) -> anyhow::Result<()> {
    db.write(move |conn| {
        conn.transaction(|conn| {
            store::find(conn, id)?;
            if store::set_published(conn, id, false, db::now())? {
                audit(conn, actor, "library.unpublished", id)?;
            }
            Ok::<_, anyhow::Error>(())
        })
        .context("unpublishing a library entry")
    })
    .await
}

/// The categories of an entry as the form's checkboxes hold them.
pub fn category_codes(categories: &Categories) -> Vec<String> {
    categories
        .as_slice()
        .iter()
        .map(|c| c.code().to_owned())
        .collect()
}

// ---------------------------------------------------------------------------------------
// Open data.

/// The licence the open data is published under (`library.licence_*`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct Licence {
    pub name: String,
    pub url: String,
}

/// The columns of the CSV, in order; the JSON has the same fields (`areas` as a list,
/// `contact` as an object or null). Documented on `/bibliotek/data`.
pub const OPEN_DATA_FIELDS: [&str; 15] = [
    "id",
    "url",
    "year",
    "outcome",
    "title",
    "agency",
    "areas",
    "summary",
    "results",
    "user_effects",
    "transfer_value",
    "other_agencies",
    "contact_name",
    "contact_email",
    "published",
];

fn rfc3339(at: NaiveDateTime) -> String {
    at.and_utc()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// An entry's address, its stable identifier in the open data and the feed.
pub fn entry_url(base_url: &str, id: i32) -> String {
    format!("{}/bibliotek/{id}", base_url.trim_end_matches('/'))
}

/// The library as JSON: the licence, and one object per public entry.
pub fn open_data_json(entries: &[PublicEntry], base_url: &str, licence: &Licence) -> String {
    let items: Vec<serde_json::Value> = entries
        .iter()
        .map(|e| {
            serde_json::json!({
                "id": e.id,
                "url": entry_url(base_url, e.id),
                "year": e.prize_year,
                "outcome": e.outcome,
                "title": e.title,
                "agency": e.agency_name,
                "areas": e.categories,
                "summary": e.summary,
                "results": e.results,
                "user_effects": e.user_effects,
                "transfer_value": e.transfer_value,
                "other_agencies": e.other_agencies,
                "contact": e.contact,
                "published": rfc3339(e.published_at),
                "updated": rfc3339(e.updated_at),
            })
        })
        .collect();
    serde_json::json!({
        "title": "Bedre stat-prisen – biblioteket av gode eksempler",
        "licence": licence,
        "documentation": format!("{}/bibliotek/data", base_url.trim_end_matches('/')),
        "entries": items,
    })
    .to_string()
}

/// The library as CSV (RFC 4180: `,` between fields, CRLF, UTF-8, a header row of
/// [`OPEN_DATA_FIELDS`]). A cell a spreadsheet would run as a formula gets a leading `'`
/// (the JSON has the text as written).
pub fn open_data_csv(entries: &[PublicEntry], base_url: &str) -> anyhow::Result<String> {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    writer.write_record(OPEN_DATA_FIELDS)?;
    for e in entries {
        let contact = e.contact.as_ref();
        let record = [
            e.id.to_string(),
            entry_url(base_url, e.id),
            e.prize_year.to_string(),
            e.outcome.code().to_owned(),
            e.title.clone(),
            e.agency_name.clone(),
            e.categories.join(";"),
            e.summary.clone(),
            e.results.clone().unwrap_or_default(),
            e.user_effects.clone().unwrap_or_default(),
            e.transfer_value.clone().unwrap_or_default(),
            e.other_agencies.clone().unwrap_or_default(),
            contact.map(|c| c.name.clone()).unwrap_or_default(),
            contact.map(|c| c.email.clone()).unwrap_or_default(),
            rfc3339(e.published_at),
        ];
        writer.write_record(
            record
                .iter()
                .map(|field| super::exports::defused(field).into_owned()),
        )?;
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8(bytes)?)
}

/// An entry as the Atom feed lists it.
#[derive(Debug, Clone, serde::Serialize)]
pub struct FeedEntry {
    pub url: String,
    pub title: String,
    pub agency_name: String,
    pub prize_year: i32,
    pub outcome: LibraryOutcome,
    pub summary: String,
    pub published: String,
    pub updated: String,
}

/// Most entries the feed carries (the newest published first).
pub const FEED_ENTRIES: usize = 50;

/// The feed's entries, newest publication first, and the feed's `updated`.
pub fn feed(entries: &[PublicEntry], base_url: &str) -> (Vec<FeedEntry>, String) {
    let mut sorted: Vec<&PublicEntry> = entries.iter().collect();
    sorted.sort_by(|a, b| b.published_at.cmp(&a.published_at).then(b.id.cmp(&a.id)));
    let updated = entries
        .iter()
        .map(|e| e.updated_at)
        .max()
        .map(rfc3339)
        .unwrap_or_else(|| rfc3339(chrono::DateTime::UNIX_EPOCH.naive_utc()));
    let items = sorted
        .into_iter()
        .take(FEED_ENTRIES)
        .map(|e| FeedEntry {
            url: entry_url(base_url, e.id),
            title: e.title.clone(),
            agency_name: e.agency_name.clone(),
            prize_year: e.prize_year,
            outcome: e.outcome,
            summary: e.summary.clone(),
            published: rfc3339(e.published_at),
            updated: rfc3339(e.updated_at),
        })
        .collect();
    (items, updated)
}
