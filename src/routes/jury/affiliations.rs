//! `/jury/tilknytninger`: the user's own affiliations with organisations
//! (forvaltningsloven § 6). A nomination from one of these organisations is flagged for
//! the juror.

use crate::db::scoring::AffiliationRow;
use crate::domain::{AFFILIATION_FIELDS, Affiliation, AffiliationInput};
use crate::i18n::Lang;
use crate::services::affiliations;
use crate::web::auth::SignedIn;
use crate::web::errors::PageResult;
use crate::web::forms::{
    FormPage, Outcome, PageRequest, PostedForm, PostedTo, Redirect, Rejection,
};
use crate::web::lang::RequestLang;

const PATH: &str = "/jury/tilknytninger";
const PAGE: FormPage<'static> = FormPage {
    template: "jury/affiliations.html",
    path: PATH,
    field_order: AFFILIATION_FIELDS,
};

#[derive(serde::Serialize)]
struct AffiliationView {
    id: i32,
    organisation: String,
    org_number: String,
    role: String,
    period_from: Option<String>,
    period_to: Option<String>,
}

impl AffiliationView {
    fn of(row: AffiliationRow, lang: Lang) -> Self {
        Self {
            id: row.id,
            organisation: row.affiliation.organisation,
            org_number: row.affiliation.org_number,
            role: row.affiliation.role,
            period_from: row.affiliation.period_from.map(|d| lang.long_date(d)),
            period_to: row.affiliation.period_to.map(|d| lang.long_date(d)),
        }
    }
}

/// The list and the form, with `values` typed and the reason they were not accepted.
async fn page(
    view: &PageRequest,
    user_id: i32,
    values: &AffiliationInput,
    rejection: Option<&Rejection>,
) -> PageResult {
    let lang = RequestLang::of(&view.req);
    let rows = affiliations::of_juror(&view.state.db, user_id).await?;
    let views: Vec<AffiliationView> = rows
        .into_iter()
        .map(|row| AffiliationView::of(row, lang))
        .collect();
    let mut context = tera::Context::new();
    context.insert("affiliations", &views);
    Ok(PAGE.render(&view.req, &view.state, values, rejection, None, context)?)
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn list(view: PageRequest, SignedIn(user): SignedIn) -> PageResult {
    page(&view, user.id, &AffiliationInput::default(), None).await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn add(SignedIn(user): SignedIn, form: PostedForm) -> PageResult {
    form.act(
        async |input: &AffiliationInput| match Affiliation::parse(input) {
            Ok(affiliation) => {
                affiliations::add(&form.state.db, user.id, affiliation).await?;
                Ok(Redirect::to(PATH).saying("jury-affiliation-added").into())
            }
            Err(errors) => Ok(Outcome::Invalid(errors)),
        },
        async |input, rejection| page(&form, user.id, input, Some(&rejection)).await,
    )
    .await
}

#[tracing::instrument(skip_all, fields(user_id = user.id))]
pub async fn remove(SignedIn(user): SignedIn, form: PostedTo<i32>) -> PageResult {
    let removed = async || affiliations::remove(&form.state.db, user.id, form.path).await;
    let done = Redirect::to(PATH).saying("jury-affiliation-removed");
    form.press_on(removed, done).await
}
