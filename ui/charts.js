import { escape } from "./escape-html.js";

/*
 * Charts over time buckets, drawn by hand in SVG at their container's pixel width (one SVG unit
 * is one CSS pixel), so their text keeps its size on a phone instead of shrinking with the chart.
 *
 * The charts drawn together (one view) share one x geometry: the same left margin (room for the
 * widest y label of them all), the same right margin and the same columns, so a bucket sits at
 * the same x in each of them. Each bucket is a column: bars stand in its middle, a step line is
 * level across it, and a bucket with no data is drawn at zero (bars, spend) or left out (a rate
 * with nothing to divide), never bridged by a ramp to its neighbours.
 *
 * A chart is { kind: "bars" | "steps", points: [{ start, …values }], series: [{ key, label,
 * color }], label(start) → the bucket's name, format(value) → an axis or tooltip value,
 * integer (counts: whole-number ticks), fixedMax (the top of the scale, e.g. 1 for rates) }.
 */

const fontPx = 12;
const top = 10;
const bottom = fontPx + 12;
const tickLength = 4;

/** Draws each chart into its slot (an element whose width it fills). */
export function drawCharts(slots, charts) {
  if (charts.length === 0) return;
  const measure = textMeasurer(window.getComputedStyle(slots[0]).fontFamily);
  const scales = charts.map(scaleOf);
  const widest = (texts) => Math.ceil(Math.max(0, ...texts.map(measure)));
  const geometry = {
    left: widest(scales.flatMap((scale) => scale.ticks.map((tick) => tick.label))) + 10,
    xLabelWidth: widest(charts.flatMap((chart) => chart.points.map((p) => chart.label(p.start)))),
  };
  charts.forEach((chart, index) => {
    const slot = slots[index];
    slot.innerHTML = svgOf(chart, scales[index], { ...geometry, width: slot.clientWidth });
  });
}

/**
 * 0 and a few round steps up to at least `max` (at least two steps, so at least three labels):
 * steps of 1, 2, 2.5 or 5 times a power of ten, whole numbers for counts.
 */
export function yTicks(max, integer = false) {
  const top = max > 0 ? max : 1;
  const raw = top / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const multiples = integer && magnitude < 10 ? [1, 2, 5, 10] : [1, 2, 2.5, 5, 10];
  let step = multiples.map((multiple) => multiple * magnitude).find((s) => s >= raw - 1e-12);
  if (integer) step = Math.max(1, step);
  const count = Math.max(2, Math.ceil(top / step - 1e-9));
  return Array.from({ length: count + 1 }, (_, index) => Number((index * step).toPrecision(12)));
}

function scaleOf(chart) {
  const values =
    chart.kind === "bars"
      ? chart.points.map((point) => chart.series.reduce((sum, s) => sum + (point[s.key] ?? 0), 0))
      : chart.points.flatMap((point) => chart.series.map((s) => point[s.key] ?? 0));
  const ticks = yTicks(chart.fixedMax ?? Math.max(0, ...values), chart.integer);
  return {
    max: ticks[ticks.length - 1],
    ticks: ticks.map((value) => ({ value, label: chart.format(value) })),
  };
}

function svgOf(chart, scale, { width, left, xLabelWidth }) {
  const height = Math.round(Math.min(240, Math.max(160, width * 0.3)));
  const right = Math.max(6, Math.ceil(xLabelWidth / 2));
  const count = Math.max(1, chart.points.length);
  const step = Math.max(1, width - left - right) / count;
  const base = height - bottom;
  const columnX = (index) => left + index * step;
  const centerX = (index) => left + (index + 0.5) * step;
  const y = (value) => base - (value / scale.max) * (base - top);
  const at = (value) => value.toFixed(2);

  const grid = scale.ticks
    .map(
      (tick) =>
        `<line class="grid" x1="${left}" x2="${at(width - right)}" y1="${at(y(tick.value))}" y2="${at(y(tick.value))}"/>` +
        `<text class="y-label" x="${left - 6}" y="${at(y(tick.value) + fontPx * 0.35)}" text-anchor="end">${escape(tick.label)}</text>`,
    )
    .join("");

  // Label every `every`th bucket counting back from the newest, so the newest always has one.
  const every = Math.max(1, Math.ceil((xLabelWidth + 12) / step));
  const xAxis = chart.points
    .map((point, index) =>
      (chart.points.length - 1 - index) % every === 0
        ? `<line class="tick" data-start="${escape(point.start)}" x1="${at(centerX(index))}" x2="${at(centerX(index))}" y1="${base}" y2="${base + tickLength}"/>` +
          `<text class="x-label" x="${at(centerX(index))}" y="${height - 5}" text-anchor="middle">${escape(chart.label(point.start))}</text>`
        : "",
    )
    .join("");

  const body =
    chart.kind === "bars"
      ? bars(chart, { step, centerX, y, at })
      : steps(chart, { columnX, step, y, at });

  // One transparent column per bucket on top: its tooltip names the bucket and every value.
  const columns = chart.points
    .map((point, index) => {
      const values = chart.series
        .map((s) => `${s.label}: ${point[s.key] == null ? "—" : chart.format(point[s.key])}`)
        .join(" · ");
      return `<rect class="column" data-start="${escape(point.start)}" x="${at(columnX(index))}" y="${top}" width="${at(step)}" height="${base - top}"><title>${escape(`${chart.label(point.start)} · ${values}`)}</title></rect>`;
    })
    .join("");

  return `<svg class="chart" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escape(chart.series.map((s) => s.label).join(", "))}">
    ${grid}<line class="axis" x1="${left}" x2="${at(width - right)}" y1="${base}" y2="${base}"/>
    ${body}${xAxis}${columns}</svg>`;
}

/** Stacked bars, one per bucket, in the middle of its column. */
function bars(chart, { step, centerX, y, at }) {
  const width = Math.max(1, Math.min(step * 0.7, 64));
  return chart.points
    .map((point, index) => {
      let total = 0;
      return chart.series
        .map((s) => {
          const value = point[s.key] ?? 0;
          if (value <= 0) return "";
          const bottomY = y(total);
          total += value;
          return `<rect class="bar" data-key="${escape(s.key)}" x="${at(centerX(index) - width / 2)}" y="${at(y(total))}" width="${at(width)}" height="${at(bottomY - y(total))}" fill="${s.color}"/>`;
        })
        .join("");
    })
    .join("");
}

/**
 * One line per series, level across each bucket's column at its value (zero when the bucket had
 * none) and stepping at the buckets' edges; a bucket whose value is null (nothing to measure)
 * is a gap.
 */
function steps(chart, { columnX, step, y, at }) {
  // The first series (the one the chart is about) is drawn last, on top where lines meet.
  return [...chart.series]
    .reverse()
    .map((s) => {
      let d = "";
      let drawing = false;
      chart.points.forEach((point, index) => {
        const value = point[s.key];
        if (value === null || value === undefined) {
          drawing = false;
          return;
        }
        const level = at(y(value));
        d += `${drawing ? "L" : "M"}${at(columnX(index))},${level} L${at(columnX(index) + step)},${level} `;
        drawing = true;
      });
      return d === ""
        ? ""
        : `<path class="series" data-key="${escape(s.key)}" d="${d.trim()}" fill="none" stroke="${s.color}" stroke-width="2.5" stroke-linejoin="round"/>`;
    })
    .join("");
}

let canvas;
function textMeasurer(fontFamily) {
  canvas ??= document.createElement("canvas");
  const context = canvas.getContext("2d");
  context.font = `${fontPx}px ${fontFamily}`;
  return (text) => context.measureText(text).width;
}
