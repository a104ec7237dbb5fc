//! The library of good examples: its entries (reviewed copies, in `library_entries`), each
//! read with what the public rule needs from the live nomination behind it (the nominee's
//! consent and contact). Whether an entry is public is decided by
//! `domain::library::is_public`, in the service, never in these queries.

use super::DbConn;
use super::decisions::DecisionKind;
use super::schema::{library_entries, nominations, rounds};
use crate::domain::library::{LibraryOutcome, LibraryText};
use chrono::NaiveDateTime;
use diesel::prelude::*;

/// An entry as stored.
#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = library_entries)]
pub struct LibraryRow {
    pub id: i32,
    pub nomination_id: Option<i32>,
    pub prize_year: i32,
    pub outcome: String,
    #[diesel(embed)]
    pub text: LibraryText,
    pub published: bool,
    pub first_published_at: Option<NaiveDateTime>,
    pub created_at: NaiveDateTime,
    pub updated_at: NaiveDateTime,
}

impl std::ops::Deref for LibraryRow {
    type Target = LibraryText;

    /// The text's fields read as the row's own (`row.title`): the row is its text with a
    /// year, an outcome and a publication state around it.
    fn deref(&self) -> &LibraryText {
        &self.text
    }
}

impl LibraryRow {
    pub fn outcome(&self) -> LibraryOutcome {
        LibraryOutcome::parse(&self.outcome).unwrap_or(LibraryOutcome::Finalist)
    }
}

/// An entry with what the nomination behind it (if any) says now.
#[derive(Debug, Clone)]
pub struct EntryWithNomination {
    pub entry: LibraryRow,
    /// The nominee's consent to publish; `None`: added by hand, no nomination behind it.
    pub consent: Option<bool>,
    pub contact_name: Option<String>,
    pub contact_email: Option<String>,
    /// The nomination's reference (for the secretariat's pages).
    pub reference: Option<String>,
}

type Joined = (
    LibraryRow,
    Option<bool>,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn joined(row: Joined) -> EntryWithNomination {
    let (entry, consent, contact_name, contact_email, reference) = row;
    EntryWithNomination {
        entry,
        consent,
        contact_name,
        contact_email,
        reference,
    }
}

macro_rules! with_nomination {
    () => {
        library_entries::table
            .left_join(
                nominations::table.on(nominations::id
                    .nullable()
                    .eq(library_entries::nomination_id)),
            )
            .select((
                LibraryRow::as_select(),
                nominations::consent_publish.nullable(),
                nominations::contact_name.nullable(),
                nominations::contact_email.nullable(),
                nominations::reference.nullable(),
            ))
    };
}

/// Every entry, published or not: the newest year first, the winner before the finalists,
/// then by title.
pub fn all(conn: &mut DbConn) -> QueryResult<Vec<EntryWithNomination>> {
    Ok(with_nomination!()
        .order((
            library_entries::prize_year.desc(),
            library_entries::outcome.desc(),
            library_entries::title,
            library_entries::id,
        ))
        .load::<Joined>(conn)?
        .into_iter()
        .map(joined)
        .collect())
}

/// One entry; diesel's `NotFound` when there is none.
pub fn find(conn: &mut DbConn, id: i32) -> QueryResult<EntryWithNomination> {
    with_nomination!()
        .filter(library_entries::id.eq(id))
        .first::<Joined>(conn)
        .map(joined)
}

/// The entry made from a nomination, if one was.
pub fn of_nomination(
    conn: &mut DbConn,
    nomination_id: i32,
) -> QueryResult<Option<EntryWithNomination>> {
    with_nomination!()
        .filter(library_entries::nomination_id.eq(nomination_id))
        .first::<Joined>(conn)
        .map(joined)
        .optional()
}

/// An entry to store (unpublished).
pub struct NewEntry<'a> {
    pub nomination_id: Option<i32>,
    pub prize_year: i32,
    pub outcome: LibraryOutcome,
    pub text: &'a LibraryText,
    pub now: NaiveDateTime,
}

pub fn insert(conn: &mut DbConn, new: &NewEntry<'_>) -> QueryResult<i32> {
    diesel::insert_into(library_entries::table)
        .values((
            library_entries::nomination_id.eq(new.nomination_id),
            library_entries::prize_year.eq(new.prize_year),
            library_entries::outcome.eq(new.outcome.code()),
            new.text,
            library_entries::published.eq(false),
            library_entries::created_at.eq(new.now),
            library_entries::updated_at.eq(new.now),
        ))
        .returning(library_entries::id)
        .get_result(conn)
}

/// Stores the edited text (and, for an entry added by hand, its year and outcome).
pub fn update(
    conn: &mut DbConn,
    id: i32,
    text: &LibraryText,
    year_and_outcome: Option<(i32, LibraryOutcome)>,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let target = library_entries::table.find(id);
    let changed = diesel::update(target)
        .set((text, library_entries::updated_at.eq(now)))
        .execute(conn)?;
    if let Some((year, outcome)) = year_and_outcome {
        set_year_and_outcome(conn, id, year, outcome)?;
    }
    Ok(changed)
}

pub fn set_year_and_outcome(
    conn: &mut DbConn,
    id: i32,
    year: i32,
    outcome: LibraryOutcome,
) -> QueryResult<usize> {
    diesel::update(library_entries::table.find(id))
        .set((
            library_entries::prize_year.eq(year),
            library_entries::outcome.eq(outcome.code()),
        ))
        .execute(conn)
}

/// Publishes or unpublishes; the first publication's time is kept (the feed's
/// `published`). `false` when the entry was already so.
pub fn set_published(
    conn: &mut DbConn,
    id: i32,
    published: bool,
    now: NaiveDateTime,
) -> QueryResult<bool> {
    let changed = diesel::update(
        library_entries::table
            .find(id)
            .filter(library_entries::published.ne(published)),
    )
    .set((
        library_entries::published.eq(published),
        library_entries::updated_at.eq(now),
    ))
    .execute(conn)?;
    if published && changed > 0 {
        diesel::update(
            library_entries::table
                .find(id)
                .filter(library_entries::first_published_at.is_null()),
        )
        .set(library_entries::first_published_at.eq(now))
        .execute(conn)?;
    }
    Ok(changed > 0)
}

/// The nominations named by a finalists or winner decision in force, with what each
/// decision made them: (nomination id, in the winner decision, in the finalists decision).
pub fn decided_nominations(conn: &mut DbConn) -> QueryResult<Vec<(i32, bool, bool)>> {
    let round_ids: Vec<i32> = rounds::table
        .order(rounds::prize_year.desc())
        .select(rounds::id)
        .load(conn)?;
    let mut out: Vec<(i32, bool, bool)> = Vec::new();
    for round_id in round_ids {
        for decision in super::decisions::latest(conn, round_id)? {
            let (winner, finalists) = match decision.kind {
                DecisionKind::Winner => (true, false),
                DecisionKind::Finalists => (false, true),
                DecisionKind::Shortlist => continue,
            };
            for nomination in decision.nominations {
                match out.iter_mut().find(|(id, _, _)| *id == nomination.id) {
                    Some(seen) => {
                        seen.1 |= winner;
                        seen.2 |= finalists;
                    }
                    None => out.push((nomination.id, winner, finalists)),
                }
            }
        }
    }
    Ok(out)
}
