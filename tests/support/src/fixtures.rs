//! Fixture builders: the rows a test needs and no public form makes, inserted directly.
//! Each builder starts from a valid row; a test sets only the fields it is about, so what
//! it sets is what it tests. `insert(conn)` runs inside `app.db.write(|conn| …)`, so one
//! test's rows can go in one transaction.

use crate::TestApp;
use crate::bodies::valid_nomination;
use bedre_stat::db::{self, DbConn, schema};
use chrono::{NaiveDate, NaiveDateTime};
use diesel::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// A round of the prize. Unless told otherwise: open for nominations until 1 October of
/// the year before the prize year, closing at 22:00 UTC that day, with no rubric.
pub struct RoundFixture {
    prize_year: i32,
    nomination_deadline: NaiveDate,
    closes_at: Option<NaiveDateTime>,
    phase: &'static str,
    default_rubric: bool,
}

impl RoundFixture {
    pub fn for_year(prize_year: i32) -> Self {
        Self {
            prize_year,
            nomination_deadline: NaiveDate::from_ymd_opt(prize_year - 1, 10, 1).unwrap(),
            closes_at: None,
            phase: "nominations",
            default_rubric: false,
        }
    }

    /// A round with the seven criteria every new round gets.
    pub fn with_default_rubric(prize_year: i32) -> Self {
        Self {
            default_rubric: true,
            ..Self::for_year(prize_year)
        }
    }

    pub fn nomination_deadline(mut self, deadline: NaiveDate) -> Self {
        self.nomination_deadline = deadline;
        self
    }

    pub fn closes_at(mut self, closes_at: NaiveDateTime) -> Self {
        self.closes_at = Some(closes_at);
        self
    }

    /// Closed for nominations now.
    pub fn closed(self) -> Self {
        self.closes_at(db::now())
    }

    /// `scoring`, `discussion`, …
    pub fn in_phase(mut self, phase: &'static str) -> Self {
        self.phase = phase;
        self
    }

    pub fn insert(self, conn: &mut DbConn) -> QueryResult<i32> {
        use schema::rounds;
        let closes_at = self
            .closes_at
            .unwrap_or_else(|| self.nomination_deadline.and_hms_opt(22, 0, 0).unwrap());
        let id = diesel::insert_into(rounds::table)
            .values((
                rounds::prize_year.eq(self.prize_year),
                rounds::nomination_deadline.eq(self.nomination_deadline),
                rounds::closes_at.eq(closes_at),
                rounds::created_at.eq(db::now()),
                rounds::phase.eq(self.phase),
            ))
            .returning(rounds::id)
            .get_result(conn)?;
        if self.default_rubric {
            db::jury::ensure_default_rubric(conn, id)?;
        }
        Ok(id)
    }
}

/// A complete nomination in a round, as the form would have stored it: from "Etaten"
/// (971032081), status `submitted`, a reference of its own.
pub struct NominationFixture {
    round_id: i32,
    reference: String,
    title: String,
    agency_name: String,
    org_number: String,
    status: &'static str,
}

impl NominationFixture {
    pub fn in_round(round_id: i32) -> Self {
        static NEXT: AtomicU32 = AtomicU32::new(1);
        let n = NEXT.fetch_add(1, Ordering::Relaxed);
        Self {
            round_id,
            reference: format!("BSP-FIXTURE-{n:04}"),
            title: format!("Tiltak {n}"),
            agency_name: "Etaten".into(),
            org_number: "971032081".into(),
            status: "submitted",
        }
    }

    pub fn reference(mut self, reference: impl Into<String>) -> Self {
        self.reference = reference.into();
        self
    }

    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    pub fn agency(mut self, agency_name: impl Into<String>) -> Self {
        self.agency_name = agency_name.into();
        self
    }

    pub fn org_number(mut self, org_number: impl Into<String>) -> Self {
        self.org_number = org_number.into();
        self
    }

    /// Screened by the secretariat as eligible: the jury sees it.
    pub fn eligible(mut self) -> Self {
        self.status = "eligible";
        self
    }

    pub fn insert(self, conn: &mut DbConn) -> QueryResult<i32> {
        use schema::nominations;
        let now = db::now();
        diesel::insert_into(nominations::table)
            .values((
                nominations::reference.eq(&self.reference),
                nominations::round_id.eq(self.round_id),
                nominations::agency_name.eq(&self.agency_name),
                nominations::org_number.eq(&self.org_number),
                nominations::contact_name.eq("Kari Nordmann"),
                nominations::contact_email.eq("kari@example.no"),
                nominations::title.eq(&self.title),
                nominations::categories.eq("styring"),
                nominations::summary.eq("Kort."),
                nominations::background.eq("Bakgrunn."),
                nominations::what_was_done.eq("Gjort."),
                nominations::results.eq("Resultater."),
                nominations::user_effects.eq("Effekter."),
                nominations::transfer_value.eq("Overføring."),
                nominations::leadership_backing.eq(true),
                nominations::consent_publish.eq(true),
                nominations::status.eq(self.status),
                nominations::language.eq("nb"),
                nominations::edit_token_hash.eq(format!("hash-{}", self.reference)),
                nominations::created_at.eq(now),
                nominations::updated_at.eq(now),
            ))
            .returning(nominations::id)
            .get_result(conn)
    }
}

/// A juror's tie to an organisation, as the juror would register it on the desk.
pub struct Affiliation {
    org_number: String,
    organisation: String,
    role: String,
    period_from: Option<NaiveDate>,
}

impl Affiliation {
    pub fn with(org_number: &str, organisation: &str) -> Self {
        Self {
            org_number: org_number.into(),
            organisation: organisation.into(),
            role: "Styremedlem".into(),
            period_from: None,
        }
    }

    pub fn role(mut self, role: &str) -> Self {
        self.role = role.into();
        self
    }

    pub fn since(mut self, period_from: NaiveDate) -> Self {
        self.period_from = Some(period_from);
        self
    }

    pub fn insert_for(self, conn: &mut DbConn, juror_id: i32) -> QueryResult<()> {
        use schema::affiliations;
        diesel::insert_into(affiliations::table)
            .values((
                affiliations::user_id.eq(juror_id),
                affiliations::org_number.eq(self.org_number),
                affiliations::organisation.eq(self.organisation),
                affiliations::role.eq(self.role),
                affiliations::period_from.eq(self.period_from),
                affiliations::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// A juror account, created as `bedre-stat user add` does. With a password, the juror
/// has set it through the one-time link and can log in; without, the link is unused.
pub struct JurorFixture {
    email: String,
    name: String,
    password: Option<String>,
    affiliations: Vec<Affiliation>,
}

impl JurorFixture {
    pub fn new(email: &str, name: &str) -> Self {
        Self {
            email: email.into(),
            name: name.into(),
            password: None,
            affiliations: Vec::new(),
        }
    }

    pub fn password(mut self, password: &str) -> Self {
        self.password = Some(password.into());
        self
    }

    pub fn affiliated_with(mut self, affiliation: Affiliation) -> Self {
        self.affiliations.push(affiliation);
        self
    }

    /// Creates the account and returns its id.
    pub async fn create(self, app: &TestApp) -> i32 {
        match &self.password {
            Some(password) => {
                app.create_user(&self.email, &self.name, "juror", password)
                    .await
            }
            None => {
                app.invite(&self.email, &self.name, "juror").await;
            }
        }
        let id = app.user_id(&self.email).await;
        let affiliations = self.affiliations;
        app.db
            .write(move |conn| {
                for affiliation in affiliations {
                    affiliation.insert_for(conn, id)?;
                }
                Ok(())
            })
            .await
            .unwrap();
        id
    }
}

/// A nomination given explicitly to a juror: once a round has any, a juror gets only
/// the nominations given to them.
pub struct AssignmentFixture {
    juror_id: i32,
    nomination_id: i32,
}

impl AssignmentFixture {
    /// Gives `nomination_id` to `juror_id`, in the nomination's round.
    pub fn gives(juror_id: i32, nomination_id: i32) -> Self {
        Self {
            juror_id,
            nomination_id,
        }
    }

    pub fn insert(self, conn: &mut DbConn) -> QueryResult<()> {
        use schema::{assignments, nominations};
        let round_id: i32 = nominations::table
            .find(self.nomination_id)
            .select(nominations::round_id)
            .first(conn)?;
        diesel::insert_into(assignments::table)
            .values((
                assignments::round_id.eq(round_id),
                assignments::juror_id.eq(self.juror_id),
                assignments::nomination_id.eq(self.nomination_id),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// A juror's conflict of interest on a nomination, declared and not yet decided.
pub struct ConflictFixture {
    juror_id: i32,
    nomination_id: i32,
    reason: String,
    status: &'static str,
}

impl ConflictFixture {
    pub fn declared(juror_id: i32, nomination_id: i32) -> Self {
        Self {
            juror_id,
            nomination_id,
            reason: "Tidligere ansatt".into(),
            status: "declared",
        }
    }

    pub fn reason(mut self, reason: &str) -> Self {
        self.reason = reason.into();
        self
    }

    /// The secretariat found the juror partial: the juror sees nothing of the nomination.
    pub fn upheld(mut self) -> Self {
        self.status = "upheld";
        self
    }

    pub fn insert(self, conn: &mut DbConn) -> QueryResult<()> {
        use schema::conflicts;
        diesel::insert_into(conflicts::table)
            .values((
                conflicts::nomination_id.eq(self.nomination_id),
                conflicts::juror_id.eq(self.juror_id),
                conflicts::reason.eq(self.reason),
                conflicts::status.eq(self.status),
                conflicts::created_at.eq(db::now()),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// A juror's score of a nomination on one criterion: 3, "Begrunnelse", unless told.
pub struct ScoreFixture {
    juror_id: i32,
    nomination_id: i32,
    criterion_id: i32,
    value: i32,
    justification: String,
}

impl ScoreFixture {
    /// `juror_id`'s score of `nomination_id` on `criterion_id`.
    pub fn by(juror_id: i32, nomination_id: i32, criterion_id: i32) -> Self {
        Self {
            juror_id,
            nomination_id,
            criterion_id,
            value: 3,
            justification: "Begrunnelse".into(),
        }
    }

    pub fn value(mut self, value: i32) -> Self {
        self.value = value;
        self
    }

    pub fn justification(mut self, justification: &str) -> Self {
        self.justification = justification.into();
        self
    }

    pub fn insert(self, conn: &mut DbConn) -> QueryResult<()> {
        use schema::scores;
        diesel::insert_into(scores::table)
            .values((
                scores::nomination_id.eq(self.nomination_id),
                scores::juror_id.eq(self.juror_id),
                scores::criterion_id.eq(self.criterion_id),
                scores::value.eq(self.value),
                scores::justification.eq(self.justification),
                scores::updated_at.eq(db::now()),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// A juror's holistic assessment of a nomination, submitted unless made a draft.
pub struct AssessmentFixture {
    juror_id: i32,
    nomination_id: i32,
    holistic: String,
    submitted: bool,
}

impl AssessmentFixture {
    /// `juror_id`'s assessment of `nomination_id`.
    pub fn by(juror_id: i32, nomination_id: i32) -> Self {
        Self {
            juror_id,
            nomination_id,
            holistic: "Et godt tiltak.".into(),
            submitted: true,
        }
    }

    pub fn holistic(mut self, holistic: impl Into<String>) -> Self {
        self.holistic = holistic.into();
        self
    }

    /// Saved, not submitted: not counted.
    pub fn draft(mut self) -> Self {
        self.submitted = false;
        self
    }

    pub fn insert(self, conn: &mut DbConn) -> QueryResult<()> {
        use schema::assessments;
        let now = db::now();
        diesel::insert_into(assessments::table)
            .values((
                assessments::nomination_id.eq(self.nomination_id),
                assessments::juror_id.eq(self.juror_id),
                assessments::holistic.eq(self.holistic),
                assessments::submitted_at.eq(self.submitted.then_some(now)),
                assessments::updated_at.eq(now),
            ))
            .execute(conn)?;
        Ok(())
    }
}

/// The body of a second valid nomination, from another organisation than
/// `valid_nomination()`'s: Brønnøysundregistrene, 974760673.
pub fn second_nomination() -> serde_json::Value {
    let mut second = valid_nomination();
    second["org_number"] = "974760673".into();
    second["agency_name"] = "Brønnøysundregistrene".into();
    second["title"] = "Sammenhengende tjenester for frivilligheten".into();
    second
}

/// The open round after two nominations came in through the API and the secretariat
/// screened both eligible and moved the round to scoring, with the default rubric.
pub struct ScoringRound {
    pub round_id: i32,
    pub prize_year: i32,
    /// Statens vegvesen's (971032081), then Brønnøysundregistrene's (974760673).
    pub nominations: [i32; 2],
}

impl ScoringRound {
    pub async fn with_two_nominations(app: &TestApp) -> Self {
        for body in [valid_nomination(), second_nomination()] {
            let response = app.post_json("/api/v1/nominations", &body).await;
            assert_eq!(response.status(), 201);
        }
        app.db
            .write(|conn| {
                use schema::{nominations, rounds};
                let (round_id, prize_year): (i32, i32) = rounds::table
                    .select((rounds::id, rounds::prize_year))
                    .first(conn)?;
                let ids: Vec<i32> = nominations::table
                    .filter(nominations::round_id.eq(round_id))
                    .order(nominations::id)
                    .select(nominations::id)
                    .load(conn)?;
                diesel::update(nominations::table.filter(nominations::round_id.eq(round_id)))
                    .set(nominations::status.eq("eligible"))
                    .execute(conn)?;
                diesel::update(rounds::table.find(round_id))
                    .set(rounds::phase.eq("scoring"))
                    .execute(conn)?;
                db::jury::ensure_default_rubric(conn, round_id)?;
                Ok(Self {
                    round_id,
                    prize_year,
                    nominations: [ids[0], ids[1]],
                })
            })
            .await
            .unwrap()
    }
}
