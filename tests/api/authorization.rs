//! The authorization matrix: every jury and secretariat route × {anonymous, juror,
//! conflicted juror, secretariat, disabled account} → the expected answer, on both
//! backends. The disabled account was signed in when the secretariat switched it off: it
//! is sent to the login page everywhere. POSTs carry a
//! valid CSRF token, so the answer reflects authorization, not CSRF. The round is in
//! discussion; the nomination in the URLs is the one the conflicted juror is conflicted on.

use crate::decision_support::{Seeded, browser_for, seed};
use bedre_stat::db;
use bedre_stat_test_support::on_both_backends;
use bedre_stat_test_support::{Backend, TestApp, csrf_token_in, spawn_app};
use reqwest::Method;

const PASSWORD: &str = "riktig hest batteri stift";

on_both_backends!(every_route_answers_each_role_as_expected);

/// What a role should get.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// 303 to the login page.
    Login,
    /// 403.
    Forbidden,
    /// 200.
    Page,
    /// 404.
    NotFound,
    /// Authorized, the outcome depending on the (mostly empty) form: a page, a redirect
    /// elsewhere than the login, or a validation answer — never 401/403, a login redirect
    /// or a server error.
    Allowed,
}

use Expect::*;

const ROLES: [&str; 5] = [
    "anonymous",
    "juror",
    "conflicted juror",
    "secretariat",
    "disabled account",
];

struct Row {
    method: Method,
    path: String,
    /// Per role, in the order of `ROLES`.
    expect: [Expect; 5],
}

/// A row: the expected answers of the four active roles; a disabled account, whatever it
/// was, gets the login page.
fn row(
    method: Method,
    path: String,
    [anonymous, juror, conflicted, secretariat]: [Expect; 4],
) -> Row {
    Row {
        method,
        path,
        expect: [anonymous, juror, conflicted, secretariat, Login],
    }
}

/// A public page: every role, the disabled account too, gets the same answer.
fn public_row(method: Method, path: &str, expect: Expect) -> Row {
    Row {
        method,
        path: path.into(),
        expect: [expect; 5],
    }
}

fn matches(expect: Expect, status: u16, location: &str) -> bool {
    match expect {
        Login => status == 303 && location.starts_with("/logg-inn"),
        Forbidden => status == 403,
        Page => status == 200,
        NotFound => status == 404,
        Allowed => {
            !matches!(status, 401 | 403)
                && status < 500
                && !(status == 303 && location.starts_with("/logg-inn"))
        }
    }
}

/// The rows, built from the seeded ids. Secretariat rows: anonymous to the login, any
/// juror 403. Jury rows: the conflicted juror is refused what concerns nomination A.
fn rows(seeded: &Seeded, (criterion_id, tip_id, file): (i32, i32, i32)) -> Vec<Row> {
    let r = seeded.round_id;
    let a = seeded.conflicted_nomination().0;
    let conflicted = seeded.conflicted_juror().0;
    let g = Method::GET;
    let p = Method::POST;
    let staff_get = [Login, Forbidden, Forbidden, Page];
    let staff_post = [Login, Forbidden, Forbidden, Allowed];
    let mut rows = vec![
        // The secretariat's pages.
        row(g.clone(), "/sekretariat".into(), staff_get),
        row(p.clone(), "/sekretariat/brukere".into(), staff_post),
        row(g.clone(), "/sekretariat/runder".into(), staff_get),
        row(g.clone(), format!("/sekretariat/runder/{r}"), staff_get),
        row(
            g.clone(),
            format!("/sekretariat/runder/{r}/kriterier/{criterion_id}"),
            staff_get,
        ),
        row(
            g.clone(),
            format!("/sekretariat/runder/{r}/nominasjoner"),
            staff_get,
        ),
        row(
            g.clone(),
            format!("/sekretariat/nominasjoner/{a}"),
            staff_get,
        ),
        // A nomination's files: the secretariat downloads them.
        row(
            g.clone(),
            format!("/sekretariat/nominasjoner/{a}/vedlegg/{file}"),
            staff_get,
        ),
        row(
            g.clone(),
            format!("/sekretariat/nominasjoner/{a}/vedlegg/999999"),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(g.clone(), "/sekretariat/habilitet".into(), staff_get),
        row(
            g.clone(),
            format!("/sekretariat/habilitet/{conflicted}/{a}"),
            staff_get,
        ),
        row(g.clone(), "/sekretariat/logg".into(), staff_get),
        row(
            g.clone(),
            format!("/sekretariat/runder/{r}/resultater"),
            staff_get,
        ),
        row(
            g.clone(),
            format!("/sekretariat/runder/{r}/poeng.csv"),
            staff_get,
        ),
        row(
            g.clone(),
            format!("/sekretariat/runder/{r}/poeng.xlsx"),
            staff_get,
        ),
        row(
            g.clone(),
            format!("/sekretariat/runder/{r}/rapport"),
            staff_get,
        ),
        // Objects that do not exist: 404 for the secretariat, still 403 for jurors.
        row(
            g.clone(),
            "/sekretariat/runder/999999/resultater".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            "/sekretariat/nominasjoner/999999".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            "/sekretariat/runder/999999".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            "/sekretariat/runder/999999/poeng.xlsx".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        // A segment that is no id at all is the same 404.
        row(
            g.clone(),
            "/sekretariat/runder/abc".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(g.clone(), "/sekretariat/epost".into(), staff_get),
        row(g.clone(), "/sekretariat/tips".into(), staff_get),
        row(g.clone(), format!("/sekretariat/tips/{tip_id}"), staff_get),
        row(
            g.clone(),
            "/sekretariat/tips/999999".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            "/sekretariat/sok?q=innkj%C3%B8p".into(),
            staff_get,
        ),
        row(g.clone(), "/sekretariat/nominasjoner".into(), staff_get),
        row(
            p.clone(),
            "/sekretariat/epost/999999/send-igjen".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/epost/send-igjen".into(),
            staff_post,
        ),
        // Triage: on a real tip (an empty form is invalid, a step its state does not
        // allow is refused on the tip's page), and on one that does not exist.
        row(
            p.clone(),
            format!("/sekretariat/tips/{tip_id}/vurder"),
            staff_post,
        ),
        row(
            p.clone(),
            format!("/sekretariat/tips/{tip_id}/koble"),
            staff_post,
        ),
        row(
            p.clone(),
            format!("/sekretariat/tips/{tip_id}/inviter"),
            staff_post,
        ),
        row(
            p.clone(),
            format!("/sekretariat/tips/{tip_id}/lukk"),
            staff_post,
        ),
        row(
            p.clone(),
            format!("/sekretariat/tips/{tip_id}/gjenapne"),
            staff_post,
        ),
        row(
            p.clone(),
            "/sekretariat/tips/999999/vurder".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/tips/999999/koble".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/tips/999999/inviter".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/tips/999999/lukk".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/tips/999999/gjenapne".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        // The library of good examples: the secretariat's desk, forms and buttons.
        row(g.clone(), "/sekretariat/bibliotek".into(), staff_get),
        row(g.clone(), "/sekretariat/bibliotek/ny".into(), staff_get),
        // (An empty form: shown again with its errors.)
        row(p.clone(), "/sekretariat/bibliotek/ny".into(), staff_post),
        // (Not a finalist: refused with a flash message, nothing drafted.)
        row(
            p.clone(),
            format!("/sekretariat/bibliotek/fra/{a}"),
            staff_post,
        ),
        row(
            p.clone(),
            "/sekretariat/bibliotek/fra/999999".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            "/sekretariat/bibliotek/999999".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            "/sekretariat/bibliotek/abc".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/bibliotek/999999".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/bibliotek/999999/publiser".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/bibliotek/999999/avpubliser".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        // (An unknown user, so the matrix does not end the sessions it runs on.)
        row(
            p.clone(),
            "/sekretariat/brukere/999999/logg-ut".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/brukere/999999/deaktiver".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/brukere/999999/aktiver".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        // (An unknown user: the reset of one's own is refused, see two_factor.rs.)
        row(
            p.clone(),
            "/sekretariat/brukere/999999/totp/nullstill".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        // The dashboard's buttons. The round is in discussion: moving it on "from scoring"
        // and reminding its jury change nothing (each says so in a flash message).
        row(
            p.clone(),
            format!("/sekretariat/runder/{r}/fase/scoring"),
            staff_post,
        ),
        row(
            p.clone(),
            format!("/sekretariat/runder/{r}/fase/ukjent"),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            "/sekretariat/runder/999999/fase/scoring".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        row(
            p.clone(),
            format!("/sekretariat/runder/{r}/paaminnelse"),
            staff_post,
        ),
        row(
            p.clone(),
            "/sekretariat/runder/999999/paaminnelse".into(),
            [Login, Forbidden, Forbidden, NotFound],
        ),
        // The public library and its open data: everyone, signed in or not; an entry that
        // does not exist (or is not public) is 404 for everyone.
        public_row(g.clone(), "/bibliotek", Page),
        public_row(g.clone(), "/bibliotek/data", Page),
        public_row(g.clone(), "/bibliotek/bibliotek.json", Page),
        public_row(g.clone(), "/bibliotek/bibliotek.csv", Page),
        public_row(g.clone(), "/bibliotek/nye.atom", Page),
        public_row(g.clone(), "/bibliotek/999999", NotFound),
        public_row(g.clone(), "/bibliotek/abc", NotFound),
        // Enrolling an authenticator: any signed-in user (an empty code is invalid).
        row(g.clone(), "/konto/totp".into(), [Login, Page, Page, Page]),
        row(
            p.clone(),
            "/konto/totp".into(),
            [Login, Allowed, Allowed, Allowed],
        ),
        // The second login step, with no password step pending: back to the login.
        row(
            g.clone(),
            "/logg-inn/kode".into(),
            [Login, Login, Login, Login],
        ),
        // The jury's desk.
        row(g.clone(), "/jury".into(), [Login, Page, Page, Page]),
        row(
            g.clone(),
            "/jury/tilknytninger".into(),
            [Login, Page, Page, Page],
        ),
        row(
            g.clone(),
            format!("/jury/nominasjoner/{a}"),
            // The conflicted juror sees the text and the conflict's status only (checked
            // below); the secretariat may look at any desk.
            [Login, Page, Page, Page],
        ),
        row(
            g.clone(),
            "/jury/nominasjoner/999999".into(),
            [Login, NotFound, NotFound, NotFound],
        ),
        // Its files: not for the juror conflicted on it (asked before the file is
        // looked up, so an id tells that juror nothing).
        row(
            g.clone(),
            format!("/jury/nominasjoner/{a}/vedlegg/{file}"),
            [Login, Page, Forbidden, Page],
        ),
        row(
            g.clone(),
            format!("/jury/nominasjoner/{a}/vedlegg/999999"),
            [Login, NotFound, Forbidden, NotFound],
        ),
        row(
            g.clone(),
            format!("/jury/nominasjoner/999999/vedlegg/{file}"),
            [Login, NotFound, NotFound, NotFound],
        ),
        row(
            g.clone(),
            format!("/jury/runder/{r}/resultater"),
            [Login, Page, Page, Page],
        ),
        row(
            g.clone(),
            "/jury/runder/999999/resultater".into(),
            [Login, NotFound, NotFound, NotFound],
        ),
        // POSTs: a juror may not score in the discussion phase, and never when conflicted.
        row(
            p.clone(),
            format!("/jury/nominasjoner/{a}"),
            [Login, Forbidden, Forbidden, Forbidden],
        ),
        row(
            p.clone(),
            format!("/jury/nominasjoner/{a}/habilitet"),
            [Login, Allowed, Allowed, Forbidden],
        ),
        row(
            p.clone(),
            "/jury/tilknytninger".into(),
            [Login, Allowed, Allowed, Allowed],
        ),
        row(
            p.clone(),
            "/jury/tilknytninger/999999/slett".into(),
            [Login, NotFound, NotFound, NotFound],
        ),
        // The public statements: everyone, a disabled account's browser too.
        Row {
            method: g.clone(),
            path: "/personvern".into(),
            expect: [Page; 5],
        },
        Row {
            method: g.clone(),
            path: "/tilgjengelighet".into(),
            expect: [Page; 5],
        },
        // Nomination drafts: public, behind their private link whoever asks (a signed-in
        // account is nobody special there). An empty form saved as a draft is refused for
        // its missing address; the disabled account's CSRF token was bound to the session
        // that ended with it, so its post is refused as a forged one.
        Row {
            method: p.clone(),
            path: "/nominer/utkast".into(),
            expect: [Allowed, Allowed, Allowed, Allowed, Forbidden],
        },
    ];
    for path in ["", "?lagre"] {
        let unknown = format!("/nominer/utkast/{}{path}", "0".repeat(64));
        if path.is_empty() {
            rows.push(Row {
                method: g.clone(),
                path: unknown.clone(),
                expect: [NotFound; 5],
            });
        }
        rows.push(Row {
            method: p.clone(),
            path: unknown,
            expect: [NotFound; 5],
        });
    }
    // Secretariat POSTs with an empty form: refused as invalid for the secretariat (kept
    // last, in case one of them changes something).
    for path in [
        format!("/sekretariat/runder/{r}/vedtak"),
        format!("/sekretariat/nominasjoner/{a}/vurdering"),
        format!("/sekretariat/nominasjoner/{a}/tildeling"),
        format!("/sekretariat/nominasjoner/{a}/gjenapne"),
        format!("/sekretariat/nominasjoner/{a}/flytt"),
        format!("/sekretariat/habilitet/{conflicted}/{a}"),
        format!("/sekretariat/runder/{r}/kriterier/{criterion_id}"),
        format!("/sekretariat/runder/{r}/kriterier"),
        format!("/sekretariat/runder/{r}"),
        "/sekretariat/runder".into(),
        format!("/sekretariat/runder/{r}/kriterier/{criterion_id}/fjern"),
    ] {
        rows.push(row(p.clone(), path, staff_post));
    }
    rows
}

/// A client and its CSRF token.
async fn with_token(app: &TestApp, client: reqwest::Client) -> (reqwest::Client, String) {
    let page = client
        .get(app.url("/logg-inn"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let token = csrf_token_in(&page);
    (client, token)
}

async fn every_route_answers_each_role_as_expected(backend: Backend) {
    let app = spawn_app(backend).await;
    let seeded = seed(&app).await;
    let round_id = seeded.round_id;
    let criterion_id = app
        .db
        .read(move |conn| Ok(db::jury::criteria_for(conn, round_id)?[0].id))
        .await
        .unwrap();
    app.create_user("slutta@dfo.no", "Sluttet Jurymedlem", "admin", PASSWORD)
        .await;
    let disabled = with_token(&app, app.browser_logged_in("slutta@dfo.no", PASSWORD).await).await;
    let disabled_id = app.user_id("slutta@dfo.no").await;
    let identity = bedre_stat::email::MailIdentity::new(
        "Bedre stat-prisen <noreply@dfo.no>",
        "bedre-stat@dfo.no",
        &app.address,
    )
    .unwrap();
    bedre_stat::accounts::Accounts::new(
        app.db.clone(),
        identity,
        Default::default(),
        bedre_stat::config::Settings::load(None).unwrap().auth,
    )
    .set_disabled(disabled_id, true, bedre_stat::domain::Actor::Cli)
    .await
    .unwrap();
    let clients = [
        with_token(&app, app.other_browser()).await,
        with_token(&app, browser_for(&app, &seeded.jurors[0].1).await).await,
        with_token(&app, browser_for(&app, &seeded.conflicted_juror().1).await).await,
        with_token(&app, browser_for(&app, &seeded.admin_email).await).await,
        disabled,
    ];
    let mut failures = Vec::new();
    let tip = app
        .post_json("/api/v1/tips", &bedre_stat_test_support::valid_tip())
        .await;
    assert_eq!(tip.status(), 201);
    let tip_id = app
        .db
        .read(|conn| Ok(db::tips::list(conn, db::tips::Listed::Latest(1))?[0].id))
        .await
        .unwrap();
    let a = seeded.conflicted_nomination().0;
    let file = app
        .db
        .write(move |conn| {
            let pdf = bedre_stat::domain::NewAttachment::parse("plan.pdf", b"%PDF-1.7\n".to_vec())
                .unwrap();
            db::attachments::insert(conn, a, &pdf)?;
            Ok(db::attachments::list(conn, a)?[0].id)
        })
        .await
        .unwrap();
    let rows = rows(&seeded, (criterion_id, tip_id, file));
    for row in &rows {
        for (role, ((client, token), expect)) in clients.iter().zip(row.expect).enumerate() {
            let mut request = client.request(row.method.clone(), app.url(&row.path));
            if row.method == Method::POST {
                request = request.form(&[("csrf_token", token.as_str()), ("website", "")]);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let location = response
                .headers()
                .get("location")
                .and_then(|l| l.to_str().ok())
                .unwrap_or("")
                .to_owned();
            if !matches(expect, status, &location) {
                failures.push(format!(
                    "{} {} as {}: expected {expect:?}, got {status} {location}",
                    row.method, row.path, ROLES[role]
                ));
            }
        }
    }
    assert!(rows.len() > 30, "every route is covered");
    // What the conflicted juror's 200 on nomination A holds: none of the others' work,
    // and not its files.
    let page = clients[2]
        .0
        .get(app.url(&format!("/jury/nominasjoner/{a}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    for juror in &seeded.jurors[..2] {
        let theirs = format!("Helhet fra {} om A", juror.2);
        assert!(
            !page.contains(&theirs),
            "the conflicted juror sees {theirs}"
        );
    }
    assert!(
        !page.contains("plan.pdf") && !page.contains("/vedlegg/"),
        "the conflicted juror sees the nomination's files listed"
    );
    let page = clients[1]
        .0
        .get(app.url(&format!("/jury/nominasjoner/{a}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Helhet fra Juror To om A"),
        "a juror who is not conflicted sees the others in the discussion"
    );
    assert!(
        page.contains(&format!("/jury/nominasjoner/{a}/vedlegg/{file}"))
            && page.contains("plan.pdf"),
        "a juror who is not conflicted sees the files listed"
    );
    assert!(
        failures.is_empty(),
        "{} of {} cells failed:\n{}",
        failures.len(),
        rows.len() * ROLES.len(),
        failures.join("\n")
    );
}
