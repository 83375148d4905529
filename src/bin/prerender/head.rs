//! The head Trunk writes, made to hold under a strict Content-Security-Policy
//! and to pass the HTML validator, before every page copies it.

use base64::Engine;
use sha2::{Digest, Sha256, Sha384};
use std::path::Path;

/// `sha384-…` of a file, for an `integrity` attribute.
pub fn integrity_of(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
    integrity(&bytes)
}

fn integrity(bytes: &[u8]) -> String {
    let digest = Sha384::digest(bytes);
    format!(
        "sha384-{}",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The staged page with Trunk's inline start-up script moved to a file of
/// its own, `start-<hash>.js` in `dir`, loaded with its integrity (a policy
/// without `'unsafe-inline'` would block it: Trunk has no option to write
/// it as a file), and without the `integrity` Trunk puts on the icon's
/// link, where HTML does not allow it.
pub fn prepare(dir: &Path, page: &str) -> String {
    let page = externalize_start(dir, page);
    drop_icon_integrity(&page)
}

fn externalize_start(dir: &Path, page: &str) -> String {
    let mut from = 0;
    while let Some(at) = page[from..].find("<script").map(|i| from + i) {
        let open_end = at + page[at..].find('>').expect("a script tag ends");
        let tag = &page[at..=open_end];
        from = open_end;
        if tag.contains(" src=")
            || !(tag.contains("type=module") || tag.contains("type=\"module\""))
        {
            continue;
        }
        let close = open_end + page[open_end..].find("</script>").expect("a script closes");
        let code = &page[open_end + 1..close];
        let hash: String = Sha256::digest(code.as_bytes())
            .iter()
            .take(8)
            .map(|b| format!("{b:02x}"))
            .collect();
        let name = format!("start-{hash}.js");
        std::fs::write(dir.join(&name), code).expect("write the start-up script");
        let script = format!(
            "<script type=\"module\" src=\"/{name}\" integrity=\"{}\"></script>",
            integrity(code.as_bytes())
        );
        return format!(
            "{}{script}{}",
            &page[..at],
            &page[close + "</script>".len()..]
        );
    }
    panic!("no inline module script in the staged index.html: has Trunk's output changed?");
}

fn drop_icon_integrity(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    let mut rest = page;
    while let Some(at) = rest.find("<link") {
        let end = at + rest[at..].find('>').expect("a link tag ends");
        let tag = &rest[at..=end];
        out.push_str(&rest[..at]);
        if tag.contains("rel=icon") || tag.contains("rel=\"icon\"") {
            out.push_str(&without_attribute(tag, "integrity"));
        } else {
            out.push_str(tag);
        }
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// The main page's head with its stylesheet's `<link>` replaced by the
/// stylesheet itself, and the policy source that allows exactly that
/// `<style>`: the first view then paints from the HTML alone, a round trip
/// sooner on a slow phone. Case and widget pages keep the link, cached
/// across them.
pub fn inline_stylesheet(dir: &Path, head: &str) -> (String, String) {
    let mut from = 0;
    while let Some(at) = head[from..].find("<link").map(|i| from + i) {
        let end = at + head[at..].find('>').expect("a link tag ends");
        let tag = &head[at..=end];
        from = end;
        if !(tag.contains("rel=stylesheet") || tag.contains("rel=\"stylesheet\"")) {
            continue;
        }
        let href = attribute(tag, "href").expect("a stylesheet link has an href");
        let path = dir.join(href.trim_start_matches('/'));
        let css = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("read {}: {e}", path.display()));
        let source = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()))
        );
        let head = format!("{}<style>{css}</style>{}", &head[..at], &head[end + 1..]);
        return (head, source);
    }
    panic!("no stylesheet link in the staged index.html: has Trunk's output changed?");
}

/// `head` with `base` (a `<base>` element) right after the charset, which
/// must come first: a `<base>` must precede every URL it would resolve. (The
/// minifier drops `<head>`.)
pub fn with_base(head: &str, base: &str) -> String {
    let charset = head
        .find("<meta charset")
        .expect("the head declares its charset");
    let at = charset + head[charset..].find('>').expect("the meta tag ends") + 1;
    format!("{}{base}{}", &head[..at], &head[at..])
}

/// The value of ` name=value` in `tag`, quoted or not.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let value = tag.find(&format!(" {name}="))? + name.len() + 2;
    Some(match tag[value..].chars().next() {
        Some(q @ ('"' | '\'')) => {
            let rest = &tag[value + 1..];
            &rest[..rest.find(q)?]
        }
        _ => &tag[value..value + tag[value..].find([' ', '>'])?],
    })
}

/// `tag` without ` name=value`, the value quoted or not.
fn without_attribute(tag: &str, name: &str) -> String {
    let Some(at) = tag.find(&format!(" {name}=")) else {
        return tag.to_string();
    };
    let value = at + name.len() + 2;
    let end = match tag[value..].chars().next() {
        Some(q @ ('"' | '\'')) => value + 1 + tag[value + 1..].find(q).map_or(0, |e| e + 1),
        _ => value + tag[value..].find([' ', '>']).unwrap_or(tag.len() - value),
    };
    format!("{}{}", &tag[..at], &tag[end..])
}
