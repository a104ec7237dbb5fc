//! Slow bodies: a request that declares a body and then trickles it in (60 KB promised, 3
//! bytes sent) would hold a worker for as long as the client likes. actix-web limits the
//! time to send the headers (`client_request_timeout`) but not the body, so this middleware
//! gives the whole body `server.body_timeout_secs` from the moment the headers arrived;
//! past that the body ends with an error, and the answer is `408 Request Timeout` with the
//! connection closed. A form with files (`multipart/form-data`, which only the nomination
//! form's routes read) gets `nomination.upload_timeout_secs` instead: 10 MB take far
//! longer than a page of text on a slow line.

use super::AppState;
use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::error::PayloadError;
use actix_web::http::{StatusCode, header};
use actix_web::middleware::Next;
use actix_web::{HttpMessage as _, HttpResponse, web};
use futures_util::StreamExt as _;
use std::cell::Cell;
use std::rc::Rc;
use std::time::Duration;

pub async fn middleware(
    mut req: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let has_body = req.headers().contains_key(header::CONTENT_LENGTH)
        || req.headers().contains_key(header::TRANSFER_ENCODING);
    let is_upload = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("multipart/form-data"));
    let timeout = req.app_data::<web::Data<AppState>>().map(|state| {
        let settings = &state.settings;
        let secs = if is_upload {
            settings.nomination.upload_timeout_secs
        } else {
            settings.server.body_timeout_secs
        };
        Duration::from_secs(secs.max(1))
    });
    let (true, Some(timeout)) = (has_body, timeout) else {
        return next
            .call(req)
            .await
            .map(ServiceResponse::map_into_boxed_body);
    };
    let timed_out = Rc::new(Cell::new(false));
    let deadline = tokio::time::Instant::now() + timeout;
    let payload = req.take_payload();
    let flag = timed_out.clone();
    let limited = futures_util::stream::unfold(Some(payload), move |payload| {
        let flag = flag.clone();
        async move {
            let mut payload = payload?;
            match tokio::time::timeout_at(deadline, payload.next()).await {
                Ok(Some(chunk)) => Some((chunk, Some(payload))),
                Ok(None) => None,
                Err(_) => {
                    flag.set(true);
                    let error = std::io::Error::new(
                        std::io::ErrorKind::TimedOut,
                        "the request body did not arrive in time",
                    );
                    Some((Err(PayloadError::Io(error)), None))
                }
            }
        }
    });
    // Fused: a reader may poll again after the end (the multipart reader does), which an
    // `unfold` stream must never be.
    req.set_payload(Payload::Stream {
        payload: Box::pin(limited.fuse()),
    });
    let response = next.call(req).await;
    if timed_out.get() {
        tracing::info!("request body too slow: cut off");
        let req = match response {
            Ok(response) => response.request().clone(),
            Err(error) => return Err(error),
        };
        let answer = HttpResponse::build(StatusCode::REQUEST_TIMEOUT)
            .insert_header((header::CONNECTION, "close"))
            .finish();
        return Ok(ServiceResponse::new(req, answer));
    }
    response.map(ServiceResponse::map_into_boxed_body)
}
