// Overview: server health and maintenance modes, totals, throughput, and every queue.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, segment, route, fmtNumber, text, table, dl } = QC.dom;
  const { liveRegion, setLive, regionError } = QC.ui;

  //: queue details (completed and dead-lettered counts) fetched per refresh, at most
  const DETAIL_LIMIT = 50;
  const CHART_MINUTES = 15;

  function onOff(value) {
    if (value === undefined || value === null) return "not reported";
    return value ? "ON" : "off";
  }

  function healthPart(health) {
    const state = health.shared_state || {};
    const healthy = health.status === "healthy";
    return dl([
      ["Status", h("span", { class: healthy ? "badge badge-completed" : "badge badge-dead_letter" }, healthy ? "✓ healthy" : "✕ " + text(health.status))],
      ["Database", text(health.database)],
      ["Server", text(health.server) + " " + text(health.version)],
      ["Push maintenance mode", onOff(state.maintenance_mode)],
      ["Pop maintenance mode", onOff(state.pop_maintenance_mode)],
    ]);
  }

  function totalsPart(overview) {
    const m = overview.messages || {};
    return dl([
      ["Queues", fmtNumber(overview.queues)],
      ["Partitions", fmtNumber(overview.partitions)],
      ["Pending", fmtNumber(m.pending)],
      ["Processing", fmtNumber(m.processing)],
      ["Completed", fmtNumber(m.completed)],
      ["Dead-lettered", fmtNumber(m.deadLetter)],
    ]);
  }

  function throughputPart(status) {
    const points = (status && Array.isArray(status.throughput) ? status.throughput : [])
      .map((p) => ({ t: QC.dom.parseTime(p.timestamp), pushed: Number(p.ingested) || 0, processed: Number(p.processed) || 0 }))
      .filter((p) => p.t !== null)
      .sort((a, b) => a.t - b.t)
      .slice(-CHART_MINUTES);
    const series = [{ label: "pushed", values: points.map((p) => p.pushed) }];
    // a server that does not sample deliveries reports zeros: do not draw a false flat line
    const processedKnown = points.some((p) => p.processed > 0);
    if (processedKnown) series.push({ label: "processed", values: points.map((p) => p.processed) });
    return h(
      "div",
      null,
      QC.chart.lineChart({
        title: "Messages per minute, last " + CHART_MINUTES + " minutes",
        unit: "messages per minute",
        times: points.map((p) => p.t),
        series,
      }),
      processedKnown ? null : h("p", { class: "muted" }, "This server does not report processed messages per minute; completed counts are in the queue table.")
    );
  }

  function queueRow(queue, detail) {
    const totals = detail && detail.totals ? detail.totals : null;
    const m = queue.messages || {};
    const name = String(queue.name);
    return [
      h("a", { href: route(["queues", name]) }, name),
      text(queue.namespace),
      text(queue.task),
      fmtNumber(queue.partitions),
      fmtNumber(totals ? totals.pending : m.pending),
      fmtNumber(totals ? totals.processing : m.processing),
      totals ? fmtNumber(totals.completed) : "—",
      totals ? fmtNumber(totals.deadLetter) : "—",
    ];
  }

  async function queueDetails(queues) {
    const out = new Map();
    const wanted = queues.slice(0, DETAIL_LIMIT);
    // a few at a time: a local server shares its CPU with the workload being watched
    for (let i = 0; i < wanted.length; i += 6) {
      const batch = wanted.slice(i, i + 6);
      const answers = await Promise.all(
        batch.map((q) =>
          QC.api.get("/api/v1/resources/queues/" + segment(q.name)).catch(() => null)
        )
      );
      batch.forEach((q, k) => out.set(q.name, answers[k]));
    }
    return out;
  }

  function mount(main) {
    const healthRegion = liveRegion("Server health");
    const totalsRegion = liveRegion("Totals");
    const chartRegion = liveRegion("Throughput");
    const queuesRegion = liveRegion("Queues");
    const filter = h("input", { id: "queue-filter", type: "search", autocomplete: "off", placeholder: "name, namespace or task" });
    let lastQueues = null;

    function renderQueues() {
      if (lastQueues === null) return;
      const { queues, details } = lastQueues;
      const needle = filter.value.trim().toLowerCase();
      const shown = queues.filter(
        (q) => !needle || [q.name, q.namespace, q.task].some((v) => String(v || "").toLowerCase().includes(needle))
      );
      setLive(
        queuesRegion,
        h(
          "div",
          null,
          table(
            "Queues (" + shown.length + (shown.length === queues.length ? "" : " of " + queues.length) + ")",
            [
              { label: "Queue" },
              { label: "Namespace" },
              { label: "Task" },
              { label: "Partitions", num: true },
              { label: "Pending", num: true },
              { label: "Processing", num: true },
              { label: "Completed", num: true },
              { label: "Dead-lettered", num: true },
            ],
            shown.map((q) => queueRow(q, details.get(q.name))),
            { rowHeader: true, empty: queues.length ? "No queue matches the filter." : "No queues yet." }
          ),
          queues.length > DETAIL_LIMIT
            ? h("p", { class: "muted" }, "Completed and dead-lettered counts are fetched for the first " + DETAIL_LIMIT + " queues.")
            : null
        )
      );
    }
    filter.addEventListener("input", renderQueues);

    QC.dom.add(main,
      h("h1", null, "Overview"),
      h(
        "div",
        { class: "grid-2" },
        h("section", { "aria-labelledby": "h-health" }, h("h2", { id: "h-health" }, "Server"), healthRegion),
        h("section", { "aria-labelledby": "h-totals" }, h("h2", { id: "h-totals" }, "Messages"), totalsRegion)
      ),
      h(
        "section",
        { "aria-labelledby": "h-queues" },
        h("h2", { id: "h-queues" }, "Queues"),
        h("div", { class: "filters" }, h("label", { for: "queue-filter" }, "Filter queues"), filter),
        queuesRegion
      ),
      h("section", { "aria-labelledby": "h-throughput" }, h("h2", { id: "h-throughput" }, "Throughput"), chartRegion)
    );

    async function refresh() {
      const from = new Date(Date.now() - CHART_MINUTES * 60000).toISOString();
      await Promise.all([
        QC.api.get("/health", null, { prompt: false }).then(
          (health) => setLive(healthRegion, healthPart(health || {})),
          (err) => regionError(healthRegion, err)
        ),
        QC.api.get("/api/v1/resources/overview").then(
          (overview) => setLive(totalsRegion, totalsPart(overview || {})),
          (err) => regionError(totalsRegion, err)
        ),
        QC.api.get("/api/v1/status", { from }).then(
          (status) => setLive(chartRegion, throughputPart(status)),
          (err) => regionError(chartRegion, err)
        ),
        QC.api
          .get("/api/v1/resources/queues")
          .then(async (answer) => {
            const queues = (answer && Array.isArray(answer.queues) ? answer.queues : []).slice();
            queues.sort((a, b) => String(a.name).localeCompare(String(b.name)));
            lastQueues = { queues, details: await queueDetails(queues) };
            renderQueues();
          })
          .catch((err) => regionError(queuesRegion, err)),
      ]);
    }
    return { refresh };
  }

  QC.views = QC.views || {};
  QC.views.overview = { title: () => "Overview", mount };
})();
