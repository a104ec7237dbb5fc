//! `/konto/totp`: enrolling an authenticator app — the QR code and the secret as text,
//! confirmed with a first code, then the recovery codes shown once. Reachable by any
//! signed-in user; the only staff page an account that must enrol can reach.

use super::login::{landing, sign_in};
use crate::domain::{FieldErrors, ValidationError};
use crate::web::auth::SignedIn;
use crate::web::errors::{ENROLMENT_PATH, PageResult};
use crate::web::forms::{self, FormPage, Outcome, Rejection, render_with_csrf};
use crate::web::{AppState, lang::RequestLang, page};
use actix_session::Session;
use actix_web::http::StatusCode;
use actix_web::{HttpRequest, web};

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct EnrolInput {
    #[serde(serialize_with = "forms::never_shown")]
    code: String,
}

const PAGE: FormPage<'static> = FormPage {
    template: "account/totp.html",
    path: ENROLMENT_PATH,
    field_order: &["code"],
};

async fn page(
    req: &HttpRequest,
    state: &AppState,
    user: &crate::db::users::UserRow,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(req);
    let mut context = tera::Context::new();
    context.insert("required", &state.accounts.must_enrol(user));
    context.insert("landing", landing(user.role()));
    match state
        .accounts
        .enrolment(user, &lang.text("totp-qr-label"))
        .await?
    {
        Some(enrolment) => {
            context.insert("qr_svg", &enrolment.qr_svg);
            context.insert("secret", &enrolment.secret_base32);
        }
        None => {
            let left = state.accounts.recovery_codes_left(user.id).await?;
            context.insert("enrolled", &true);
            context.insert(
                "codes_left",
                &lang.text_with("totp-enrolled-codes-left", &[("count", &left.to_string())]),
            );
        }
    }
    Ok(PAGE.render(req, state, &EnrolInput::default(), rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn form(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
) -> PageResult {
    page(&req, &state, &user, None).await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn confirm(
    req: HttpRequest,
    state: web::Data<AppState>,
    SignedIn(user): SignedIn,
    session: Session,
    body: web::Bytes,
) -> PageResult {
    forms::act(
        &req,
        &body,
        async |input: &EnrolInput| {
            let Some(codes) = state
                .accounts
                .confirm_enrolment(user.id, input.code.clone())
                .await?
            else {
                let mut errors = FieldErrors::default();
                errors.add("code", ValidationError::TotpCodeWrong);
                return Ok(Outcome::Invalid(errors));
            };
            // Every session of the account ended; this one goes on under a new id.
            sign_in(&session, user.id)?;
            let mut context = page::base_context(RequestLang::of(&req), ENROLMENT_PATH, "");
            context.insert("codes", &codes);
            context.insert("landing", landing(user.role()));
            Ok(Outcome::Shown(render_with_csrf(
                &req,
                &state,
                StatusCode::OK,
                "account/recovery_codes.html",
                context,
            )?))
        },
        async |_, rejection| page(&req, &state, &user, Some(&rejection)).await,
    )
    .await
}
