//! `/sekretariat`: the secretariat's overview — the round at a glance (`dashboard.rs`) and
//! the user management below it —, inviting users
//! (`POST /sekretariat/brukere`), ending a user's sessions
//! (`POST /sekretariat/brukere/{id}/logg-ut`) and resetting another user's lost
//! authenticator (`POST /sekretariat/brukere/{id}/totp/nullstill`).

use crate::accounts::{CreateUserError, Switched};
use crate::domain::{FieldErrors, INVITATION_FIELDS, Invitation, InvitationInput, ValidationError};
use crate::services::users;
use crate::web::auth::Admin;
use crate::web::errors::{PageError, PageResult};
use crate::web::flash::Flash;
use crate::web::forms::{
    FormPage, Outcome, PageRequest, PostedForm, PostedTo, Redirect, Rejection,
};
use crate::web::lang::RequestLang;

const PATH: &str = "/sekretariat";
const PAGE: FormPage<'static> = FormPage {
    template: "secretariat/index.html",
    path: PATH,
    field_order: INVITATION_FIELDS,
};

#[derive(serde::Serialize)]
struct UserView {
    id: i32,
    name: String,
    email: String,
    role: &'static str,
    has_totp: bool,
    disabled: bool,
    /// The signed-in member of the secretariat: cannot switch themself off or reset their
    /// own second factor.
    is_self: bool,
}

/// The overview with the invitation form, `values` typed and why they were not accepted.
async fn page(
    view: &PageRequest,
    values: &InvitationInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(&view.req);
    let me = crate::web::auth::current_user(&view.req).map(|u| u.id);
    let users = users::overview(&view.state.db).await?;
    let dashboard = crate::services::dashboard::dashboard(&view.state.db).await?;
    let users: Vec<UserView> = users
        .into_iter()
        .map(|u| UserView {
            id: u.id,
            role: u.role().code(),
            has_totp: u.has_totp(),
            disabled: u.is_disabled(),
            is_self: Some(u.id) == me,
            name: u.name,
            email: u.email,
        })
        .collect();
    let mut context = tera::Context::new();
    super::dashboard::insert(&mut context, &view.state, &dashboard, lang);
    context.insert("users", &users);
    Ok(PAGE.render(&view.req, &view.state, values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn index(view: PageRequest, Admin(admin): Admin) -> PageResult {
    page(&view, &InvitationInput::default(), None).await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn invite(Admin(admin): Admin, form: PostedForm) -> PageResult {
    let (lang, state) = (RequestLang::of(&form.req), &form.state);
    form.act(
        async |input: &InvitationInput| {
            let invitation = match Invitation::parse(input) {
                Ok(invitation) => invitation,
                Err(errors) => return Ok(Outcome::Invalid(errors)),
            };
            match users::invite(&state.accounts, admin.id, invitation, lang).await {
                Ok(()) => {
                    let hours = state.settings.auth.invite_valid_hours.to_string();
                    let flash = Flash::success_with("secretariat-invited", &[("hours", &hours)]);
                    Ok(Redirect::to(PATH).with_flash(flash).into())
                }
                Err(CreateUserError::EmailTaken) => {
                    let mut errors = FieldErrors::default();
                    errors.add("email", ValidationError::EmailTaken);
                    Ok(Outcome::Invalid(errors))
                }
                Err(CreateUserError::Unexpected(error)) => Err(PageError::Unexpected(error)),
            }
        },
        async |input, rejection| page(&form, input, Some(&rejection)).await,
    )
    .await
}

/// Ends every session of a user at once (a lost laptop, a juror leaving the jury).
#[tracing::instrument(skip_all, fields(user_id = admin.id, target_user_id = form.path))]
pub async fn end_sessions(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let ended = async || users::end_sessions(&form.state.db, admin.id, form.path).await;
    let done = Redirect::to(PATH).saying("secretariat-sessions-ended");
    form.press_on(ended, done).await
}

/// Takes away another user's second factor (a lost phone), audited; they enrol again at
/// their next login. Not one's own: another admin (or the CLI) must do that.
#[tracing::instrument(skip_all, fields(user_id = admin.id, target_user_id = form.path))]
pub async fn reset_totp(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    let user_id = form.path;
    form.press(
        async || match users::reset_totp(&form.state.accounts, admin.id, user_id).await? {
            users::ResetTotp::Done => Ok(Redirect::to(PATH).saying("secretariat-totp-reset")),
            users::ResetTotp::HadNone => {
                Ok(Redirect::to(PATH).saying("secretariat-totp-reset-none"))
            }
            users::ResetTotp::Own => Err(PageError::Forbidden),
            users::ResetTotp::NoSuchUser => Err(PageError::NotFound),
        },
    )
    .await
}

/// Switches an account off: its sessions end at once, it cannot log in, and its open
/// links stop working. Not one's own (the secretariat would lock itself out).
#[tracing::instrument(skip_all, fields(user_id = admin.id, target_user_id = form.path))]
pub async fn disable(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    switch(admin, form, true).await
}

/// Switches a disabled account on again.
#[tracing::instrument(skip_all, fields(user_id = admin.id, target_user_id = form.path))]
pub async fn enable(Admin(admin): Admin, form: PostedTo<i32>) -> PageResult {
    switch(admin, form, false).await
}

async fn switch(
    admin: crate::db::users::UserRow,
    form: PostedTo<i32>,
    disable: bool,
) -> PageResult {
    let user_id = form.path;
    if disable && user_id == admin.id {
        return Err(PageError::Forbidden);
    }
    form.press(async || {
        let switched = form
            .state
            .accounts
            .set_disabled(user_id, disable, admin.actor());
        match switched.await? {
            Switched::NoSuchUser => Err(PageError::NotFound),
            Switched::LastAdmin => {
                Ok(Redirect::to(PATH).with_flash(Flash::warning("secretariat-user-last-admin")))
            }
            Switched::Done | Switched::AlreadySo if disable => {
                Ok(Redirect::to(PATH).saying("secretariat-user-disabled"))
            }
            Switched::Done | Switched::AlreadySo => {
                Ok(Redirect::to(PATH).saying("secretariat-user-enabled"))
            }
        }
    })
    .await
}
