//! `/sekretariat/runder` and `/sekretariat/runder/{round}`: the rounds, a new round, and a
//! round's dates, phase and threshold. The round page also shows the rubric, whose forms
//! are in `rubric.rs`.

use crate::db;
use crate::domain::criterion_text;
use crate::domain::{FieldErrors, NewRound, Phase, RoundInput, ValidationError};
use crate::i18n::Lang;
use crate::services::rounds::{self, RoundDesk};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::forms::{
    FormPage, Outcome, PageRequest, PostedForm, PostedTo, Redirect, Rejection,
};
use crate::web::lang::RequestLang;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};
use chrono::NaiveDate;

/// A number as the pages show it: a decimal comma in Norwegian.
pub fn show_decimal(value: f64, lang: Lang) -> String {
    let text = format!("{value}");
    if lang == Lang::En {
        text
    } else {
        text.replace('.', ",")
    }
}

fn show_date(date: Option<NaiveDate>) -> String {
    date.map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default()
}

#[derive(serde::Serialize)]
pub(super) struct RoundView {
    pub id: i32,
    pub prize_year: i32,
    pub nomination_deadline: String,
    pub jury_deadline: String,
    pub conference_date: String,
    pub phase: String,
    pub disagreement_threshold: String,
}

impl RoundView {
    pub fn of(round: &db::rounds::Round, lang: Lang) -> Self {
        Self {
            id: round.id,
            prize_year: round.prize_year,
            nomination_deadline: show_date(Some(round.nomination_deadline)),
            jury_deadline: show_date(round.jury_deadline),
            conference_date: show_date(round.conference_date),
            phase: round.phase.code().to_owned(),
            disagreement_threshold: show_decimal(round.disagreement_threshold, lang),
        }
    }
}

const LIST: FormPage<'static> = FormPage {
    template: "secretariat/rounds.html",
    path: "/sekretariat/runder",
    field_order: &[
        "prize_year",
        "nomination_deadline",
        "jury_deadline",
        "conference_date",
    ],
};

/// The list of rounds with the form for a new one.
async fn list_page(
    req: &HttpRequest,
    state: &AppState,
    values: &RoundInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let rounds = rounds::all(&state.db).await?;
    let views: Vec<RoundView> = rounds.iter().map(|r| RoundView::of(r, lang)).collect();
    let mut context = tera::Context::new();
    context.insert("rounds", &views);
    Ok(LIST.render(req, state, values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn list(view: PageRequest, Admin(admin): Admin) -> PageResult {
    list_page(&view.req, &view.state, &RoundInput::default(), None).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn create(Admin(admin): Admin, form: PostedForm) -> PageResult {
    form.act(
        async |input: &RoundInput| {
            let round = match NewRound::parse(input) {
                Ok(round) => round,
                Err(errors) => return Ok(Outcome::Invalid(errors)),
            };
            match rounds::create(&form.state.db, round, admin.actor()).await? {
                Some(round) => Ok(Redirect::to(format!("/sekretariat/runder/{}", round.id)).into()),
                None => {
                    let mut errors = FieldErrors::default();
                    errors.add("prize_year", ValidationError::RoundYearTaken);
                    Ok(Outcome::Invalid(errors))
                }
            }
        },
        async |input, rejection| list_page(&form.req, &form.state, input, Some(&rejection)).await,
    )
    .await
}

const ROUND_FIELDS: &[&str] = &[
    "nomination_deadline",
    "jury_deadline",
    "conference_date",
    "round_phase",
    "phase_back_reason",
    "disagreement_threshold",
    "criterion_name",
    "criterion_description",
    "criterion_weight",
];

pub(super) fn round_path(round_id: i32) -> String {
    format!("/sekretariat/runder/{round_id}")
}

#[derive(serde::Serialize)]
struct CriterionView {
    id: i32,
    name: String,
    description: String,
    weight: String,
}

/// The round's settings as its form shows them, with an empty criterion form.
fn stored_input(round: &RoundView) -> RoundInput {
    RoundInput {
        nomination_deadline: round.nomination_deadline.clone(),
        jury_deadline: round.jury_deadline.clone(),
        conference_date: round.conference_date.clone(),
        round_phase: round.phase.clone(),
        disagreement_threshold: round.disagreement_threshold.clone(),
        criterion_weight: "1".into(),
        ..RoundInput::default()
    }
}

fn round_context(desk: &RoundDesk, round: &RoundView, lang: Lang) -> tera::Context {
    let criteria: Vec<CriterionView> = desk
        .criteria
        .iter()
        .map(|c| CriterionView {
            id: c.id,
            name: criterion_text::name(lang, &c.code, &c.name),
            description: criterion_text::description(lang, &c.code, &c.description),
            weight: show_decimal(c.weight, lang),
        })
        .collect();
    let phases: Vec<&str> = Phase::ALL.iter().map(|p| p.code()).collect();
    let mut context = tera::Context::new();
    context.insert("round", round);
    context.insert("criteria", &criteria);
    context.insert("locked", &desk.locked);
    context.insert("nomination_count", &desk.nomination_count);
    context.insert("phases", &phases);
    context.insert("anchors", &[0, 1, 2, 3, 4, 5]);
    context
}

/// Renders a page of the round's forms. A refusal is the rubric's lock: the page again
/// with what was typed, saying the rubric can no longer change (409); other rejections
/// are shown on the forms.
pub(super) fn render_round_form(
    req: &HttpRequest,
    state: &AppState,
    page: &FormPage<'_>,
    values: &RoundInput,
    rejection: Option<&Rejection>,
    mut context: tera::Context,
) -> PageResult {
    if let Some(Rejection::Refused(_)) = rejection {
        context.insert("locked", &true);
        context.insert("rubric_refused", &true);
        let mut response = page.render(req, state, values, None, None, context)?;
        *response.status_mut() = StatusCode::CONFLICT;
        return Ok(response);
    }
    Ok(page.render(req, state, values, rejection, None, context)?)
}

/// The round page, its forms filled by `shown` from the stored values.
pub(super) async fn round_page(
    req: &HttpRequest,
    state: &AppState,
    round_id: i32,
    shown: impl FnOnce(RoundInput) -> RoundInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let desk = rounds::desk(&state.db, round_id).await?;
    let round = RoundView::of(&desk.round, lang);
    let values = shown(stored_input(&round));
    let context = round_context(&desk, &round, lang);
    let path = round_path(round_id);
    let page = FormPage {
        template: "secretariat/round.html",
        path: &path,
        field_order: ROUND_FIELDS,
    };
    render_round_form(req, state, &page, &values, rejection, context)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *path))]
pub async fn show(view: PageRequest, Admin(admin): Admin, path: web::Path<i32>) -> PageResult {
    round_page(
        &view.req,
        &view.state,
        path.into_inner(),
        |stored| stored,
        None,
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = form.path))]
pub async fn update(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let round_id = form.path;
    form.act(
        async |input: &RoundInput| {
            let updated = rounds::update(
                &form.state.db,
                round_id,
                input.clone(),
                admin.actor(),
                admin.id,
            )
            .await?;
            match updated {
                Ok(()) => Ok(Redirect::to(round_path(round_id))
                    .saying("secretariat-saved")
                    .into()),
                Err(errors) => Ok(Outcome::Invalid(errors)),
            }
        },
        async |input, rejection| {
            // The settings as typed; the criterion form stays empty.
            let typed = |stored: RoundInput| RoundInput {
                criterion_name: stored.criterion_name,
                criterion_description: stored.criterion_description,
                criterion_weight: stored.criterion_weight,
                ..input.clone()
            };
            round_page(&form.req, &form.state, round_id, typed, Some(&rejection)).await
        },
    )
    .await
}
