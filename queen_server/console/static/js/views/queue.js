// Queue: configuration, partitions with their leases, consumer groups with lag per
// partition, and the messages list with filters and paging.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, segment, route, fmtNumber, fmtDuration, text, groupName, statusBadge, yesNo, table, dl, time } = QC.dom;
  const { liveRegion, setLive, regionError } = QC.ui;

  const PAGE_SIZE = 25;
  const WINDOWS = [
    ["1h", "last hour", 3600],
    ["24h", "last 24 hours", 86400],
    ["7d", "last 7 days", 7 * 86400],
    ["30d", "last 30 days", 30 * 86400],
  ];
  const STATUSES = [
    ["", "any status"],
    ["pending", "pending"],
    ["processing", "processing"],
    ["completed", "completed"],
    ["dead_letter", "dead-lettered"],
  ];

  function configPart(status, resource) {
    const q = (status && status.queue) || {};
    const c = q.config || {};
    return dl([
      ["Namespace", text(q.namespace !== undefined ? q.namespace : resource && resource.namespace)],
      ["Task", text(q.task !== undefined ? q.task : resource && resource.task)],
      ["Created", time(q.createdAt || (resource && resource.createdAt))],
      ["Priority", fmtNumber(q.priority)],
      ["Lease time", c.leaseTime === undefined ? "—" : fmtDuration(c.leaseTime)],
      ["Retry limit", fmtNumber(c.retryLimit)],
      ["Retry delay", c.retryDelay === undefined ? "—" : fmtNumber(c.retryDelay) + " ms"],
      ["TTL", c.ttl === undefined ? "—" : fmtDuration(c.ttl)],
      ["Max queue size", c.maxQueueSize ? fmtNumber(c.maxQueueSize) : "unlimited"],
      ["Dead-letter queue option", yesNo(c.deadLetterQueue)],
    ]);
  }

  /** partition name → [{group, lease, lag}] from the groups' details. */
  function groupsByPartition(groupDetails, queue) {
    const out = new Map();
    for (const [group, detail] of groupDetails) {
      const parts = detail && detail[queue] && Array.isArray(detail[queue].partitions) ? detail[queue].partitions : [];
      for (const p of parts) {
        if (!out.has(p.partition)) out.set(p.partition, []);
        out.get(p.partition).push({ group, p });
      }
    }
    return out;
  }

  function leaseCell(entries) {
    const leased = (entries || []).filter((e) => e.p.leaseActive);
    if (leased.length === 0) return h("span", null, h("span", { "aria-hidden": "true" }, "○ "), "free");
    return h(
      "span",
      null,
      h("span", { "aria-hidden": "true" }, "◐ "),
      "leased by " + leased.map((e) => groupName(e.group)).join(", ")
    );
  }

  function partitionsPart(resource, byPartition) {
    const parts = resource && Array.isArray(resource.partitions) ? resource.partitions : [];
    return table(
      "Partitions (" + parts.length + ")",
      [
        { label: "Partition" },
        { label: "Lease" },
        { label: "Total", num: true },
        { label: "Pending", num: true },
        { label: "Processing", num: true },
        { label: "Completed", num: true },
        { label: "Dead-lettered", num: true },
        { label: "Oldest message" },
        { label: "Newest message" },
      ],
      parts.map((p) => {
        const st = p.stats || {};
        return [
          text(p.name),
          leaseCell(byPartition.get(p.name)),
          fmtNumber(st.total),
          fmtNumber(st.pending),
          fmtNumber(st.processing),
          fmtNumber(st.completed),
          fmtNumber(st.deadLetter),
          time(p.oldestMessage),
          time(p.newestMessage),
        ];
      }),
      { rowHeader: true, empty: "No partitions." }
    );
  }

  function groupsPart(queue, summaries, groupDetails) {
    if (summaries.length === 0) return h("p", { class: "muted" }, "No consumer group has read this queue yet.");
    return h(
      "div",
      null,
      summaries.map((g) => {
        const detail = groupDetails.get(g.name);
        const parts = detail && detail[queue] && Array.isArray(detail[queue].partitions) ? detail[queue].partitions : [];
        return h(
          "section",
          { class: "group-block", "aria-label": "Consumer group " + g.name },
          h(
            "h3",
            null,
            h("a", { href: route(["groups", g.name]) }, groupName(g.name)),
            " — ",
            text(g.state),
            ", " + fmtNumber(g.partitionsWithLag) + " partition(s) lagging, max time lag " + fmtDuration(g.maxTimeLag)
          ),
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

  function messagesPart(queue, answer, state) {
    const messages = answer && Array.isArray(answer.messages) ? answer.messages : [];
    const page = Math.floor(state.offset / PAGE_SIZE) + 1;
    const rows = messages.map((m) => [
      h("a", { href: route(["messages", m.partitionId, m.transactionId]) }, text(m.transactionId)),
      text(m.partition),
      statusBadge(m.status),
      time(m.createdAt),
      time(m.leaseExpiresAt),
      text(m.traceId),
    ]);
    return h(
      "div",
      null,
      table(
        "Messages, page " + page + " (" + messages.length + " shown, newest first)",
        [
          { label: "Transaction id" },
          { label: "Partition" },
          { label: "Status" },
          { label: "Created" },
          { label: "Lease expires" },
          { label: "Trace id" },
        ],
        rows,
        { empty: "No message matches these filters in this time window." }
      ),
      h(
        "nav",
        { class: "pager", "aria-label": "Message pages" },
        h("button", { type: "button", "data-key": "prev", disabled: state.offset === 0, onclick: () => state.go(-1) }, "← Newer"),
        h("span", null, "Page " + page),
        h("button", { type: "button", "data-key": "next", disabled: messages.length < PAGE_SIZE, onclick: () => state.go(1) }, "Older →")
      )
    );
  }

  function select(id, options, value) {
    return h(
      "select",
      { id },
      options.map(([v, label]) => h("option", { value: v, selected: v === value }, label))
    );
  }

  function mount(main, params) {
    const queue = params.name;
    const configRegion = liveRegion("Configuration");
    const partitionsRegion = liveRegion("Partitions");
    const groupsRegion = liveRegion("Consumer groups");
    const messagesRegion = liveRegion("Messages");

    const statusSelect = select("filter-status", STATUSES, params.status || "");
    const partitionSelect = select("filter-partition", [["", "any partition"]], "");
    const windowSelect = select("filter-window", WINDOWS.map(([v, label]) => [v, label]), params.window || "24h");
    const state = {
      offset: 0,
      go(direction) {
        state.offset = Math.max(0, state.offset + direction * PAGE_SIZE);
        loadMessages();
      },
    };
    let knownPartitions = [];
    let messagesRequest = 0;

    function syncPartitionOptions(names) {
      if (names.join("\u0000") === knownPartitions.join("\u0000")) return;
      knownPartitions = names;
      const current = partitionSelect.value;
      QC.dom.fill(partitionSelect,
        h("option", { value: "" }, "any partition"),
        names.map((n) => h("option", { value: n }, n))
      );
      partitionSelect.value = names.includes(current) ? current : "";
    }

    async function loadMessages() {
      const seconds = (WINDOWS.find(([v]) => v === windowSelect.value) || WINDOWS[1])[2];
      const query = {
        queue,
        limit: PAGE_SIZE,
        offset: state.offset,
        from: new Date(Date.now() - seconds * 1000).toISOString(),
      };
      if (statusSelect.value) query.status = statusSelect.value;
      if (partitionSelect.value) query.partition = partitionSelect.value;
      // only the latest request may fill the list: filters can change faster than answers come
      const mine = ++messagesRequest;
      try {
        const answer = await QC.api.get("/api/v1/messages", query);
        if (mine === messagesRequest) setLive(messagesRegion, messagesPart(queue, answer, state));
      } catch (err) {
        if (mine === messagesRequest) regionError(messagesRegion, err);
      }
    }

    for (const control of [statusSelect, partitionSelect, windowSelect]) {
      control.addEventListener("change", () => {
        state.offset = 0;
        loadMessages();
      });
    }

    QC.dom.add(main,
      h("h1", null, "Queue ", h("span", { class: "name" }, queue)),
      h("p", null, h("a", { href: route(["dlq"], { queue }) }, "Dead letters of this queue")),
      h("section", { "aria-labelledby": "h-config" }, h("h2", { id: "h-config" }, "Configuration"), configRegion),
      h("section", { "aria-labelledby": "h-partitions" }, h("h2", { id: "h-partitions" }, "Partitions"), partitionsRegion),
      h("section", { "aria-labelledby": "h-groups" }, h("h2", { id: "h-groups" }, "Consumer groups and lag"), groupsRegion),
      h(
        "section",
        { "aria-labelledby": "h-messages" },
        h("h2", { id: "h-messages" }, "Messages"),
        h(
          "div",
          { class: "filters", role: "group", "aria-label": "Message filters" },
          h("label", { for: "filter-status" }, "Status"),
          statusSelect,
          h("label", { for: "filter-partition" }, "Partition"),
          partitionSelect,
          h("label", { for: "filter-window" }, "Created in the"),
          windowSelect
        ),
        messagesRegion
      )
    );

    async function refresh() {
      const path = segment(queue);
      const [status, resource, groups] = await Promise.all([
        QC.api.get("/api/v1/status/queues/" + path).catch((err) => err),
        QC.api.get("/api/v1/resources/queues/" + path).catch((err) => err),
        QC.api.get("/api/v1/consumer-groups").catch((err) => err),
      ]);
      const summaries = Array.isArray(groups) ? groups.filter((g) => g.queueName === queue) : [];
      const groupDetails = new Map();
      await Promise.all(
        summaries.map((g) =>
          QC.api
            .get("/api/v1/consumer-groups/" + segment(g.name))
            .then((d) => groupDetails.set(g.name, d))
            .catch(() => groupDetails.set(g.name, null))
        )
      );
      if (status instanceof Error) regionError(configRegion, status);
      else setLive(configRegion, configPart(status, resource instanceof Error ? null : resource));
      if (resource instanceof Error) regionError(partitionsRegion, resource);
      else {
        const names = (resource && Array.isArray(resource.partitions) ? resource.partitions : []).map((p) => String(p.name));
        syncPartitionOptions(names);
        setLive(partitionsRegion, partitionsPart(resource, groupsByPartition(groupDetails, queue)));
      }
      if (groups instanceof Error) regionError(groupsRegion, groups);
      else setLive(groupsRegion, groupsPart(queue, summaries, groupDetails));
      await loadMessages();
    }
    return { refresh };
  }

  QC.views = QC.views || {};
  QC.views.queue = { title: (params) => "Queue " + params.name, mount };
})();
