//! Browser tests: the real application, driven by a real headless Chromium over WebDriver
//! (Debian's `chromium` and `chromedriver`, which scripts/test installs). Each test starts
//! its own app, chromedriver and browser profile. A failing test saves a screenshot and the
//! page's HTML under target/browser-failures/.

mod seed;
mod support;

mod accessibility;
mod attachments;
mod charts;
mod desk;
mod journeys;
mod library;
mod narrow;
mod print;
mod tips_and_search;
