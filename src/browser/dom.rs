//! The few DOM calls components make, each in one place, with inert
//! stand-ins for the prerender (which renders the same components natively
//! and never runs them).

#[cfg(target_arch = "wasm32")]
mod imp {
    use leptos::prelude::{document, window};
    use wasm_bindgen::JsCast;

    // The observer in JavaScript: web-sys' IntersectionObserver bindings
    // cost the page's WASM more than these lines.
    #[wasm_bindgen::prelude::wasm_bindgen(inline_js = "
export function watch(el, seen) {
  try {
    const o = new IntersectionObserver((es) => seen(es[es.length - 1].isIntersecting));
    o.observe(el);
    return o;
  } catch {
    seen(true);
  }
}
export function unwatch(o) { o?.disconnect(); }
")]
    extern "C" {
        fn watch(el: &web_sys::Element, seen: &wasm_bindgen::JsValue) -> wasm_bindgen::JsValue;
        fn unwatch(observer: &wasm_bindgen::JsValue);
    }

    /// Whether `line` is on screen, asked on each tick: the first ask after
    /// the line mounts starts an IntersectionObserver, which lives as long as
    /// the component; `refresh` runs each time the line comes into view.
    /// Ticking lines off screen are not rewritten: nobody sees them, and each
    /// rewrite costs the browser a frame (bench/tick.mjs).
    pub fn on_screen(
        line: leptos::prelude::NodeRef<leptos::html::P>,
        refresh: impl Fn() + 'static,
    ) -> impl Fn() -> bool {
        use leptos::prelude::{on_cleanup, GetUntracked, SetValue, StoredValue, WithValue};
        type Watch = (
            wasm_bindgen::JsValue,
            wasm_bindgen::closure::Closure<dyn FnMut(bool)>,
        );
        let watching = StoredValue::<Option<Watch>, _>::new_local(None);
        on_cleanup(move || watching.with_value(|w| w.iter().for_each(|(o, _)| unwatch(o))));
        let seen = std::rc::Rc::new(std::cell::Cell::new(None::<bool>));
        let refresh = std::rc::Rc::new(refresh);
        move || {
            if let Some(seen) = seen.get() {
                return seen;
            }
            let Some(p) = line.get_untracked() else {
                return false;
            };
            seen.set(Some(false));
            let (update, refresh) = (seen.clone(), refresh.clone());
            let callback =
                wasm_bindgen::closure::Closure::<dyn FnMut(bool)>::new(move |visible: bool| {
                    update.set(Some(visible));
                    if visible {
                        refresh();
                    }
                });
            let observer = watch(&p, callback.as_ref());
            watching.set_value(Some((observer, callback)));
            seen.get() == Some(true)
        }
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
        _: impl Fn() + 'static,
    ) -> impl Fn() -> bool {
        || true
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
