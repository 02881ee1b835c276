// A small inline-SVG line chart with a text alternative. Series differ by line pattern and
// marker shape as well as colour, and every point is also in a data table.
(() => {
  "use strict";
  const QC = (window.QueenConsole = window.QueenConsole || {});
  const { h, s, fmtNumber } = QC.dom;

  const WIDTH = 640;
  const HEIGHT = 170;
  const PAD = { left: 44, right: 12, top: 12, bottom: 26 };
  const STYLES = [
    { cls: "series-a", dash: null, marker: "circle" },
    { cls: "series-b", dash: "6 4", marker: "square" },
  ];

  function hhmm(date) {
    return String(date.getHours()).padStart(2, "0") + ":" + String(date.getMinutes()).padStart(2, "0");
  }

  function marker(kind, x, y, cls) {
    if (kind === "square") {
      return s("rect", { x: x - 3, y: y - 3, width: 6, height: 6, class: cls + " marker" });
    }
    return s("circle", { cx: x, cy: y, r: 3, class: cls + " marker" });
  }

  /**
   * lineChart({title, times: [Date], series: [{label, values: [number]}], unit})
   * → a <figure> with the SVG, a legend and a <details> data table.
   */
  function lineChart(options) {
    const times = options.times;
    const series = options.series;
    const n = times.length;
    const max = Math.max(1, ...series.flatMap((sr) => sr.values.map((v) => Number(v) || 0)));
    const plotW = WIDTH - PAD.left - PAD.right;
    const plotH = HEIGHT - PAD.top - PAD.bottom;
    const x = (i) => PAD.left + (n <= 1 ? plotW / 2 : (plotW * i) / (n - 1));
    const y = (v) => PAD.top + plotH - (plotH * (Number(v) || 0)) / max;

    const titleId = "chart-title-" + Math.random().toString(36).slice(2);
    const descId = titleId + "-desc";
    const totals = series.map((sr) => sr.label + ": " + fmtNumber(sr.values.reduce((a, v) => a + (Number(v) || 0), 0)));
    const description =
      n === 0
        ? "No data."
        : "From " + hhmm(times[0]) + " to " + hhmm(times[n - 1]) + ", " + options.unit + ". Totals — " + totals.join(", ") + ".";

    const grid = [0, 0.5, 1].map((f) => {
      const value = max * f;
      return [
        s("line", { x1: PAD.left, x2: WIDTH - PAD.right, y1: y(value), y2: y(value), class: "grid" }),
        s("text", { x: PAD.left - 6, y: y(value) + 4, class: "axis", "text-anchor": "end" }, fmtNumber(Math.round(value))),
      ];
    });
    const ticks = [];
    if (n > 0) {
      const step = Math.max(1, Math.ceil(n / 6));
      for (let i = 0; i < n; i += step) {
        ticks.push(s("text", { x: x(i), y: HEIGHT - 8, class: "axis", "text-anchor": "middle" }, hhmm(times[i])));
      }
    }
    const lines = series.map((sr, k) => {
      const style = STYLES[k % STYLES.length];
      const points = sr.values.map((v, i) => x(i).toFixed(1) + "," + y(v).toFixed(1)).join(" ");
      return s(
        "g",
        null,
        s("polyline", { points, class: style.cls + " line", "stroke-dasharray": style.dash }),
        sr.values.map((v, i) => marker(style.marker, x(i), y(v), style.cls))
      );
    });
    const svg = s(
      "svg",
      {
        viewBox: "0 0 " + WIDTH + " " + HEIGHT,
        role: "img",
        "aria-labelledby": titleId + " " + descId,
        class: "chart",
        preserveAspectRatio: "xMidYMid meet",
      },
      s("title", { id: titleId }, options.title),
      s("desc", { id: descId }, description),
      grid,
      ticks,
      lines
    );
    const legend = h(
      "ul",
      { class: "legend" },
      series.map((sr, k) => {
        const style = STYLES[k % STYLES.length];
        return h(
          "li",
          null,
          s(
            "svg",
            { viewBox: "0 0 28 10", width: 28, height: 10, "aria-hidden": "true" },
            s("line", { x1: 0, x2: 28, y1: 5, y2: 5, class: style.cls + " line", "stroke-dasharray": style.dash }),
            marker(style.marker, 14, 5, style.cls)
          ),
          " " + sr.label + (style.dash ? " (dashed, squares)" : " (solid, circles)")
        );
      })
    );
    const rows = times.map((t, i) => [hhmm(t), ...series.map((sr) => fmtNumber(sr.values[i]))]);
    const data = h(
      "details",
      null,
      h("summary", null, "Data table"),
      QC.dom.table(null, [{ label: "Minute" }, ...series.map((sr) => ({ label: sr.label, num: true }))], rows)
    );
    return h("figure", { class: "chart-figure" }, h("figcaption", null, options.title), svg, legend, data);
  }

  QC.chart = { lineChart };
})();
