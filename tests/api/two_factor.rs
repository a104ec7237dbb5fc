//! Two-factor login for staff (TOTP, RFC 6238): enrolling with a QR code and recovery
//! codes, the second login step (a code from the app, never the same step twice, or an
//! unused recovery code), wrong codes counted against the lockout, `auth.require_totp`
//! confining an account that must enrol to the enrolment, and resets by another admin
//! (audited) or the CLI.

use crate::account_hardening::cli;
use bedre_stat::config::RequireTotp;
use bedre_stat::db;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, SmtpSink, TestApp, csrf_token_in, spawn_app_with};

on_both_backends!(
    an_admin_who_must_enrol_is_confined_to_the_enrolment_until_done,
    a_login_needs_a_fresh_code_and_never_the_same_step_twice,
    a_recovery_code_works_once,
    wrong_codes_count_toward_the_lockout_with_the_password,
    another_admin_or_the_cli_resets_a_lost_authenticator,
);

const PASSWORD: &str = "riktig hest batteri stift";

async fn spawn(backend: Backend) -> TestApp {
    spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.auth.require_totp = RequireTotp::Admins;
        // A configured secret, so the TOTP secrets are stored encrypted.
        settings.auth.session_secret = "hemmelig-nøkkel-for-testene-".repeat(4).into();
        settings.rate_limit.enabled = false;
    })
    .await
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// The code the app would show at `time` for the base32 `secret`.
fn code_at(secret: &str, time: u64) -> String {
    let secret = totp_rs::Secret::try_from_base32(secret).unwrap();
    totp_rs::Builder::new()
        .with_secret(secret)
        .build()
        .unwrap()
        .generate(time)
        .to_string()
}

fn between<'a>(page: &'a str, start: &str, end: &str) -> &'a str {
    let from = page
        .find(start)
        .unwrap_or_else(|| panic!("{start} in {page}"))
        + start.len();
    &page[from..from + page[from..].find(end).unwrap()]
}

fn location(response: &reqwest::Response) -> String {
    response
        .headers()
        .get("location")
        .and_then(|l| l.to_str().ok())
        .unwrap_or("")
        .to_owned()
}

async fn get(app: &TestApp, browser: &reqwest::Client, path: &str) -> reqwest::Response {
    browser.get(app.url(path)).send().await.unwrap()
}

/// A browser after the password step.
async fn password_step(app: &TestApp, email: &str) -> (reqwest::Client, reqwest::Response) {
    let browser = app.other_browser();
    let response = app
        .submit_form_as(
            &browser,
            "/logg-inn",
            "/logg-inn",
            &[("email", email), ("password", PASSWORD)],
        )
        .await;
    (browser, response)
}

async fn send_code(app: &TestApp, browser: &reqwest::Client, code: &str) -> reqwest::Response {
    app.submit_form_as(
        browser,
        "/logg-inn/kode",
        "/logg-inn/kode",
        &[("code", code)],
    )
    .await
}

/// Enrols in `browser` (signed in): the base32 secret, the step time it was confirmed
/// at, and the recovery codes.
async fn enrol(app: &TestApp, browser: &reqwest::Client) -> (String, u64, Vec<String>) {
    let page = get(app, browser, "/konto/totp").await.text().await.unwrap();
    assert!(page.contains("<svg role=\"img\""), "a QR code: {page}");
    assert!(page.contains("autocomplete=\"one-time-code\""));
    assert!(page.contains("inputmode=\"numeric\""));
    let secret = between(&page, "id=\"totp-secret\">", "<").to_owned();
    let wrong = app
        .submit_form_as(browser, "/konto/totp", "/konto/totp", &[("code", "000000")])
        .await;
    assert_eq!(wrong.status(), 422, "a wrong first code");
    let time = now();
    let done = app
        .submit_form_as(
            browser,
            "/konto/totp",
            "/konto/totp",
            &[("code", &code_at(&secret, time))],
        )
        .await;
    assert_eq!(done.status(), 200);
    let page = done.text().await.unwrap();
    let list = between(&page, "id=\"recovery-codes\">", "</ul>");
    let codes: Vec<String> = list
        .split("<code>")
        .skip(1)
        .map(|c| c[..c.find("</code>").unwrap()].to_owned())
        .collect();
    assert_eq!(codes.len(), 10, "ten recovery codes: {page}");
    (secret, time, codes)
}

/// A signed-in, enrolled account; returns its browser, secret, enrolment time and codes.
async fn enrolled(
    app: &TestApp,
    email: &str,
    role: &str,
) -> (reqwest::Client, String, u64, Vec<String>) {
    app.create_user(email, email, role, PASSWORD).await;
    let (browser, response) = password_step(app, email).await;
    assert_eq!(response.status(), 303);
    let (secret, time, codes) = enrol(app, &browser).await;
    (browser, secret, time, codes)
}

async fn actions(app: &TestApp, user_id: i32) -> Vec<String> {
    app.db
        .read(move |conn| Ok(db::audit::actions_for(conn, &format!("user:{user_id}"))?))
        .await
        .unwrap()
}

async fn failed_logins(app: &TestApp, user_id: i32) -> i32 {
    app.db
        .read(move |conn| Ok(db::users::find(conn, user_id)?.failed_logins))
        .await
        .unwrap()
}

async fn an_admin_who_must_enrol_is_confined_to_the_enrolment_until_done(backend: Backend) {
    let app = spawn(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    let (browser, response) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/konto/totp");
    // Signed in, not enrolled: every staff page leads to the enrolment.
    for path in [
        "/sekretariat",
        "/sekretariat/logg",
        "/jury",
        "/sekretariat/runder",
    ] {
        let response = get(&app, &browser, path).await;
        assert_eq!(response.status(), 303, "{path}");
        assert_eq!(location(&response), "/konto/totp", "{path}");
    }
    let token = csrf_token_in(
        &get(&app, &browser, "/konto/totp")
            .await
            .text()
            .await
            .unwrap(),
    );
    let post = browser
        .post(app.url("/sekretariat/brukere/1/logg-ut"))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&post), "/konto/totp", "nor a staff POST");
    let (secret, _, _) = enrol(&app, &browser).await;
    assert_eq!(get(&app, &browser, "/sekretariat").await.status(), 200);
    // Stored encrypted, bound to the account: not the secret the page showed.
    let stored = app
        .db
        .read(|conn| {
            use bedre_stat::db::schema::users;
            use diesel::prelude::*;
            Ok(users::table
                .filter(users::email.eq("kari@dfo.no"))
                .select(users::totp_secret)
                .first::<Option<String>>(conn)?)
        })
        .await
        .unwrap()
        .unwrap();
    assert!(stored.starts_with("v1:"), "{stored}");
    assert!(!stored.to_lowercase().contains(&secret.to_lowercase()));
    let kari = app.user_id("kari@dfo.no").await;
    assert!(
        actions(&app, kari)
            .await
            .contains(&"user.totp_enrolled".to_owned())
    );
    // A juror is not required (admins only): straight to the desk, enrolment optional.
    app.create_user("ola@dfo.no", "Ola", "juror", PASSWORD)
        .await;
    let (juror, response) = password_step(&app, "ola@dfo.no").await;
    assert_eq!(location(&response), "/jury");
    let desk = get(&app, &juror, "/jury").await.text().await.unwrap();
    assert!(desk.contains("href=\"/konto/totp\""), "a link to enrol");
    // Anonymous: the enrolment is behind the login.
    assert_eq!(
        location(
            &app.other_browser()
                .get(app.url("/konto/totp"))
                .send()
                .await
                .unwrap()
        ),
        "/logg-inn?neste=/konto/totp"
    );
}

async fn a_login_needs_a_fresh_code_and_never_the_same_step_twice(backend: Backend) {
    let app = spawn(backend).await;
    let (_, secret, enrolled_at, _) = enrolled(&app, "kari@dfo.no", "admin").await;
    let kari = app.user_id("kari@dfo.no").await;
    let (browser, response) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(location(&response), "/logg-inn/kode");
    // Password right, code pending: not signed in.
    let page = get(&app, &browser, "/sekretariat").await;
    assert!(
        location(&page).starts_with("/logg-inn"),
        "{}",
        location(&page)
    );
    // The code used to enrol is spent.
    let replay = send_code(&app, &browser, &code_at(&secret, enrolled_at)).await;
    assert_eq!(replay.status(), 401, "the enrolment's code again");
    let wrong = send_code(&app, &browser, "123456").await;
    assert_eq!(wrong.status(), 401);
    // The next step's code (a clock a little ahead) is accepted.
    let next = code_at(&secret, now() + 30);
    let response = send_code(&app, &browser, &next).await;
    assert_eq!(response.status(), 303);
    assert_eq!(location(&response), "/sekretariat");
    assert_eq!(get(&app, &browser, "/sekretariat").await.status(), 200);
    assert_eq!(
        failed_logins(&app, kari).await,
        0,
        "a login resets the count"
    );
    // The same code in another browser, at once: refused.
    let (other, _) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(send_code(&app, &other, &next).await.status(), 401);
    assert_eq!(get(&app, &other, "/sekretariat").await.status(), 303);
    // The pending step leads nowhere without a password first.
    let fresh = app.other_browser();
    assert_eq!(
        location(&get(&app, &fresh, "/logg-inn/kode").await),
        "/logg-inn"
    );
}

async fn a_recovery_code_works_once(backend: Backend) {
    let app = spawn(backend).await;
    let (_, _, _, codes) = enrolled(&app, "kari@dfo.no", "admin").await;
    let (browser, _) = password_step(&app, "kari@dfo.no").await;
    let response = send_code(&app, &browser, &codes[0].to_uppercase()).await;
    assert_eq!(response.status(), 303, "a recovery code, typed in capitals");
    assert_eq!(get(&app, &browser, "/sekretariat").await.status(), 200);
    let (again, _) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(
        send_code(&app, &again, &codes[0]).await.status(),
        401,
        "used"
    );
    assert_eq!(send_code(&app, &again, &codes[1]).await.status(), 303);
    let kari = app.user_id("kari@dfo.no").await;
    let left = app
        .db
        .read(move |conn| Ok(db::two_factor::count_unused_recovery_codes(conn, kari)?))
        .await
        .unwrap();
    assert_eq!(left, 8);
}

async fn wrong_codes_count_toward_the_lockout_with_the_password(backend: Backend) {
    let app = spawn(backend).await;
    let (_, secret, _, _) = enrolled(&app, "kari@dfo.no", "admin").await;
    let kari = app.user_id("kari@dfo.no").await;
    // The password step counts one attempt until the code completes the login, and a
    // right password again does not reset the count: knowing the password gives no
    // endless guesses at the code.
    let (browser, _) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(send_code(&app, &browser, "111111").await.status(), 401);
    assert_eq!(send_code(&app, &browser, "222222").await.status(), 401);
    assert_eq!(failed_logins(&app, kari).await, 3);
    let (browser, response) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(location(&response), "/logg-inn/kode");
    assert_eq!(failed_logins(&app, kari).await, 4);
    assert_eq!(send_code(&app, &browser, "333333").await.status(), 401);
    assert!(
        actions(&app, kari)
            .await
            .contains(&"user.locked".to_owned())
    );
    // Locked: the right code is refused, and so is the password.
    let right = code_at(&secret, now() + 30);
    assert_eq!(send_code(&app, &browser, &right).await.status(), 401);
    assert_eq!(get(&app, &browser, "/sekretariat").await.status(), 303);
    let (_, response) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(response.status(), 401);
}

async fn another_admin_or_the_cli_resets_a_lost_authenticator(backend: Backend) {
    let app = spawn(backend).await;
    let (admin, _, _, _) = enrolled(&app, "kari@dfo.no", "admin").await;
    let (juror, _, _, _) = enrolled(&app, "ola@dfo.no", "juror").await;
    let (kari, ola) = (
        app.user_id("kari@dfo.no").await,
        app.user_id("ola@dfo.no").await,
    );
    let overview = get(&app, &admin, "/sekretariat")
        .await
        .text()
        .await
        .unwrap();
    assert!(overview.contains(&format!("/sekretariat/brukere/{ola}/totp/nullstill")));
    assert!(
        !overview.contains(&format!("/sekretariat/brukere/{kari}/totp/nullstill")),
        "no button for one's own"
    );
    let token = csrf_token_in(&overview);
    let own = admin
        .post(app.url(&format!("/sekretariat/brukere/{kari}/totp/nullstill")))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 403, "not one's own");
    let no_token = admin
        .post(app.url(&format!("/sekretariat/brukere/{ola}/totp/nullstill")))
        .form(&[("csrf_token", "")])
        .send()
        .await
        .unwrap();
    assert_eq!(no_token.status(), 403, "CSRF checked");
    let reset = admin
        .post(app.url(&format!("/sekretariat/brukere/{ola}/totp/nullstill")))
        .form(&[("csrf_token", token.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(reset.status(), 303);
    let page = get(&app, &admin, "/sekretariat")
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Tofaktorinnloggingen er nullstilt"), "{page}");
    let audit = app
        .db
        .read(|conn| {
            use bedre_stat::db::schema::audit_events;
            use diesel::prelude::*;
            Ok(audit_events::table
                .filter(audit_events::action.eq("user.totp_reset"))
                .select((audit_events::actor, audit_events::subject_ref))
                .load::<(String, String)>(conn)?)
        })
        .await
        .unwrap();
    assert_eq!(audit, vec![(format!("user:{kari}"), format!("user:{ola}"))]);
    // Ola's sessions ended; a juror is not required, so the password alone logs in now.
    assert_eq!(get(&app, &juror, "/jury").await.status(), 303);
    let (_, response) = password_step(&app, "ola@dfo.no").await;
    assert_eq!(location(&response), "/jury");
    // The CLI resets an admin's (Kari has no other admin): she must enrol again.
    let printed = cli(
        app.database_url(),
        &["user", "reset-totp", "--email", "kari@dfo.no"],
    );
    assert!(printed.contains("Reset the authenticator"), "{printed}");
    assert_eq!(get(&app, &admin, "/sekretariat").await.status(), 303);
    let (_, response) = password_step(&app, "kari@dfo.no").await;
    assert_eq!(location(&response), "/konto/totp");
    assert!(
        actions(&app, kari)
            .await
            .contains(&"user.totp_reset".to_owned())
    );
}
