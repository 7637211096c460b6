import { pgrAtShare, type BaselineRouter } from "./metrics.js";

export interface CurvePlot {
  title: string;
  /** The router's PGR at k = 0…N strong calls. */
  pgr: ArrayLike<number>;
  apgr: number;
  random: BaselineRouter;
  oracle: BaselineRouter;
}

const width = 720;
const height = 480;
const margin = { left: 64, right: 24, top: 48, bottom: 56 };
const samples = 200;

/** PGR against the share of strong-model calls, as a standalone SVG image. */
export function renderCurveSvg(plot: CurvePlot): string {
  const shares = Array.from({ length: samples + 1 }, (_, index) => index / samples);
  const router = shares.map((share) => pgrAtShare(plot.pgr, share));
  const oracle = shares.map((share) => plot.oracle.pgrAt(share));
  const random = shares.map((share) => plot.random.pgrAt(share));
  const top = Math.ceil(Math.max(1, ...router, ...oracle) * 5) / 5;
  const bottom = Math.min(0, Math.floor(Math.min(...router) * 5) / 5);
  const x = (share: number) => margin.left + share * (width - margin.left - margin.right);
  const y = (value: number) =>
    height -
    margin.bottom -
    ((value - bottom) / (top - bottom)) * (height - margin.top - margin.bottom);
  const path = (values: number[]) =>
    values
      .map(
        (value, index) =>
          `${index === 0 ? "M" : "L"}${x(shares[index] ?? 0).toFixed(1)},${y(value).toFixed(1)}`,
      )
      .join(" ");
  const grid: string[] = [];
  for (let tenth = 0; tenth <= 10; tenth++) {
    const gx = x(tenth / 10).toFixed(1);
    grid.push(
      `<line x1="${gx}" y1="${margin.top}" x2="${gx}" y2="${height - margin.bottom}" class="grid"/>`,
      `<text x="${gx}" y="${height - margin.bottom + 18}" text-anchor="middle">${tenth * 10}%</text>`,
    );
  }
  for (let step = Math.round(bottom * 5); step <= Math.round(top * 5); step++) {
    const value = step / 5;
    const gy = y(value).toFixed(1);
    grid.push(
      `<line x1="${margin.left}" y1="${gy}" x2="${width - margin.right}" y2="${gy}" class="${value === 0 || value === 1 ? "axis" : "grid"}"/>`,
      `<text x="${margin.left - 8}" y="${gy}" dy="4" text-anchor="end">${value.toFixed(1)}</text>`,
    );
  }
  const legendX = width - margin.right - 222;
  const legendY = height - margin.bottom - 78;
  const legend = [
    ["router", `router (APGR ${plot.apgr.toFixed(3)})`],
    ["oracle", `oracle (APGR ${plot.oracle.apgr.toFixed(3)})`],
    ["random", "random (APGR 0.500)"],
  ]
    .map(
      ([kind, label], index) =>
        `<line x1="${legendX + 8}" y1="${legendY + 16 + index * 20}" x2="${legendX + 36}" y2="${legendY + 16 + index * 20}" class="${kind}"/><text x="${legendX + 44}" y="${legendY + 20 + index * 20}">${escapeXml(label ?? "")}</text>`,
    )
    .join("\n  ");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">
  <style>
    .grid { stroke: #e2e2e2; stroke-width: 1 }
    .axis { stroke: #888; stroke-width: 1 }
    .router { stroke: #1f6fd1; stroke-width: 2.5; fill: none }
    .oracle { stroke: #2a9d4a; stroke-width: 1.5; fill: none; stroke-dasharray: 2 3 }
    .random { stroke: #777; stroke-width: 1.5; fill: none; stroke-dasharray: 6 4 }
  </style>
  <rect width="${width}" height="${height}" fill="white"/>
  <text x="${width / 2}" y="24" text-anchor="middle" font-size="15">${escapeXml(plot.title)}</text>
  ${grid.join("\n  ")}
  <path d="${path(random)}" class="random"/>
  <path d="${path(oracle)}" class="oracle"/>
  <path d="${path(router)}" class="router"/>
  <rect x="${legendX}" y="${legendY + 4}" width="210" height="66" fill="white" stroke="#ccc"/>
  ${legend}
  <text x="${(margin.left + width - margin.right) / 2}" y="${height - 16}" text-anchor="middle">share of questions sent to the strong (cloud) model</text>
  <text transform="translate(18 ${(margin.top + height - margin.bottom) / 2}) rotate(-90)" text-anchor="middle">PGR: share of the weak-to-strong gap recovered</text>
</svg>
`;
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (character) => `&#${character.charCodeAt(0)};`);
}
