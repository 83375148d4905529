//! The host configuration: one table of response headers per kind of file,
//! written in the two forms deployers use, `dist/_headers` (Netlify,
//! Cloudflare Pages) and `deploy/nginx.conf`, so they cannot drift apart.
//!
//! The policy allows no inline script or style: the build writes none (see
//! `head.rs`), and the live parts set styles through the CSSOM only.

use left_behind::core::data::{petition_endpoint, PETITION_COUNT_URL};
use left_behind::core::lang::Lang;
use std::fmt::Write;
use std::path::Path;

/// What a response is, which decides its headers.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    /// A page of the site: `index.html`, `case/<id>/`.
    Page,
    /// A widget page, framed by partners' pages.
    Widget,
    /// Named by a hash of its content: never changes, cached a year.
    Hashed,
    /// `embed.js`: a fixed name partner pages load from their origin.
    Loader,
    /// `cases.json`, `exchanges.json`, `anniversaries.ics`, the oEmbed
    /// answers: for anyone to read.
    OpenData,
    /// A link-preview image, `<prefix>preview/…png`: fetched by crawlers and
    /// shown as a thumbnail on other sites.
    Preview,
    /// Any other file with a fixed name (`widget.js`, `robots.txt`).
    Fixed,
}

const KINDS: [Kind; 7] = [
    Kind::Page,
    Kind::Widget,
    Kind::Hashed,
    Kind::Loader,
    Kind::OpenData,
    Kind::Preview,
    Kind::Fixed,
];

/// Two years, as the HSTS preload list asks.
const HSTS: &str = "max-age=63072000; includeSubDomains";

/// Everything a browser could grant that the site never uses, turned off;
/// web-share stays, for the Share button of the thank-you (Chromium on Linux
/// does not know it and warns, once).
const PERMISSIONS: &str = "accelerometer=(), autoplay=(), camera=(), \
     display-capture=(), encrypted-media=(), fullscreen=(), geolocation=(), gyroscope=(), \
     hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), \
     picture-in-picture=(), publickey-credentials-get=(), screen-wake-lock=(), serial=(), \
     sync-xhr=(), usb=(), xr-spatial-tracking=(), web-share=(self)";

const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Kept, but asked again each time: a new deploy shows at once.
const REVALIDATE: &str = "no-cache";
/// A preview image changes with each day's build: an hour's copy is at most
/// a day behind, and a release shows within the hour.
const PREVIEW_CACHE: &str = "public, max-age=3600";

/// A content hash in a file name as Trunk and the build write it:
/// `<name>-<hex digits>[_bg].<ext>`, or anything under `snippets/`
/// (wasm-bindgen's, in a directory named by the crate's hash). The build
/// writes 16 digits; Trunk writes its 64-bit hash without leading zeros, so
/// one build in sixteen has 15 or fewer (at least 8, but for one in 4 billion,
/// so a word such as `-cafe` is never taken for a hash).
const HASH_DIGITS: std::ops::RangeInclusive<usize> = 8..=16;
const HASHED_EXTENSIONS: [&str; 4] = ["js", "wasm", "css", "svg"];
const HASHED_NGINX: &str = r#"location ~ "-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|svg)$""#;

fn is_hashed(path: &str) -> bool {
    if path.starts_with("snippets/") {
        return true;
    }
    let Some((stem, ext)) = path.rsplit_once('.') else {
        return false;
    };
    let stem = stem.strip_suffix("_bg").unwrap_or(stem);
    stem.rsplit_once('-').is_some_and(|(_, hash)| {
        HASH_DIGITS.contains(&hash.len())
            && hash.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    }) && HASHED_EXTENSIONS.contains(&ext)
}

/// `path` below its language's prefix: `ru/widget/x.html` is `widget/x.html`.
fn unprefixed(path: &str) -> &str {
    Lang::ALL
        .into_iter()
        .find_map(|l| {
            path.strip_prefix(l.prefix())
                .filter(|_| !l.prefix().is_empty())
        })
        .unwrap_or(path)
}

fn kind_of(path: &str) -> Kind {
    if is_hashed(path) {
        Kind::Hashed
    } else if unprefixed(path).starts_with("widget/") {
        Kind::Widget
    } else if unprefixed(path).starts_with("preview/") {
        Kind::Preview
    } else if path.ends_with(".html") {
        Kind::Page
    } else if path == "embed.js" {
        Kind::Loader
    } else if path.ends_with(".json") || path.ends_with(".ics") {
        Kind::OpenData
    } else {
        Kind::Fixed
    }
}

/// The types the files in `dist/` need; the charset is added by nginx's
/// `charset` and written out in `_headers`.
const TYPES: [(&str, &str, bool); 9] = [
    ("html", "text/html", true),
    ("css", "text/css", true),
    ("js", "text/javascript", true),
    ("wasm", "application/wasm", false),
    ("svg", "image/svg+xml", false),
    ("json", "application/json", true),
    ("ics", "text/calendar", true),
    ("txt", "text/plain", true),
    ("png", "image/png", false),
];

/// What the Content-Security-Policy allows beyond the site's own files.
struct Policy {
    /// The origins the pages may connect to.
    origins: Vec<String>,
    /// The sources of the main pages' inline stylesheets, `'sha256-…'`:
    /// each language's page inlines the rules it can use, which may differ.
    styles: Vec<String>,
}

/// The origins the page may connect to besides its own: the petition
/// endpoint's and the count URL's, as this build is configured.
fn petition_origins() -> Vec<String> {
    let mut origins: Vec<String> = [
        Some(petition_endpoint().url),
        PETITION_COUNT_URL.map(String::from),
    ]
    .into_iter()
    .flatten()
    .filter_map(|url| origin(&url))
    .collect();
    origins.dedup();
    origins
}

/// `scheme://host[:port]` of an absolute http(s) URL.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?;
    (matches!(scheme, "http" | "https") && !host.is_empty()).then(|| format!("{scheme}://{host}"))
}

fn csp(kind: Kind, policy: &Policy) -> String {
    let mut connect = vec!["'self'".to_string()];
    // A partner's `data-endpoint` may receive the signatures given in its widget.
    if kind == Kind::Widget {
        connect.push("https:".into());
    }
    connect.extend(policy.origins.iter().cloned());
    let ancestors = if kind == Kind::Widget { "*" } else { "'none'" };
    format!(
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' {}; \
         img-src 'self' data:; connect-src {}; base-uri 'self'; form-action 'none'; \
         frame-ancestors {ancestors}",
        policy.styles.join(" "),
        connect.join(" ")
    )
}

/// Every response carries these.
fn common() -> Vec<(&'static str, String)> {
    vec![
        ("Strict-Transport-Security", HSTS.into()),
        ("X-Content-Type-Options", "nosniff".into()),
        ("Referrer-Policy", "strict-origin-when-cross-origin".into()),
        ("Permissions-Policy", PERMISSIONS.into()),
    ]
}

/// The headers that depend on the kind of response.
fn specific(kind: Kind, policy: &Policy) -> Vec<(&'static str, String)> {
    let cache = |v: &str| ("Cache-Control", v.to_string());
    match kind {
        Kind::Page => vec![
            ("Content-Security-Policy", csp(kind, policy)),
            ("Cross-Origin-Opener-Policy", "same-origin".into()),
            ("Cross-Origin-Resource-Policy", "same-origin".into()),
            cache(REVALIDATE),
        ],
        Kind::Widget => vec![
            ("Content-Security-Policy", csp(kind, policy)),
            ("Cross-Origin-Resource-Policy", "cross-origin".into()),
            cache(REVALIDATE),
        ],
        Kind::Hashed => vec![
            ("Cross-Origin-Resource-Policy", "same-origin".into()),
            cache(IMMUTABLE),
        ],
        Kind::Loader => vec![
            ("Cross-Origin-Resource-Policy", "cross-origin".into()),
            cache(REVALIDATE),
        ],
        Kind::OpenData => vec![
            ("Access-Control-Allow-Origin", "*".into()),
            ("Cross-Origin-Resource-Policy", "cross-origin".into()),
            cache(REVALIDATE),
        ],
        // Cross-origin: an oEmbed consumer shows the thumbnail on its page.
        Kind::Preview => vec![
            ("Cross-Origin-Resource-Policy", "cross-origin".into()),
            cache(PREVIEW_CACHE),
        ],
        Kind::Fixed => vec![
            ("Cross-Origin-Resource-Policy", "same-origin".into()),
            cache(REVALIDATE),
        ],
    }
}

/// Writes `dir/_headers` for the files in `dir` and `deploy/nginx.conf`;
/// `styles` are the policy sources of the main pages' inline stylesheets.
pub fn write(dir: &Path, styles: &[String]) {
    let mut styles = styles.to_vec();
    styles.sort();
    styles.dedup();
    let policy = Policy {
        origins: petition_origins(),
        styles,
    };
    let mut files = Vec::new();
    walk(dir, dir, &mut files);
    files.sort();
    std::fs::write(dir.join("_headers"), headers_file(&files, &policy)).expect("write _headers");
    let deploy = Path::new(env!("CARGO_MANIFEST_DIR")).join("deploy");
    std::fs::create_dir_all(&deploy).expect("create deploy/");
    let conf = nginx_conf(&files, &policy);
    let path = deploy.join("nginx.conf");
    // Untouched when unchanged, so a watching `trunk serve` sees no edit.
    if std::fs::read_to_string(&path).ok().as_deref() != Some(conf.as_str()) {
        std::fs::write(path, conf).expect("write deploy/nginx.conf");
    }
}

fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir)
        .expect("read the staging directory")
        .flatten()
    {
        let path = entry.path();
        if path.is_dir() {
            walk(root, &path, out);
        } else if let Ok(rel) = path.strip_prefix(root) {
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// `_headers`: Netlify and Cloudflare Pages apply every rule whose path
/// matches and join repeated headers, so each header of a response comes
/// from one rule only: the common ones from `/*`, the rest per path.
fn headers_file(files: &[String], policy: &Policy) -> String {
    let mut out = String::from(
        "# Response headers for Netlify and Cloudflare Pages, written by the build\n\
         # (src/bin/prerender/deploy.rs) with deploy/nginx.conf from the same rules.\n\n/*\n",
    );
    for (name, value) in common() {
        let _ = writeln!(out, "  {name}: {value}");
    }
    let mut rule = |path: &str, kind: Kind, file: &str| {
        let _ = write!(out, "\n{path}\n");
        for (name, value) in specific(kind, policy) {
            let _ = writeln!(out, "  {name}: {value}");
        }
        let ext = file.rsplit_once('.').map_or("", |(_, e)| e);
        if let Some((_, mime, text)) = TYPES.iter().find(|(e, ..)| *e == ext) {
            if ext != "html" && !file.ends_with('*') {
                let charset = if *text { "; charset=utf-8" } else { "" };
                let _ = writeln!(out, "  Content-Type: {mime}{charset}");
            }
        }
    };
    for lang in Lang::ALL {
        let prefix = lang.prefix();
        rule(&format!("/{prefix}case/*"), Kind::Page, "case/*");
        rule(&format!("/{prefix}widget/*"), Kind::Widget, "widget/*");
        rule(
            &format!("/{prefix}preview/*"),
            Kind::Preview,
            "preview/*.png",
        );
    }
    rule("/snippets/*", Kind::Hashed, "snippets/*");
    for file in files {
        if ["case/", "widget/", "snippets/", "preview/"]
            .iter()
            .any(|d| unprefixed(file).starts_with(d))
        {
            continue;
        }
        let kind = kind_of(file);
        if let Some(dir) = file.strip_suffix("index.html") {
            rule(&format!("/{dir}"), kind, file);
        }
        rule(&format!("/{file}"), kind, file);
    }
    out
}

/// `deploy/nginx.conf`: a whole configuration for Debian's nginx with its
/// brotli module; nginx replaces, not merges, `add_header` lists between
/// levels, so every location carries its full list.
fn nginx_conf(files: &[String], policy: &Policy) -> String {
    let mut out = String::from(
        "# Left Behind on nginx, written by the build (src/bin/prerender/deploy.rs)\n\
         # with dist/_headers from the same rules: rebuild rather than edit.\n\
         #\n\
         # scripts/serve-release.sh [PORT] runs it with nginx -p <repository> (so `root dist`\n\
         # is the build's dist/), on PORT in place of 8081.\n\
         # To deploy, set `root` to where dist/ is copied and `listen` to your address.\n\
         # It serves plain HTTP behind a TLS-terminating proxy or load balancer, which\n\
         # sends X-Forwarded-Proto; for TLS in nginx itself, add `listen 443 ssl`, the\n\
         # certificate, and a port-80 server that answers `return 301 https://$host$request_uri`.\n\n\
         # brotli_static, from Debian's libnginx-mod-http-brotli-static.\n\
         load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;\n\
         worker_processes 1;\n\n\
         events {\n    worker_connections 256;\n}\n\nhttp {\n    types {\n",
    );
    for (ext, mime, _) in TYPES {
        let _ = writeln!(out, "        {mime} {ext};");
    }
    let charset: Vec<_> = TYPES
        .iter()
        .filter(|(ext, _, text)| *text && *ext != "html")
        .map(|(_, mime, _)| *mime)
        .collect();
    let _ = write!(
        out,
        "    }}\n    default_type application/octet-stream;\n    charset utf-8;\n    charset_types {};\n    \
         sendfile on;\n    server_tokens off;\n\n    server {{\n        listen 127.0.0.1:8081;\n        \
         root dist;\n        index index.html;\n        absolute_redirect off;\n        \
         # The build writes a .br and a .gz beside every text file and the WASM.\n        \
         brotli_static on;\n        gzip_static on;\n        gzip_vary on;\n\n        \
         # Behind a TLS proxy: a request that came over plain HTTP goes to HTTPS.\n        \
         if ($http_x_forwarded_proto = \"http\") {{\n            return 301 https://$host$request_uri;\n        }}\n",
        charset.join(" ")
    );
    let mut location = |head: &str, kind: Kind, try_files: bool| {
        let _ = write!(out, "\n        {head} {{\n");
        for (name, value) in common().into_iter().chain(specific(kind, policy)) {
            let _ = writeln!(out, "            add_header {name} \"{value}\" always;");
        }
        if try_files {
            out.push_str("            try_files $uri $uri/ =404;\n");
        }
        out.push_str("        }\n");
    };
    for kind in KINDS {
        match kind {
            Kind::Page => location("location /", kind, true),
            Kind::Widget => {
                for lang in Lang::ALL {
                    location(&format!("location /{}widget/", lang.prefix()), kind, true);
                }
            }
            Kind::Hashed => {
                location(HASHED_NGINX, kind, false);
                location("location ^~ /snippets/", kind, false);
            }
            Kind::Loader => location("location = /embed.js", kind, false),
            Kind::OpenData => location(r#"location ~ "\.(json|ics)$""#, kind, false),
            Kind::Preview => {
                for lang in Lang::ALL {
                    location(
                        &format!("location ^~ /{}preview/", lang.prefix()),
                        kind,
                        false,
                    );
                }
            }
            Kind::Fixed => {
                for file in files.iter().filter(|f| kind_of(f) == Kind::Fixed) {
                    location(&format!("location = /{file}"), kind, false);
                }
            }
        }
    }
    out.push_str("    }\n}\n");
    out
}
