//! `/sekretariat/runder/{round}/nominasjoner` and `/sekretariat/nominasjoner/{id}`: a
//! round's nominations, and one nomination with the secretariat's forms (screening,
//! carrying, assignments, reopening — their actions are in `screening.rs`).

use super::rounds::RoundView;
use crate::db::nominations::NominationRow;
use crate::domain::{SCREENING_FIELDS, ScreeningInput};
use crate::services::screening::{self, NominationDesk};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::forms::{FormPage, PageRequest, Rejection};
use crate::web::lang::RequestLang;
use actix_web::{HttpRequest, web};

#[derive(serde::Serialize)]
struct NominationSummary {
    id: i32,
    reference: String,
    title: String,
    agency_name: String,
    status: String,
    carried: bool,
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, round_id = *path))]
pub async fn list(view: PageRequest, Admin(admin): Admin, path: web::Path<i32>) -> PageResult {
    let lang = RequestLang::of(&view.req);
    let found = screening::of_round(&view.state.db, path.into_inner()).await?;
    let rows: Vec<NominationSummary> = found
        .nominations
        .into_iter()
        .map(|n| NominationSummary {
            id: n.id,
            reference: n.reference,
            title: n.content.title,
            agency_name: n.content.agency_name,
            status: n.status.to_string(),
            carried: n.carried_from_round_id.is_some(),
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("round", &RoundView::of(&found.round, lang));
    context.insert("nominations", &rows);
    context.insert("has_assignments", &found.has_assignments);
    let page_path = view.req.path().to_owned();
    let page = FormPage {
        template: "secretariat/nominations.html",
        path: &page_path,
        field_order: &[],
    };
    view.render_form(&page, context)
}

#[derive(serde::Serialize)]
struct NominationView {
    id: i32,
    reference: String,
    title: String,
    agency_name: String,
    org_number: String,
    contact_name: String,
    contact_email: String,
    contact_phone: String,
    categories: Vec<String>,
    summary: String,
    background: String,
    what_was_done: String,
    results: String,
    savings_nok: String,
    savings_hours: String,
    user_effects: String,
    transfer_value: String,
    other_agencies: String,
    leadership_backing: bool,
    consent_publish: bool,
    status: String,
    exclusion_reason: String,
    /// Stored UTC; the template's `datetime` filter shows it in Norwegian time.
    created_at: chrono::NaiveDateTime,
}

impl NominationView {
    fn of(n: &NominationRow, lang: crate::i18n::Lang) -> Self {
        // Amounts written the language's way: "2 500 000 kr" / "NOK 2,500,000".
        let amount = |id: &str, value: i64| {
            let number = crate::format::number(lang, value as f64, 0);
            lang.text_with(id, &[("amount", &number)])
        };
        Self {
            id: n.id,
            reference: n.reference.clone(),
            title: n.title.clone(),
            agency_name: n.agency_name.clone(),
            org_number: n.org_number.clone(),
            contact_name: n.contact_name.clone(),
            contact_email: n.contact_email.clone(),
            contact_phone: n.contact_phone.clone().unwrap_or_default(),
            categories: n
                .categories
                .as_slice()
                .iter()
                .map(|c| c.code().to_owned())
                .collect(),
            summary: n.summary.clone(),
            background: n.background.clone(),
            what_was_done: n.what_was_done.clone(),
            results: n.results.clone(),
            savings_nok: n
                .savings_nok
                .map(|v| amount("amount-nok", v))
                .unwrap_or_default(),
            savings_hours: n
                .savings_hours
                .map(|v| amount("amount-hours", v))
                .unwrap_or_default(),
            user_effects: n.user_effects.clone(),
            transfer_value: n.transfer_value.clone(),
            other_agencies: n.other_agencies.clone().unwrap_or_default(),
            leadership_backing: n.leadership_backing,
            consent_publish: n.consent_publish,
            status: n.status.to_string(),
            exclusion_reason: n.exclusion_reason.clone().unwrap_or_default(),
            created_at: n.created_at,
        }
    }
}

#[derive(serde::Serialize)]
struct JurorChoice {
    id: i32,
    name: String,
    assigned: bool,
}

#[derive(serde::Serialize)]
struct SubmittedView {
    juror_id: i32,
    name: String,
    submitted_at: chrono::NaiveDateTime,
}

#[derive(serde::Serialize)]
struct RoundChoice {
    id: i32,
    prize_year: i32,
}

fn nomination_context(desk: NominationDesk, lang: crate::i18n::Lang) -> tera::Context {
    let later: Vec<RoundChoice> = desk
        .later_rounds
        .iter()
        .map(|r| RoundChoice {
            id: r.id,
            prize_year: r.prize_year,
        })
        .collect();
    let jurors: Vec<JurorChoice> = desk
        .jurors
        .iter()
        .map(|j| JurorChoice {
            id: j.id,
            name: j.name.clone(),
            assigned: desk.assigned.contains(&j.id),
        })
        .collect();
    let submitted: Vec<SubmittedView> = desk
        .submitted
        .into_iter()
        .map(|(juror_id, name, at)| SubmittedView {
            juror_id,
            name,
            submitted_at: at,
        })
        .collect();
    let mut context = tera::Context::new();
    context.insert("nomination", &NominationView::of(&desk.nomination, lang));
    context.insert("round", &RoundView::of(&desk.round, lang));
    context.insert("carried_from", &desk.carried_from);
    context.insert("later_rounds", &later);
    context.insert("jurors", &jurors);
    context.insert("round_has_assignments", &desk.round_has_assignments);
    context.insert("submitted", &submitted);
    context.insert(
        "attachments",
        &crate::web::download::listed(
            lang,
            &desk.attachments,
            &format!("/sekretariat/nominasjoner/{}", desk.nomination.id),
        ),
    );
    context
}

/// The stored screening and assignments as the forms show them.
fn stored_input(nomination: &NominationRow, assigned: &[i32]) -> ScreeningInput {
    ScreeningInput {
        screening: if nomination.status.is_screened() {
            nomination.status.to_string()
        } else {
            String::new()
        },
        exclusion_reason: nomination.exclusion_reason.clone().unwrap_or_default(),
        assigned_jurors: assigned.iter().map(i32::to_string).collect(),
        ..ScreeningInput::default()
    }
}

/// The nomination page, its forms filled by `shown` from the stored values, with the
/// reason a posted form was not taken, if any.
pub(super) async fn nomination_page(
    req: &HttpRequest,
    state: &AppState,
    nomination_id: i32,
    shown: impl FnOnce(ScreeningInput) -> ScreeningInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let desk = screening::desk(&state.db, nomination_id).await?;
    let values = shown(stored_input(&desk.nomination, &desk.assigned));
    let path = format!("/sekretariat/nominasjoner/{nomination_id}");
    let page = FormPage {
        template: "secretariat/nomination.html",
        path: &path,
        field_order: SCREENING_FIELDS,
    };
    let mut context = nomination_context(desk, lang);
    let linked_tips: Vec<serde_json::Value> = crate::services::tips::linked_to(
        &state.db,
        nomination_id,
    )
    .await?
    .into_iter()
    .map(
        |t| serde_json::json!({ "id": t.id, "reference": t.reference, "initiative": t.initiative }),
    )
    .collect();
    context.insert("linked_tips", &linked_tips);
    Ok(page.render(req, state, &values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = *path))]
pub async fn show(view: PageRequest, Admin(admin): Admin, path: web::Path<i32>) -> PageResult {
    nomination_page(
        &view.req,
        &view.state,
        path.into_inner(),
        |stored| stored,
        None,
    )
    .await
}

/// `GET /sekretariat/nominasjoner/{id}/vedlegg/{file}`: one of the nomination's files, as a
/// download (404 when there is no such file on it).
#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = path.0, attachment_id = path.1))]
pub async fn attachment(
    view: PageRequest,
    Admin(admin): Admin,
    path: web::Path<(i32, i32)>,
) -> PageResult {
    use crate::services::attachments;
    let (nomination_id, attachment_id) = path.into_inner();
    let download = attachments::for_secretariat(&view.state.db, nomination_id, attachment_id);
    crate::web::download::answer(download.await?)
}
