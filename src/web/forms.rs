//! What the HTML forms share: reading the posted body, the security checks (honeypot,
//! CSRF, rate limit), and showing the form again with messages and everything the user
//! typed.
//!
//! Every staff form goes through [`act`] (a form with fields) or [`press`] (a button):
//! parse → check → call the action → on success redirect (post/redirect/get) to the page
//! the user should see next, with a [`Flash`] message at its top; on failure show the
//! form again with the error summary and everything typed. The public forms, which answer
//! with a receipt instead of a redirect, use the same `decode` and `check_security`.

use crate::domain::{FieldErrors, SubmissionKey, ValidationError};
use crate::web::errors::{OrNotFound as _, PageError, PageResult, messages_per_field};
use crate::web::flash::Flash;
use crate::web::lang::RequestLang;
use crate::web::rate_limit::SubmissionLimiter;
use crate::web::{AppState, auth, csrf, csrf::CsrfToken, page};
use actix_web::dev::Payload;
use actix_web::http::{StatusCode, header};
use actix_web::{FromRequest, HttpRequest, HttpResponse, web};
use serde::de::DeserializeOwned;
use std::future::{Future, Ready, ready};
use std::pin::Pin;

/// Fields every form carries besides its content.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(default)]
struct FormMeta {
    csrf_token: String,
    /// The honeypot: hidden from people, filled in by bots.
    website: String,
    /// The form's one-time key (see `SubmissionKey`).
    submission_key: String,
}

/// `serialize_with` for a field whose typed text is never shown back (a password, a
/// code): the form shows it empty.
pub fn never_shown<S: serde::Serializer>(_: &str, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str("")
}

/// Why a posted form is shown again instead of being accepted.
pub enum Rejection {
    Invalid(FieldErrors),
    /// The CSRF check failed (an old tab, cookies cleared): the user only needs to press
    /// the button again.
    Csrf,
    RateLimited,
    /// Refused for a reason the message explains (e.g. a failed login).
    Refused(String),
    /// The server is too busy for this right now (every password-hashing slot taken):
    /// the form is shown again, and pressing again shortly will do.
    Busy,
}

/// A posted form, decoded. Repeated keys (checkbox groups) become lists.
pub struct Posted<T> {
    pub input: T,
    meta: FormMeta,
}

/// Reads a posted form; a body no page of ours sends is a bad request.
pub fn decode<T: DeserializeOwned>(body: &web::Bytes) -> Result<Posted<T>, PageError> {
    let input = serde_html_form::from_bytes(body).map_err(PageError::bad_request)?;
    let meta = serde_html_form::from_bytes(body).map_err(PageError::bad_request)?;
    Ok(Posted { input, meta })
}

/// Where a staff form's action leads: the next page, and what it says at its top.
#[derive(Debug)]
pub struct Redirect {
    location: String,
    flash: Option<Flash>,
}

impl Redirect {
    pub fn to(location: impl Into<String>) -> Self {
        Self {
            location: location.into(),
            flash: None,
        }
    }

    /// The next page shows `message_id`'s text as a success alert.
    pub fn saying(mut self, message_id: &str) -> Self {
        self.flash = Some(Flash::success(message_id));
        self
    }

    pub fn with_flash(mut self, flash: Flash) -> Self {
        self.flash = Some(flash);
        self
    }

    /// `303 See Other` to the next page, leaving the flash message for it.
    pub fn respond(self, req: &HttpRequest) -> HttpResponse {
        if let Some(flash) = &self.flash {
            flash.send(req);
        }
        HttpResponse::SeeOther()
            .insert_header((header::LOCATION, self.location))
            .finish()
    }
}

/// What a form's action did.
#[derive(Debug)]
pub enum Outcome {
    Done(Redirect),
    /// Done, and this page says so (a form anyone can post, whose result is not a page of
    /// its own: "the link is on its way").
    Shown(HttpResponse),
    /// Show the form again with these messages on its fields.
    Invalid(FieldErrors),
    /// Show the form again with this message at its top.
    Refused(String),
    /// Show the form again: too busy to do it right now (503).
    Busy,
}

impl From<Redirect> for Outcome {
    fn from(redirect: Redirect) -> Self {
        Self::Done(redirect)
    }
}

/// A staff form with fields, from the posted body to the response: decode, check the
/// honeypot and CSRF token (staff forms behind a login are not rate limited), run
/// `action`, then redirect or call `show_again` with what was typed and why it was not
/// accepted.
pub async fn act<T: DeserializeOwned>(
    req: &HttpRequest,
    body: &web::Bytes,
    action: impl AsyncFnOnce(&T) -> Result<Outcome, PageError>,
    show_again: impl AsyncFnOnce(&T, Rejection) -> PageResult,
) -> PageResult {
    act_limited(
        req,
        body,
        &SubmissionLimiter::unlimited(),
        action,
        show_again,
    )
    .await
}

/// [`act`] for a form anyone can post (logging in, asking for a reset link): limited per
/// client address by `limiter`.
pub async fn act_limited<T: DeserializeOwned>(
    req: &HttpRequest,
    body: &web::Bytes,
    limiter: &SubmissionLimiter,
    action: impl AsyncFnOnce(&T) -> Result<Outcome, PageError>,
    show_again: impl AsyncFnOnce(&T, Rejection) -> PageResult,
) -> PageResult {
    let posted = decode::<T>(body)?;
    if let Err(rejection) = posted.check_security(req, limiter).await {
        return show_again(&posted.input, rejection).await;
    }
    match action(&posted.input).await? {
        Outcome::Done(redirect) => Ok(redirect.respond(req)),
        Outcome::Shown(page) => Ok(page),
        Outcome::Invalid(errors) => show_again(&posted.input, Rejection::Invalid(errors)).await,
        Outcome::Refused(message) => show_again(&posted.input, Rejection::Refused(message)).await,
        Outcome::Busy => show_again(&posted.input, Rejection::Busy).await,
    }
}

/// A public form that answers with a receipt instead of a redirect (a nomination, a tip):
/// decode, check the honeypot, CSRF token and `limiter`, parse what was typed into the
/// domain type `D` (its `TryFrom`, as the JSON API does), and `submit` it (given the form's
/// one-time key); on any rejection call `show_again` with what was typed, why, and the key.
pub async fn receive<T: DeserializeOwned, D>(
    req: &HttpRequest,
    body: &web::Bytes,
    limiter: &SubmissionLimiter,
    submit: impl AsyncFnOnce(D, Option<SubmissionKey>) -> PageResult,
    show_again: impl AsyncFnOnce(&T, Rejection, Option<SubmissionKey>) -> PageResult,
) -> PageResult
where
    D: for<'a> TryFrom<&'a T, Error = FieldErrors>,
{
    let no_more = FieldErrors::default();
    receive_checked(req, body, limiter, no_more, submit, show_again).await
}

/// [`receive`] where some fields were checked before (a form's files, read with its
/// body): their `checked` errors are shown with those of the rest, and the form is
/// submitted only when there are none.
pub async fn receive_checked<T: DeserializeOwned, D>(
    req: &HttpRequest,
    body: &web::Bytes,
    limiter: &SubmissionLimiter,
    checked: FieldErrors,
    submit: impl AsyncFnOnce(D, Option<SubmissionKey>) -> PageResult,
    show_again: impl AsyncFnOnce(&T, Rejection, Option<SubmissionKey>) -> PageResult,
) -> PageResult
where
    D: for<'a> TryFrom<&'a T, Error = FieldErrors>,
{
    let posted = decode::<T>(body)?;
    let rejection = match posted.check_security(req, limiter).await {
        Err(rejection) => rejection,
        Ok(()) => match D::try_from(&posted.input) {
            Err(mut errors) => {
                for (field, list) in checked.iter() {
                    list.iter().for_each(|error| errors.add(field, *error));
                }
                Rejection::Invalid(errors)
            }
            Ok(_) if !checked.is_empty() => Rejection::Invalid(checked),
            Ok(parsed) => return submit(parsed, posted.submission_key()).await,
        },
    };
    show_again(&posted.input, rejection, posted.submission_key()).await
}

/// The body of a form that is only a button.
#[derive(Debug, Default, serde::Deserialize)]
pub struct NoFields {}

/// A staff button (remove, retry, end sessions): check the CSRF token — when it fails
/// there is nothing typed to keep, so the answer is the translated CSRF page — run
/// `action`, and redirect.
pub async fn press(
    req: &HttpRequest,
    body: &web::Bytes,
    action: impl AsyncFnOnce() -> Result<Redirect, PageError>,
) -> PageResult {
    let posted = decode::<NoFields>(body)?;
    if posted
        .check_security(req, &SubmissionLimiter::unlimited())
        .await
        .is_err()
    {
        return Err(PageError::Csrf);
    }
    Ok(action().await?.respond(req))
}

impl<T> Posted<T> {
    pub fn submission_key(&self) -> Option<SubmissionKey> {
        SubmissionKey::parse(&self.meta.submission_key)
    }

    /// The checks that come before the content is looked at.
    pub async fn check_security(
        &self,
        req: &HttpRequest,
        limiter: &SubmissionLimiter,
    ) -> Result<(), Rejection> {
        if !self.meta.website.trim().is_empty() {
            let mut errors = FieldErrors::default();
            errors.add("website", ValidationError::Honeypot);
            return Err(Rejection::Invalid(errors));
        }
        if !csrf::verify(req, &self.meta.csrf_token) {
            return Err(Rejection::Csrf);
        }
        limiter.check(req).await.map_err(|_| Rejection::RateLimited)
    }
}

/// The address every page's footer and the statements give for questions
/// (`statements.contact_email`).
pub fn contact_address(state: &AppState) -> String {
    state.settings.statements.contact_email.clone()
}

/// A form page: the template, its field order (for the error summary) and the values.
pub struct FormPage<'a> {
    pub template: &'a str,
    pub path: &'a str,
    pub field_order: &'a [&'static str],
}

#[derive(serde::Serialize)]
struct SummaryItem {
    field: &'static str,
    label: String,
    message: String,
}

impl FormPage<'_> {
    /// Renders the form with `values`, and with the messages of `rejection` if any.
    pub fn render(
        &self,
        req: &HttpRequest,
        state: &AppState,
        values: &impl serde::Serialize,
        rejection: Option<&Rejection>,
        submission_key: Option<SubmissionKey>,
        extra: tera::Context,
    ) -> anyhow::Result<HttpResponse> {
        let lang = RequestLang::of(req);
        // A form shown again keeps its key, so its eventual submission is still one.
        let submission_key = submission_key.unwrap_or_else(SubmissionKey::generate);
        let mut context = page::base_context(lang, self.path, &contact_address(state));
        context.extend(extra);
        context.insert("submission_key", submission_key.as_ref());
        context.insert("form", values);
        let no_errors = FieldErrors::default();
        let (errors, alert, status) = match rejection {
            None => (&no_errors, None, StatusCode::OK),
            Some(Rejection::Invalid(errors)) => (errors, None, StatusCode::UNPROCESSABLE_ENTITY),
            Some(Rejection::Csrf) => (
                &no_errors,
                Some(lang.text("error-csrf")),
                StatusCode::FORBIDDEN,
            ),
            Some(Rejection::RateLimited) => (
                &no_errors,
                Some(lang.text("error-rate-limited")),
                StatusCode::TOO_MANY_REQUESTS,
            ),
            Some(Rejection::Busy) => (
                &no_errors,
                Some(lang.text("error-busy")),
                StatusCode::SERVICE_UNAVAILABLE,
            ),
            Some(Rejection::Refused(message)) => {
                (&no_errors, Some(message.clone()), StatusCode::UNAUTHORIZED)
            }
        };
        // The honeypot is not a field people can fix: say so at the top.
        let alert = alert.or_else(|| errors.get("website").map(|_| lang.text("error-honeypot")));
        let summary: Vec<SummaryItem> = self
            .field_order
            .iter()
            .filter_map(|field| errors.get(field).map(|list| (*field, list)))
            .flat_map(|(field, list)| {
                list.iter().map(move |error| SummaryItem {
                    field,
                    label: lang.text(&format!("field-{field}")),
                    message: lang.text(error.message_id()),
                })
            })
            .collect();
        context.insert("errors", &messages_per_field(errors, lang));
        context.insert("error_list", &summary);
        context.insert("form_alert", &alert);
        render_with_csrf(req, state, status, self.template, context)
    }
}

/// Renders a page that has a form (at least the logout button): puts the CSRF token in the
/// context, and sets the token's cookie if the browser has none yet.
pub fn render_with_csrf(
    req: &HttpRequest,
    state: &AppState,
    status: StatusCode,
    template: &str,
    mut context: tera::Context,
) -> anyhow::Result<HttpResponse> {
    let token = CsrfToken::for_request(req);
    context.insert("csrf_token", token.value());
    if let Some(user) = auth::current_user(req) {
        context.insert("signed_in", &serde_json::json!({ "name": user.name }));
        context.insert("is_juror", &(user.role() == crate::domain::Role::Juror));
    }
    context.insert("flash", &Flash::take(req));
    let mut response = page::render(status, template, &context)?;
    if let Some(cookie) = token.cookie(state.settings.server.secure_cookies) {
        response.add_cookie(&cookie)?;
    }
    Ok(response)
}

/// What a staff page's handler needs to render it: the request and the app's state, as
/// one extractor instead of two arguments on every handler.
pub struct PageRequest {
    pub req: HttpRequest,
    pub state: web::Data<AppState>,
}

impl PageRequest {
    pub(crate) fn of(req: &HttpRequest) -> Result<Self, actix_web::Error> {
        let state = req
            .app_data::<web::Data<AppState>>()
            .cloned()
            .ok_or_else(|| {
                actix_web::error::ErrorInternalServerError("the app's state is not configured")
            })?;
        Ok(Self {
            req: req.clone(),
            state,
        })
    }
}

impl PageRequest {
    /// Renders a page of lists and buttons, with no form to show again.
    pub fn render(&self, template: &str, extra: tera::Context) -> PageResult {
        let lang = RequestLang::of(&self.req);
        let mut context = page::base_context(lang, self.req.path(), &contact_address(&self.state));
        context.extend(extra);
        Ok(render_with_csrf(
            &self.req,
            &self.state,
            StatusCode::OK,
            template,
            context,
        )?)
    }

    /// Renders a form page as it first appears: nothing typed, nothing rejected.
    pub fn render_form(&self, form: &FormPage<'_>, extra: tera::Context) -> PageResult {
        self.render_values(form, &serde_json::json!({}), extra)
    }

    /// Renders a form page as it first appears, with `values` in its fields.
    pub fn render_values(
        &self,
        form: &FormPage<'_>,
        values: &impl serde::Serialize,
        extra: tera::Context,
    ) -> PageResult {
        Ok(form.render(&self.req, &self.state, values, None, None, extra)?)
    }

    /// Shows a form page again with `values` typed and why they were not accepted.
    pub fn show_again(
        &self,
        form: &FormPage<'_>,
        values: &impl serde::Serialize,
        rejection: &Rejection,
        extra: tera::Context,
    ) -> PageResult {
        let (req, state) = (&self.req, &self.state);
        Ok(form.render(req, state, values, Some(rejection), None, extra)?)
    }
}

impl FromRequest for PageRequest {
    type Error = actix_web::Error;
    type Future = Ready<Result<Self, Self::Error>>;

    fn from_request(req: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(PageRequest::of(req))
    }
}

/// A staff form's post: the request, the app's state and the posted body, so a handler
/// says only what its form does ([`PostedForm::act`], [`PostedForm::press`]).
/// It derefs to its [`PageRequest`], so `form.req`, `form.state` and the rendering
/// methods are there too.
pub struct PostedForm {
    page: PageRequest,
    body: web::Bytes,
}

impl std::ops::Deref for PostedForm {
    type Target = PageRequest;

    fn deref(&self) -> &PageRequest {
        &self.page
    }
}

impl FromRequest for PostedForm {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let page = PageRequest::of(req);
        let body = web::Bytes::from_request(req, payload);
        Box::pin(async move {
            Ok(Self {
                page: page?,
                body: body.await?,
            })
        })
    }
}

/// A staff form posted to a URL with ids in it (`/sekretariat/runder/{id}/kriterier`): the
/// path's values and the [`PostedForm`], as one extractor instead of a `web::Path` and a
/// form on every such handler. A path that does not parse is the 404 page, as it is for
/// `web::Path` (the app's `PathConfig`). It derefs to its [`PostedForm`].
pub struct PostedTo<P> {
    pub path: P,
    form: PostedForm,
}

impl<P> std::ops::Deref for PostedTo<P> {
    type Target = PostedForm;

    fn deref(&self) -> &PostedForm {
        &self.form
    }
}

impl<P: DeserializeOwned + 'static> FromRequest for PostedTo<P> {
    type Error = actix_web::Error;
    type Future = Pin<Box<dyn Future<Output = Result<Self, Self::Error>>>>;

    fn from_request(req: &HttpRequest, payload: &mut Payload) -> Self::Future {
        let path = web::Path::<P>::from_request(req, payload);
        let form = PostedForm::from_request(req, payload);
        Box::pin(async move {
            Ok(Self {
                path: path.await?.into_inner(),
                form: form.await?,
            })
        })
    }
}

impl PostedForm {
    /// The posted fields read as `T` (a second look at the same post: e.g. the fields a
    /// form has beside its domain input).
    pub fn fields<T: DeserializeOwned>(&self) -> Result<T, PageError> {
        serde_html_form::from_bytes(&self.body).map_err(PageError::bad_request)
    }

    /// A post whose form fields (urlencoded) were read elsewhere (a form with files).
    pub(crate) fn from_parts(page: PageRequest, body: web::Bytes) -> Self {
        Self { page, body }
    }

    /// [`act`] on this post.
    pub async fn act<T: DeserializeOwned>(
        &self,
        action: impl AsyncFnOnce(&T) -> Result<Outcome, PageError>,
        show_again: impl AsyncFnOnce(&T, Rejection) -> PageResult,
    ) -> PageResult {
        act(&self.req, &self.body, action, show_again).await
    }

    /// [`act_limited`] on this post.
    pub async fn act_limited<T: DeserializeOwned>(
        &self,
        limiter: &SubmissionLimiter,
        action: impl AsyncFnOnce(&T) -> Result<Outcome, PageError>,
        show_again: impl AsyncFnOnce(&T, Rejection) -> PageResult,
    ) -> PageResult {
        act_limited(&self.req, &self.body, limiter, action, show_again).await
    }

    /// [`act_limited`] on this post for a form that is a page of its own (logging in, a
    /// second factor, a forgotten password): a rejection shows `page` again with what was
    /// typed.
    pub async fn act_limited_on<T: DeserializeOwned + serde::Serialize>(
        &self,
        page: &FormPage<'_>,
        limiter: &SubmissionLimiter,
        action: impl AsyncFnOnce(&T) -> Result<Outcome, PageError>,
    ) -> PageResult {
        let show_again = async |input: &T, rejection: Rejection| {
            self.show_again(page, input, &rejection, tera::Context::new())
        };
        self.act_limited(limiter, action, show_again).await
    }

    /// [`receive`] on this post, limited by the app's submission limiter.
    pub async fn receive<T: DeserializeOwned, D>(
        &self,
        submit: impl AsyncFnOnce(D, Option<SubmissionKey>) -> PageResult,
        show_again: impl AsyncFnOnce(&T, Rejection, Option<SubmissionKey>) -> PageResult,
    ) -> PageResult
    where
        D: for<'a> TryFrom<&'a T, Error = FieldErrors>,
    {
        let limiter = &self.state.limiter;
        receive(&self.req, &self.body, limiter, submit, show_again).await
    }

    /// [`receive_checked`] on this post, limited by the app's submission limiter.
    pub async fn receive_checked<T: DeserializeOwned, D>(
        &self,
        checked: FieldErrors,
        submit: impl AsyncFnOnce(D, Option<SubmissionKey>) -> PageResult,
        show_again: impl AsyncFnOnce(&T, Rejection, Option<SubmissionKey>) -> PageResult,
    ) -> PageResult
    where
        D: for<'a> TryFrom<&'a T, Error = FieldErrors>,
    {
        let limiter = &self.state.limiter;
        receive_checked(&self.req, &self.body, limiter, checked, submit, show_again).await
    }

    /// [`press`] on this post.
    pub async fn press(
        &self,
        action: impl AsyncFnOnce() -> Result<Redirect, PageError>,
    ) -> PageResult {
        press(&self.req, &self.body, action).await
    }

    /// [`press`] for a button on one thing (remove it, retry it, end its sessions):
    /// `action` answers whether the thing was there (and the user's to touch); if it was
    /// not, the 404 page, else on to `done`.
    pub async fn press_on(
        &self,
        action: impl AsyncFnOnce() -> anyhow::Result<bool>,
        done: Redirect,
    ) -> PageResult {
        self.press(async || {
            action().await?.or_not_found()?;
            Ok(done)
        })
        .await
    }
}
