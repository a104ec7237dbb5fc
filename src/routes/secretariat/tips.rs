//! `/sekretariat/tips` and `/sekretariat/tips/{id}`: the tips that came in, newest first,
//! and one tip with its triage — start review, link to a nomination, invite the agency to
//! nominate (a mail the secretariat edits first), close with a reason, reopen — and its
//! likely duplicates side by side. Each action redirects back to the tip's page; an
//! action the tip's state does not allow (someone else got there first) says why there.

use crate::db::tips::TipRow;
use crate::domain::{
    AgencyInvitation, TRIAGE_FIELDS, TriageAction, TriageInput, TriageState, parse_close,
    parse_link,
};
use crate::i18n::Lang;
use crate::services::outbox_desk;
use crate::services::tips::{self, Duplicate, Triaged};
use crate::web::AppState;
use crate::web::auth::Admin;
use crate::web::errors::{PageError, PageResult};
use crate::web::flash::Flash;
use crate::web::forms::{
    FormPage, Outcome, PageRequest, PostedForm, PostedTo, Redirect, Rejection,
};
use crate::web::lang::RequestLang;
use actix_web::web;

#[derive(serde::Serialize)]
struct TipView {
    id: i32,
    reference: String,
    received: chrono::NaiveDateTime,
    triaged: Option<chrono::NaiveDateTime>,
    initiative: String,
    agency: String,
    reason: String,
    /// The tipster's name and address, only when they agreed to be contacted.
    contact: Option<serde_json::Value>,
    anonymous: bool,
    language: String,
    state: TriageState,
    closed_reason: String,
}

impl TipView {
    fn of(t: &TipRow) -> Self {
        let contact = match (&t.tipster_email, t.may_contact) {
            (Some(email), true) => {
                Some(serde_json::json!({ "name": t.tipster_name, "email": email }))
            }
            _ => None,
        };
        Self {
            id: t.id,
            reference: t.reference.clone(),
            received: t.created_at,
            triaged: t.triaged_at,
            initiative: t.initiative.clone(),
            agency: t.agency.clone(),
            reason: t.reason.clone(),
            anonymous: t.tipster_name.is_none() && t.tipster_email.is_none(),
            contact,
            language: t.language.clone(),
            state: t.triage_state,
            closed_reason: t.closed_reason.clone().unwrap_or_default(),
        }
    }
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn tips(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let tips = outbox_desk::latest_tips(&view.state.db).await?;
    let mut context = tera::Context::new();
    context.insert("tips", &tips.iter().map(TipView::of).collect::<Vec<_>>());
    view.render("secretariat/tips.html", context)
}

#[derive(serde::Serialize)]
struct DuplicateView {
    kind: &'static str,
    href: String,
    reference: String,
    agency: String,
    text: String,
    same_agency: bool,
    percent: String,
}

impl DuplicateView {
    fn of(d: Duplicate) -> Self {
        let href = match d.kind {
            "tip" => format!("/sekretariat/tips/{}", d.id),
            _ => format!("/sekretariat/nominasjoner/{}", d.id),
        };
        Self {
            kind: d.kind,
            href,
            reference: d.reference,
            agency: d.agency,
            text: d.text,
            same_agency: d.same_agency,
            percent: format!("{:.0}", d.similarity * 100.0),
        }
    }
}

/// `?sprak=` on the tip's page: the language the invitation is prefilled in.
#[derive(Debug, Default, serde::Deserialize)]
pub struct DraftLanguage {
    #[serde(default)]
    sprak: String,
}

fn tip_path(tip_id: i32) -> String {
    format!("/sekretariat/tips/{tip_id}")
}

/// What the tip page's forms show: what was typed in a post that was not taken, or the
/// invitation prefilled in a language.
enum Shown<'a> {
    Typed(&'a TriageInput),
    Draft(Lang),
}

/// The tip's page, its forms filled as `shown` says, with the reason a post was not
/// taken, if any.
async fn tip_page(
    view: &PageRequest,
    tip_id: i32,
    shown: Shown<'_>,
    rejection: Option<&Rejection>,
) -> PageResult {
    let desk = tips::desk(&view.state.db, tip_id).await?;
    let values = match shown {
        Shown::Typed(typed) => typed.clone(),
        Shown::Draft(lang) => {
            let identity = view.state.intake.identity();
            let (subject, body) = tips::invitation_draft(identity, &desk.tip, lang)?;
            TriageInput {
                invite_language: lang.code().to_owned(),
                invite_subject: subject,
                invite_body: body,
                ..TriageInput::default()
            }
        }
    };
    let mut context = tera::Context::new();
    context.insert("tip", &TipView::of(&desk.tip));
    context.insert("actions", &desk.tip.triage_state.actions());
    context.insert("linked", &desk.linked);
    context.insert("nominations", &desk.nominations);
    let duplicates: Vec<DuplicateView> =
        desk.duplicates.into_iter().map(DuplicateView::of).collect();
    context.insert("duplicates", &duplicates);
    context.insert("languages", &Lang::ALL.map(Lang::code));
    let path = tip_path(tip_id);
    let page = FormPage {
        template: "secretariat/tip.html",
        path: &path,
        field_order: TRIAGE_FIELDS,
    };
    Ok(page.render(&view.req, &view.state, &values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, tip_id = *path))]
pub async fn show(
    view: PageRequest,
    Admin(admin): Admin,
    path: web::Path<i32>,
    query: web::Query<DraftLanguage>,
) -> PageResult {
    let draft_lang = Lang::from_code(&query.sprak).unwrap_or_else(|| RequestLang::of(&view.req));
    tip_page(&view, path.into_inner(), Shown::Draft(draft_lang), None).await
}

/// Takes the action and says on the tip's page what came of it: done (with the new
/// state), refused (why), or — for a link — no such nomination (on the field).
async fn take(
    state: &AppState,
    admin_actor: crate::domain::Actor,
    tip_id: i32,
    action: TriageAction,
) -> Result<Outcome, PageError> {
    let identity = state.intake.identity();
    let invites = matches!(action, TriageAction::Invite(_));
    let redirect = Redirect::to(tip_path(tip_id));
    let lang = crate::web::lang::current();
    match tips::triage(&state.db, identity, tip_id, action, admin_actor).await? {
        Triaged::Done(now) => {
            if invites {
                state.intake.wake_outbox();
            }
            let state_text = lang.text(&format!("tips-state-{}", now.code()));
            Ok(redirect
                .with_flash(Flash::success_with(
                    "tips-triaged",
                    &[("state", &state_text)],
                ))
                .into())
        }
        Triaged::Refused(refusal) => Ok(redirect
            .with_flash(Flash {
                color: "warning".into(),
                text: refusal.message(lang),
            })
            .into()),
        Triaged::NoSuchNomination => Ok(Outcome::Invalid(crate::domain::FieldErrors::one(
            "link_nomination",
            crate::domain::ValidationError::Required,
        ))),
    }
}

/// One of the tip page's forms: parse what was posted into an action and take it, or show
/// the page again with what was typed.
async fn triage_form(
    admin: &crate::db::users::UserRow,
    tip_id: i32,
    form: &PostedForm,
    parse: impl FnOnce(&TriageInput) -> Result<TriageAction, crate::domain::FieldErrors>,
) -> PageResult {
    let actor = admin.actor();
    form.act(
        async |input: &TriageInput| match parse(input) {
            Ok(action) => take(&form.state, actor, tip_id, action).await,
            Err(errors) => Ok(Outcome::Invalid(errors)),
        },
        async |input, rejection| {
            tip_page(form, tip_id, Shown::Typed(input), Some(&rejection)).await
        },
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, tip_id = form.path))]
pub async fn link(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    triage_form(&admin, form.path, &form, parse_link).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, tip_id = form.path))]
pub async fn invite(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let parse = |input: &TriageInput| AgencyInvitation::parse(input).map(TriageAction::Invite);
    triage_form(&admin, form.path, &form, parse).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, tip_id = form.path))]
pub async fn close(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    triage_form(&admin, form.path, &form, parse_close).await
}

/// A triage button with nothing to type: start the review, or reopen.
async fn triage_button(
    admin: &crate::db::users::UserRow,
    tip_id: i32,
    form: &PostedForm,
    action: TriageAction,
) -> PageResult {
    let actor = admin.actor();
    form.press(
        async || match take(&form.state, actor, tip_id, action).await? {
            Outcome::Done(redirect) => Ok(redirect),
            _ => Err(PageError::NotFound),
        },
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, tip_id = form.path))]
pub async fn review(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    triage_button(&admin, form.path, &form, TriageAction::StartReview).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, tip_id = form.path))]
pub async fn reopen(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    triage_button(&admin, form.path, &form, TriageAction::Reopen).await
}
