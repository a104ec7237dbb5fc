//! `/sekretariat/runder`: the rounds, their dates and phase, and each round's rubric.

use crate::db::{self, screening};
use crate::domain::{FieldErrors, Phase, ValidationError};
use crate::i18n::Lang;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::rate_limit::SubmissionLimiter;
use crate::web::{AppState, lang::RequestLang};
use actix_web::http::{StatusCode, header};
use actix_web::{HttpRequest, HttpResponse, web};
use chrono::NaiveDate;
use diesel::OptionalExtension as _;

/// Everything typed on the round pages (the round's fields and a criterion's).
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct RoundInput {
    prize_year: String,
    nomination_deadline: String,
    jury_deadline: String,
    conference_date: String,
    round_phase: String,
    disagreement_threshold: String,
    criterion_name: String,
    criterion_description: String,
    criterion_weight: String,
}

pub(super) fn actor(admin: &db::users::UserRow) -> crate::domain::Actor {
    crate::domain::Actor::User(admin.id)
}

pub(super) fn see_other(location: &str) -> HttpResponse {
    HttpResponse::SeeOther()
        .insert_header((header::LOCATION, location.to_owned()))
        .finish()
}

pub(super) fn signed_in(context: &mut tera::Context, admin: &db::users::UserRow) {
    context.insert("signed_in", &serde_json::json!({ "name": admin.name }));
}

/// A date as the forms take it: `YYYY-MM-DD`.
pub fn parse_date(raw: &str) -> Result<NaiveDate, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ValidationError::Required);
    }
    NaiveDate::parse_from_str(raw, "%Y-%m-%d").map_err(|_| ValidationError::DateInvalid)
}

/// An optional date: blank is none.
pub fn parse_optional_date(raw: &str) -> Result<Option<NaiveDate>, ValidationError> {
    if raw.trim().is_empty() {
        Ok(None)
    } else {
        parse_date(raw).map(Some)
    }
}

/// A positive decimal number, written with a comma or a dot (`1,5`, `1.5`), below 1000.
pub fn parse_positive_decimal(raw: &str) -> Result<f64, ValidationError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ValidationError::Required);
    }
    let cleaned: String = raw
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c == ',' { '.' } else { c })
        .collect();
    let plain = cleaned.chars().all(|c| c.is_ascii_digit() || c == '.')
        && cleaned.matches('.').count() <= 1;
    match cleaned.parse::<f64>() {
        Ok(value) if plain && value.is_finite() && value > 0.0 && value < 1000.0 => Ok(value),
        _ => Err(ValidationError::WeightInvalid),
    }
}

/// A prize year: a four-digit year from 2000.
pub fn parse_year(raw: &str) -> Result<crate::domain::PrizeYear, ValidationError> {
    crate::domain::PrizeYear::parse(raw)
}

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

async fn list_context(
    state: &AppState,
    lang: Lang,
    admin: &db::users::UserRow,
) -> anyhow::Result<tera::Context> {
    let rounds = state
        .db
        .read(|conn| Ok(screening::all_rounds(conn)?))
        .await?;
    let mut context = tera::Context::new();
    signed_in(&mut context, admin);
    let views: Vec<RoundView> = rounds.iter().map(|r| RoundView::of(r, lang)).collect();
    context.insert("rounds", &views);
    Ok(context)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn list(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
) -> Result<HttpResponse, PageError> {
    let context = list_context(&state, lang, &admin)
        .await
        .map_err(PageError::from)?;
    LIST.render(&req, &state, &RoundInput::default(), None, None, context)
        .map_err(PageError::from)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn create(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<RoundInput>(&body)?;
    let input = &posted.input;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let mut errors = FieldErrors::default();
            let year = errors.check("prize_year", parse_year(&input.prize_year));
            let deadline = errors.check(
                "nomination_deadline",
                parse_date(&input.nomination_deadline),
            );
            let jury_deadline =
                errors.check("jury_deadline", parse_optional_date(&input.jury_deadline));
            let conference = errors.check(
                "conference_date",
                parse_optional_date(&input.conference_date),
            );
            match (year, deadline, jury_deadline, conference) {
                (Some(year), Some(deadline), Some(jury_deadline), Some(conference))
                    if errors.is_empty() =>
                {
                    let dates = screening::RoundDates {
                        nomination_deadline: deadline,
                        jury_deadline,
                        conference_date: conference,
                    };
                    let actor = actor(&admin);
                    let created = state
                        .db
                        .write(move |conn| Ok(screening::create_round(conn, year, &dates, actor)?))
                        .await
                        .map_err(PageError::from)?;
                    match created {
                        Some(round) => {
                            return Ok(see_other(&format!("/sekretariat/runder/{}", round.id)));
                        }
                        None => {
                            errors.add("prize_year", ValidationError::RoundYearTaken);
                            Rejection::Invalid(errors)
                        }
                    }
                }
                _ => Rejection::Invalid(errors),
            }
        }
    };
    let context = list_context(&state, lang, &admin)
        .await
        .map_err(PageError::from)?;
    Ok(LIST
        .render(&req, &state, input, Some(&rejection), None, context)
        .map_err(PageError::from)?)
}

const ROUND_FIELDS: &[&str] = &[
    "nomination_deadline",
    "jury_deadline",
    "conference_date",
    "round_phase",
    "disagreement_threshold",
    "criterion_name",
    "criterion_description",
    "criterion_weight",
];

#[derive(serde::Serialize)]
struct CriterionView {
    id: i32,
    name: String,
    description: String,
    weight: String,
}

#[derive(serde::Deserialize)]
pub struct NoticeQuery {
    pub lagret: Option<String>,
}

/// The round page's context: the round, its rubric and whether the rubric is locked.
/// Gives a round made before the rubric existed the default one.
async fn round_context(
    state: &AppState,
    lang: Lang,
    admin: &db::users::UserRow,
    round_id: i32,
) -> Result<(tera::Context, db::rounds::Round), PageError> {
    let found = state
        .db
        .write(move |conn| {
            let Some(round) = db::rounds::find(conn, round_id).optional()? else {
                return Ok(None);
            };
            db::jury::ensure_default_rubric(conn, round_id)?;
            let criteria = db::jury::criteria_for(conn, round_id)?;
            let locked = db::jury::rubric_locked(conn, round_id)?;
            let nominations = screening::round_nominations(conn, round_id)?.len();
            Ok(Some((round, criteria, locked, nominations)))
        })
        .await
        .map_err(PageError::from)?;
    let Some((round, criteria, locked, nominations)) = found else {
        return Err(PageError::NotFound);
    };
    let mut context = tera::Context::new();
    signed_in(&mut context, admin);
    context.insert("round", &RoundView::of(&round, lang));
    let views: Vec<CriterionView> = criteria
        .iter()
        .map(|c| CriterionView {
            id: c.id,
            name: c.name.clone(),
            description: c.description.clone(),
            weight: show_decimal(c.weight, lang),
        })
        .collect();
    context.insert("criteria", &views);
    context.insert("locked", &locked);
    context.insert("nomination_count", &nominations);
    let phases: Vec<&str> = Phase::ALL.iter().map(|p| p.code()).collect();
    context.insert("phases", &phases);
    context.insert("anchors", &[0, 1, 2, 3, 4, 5]);
    Ok((context, round))
}

fn round_input(round: &RoundView) -> RoundInput {
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

fn round_page(path: &str) -> FormPage<'_> {
    FormPage {
        template: "secretariat/round.html",
        path,
        field_order: ROUND_FIELDS,
    }
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn show(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    query: web::Query<NoticeQuery>,
) -> Result<HttpResponse, PageError> {
    let round_id = path.into_inner();
    let (mut context, round) = round_context(&state, lang, &admin, round_id).await?;
    if query.lagret.is_some() {
        context.insert("notice", &lang.text("secretariat-saved"));
    }
    let input = round_input(&RoundView::of(&round, lang));
    let page_path = req.path().to_owned();
    round_page(&page_path)
        .render(&req, &state, &input, None, None, context)
        .map_err(PageError::from)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn update(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let round_id = path.into_inner();
    let posted = forms::decode::<RoundInput>(&body)?;
    let (context, round) = round_context(&state, lang, &admin, round_id).await?;
    let input = &posted.input;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let mut errors = FieldErrors::default();
            let deadline = errors.check(
                "nomination_deadline",
                parse_date(&input.nomination_deadline),
            );
            let jury_deadline =
                errors.check("jury_deadline", parse_optional_date(&input.jury_deadline));
            let conference = errors.check(
                "conference_date",
                parse_optional_date(&input.conference_date),
            );
            let phase = errors.check("round_phase", Phase::parse(&input.round_phase));
            let threshold = errors.check(
                "disagreement_threshold",
                parse_positive_decimal(&input.disagreement_threshold)
                    .map_err(|e| match e {
                        ValidationError::WeightInvalid => ValidationError::NumberInvalid,
                        other => other,
                    })
                    .and_then(|v| {
                        if v <= 5.0 {
                            Ok(v)
                        } else {
                            Err(ValidationError::NumberInvalid)
                        }
                    }),
            );
            match (deadline, jury_deadline, conference, phase, threshold) {
                (Some(deadline), Some(jury_deadline), Some(conference), Some(phase), Some(t))
                    if errors.is_empty() =>
                {
                    let changes = screening::RoundChanges {
                        dates: screening::RoundDates {
                            nomination_deadline: deadline,
                            jury_deadline,
                            conference_date: conference,
                        },
                        phase,
                        disagreement_threshold: t,
                    };
                    let actor = actor(&admin);
                    state
                        .db
                        .write(move |conn| {
                            Ok(screening::update_round(conn, round.id, &changes, actor)?)
                        })
                        .await
                        .map_err(PageError::from)?;
                    return Ok(see_other(&format!(
                        "/sekretariat/runder/{round_id}?lagret=1"
                    )));
                }
                _ => Rejection::Invalid(errors),
            }
        }
    };
    let page_path = req.path().to_owned();
    let shown = RoundInput {
        criterion_weight: "1".into(),
        criterion_name: String::new(),
        criterion_description: String::new(),
        ..posted.input
    };
    Ok(round_page(&page_path)
        .render(&req, &state, &shown, Some(&rejection), None, context)
        .map_err(PageError::from)?)
}

/// Reads a criterion's fields; the errors name the criterion fields.
fn parse_criterion(
    input: &RoundInput,
    errors: &mut FieldErrors,
) -> Option<screening::CriterionContent> {
    let name = input.criterion_name.trim();
    let description = input.criterion_description.trim();
    if name.is_empty() {
        errors.add("criterion_name", ValidationError::Required);
    } else if name.chars().count() > 200 {
        errors.add("criterion_name", ValidationError::TooLong);
    }
    if description.chars().count() > 2000 {
        errors.add("criterion_description", ValidationError::TooLong);
    }
    let weight = errors.check(
        "criterion_weight",
        parse_positive_decimal(&input.criterion_weight),
    );
    match weight {
        Some(weight) if errors.is_empty() => Some(screening::CriterionContent {
            name: name.to_owned(),
            description: description.to_owned(),
            weight,
        }),
        _ => None,
    }
}

/// Applies a rubric change; `Err` with the refusal's page status when it was not made.
async fn apply_rubric_change(
    state: &AppState,
    _lang: Lang,
    admin: &db::users::UserRow,
    round_id: i32,
    change: screening::RubricChange,
) -> Result<Result<(), screening::RubricRefusal>, PageError> {
    let actor = actor(admin);
    state
        .db
        .write(move |conn| Ok(screening::change_rubric(conn, round_id, &change, actor)?))
        .await
        .map_err(PageError::from)
}

/// The round page again, saying the rubric is locked (409).
fn locked_page(
    req: &HttpRequest,
    state: &AppState,
    lang: Lang,
    mut context: tera::Context,
    round: &db::rounds::Round,
    input: &RoundInput,
) -> Result<HttpResponse, PageError> {
    context.insert("locked", &true);
    context.insert("rubric_refused", &true);
    let page_path = format!("/sekretariat/runder/{}", round.id);
    let shown = RoundInput {
        criterion_name: input.criterion_name.clone(),
        criterion_description: input.criterion_description.clone(),
        criterion_weight: input.criterion_weight.clone(),
        ..round_input(&RoundView::of(round, lang))
    };
    let mut response = round_page(&page_path)
        .render(req, state, &shown, None, None, context)
        .map_err(PageError::from)?;
    *response.status_mut() = StatusCode::CONFLICT;
    Ok(response)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn add_criterion(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<i32>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let round_id = path.into_inner();
    let posted = forms::decode::<RoundInput>(&body)?;
    let (context, round) = round_context(&state, lang, &admin, round_id).await?;
    let input = &posted.input;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => rejection,
        Ok(()) => {
            let mut errors = FieldErrors::default();
            match parse_criterion(input, &mut errors) {
                Some(content) => {
                    let change = screening::RubricChange::Add(content);
                    return match apply_rubric_change(&state, lang, &admin, round_id, change).await?
                    {
                        Ok(()) => Ok(see_other(&format!(
                            "/sekretariat/runder/{round_id}?lagret=1#rubric"
                        ))),
                        Err(_) => Ok(locked_page(&req, &state, lang, context, &round, input)?),
                    };
                }
                None => Rejection::Invalid(errors),
            }
        }
    };
    let page_path = format!("/sekretariat/runder/{round_id}");
    let shown = RoundInput {
        criterion_name: input.criterion_name.clone(),
        criterion_description: input.criterion_description.clone(),
        criterion_weight: input.criterion_weight.clone(),
        ..round_input(&RoundView::of(&round, lang))
    };
    Ok(round_page(&page_path)
        .render(&req, &state, &shown, Some(&rejection), None, context)
        .map_err(PageError::from)?)
}

const CRITERION_FIELDS: &[&str] = &[
    "criterion_name",
    "criterion_description",
    "criterion_weight",
];

async fn find_criterion(
    state: &AppState,
    _lang: Lang,
    round_id: i32,
    criterion_id: i32,
) -> Result<(db::jury::CriterionRow, bool), PageError> {
    state
        .db
        .read(move |conn| {
            let found = screening::find_criterion(conn, round_id, criterion_id)?;
            let locked = db::jury::rubric_locked(conn, round_id)?;
            Ok(found.map(|c| (c, locked)))
        })
        .await
        .map_err(PageError::from)?
        .ok_or_else(|| PageError::NotFound)
}

fn criterion_context(
    admin: &db::users::UserRow,
    round_id: i32,
    criterion: &db::jury::CriterionRow,
    locked: bool,
) -> tera::Context {
    let mut context = tera::Context::new();
    signed_in(&mut context, admin);
    context.insert("round_id", &round_id);
    context.insert("criterion_id", &criterion.id);
    context.insert("locked", &locked);
    context
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn criterion_form(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
) -> Result<HttpResponse, PageError> {
    let (round_id, criterion_id) = path.into_inner();
    let (criterion, locked) = find_criterion(&state, lang, round_id, criterion_id).await?;
    let input = RoundInput {
        criterion_name: criterion.name.clone(),
        criterion_description: criterion.description.clone(),
        criterion_weight: show_decimal(criterion.weight, lang),
        ..RoundInput::default()
    };
    let page_path = req.path().to_owned();
    FormPage {
        template: "secretariat/criterion.html",
        path: &page_path,
        field_order: CRITERION_FIELDS,
    }
    .render(
        &req,
        &state,
        &input,
        None,
        None,
        criterion_context(&admin, round_id, &criterion, locked),
    )
    .map_err(PageError::from)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn edit_criterion(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let (round_id, criterion_id) = path.into_inner();
    let posted = forms::decode::<RoundInput>(&body)?;
    let (criterion, locked) = find_criterion(&state, lang, round_id, criterion_id).await?;
    let mut context = criterion_context(&admin, round_id, &criterion, locked);
    let mut status = None;
    let rejection = match posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        Err(rejection) => Some(rejection),
        Ok(()) => {
            let mut errors = FieldErrors::default();
            match parse_criterion(&posted.input, &mut errors) {
                Some(content) => {
                    let change = screening::RubricChange::Update(criterion_id, content);
                    match apply_rubric_change(&state, lang, &admin, round_id, change).await? {
                        Ok(()) => {
                            return Ok(see_other(&format!(
                                "/sekretariat/runder/{round_id}?lagret=1#rubric"
                            )));
                        }
                        Err(_) => {
                            context.insert("locked", &true);
                            context.insert("rubric_refused", &true);
                            status = Some(StatusCode::CONFLICT);
                            None
                        }
                    }
                }
                None => Some(Rejection::Invalid(errors)),
            }
        }
    };
    let page_path = req.path().to_owned();
    let mut response = FormPage {
        template: "secretariat/criterion.html",
        path: &page_path,
        field_order: CRITERION_FIELDS,
    }
    .render(
        &req,
        &state,
        &posted.input,
        rejection.as_ref(),
        None,
        context,
    )
    .map_err(PageError::from)?;
    if let Some(status) = status {
        *response.status_mut() = status;
    }
    Ok(response)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct ButtonInput {}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn remove_criterion(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let (round_id, criterion_id) = path.into_inner();
    let posted = forms::decode::<ButtonInput>(&body)?;
    let (context, round) = round_context(&state, lang, &admin, round_id).await?;
    let page_path = format!("/sekretariat/runder/{round_id}");
    let input = round_input(&RoundView::of(&round, lang));
    if let Err(rejection) = posted.check_security(&req, &SubmissionLimiter::unlimited()) {
        return Ok(round_page(&page_path)
            .render(&req, &state, &input, Some(&rejection), None, context)
            .map_err(PageError::from)?);
    }
    let change = screening::RubricChange::Remove(criterion_id);
    match apply_rubric_change(&state, lang, &admin, round_id, change).await? {
        Ok(()) => Ok(see_other(&format!(
            "/sekretariat/runder/{round_id}?lagret=1#rubric"
        ))),
        Err(screening::RubricRefusal::NotFound) => Err(PageError::NotFound.into()),
        Err(screening::RubricRefusal::Locked) => {
            Ok(locked_page(&req, &state, lang, context, &round, &input)?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_take_a_comma_or_a_dot() {
        assert_eq!(parse_positive_decimal("1,5"), Ok(1.5));
        assert_eq!(parse_positive_decimal(" 2.25 "), Ok(2.25));
        assert_eq!(parse_positive_decimal("3"), Ok(3.0));
        assert_eq!(parse_positive_decimal(""), Err(ValidationError::Required));
        for bad in ["0", "-1", "abc", "1,2,3", "NaN", "inf", "1e3", "1000"] {
            assert_eq!(
                parse_positive_decimal(bad),
                Err(ValidationError::WeightInvalid),
                "{bad}"
            );
        }
    }

    #[test]
    fn dates_are_iso() {
        assert_eq!(
            parse_date("2027-10-01"),
            Ok(NaiveDate::from_ymd_opt(2027, 10, 1).unwrap())
        );
        assert_eq!(parse_date("01.10.2027"), Err(ValidationError::DateInvalid));
        assert_eq!(parse_date("2027-02-30"), Err(ValidationError::DateInvalid));
        assert_eq!(parse_optional_date("  "), Ok(None));
        assert_eq!(parse_year("27"), Err(ValidationError::NumberInvalid));
    }

    #[test]
    fn decimals_are_shown_with_the_languages_separator() {
        assert_eq!(show_decimal(1.5, Lang::Nb), "1,5");
        assert_eq!(show_decimal(1.5, Lang::En), "1.5");
        assert_eq!(show_decimal(1.0, Lang::Nn), "1");
    }
}
