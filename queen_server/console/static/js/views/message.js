// Message: payload, ids and headers, retries, lease, its consumer groups, its trace timeline,
// and the retry / delete actions.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, segment, route, fmtNumber, text, groupName, statusBadge, yesNo, table, dl, time, prettyJson } = QC.dom;
  const { liveRegion, setLive, regionError } = QC.ui;

  // trace event types → a symbol; the type is always written out too
  const EVENT_SYMBOLS = { info: "ℹ", step: "➜", processing: "⋯", warning: "⚠", error: "✕" };

  function eventType(type) {
    const name = text(type);
    return h(
      "span",
      { class: "event-type event-" + name.replace(/[^a-z]/g, "") },
      h("span", { "aria-hidden": "true" }, (EVENT_SYMBOLS[name] || "•") + " "),
      name
    );
  }

  function traceNames(names) {
    if (!Array.isArray(names) || names.length === 0) return null;
    return h(
      "span",
      { class: "trace-names" },
      "names: ",
      names.map((n, i) => [i ? ", " : "", h("a", { href: route(["traces"], { name: n }) }, String(n))])
    );
  }

  /**
   * A timeline of trace events (oldest first). `withMessage` adds each event's queue,
   * partition and message link (the cross-queue timeline of a trace name).
   */
  function timeline(events, withMessage) {
    if (events.length === 0) return h("p", { class: "muted" }, "No trace events.");
    const first = QC.dom.parseTime(events[0].created_at);
    return h(
      "ol",
      { class: "timeline" },
      events.map((e) => {
        const at = QC.dom.parseTime(e.created_at);
        const offset = first && at ? "+" + ((at - first) / 1000).toFixed(3) + " s" : "";
        return h(
          "li",
          null,
          h(
            "div",
            { class: "event-head" },
            time(e.created_at),
            h("span", { class: "muted" }, " " + offset + " "),
            eventType(e.event_type),
            withMessage
              ? [
                  " in ",
                  h("a", { href: route(["queues", e.queue_name]) }, text(e.queue_name)),
                  " / " + text(e.partition_name) + " — message ",
                  h("a", { href: route(["messages", e.partition_id, e.transaction_id]) }, text(e.transaction_id)),
                ]
              : null
          ),
          h(
            "div",
            { class: "event-meta muted" },
            "group " + groupName(e.consumer_group) + ", worker " + text(e.worker_id),
            Array.isArray(e.trace_names) && e.trace_names.length ? " · " : null,
            traceNames(e.trace_names)
          ),
          h("pre", { class: "json" }, prettyJson(e.data))
        );
      })
    );
  }

  function byTime(a, b) {
    const ta = QC.dom.parseTime(a.created_at);
    const tb = QC.dom.parseTime(b.created_at);
    return (ta ? ta.getTime() : 0) - (tb ? tb.getTime() : 0);
  }

  function actions(m) {
    const where = " of queue " + text(m.queue) + " (partition " + text(m.partition) + ")";
    const path = "/api/v1/messages/" + segment(m.partitionId) + "/" + segment(m.transactionId);
    const retry =
      m.status === "dead_letter"
        ? QC.ui.actionButton("Retry…", "retry", () =>
            QC.ui.act({
              title: "Retry message " + m.transactionId + "?",
              body: "It leaves the dead-letter queue and is delivered again, with the messages after it in its partition, to the consumer groups that dead-lettered it" + where + ".",
              confirmLabel: "Retry message",
              run: () => QC.api.post(path + "/retry"),
              done: () => "Message " + m.transactionId + " will be delivered again.",
              unsupported: "Retrying a dead letter is a queen_server route; upstream Queen servers do not offer it.",
            }), "primary")
        : null;
    const remove = QC.ui.actionButton("Delete…", "delete", async () => {
      const ok = await QC.ui.act({
        title: "Delete message " + m.transactionId + "?",
        body: "The message" + where + " is deleted for good, with its dead-letter entries and traces.",
        confirmLabel: "Delete message",
        run: () => QC.api.del(path),
        done: () => "Message " + m.transactionId + " deleted.",
      });
      if (ok) window.location.hash = route(["queues", m.queue]);
    });
    if (!retry && !remove) return null;
    return h("div", { class: "actions", role: "group", "aria-label": "Message actions" }, retry, remove);
  }

  function details(m) {
    const groups = Array.isArray(m.consumerGroups) ? m.consumerGroups : [];
    return h(
      "div",
      null,
      actions(m),
      dl([
        ["Queue", h("a", { href: route(["queues", m.queue]) }, text(m.queue))],
        ["Partition", text(m.partition)],
        ["Status", statusBadge(m.status)],
        ["Transaction id", h("code", null, text(m.transactionId))],
        ["Message id", h("code", null, text(m.id))],
        ["Partition id", h("code", null, text(m.partitionId))],
        ["Trace id", text(m.traceId)],
        ["Producer", text(m.producerSub)],
        ["Created", time(m.createdAt)],
        ["Retry count", fmtNumber(m.retryCount)],
        ["Error", text(m.errorMessage)],
        ["Lease expires", time(m.leaseExpiresAt)],
        ["Encrypted at rest", yesNo(m.isEncrypted)],
      ]),
      h("h2", { id: "h-groups" }, "Consumer groups"),
      table(
        null,
        [{ label: "Group" }, { label: "Consumed" }, { label: "Lease expires" }],
        groups.map((g) => [groupName(g.name), yesNo(g.consumed), time(g.leaseExpiresAt)]),
        { rowHeader: true, empty: "No consumer group has read this partition." }
      ),
      h("h2", { id: "h-payload" }, "Payload"),
      h("pre", { class: "json", "aria-labelledby": "h-payload", tabindex: "0" }, prettyJson(m.payload))
    );
  }

  function mount(main, params) {
    const detailRegion = liveRegion("Message");
    const traceRegion = liveRegion("Trace timeline");
    QC.dom.add(main,
      h("h1", null, "Message ", h("span", { class: "name" }, params.transactionId)),
      detailRegion,
      h("section", { "aria-labelledby": "h-trace" }, h("h2", { id: "h-trace" }, "Trace timeline"), traceRegion)
    );
    async function refresh() {
      const path = segment(params.partitionId) + "/" + segment(params.transactionId);
      await Promise.all([
        QC.api.get("/api/v1/messages/" + path).then(
          (m) => setLive(detailRegion, m ? details(m) : h("p", null, "Message not found.")),
          (err) => regionError(detailRegion, err)
        ),
        QC.api.get("/api/v1/traces/" + path).then(
          (answer) => {
            const events = (answer && Array.isArray(answer.traces) ? answer.traces : []).slice().sort(byTime);
            setLive(traceRegion, timeline(events, false));
          },
          (err) => regionError(traceRegion, err)
        ),
      ]);
    }
    return { refresh };
  }

  QC.views = QC.views || {};
  QC.views.message = { title: (params) => "Message " + params.transactionId, mount };
  QC.trace = { timeline, byTime, eventType };
})();
