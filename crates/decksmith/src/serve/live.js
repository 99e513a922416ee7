// decksmith serve: reloads the page after a good build, and shows the last build's errors
// and warnings over it. Only served pages load this; built files never do.
(function () {
  "use strict";
  var script = document.currentScript;
  var built = script ? Number(script.getAttribute("data-built")) : 0;
  var version = null;
  var panel = null;

  function style(element, rules) {
    // Styles set through the CSSOM, which the pages' Content-Security-Policy allows.
    for (var name in rules) element.style[name] = rules[name];
    return element;
  }

  function add(parent, tag, text, rules) {
    var element = document.createElement(tag);
    if (text !== null) element.textContent = text;
    parent.appendChild(style(element, rules || {}));
    return element;
  }

  function show(status) {
    if (panel) {
      panel.remove();
      panel = null;
    }
    if (status.diagnostics.length === 0) return;
    panel = style(document.createElement("section"), {
      position: "fixed", left: "0", right: "0", bottom: "0", maxHeight: "60vh",
      overflow: "auto", zIndex: "2147483647", background: "#1f1f1f", color: "#f5f5f5",
      font: "14px/1.4 ui-monospace, Menlo, Consolas, monospace", padding: "12px 16px",
      boxShadow: "0 -2px 12px rgba(0,0,0,.4)"
    });
    panel.id = "decksmith-overlay";
    panel.setAttribute("role", status.ok ? "status" : "alert");
    var head = add(panel, "div", null, { display: "flex", gap: "12px", alignItems: "baseline" });
    var errors = status.diagnostics.filter(function (d) { return d.severity === "error"; }).length;
    var title = status.ok
      ? "decksmith: " + status.diagnostics.length + (status.diagnostics.length === 1 ? " warning" : " warnings")
      : "decksmith: the build failed (" + errors + (errors === 1 ? " error" : " errors") +
        "); this page is the last good build";
    add(head, "strong", title, { flex: "1" });
    var close = add(head, "button", "Close", {
      background: "#444", color: "#fff", border: "0", padding: "4px 10px", cursor: "pointer"
    });
    close.addEventListener("click", function () { panel.remove(); panel = null; });
    var list = add(panel, "ul", null, { listStyle: "none", margin: "8px 0 0", padding: "0" });
    status.diagnostics.forEach(function (d) {
      var item = add(list, "li", null, { margin: "0 0 10px" });
      item.className = "decksmith-diagnostic";
      var where = d.location === ":0:0" ? "" : d.location + ": ";
      add(item, "div", where + d.severity + ": " + d.message, {
        color: d.severity === "error" ? "#ff8a80" : "#ffd180"
      });
      if (d.help) add(item, "div", "help: " + d.help, { color: "#b9f6ca", paddingLeft: "2ch" });
    });
    document.body.appendChild(panel);
  }

  function poll() {
    var url = "/__decksmith/status" + (version === null ? "" : "?since=" + version);
    fetch(url, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (status) {
        if (status.built !== built && status.ok) {
          location.reload();
          return;
        }
        version = status.version;
        show(status);
        poll();
      })
      .catch(function () {
        // The server stopped or restarts: try again in a while.
        version = null;
        setTimeout(poll, 1000);
      });
  }

  poll();
})();
