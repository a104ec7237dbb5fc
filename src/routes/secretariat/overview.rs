//! `/sekretariat`: the secretariat's overview, and inviting users.

use crate::accounts::CreateUserError;
use crate::db;
use crate::domain::{EmailAddress, FieldErrors, Role, ShortText, ValidationError};
use crate::i18n::Lang;
use crate::web::auth::Admin;
use crate::web::errors::PageError;
use crate::web::forms::{self, FormPage, Rejection};
use crate::web::{AppState, lang::RequestLang};
use actix_web::{HttpRequest, HttpResponse, web};

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct InviteInput {
    name: String,
    email: String,
    role: String,
}

const PAGE: FormPage<'static> = FormPage {
    template: "secretariat/index.html",
    path: "/sekretariat",
    field_order: &["name", "email", "role"],
};

#[derive(serde::Serialize)]
struct UserView {
    id: i32,
    name: String,
    email: String,
    role: &'static str,
}

/// What the overview shows besides the invitation form.
async fn overview(
    state: &AppState,
    lang: Lang,
    admin: &db::users::UserRow,
    notice: Option<String>,
) -> anyhow::Result<tera::Context> {
    let (users, nominations, tips, waiting, failed) = state
        .db
        .read(|conn| {
            use diesel::prelude::*;
            let nominations: i64 = db::schema::nominations::table.count().get_result(conn)?;
            Ok((
                db::users::all(conn)?,
                nominations,
                db::tips::count(conn)?,
                db::outbox::count_waiting(conn)?,
                db::outbox::count_failed(conn)?,
            ))
        })
        .await?;
    let mut context = tera::Context::new();
    context.insert("signed_in", &serde_json::json!({ "name": admin.name }));
    let users: Vec<UserView> = users
        .iter()
        .map(|u| UserView {
            id: u.id,
            name: u.name.clone(),
            email: u.email.clone(),
            role: u.role().code(),
        })
        .collect();
    context.insert("users", &users);
    context.insert(
        "counts",
        &lang.text_with(
            "secretariat-counts",
            &[
                ("nominations", &nominations.to_string()),
                ("tips", &tips.to_string()),
                ("waiting", &waiting.to_string()),
                ("failed", &failed.to_string()),
            ],
        ),
    );
    context.insert("notice", &notice);
    Ok(context)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn index(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
) -> Result<HttpResponse, PageError> {
    let context = overview(&state, lang, &admin, None)
        .await
        .map_err(PageError::from)?;
    PAGE.render(
        &req,
        &state,
        &InviteInput {
            role: "juror".into(),
            ..InviteInput::default()
        },
        None,
        None,
        context,
    )
    .map_err(PageError::from)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn invite(
    req: HttpRequest,
    state: web::Data<AppState>,
    RequestLang(lang): RequestLang,
    Admin(admin): Admin,
    body: web::Bytes,
) -> Result<HttpResponse, actix_web::Error> {
    let posted = forms::decode::<InviteInput>(&body)?;
    let input = &posted.input;
    let rejection = match posted.check_security(&req, &state.limiter) {
        Err(rejection) => rejection,
        Ok(()) => {
            let mut errors = FieldErrors::default();
            let name = errors.check("name", ShortText::parse(&input.name));
            let email = errors.check("email", EmailAddress::parse(&input.email));
            let role = errors.check("role", Role::parse(&input.role));
            match (name, email, role) {
                (Some(name), Some(email), Some(role)) if errors.is_empty() => {
                    match state
                        .accounts
                        .create_user(
                            email,
                            name,
                            role,
                            lang,
                            crate::domain::Actor::User(admin.id),
                        )
                        .await
                    {
                        Ok(_) => {
                            let hours = state.settings.auth.invite_valid_hours.to_string();
                            let notice =
                                lang.text_with("secretariat-invited", &[("hours", &hours)]);
                            let context = overview(&state, lang, &admin, Some(notice))
                                .await
                                .map_err(PageError::from)?;
                            let fresh = InviteInput {
                                role: "juror".into(),
                                ..InviteInput::default()
                            };
                            return Ok(PAGE
                                .render(&req, &state, &fresh, None, None, context)
                                .map_err(PageError::from)?);
                        }
                        Err(CreateUserError::EmailTaken) => {
                            errors.add("email", ValidationError::EmailTaken);
                            Rejection::Invalid(errors)
                        }
                        Err(CreateUserError::Unexpected(error)) => {
                            return Err(PageError::Unexpected(error).into());
                        }
                    }
                }
                _ => Rejection::Invalid(errors),
            }
        }
    };
    let context = overview(&state, lang, &admin, None)
        .await
        .map_err(PageError::from)?;
    Ok(PAGE
        .render(&req, &state, input, Some(&rejection), None, context)
        .map_err(PageError::from)?)
}

#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
pub struct EndSessionsInput {
    csrf_token: String,
}

/// Ends every session of a user at once (a lost laptop, a juror leaving the jury).
#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn end_sessions(
    req: HttpRequest,
    state: web::Data<AppState>,
    Admin(admin): Admin,
    path: web::Path<i32>,
    form: web::Form<EndSessionsInput>,
) -> Result<HttpResponse, actix_web::Error> {
    if !crate::web::csrf::verify(&req, &form.csrf_token) {
        return Ok(HttpResponse::Forbidden().finish());
    }
    let user_id = path.into_inner();
    let actor = crate::domain::Actor::User(admin.id);
    let found = state
        .db
        .write(move |conn| {
            use diesel::OptionalExtension as _;
            if db::users::find(conn, user_id).optional()?.is_none() {
                return Ok(false);
            }
            db::users::end_sessions(conn, user_id)?;
            db::audit::record(
                conn,
                actor,
                "user.sessions_ended",
                &crate::domain::Actor::User(user_id).to_string(),
                None,
            )?;
            Ok(true)
        })
        .await
        .map_err(PageError::from)?;
    if !found {
        return Err(PageError::NotFound.into());
    }
    Ok(HttpResponse::SeeOther()
        .insert_header((actix_web::http::header::LOCATION, "/sekretariat"))
        .finish())
}
