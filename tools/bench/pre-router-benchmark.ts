/**
 * `npm run bench:router`: how fast the pre-router scores a prompt, with the artifact's own scorer
 * and with its learned model (features, dot product, range check), and how well the bundled one
 * routes rows it was not trained on (MBPP's test split by default).
 *
 *   node dist-tools/tools/bench/pre-router-benchmark.js [--data ../shared/data/routellm-mmlu]
 *     [--eval-data ../shared/data/routerbench/mbpp_test.csv] [--artifact FILE] [--prompts 10000]
 *
 * Latency is per score() call, timed one call at a time after a warm-up, over prompts of --data
 * in order; then over long inputs (several prompts joined, as a
 * router might pass all user messages of a conversation); then the whole routing decision (features,
 * rules, pre-router, plan) over 10,000 requests. It prints numbers and judges none.
 */
import { cpus } from "node:os";
import { parseArgs } from "node:util";
import { evaluatePreRouter } from "../router-evaluation/pre-router-evaluation.js";
import { loadRouterData } from "../router-evaluation/router-data.js";
import {
  createPreRouter,
  readPreRouterArtifact,
  type PreRouter,
} from "../../src/router/pre-router/pre-router.js";
import { bundledPreRouterPath } from "../../src/router/pre-router/pre-router-path.js";
import { benchmarkRouterDecision } from "./router-decision-benchmark.js";

const { values } = parseArgs({
  options: {
    data: { type: "string", default: "../shared/data/routellm-mmlu" },
    "eval-data": { type: "string", default: "../shared/data/routerbench/mbpp_test.csv" },
    artifact: { type: "string", default: bundledPreRouterPath },
    prompts: { type: "string", default: "10000" },
  },
});
const count = Number(values.prompts);
const artifact = await readPreRouterArtifact(values.artifact);
const router = createPreRouter(artifact, values.artifact);
const learned = createPreRouter({ ...artifact, scorer: "learned" }, values.artifact);
const data = await loadRouterData(values.data);
const prompts = data.rows.map((row) => row.prompt);
const joined = Array.from({ length: 200 }, (_, index) =>
  prompts.slice(index * 10, index * 10 + 10).join("\n\n"),
);

console.log(`Pre-router ${values.artifact}`);
console.log(`Node ${process.version}, ${cpus()[0]?.model ?? "?"} × ${cpus().length}`);
console.log("");
console.log("score() latency        p50 µs   p90 µs   p99 µs   max µs  mean chars");
for (const [name, scorer] of [
  [`scorer ${router.info.scorer}`, router],
  ["scorer learned", learned],
] as const) {
  console.log(name);
  report("MMLU prompts", timeScores(scorer, prompts, count));
  report("10 prompts joined", timeScores(scorer, joined, 2000));
  report("100 KB prompt", timeScores(scorer, ["x ".repeat(50_000)], 500));
}

const decision = benchmarkRouterDecision(prompts, router, count);
console.log("");
console.log(
  `Whole routing decision (features, 6 rules, pre-router, plan) over ${decision.requests} requests:`,
);
console.log(
  `  p50 ${decision.latency.p50.toFixed(1)} µs, p90 ${decision.latency.p90.toFixed(1)} µs, p99 ${decision.latency.p99.toFixed(1)} µs, max ${decision.latency.max.toFixed(1)} µs`,
);
console.log(
  `  decided by: ${Object.entries(decision.reasons)
    .map(([reason, times]) => `${reason} ${times}`)
    .join(", ")}`,
);

const evaluationData = await loadRouterData(values["eval-data"]);
const result = evaluatePreRouter(evaluationData, router);
const { evaluation, excluded } = result;
const share = (value: number | null) => (value === null ? "-" : `${(value * 100).toFixed(1)}%`);
console.log("");
console.log(
  `Held-out evaluation on ${evaluationData.name}: ${evaluation.rows} rows (left out: ${excluded.trainedOn} trained on, ${excluded.contaminated} contaminated, ${excluded.duplicates} repeated)`,
);
console.log("                      APGR  CPT(50%)  CPT(80%)");
for (const [name, figures] of [
  ["pre-router", evaluation],
  ...result.comparison.map((scorer) => [scorer.name, scorer] as const),
  ["random", evaluation.random],
  ["oracle", evaluation.oracle],
] as const) {
  console.log(
    `${name.padEnd(19)}  ${figures.apgr.toFixed(3)}  ${share(figures.cpt50).padStart(8)}  ${share(figures.cpt80).padStart(8)}`,
  );
}
console.log(
  `Accuracy: weak ${share(evaluation.accuracy.weak)}, strong ${share(evaluation.accuracy.strong)}, oracle ${share(evaluation.accuracy.oracle)}`,
);

interface Timing {
  micros: Float64Array;
  meanCharacters: number;
}

function timeScores(preRouter: PreRouter, inputs: readonly string[], calls: number): Timing {
  let sink = 0;
  for (let index = 0; index < Math.min(2000, calls); index++) {
    sink += preRouter.score(inputs[index % inputs.length] ?? "");
  }
  const micros = new Float64Array(calls);
  let characters = 0;
  for (let index = 0; index < calls; index++) {
    const input = inputs[index % inputs.length] ?? "";
    characters += input.length;
    const start = process.hrtime.bigint();
    sink += preRouter.score(input);
    micros[index] = Number(process.hrtime.bigint() - start) / 1000;
  }
  if (Number.isNaN(sink)) console.log("(a score was NaN)");
  return { micros: micros.sort(), meanCharacters: characters / calls };
}

function report(label: string, timing: Timing): void {
  const at = (fraction: number) =>
    (
      timing.micros[
        Math.min(timing.micros.length - 1, Math.floor(fraction * timing.micros.length))
      ] ?? 0
    )
      .toFixed(1)
      .padStart(7);
  console.log(
    `${label.padEnd(20)} ${at(0.5)}  ${at(0.9)}  ${at(0.99)}  ${at(1)}  ${timing.meanCharacters.toFixed(0).padStart(10)}`,
  );
}
