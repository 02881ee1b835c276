// DOM building and formatting. Everything the console shows is built with createElement and
// text nodes: names, payloads and error texts come from users and are never parsed as HTML.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});

  function append(parent, child) {
    if (child === null || child === undefined || child === false) return;
    if (Array.isArray(child)) {
      child.forEach((c) => append(parent, c));
    } else if (child instanceof Node) {
      parent.appendChild(child);
    } else {
      parent.appendChild(document.createTextNode(String(child)));
    }
  }

  function setAttributes(el, attrs) {
    for (const [key, value] of Object.entries(attrs || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") {
        el.addEventListener(key.slice(2), value);
      } else if (key === "href" && !String(value).startsWith("#")) {
        // links stay inside the console: no javascript:, no data:, no other site
        throw new Error("console links must be #/ routes, got " + JSON.stringify(value));
      } else if (key === "value" && "value" in el) {
        el.value = String(value);
      } else {
        el.setAttribute(key, value === true ? "" : String(value));
      }
    }
  }

  /** h("td", {class: "num"}, "text", child, [more]) — an element; strings become text. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    setAttributes(el, attrs);
    append(el, children);
    return el;
  }

  /** Replace the children of `parent` (same rules as h: null skipped, arrays flattened). */
  function fill(parent, ...children) {
    parent.replaceChildren();
    append(parent, children);
    return parent;
  }

  /** Add children at the end of `parent` (same rules as h). */
  function add(parent, ...children) {
    append(parent, children);
    return parent;
  }

  const SVG_NS = "http://www.w3.org/2000/svg";

  /** An SVG element (same rules as h). */
  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    setAttributes(el, attrs);
    append(el, children);
    return el;
  }

  /**
   * One URL path segment for the API. Queen servers take path segments raw (they do not
   * percent-decode them), so the characters a path carries unescaped (RFC 3986 pchar) are
   * kept as they are and everything else is escaped. Empty names and dot segments cannot be
   * addressed at all: browsers would rewrite the path.
   */
  function segment(name) {
    const text = String(name);
    if (text === "" || text === "." || text === "..") {
      throw new Error("the name " + JSON.stringify(text) + " cannot be addressed in a URL path");
    }
    return encodeURIComponent(text).replace(/%(24|26|2B|2C|3B|3D|3A|40)/gi, (m) =>
      decodeURIComponent(m)
    );
  }

  /** A console link: route("queues", name) → "#/queues/<name>", with an optional query. */
  function route(parts, query) {
    let href = "#/" + parts.map((p) => encodeURIComponent(String(p))).join("/");
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query || {})) {
      if (value !== null && value !== undefined && value !== "") params.set(key, String(value));
    }
    const qs = params.toString();
    return qs ? href + "?" + qs : href;
  }

  const numberFormat = new Intl.NumberFormat("en");

  function fmtNumber(value) {
    if (value === null || value === undefined || value === "") return "—";
    const n = Number(value);
    return Number.isFinite(n) ? numberFormat.format(n) : String(value);
  }

  function fmtDuration(seconds) {
    if (seconds === null || seconds === undefined) return "—";
    let rest = Math.max(0, Math.round(Number(seconds)));
    if (!Number.isFinite(rest)) return String(seconds);
    if (rest < 60) return rest + " s";
    const units = [
      ["d", 86400],
      ["h", 3600],
      ["min", 60],
      ["s", 1],
    ];
    const out = [];
    for (const [label, size] of units) {
      if (rest >= size && out.length < 2) {
        out.push(Math.floor(rest / size) + " " + label);
        rest %= size;
      }
    }
    return out.join(" ");
  }

  function parseTime(value) {
    if (value === null || value === undefined || value === "") return null;
    const text = String(value);
    // millisecond epochs (seek answers) and ISO strings
    const date = /^\d{10,}$/.test(text) ? new Date(Number(text)) : new Date(text);
    return Number.isNaN(date.getTime()) ? null : date;
  }

  function pad(n, width) {
    return String(n).padStart(width || 2, "0");
  }

  /** "2026-11-30 14:56:04.803" in the browser's time zone. */
  function fmtLocal(date) {
    return (
      date.getFullYear() +
      "-" +
      pad(date.getMonth() + 1) +
      "-" +
      pad(date.getDate()) +
      " " +
      pad(date.getHours()) +
      ":" +
      pad(date.getMinutes()) +
      ":" +
      pad(date.getSeconds()) +
      "." +
      pad(date.getMilliseconds(), 3)
    );
  }

  function fmtAgo(date) {
    const seconds = (Date.now() - date.getTime()) / 1000;
    if (seconds < 0) return "in " + fmtDuration(-seconds);
    return fmtDuration(seconds) + " ago";
  }

  /** A <time> element: local time, with the relative age as its title. */
  function time(value) {
    const date = parseTime(value);
    if (date === null) return h("span", { class: "muted" }, value ? String(value) : "—");
    return h("time", { datetime: date.toISOString(), title: fmtAgo(date) }, fmtLocal(date));
  }

  function prettyJson(value) {
    if (value === undefined) return "";
    try {
      return JSON.stringify(value, null, 2);
    } catch (err) {
      return String(value);
    }
  }

  /** An empty-aware text: "—" for null, undefined and "". */
  function text(value) {
    return value === null || value === undefined || value === "" ? "—" : String(value);
  }

  /** Consumer group display name: the queue-mode group is named for what it is. */
  function groupName(name) {
    return name === "__QUEUE_MODE__" ? "queue mode (__QUEUE_MODE__)" : text(name);
  }

  // message status → label and symbol; the words carry the meaning, colour only repeats it
  const STATUS = {
    pending: ["pending", "○"],
    processing: ["processing", "◐"],
    completed: ["completed", "●"],
    dead_letter: ["dead-lettered", "✕"],
    failed: ["failed", "✕"],
  };

  function statusBadge(status) {
    const [label, symbol] = STATUS[status] || [text(status), "?"];
    return h(
      "span",
      { class: "badge badge-" + String(status).replace(/[^a-z_]/g, "") },
      h("span", { "aria-hidden": "true" }, symbol + " "),
      label
    );
  }

  function yesNo(value) {
    if (value === null || value === undefined) return "—";
    return value ? "yes" : "no";
  }

  /** A table: columns [{label, num?}], rows of cells (anything h accepts). */
  function table(caption, columns, rows, options) {
    const opts = options || {};
    const head = h(
      "thead",
      null,
      h(
        "tr",
        null,
        columns.map((c) => h("th", { scope: "col", class: c.num ? "num" : null }, c.label))
      )
    );
    const body = h(
      "tbody",
      null,
      rows.length === 0
        ? h("tr", null, h("td", { colspan: columns.length, class: "empty" }, opts.empty || "None."))
        : rows.map((cells) =>
            h(
              "tr",
              null,
              cells.map((cell, i) =>
                i === 0 && opts.rowHeader
                  ? h("th", { scope: "row" }, cell)
                  : h("td", { class: columns[i] && columns[i].num ? "num" : null }, cell)
              )
            )
          )
    );
    return h(
      "div",
      { class: "table-wrap" },
      h("table", null, caption ? h("caption", null, caption) : null, head, body)
    );
  }

  /** A description list from [term, value] pairs. */
  function dl(pairs) {
    return h(
      "dl",
      { class: "facts" },
      pairs.map(([term, value]) => h("div", null, h("dt", null, term), h("dd", null, value)))
    );
  }

  QC.dom = {
    h,
    s,
    fill,
    add,
    segment,
    route,
    fmtNumber,
    fmtDuration,
    parseTime,
    fmtLocal,
    fmtAgo,
    time,
    prettyJson,
    text,
    groupName,
    statusBadge,
    yesNo,
    table,
    dl,
  };
})();
