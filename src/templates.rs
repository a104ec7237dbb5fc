//! Tera templates, compiled into the binary so the portal is one file to deploy.

use anyhow::Context as _;
use tera::{Context, Tera};

/// Every template: (name, source). Names mirror the routes that render them.
const TEMPLATE_SOURCES: &[(&str, &str)] = &[
    ("base.html", include_str!("../templates/base.html")),
    (
        "components.html",
        include_str!("../templates/components.html"),
    ),
    ("home.html", include_str!("../templates/home.html")),
    ("nominate.html", include_str!("../templates/nominate.html")),
    ("tip.html", include_str!("../templates/tip.html")),
    ("receipt.html", include_str!("../templates/receipt.html")),
    ("error.html", include_str!("../templates/error.html")),
    (
        "email/tip_forward.txt",
        include_str!("../templates/email/tip_forward.txt"),
    ),
    (
        "email/tip_forward.html",
        include_str!("../templates/email/tip_forward.html"),
    ),
    (
        "email/tip_receipt.txt",
        include_str!("../templates/email/tip_receipt.txt"),
    ),
    (
        "email/tip_receipt.html",
        include_str!("../templates/email/tip_receipt.html"),
    ),
    (
        "email/nomination_receipt.txt",
        include_str!("../templates/email/nomination_receipt.txt"),
    ),
    (
        "email/nomination_receipt.html",
        include_str!("../templates/email/nomination_receipt.html"),
    ),
];

static TEMPLATES: std::sync::LazyLock<Templates> = std::sync::LazyLock::new(|| {
    Templates::load().expect("the compiled-in templates are valid (checked by a unit test)")
});

/// The compiled-in templates. Like the Fluent texts they are fixed at build time, so one
/// process-wide instance serves every request (and error pages, which have no app state).
pub fn get() -> &'static Templates {
    &TEMPLATES
}

pub struct Templates {
    tera: Tera,
}

impl Templates {
    pub fn load() -> anyhow::Result<Self> {
        let mut tera = Tera::new();
        // `.html` is escaped; `.txt` (plain-text e-mail parts) is not.
        tera.autoescape_on(vec![".html"]);
        tera.register_function("fluent", crate::i18n::tera_function());
        tera.add_raw_templates(TEMPLATE_SOURCES.iter().copied())
            .context("compiling templates")?;
        Ok(Self { tera })
    }

    pub fn render(&self, name: &str, context: &Context) -> anyhow::Result<String> {
        self.tera
            .render(name, context)
            .with_context(|| format!("rendering template {name}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_templates_compile() {
        Templates::load().expect("templates compile");
    }
}
