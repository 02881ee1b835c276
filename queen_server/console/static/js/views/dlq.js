// Dead-letter queue: browse with the error of each message; retry or delete, confirmed.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, segment, route, fmtNumber, text, groupName, table, time, prettyJson } = QC.dom;
  const { liveRegion, setLive, regionError } = QC.ui;

  const PAGE_SIZE = 25;

  /**
   * The page of an answer. Servers that honour limit/offset send `total`; upstream Queen
   * ignores the limit (everything comes back) and answers an offset with no list at all, so
   * without `total` the console asks from the start and cuts the page itself.
   */
  function pageOf(answer, offset) {
    const messages = answer && Array.isArray(answer.messages) ? answer.messages : [];
    if (answer && typeof answer.total === "number") return { messages: messages.slice(0, PAGE_SIZE), total: answer.total };
    return { messages: messages.slice(offset, offset + PAGE_SIZE), total: messages.length };
  }

  function actions(m) {
    const path = "/api/v1/messages/" + segment(m.partitionId) + "/" + segment(m.transactionId);
    const where = " of queue " + text(m.queue) + " (partition " + text(m.partition) + ")";
    const key = m.partitionId + "/" + m.transactionId;
    const retry = QC.ui.actionButton(
      "Retry…",
      "retry:" + key,
      () =>
        QC.ui.act({
          title: "Retry message " + m.transactionId + "?",
          body: "It leaves the dead-letter queue and is delivered again, with the messages after it in its partition, to the consumer groups that dead-lettered it" + where + ".",
          confirmLabel: "Retry message",
          run: () => QC.api.post(path + "/retry"),
          done: () => "Message " + m.transactionId + " will be delivered again.",
          unsupported: "Retrying a dead letter is a queen_server route; upstream Queen servers do not offer it.",
        }),
      "primary"
    );
    const remove = QC.ui.actionButton("Delete…", "delete:" + key, () =>
      QC.ui.act({
        title: "Delete message " + m.transactionId + "?",
        body: "The message" + where + " is deleted for good, with its dead-letter entries and traces.",
        confirmLabel: "Delete message",
        run: () => QC.api.del(path),
        done: () => "Message " + m.transactionId + " deleted.",
      })
    );
    return retry || remove ? h("div", { class: "actions" }, retry, remove) : h("span", { class: "muted" }, "read-only");
  }

  function listPart(answer, state) {
    const { messages, total } = pageOf(answer, state.offset);
    const page = Math.floor(state.offset / PAGE_SIZE) + 1;
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    return h(
      "div",
      null,
      table(
        "Dead-lettered messages: " + fmtNumber(total) + " in all, page " + page + " of " + pages,
        [
          { label: "Message" },
          { label: "Queue / partition" },
          { label: "Consumer group" },
          { label: "Error" },
          { label: "Retries", num: true },
          { label: "Failed at" },
          { label: "Payload" },
          { label: "Actions" },
        ],
        messages.map((m) => [
          h("a", { href: route(["messages", m.partitionId, m.transactionId]) }, text(m.transactionId)),
          [h("a", { href: route(["queues", m.queue]) }, text(m.queue)), " / " + text(m.partition)],
          groupName(m.consumerGroup),
          h("span", { class: "error-text" }, text(m.errorMessage)),
          fmtNumber(m.retryCount),
          time(m.failedAt),
          h("details", null, h("summary", null, "Show"), h("pre", { class: "json" }, prettyJson(m.data))),
          actions(m),
        ]),
        { rowHeader: true, empty: "The dead-letter queue is empty." }
      ),
      h(
        "nav",
        { class: "pager", "aria-label": "Dead-letter pages" },
        h("button", { type: "button", "data-key": "prev", disabled: state.offset === 0, onclick: () => state.go(-1) }, "← Previous"),
        h("span", null, "Page " + page + " of " + pages),
        h("button", { type: "button", "data-key": "next", disabled: page >= pages, onclick: () => state.go(1) }, "Next →")
      )
    );
  }

  function mount(main, params) {
    const region = liveRegion("Dead-lettered messages");
    const queueSelect = h("select", { id: "dlq-queue" }, h("option", { value: "" }, "all queues"));
    const groupInput = h("input", { id: "dlq-group", type: "text", value: params.group || "", autocomplete: "off", placeholder: "any group" });
    const state = {
      offset: 0,
      go(direction) {
        state.offset = Math.max(0, state.offset + direction * PAGE_SIZE);
        load();
      },
    };
    const form = h(
      "form",
      { class: "filters", "aria-label": "Dead-letter filters" },
      h("label", { for: "dlq-queue" }, "Queue"),
      queueSelect,
      h("label", { for: "dlq-group" }, "Consumer group"),
      groupInput,
      h("button", { type: "submit" }, "Apply")
    );
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      window.location.hash = route(["dlq"], { queue: queueSelect.value, group: groupInput.value.trim() });
    });
    queueSelect.addEventListener("change", () => form.requestSubmit());

    QC.dom.add(main, h("h1", null, "Dead-letter queue"), form, region);

    let knownQueues = null;
    async function loadQueues() {
      if (knownQueues !== null) return;
      const answer = await QC.api.get("/api/v1/resources/queues").catch(() => null);
      const names = (answer && Array.isArray(answer.queues) ? answer.queues : []).map((q) => String(q.name)).sort();
      if (params.queue && !names.includes(params.queue)) names.unshift(params.queue);
      knownQueues = names;
      QC.dom.fill(queueSelect,
        h("option", { value: "" }, "all queues"),
        names.map((n) => h("option", { value: n }, n))
      );
      queueSelect.value = params.queue || "";
    }

    async function load() {
      const query = { limit: PAGE_SIZE };
      if (params.queue) query.queue = params.queue;
      if (params.group) query.consumerGroup = params.group;
      try {
        let answer = await QC.api.get("/api/v1/dlq", Object.assign({ offset: state.offset }, query));
        if (state.offset > 0 && !(answer && typeof answer.total === "number")) {
          // a server that cannot page: take everything from the start (see pageOf)
          answer = await QC.api.get("/api/v1/dlq", query);
        }
        setLive(region, listPart(answer, state));
      } catch (err) {
        regionError(region, err);
      }
    }

    async function refresh() {
      await Promise.all([loadQueues(), load()]);
    }
    return { refresh };
  }

  QC.views = QC.views || {};
  QC.views.dlq = { title: () => "Dead-letter queue", mount, pageOf };
})();
