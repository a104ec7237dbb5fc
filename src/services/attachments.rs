//! The files of a nomination as the jury and the secretariat see them: listed and
//! downloaded only where the impartiality policy ([`crate::domain::policy`], its
//! `may_see_attachments`) lets the viewer — asked through the juror's desk
//! ([`scoring::load`]) or, for the secretariat, for the secretariat's viewer. The nominee
//! downloads its own through its private link ([`own`]); storing and changing them goes
//! with the form and the edit link, in `crate::submissions`.

use crate::db::attachments::{AttachmentFile, AttachmentInfo};
use crate::db::nominations::NominationRow;
use crate::db::users::UserRow;
use crate::db::{self, Database, DbConn};
use crate::domain::{Case, Impartiality, Viewer, policy};
use crate::services::scoring;

/// What a download asked for turned out to be.
#[derive(Debug)]
pub enum Download {
    File(AttachmentFile),
    /// No such file on a nomination the user may open (or removed).
    NotFound,
    /// The user may open the nomination but not its files (conflicted).
    Refused,
}

/// One file of a nomination at the jury's desk (`/jury/nominasjoner/{id}`): the desk
/// decides whether the nomination is the user's to see, the policy whether its files are.
#[tracing::instrument(skip(db, user), fields(user_id = user.id))]
pub async fn at_desk(
    db: &Database,
    user: &UserRow,
    nomination_id: i32,
    attachment_id: i32,
) -> anyhow::Result<Download> {
    let user = user.clone();
    db.read(move |conn| {
        let Some(desk) = scoring::load(conn, &user, nomination_id)? else {
            return Ok(Download::NotFound);
        };
        if !desk.access.may_see_attachments {
            tracing::info!(nomination_id, "attachment refused: conflicted");
            return Ok(Download::Refused);
        }
        file(conn, nomination_id, attachment_id)
    })
    .await
}

/// What the policy lets the secretariat see of a nomination's files.
fn secretariat_may_see(conn: &mut DbConn, nomination: &NominationRow) -> anyhow::Result<bool> {
    let round = db::rounds::find(conn, nomination.round_id)?;
    let case = Case::at(round.phase, Impartiality::Clear);
    Ok(policy(Viewer::Secretariat, case).may_see_attachments)
}

/// The nomination's files for the secretariat's page of it.
pub fn secretariat_list(
    conn: &mut DbConn,
    nomination: &NominationRow,
) -> anyhow::Result<Vec<AttachmentInfo>> {
    if !secretariat_may_see(conn, nomination)? {
        return Ok(Vec::new());
    }
    Ok(db::attachments::list(conn, nomination.id)?)
}

/// One file of a nomination for the secretariat (`/sekretariat/nominasjoner/{id}`).
#[tracing::instrument(skip(db))]
pub async fn for_secretariat(
    db: &Database,
    nomination_id: i32,
    attachment_id: i32,
) -> anyhow::Result<Download> {
    db.read(move |conn| {
        let nomination = match db::nominations::find_by_id(conn, nomination_id) {
            Ok(nomination) => nomination,
            Err(diesel::result::Error::NotFound) => return Ok(Download::NotFound),
            Err(error) => return Err(error.into()),
        };
        if !secretariat_may_see(conn, &nomination)? {
            return Ok(Download::Refused);
        }
        file(conn, nomination_id, attachment_id)
    })
    .await
}

/// One file of a nomination for its nominee, whose private link found the nomination
/// (`/nominasjon/{token}`): the link is the permission, so it is never `Refused`.
#[tracing::instrument(skip(db))]
pub async fn own(
    db: &Database,
    nomination_id: i32,
    attachment_id: i32,
) -> anyhow::Result<Download> {
    db.read(move |conn| file(conn, nomination_id, attachment_id))
        .await
}

fn file(conn: &mut DbConn, nomination_id: i32, attachment_id: i32) -> anyhow::Result<Download> {
    match db::attachments::find(conn, nomination_id, attachment_id) {
        Ok(file) => Ok(Download::File(file)),
        Err(diesel::result::Error::NotFound) => Ok(Download::NotFound),
        Err(error) => Err(error.into()),
    }
}
