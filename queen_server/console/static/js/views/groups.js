// Consumer groups: every group with its lag, the lagging partitions, and one group's
// partitions per queue with seek to a time or to the end (confirmed).
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, segment, route, fmtNumber, fmtDuration, text, groupName, table, time } = QC.dom;
  const { liveRegion, setLive, regionError } = QC.ui;

  function listPart(groups) {
    return table(
      "Consumer groups per queue (" + groups.length + ")",
      [
        { label: "Group" },
        { label: "Queue" },
        { label: "State" },
        { label: "Partitions read", num: true },
        { label: "Partitions lagging", num: true },
        { label: "Max time lag", num: true },
        { label: "Subscription" },
      ],
      groups.map((g) => [
        h("a", { href: route(["groups", g.name]) }, groupName(g.name)),
        h("a", { href: route(["queues", g.queueName]) }, text(g.queueName)),
        text(g.state),
        fmtNumber(g.members),
        fmtNumber(g.partitionsWithLag),
        fmtDuration(g.maxTimeLag),
        g.subscriptionMode ? text(g.subscriptionMode) + (g.subscriptionTimestamp ? " from " + g.subscriptionTimestamp : "") : "all messages",
      ]),
      { rowHeader: true, empty: "No consumer group has read a queue yet." }
    );
  }

  function laggingPart(rows, minLag) {
    return table(
      "Partitions whose oldest unread message is older than " + fmtDuration(minLag),
      [
        { label: "Group" },
        { label: "Queue" },
        { label: "Partition" },
        { label: "Offset lag", num: true },
        { label: "Time lag", num: true },
        { label: "Oldest unread" },
        { label: "Last consumed" },
      ],
      rows.map((r) => [
        h("a", { href: route(["groups", r.consumer_group]) }, groupName(r.consumer_group)),
        h("a", { href: route(["queues", r.queue_name]) }, text(r.queue_name)),
        text(r.partition_name),
        fmtNumber(r.offset_lag),
        fmtDuration(r.time_lag_seconds),
        time(r.oldest_unconsumed_at),
        time(r.last_consumed_at),
      ]),
      { rowHeader: true, empty: "No partition lags that much." }
    );
  }

  function mountList(main) {
    const listRegion = liveRegion("Consumer groups");
    const lagRegion = liveRegion("Lagging partitions");
    const minLag = h("input", { id: "min-lag", type: "number", min: "0", step: "1", value: "60", inputmode: "numeric" });
    minLag.addEventListener("change", () => loadLagging());
    QC.dom.add(main,
      h("h1", null, "Consumer groups"),
      h("section", { "aria-labelledby": "h-list" }, h("h2", { id: "h-list" }, "Groups"), listRegion),
      h(
        "section",
        { "aria-labelledby": "h-lagging" },
        h("h2", { id: "h-lagging" }, "Lagging partitions"),
        h("div", { class: "filters" }, h("label", { for: "min-lag" }, "Lagging more than (seconds)"), minLag),
        lagRegion
      )
    );
    async function loadLagging() {
      const seconds = Math.max(0, Math.floor(Number(minLag.value) || 0));
      try {
        const rows = await QC.api.get("/api/v1/consumer-groups/lagging", { minLagSeconds: seconds });
        setLive(lagRegion, laggingPart(Array.isArray(rows) ? rows : [], seconds));
      } catch (err) {
        regionError(lagRegion, err);
      }
    }
    async function refresh() {
      await Promise.all([
        QC.api.get("/api/v1/consumer-groups").then(
          (groups) => setLive(listRegion, listPart(Array.isArray(groups) ? groups : [])),
          (err) => regionError(listRegion, err)
        ),
        loadLagging(),
      ]);
    }
    return { refresh };
  }

  /** The seek controls of one queue of the group: to a time, or to the end. */
  function seekForm(group, queue, index) {
    if (!QC.auth.canWrite()) return null;
    const id = "seek-time-" + index;
    const input = h("input", { id, type: "datetime-local", step: "1", required: true, "data-key": "seek-time:" + queue });
    const path = "/api/v1/consumer-groups/" + segment(group) + "/queues/" + segment(queue) + "/seek";
    const form = h(
      "form",
      { class: "filters seek", "aria-label": "Seek " + group + " on " + queue },
      h("label", { for: id }, "Seek to local time"),
      input,
      h("button", { type: "submit", class: "danger", "data-key": "seek-submit:" + queue }, "Seek to time…"),
      h(
        "button",
        {
          type: "button",
          class: "danger",
          "data-key": "seek-end:" + queue,
          onclick: () =>
            QC.ui.act({
              title: "Seek " + groupName(group) + " to the end of " + queue + "?",
              body: "Every partition's cursor moves past the newest message: the group skips everything not consumed yet.",
              confirmLabel: "Seek to end",
              run: () => QC.api.post(path, { toEnd: true }),
              done: (a) => "Group " + group + " now reads " + queue + " from the end (" + fmtNumber(a && a.partitionsUpdated) + " partition(s) moved).",
            }),
        },
        "Seek to end…"
      )
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const when = new Date(input.value);
      if (!input.value || Number.isNaN(when.getTime())) {
        QC.ui.showError("Seek: give a date and time, got " + JSON.stringify(input.value));
        input.focus();
        return;
      }
      const iso = when.toISOString();
      QC.ui.act({
        title: "Seek " + groupName(group) + " on " + queue + " to " + QC.dom.fmtLocal(when) + "?",
        body: "Every partition's cursor moves to " + iso + ": messages after it are delivered (again) to this group, older ones are skipped.",
        confirmLabel: "Seek to time",
        run: () => QC.api.post(path, { timestamp: iso }),
        done: (a) => "Group " + group + " now reads " + queue + " from " + iso + " (" + fmtNumber(a && a.partitionsUpdated) + " partition(s) moved).",
      });
    });
    return form;
  }

  function detailPart(group, detail) {
    const queues = detail && typeof detail === "object" ? Object.keys(detail).sort() : [];
    if (queues.length === 0) return h("p", null, "This group has not read any queue (or does not exist).");
    return h(
      "div",
      null,
      queues.map((queue, index) => {
        const parts = Array.isArray(detail[queue].partitions) ? detail[queue].partitions : [];
        const totalLag = parts.reduce((sum, p) => sum + (Number(p.offsetLag) || 0), 0);
        return h(
          "section",
          { class: "group-block", "aria-labelledby": "h-q-" + index },
          h(
            "h2",
            { id: "h-q-" + index },
            "Queue ",
            h("a", { href: route(["queues", queue]) }, queue),
            " — lag " + fmtNumber(totalLag) + " message(s)"
          ),
          seekForm(group, queue, index),
          table(
            null,
            [
              { label: "Partition" },
              { label: "Offset lag", num: true },
              { label: "Time lag", num: true },
              { label: "Consumed", num: true },
              { label: "Last consumed" },
              { label: "Lease" },
            ],
            parts.map((p) => [
              text(p.partition),
              fmtNumber(p.offsetLag),
              fmtDuration(p.timeLagSeconds),
              fmtNumber(p.totalConsumed),
              time(p.lastConsumedAt),
              p.leaseActive ? "active" : "none",
            ]),
            { rowHeader: true, empty: "No partition read yet." }
          )
        );
      })
    );
  }

  function mountGroup(main, params) {
    const group = params.name;
    const region = liveRegion("Group " + group);
    QC.dom.add(main,
      h("h1", null, "Consumer group ", h("span", { class: "name" }, groupName(group))),
      h("p", null, h("a", { href: route(["dlq"], { group }) }, "Dead letters of this group")),
      region
    );
    async function refresh() {
      try {
        setLive(region, detailPart(group, await QC.api.get("/api/v1/consumer-groups/" + segment(group))));
      } catch (err) {
        regionError(region, err);
      }
    }
    return { refresh };
  }

  QC.views = QC.views || {};
  QC.views.groups = { title: () => "Consumer groups", mount: mountList };
  QC.views.group = { title: (params) => "Consumer group " + params.name, mount: mountGroup };
})();
