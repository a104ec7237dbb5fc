//! The one router: every URL of the portal is wired here, one `web::scope` per area, each
//! page's handler in the module named after its area and page (`/sekretariat/runder/…` →
//! `secretariat/rounds.rs`). The role a scope needs is checked by its guard middleware, so
//! no handler can forget it; the handlers' `SignedIn`/`Admin` arguments only read the user
//! the guard found.
//!
//! The README's "What is where" table is this file in words, generated from it
//! (`readme_table.rs` holds the two against each other).

mod account;
pub mod api;
pub mod decision_support;
mod jury;
mod public;
#[cfg(test)]
mod readme_table;
pub mod secretariat;

use crate::web::errors::{ApiError, PageError, PageResult};
use crate::web::{auth, security};
use actix_web::middleware::from_fn;
use actix_web::web::{self, get, post, resource, scope};

pub fn configure(cfg: &mut web::ServiceConfig) {
    use account::{enrolment, login, password, second_factor};
    use public::{assets, health, home, language, nominate, tips};
    cfg
        // A path segment that is not what the route takes (`/sekretariat/runder/abc`)
        // names nothing: the translated 404 page, for every route.
        // (The segment is not logged: it is whatever the visitor typed.)
        .app_data(web::PathConfig::default().error_handler(|_, _| PageError::NotFound.into()))
        // The public side.
        .route("/", get().to(home::page))
        .service(
            resource("/nominer")
                .route(get().to(nominate::new_form))
                .route(post().to(nominate::submit)),
        )
        .service(
            resource("/nominasjon/{token}")
                .wrap(security::no_store())
                .route(get().to(nominate::edit_form))
                .route(post().to(nominate::save_edit)),
        )
        .service(
            resource("/tips")
                .route(get().to(tips::form))
                .route(post().to(tips::submit)),
        )
        .route("/sprak", get().to(language::switch))
        .route("/health", get().to(health::check))
        .route("/metrics", get().to(crate::web::metrics::scrape))
        .route("/static/{path:.*}", get().to(assets::serve))
        // Accounts.
        .service(
            resource("/logg-inn")
                .route(get().to(login::login_form))
                .route(post().to(login::login)),
        )
        .service(
            resource("/logg-inn/kode")
                .wrap(security::no_store())
                .route(get().to(second_factor::form))
                .route(post().to(second_factor::submit)),
        )
        .route("/logg-ut", post().to(login::logout))
        // Any signed-in user, enrolled or not: the one page an account that must enrol
        // can reach.
        .service(
            resource("/konto/totp")
                .wrap(from_fn(auth::require_signed_in_to_enrol))
                .route(get().to(enrolment::form))
                .route(post().to(enrolment::confirm)),
        )
        .service(
            resource("/glemt-passord")
                .route(get().to(password::forgot_form))
                .route(post().to(password::forgot)),
        )
        .service(
            resource("/konto/passord/{token}")
                .wrap(security::no_store())
                .route(get().to(password::password_form))
                .route(post().to(password::set_password)),
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
            .service(
                resource("/tilknytninger")
                    .route(get().to(affiliations::list))
                    .route(post().to(affiliations::add)),
            )
            .route("/tilknytninger/{id}/slett", post().to(affiliations::remove))
            .service(
                resource("/nominasjoner/{id}")
                    .route(get().to(nomination::show))
                    .route(post().to(nomination::save)),
            )
            .route(
                "/nominasjoner/{id}/habilitet",
                post().to(nomination::declare_conflict),
            )
            .route("/runder/{id}/resultater", get().to(results::jury_page)),
    );
}

/// `/sekretariat`: the secretariat only.
fn secretariat_routes(cfg: &mut web::ServiceConfig) {
    use secretariat::{
        audit_log, conflicts, exports, nominations, outbox, overview, results, rounds, rubric,
        screening, tips,
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
            .service(
                resource("/runder")
                    .route(get().to(rounds::list))
                    .route(post().to(rounds::create)),
            )
            .service(
                resource("/runder/{round}")
                    .route(get().to(rounds::show))
                    .route(post().to(rounds::update)),
            )
            .route(
                "/runder/{round}/kriterier",
                post().to(rubric::add_criterion),
            )
            .service(
                resource("/runder/{round}/kriterier/{criterion}")
                    .route(get().to(rubric::criterion_form))
                    .route(post().to(rubric::edit_criterion)),
            )
            .route(
                "/runder/{round}/kriterier/{criterion}/fjern",
                post().to(rubric::remove_criterion),
            )
            .route("/runder/{round}/nominasjoner", get().to(nominations::list))
            .route(
                "/runder/{id}/resultater",
                get().to(results::secretariat_page),
            )
            .route("/runder/{id}/vedtak", post().to(results::decide))
            .route("/runder/{id}/poeng.{file}", get().to(exports::scores))
            .route("/runder/{id}/rapport", get().to(exports::report))
            .route("/nominasjoner/{id}", get().to(nominations::show))
            .route("/nominasjoner/{id}/vurdering", post().to(screening::screen))
            .route("/nominasjoner/{id}/flytt", post().to(screening::carry))
            .route("/nominasjoner/{id}/tildeling", post().to(screening::assign))
            .route("/nominasjoner/{id}/gjenapne", post().to(screening::reopen))
            .route("/habilitet", get().to(conflicts::conflicts))
            .service(
                resource("/habilitet/{juror}/{nomination}")
                    .route(get().to(conflicts::decision_form))
                    .route(post().to(conflicts::decide)),
            )
            .route("/logg", get().to(audit_log::log))
            .route("/epost", get().to(outbox::outbox))
            .route("/epost/{id}/send-igjen", post().to(outbox::retry))
            .route("/tips", get().to(tips::tips)),
    );
}

/// Any URL no route answers: the 404 page in the user's language.
pub async fn not_found() -> PageResult {
    Err(PageError::NotFound)
}
