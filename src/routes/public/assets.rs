//! Static assets, compiled into the binary.

use actix_web::{HttpResponse, web};

const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "forms.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../../../static/forms.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../../../static/favicon.svg"),
    ),
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../../../static/app.css"),
    ),
    (
        "designsystemet/designsystemet.css",
        "text/css; charset=utf-8",
        include_bytes!("../../../static/designsystemet/designsystemet.css"),
    ),
    (
        "designsystemet/theme-digdir.css",
        "text/css; charset=utf-8",
        include_bytes!("../../../static/designsystemet/theme-digdir.css"),
    ),
];

pub async fn serve(path: web::Path<String>) -> HttpResponse {
    match ASSETS.iter().find(|(name, _, _)| *name == path.as_str()) {
        Some((_, content_type, body)) => HttpResponse::Ok()
            .content_type(*content_type)
            .insert_header(("Cache-Control", "public, max-age=3600"))
            .body(*body),
        None => HttpResponse::NotFound()
            .content_type("text/plain; charset=utf-8")
            .body("Not found"),
    }
}
