//! `/sekretariat/bibliotek…`: the secretariat's work on the library of good examples — the
//! entries and the finalists and winners not yet in it, an entry drafted from a nomination
//! (a copy to edit for the public), an earlier winner added by hand, the edit page, and
//! publishing and unpublishing. Each post redirects with a flash message.

use crate::db::library::EntryWithNomination;
use crate::domain::Category;
use crate::domain::library::{
    LIBRARY_FIELDS, LibraryInput, LibraryOutcome, LibraryText, ManualEntry,
};
use crate::services::library::{self, Edit, LibraryRefusal};
use crate::web::auth::Admin;
use crate::web::errors::PageResult;
use crate::web::flash::Flash;
use crate::web::forms::{FormPage, Outcome, PageRequest, PostedForm, Redirect, Rejection};
use actix_web::web;

const LIST: &str = "/sekretariat/bibliotek";

fn entry_path(id: i32) -> String {
    format!("{LIST}/{id}")
}

fn refused(to: String, refusal: LibraryRefusal) -> Redirect {
    Redirect::to(to).with_flash(Flash {
        color: "warning".into(),
        text: crate::web::lang::current().text(refusal.message_id()),
    })
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn list(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let desk = library::desk(&view.state.db).await?;
    let mut context = tera::Context::new();
    context.insert("entries", &desk.entries);
    context.insert("candidates", &desk.candidates);
    view.render("secretariat/library.html", context)
}

/// "Prepare for the library" on a finalist or winner: drafts the entry (or finds the one
/// made before) and opens it for editing.
#[tracing::instrument(skip_all, fields(user_id = admin.id, nomination_id = *path))]
pub async fn draft(Admin(admin): Admin, path: web::Path<i32>, form: PostedForm) -> PageResult {
    let nomination_id = path.into_inner();
    form.press(async || {
        match library::draft_from_nomination(&form.state.db, nomination_id, admin.actor()).await? {
            Ok(id) => Ok(Redirect::to(entry_path(id)).saying("library-drafted")),
            Err(refusal) => Ok(refused(LIST.into(), refusal)),
        }
    })
    .await
}

/// The edit form's values from the stored entry.
fn stored_input(e: &EntryWithNomination) -> LibraryInput {
    let entry = &e.entry;
    LibraryInput {
        library_title: entry.title.clone(),
        library_agency: entry.agency_name.clone(),
        library_year: entry.prize_year.to_string(),
        library_outcome: entry.outcome.clone(),
        library_categories: library::category_codes(&entry.categories),
        library_summary: entry.summary.clone(),
        library_results: entry.results.clone().unwrap_or_default(),
        library_user_effects: entry.user_effects.clone().unwrap_or_default(),
        library_transfer_value: entry.transfer_value.clone().unwrap_or_default(),
        library_other_agencies: entry.other_agencies.clone().unwrap_or_default(),
        library_show_contact: if entry.show_contact {
            "true".into()
        } else {
            String::new()
        },
    }
}

/// The entry form: a new earlier winner (`entry` is `None`) or an existing entry.
fn entry_page(
    view: &PageRequest,
    entry: Option<&EntryWithNomination>,
    values: &LibraryInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let mut context = tera::Context::new();
    context.insert("areas", &Category::ALL.map(Category::code));
    context.insert("outcomes", &LibraryOutcome::ALL.map(LibraryOutcome::code));
    let path = match entry {
        Some(e) => {
            let entry = &e.entry;
            context.insert(
                "entry",
                &serde_json::json!({
                    "id": entry.id,
                    "manual": entry.nomination_id.is_none(),
                    "nomination_id": entry.nomination_id,
                    "reference": e.reference,
                    "prize_year": entry.prize_year,
                    "outcome": entry.outcome,
                    "published": entry.published,
                    "consent": e.consent,
                    "public": crate::domain::library::is_public(entry.published, e.consent),
                }),
            );
            entry_path(entry.id)
        }
        None => format!("{LIST}/ny"),
    };
    let page = FormPage {
        template: "secretariat/library_entry.html",
        path: &path,
        field_order: LIBRARY_FIELDS,
    };
    Ok(page.render(&view.req, &view.state, values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn new_form(view: PageRequest, Admin(admin): Admin) -> PageResult {
    let values = LibraryInput {
        library_outcome: LibraryOutcome::Winner.code().into(),
        library_show_contact: "true".into(),
        ..LibraryInput::default()
    };
    entry_page(&view, None, &values, None)
}

/// Adds an earlier year's winner by hand (no nomination behind it), unpublished.
#[tracing::instrument(skip_all, fields(user_id = admin.id))]
pub async fn create(Admin(admin): Admin, form: PostedForm) -> PageResult {
    form.act(
        async |input: &LibraryInput| match ManualEntry::parse(input) {
            Ok(manual) => {
                let id = library::add_manual(&form.state.db, manual, admin.actor()).await?;
                Ok(Redirect::to(entry_path(id)).saying("library-added").into())
            }
            Err(errors) => Ok(Outcome::Invalid(errors)),
        },
        async |input, rejection| entry_page(&form, None, input, Some(&rejection)),
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, entry_id = *path))]
pub async fn edit_form(view: PageRequest, Admin(admin): Admin, path: web::Path<i32>) -> PageResult {
    let entry = library::entry(&view.state.db, path.into_inner()).await?;
    entry_page(&view, Some(&entry), &stored_input(&entry), None)
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, entry_id = *path))]
pub async fn save(Admin(admin): Admin, path: web::Path<i32>, form: PostedForm) -> PageResult {
    let id = path.into_inner();
    let entry = library::entry(&form.state.db, id).await?;
    let manual = entry.entry.nomination_id.is_none();
    form.act(
        async |input: &LibraryInput| {
            let parsed = if manual {
                ManualEntry::parse(input).map(Edit::Manual)
            } else {
                LibraryText::parse(input).map(Edit::FromNomination)
            };
            match parsed {
                Ok(edit) => {
                    library::edit(&form.state.db, id, edit, admin.actor()).await?;
                    Ok(Redirect::to(entry_path(id)).saying("library-saved").into())
                }
                Err(errors) => Ok(Outcome::Invalid(errors)),
            }
        },
        async |input, rejection| entry_page(&form, Some(&entry), input, Some(&rejection)),
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, entry_id = *path))]
pub async fn publish(Admin(admin): Admin, path: web::Path<i32>, form: PostedForm) -> PageResult {
    let id = path.into_inner();
    form.press(
        async || match library::publish(&form.state.db, id, admin.actor()).await? {
            Ok(()) => Ok(Redirect::to(entry_path(id)).saying("library-published")),
            Err(refusal) => Ok(refused(entry_path(id), refusal)),
        },
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = admin.id, entry_id = *path))]
pub async fn unpublish(Admin(admin): Admin, path: web::Path<i32>, form: PostedForm) -> PageResult {
    let id = path.into_inner();
    form.press(async || {
        library::unpublish(&form.state.db, id, admin.actor()).await?;
        Ok(Redirect::to(entry_path(id)).saying("library-unpublished"))
    })
    .await
}
