//! The house's layout rules for the routes, held by tests so that they stay true as pages
//! are added: a handler file small enough to read in one sitting (at most 400 lines: a
//! page family that outgrows it is split by what its parts are), and areas found by
//! their folders, never through `#[path]`.

use std::path::{Path, PathBuf};

const MAX_LINES: usize = 400;

/// Every `.rs` file below `dir`.
fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a folder entry").path();
        if path.is_dir() {
            files.extend(rust_files(&path));
        } else if path.extension().is_some_and(|ext| ext == "rs") {
            files.push(path);
        }
    }
    files
}

fn source_dir(below: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(below)
}

#[test]
fn no_file_in_the_routes_is_over_400_lines() {
    let too_long: Vec<String> = rust_files(&source_dir("src/routes"))
        .into_iter()
        .filter_map(|path| {
            let lines = std::fs::read_to_string(&path).ok()?.lines().count();
            (lines > MAX_LINES).then(|| format!("{} ({lines} lines)", path.display()))
        })
        .collect();
    assert!(too_long.is_empty(), "over {MAX_LINES} lines: {too_long:?}");
}

#[test]
fn no_module_is_found_through_a_path_attribute() {
    let with_path: Vec<String> = rust_files(&source_dir("src"))
        .into_iter()
        .filter(|path| {
            std::fs::read_to_string(path)
                .is_ok_and(|source| source.lines().any(|l| l.trim_start().starts_with("#[path")))
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(with_path.is_empty(), "#[path] in {with_path:?}");
}
