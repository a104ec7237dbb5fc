use crate::account_hardening::{command, succeeded};
use bedre_stat::db;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestDatabase, csrf_token_in, spawn_app};
use std::time::Duration;

on_both_backends!(
    the_command_line_creates_a_user_and_emails_the_link,
    a_user_sets_a_password_logs_in_and_out,
    pages_need_a_login_and_the_right_role,
    the_secretariat_invites_a_juror_from_the_web,
    repeated_failures_lock_the_account,
    a_forgotten_password_is_reset_by_an_expiring_link_and_ends_other_sessions,
    the_secretariat_can_end_all_sessions_of_a_user,
);

const PASSWORD: &str = "riktig hest batteri stift";

async fn the_command_line_creates_a_user_and_emails_the_link(backend: Backend) {
    let database = TestDatabase::create(backend);
    let add = |email, name, role| {
        command(
            &database.url,
            &[
                "user", "add", "--email", email, "--name", name, "--role", role,
            ],
        )
    };
    let stdout = succeeded(add("Kari@DFO.no", "Kari Nordmann", "admin").env(
        "BEDRE_STAT__SERVER__BASE_URL",
        "https://bedre-stat.example.no",
    ));
    let link = stdout
        .split_whitespace()
        .find(|w| w.starts_with("https://bedre-stat.example.no/konto/passord/"))
        .expect(&stdout);

    let db = db::Database::connect(&database.url, 1).unwrap();
    let outbox = db.read(|conn| Ok(db::outbox::all(conn)?)).await.unwrap();
    assert_eq!(outbox.len(), 1);
    assert_eq!(outbox[0].purpose, "account_invite");
    assert!(
        outbox[0].recipient.contains("kari@dfo.no"),
        "addresses are stored in lower case"
    );
    assert!(outbox[0].body_text.contains(link));

    let again = add("kari@dfo.no", "Kari", "juror").output().unwrap();
    assert!(!again.status.success(), "the same address twice is refused");
    let bad_role = add("ola@dfo.no", "Ola", "root").output().unwrap();
    assert!(!bad_role.status.success());
}

async fn a_user_sets_a_password_logs_in_and_out(backend: Backend) {
    let app = spawn_app(backend).await;
    let link = app.invite("kari@dfo.no", "Kari Nordmann", "admin").await;
    let path = link[link.find("/konto/").unwrap()..].to_owned();

    // Too short, then not matching: clear messages, nothing typed is sent back.
    let response = app
        .submit_form(
            &path,
            &[("password", "kort"), ("password_confirmation", "kort")],
        )
        .await;
    assert_eq!(response.status(), 422);
    let page = response.text().await.unwrap();
    assert!(page.contains("Passordet må ha minst 12 tegn."));
    assert!(!page.contains("value=\"kort\""));
    let response = app
        .submit_form(
            &path,
            &[
                ("password", PASSWORD),
                ("password_confirmation", "noe annet her"),
            ],
        )
        .await;
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Passordene er ikke like.")
    );

    let response = app
        .submit_form(
            &path,
            &[("password", PASSWORD), ("password_confirmation", PASSWORD)],
        )
        .await;
    assert_eq!(response.status(), 200);
    // The link is used up.
    assert_eq!(app.get(&path).await.status(), 404);

    let refused = app.log_in("kari@dfo.no", "feil passord her").await;
    assert_eq!(refused.status(), 401);
    let page = refused.text().await.unwrap();
    assert!(page.contains("Feil e-postadresse eller passord."));
    assert!(
        page.contains("value=\"kari@dfo.no\""),
        "the address is kept"
    );
    assert!(!page.contains("feil passord her"), "the password is not");

    let response = app.log_in("KARI@dfo.no", PASSWORD).await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/sekretariat");
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("bsp_session="))
        .expect("a session cookie");
    assert!(
        cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"),
        "{cookie}"
    );
    let first_session = cookie.split(';').next().unwrap().to_owned();

    let page = app.get_html("/sekretariat").await;
    assert!(page.contains("Kari Nordmann"));

    // Logging in again renews the session id and leaves one session.
    let response = app.log_in("kari@dfo.no", PASSWORD).await;
    let cookie = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|c| c.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("bsp_session="))
        .unwrap();
    assert_ne!(cookie.split(';').next().unwrap(), first_session);
    let user_id = app.user_id("kari@dfo.no").await;
    assert_eq!(
        app.db
            .read(move |conn| Ok(db::users::count_sessions(conn, user_id)?))
            .await
            .unwrap(),
        1
    );

    // Logging out ends the session in the database too.
    let page = app.get_html("/sekretariat").await;
    let token = csrf_token_in(&page);
    let response = app
        .post_form("/logg-ut", &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        app.db
            .read(move |conn| Ok(db::users::count_sessions(conn, user_id)?))
            .await
            .unwrap(),
        0
    );
    assert_eq!(app.get("/sekretariat").await.status(), 303);
}

async fn pages_need_a_login_and_the_right_role(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/jury", "/sekretariat"] {
        let response = app.get(path).await;
        assert_eq!(response.status(), 303, "{path}");
        assert_eq!(
            response.headers()["location"],
            format!("/logg-inn?neste={path}")
        );
    }
    let response = app
        .post_form(
            "/sekretariat/brukere",
            &[("name", "X"), ("email", "x@dfo.no"), ("role", "admin")],
        )
        .await;
    assert_eq!(response.status(), 303, "anonymous cannot invite");
    // A posted form's action is no page to come back to: the login leads to the start
    // page instead.
    assert_eq!(response.headers()["location"], "/logg-inn?neste=");

    app.create_user("juror@dfo.no", "Jon Jurymedlem", "juror", PASSWORD)
        .await;
    // Back to where the login was asked for.
    let page = app.get_html("/logg-inn?neste=/jury").await;
    let token = csrf_token_in(&page);
    let response = app
        .post_form(
            "/logg-inn",
            &[
                ("csrf_token", token.as_str()),
                ("email", "juror@dfo.no"),
                ("password", PASSWORD),
                ("neste", "/jury"),
            ],
        )
        .await;
    assert_eq!(response.headers()["location"], "/jury");
    assert!(app.get_html("/jury").await.contains("Jon Jurymedlem"));
    assert_eq!(app.get("/sekretariat").await.status(), 403);
    let page = app.get_html("/jury").await;
    let token = csrf_token_in(&page);
    let response = app
        .post_form(
            "/sekretariat/brukere",
            &[
                ("csrf_token", token.as_str()),
                ("name", "X"),
                ("email", "x@dfo.no"),
                ("role", "admin"),
            ],
        )
        .await;
    assert_eq!(response.status(), 403, "a juror cannot invite");
    let evil = app
        .post_form(
            "/logg-inn",
            &[
                ("csrf_token", token.as_str()),
                ("email", "juror@dfo.no"),
                ("password", PASSWORD),
                ("neste", "//evil.example"),
            ],
        )
        .await;
    assert_eq!(evil.headers()["location"], "/jury", "no open redirect");
}

async fn the_secretariat_invites_a_juror_from_the_web(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("sekretariat@dfo.no", "Siri Sekretær", "admin", PASSWORD)
        .await;
    assert_eq!(
        app.log_in("sekretariat@dfo.no", PASSWORD).await.status(),
        303
    );
    let response = app
        .submit_form_to(
            "/sekretariat",
            "/sekretariat/brukere",
            &[
                ("name", "Jon Jurymedlem"),
                ("email", "jon@example.no"),
                ("role", "juror"),
            ],
        )
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(response.headers()["location"], "/sekretariat");
    let page = app.get_html("/sekretariat").await;
    assert!(page.contains("Invitasjonen er sendt."));
    assert!(page.contains("jon@example.no"), "listed among the users");

    // Siri's own invitation, and Jon's.
    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let invite = mails
        .iter()
        .find(|m| m.envelope_to == "jon@example.no")
        .expect("an invitation");
    let link_start = invite.text.find("/konto/passord/").unwrap();
    let path: String = invite.text[link_start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();

    let again = app
        .submit_form_to(
            "/sekretariat",
            "/sekretariat/brukere",
            &[
                ("name", "Jon"),
                ("email", "JON@example.no"),
                ("role", "juror"),
            ],
        )
        .await;
    assert_eq!(again.status(), 422);
    assert!(
        again
            .text()
            .await
            .unwrap()
            .contains("Det finnes allerede en konto")
    );
    let bad = app
        .submit_form_to(
            "/sekretariat",
            "/sekretariat/brukere",
            &[("name", ""), ("email", "x"), ("role", "root")],
        )
        .await;
    assert_eq!(bad.status(), 422);
    let page = bad.text().await.unwrap();
    assert!(page.contains("Velg en rolle.") && page.contains("Feltet må fylles ut."));

    // The juror uses the link in another browser.
    let juror = app.other_browser();
    let saved = app
        .submit_form_as(
            &juror,
            &path,
            &path,
            &[("password", PASSWORD), ("password_confirmation", PASSWORD)],
        )
        .await;
    assert_eq!(saved.status(), 200);
    let actions = app
        .db
        .read(|conn| Ok(db::audit::actions_for(conn, "user:2")?))
        .await
        .unwrap();
    assert!(
        actions.contains(&"user.created".to_owned())
            && actions.contains(&"user.password_set".to_owned()),
        "{actions:?}"
    );
}

async fn repeated_failures_lock_the_account(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "juror", PASSWORD)
        .await;
    for _ in 0..5 {
        assert_eq!(
            app.log_in("kari@dfo.no", "gjetting gjetting")
                .await
                .status(),
            401
        );
    }
    let locked = app.log_in("kari@dfo.no", PASSWORD).await;
    assert_eq!(locked.status(), 401, "locked even with the right password");
    let page = locked.text().await.unwrap();
    assert!(page.contains("sperret i 15 minutter"));
    let user = app
        .db
        .read(|conn| Ok(db::users::find_by_email(conn, "kari@dfo.no")?.unwrap()))
        .await
        .unwrap();
    assert!(user.locked_until.is_some_and(|until| until > db::now()));
    // Unknown addresses get the same answer.
    let unknown = app.log_in("ingen@dfo.no", PASSWORD).await;
    assert_eq!(unknown.status(), 401);
}

async fn a_forgotten_password_is_reset_by_an_expiring_link_and_ends_other_sessions(
    backend: Backend,
) {
    let app = spawn_app(backend).await;
    app.create_user("kari@dfo.no", "Kari", "admin", PASSWORD)
        .await;
    // Kari is logged in elsewhere.
    let other = app.browser_logged_in("kari@dfo.no", PASSWORD).await;
    assert_eq!(
        other
            .get(app.url("/sekretariat"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );

    // Unknown and known addresses get the same page.
    let unknown = app
        .submit_form("/glemt-passord", &[("email", "ingen@dfo.no")])
        .await;
    let known = app
        .submit_form("/glemt-passord", &[("email", "kari@dfo.no")])
        .await;
    assert_eq!(unknown.status(), 200);
    assert_eq!(unknown.text().await.unwrap(), known.text().await.unwrap());
    let mails = app.smtp.wait_for(2, Duration::from_secs(20)).await;
    let reset = mails
        .iter()
        .find(|m| m.subject.contains("Nytt passord"))
        .expect("a reset mail");
    assert_eq!(reset.envelope_to, "kari@dfo.no");
    assert!(reset.text.contains("60 minutter"));
    let link_start = reset.text.find("/konto/passord/").unwrap();
    let path: String = reset.text[link_start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();

    let new_password = "en helt ny og lang setning";
    let response = app
        .submit_form(
            &path,
            &[
                ("password", new_password),
                ("password_confirmation", new_password),
            ],
        )
        .await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        other
            .get(app.url("/sekretariat"))
            .send()
            .await
            .unwrap()
            .status(),
        303,
        "the other session has ended"
    );
    assert_eq!(app.log_in("kari@dfo.no", PASSWORD).await.status(), 401);
    assert_eq!(app.log_in("kari@dfo.no", new_password).await.status(), 303);

    // An expired link does not work.
    app.db
        .write(|conn| {
            use diesel::prelude::*;
            diesel::update(db::schema::account_tokens::table)
                .set(
                    db::schema::account_tokens::expires_at
                        .eq(db::now() - chrono::TimeDelta::minutes(1)),
                )
                .execute(conn)?;
            Ok(())
        })
        .await
        .unwrap();
    app.submit_form("/glemt-passord", &[("email", "kari@dfo.no")])
        .await;
    let mails = app.smtp.wait_for(3, Duration::from_secs(20)).await;
    let latest = mails
        .iter()
        .filter(|m| m.subject.contains("Nytt passord"))
        .nth(1)
        .expect("a second reset mail");
    let link_start = latest.text.find("/konto/passord/").unwrap();
    let fresh: String = latest.text[link_start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    assert_eq!(app.get(&fresh).await.status(), 200, "the new link works");
    assert_eq!(app.get(&path).await.status(), 404, "the used one does not");
}

async fn the_secretariat_can_end_all_sessions_of_a_user(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_user("siri@dfo.no", "Siri", "admin", PASSWORD)
        .await;
    app.create_user("jon@dfo.no", "Jon", "juror", PASSWORD)
        .await;
    let juror = app.browser_logged_in("jon@dfo.no", PASSWORD).await;
    assert_eq!(
        juror.get(app.url("/jury")).send().await.unwrap().status(),
        200
    );

    assert_eq!(app.log_in("siri@dfo.no", PASSWORD).await.status(), 303);
    let page = app.get_html("/sekretariat").await;
    let jon = app.user_id("jon@dfo.no").await;
    let action = format!("/sekretariat/brukere/{jon}/logg-ut");
    assert!(page.contains(&action), "a button per user");
    let token = csrf_token_in(&page);
    assert_eq!(
        app.post_form(&action, &[("csrf_token", "feil")])
            .await
            .status(),
        403,
        "CSRF checked"
    );
    assert_eq!(
        juror.get(app.url("/jury")).send().await.unwrap().status(),
        200,
        "still logged in"
    );
    let response = app
        .post_form(&action, &[("csrf_token", token.as_str())])
        .await;
    assert_eq!(response.status(), 303);
    assert_eq!(
        juror.get(app.url("/jury")).send().await.unwrap().status(),
        303,
        "Jon's session has ended"
    );
    assert_eq!(
        app.get("/sekretariat").await.status(),
        200,
        "Siri's has not"
    );
    let actions = app
        .db
        .read(move |conn| Ok(db::audit::actions_for(conn, &format!("user:{jon}"))?))
        .await
        .unwrap();
    assert!(actions.contains(&"user.sessions_ended".to_owned()));
}
