//! The one router: every URL of the portal is wired here, one `web::scope` per area, each
//! page's handler in the module named after its area and page (`/sekretariat/runder/…` →
//! `secretariat/rounds.rs`). The role a scope needs is checked by its guard middleware, so
//! no handler can forget it; the handlers' `SignedIn`/`Admin` arguments only read the user
//! the guard found. A page with its form at one URL (GET shows, POST submits) is wired
//! with `form_page`.
//!
//! The README's "What is where" table is this file in words, generated from it
//! (`readme_table.rs` holds the two against each other).

mod account;
pub mod api;
pub mod decision_support;
mod jury;
#[cfg(test)]
mod layout_rules;
mod public;
#[cfg(test)]
mod readme_table;
pub mod secretariat;

use crate::web::errors::{ApiError, PageError, PageResult};
use crate::web::{auth, security};
use actix_web::middleware::from_fn;
use actix_web::web::{self, get, post, resource, scope};
use actix_web::{FromRequest, Handler, Responder};

pub fn configure(cfg: &mut web::ServiceConfig) {
    use account::{enrolment, login, password, second_factor};
    use public::{
        assets, draft, health, home, language, library, nominate, nomination, statements, tips,
    };
    cfg
        // A path segment that is not what the route takes (`/sekretariat/runder/abc`)
        // names nothing: the translated 404 page, for every route.
        // (The segment is not logged: it is whatever the visitor typed.)
        .app_data(web::PathConfig::default().error_handler(|_, _| PageError::NotFound.into()))
        // Likewise a query string that does not parse (`?lang=nn&lang=en`, a field given
        // twice): the translated 400 page, not actix's plain text.
        .app_data(
            web::QueryConfig::default()
                .error_handler(|error, _| PageError::bad_request(error).into()),
        )
        // The public side.
        .route("/", get().to(home::page))
        .service(form_page("/nominer", nominate::new_form, nominate::submit))
        .service(
            form_page(
                "/nominasjon/{token}",
                nomination::edit_form,
                nomination::save_edit,
            )
            .wrap(security::no_store()),
        )
        .service(
            resource("/nominasjon/{token}/samtykke")
                .route(post().to(nomination::consent))
                .wrap(security::no_store()),
        )
        .service(
            resource("/nominasjon/{token}/vedlegg/{file}")
                .route(get().to(nomination::attachment))
                .wrap(security::no_store()),
        )
        .route("/nominer/utkast", post().to(draft::save_new))
        .service(
            form_page("/nominer/utkast/{token}", draft::open, draft::post)
                .wrap(security::no_store()),
        )
        .service(form_page("/tips", tips::form, tips::submit))
        // The library of good examples: the fixed paths before `{id}`.
        .route("/bibliotek", get().to(library::index))
        .route("/bibliotek/data", get().to(library::data))
        .route("/bibliotek/bibliotek.json", get().to(library::json))
        .route("/bibliotek/bibliotek.csv", get().to(library::csv))
        .route("/bibliotek/nye.atom", get().to(library::feed))
        .route("/bibliotek/{id}", get().to(library::show))
        .route("/personvern", get().to(statements::privacy))
        .route("/tilgjengelighet", get().to(statements::accessibility))
        .route("/sprak", get().to(language::switch))
        .route("/health", get().to(health::check))
        .route("/metrics", get().to(crate::web::metrics::scrape))
        .route("/static/{path:.*}", get().to(assets::serve))
        // Accounts.
        .service(form_page("/logg-inn", login::login_form, login::login))
        .service(
            form_page("/logg-inn/kode", second_factor::form, second_factor::submit)
                .wrap(security::no_store()),
        )
        .route("/logg-ut", post().to(login::logout))
        // Any signed-in user, enrolled or not: the one page an account that must enrol
        // can reach.
        .service(
            form_page("/konto/totp", enrolment::form, enrolment::confirm)
                .wrap(from_fn(auth::require_signed_in_to_enrol)),
        )
        .service(form_page(
            "/glemt-passord",
            password::forgot_form,
            password::forgot,
        ))
        .service(
            form_page(
                "/konto/passord/{token}",
                password::password_form,
                password::set_password,
            )
            .wrap(security::no_store()),
        )
        // The JSON API.
        .service(
            scope("/api/v1")
                .app_data(api::json_config())
                // Any other method on these paths: 405 with Allow, not 404.
                .service(
                    resource("/tips")
                        .route(post().to(api::tips::create))
                        .default_service(web::to(|| ApiError::only("POST"))),
                )
                .service(
                    resource("/nominations")
                        .route(post().to(api::nominations::create))
                        .default_service(web::to(|| ApiError::only("POST"))),
                )
                .service(
                    resource("/openapi.json")
                        .route(get().to(api::openapi))
                        .default_service(web::to(|| ApiError::only("GET"))),
                ),
        )
        .configure(jury_routes)
        .configure(secretariat_routes);
}

/// `/jury`: any signed-in user (the secretariat may look at the jury's pages too).
fn jury_routes(cfg: &mut web::ServiceConfig) {
    use jury::{affiliations, desk, nomination, results};
    cfg.service(
        scope("/jury")
            .wrap(from_fn(auth::require_signed_in))
            .route("", get().to(desk::index))
            .service(form_page(
                "/tilknytninger",
                affiliations::list,
                affiliations::add,
            ))
            .route("/tilknytninger/{id}/slett", post().to(affiliations::remove))
            .service(form_page(
                "/nominasjoner/{id}",
                nomination::show,
                nomination::save,
            ))
            .route(
                "/nominasjoner/{id}/habilitet",
                post().to(nomination::declare_conflict),
            )
            .route(
                "/nominasjoner/{id}/vedlegg/{file}",
                get().to(nomination::attachment),
            )
            .route("/runder/{id}/resultater", get().to(results::jury_page)),
    );
}

/// `/sekretariat`: the secretariat only.
fn secretariat_routes(cfg: &mut web::ServiceConfig) {
    use secretariat::{
        audit_log, conflicts, dashboard, exports, library, nominations, outbox, overview, results,
        rounds, rubric, screening, search, tips,
    };
    cfg.service(
        scope("/sekretariat")
            .wrap(from_fn(auth::require_admin))
            .route("", get().to(overview::index))
            .route("/brukere", post().to(overview::invite))
            .route("/brukere/{id}/logg-ut", post().to(overview::end_sessions))
            .route("/brukere/{id}/deaktiver", post().to(overview::disable))
            .route("/brukere/{id}/aktiver", post().to(overview::enable))
            .route(
                "/brukere/{id}/totp/nullstill",
                post().to(overview::reset_totp),
            )
            .service(form_page("/runder", rounds::list, rounds::create))
            .service(form_page("/runder/{round}", rounds::show, rounds::update))
            .route(
                "/runder/{round}/kriterier",
                post().to(rubric::add_criterion),
            )
            .service(form_page(
                "/runder/{round}/kriterier/{criterion}",
                rubric::criterion_form,
                rubric::edit_criterion,
            ))
            .route(
                "/runder/{round}/kriterier/{criterion}/fjern",
                post().to(rubric::remove_criterion),
            )
            .route("/runder/{round}/fase/{from}", post().to(dashboard::advance))
            .route("/runder/{round}/paaminnelse", post().to(dashboard::remind))
            .route("/runder/{round}/nominasjoner", get().to(nominations::list))
            .route(
                "/runder/{id}/resultater",
                get().to(results::secretariat_page),
            )
            .route("/runder/{id}/vedtak", post().to(results::decide))
            .route("/runder/{id}/poeng.{file}", get().to(exports::scores))
            .route("/runder/{id}/rapport", get().to(exports::report))
            .route("/nominasjoner", get().to(search::nominations))
            .route("/sok", get().to(search::search))
            .route("/nominasjoner/{id}", get().to(nominations::show))
            .route(
                "/nominasjoner/{id}/vedlegg/{file}",
                get().to(nominations::attachment),
            )
            .route("/nominasjoner/{id}/vurdering", post().to(screening::screen))
            .route("/nominasjoner/{id}/flytt", post().to(screening::carry))
            .route("/nominasjoner/{id}/tildeling", post().to(screening::assign))
            .route("/nominasjoner/{id}/gjenapne", post().to(screening::reopen))
            .route("/habilitet", get().to(conflicts::conflicts))
            .service(form_page(
                "/habilitet/{juror}/{nomination}",
                conflicts::decision_form,
                conflicts::decide,
            ))
            .route("/logg", get().to(audit_log::log))
            .route("/epost", get().to(outbox::outbox))
            .route("/epost/send-igjen", post().to(outbox::retry_all))
            .route("/epost/{id}/send-igjen", post().to(outbox::retry))
            .route("/bibliotek", get().to(library::list))
            .service(form_page(
                "/bibliotek/ny",
                library::new_form,
                library::create,
            ))
            .route("/bibliotek/fra/{nomination}", post().to(library::draft))
            .service(form_page(
                "/bibliotek/{id}",
                library::edit_form,
                library::save,
            ))
            .route("/bibliotek/{id}/publiser", post().to(library::publish))
            .route("/bibliotek/{id}/avpubliser", post().to(library::unpublish))
            .route("/tips", get().to(tips::tips))
            .route("/tips/{id}", get().to(tips::show))
            .route("/tips/{id}/vurder", post().to(tips::review))
            .route("/tips/{id}/koble", post().to(tips::link))
            .route("/tips/{id}/inviter", post().to(tips::invite))
            .route("/tips/{id}/lukk", post().to(tips::close))
            .route("/tips/{id}/gjenapne", post().to(tips::reopen)),
    );
}

/// Any URL no route answers: the 404 page in the user's language.
pub async fn not_found() -> PageResult {
    Err(PageError::NotFound)
}

/// A page with its form at one URL: `GET` shows it, `POST` submits it (and answers with a
/// redirect, or the form again with what was wrong).
fn form_page<S, SArgs, P, PArgs>(path: &str, show: S, submit: P) -> actix_web::Resource
where
    S: Handler<SArgs>,
    SArgs: FromRequest + 'static,
    S::Output: Responder + 'static,
    P: Handler<PArgs>,
    PArgs: FromRequest + 'static,
    P::Output: Responder + 'static,
{
    resource(path)
        .route(get().to(show))
        .route(post().to(submit))
}
