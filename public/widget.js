/* Runs in every widget page (widget/*.html), in its head: applies the options
   embed.js passed in the URL fragment before the first paint, then reports
   the content's height to the page that embeds the frame. */
(() => {
  const options = new URLSearchParams(location.hash.slice(1));
  const root = document.documentElement;
  const theme = options.get("theme");
  if (theme === "light" || theme === "dark") root.dataset.lbTheme = theme;
  if (options.get("compact") === "true") root.dataset.lbCompact = "";

  // The cards a partner listed, in the data's order; a note names the unknown.
  const keepCases = (list) => {
    const wanted = list.split(",").map((id) => id.trim()).filter(Boolean);
    for (const card of document.querySelectorAll(".lb-card")) {
      if (!wanted.includes(card.dataset.case)) card.parentElement.remove();
    }
    for (const section of document.querySelectorAll(".lb-cases")) {
      if (!section.querySelector(".lb-card")) section.remove();
    }
    const unknown = wanted.filter((id) => !document.getElementById("case-" + id));
    const note = document.querySelector(".lb-widget__missing");
    if (note && unknown.length) {
      note.querySelector(".lb-widget__missing-ids").textContent = unknown.join(", ");
      note.hidden = false;
    }
  };

  // The petition island reads these when its bundle arrives.
  const petition = () => {
    const island = document.querySelector("[data-island=petition]");
    if (!island) return;
    const set = (attribute, key) => options.has(key) && island.setAttribute(attribute, options.get(key));
    set("data-source", "partner");
    set("data-endpoint", "endpoint");
    set("data-encoding", "encoding");
  };

  // Heights go only to the page that embedded us (the origin embed.js
  // passed); the embedder checks where they come from.
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.body.getBoundingClientRect().height);
    if (height === last || parent === window) return;
    last = height;
    try {
      parent.postMessage({ leftBehindHeight: height, title: document.title }, options.get("origin"));
    } catch {}
  };

  document.addEventListener("readystatechange", () => {
    // "interactive": parsed, before the app's module script runs.
    if (document.readyState !== "interactive") return;
    if (options.get("cases")) keepCases(options.get("cases"));
    petition();
    report();
    new ResizeObserver(report).observe(document.body);
    // A frame out of sight may not run ResizeObserver: changes to the tree
    // (islands mounting, a disclosure opening) measure directly.
    new MutationObserver(report).observe(document.body, { childList: true, subtree: true, attributes: true });
    addEventListener("load", report);
  });
})();
