// The page: routes (#/...), the session line (token and role), and live refresh.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h } = QC.dom;

  const REFRESH_MS = 5000;

  /** "#/queues/orders?x=1" → {view: "queue", params: {name: "orders", x: "1"}} */
  function parseRoute(hash) {
    const body = String(hash || "").replace(/^#\/?/, "");
    const [path, qs] = body.split("?", 2);
    const parts = path ? path.split("/").map((p) => decodeURIComponent(p)) : [];
    const params = Object.fromEntries(new URLSearchParams(qs || ""));
    const [first, ...rest] = parts;
    if (!first) return { view: "overview", params };
    if (first === "queues" && rest.length === 1) return { view: "queue", params: Object.assign(params, { name: rest[0] }) };
    if (first === "messages" && rest.length === 2) {
      return { view: "message", params: Object.assign(params, { partitionId: rest[0], transactionId: rest[1] }) };
    }
    if (first === "traces" && rest.length === 0) return { view: "traces", params };
    if (first === "dlq" && rest.length === 0) return { view: "dlq", params };
    if (first === "groups" && rest.length === 0) return { view: "groups", params };
    if (first === "groups" && rest.length === 1) return { view: "group", params: Object.assign(params, { name: rest[0] }) };
    return { view: "notfound", params };
  }

  const NAV_OF = { overview: "overview", queue: "overview", message: "overview", traces: "traces", dlq: "dlq", groups: "groups", group: "groups" };

  let current = null; // {refresh}
  let generation = 0;
  let paused = false;
  let refreshing = null;
  let lastUpdated = null;

  function renderSession() {
    const session = document.getElementById("session");
    const token = QC.auth.token();
    const who = QC.auth.describe(token);
    let label;
    if (who.kind === "none") label = "No token";
    else if (who.kind === "opaque") label = "Token (not a JWT: role unknown)";
    else label = "Role: " + (who.role || "none recognised") + (who.subject ? " (" + who.subject + ")" : "");
    const forget = () => {
      QC.auth.clear();
      renderSession();
      rerender();
    };
    const signIn = async () => {
      if (await QC.ui.askToken(null, true)) rerender();
    };
    QC.dom.fill(
      session,
      h("span", { class: "muted" }, label),
      token
        ? h("button", { type: "button", onclick: forget }, "Forget token")
        : h("button", { type: "button", onclick: signIn }, "Sign in")
    );
  }

  function renderState() {
    const el = document.getElementById("refresh-state");
    const when = lastUpdated ? "Updated " + QC.dom.fmtLocal(lastUpdated).slice(11, 19) : "Not loaded yet";
    el.textContent = when + (paused ? " · live refresh paused" : " · refreshing every " + REFRESH_MS / 1000 + " s");
  }

  async function refresh() {
    if (!current) return;
    if (refreshing) return refreshing;
    const mine = generation;
    refreshing = (async () => {
      try {
        await current.refresh();
        if (mine === generation) {
          lastUpdated = new Date();
          renderState();
        }
      } catch (err) {
        QC.ui.showError(QC.ui.describeError(err));
      } finally {
        refreshing = null;
      }
    })();
    return refreshing;
  }

  function rerender() {
    navigate();
  }

  function navigate() {
    const hash = window.location.hash;
    // in-page anchors such as the skip link are not routes
    if (hash && !hash.startsWith("#/")) return;
    const { view, params } = parseRoute(hash);
    generation += 1;
    const main = document.getElementById("main");
    QC.dom.fill(main);
    QC.ui.clearError();
    document.querySelectorAll("[data-nav]").forEach((a) => {
      if (a.getAttribute("data-nav") === NAV_OF[view]) a.setAttribute("aria-current", "page");
      else a.removeAttribute("aria-current");
    });
    const spec = QC.views[view];
    if (!spec) {
      QC.dom.add(main, h("h1", null, "Not found"), h("p", null, "No console page at this address. ", h("a", { href: "#/" }, "Back to the overview.")));
      document.title = "Not found — Queen console";
      current = null;
      return;
    }
    document.title = spec.title(params) + " — Queen console";
    try {
      current = spec.mount(main, params);
    } catch (err) {
      current = null;
      QC.dom.add(main, h("p", { class: "error-text" }, QC.ui.describeError(err)));
      return;
    }
    refreshing = null;
    refresh();
  }

  function tick() {
    if (paused || document.hidden || QC.ui.isDialogOpen()) return;
    refresh();
  }

  function start() {
    QC.api.setTokenPrompt(QC.ui.askToken);
    document.getElementById("api-target").textContent = "API: " + QC.api.where();
    const toggle = document.getElementById("refresh-toggle");
    toggle.addEventListener("click", () => {
      paused = !paused;
      toggle.setAttribute("aria-pressed", String(paused));
      toggle.textContent = paused ? "Resume live refresh" : "Pause live refresh";
      renderState();
    });
    document.getElementById("refresh-now").addEventListener("click", () => refresh());
    document.querySelector(".skip-link").addEventListener("click", (event) => {
      event.preventDefault();
      document.getElementById("main").focus();
    });
    window.addEventListener("hashchange", () => {
      navigate();
      const heading = document.querySelector("#main h1");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus();
      }
    });
    renderSession();
    renderState();
    navigate();
    window.setInterval(tick, REFRESH_MS);
  }

  QC.app = { parseRoute, refresh, renderSession, rerender, isPaused: () => paused };
  start();
})();
