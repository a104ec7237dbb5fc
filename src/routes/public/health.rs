use crate::db;
use crate::web::AppState;
use actix_web::{HttpResponse, web};

/// Liveness and the state of the outbox, for monitoring.
#[tracing::instrument(skip_all)]
pub async fn check(state: web::Data<AppState>) -> HttpResponse {
    let counts = state
        .db
        .read(|conn| {
            Ok((
                db::outbox::count_waiting(conn)?,
                db::outbox::count_failed(conn)?,
            ))
        })
        .await;
    match counts {
        Ok((waiting, failed)) => HttpResponse::Ok().json(serde_json::json!({
            "status": "ok",
            "database": "ok",
            "outbox_waiting": waiting,
            "outbox_failed": failed,
        })),
        Err(error) => {
            tracing::error!(error = ?error, "health check: database unavailable");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({ "status": "error", "database": "unavailable" }))
        }
    }
}
