//! Decision support and the jury's decisions: `/sekretariat/runder/{id}/resultater` and
//! the jury's view of the same once the discussion is open.

use actix_web::web;

pub fn configure(_cfg: &mut web::ServiceConfig) {}
