//! The few DOM calls components make, each in one place, with inert
//! stand-ins for the prerender (which renders the same components natively
//! and never runs them).

#[cfg(target_arch = "wasm32")]
mod imp {
    use leptos::prelude::{document, window};
    use wasm_bindgen::JsCast;

    /// Whether `line` is on screen, asked on each tick: the first ask after
    /// the line mounts starts an IntersectionObserver (and counts as seen), which lives as long as
    /// the component; `refresh` runs each time the line comes into view.
    /// Ticking lines off screen are not rewritten: nobody sees them, and each
    /// rewrite costs the browser a frame (bench/tick.mjs).
    pub fn on_screen(
        line: leptos::prelude::NodeRef<leptos::html::P>,
        refresh: Box<dyn Fn()>,
    ) -> Box<dyn Fn() -> bool> {
        use leptos::prelude::{on_cleanup, GetUntracked, SetValue, StoredValue, WithValue};
        type Watch = (
            web_sys::IntersectionObserver,
            wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
        );
        let watching = StoredValue::<Option<Watch>, _>::new_local(None);
        on_cleanup(move || watching.with_value(|w| w.iter().for_each(|(o, _)| o.disconnect())));
        let seen = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
        // Boxed, not generic: one copy of this code in the WASM for every caller.
        let refresh: std::rc::Rc<dyn Fn()> = refresh.into();
        Box::new(move || {
            if let Some(seen) = seen.get() {
                return seen;
            }
            let Some(p) = line.get_untracked() else {
                return false;
            };
            let (update, refresh) = (seen.clone(), refresh.clone());
            let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(
                move |entries: js_sys::Array| {
                    let visible = entries.iter().last().is_some_and(|e| {
                        e.unchecked_into::<web_sys::IntersectionObserverEntry>()
                            .is_intersecting()
                    });
                    update.set(Some(visible));
                    if visible {
                        refresh();
                    }
                },
            );
            // Without an observer every line counts as seen.
            let Ok(observer) =
                web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref())
            else {
                seen.set(Some(true));
                return true;
            };
            observer.observe(&p);
            watching.set_value(Some((observer, callback)));
            // Seen until the observer's first answer says otherwise: the first
            // tick after mounting (or after a hidden tab comes back) writes.
            seen.set(Some(true));
            true
        })
    }

    /// Milliseconds since the page started loading.
    pub fn page_ms() -> Option<u64> {
        window().performance().map(|p| p.now() as u64)
    }

    /// Moves the focus to the element with this id.
    pub fn focus(id: &str) {
        if let Some(el) = document().get_element_by_id(id) {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    }

    /// The page's base address without its fragment or query, so that a
    /// widget (whose base is the site) shares the campaign's page, not itself.
    pub fn page_url() -> String {
        let base = document().base_uri().ok().flatten().unwrap_or_default();
        base.split(['#', '?'])
            .next()
            .unwrap_or_default()
            .to_string()
    }

    /// The Web Share API where there is one; otherwise copies `url` and
    /// returns true (the caller says "Link copied.").
    pub fn share(title: &str, text: &str, url: &str) -> bool {
        let navigator = window().navigator();
        if js_sys::Reflect::has(&navigator, &"share".into()).unwrap_or(false) {
            let data = web_sys::ShareData::new();
            data.set_title(title);
            data.set_text(text);
            data.set_url(url);
            let _ = navigator.share_with_data(&data);
            false
        } else {
            let _ = navigator.clipboard().write_text(url);
            true
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn on_screen(
        _: leptos::prelude::NodeRef<leptos::html::P>,
        _: Box<dyn Fn()>,
    ) -> Box<dyn Fn() -> bool> {
        Box::new(|| true)
    }
    pub fn page_ms() -> Option<u64> {
        None
    }
    pub fn focus(_: &str) {}
    pub fn page_url() -> String {
        String::new()
    }
    pub fn share(_: &str, _: &str, _: &str) -> bool {
        false
    }
}

pub use imp::*;

/// Replaces the text of a ticking line (one text node) straight from the
/// clock's tick: with a reactive effect per line, a tick cost over twice what
/// the same updates cost in plain JavaScript (bench/tick.mjs).
pub fn write(line: leptos::prelude::NodeRef<leptos::html::P>, text: &str) {
    use leptos::prelude::GetUntracked;
    if let Some(node) = line.get_untracked().and_then(|p| p.first_child()) {
        node.set_node_value(Some(text));
    }
}
