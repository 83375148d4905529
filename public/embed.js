/* Left Behind widget loader. Turns each <div data-left-behind="VIEW"> on the
   page, now or added later, into a sandboxed iframe of that view from this
   script's site, sized to its content. Inside a shadow root, so the page's
   CSS cannot reach the frame; styles are set through the CSSOM, which a
   strict Content-Security-Policy allows. `data-lang` picks the language
   of the widget's pages. The build fills in the "{{…}}" words and rules
   from Rust (`loader` in src/core/embed.rs) and minifies it. It knows no case ids: it need not change when the data does, so a
   cached copy never refuses a new case. */
(() => {
  const me = document.currentScript;
  if (!me) return;
  const site = new URL(".", me.src);
  const views = "{{VIEWS}}".split(",");
  // Each language a partner may ask for: where its pages are, and the two
  // things readers see from the loader itself in it.
  const langs = "{{LANGS}}";
  // Frame → its resize, while it lives; element → its load, until it is near.
  const frames = new Map();
  const later = new Map();
  // The frame loads when the element comes within a screen or two, so a
  // widget far down an article costs readers who never get there nothing.
  const near = new IntersectionObserver((entries) => {
    for (const { target, isIntersecting } of entries) {
      if (isIntersecting && later.has(target)) {
        near.unobserve(target);
        later.get(target)();
        later.delete(target);
      }
    }
  }, { rootMargin: "1500px 0px" });
  // Inherited properties still reach a shadow tree: reset them all.
  const PLAIN = "all:initial!important;display:block!important;";
  const clear = (root, keep) => {
    for (const n of [...root.childNodes]) if (n !== keep) n.remove();
  };

  // A short message in place of the widget, with a way to the site's pages
  // in the widget's language.
  const say = (root, frame, words, [pre, , seeAll]) => {
    clear(root, frame);
    const p = document.createElement("p");
    const a = p.appendChild(document.createElement("a"));
    p.prepend(words + " ");
    a.href = new URL(pre, site);
    a.textContent = seeAll;
    p.style.cssText = PLAIN + "font:16px/1.5 system-ui,sans-serif!important;color:#1b1f24!important;" +
      "background:#fff!important;border:1px solid #d8d6d0!important;border-radius:8px!important;padding:12px!important";
    // Not reset with the rest: the browser's focus ring must stay.
    a.style.cssText = "font:inherit!important;color:#1a4f9c!important";
    root.prepend(p);
  };

  const mount = (el) => {
    el.dataset.leftBehindState = "on";
    let root = el;
    try {
      root = el.attachShadow({ mode: "open" });
      // The partner's fallback link shows until the widget is ready.
      root.append(document.createElement("slot"));
    } catch {}
    const d = el.dataset;
    const view = d.leftBehind;
    const id = d.case || "";
    const page = view === "card" || view === "counter" ? "/" + encodeURIComponent(id) : "";
    // A language the site does not have is a typo, like a bad partner id:
    // the widget still shows, in English.
    let lang = langs[d.lang || "en"];
    if (!lang) {
      console.warn("{{BAD_LANG}}");
      lang = langs.en;
    }
    if (!views.includes(view)) {
      return say(root, null, "{{UNKNOWN_VIEW}}".replace("{view}", view) + views.join(", "), lang);
    }
    const options = new URLSearchParams({ origin: location.origin });
    for (const key of ["theme", "partner", "endpoint", "encoding", "cases"]) {
      if (d[key]) options.set(key, d[key]);
    }
    if (d.compact !== undefined && d.compact !== "false") options.set("compact", "true");
    // The id is dropped, not sent, where the site's rule refuses it.
    if (d.partner && !new RegExp("{{PARTNER_ID}}").test(d.partner)) {
      console.warn("{{BAD_PARTNER}}");
    }
    // A card or counter that fails names the id, most often a typo; that
    // and the other diagnostics are for the partner's editor, in English.
    const failed = page ? "{{UNKNOWN_CASE}}".replace("{id}", id) : lang[1];
    later.set(el, () => load(root, `${lang[0]}widget/${view}${page}.html#${options}`, failed, lang));
    near.observe(el);
  };

  const load = (root, path, failed, lang) => {
    const frame = document.createElement("iframe");
    frame.src = new URL(path, site);
    // Neutral until the frame reports its own title, in its language.
    frame.title = "{{TITLE}}";
    frame.setAttribute("sandbox",
      "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox");
    frame.allow = "clipboard-write; web-share";
    const size = (height) => {
      frame.style.cssText = PLAIN + `width:100%!important;height:${height}px!important;border:0!important`;
    };
    size(0);
    let ready = false;
    const fail = () => ready || say(root, frame, failed, lang);
    // A page that loaded without reporting its height is not a widget page
    // (an error page); one that never loads is unreachable.
    frame.onload = () => setTimeout(fail, 2000);
    setTimeout(fail, 30000);
    frames.set(frame, (height, title) => {
      if (!ready) clear(root, frame);
      ready = true;
      size(height);
      if (title) frame.title = title;
    });
    root.append(frame);
  };

  const scan = () => {
    for (const el of document.querySelectorAll("[data-left-behind]:not([data-left-behind-state])")) {
      mount(el);
    }
  };

  // Heights come only from the site's origin, and from the frame they size.
  addEventListener("message", (e) => {
    if (e.origin !== site.origin || typeof e.data?.leftBehindHeight !== "number") return;
    for (const [frame, resize] of frames) {
      if (frame.contentWindow === e.source) resize(e.data.leftBehindHeight, e.data.title);
      else if (!frame.isConnected) frames.delete(frame);
    }
  });
  scan();
  new MutationObserver((changes) => changes.some((c) => c.addedNodes.length) && scan())
    .observe(document.documentElement, { childList: true, subtree: true });
})();
