//! Who is signed in. The router wraps each staff scope in one of the guards below
//! (`require_signed_in` for `/jury`, `require_admin` for `/sekretariat`), which find the
//! user once per request and put it in the request; handlers take `SignedIn` or `Admin`
//! to read it. A handler outside a guarded scope that asks for a user gets an error,
//! never an unchecked user. What a juror may see of each object is decided where the
//! object is loaded (the jury rules).

use super::AppState;
use super::errors::PageError;
use crate::db::sessions::USER_ID_KEY;
use crate::db::users::UserRow;
use crate::domain::Role;
use actix_session::SessionExt as _;
use actix_web::body::MessageBody;
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::{Method, header};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage as _, HttpRequest, web};
use std::future::{Ready, ready};

/// A signed-in user (secretariat or juror).
#[derive(Debug, Clone)]
pub struct SignedIn(pub UserRow);

/// A signed-in member of the secretariat.
#[derive(Debug, Clone)]
pub struct Admin(pub UserRow);

/// The user the guard found, stored in the request's extensions.
#[derive(Debug, Clone)]
struct GuardedUser(UserRow);

/// The signed-in user of this request, from the session; `LoginRequired` otherwise.
async fn signed_in_user(req: &ServiceRequest) -> Result<UserRow, PageError> {
    // After signing in, the browser goes to `next` with a GET. A form posted once the
    // session had ended has no page at its action's address: its user lands on their
    // start page instead of a 404.
    let next = match (req.method(), req.query_string()) {
        (&Method::GET | &Method::HEAD, "") => req.path().to_owned(),
        (&Method::GET | &Method::HEAD, query) => format!("{}?{query}", req.path()),
        _ => String::new(),
    };
    let session = req.get_session();
    let Ok(Some(user_id)) = session.get::<i32>(USER_ID_KEY) else {
        return Err(PageError::LoginRequired { next });
    };
    let state = req
        .app_data::<web::Data<AppState>>()
        .expect("AppState is registered");
    match state.accounts.find_active_user(user_id).await? {
        Some(user) => Ok(user),
        None => {
            session.purge();
            Err(PageError::LoginRequired { next })
        }
    }
}

/// The signed-in user, who may use staff pages: an account that must have a second
/// factor and has none can reach only the enrolment (and log out).
async fn staff_user(req: &ServiceRequest) -> Result<UserRow, PageError> {
    let user = signed_in_user(req).await?;
    let state = req
        .app_data::<web::Data<AppState>>()
        .expect("AppState is registered");
    if state.accounts.must_enrol(&user) {
        return Err(PageError::EnrolmentRequired);
    }
    Ok(user)
}

/// Lets a request a guard allowed through, with the user it checked for the handlers
/// ([`SignedIn`], [`Admin`]); the answer is not to be stored by any cache.
async fn admit<B: MessageBody>(
    req: ServiceRequest,
    user: UserRow,
    next: Next<B>,
) -> Result<ServiceResponse<B>, actix_web::Error> {
    req.extensions_mut().insert(GuardedUser(user));
    next.call(req).await.map(no_store)
}

/// Guard of `/konto/totp`: any signed-in user, enrolled or not.
pub async fn require_signed_in_to_enrol(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let user = signed_in_user(&req).await?;
    admit(req, user, next).await
}

/// Guard of `/jury`: any signed-in user.
pub async fn require_signed_in(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let user = staff_user(&req).await?;
    admit(req, user, next).await
}

/// Guard of `/sekretariat`: the secretariat only.
pub async fn require_admin(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let user = staff_user(&req).await?;
    if user.role() != Role::Admin {
        return Err(PageError::Forbidden.into());
    }
    admit(req, user, next).await
}

/// A login whose password was right, waiting for its second factor: kept in the
/// server-side session instead of the user id, for `PENDING_MINUTES`.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct PendingLogin {
    pub user_id: i32,
    /// When the password was accepted (Unix seconds).
    pub since: i64,
    /// Where the user was going.
    pub next: String,
}

const PENDING_KEY: &str = "login_pending";
const PENDING_MINUTES: i64 = 5;

impl PendingLogin {
    pub fn new(user_id: i32, next: String) -> Self {
        Self {
            user_id,
            since: chrono::Utc::now().timestamp(),
            next,
        }
    }

    pub fn store(&self, session: &actix_session::Session) -> Result<(), PageError> {
        session
            .insert(PENDING_KEY, self)
            .map_err(|e| PageError::Unexpected(anyhow::anyhow!("{e}")))
    }

    /// The session's pending login, while it has not expired.
    pub fn of(session: &actix_session::Session) -> Option<Self> {
        let pending: Self = session.get(PENDING_KEY).ok().flatten()?;
        let age = chrono::Utc::now().timestamp() - pending.since;
        (0..PENDING_MINUTES * 60).contains(&age).then_some(pending)
    }

    pub fn clear(session: &actix_session::Session) {
        session.remove(PENDING_KEY);
    }
}

/// A page behind a login is never kept by a browser or proxy cache (the back button on a
/// shared computer after logging out must not show it).
fn no_store<B>(mut response: ServiceResponse<B>) -> ServiceResponse<B> {
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        header::HeaderValue::from_static("no-store"),
    );
    response
}

/// The user the scope's guard let in, if this request went through one.
pub fn current_user(req: &HttpRequest) -> Option<UserRow> {
    req.extensions()
        .get::<GuardedUser>()
        .map(|guarded| guarded.0.clone())
}

fn guarded_user(req: &HttpRequest) -> Result<UserRow, PageError> {
    req.extensions()
        .get::<GuardedUser>()
        .map(|guarded| guarded.0.clone())
        .ok_or_else(|| {
            PageError::Unexpected(anyhow::anyhow!(
                "{} asks for a user but is outside a guarded scope",
                req.path()
            ))
        })
}

impl FromRequest for SignedIn {
    type Error = PageError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(guarded_user(req).map(SignedIn))
    }
}

impl FromRequest for Admin {
    type Error = PageError;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        // The scope's guard checked the role; checking again costs nothing.
        ready(guarded_user(req).and_then(|user| match user.role() {
            Role::Admin => Ok(Admin(user)),
            Role::Juror => Err(PageError::Forbidden),
        }))
    }
}
