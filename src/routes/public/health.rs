use crate::web::AppState;
use actix_web::{HttpResponse, web};

/// Liveness and the state of the outbox, for monitoring.
#[tracing::instrument(skip_all)]
pub async fn check(state: web::Data<AppState>) -> HttpResponse {
    match state.db.outbox_counts().await {
        Ok(counts) => HttpResponse::Ok().json(serde_json::json!({
            "status": "ok",
            "database": "ok",
            "outbox_waiting": counts.waiting,
            "outbox_failed": counts.failed,
        })),
        Err(error) => {
            tracing::error!(error = ?error, "health check: database unavailable");
            HttpResponse::ServiceUnavailable()
                .json(serde_json::json!({ "status": "error", "database": "unavailable" }))
        }
    }
}
