import { drawCharts } from "./charts.js";
import { escape } from "./escape-html.js";
import { bucketLabel, number, t } from "./format.js";
import { $, state } from "./state.js";

// ---- charts (SVG, drawn from the data into slots once the view is on the page) ----

/** The charts of the view being drawn, in the order of their slots. */
let charts = [];

/** Forget the charts of the view drawn before. */
export function resetCharts() {
  charts = [];
}

/** A slot for a chart over the range's buckets, and its legend; drawn by drawCharts. */
export function chart(kind, points, series, bucket, format, options = {}) {
  charts.push({
    kind,
    points,
    series,
    format,
    label: (start) => bucketLabel(start, bucket),
    integer: options.integer ?? false,
    fixedMax: options.fixedMax,
  });
  return `<div class="chart-slot" data-chart="${charts.length - 1}"></div>${legend(series)}`;
}

/** Stacked bars of counts per bucket. */
export const stackedBars = (points, series, bucket) =>
  chart("bars", points, series, bucket, number, { integer: true });

/** Lines level across each bucket; `fixedMax` sets the top of the scale (1 for rates). */
export const lines = (points, series, bucket, format, fixedMax) =>
  chart("steps", points, series, bucket, format, { fixedMax });

/** The width the view's charts were last drawn at (they are drawn again when it changes). */
let chartWidth = 0;
export const drawnChartWidth = () => chartWidth;

export function drawViewCharts() {
  const section = $(`#view-${state.view}`);
  if (section === null || section.hidden) return;
  const slots = [...section.querySelectorAll(".chart-slot")];
  chartWidth = slots[0]?.clientWidth ?? 0;
  drawCharts(slots, charts);
}

const legend = (series) =>
  `<div class="legend">${series.map((s) => `<span><i style="background:${s.color}"></i>${escape(s.label)}</span>`).join("")}</div>`;

// ---- building blocks of the views ----

export const kpi = (label, value, sub = "", extra = "") =>
  `<div class="card kpi ${extra}"><div class="label">${escape(label)}</div><div class="value" data-kpi="${escape(extra || label)}">${escape(value)}</div>${sub ? `<div class="sub">${escape(sub)}</div>` : ""}</div>`;

/**
 * A table; on a narrow screen (style.css) a table with headings stacks each row's cells, each
 * under its heading, instead of scrolling sideways.
 */
export const table = (headers, rows, numeric = []) => {
  if (rows.length === 0) return `<p class="muted">${escape(t("nothing"))}</p>`;
  const align = (index) => (numeric.includes(index) ? "num" : "");
  const stack = headers.some((header) => header !== "") ? "stack" : "";
  return `<table class="${stack}"><thead><tr>${headers.map((h, i) => `<th class="${align(i)}">${escape(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td class="${align(i)}" data-label="${escape(headers[i])}">${escape(cell)}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
};

export const panel = (title, body) =>
  `<div class="card panel"><h2>${escape(title)}</h2>${body}</div>`;
