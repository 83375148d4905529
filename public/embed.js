/* Left Behind widget loader. Turns each <div data-left-behind="VIEW"> on the
   page, now or added later, into a sandboxed iframe of that view from this
   script's site, sized to its content. Inside a shadow root, so the
   page's CSS cannot reach the frame. The build fills in the "{{…}}" words
   from src/text.rs (src/bin/prerender/widget.rs). */
(() => {
  const me = document.currentScript;
  if (!me) return;
  const site = new URL(".", me.src);
  const frames = new Map();
  const known = "{{CASES}}".split(" ");
  const css = (el, rules) => {
    for (const [k, v] of Object.entries(rules)) el.style.setProperty(k, v, "important");
  };
  const clear = (root, keep) => {
    for (const n of [...root.childNodes]) if (n !== keep) n.remove();
  };

  // A short message in place of the widget, with a way to the site.
  const say = (root, frame, words) => {
    clear(root, frame);
    const p = document.createElement("p");
    const a = document.createElement("a");
    p.textContent = words + " ";
    a.href = site;
    a.textContent = "{{SEE_ALL}}";
    p.append(a);
    css(p, { font: "16px/1.5 system-ui, sans-serif", color: "#1b1f24", background: "#fff",
      border: "1px solid #d8d6d0", "border-radius": "8px", padding: "12px", margin: "0",
      visibility: "visible" });
    css(a, { color: "#1a4f9c" });
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
    const single = view === "card" || view === "counter";
    if (!["card", "cards", "counter", "timeline", "petition"].includes(view)) {
      return say(root, null, "{{UNKNOWN_VIEW}}".replace("{view}", view));
    }
    if (single && !known.includes(id)) {
      return say(root, null, "{{UNKNOWN_CASE}}".replace("{id}", id));
    }
    const options = new URLSearchParams({ origin: location.origin });
    for (const key of ["theme", "lang", "partner", "endpoint", "encoding", "cases"]) {
      if (d[key]) options.set(key, d[key]);
    }
    if (d.compact !== undefined && d.compact !== "false") options.set("compact", "true");
    if (d.partner && !/^[\w.-]{1,64}$/.test(d.partner)) {
      console.warn("Left Behind: data-partner may hold letters, digits, '.', '_' and '-' (64 at most)");
    }

    const frame = document.createElement("iframe");
    frame.src = new URL(`widget/${view}${single ? "/" + id : ""}.html#${options}`, site);
    frame.title = "{{TITLE}}";
    frame.setAttribute("sandbox",
      "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox");
    frame.allow = "clipboard-write; web-share";
    css(frame, { display: "block", width: "100%", height: "0", border: "0", margin: "0",
      padding: "0", "min-width": "0", "max-width": "none", "min-height": "0", "max-height": "none",
      visibility: "visible" });
    let ready = false;
    const fail = () => ready || say(root, frame, "{{FAILED}}");
    // A page that loaded without reporting its height is not a widget page
    // (an error page); one that never loads is unreachable.
    frame.onload = () => setTimeout(fail, 2000);
    setTimeout(fail, 30000);
    frames.set(frame, (height, title) => {
      if (!ready) clear(root, frame);
      ready = true;
      css(frame, { height: height + "px" });
      if (title) frame.title = title;
    });
    root.append(frame);
  };

  const scan = () => {
    for (const el of document.querySelectorAll("[data-left-behind]:not([data-left-behind-state])")) {
      mount(el);
    }
  };

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
