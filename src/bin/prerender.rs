//! Writes the page's first view into Trunk's staged `index.html`, rendered by
//! the app's own components, so visitors see it before the WASM arrives and
//! crawlers and link previews read it without JavaScript.
//!
//! Run by Trunk's post_build hook: `prerender <path to staged index.html>`.

use left_behind::app::App;
use leptos::prelude::*;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: prerender <index.html>");
    let page = std::fs::read_to_string(&path).expect("read the staged index.html");
    let body = Owner::new().with(|| view! { <App/> }.to_html());
    let Some(at) = page.find("<body>").map(|i| i + "<body>".len()) else {
        panic!("{path} has no <body>");
    };
    let out = format!("{}{body}{}", &page[..at], &page[at..]);
    std::fs::write(&path, out).expect("write the prerendered index.html");
}
