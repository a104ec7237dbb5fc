//! The round at a glance on `/sekretariat` (the page itself, with the user management
//! below it, is `overview.rs`): moving a round on to its next phase
//! (`POST /sekretariat/runder/{round}/fase/{from}`) and reminding the jurors with
//! nominations left (`POST /sekretariat/runder/{round}/paaminnelse`).

use crate::domain::{Phase, reminder::days_left};
use crate::i18n::Lang;
use crate::services::dashboard::{Dashboard, RoundGlance};
use crate::services::jury_desk::Cell;
use crate::services::reminders::NotSent;
use crate::services::rounds::{self, Advanced};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::{PageError, PageResult};
use crate::web::flash::Flash;
use crate::web::forms::{PostedTo, Redirect};

const PATH: &str = "/sekretariat";

#[derive(serde::Serialize)]
struct Deadline {
    /// `nomination`, `jury` or `conference`.
    kind: &'static str,
    date: chrono::NaiveDate,
    days_left: i64,
    days_ago: i64,
}

#[derive(serde::Serialize)]
struct MatrixRow {
    juror: String,
    submitted: usize,
    of: usize,
    cells: Vec<Cell>,
}

#[derive(serde::Serialize)]
struct RoundView {
    id: i32,
    prize_year: i32,
    phase: &'static str,
    next_phase: Option<&'static str>,
    deadlines: Vec<Deadline>,
    nominations: crate::services::dashboard::NominationCounts,
    /// Column headings of the matrix: the eligible nominations' references, with titles.
    columns: Vec<serde_json::Value>,
    rows: Vec<MatrixRow>,
    has_matrix: bool,
    has_jury_deadline: bool,
    /// Jurors with nominations left (who a reminder by hand would reach).
    jurors_behind: usize,
}

fn round_view(glance: &RoundGlance, today: chrono::NaiveDate) -> RoundView {
    let round = &glance.round;
    let deadlines = [
        ("nomination", Some(round.nomination_deadline)),
        ("jury", round.jury_deadline),
        ("conference", round.conference_date),
    ]
    .into_iter()
    .filter_map(|(kind, date)| {
        date.map(|date| Deadline {
            kind,
            date,
            days_left: days_left(date, today),
            days_ago: -days_left(date, today),
        })
    })
    .collect();
    let (columns, rows) = match &glance.matrix {
        Some(matrix) => (
            matrix
                .nominations
                .iter()
                .map(
                    |n| serde_json::json!({"id": n.id, "reference": n.reference, "title": n.title}),
                )
                .collect(),
            matrix
                .jurors
                .iter()
                .map(|row| MatrixRow {
                    juror: row.juror.name.clone(),
                    submitted: row.submitted(),
                    of: row.of(),
                    cells: row.cells.clone(),
                })
                .collect::<Vec<_>>(),
        ),
        None => (Vec::new(), Vec::new()),
    };
    RoundView {
        id: round.id,
        prize_year: round.prize_year,
        phase: round.phase.code(),
        next_phase: round.phase.next().map(Phase::code),
        deadlines,
        nominations: glance.nominations,
        has_matrix: glance.matrix.is_some(),
        has_jury_deadline: round.jury_deadline.is_some(),
        jurors_behind: rows
            .iter()
            .filter(|r| r.cells.iter().any(|c| c.is_left()))
            .count(),
        columns,
        rows,
    }
}

/// The dashboard's part of the `/sekretariat` page.
pub(super) fn insert(
    context: &mut tera::Context,
    state: &AppState,
    dashboard: &Dashboard,
    lang: Lang,
) {
    let and = lang.text("desk-and");
    let days: Vec<String> = state
        .settings
        .jury
        .reminder_days
        .iter()
        .map(u32::to_string)
        .collect();
    let reminder_days = match days.split_last() {
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} {and} {last}", rest.join(", ")),
        None => String::new(),
    };
    context.insert("reminder_days", &reminder_days);
    let today = crate::format::oslo_date(state.clock.now());
    let rounds: Vec<RoundView> = dashboard
        .rounds
        .iter()
        .map(|glance| round_view(glance, today))
        .collect();
    context.insert("rounds", &rounds);
    context.insert("tips", &dashboard.tips);
    let drafts = dashboard.drafts.to_string();
    context.insert(
        "drafts",
        &lang.text_with("drafts-count", &[("count", &drafts)]),
    );
    context.insert("mail_waiting", &dashboard.mail_waiting);
    context.insert("mail_failed", &dashboard.mail_failed);
}

/// `/sekretariat/runder/{round}/fase/{from}`: the round and the phase the button was
/// shown in.
#[derive(serde::Deserialize)]
pub struct PhaseStep {
    round: i32,
    from: String,
}

/// Moves the round on from the phase the dashboard showed; a second press (or someone
/// else's move meanwhile) changes nothing and says so.
#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path.round))]
pub async fn advance(Admin(admin): Admin, form: PostedTo<PhaseStep>) -> PageResult {
    let from = Phase::parse(&form.path.from).map_err(|_| PageError::NotFound)?;
    let actor = admin.actor();
    form.press(async || {
        match rounds::advance_phase(&form.state.db, form.path.round, from, actor).await? {
            Advanced::NoSuchRound => Err(PageError::NotFound),
            Advanced::Moved => Ok(Redirect::to(PATH).saying("desk-phase-moved")),
            Advanced::Unchanged => Ok(Redirect::to(PATH).saying("desk-phase-not-moved")),
        }
    })
    .await
}

/// Reminds every juror of the round who has nominations left, now.
#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path))]
pub async fn remind(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let round_id = form.path;
    form.press(async || {
        let state = &form.state;
        match state
            .reminders
            .send_now(round_id, state.clock.now(), admin.actor())
            .await?
        {
            Err(NotSent::NoSuchRound) => Err(PageError::NotFound),
            Err(NotSent::NotScoring) => Ok(Redirect::to(PATH).saying("desk-reminder-not-scoring")),
            Ok(outcome) => {
                let (sent, today) = (outcome.sent.to_string(), outcome.reminded_today.to_string());
                let flash = if outcome.reminded_today == 0 {
                    Flash::success_with("desk-reminder-sent", &[("count", &sent)])
                } else {
                    Flash::success_with(
                        "desk-reminder-sent-some-today",
                        &[("count", &sent), ("today", &today)],
                    )
                };
                Ok(Redirect::to(PATH).with_flash(flash))
            }
        }
    })
    .await
}
