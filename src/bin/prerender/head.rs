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
///
/// The page inlines only the rules it can use (`for_page`): `body` is its
/// markup, and `scripts` the files it runs besides those its head names
/// (its petition bundle, loaded later), whose code may add classes.
pub fn inline_stylesheet(
    dir: &Path,
    head: &str,
    body: &str,
    scripts: &[String],
) -> (String, String) {
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
        let mut code = Vec::new();
        for name in named_scripts(head).iter().chain(scripts) {
            let file = dir.join(name.trim_start_matches('/'));
            let bytes =
                std::fs::read(&file).unwrap_or_else(|e| panic!("read {}: {e}", file.display()));
            code.push(String::from_utf8_lossy(&bytes).into_owned());
        }
        let markup = [head, body];
        let css = for_page(&css, |class| {
            markup.iter().any(|m| m.contains(class)) || code.iter().any(|c| c.contains(class))
        });
        let source = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(css.as_bytes()))
        );
        let head = format!("{}<style>{css}</style>{}", &head[..at], &head[end + 1..]);
        return (head, source);
    }
    panic!("no stylesheet link in the staged index.html: has Trunk's output changed?");
}

/// The scripts and WASM the head names (`<script src>`, `<link href>`):
/// the start-up script, the glue, its snippets and the WASM.
fn named_scripts(head: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut rest = head;
    while let Some(at) = rest.find('<') {
        let end = at + rest[at..].find('>').unwrap_or(rest.len() - at - 1);
        let tag = &rest[at..=end];
        if tag.starts_with("<script") || tag.starts_with("<link") {
            for name in ["src", "href"] {
                if let Some(url) = attribute(tag, name) {
                    if url.starts_with('/') && (url.ends_with(".js") || url.ends_with(".wasm")) {
                        names.push(url.to_string());
                    }
                }
            }
        }
        rest = &rest[end + 1..];
    }
    names
}

/// `css` without the rules that no element of a page can match: a selector
/// goes when it requires a class (outside any parentheses, so `:not(.x)`
/// does not count) that `possible` says the page never has. `possible` is
/// asked with the class's name; it answers for the page's markup and for
/// the code that runs on it, whose strings hold every class a live part can
/// set (the components name their classes whole). A rule goes when all its
/// selectors do; `@media` and `@supports` blocks are pruned inside, and go
/// when emptied. Anything this cannot read (an escape, another at-rule) is
/// kept as it is.
pub fn for_page(css: &str, possible: impl Fn(&str) -> bool) -> String {
    prune(css, &possible)
}

fn prune(css: &str, possible: &dyn Fn(&str) -> bool) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    while !rest.is_empty() {
        let Some(open) = find_outside_strings(rest, b'{', b';') else {
            out.push_str(rest);
            break;
        };
        let prelude = &rest[..open];
        if rest.as_bytes()[open] == b';' {
            // A statement without a block (`@import …;`).
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
            continue;
        }
        let Some(close) = block_end(rest, open) else {
            out.push_str(rest);
            break;
        };
        let block = &rest[open + 1..close];
        let at_rule = prelude.trim_start();
        if at_rule.starts_with("@media") || at_rule.starts_with("@supports") {
            let inner = prune(block, possible);
            if !inner.trim().is_empty() {
                out.push_str(prelude);
                out.push('{');
                out.push_str(&inner);
                out.push('}');
            }
        } else if at_rule.starts_with('@') || prelude.contains('\\') {
            out.push_str(&rest[..=close]);
        } else {
            let kept: Vec<&str> = split_selectors(prelude)
                .into_iter()
                .filter(|selector| required_classes(selector).all(possible))
                .collect();
            if !kept.is_empty() {
                out.push_str(&kept.join(","));
                out.push_str(&rest[open..=close]);
            }
        }
        rest = &rest[close + 1..];
    }
    out
}

/// The first `a` or `b` outside quoted strings.
fn find_outside_strings(text: &str, a: u8, b: u8) -> Option<usize> {
    let mut quote = None;
    for (i, &c) in text.as_bytes().iter().enumerate() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == a || c == b => return Some(i),
            None => {}
        }
    }
    None
}

/// The `}` that closes the block opened at `open`.
fn block_end(text: &str, open: usize) -> Option<usize> {
    let mut depth = 0;
    let mut quote = None;
    for (i, &c) in text.as_bytes().iter().enumerate().skip(open) {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if c == b'"' || c == b'\'' => quote = Some(c),
            None if c == b'{' => depth += 1,
            None if c == b'}' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            None => {}
        }
    }
    None
}

/// The positions of the bytes of `css` outside strings, parentheses and
/// brackets: where a selector list splits and where its classes are.
fn top_level(css: &str) -> impl Iterator<Item = (usize, u8)> + '_ {
    let (mut depth, mut quote) = (0i32, None);
    css.bytes().enumerate().filter(move |&(_, c)| {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None => match c {
                b'"' | b'\'' => quote = Some(c),
                b'(' | b'[' => depth += 1,
                b')' | b']' => depth -= 1,
                _ => return depth == 0,
            },
        }
        false
    })
}

/// A selector list split at its top-level commas.
fn split_selectors(list: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, _) in top_level(list).filter(|&(_, c)| c == b',') {
        parts.push(&list[start..i]);
        start = i + 1;
    }
    parts.push(&list[start..]);
    parts
}

/// The classes a selector requires: `.name` outside parentheses, brackets
/// and strings.
fn required_classes(selector: &str) -> impl Iterator<Item = &str> {
    top_level(selector)
        .filter(|&(_, c)| c == b'.')
        .filter_map(move |(i, _)| {
            let name = &selector[i + 1..];
            let end = name
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
                .unwrap_or(name.len());
            (end > 0).then(|| &name[..end])
        })
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

#[cfg(test)]
mod tests {
    use super::for_page;

    const CSS: &str = ".a{color:red}.a,.gone{margin:0}.gone .a{padding:0}.b:not(.gone){top:0}\
        @media (min-width:40rem){.gone{left:0}.b{right:0}}@media print{.gone{left:0}}\
        .c:before{content:\"}.gone{\"}[data-x=\".gone\"] .a{width:0}";

    fn pruned() -> String {
        for_page(CSS, |class| class != "gone")
    }

    #[test]
    fn a_rule_whose_every_selector_needs_a_class_the_page_never_has_goes() {
        let css = pruned();
        assert!(!css.contains(".gone .a{"), "{css}");
        assert!(
            !css.contains("@media print"),
            "an emptied @media block goes: {css}"
        );
        assert!(!css.contains(".gone{left"), "{css}");
    }

    #[test]
    fn every_rule_the_page_can_use_stays_whole() {
        let css = pruned();
        for kept in [
            ".a{color:red}",
            // A list loses only the selectors that cannot match.
            ".a{margin:0}",
            // `:not(.gone)` matches where the class is missing.
            ".b:not(.gone){top:0}",
            "@media (min-width:40rem){.b{right:0}}",
            // Strings are not read as selectors or braces.
            ".c:before{content:\"}.gone{\"}",
            "[data-x=\".gone\"] .a{width:0}",
        ] {
            assert!(css.contains(kept), "{kept} in {css}");
        }
    }

    #[test]
    fn a_page_that_has_every_class_keeps_the_stylesheet_as_it_is() {
        assert_eq!(for_page(CSS, |_| true), CSS);
    }
}
