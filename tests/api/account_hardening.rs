//! Accounts and sessions under attack (OWASP ASVS level 2): a burst of logins cannot get
//! past the lockout, huge passwords and parallel hashing cannot exhaust memory, old reset
//! links die, accounts can be switched off, signed-in pages are never cached, and cookies
//! and CSRF tokens are bound the way ASVS asks.

use bedre_stat::db;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{
    Backend, SmtpSink, TestDatabase, csrf_token_in, spawn_app, spawn_app_with,
};
use std::process::Command;
use std::time::Duration;

on_both_backends!(
    a_burst_of_logins_gets_no_more_checks_than_the_lockout_allows,
    a_huge_password_is_refused_without_hashing_and_busy_hashing_says_so,
    using_or_requesting_a_reset_link_voids_the_older_ones,
    a_disabled_account_cannot_log_in_or_use_its_links_and_its_sessions_end,
    the_secretariat_switches_an_account_off_and_on_but_not_its_own,
    the_only_secretariat_account_is_never_switched_off_or_erased,
    two_admins_switching_each_other_off_at_once_leave_one,
    signed_in_and_private_pages_are_never_cached,
    a_guards_refusal_is_in_the_users_language,
    a_signed_in_form_needs_the_sessions_own_token,
    secure_cookies_carry_the_host_prefix_and_https_needs_them,
);

const PASSWORD: &str = "riktig hest batteri stift";

async fn login_audit_events(app: &bedre_stat_test_support::TestApp) -> usize {
    app.db
        .read(|conn| {
            Ok(db::audit::actions_for(conn, "user:1")?
                .into_iter()
                .filter(|action| {
                    ["user.logged_in", "user.login_failed", "user.locked"]
                        .contains(&action.as_str())
                })
                .count())
        })
        .await
        .unwrap()
}

/// 40 attempts at once, the right password 21st: before, every one was checked, the right
/// one logged in and 39 failures were counted against a limit of 5.
async fn a_burst_of_logins_gets_no_more_checks_than_the_lockout_allows(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        // The per-address login limit would hide the lockout: this is the lockout's test.
        settings.rate_limit.enabled = false;
    })
    .await;
    app.create_user("kari@dfo.no", "Kari", "juror", PASSWORD)
        .await;
    let token = csrf_token_in(&app.get_html("/logg-inn").await);
    let mut attempts = Vec::new();
    for n in 0..40 {
        let (client, url, token) = (app.client.clone(), app.url("/logg-inn"), token.clone());
        let password = if n == 20 {
            PASSWORD.to_owned()
        } else {
            format!("gjetting nummer {n}")
        };
        attempts.push(tokio::spawn(async move {
            client
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("email", "kari@dfo.no"),
                    ("password", password.as_str()),
                ])
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }));
    }
    let mut statuses = Vec::new();
    for attempt in attempts {
        statuses.push(attempt.await.unwrap());
    }
    let checked = login_audit_events(&app).await;
    assert!(
        checked <= 5,
        "{checked} passwords were checked, limit 5: {statuses:?}"
    );
    let logged_in = statuses.iter().filter(|s| **s == 303).count();
    assert!(logged_in <= 1);
    if logged_in == 0 {
        // The right password came after the lock: locked now, even with it.
        assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 401);
    }
}

async fn a_huge_password_is_refused_without_hashing_and_busy_hashing_says_so(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.rate_limit.enabled = false;
        settings.auth.max_concurrent_hashes = 1;
        settings.auth.hash_wait_secs = 0;
    })
    .await;
    app.create_user("kari@dfo.no", "Kari", "juror", PASSWORD)
        .await;
    let huge = "x".repeat(60_000);
    let response = app.log_in("kari@dfo.no", &huge).await;
    assert_eq!(response.status(), 401);
    assert_eq!(
        login_audit_events(&app).await,
        0,
        "not even counted: it cannot be right"
    );
    // The login form says how long a password can be.
    assert!(app.get_html("/logg-inn").await.contains("128"));

    // One hashing slot and no waiting: of parallel logins some are turned away, with a
    // message that says to try again, and the form keeps the address.
    let token = csrf_token_in(&app.get_html("/logg-inn").await);
    let mut attempts = Vec::new();
    for n in 0..8 {
        let (client, url, token) = (app.client.clone(), app.url("/logg-inn"), token.clone());
        attempts.push(tokio::spawn(async move {
            let response = client
                .post(url)
                .form(&[
                    ("csrf_token", token.as_str()),
                    ("email", format!("ukjent{n}@dfo.no").as_str()),
                    ("password", "feil passord her"),
                ])
                .send()
                .await
                .unwrap();
            (response.status().as_u16(), response.text().await.unwrap())
        }));
    }
    let mut busy = Vec::new();
    for attempt in attempts {
        let (status, page) = attempt.await.unwrap();
        assert!(status == 401 || status == 503, "{status}");
        if status == 503 {
            busy.push(page);
        }
    }
    assert!(
        !busy.is_empty(),
        "with one slot and no wait, a parallel login is turned away"
    );
    assert!(busy[0].contains("Vent et øyeblikk"), "{}", busy[0]);
    assert!(busy[0].contains("@dfo.no\""), "the address typed is kept");
}

fn link_in(mail: &bedre_stat_test_support::Mail) -> String {
    let start = mail.text.find("/konto/passord/").unwrap();
    mail.text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect()
}

async fn using_or_requesting_a_reset_link_voids_the_older_ones(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    // The invitation is the first mail; then one reset mail per request, in order.
    for expected in 2..=3 {
        app.submit_form("/glemt-passord", &[("email", "kari@dfo.no")])
            .await;
        app.smtp.wait_for(expected, Duration::from_secs(20)).await;
    }
    let mails = app.smtp.wait_for(3, Duration::from_secs(20)).await;
    let links: Vec<String> = mails
        .iter()
        .filter(|m| m.subject.contains("Nytt passord"))
        .map(link_in)
        .collect();
    assert_eq!(links.len(), 2);
    assert_eq!(
        app.get(&links[0]).await.status(),
        404,
        "a new request voids the older link"
    );
    let new_password = "en helt ny og lang setning";
    let set = app
        .submit_form(
            &links[1],
            &[
                ("password", new_password),
                ("password_confirmation", new_password),
            ],
        )
        .await;
    assert_eq!(set.status(), 200);
    // The old link stays dead after the new one was used.
    let token = csrf_token_in(&app.get_html("/glemt-passord").await);
    let again = app
        .post_form(
            &links[0],
            &[
                ("csrf_token", token.as_str()),
                ("password", "angriperens passord her"),
                ("password_confirmation", "angriperens passord her"),
            ],
        )
        .await;
    assert_eq!(again.status(), 404);
    assert_eq!(app.log_in("kari@dfo.no", new_password).await.status(), 303);
}

/// Runs the real binary's command line against `database_url`; its stdout, after success.
pub(crate) fn cli(database_url: &str, args: &[&str]) -> String {
    succeeded(&mut command(database_url, args))
}

/// The real binary's command line against `database_url`, to run as it is or with more
/// settings (`.env(..)`).
pub(crate) fn command(database_url: &str, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_bedre-stat"));
    command
        .args(args)
        .env("BEDRE_STAT__DATABASE__URL", database_url);
    command
}

/// Runs the command; its stdout, after success.
pub(crate) fn succeeded(command: &mut Command) -> String {
    let output = command.output().unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).unwrap()
}

async fn a_disabled_account_cannot_log_in_or_use_its_links_and_its_sessions_end(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    // A second secretariat account: the only one is never switched off (tested below).
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    let laptop = app.browser_logged_in("kari@dfo.no", PASSWORD).await;
    let invite = app.invite("ola@dfo.no", "Ola", "juror").await;
    let invite_path = &invite[invite.find("/konto/").unwrap()..];

    let printed = cli(
        app.database_url(),
        &["user", "disable", "--email", "kari@dfo.no"],
    );
    assert!(printed.contains("Disabled"), "{printed}");
    cli(
        app.database_url(),
        &["user", "disable", "--email", "ola@dfo.no"],
    );
    let page = laptop.get(app.url("/sekretariat")).send().await.unwrap();
    assert_eq!(page.status(), 303, "the session ended at once");
    assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 401);
    assert_eq!(
        app.get(invite_path).await.status(),
        404,
        "the invitation is void"
    );

    cli(
        app.database_url(),
        &["user", "enable", "--email", "kari@dfo.no"],
    );
    assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 303);
    let actions = app
        .db
        .read(|conn| Ok(db::audit::actions_for(conn, "user:1")?))
        .await
        .unwrap();
    assert!(actions.contains(&"user.disabled".to_owned()), "{actions:?}");
    assert!(actions.contains(&"user.enabled".to_owned()), "{actions:?}");
}

/// The command line, expected to refuse: its stderr.
fn refused(database_url: &str, args: &[&str]) -> String {
    let output = command(database_url, args).output().unwrap();
    assert!(!output.status.success(), "{args:?} was not refused");
    String::from_utf8(output.stderr).unwrap()
}

async fn the_only_secretariat_account_is_never_switched_off_or_erased(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    app.create_user("ola@dfo.no", "Ola", "juror", PASSWORD)
        .await;
    let url = app.database_url();
    for args in [
        &["user", "disable", "--email", "kari@dfo.no"][..],
        &["privacy", "erase", "--email", "kari@dfo.no"][..],
    ] {
        let said = refused(url, args);
        assert!(said.contains("only enabled secretariat account"), "{said}");
        assert!(said.contains("user add --role admin"), "{said}");
    }
    // Nothing was done: she signs in as before, under her name.
    assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 303);
    let kari = app.user_id("kari@dfo.no").await;
    let user = app
        .db
        .read(move |conn| Ok(db::users::find(conn, kari)?))
        .await
        .unwrap();
    assert_eq!(user.name, "Kari");
    // A juror is not the secretariat: switched off at once.
    cli(url, &["user", "disable", "--email", "ola@dfo.no"]);

    // With a second admin she can go; then the second is the only one.
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    let said = cli(url, &["privacy", "erase", "--email", "kari@dfo.no"]);
    assert!(said.contains("1 staff accounts anonymised"), "{said}");
    refused(url, &["user", "disable", "--email", "siri@dfo.no"]);
    assert_eq!(app.log_in("siri@dfo.no", PASSWORD).await.status(), 303);
}

/// Two admins each switching the other off at the same moment: the second to reach the
/// database waits for the first and finds it is now the only admin left. (Under
/// PostgreSQL's READ COMMITTED a plain read would let both through, leaving none.)
async fn two_admins_switching_each_other_off_at_once_leave_one(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    let (kari, siri) = (
        app.user_id("kari@dfo.no").await,
        app.user_id("siri@dfo.no").await,
    );
    // Kari switches Siri off and is held inside her transaction for a moment...
    let first = app.db.write(move |conn| {
        assert!(!db::users::is_the_last_admin(conn, siri)?);
        db::users::set_disabled(conn, siri, true, db::now())?;
        std::thread::sleep(Duration::from_millis(600));
        Ok(())
    });
    // ...while Siri's switching Kari off asks whether Kari is the last admin.
    let second = async {
        tokio::time::sleep(Duration::from_millis(150)).await;
        app.db
            .write(move |conn| Ok(db::users::is_the_last_admin(conn, kari)?))
            .await
    };
    let (first, kari_is_the_last) = tokio::join!(first, second);
    first.unwrap();
    assert!(
        kari_is_the_last.unwrap(),
        "the second switch saw the first one's change and is refused"
    );
}

async fn signed_in_and_private_pages_are_never_cached(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    let browser = app.browser_logged_in("kari@dfo.no", PASSWORD).await;
    for path in ["/sekretariat", "/sekretariat/runder", "/jury"] {
        let response = browser.get(app.url(path)).send().await.unwrap();
        assert_eq!(response.status(), 200, "{path}");
        assert_eq!(
            response
                .headers()
                .get("cache-control")
                .map(|v| v.to_str().unwrap()),
            Some("no-store"),
            "{path}"
        );
    }
    let invite = app.invite("ola@dfo.no", "Ola", "juror").await;
    let response = app.get(&invite[invite.find("/konto/").unwrap()..]).await;
    assert_eq!(
        response
            .headers()
            .get("cache-control")
            .map(|v| v.to_str().unwrap()),
        Some("no-store")
    );
}

async fn a_signed_in_form_needs_the_sessions_own_token(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    // The token this browser had before logging in (its double-submit cookie).
    let before = csrf_token_in(&app.get_html("/logg-inn").await);
    assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 303);
    let form = [
        ("csrf_token", before.as_str()),
        ("prize_year", "2031"),
        ("nomination_deadline", "2030-10-01"),
        ("jury_deadline", ""),
        ("conference_date", ""),
    ];
    let refused = app.post_form("/sekretariat/runder", &form).await;
    assert_eq!(
        refused.status(),
        403,
        "the pre-login token is not the session's"
    );
    let during = csrf_token_in(&app.get_html("/sekretariat/runder").await);
    assert_ne!(during, before);
    let mut accepted = form;
    accepted[0].1 = during.as_str();
    assert_eq!(
        app.post_form("/sekretariat/runder", &accepted)
            .await
            .status(),
        303
    );
}

async fn secure_cookies_carry_the_host_prefix_and_https_needs_them(backend: Backend) {
    let app = spawn_app_with(backend, SmtpSink::start(), |settings| {
        settings.server.secure_cookies = true;
    })
    .await;
    let response = app.get("/tips").await;
    let cookies: Vec<String> = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    let csrf = cookies
        .iter()
        .find(|c| c.starts_with("__Host-csrf="))
        .expect("a __Host- cookie");
    assert!(csrf.contains("Secure") && csrf.contains("Path=/") && !csrf.contains("Domain"));

    let database = TestDatabase::create(backend);
    let mut settings = bedre_stat_test_support::test_settings(&database.url, "smtp://127.0.0.1:9");
    settings.server.base_url = "https://bedre-stat.example.no".into();
    settings.server.secure_cookies = false;
    let error = bedre_stat::startup::Application::build(settings)
        .err()
        .expect("refuses to start");
    assert!(
        error.to_string().contains("server.secure_cookies"),
        "{error}"
    );
}

async fn the_secretariat_switches_an_account_off_and_on_but_not_its_own(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    app.create_user("ola@dfo.no", "Ola", "juror", PASSWORD)
        .await;
    let ola = app.browser_logged_in("ola@dfo.no", PASSWORD).await;
    assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 303);
    let ola_id = app.user_id("ola@dfo.no").await;
    let kari_id = app.user_id("kari@dfo.no").await;

    let path = format!("/sekretariat/brukere/{ola_id}/deaktiver");
    let response = app.submit_form_to("/sekretariat", &path, &[]).await;
    assert_eq!(response.status(), 303);
    let page = app.get_html("/sekretariat").await;
    assert!(
        page.contains("Kontoen er deaktivert."),
        "the flash says what happened"
    );
    assert!(page.contains("deaktivert</span>"), "the list shows it");
    assert_eq!(
        ola.get(app.url("/jury")).send().await.unwrap().status(),
        303
    );
    assert_eq!(
        app.other_browser()
            .get(app.url("/jury"))
            .send()
            .await
            .unwrap()
            .status(),
        303
    );

    let own = format!("/sekretariat/brukere/{kari_id}/deaktiver");
    assert_eq!(
        app.submit_form_to("/sekretariat", &own, &[]).await.status(),
        403
    );

    let path = format!("/sekretariat/brukere/{ola_id}/aktiver");
    assert_eq!(
        app.submit_form_to("/sekretariat", &path, &[])
            .await
            .status(),
        303
    );
    assert!(
        app.get_html("/sekretariat")
            .await
            .contains("Kontoen er aktivert igjen.")
    );
    let ola_again = app.browser_logged_in("ola@dfo.no", PASSWORD).await;
    assert_eq!(
        ola_again
            .get(app.url("/jury"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
}

/// The role guard refuses before any handler runs; its page used to be rendered after the
/// request's language was gone, so always in bokmål.
async fn a_guards_refusal_is_in_the_users_language(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("ola@dfo.no", "Ola", "juror", PASSWORD)
        .await;
    assert_eq!(app.log_in("ola@dfo.no", PASSWORD).await.status(), 303);
    app.choose_language("nn").await;
    let refused = app.get("/sekretariat").await;
    assert_eq!(refused.status(), 403);
    let page = refused.text().await.unwrap();
    assert!(
        page.contains("Du har ikkje tilgang til denne sida."),
        "{page}"
    );
    assert!(page.contains("lang=\"nn\""));
}
