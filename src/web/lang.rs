//! The language of a request, decided once by middleware for the whole request: the
//! remembered choice (cookie), else the browser's preference (`Accept-Language`), else
//! bokmål. Handlers take it as `RequestLang`; error pages read it from the task-local the
//! middleware sets, so no error has to carry it.

use crate::i18n::{LANG_COOKIE, Lang};
use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage as _, HttpRequest, dev::Payload, http::header};
use std::future::{Ready, ready};

tokio::task_local! {
    static CURRENT: Lang;
}

/// The language of this request.
#[derive(Debug, Clone, Copy)]
pub struct RequestLang(pub Lang);

impl RequestLang {
    /// What the middleware put in the request, or (outside it, e.g. in a unit test) what
    /// the request asks for.
    pub fn of(req: &HttpRequest) -> Lang {
        req.extensions()
            .get::<RequestLang>()
            .map(|found| found.0)
            .unwrap_or_else(|| detect(req.cookie(LANG_COOKIE), req.headers()))
    }
}

fn detect(
    cookie: Option<actix_web::cookie::Cookie<'static>>,
    headers: &actix_web::http::header::HeaderMap,
) -> Lang {
    if let Some(lang) = cookie.and_then(|c| Lang::from_code(c.value())) {
        return lang;
    }
    headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|value| value.to_str().ok())
        .map(Lang::from_accept_language)
        .unwrap_or_default()
}

/// The language of the request being answered on this task (bokmål outside a request).
pub fn current() -> Lang {
    CURRENT.try_with(|lang| *lang).unwrap_or_default()
}

/// Middleware: decides the request's language, stores it in the request's extensions and
/// answers the request with it as the task's current language.
pub async fn middleware(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let lang = detect(req.cookie(LANG_COOKIE), req.headers());
    req.extensions_mut().insert(RequestLang(lang));
    CURRENT
        .scope(lang, async move {
            // An error a middleware below returns (a guard's "forbidden") would otherwise
            // be rendered by the server after this scope has ended, in the default
            // language: render it here, and hand the finished page on.
            next.call(req).await.map_err(|error| {
                let page = error.error_response();
                actix_web::error::InternalError::from_response(error, page).into()
            })
        })
        .await
}

impl FromRequest for RequestLang {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(Self(Self::of(req))))
    }
}
