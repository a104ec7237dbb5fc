//! Automated accessibility checks with axe-core (vendor/axe.min.js, MPL-2.0, see
//! vendor/README.md) on every public page, in bokmål and nynorsk, with and without errors.
//! axe finds only part of what WCAG asks; it does not replace testing with people.

use crate::helpers::{Backend, spawn_app};
use crate::support::*;
use fantoccini::Client;
use serde_json::{Value, json};

const AXE: &str = include_str!("vendor/axe.min.js");

/// WCAG 2.1 level A and AA, the level Norwegian law (likestillings- og
/// diskrimineringsloven, WAD) requires.
const WCAG_TAGS: [&str; 4] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

const RUN_AXE: &str = r#"
const [tags, done] = arguments;
axe.run(document, { runOnly: { type: 'tag', values: tags } })
  .then(result => done({
    version: axe.version,
    passes: result.passes.length,
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      nodes: v.nodes.map(n => ({ target: n.target, html: n.html, summary: n.failureSummary })),
    })),
    incomplete: result.incomplete.map(v => ({
      id: v.id, help: v.help,
      nodes: v.nodes.map(n => ({ target: n.target, summary: n.failureSummary })),
    })),
  }))
  .catch(error => done({ error: String(error) }));
"#;

/// Runs axe on the current page: its violations, described for a person to fix.
async fn axe_violations(client: &Client, page: &str) -> Vec<String> {
    // Contrast is only judged right with the real styles: every stylesheet has loaded.
    let styles = run_js(
        client,
        "const links = [...document.querySelectorAll('link[rel=stylesheet]')];
         return links.length > 0 && links.every(l => l.sheet && l.sheet.cssRules.length > 0);",
        vec![],
    )
    .await;
    assert_eq!(
        styles,
        json!(true),
        "the stylesheets of {page} did not load"
    );
    // WebDriver scripts run outside the page's Content-Security-Policy (script-src 'self'),
    // so axe can be injected into the page as it is served.
    let loaded = run_js(
        client,
        &format!("{AXE}\n;return typeof window.axe === 'object' ? window.axe.version : null;"),
        vec![],
    )
    .await;
    assert!(
        loaded.is_string(),
        "axe-core did not load into {page}: {loaded}"
    );
    let result = client
        .execute_async(RUN_AXE, vec![json!(WCAG_TAGS)])
        .await
        .unwrap_or_else(|e| panic!("running axe on {page}: {e}"));
    assert!(
        result.get("error").is_none(),
        "axe failed on {page}: {result}"
    );
    let passes = result["passes"].as_u64().unwrap_or_default();
    assert!(
        passes >= 10,
        "axe checked next to nothing on {page}: {result}"
    );
    for item in result["incomplete"].as_array().into_iter().flatten() {
        eprintln!(
            "axe needs review on {page}: {} ({}) at {}",
            item["id"],
            item["help"].as_str().unwrap_or_default(),
            targets(&item["nodes"])
        );
    }
    let mut found = Vec::new();
    for violation in result["violations"].as_array().into_iter().flatten() {
        let mut text = format!(
            "{page}: {} [{}] {} ({})",
            violation["id"].as_str().unwrap_or_default(),
            violation["impact"].as_str().unwrap_or_default(),
            violation["help"].as_str().unwrap_or_default(),
            violation["helpUrl"].as_str().unwrap_or_default(),
        );
        for node in violation["nodes"].as_array().into_iter().flatten() {
            text.push_str(&format!(
                "\n    at {}: {}\n      {}",
                node["target"],
                node["html"].as_str().unwrap_or_default(),
                node["summary"]
                    .as_str()
                    .unwrap_or_default()
                    .replace('\n', "\n      "),
            ));
        }
        found.push(text);
    }
    found
}

fn targets(nodes: &Value) -> String {
    nodes
        .as_array()
        .into_iter()
        .flatten()
        .map(|n| n["target"].to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_page_passes_axe_in_bokmaal_and_nynorsk() {
    let app = spawn_app(Backend::Sqlite).await;
    in_browser("every_page_passes_axe", Js::Enabled, |client| async move {
        // The pages' Content-Security-Policy is in force (an inline script added to the
        // page does not run), yet scripts sent over WebDriver, such as axe, do run.
        goto(&client, &app.url("/")).await;
        let inline_ran = run_js(
            &client,
            "const script = document.createElement('script');
             script.textContent = 'window.inlineRan = true;';
             document.body.append(script);
             return window.inlineRan === true;",
            vec![],
        )
        .await;
        assert_eq!(
            inline_ran,
            json!(false),
            "an inline script ran despite the CSP"
        );

        let mut violations = Vec::new();
        for lang in ["nb", "nn"] {
            goto(&client, &app.url(&format!("/sprak?lang={lang}&tilbake=/"))).await;
            for path in ["/", "/nominer", "/tips"] {
                goto(&client, &app.url(path)).await;
                assert_eq!(page_lang(&client).await, lang, "{path}");
                violations.extend(axe_violations(&client, &format!("{path} ({lang})")).await);
            }
            for path in ["/nominer", "/tips"] {
                goto(&client, &app.url(path)).await;
                submit_form(&client).await;
                wait_for(&client, "#error-summary").await;
                assert_eq!(page_lang(&client).await, lang, "{path} with errors");
                let page = format!("{path} with errors ({lang})");
                violations.extend(axe_violations(&client, &page).await);
            }
        }
        assert!(
            violations.is_empty(),
            "{} accessibility violations (WCAG 2.1 A/AA, axe-core):\n{}",
            violations.len(),
            violations.join("\n")
        );
        // Control: axe does report a violation that is there, so "none" above means none.
        run_js(
            &client,
            "const input = document.createElement('input');
             input.id = 'axe-control';
             document.querySelector('main').append(input);",
            vec![],
        )
        .await;
        let control = axe_violations(&client, "control").await;
        assert!(
            control
                .iter()
                .any(|v| v.starts_with("control: label ") && v.contains("#axe-control")),
            "axe missed an input without a label: {control:?}"
        );
    })
    .await;
}
