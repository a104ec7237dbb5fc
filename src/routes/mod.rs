//! The one place that wires URLs to handlers. Each page's code lives in the module named
//! after its URL.

mod account;
pub mod api;
mod assets;
pub mod decisions;
mod forms;
mod health;
mod home;
mod jury;
mod language;
mod nominate;
mod secretariat;
mod tips;

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.route("/", web::get().to(home::page))
        .service(
            web::resource("/nominer")
                .route(web::get().to(nominate::new_form))
                .route(web::post().to(nominate::submit)),
        )
        .service(
            web::resource("/nominasjon/{token}")
                .route(web::get().to(nominate::edit_form))
                .route(web::post().to(nominate::save_edit)),
        )
        .service(
            web::resource("/tips")
                .route(web::get().to(tips::form))
                .route(web::post().to(tips::submit)),
        )
        .route("/sprak", web::get().to(language::switch))
        .service(
            web::resource("/logg-inn")
                .route(web::get().to(account::login_form))
                .route(web::post().to(account::login)),
        )
        .route("/logg-ut", web::post().to(account::logout))
        .service(
            web::resource("/glemt-passord")
                .route(web::get().to(account::forgot_form))
                .route(web::post().to(account::forgot)),
        )
        .service(
            web::resource("/konto/passord/{token}")
                .route(web::get().to(account::password_form))
                .route(web::post().to(account::set_password)),
        )
        .configure(jury::configure)
        .configure(secretariat::configure)
        .configure(decisions::configure)
        .route("/health", web::get().to(health::check))
        .route("/static/{path:.*}", web::get().to(assets::serve))
        .service(
            web::scope("/api/v1")
                .app_data(api::json_config())
                .route("/tips", web::post().to(api::tips::create))
                .route("/nominations", web::post().to(api::nominations::create))
                .route("/openapi.json", web::get().to(api::openapi)),
        );
}

/// Any URL no route answers: a page in the user's language.
pub async fn not_found(
    crate::web::lang::RequestLang(lang): crate::web::lang::RequestLang,
) -> Result<actix_web::HttpResponse, crate::web::errors::PageError> {
    Err(crate::web::errors::PageError::not_found(lang))
}
