import type { PreRouterEvaluation } from "../router-evaluation/pre-router-evaluation.js";
import { formatTable } from "../../src/cli/format-table.js";
import { formatCount, formatShare } from "./router-data-notes.js";
import { plural } from "../../src/cli/plural.js";

/** The text report of `colibri eval router`. */
export function describeRouterEvaluation(
  result: PreRouterEvaluation,
  heading: string,
  routerName = "router",
): string {
  const { evaluation, excluded } = result;
  const curve: string[][] = [["CLOUD SHARE", "ROUTER PGR", "ACCURACY", "RANDOM PGR", "ORACLE PGR"]];
  for (const point of evaluation.curve.slice(1)) {
    curve.push([
      formatShare(point.share),
      point.pgr.toFixed(3),
      formatShare(point.accuracy),
      point.random.toFixed(3),
      point.oracle.toFixed(3),
    ]);
  }
  const figures = [
    ["", "APGR", "CPT(50%)", "CPT(80%)"],
    [
      routerName,
      evaluation.apgr.toFixed(3),
      formatShare(evaluation.cpt50),
      formatShare(evaluation.cpt80),
    ],
    ...result.comparison.map((scorer) => [
      scorer.name,
      scorer.apgr.toFixed(3),
      formatShare(scorer.cpt50),
      formatShare(scorer.cpt80),
    ]),
    [
      "random",
      evaluation.random.apgr.toFixed(3),
      formatShare(evaluation.random.cpt50),
      formatShare(evaluation.random.cpt80),
    ],
    [
      "oracle",
      evaluation.oracle.apgr.toFixed(3),
      formatShare(evaluation.oracle.cpt50),
      formatShare(evaluation.oracle.cpt80),
    ],
  ];
  const { accuracy } = evaluation;
  return [
    heading,
    `Evaluated ${plural(evaluation.rows, "row", "rows", formatCount)}; left out ${formatCount(excluded.total)}: ${formatCount(excluded.trainedOn)} trained on, ${formatCount(excluded.contaminated)} contaminated, ${formatCount(excluded.duplicates)} repeated, ${formatCount(excluded.badRows)} bad.`,
    "",
    formatTable(curve, [0, 1, 2, 3, 4]),
    "",
    formatTable(figures, [1, 2, 3]),
    "",
    `Accuracy: weak (local) ${formatShare(accuracy.weak)}, strong (cloud) ${formatShare(accuracy.strong)}, oracle ${formatShare(accuracy.oracle)} with ${formatShare(evaluation.oracle.share)} sent to the cloud.`,
    "PGR = (accuracy − weak) / (strong − weak); APGR = its area over cloud shares 0–100%; CPT(x) = the cloud share needed to reach PGR x.",
  ].join("\n");
}
