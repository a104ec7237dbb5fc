//! The README's "What is where" table, generated from the router's source (`mod.rs`), so
//! the two cannot drift apart: `cargo test readme_table` fails when they differ, and
//! `UPDATE_README=1 cargo test readme_table` writes the table anew.
//!
//! A small scanner rather than a parser crate: the router is written in one plain shape
//! (`scope("…")`, `resource("…")`, `.route("…", get().to(module::handler))`,
//! `form_page("…", module::show, module::submit)`), and a
//! failing test shows at once when a new shape needs a line here.

use std::collections::BTreeMap;

const ROUTER: &str = include_str!("mod.rs");
const BEGIN: &str =
    "<!-- routes:begin (generated from src/routes/mod.rs; see src/routes/readme_table.rs) -->";
const END: &str = "<!-- routes:end -->";

/// One URL of the router: its methods and the handlers that answer them.
#[derive(Debug, Default, PartialEq, Eq)]
struct Entry {
    methods: Vec<String>,
    handlers: Vec<String>,
}

/// The string literal that starts at `text` (just after the opening quote).
fn literal(text: &str) -> &str {
    &text[..text.find('"').expect("a closing quote")]
}

/// `module::handler` → the file that holds it, from the `use area::{…}` lines of the
/// function the route is in (or a full `area::module::handler` path).
fn file_of(handler: &str, uses: &BTreeMap<String, String>) -> String {
    if let Some(path) = handler.strip_prefix("crate::") {
        let (module, _) = path.rsplit_once("::").expect("a module and a handler");
        return format!("src/{}.rs", module.replace("::", "/"));
    }
    let parts: Vec<&str> = handler.split("::").collect();
    match parts.as_slice() {
        [module, _] if uses.contains_key(*module) => {
            format!("src/routes/{}/{module}.rs", uses[*module])
        }
        [area, module, _] => format!("src/routes/{area}/{module}.rs"),
        [area, _] => format!("src/routes/{area}.rs"),
        _ => panic!("unexpected handler path {handler}"),
    }
}

/// Every URL with its methods and code, scanned from the router's source: each
/// `fn`, `use`, `scope(…)`, `resource(…)` and `.route(…)` in the order they appear,
/// wherever rustfmt broke the lines.
fn scan(source: &str) -> BTreeMap<String, Entry> {
    const NEEDLES: [&str; 7] = [
        "\nfn ",
        "\npub fn ",
        "use ",
        "scope(\"",
        "resource(\"",
        "form_page(",
        ".route(",
    ];
    let mut routes: BTreeMap<String, Entry> = BTreeMap::new();
    let mut uses: BTreeMap<String, String> = BTreeMap::new();
    let (mut prefix, mut resource) = (String::new(), String::new());
    let mut at = 0;
    while let Some((start, needle)) = NEEDLES
        .iter()
        .filter_map(|needle| source[at..].find(needle).map(|i| (at + i, *needle)))
        .min_by_key(|(i, _)| *i)
    {
        let rest = &source[start + needle.len()..];
        at = start + needle.len();
        match needle {
            "\nfn " | "\npub fn " => {
                prefix.clear();
                uses.clear();
            }
            "use " => {
                let statement: String = rest[..rest.find(';').unwrap_or(0)]
                    .split_whitespace()
                    .collect();
                if let Some((area, list)) = statement.split_once("::{") {
                    for module in list.trim_end_matches('}').split(',') {
                        uses.insert(module.to_owned(), area.to_owned());
                    }
                }
            }
            "scope(\"" => prefix = literal(rest).to_owned(),
            "resource(\"" => resource = literal(rest).to_owned(),
            "form_page(" => {
                let arguments = &rest[..rest.find(')').expect("a closing parenthesis")];
                let arguments: Vec<&str> = arguments
                    .split(',')
                    .map(str::trim)
                    .filter(|argument| !argument.is_empty())
                    .collect();
                let [path, show, submit] = arguments[..] else {
                    panic!("form_page(path, show, submit) at byte {start}");
                };
                resource = path.trim_matches('"').to_owned();
                let url = format!("{prefix}{resource}");
                add(&mut routes, &url, "GET", show, &uses);
                add(&mut routes, &url, "POST", submit, &uses);
            }
            _ => {
                let call = rest.trim_start();
                let (path, call) = match call.strip_prefix('"') {
                    Some(call) => {
                        let path = literal(call);
                        (path.to_owned(), &call[path.len()..])
                    }
                    None => (resource.clone(), call),
                };
                let (method_part, after) = call
                    .split_once(".to(")
                    .unwrap_or_else(|| panic!("a handler after .route( at byte {start}"));
                let method = if method_part.contains("get()") {
                    "GET"
                } else {
                    "POST"
                };
                let handler = &after[..after.find(')').expect("a closing parenthesis")];
                // `form_page`'s own body routes its parameters, not a module's handler.
                if handler.contains("::") {
                    add(
                        &mut routes,
                        &format!("{prefix}{path}"),
                        method,
                        handler,
                        &uses,
                    );
                }
            }
        }
    }
    routes
}

/// Records that `method` on `url` is answered by `handler`.
fn add(
    routes: &mut BTreeMap<String, Entry>,
    url: &str,
    method: &str,
    handler: &str,
    uses: &BTreeMap<String, String>,
) {
    let url = if url.is_empty() { "/" } else { url };
    let entry = routes.entry(url.to_owned()).or_default();
    entry.methods.push(method.to_owned());
    let name = handler.rsplit("::").next().unwrap_or(handler);
    entry
        .handlers
        .push(format!("{} `{name}`", file_of(handler, uses)));
}

/// The table as the README shows it.
fn table(routes: &BTreeMap<String, Entry>) -> String {
    let mut out = String::from("| URL | methods | code (file, handler) |\n|---|---|---|\n");
    for (url, entry) in routes {
        let mut files: Vec<String> = Vec::new();
        for handler in &entry.handlers {
            let (file, name) = handler.split_once(' ').expect("file and name");
            match files
                .iter_mut()
                .find(|f| f.starts_with(&format!("`{file}`")))
            {
                Some(existing) => existing.push_str(&format!(", {name}")),
                None => files.push(format!("`{file}` {name}")),
            }
        }
        out.push_str(&format!(
            "| `{url}` | {} | {} |\n",
            entry.methods.join(", "),
            files.join("; ")
        ));
    }
    out
}

#[test]
fn the_readme_table_is_the_router() {
    let readme_path = concat!(env!("CARGO_MANIFEST_DIR"), "/README.md");
    let readme = std::fs::read_to_string(readme_path).expect("README.md");
    let generated = table(&scan(ROUTER));
    let (before, rest) = readme
        .split_once(BEGIN)
        .expect("the README has the begin marker");
    let (current, after) = rest.split_once(END).expect("the README has the end marker");
    if std::env::var_os("UPDATE_README").is_some() {
        std::fs::write(
            readme_path,
            format!("{before}{BEGIN}\n{generated}{END}{after}"),
        )
        .expect("writing README.md");
        return;
    }
    assert_eq!(
        current.trim(),
        generated.trim(),
        "README.md's table differs from src/routes/mod.rs: run UPDATE_README=1 cargo test readme_table"
    );
}

#[test]
fn every_handler_file_in_the_table_exists() {
    for entry in scan(ROUTER).values() {
        for handler in &entry.handlers {
            let file = handler.split(' ').next().unwrap();
            let path = format!("{}/{file}", env!("CARGO_MANIFEST_DIR"));
            assert!(std::path::Path::new(&path).exists(), "{path}");
        }
    }
}

#[test]
fn the_scanner_reads_scopes_resources_and_routes() {
    let source = r#"
pub fn configure(cfg: &mut web::ServiceConfig) {
    use public::{home, tips};
    cfg.route("/", get().to(home::page))
        .service(
            resource("/tips")
                .route(get().to(tips::form))
                .route(post().to(tips::submit)),
        );
}
fn jury_routes(cfg: &mut web::ServiceConfig) {
    use jury::{desk};
    cfg.service(
    scope("/jury")
        .route("", get().to(desk::index))
        .service(form_page(
            "/skjema",
            desk::form,
            desk::send,
        ))
        .route("/runder/{id}", post().to(desk::save)));
}
"#;
    let routes = scan(source);
    assert_eq!(routes.len(), 5, "{routes:?}");
    assert_eq!(routes["/tips"].methods, ["GET", "POST"]);
    assert_eq!(
        routes["/jury"].handlers,
        ["src/routes/jury/desk.rs `index`"]
    );
    assert_eq!(routes["/jury/runder/{id}"].methods, ["POST"]);
    assert_eq!(routes["/jury/skjema"].methods, ["GET", "POST"]);
    assert_eq!(
        routes["/jury/skjema"].handlers,
        [
            "src/routes/jury/desk.rs `form`",
            "src/routes/jury/desk.rs `send`"
        ]
    );
    assert_eq!(routes["/"].handlers, ["src/routes/public/home.rs `page`"]);
}
