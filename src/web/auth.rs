//! Who is logged in. Every jury and secretariat handler takes `SignedIn` or `Admin`, so a
//! page cannot forget to check; what a juror may see of each object is checked again
//! where the object is loaded.

use super::errors::PageError;
use super::lang::RequestLang;
use super::{AppState, page};
use crate::db::sessions::USER_ID_KEY;
use crate::db::users::UserRow;
use crate::domain::Role;
use crate::i18n::Lang;
use actix_session::{Session, SessionExt as _};
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, ResponseError, dev::Payload, web};
use std::future::Future;
use std::pin::Pin;

/// A logged-in user (secretariat or juror).
#[derive(Debug, Clone)]
pub struct SignedIn(pub UserRow);

/// A logged-in member of the secretariat.
#[derive(Debug, Clone)]
pub struct Admin(pub UserRow);

#[derive(Debug, thiserror::Error)]
pub enum AuthError {
    /// Not logged in: go to the login page, and come back here afterwards.
    #[error("login required")]
    LoginRequired { next: String },
    #[error("forbidden")]
    Forbidden(Lang),
    #[error(transparent)]
    Unexpected(#[from] PageError),
}

impl ResponseError for AuthError {
    fn status_code(&self) -> StatusCode {
        match self {
            Self::LoginRequired { .. } => StatusCode::SEE_OTHER,
            Self::Forbidden(_) => StatusCode::FORBIDDEN,
            Self::Unexpected(error) => error.status_code(),
        }
    }

    fn error_response(&self) -> HttpResponse {
        match self {
            Self::LoginRequired { next } => HttpResponse::SeeOther()
                .insert_header((
                    header::LOCATION,
                    format!("/logg-inn?neste={}", page::url_encode(next)),
                ))
                .finish(),
            Self::Forbidden(lang) => {
                let mut context = page::base_context(*lang, "/", "");
                context.insert("message", &lang.text("error-forbidden"));
                page::render(StatusCode::FORBIDDEN, "error.html", &context).unwrap_or_else(|_| {
                    HttpResponse::Forbidden().body(lang.text("error-forbidden"))
                })
            }
            Self::Unexpected(error) => error.error_response(),
        }
    }
}

async fn signed_in_user(req: HttpRequest) -> Result<UserRow, AuthError> {
    let lang = RequestLang::of(&req);
    let next = match req.query_string() {
        "" => req.path().to_owned(),
        query => format!("{}?{query}", req.path()),
    };
    let session: Session = req.get_session();
    let Ok(Some(user_id)) = session.get::<i32>(USER_ID_KEY) else {
        return Err(AuthError::LoginRequired { next });
    };
    let state = req
        .app_data::<web::Data<AppState>>()
        .expect("AppState is registered");
    match state.accounts.find_user(user_id).await {
        Ok(Some(user)) => Ok(user),
        Ok(None) => {
            session.purge();
            Err(AuthError::LoginRequired { next })
        }
        Err(error) => Err(AuthError::Unexpected(PageError::unexpected(lang, error))),
    }
}

impl FromRequest for SignedIn {
    type Error = AuthError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        Box::pin(signed_in_user(req.clone()).map_ok(SignedIn))
    }
}

impl FromRequest for Admin {
    type Error = AuthError;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        let req = req.clone();
        Box::pin(async move {
            let user = signed_in_user(req.clone()).await?;
            match user.role() {
                Role::Admin => Ok(Admin(user)),
                Role::Juror => Err(AuthError::Forbidden(RequestLang::of(&req))),
            }
        })
    }
}

trait MapOk<T, E>: Future<Output = Result<T, E>> + Sized {
    async fn map_ok<U>(self, f: impl FnOnce(T) -> U) -> Result<U, E> {
        self.await.map(f)
    }
}

impl<T, E, F: Future<Output = Result<T, E>>> MapOk<T, E> for F {}
