// Traces: find every event of every message traced under a name, across queues, on one
// timeline; and the names seen recently.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, s, route, fmtNumber, text, time, table } = QC.dom;
  const { liveRegion, setLive, regionError } = QC.ui;

  const LIMIT = 1000;

  /** One lane per message, a mark per event: where the time went, at a glance. */
  function lanes(events) {
    const times = events.map((e) => QC.dom.parseTime(e.created_at)).filter((t) => t !== null);
    if (times.length < 2) return null;
    const keyOf = (e) => e.partition_id + "/" + e.transaction_id;
    const order = [];
    const names = new Map();
    for (const e of events) {
      const key = keyOf(e);
      if (!names.has(key)) {
        order.push(key);
        names.set(key, text(e.queue_name) + " / " + text(e.transaction_id).slice(0, 18));
      }
    }
    const start = Math.min(...times.map((t) => t.getTime()));
    const span = Math.max(1, Math.max(...times.map((t) => t.getTime())) - start);
    const left = 230;
    const width = 640;
    const laneH = 22;
    const height = order.length * laneH + 24;
    const x = (t) => left + ((width - left - 12) * (t - start)) / span;
    const title = "Events of " + order.length + " message(s) over " + (span / 1000).toFixed(3) + " s";
    return s(
      "svg",
      { viewBox: "0 0 " + width + " " + height, role: "img", "aria-label": title, class: "lanes" },
      order.map((key, i) => {
        const y = 14 + i * laneH;
        return s(
          "g",
          null,
          s("text", { x: 4, y: y + 4, class: "axis" }, names.get(key)),
          s("line", { x1: left, x2: width - 12, y1: y, y2: y, class: "grid" }),
          events
            .filter((e) => keyOf(e) === key)
            .map((e) => {
              const at = QC.dom.parseTime(e.created_at);
              return at
                ? s("circle", { cx: x(at.getTime()), cy: y, r: 5, class: "lane-mark event-" + String(e.event_type).replace(/[^a-z]/g, "") }, s("title", null, text(e.event_type) + " at " + QC.dom.fmtLocal(at)))
                : null;
            })
        );
      }),
      s("text", { x: left, y: height - 4, class: "axis" }, "0 s"),
      s("text", { x: width - 12, y: height - 4, class: "axis", "text-anchor": "end" }, "+" + (span / 1000).toFixed(3) + " s")
    );
  }

  function results(name, answer) {
    const events = (answer && Array.isArray(answer.traces) ? answer.traces : []).slice().sort(QC.trace.byTime);
    const messages = new Set(events.map((e) => e.partition_id + "/" + e.transaction_id));
    const queues = new Set(events.map((e) => e.queue_name));
    const total = answer && typeof answer.total === "number" ? answer.total : events.length;
    return h(
      "div",
      null,
      h(
        "p",
        { class: "summary" },
        fmtNumber(events.length) + " event(s) of " + fmtNumber(messages.size) + " message(s) in " + fmtNumber(queues.size) + " queue(s) for “",
        h("span", { class: "name" }, name),
        "”." + (total > events.length ? " Showing the first " + fmtNumber(events.length) + " of " + fmtNumber(total) + "." : "")
      ),
      lanes(events),
      QC.trace.timeline(events, true)
    );
  }

  function namesPart(answer) {
    const names = answer && Array.isArray(answer.trace_names) ? answer.trace_names : [];
    return table(
      "Recently seen trace names",
      [{ label: "Name" }, { label: "Events", num: true }, { label: "Messages", num: true }, { label: "Last seen" }],
      names.map((n) => [
        h("a", { href: route(["traces"], { name: n.trace_name }) }, text(n.trace_name)),
        fmtNumber(n.trace_count),
        fmtNumber(n.message_count),
        time(n.last_seen),
      ]),
      { rowHeader: true, empty: "No traces recorded yet." }
    );
  }

  function mount(main, params) {
    const name = params.name || "";
    const input = h("input", { id: "trace-name", type: "search", value: name, autocomplete: "off", required: true, placeholder: "order-12345" });
    const form = h(
      "form",
      { class: "filters", role: "search", "aria-label": "Search traces" },
      h("label", { for: "trace-name" }, "Trace name"),
      input,
      h("button", { type: "submit", class: "primary" }, "Search")
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const wanted = input.value.trim();
      if (wanted) window.location.hash = route(["traces"], { name: wanted });
    });
    const resultRegion = name ? liveRegion("Trace events") : null;
    const namesRegion = liveRegion("Trace names");
    QC.dom.add(main,
      h("h1", null, "Traces"),
      form,
      resultRegion ? h("section", { "aria-labelledby": "h-results" }, h("h2", { id: "h-results" }, "Timeline"), resultRegion) : null,
      h("section", { "aria-labelledby": "h-names" }, h("h2", { id: "h-names" }, "Trace names"), namesRegion)
    );
    async function refresh() {
      await Promise.all([
        resultRegion
          ? QC.api.get("/api/v1/traces/by-name/" + encodeURIComponent(name), { limit: LIMIT }).then(
              (answer) => setLive(resultRegion, results(name, answer)),
              (err) => regionError(resultRegion, err)
            )
          : null,
        QC.api.get("/api/v1/traces/names", { limit: 20 }).then(
          (answer) => setLive(namesRegion, namesPart(answer)),
          (err) => regionError(namesRegion, err)
        ),
      ]);
    }
    return { refresh };
  }

  QC.views = QC.views || {};
  QC.views.traces = { title: (params) => (params.name ? "Traces of " + params.name : "Traces"), mount };
})();
