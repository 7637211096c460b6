/**
 * `npm run bench:cache`: would a semantic cache answer right? Embeds both prompts of every pair
 * in test/fixtures/cache/paraphrases.jsonl with the configured local model and prints, for a
 * range of thresholds, the hit rate on pairs that deserve the same answer and the wrong-hit rate
 * on pairs on the same topic that need a different one. It prints numbers and judges none.
 *
 *   node dist-tools/tools/bench/semantic-cache-benchmark.js [--pairs FILE] [--json]
 */
import { parseArgs } from "node:util";
import { loadConfig } from "../../src/config/load.js";
import { cosineSimilarity } from "../../src/cache/similarity.js";
import { startEngine } from "../../src/cli/start-engine.js";
import {
  auroc,
  readTextPairs,
  thresholdTable,
  type ScoredPair,
} from "./semantic-cache-evaluation.js";

const { values } = parseArgs({
  options: {
    pairs: { type: "string", default: "test/fixtures/cache/paraphrases.jsonl" },
    json: { type: "boolean", default: false },
  },
});
const pairs = await readTextPairs(values.pairs);

const config = await loadConfig({});
const engine = await startEngine(config, {
  loadConfig: () => Promise.resolve(config),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: () => undefined,
});
const timings: number[] = [];
const embed = async (text: string) => {
  const started = performance.now();
  const [embedding] = (await engine.embed([text])).embeddings;
  timings.push(performance.now() - started);
  if (embedding === undefined) throw new Error("no embedding");
  return embedding;
};
const scored: (ScoredPair & { language: string })[] = [];
for (const pair of pairs) {
  const similarity = cosineSimilarity(await embed(pair.a), await embed(pair.b));
  scored.push({ similarity, same: pair.same, language: pair.language });
}
await engine.close();

const thresholds = [0.8, 0.85, 0.9, 0.92, 0.95, 0.97, 0.99];
const groups = {
  all: scored,
  es: scored.filter((p) => p.language === "es"),
  pt: scored.filter((p) => p.language === "pt"),
};
const report = {
  model: engine.model,
  pairs: {
    same: scored.filter((p) => p.same).length,
    different: scored.filter((p) => !p.same).length,
  },
  embedMsP50: percentile(timings, 0.5),
  distributions: {
    same: summary(scored.filter((p) => p.same).map((p) => p.similarity)),
    different: summary(scored.filter((p) => !p.same).map((p) => p.similarity)),
  },
  groups: Object.fromEntries(
    Object.entries(groups).map(([name, group]) => [
      name,
      { auroc: auroc(group), table: thresholdTable(group, thresholds) },
    ]),
  ),
};

if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const percent = (value: number) => `${(value * 100).toFixed(1)} %`;
  const lines = [
    `Semantic cache on ${values.pairs}: ${report.pairs.same} same-answer pairs, ${report.pairs.different} different-answer pairs; model ${report.model}; embedding p50 ${report.embedMsP50.toFixed(1)} ms per prompt`,
    `similarity of same-answer pairs: min ${report.distributions.same.min.toFixed(3)}, median ${report.distributions.same.median.toFixed(3)}, max ${report.distributions.same.max.toFixed(3)}`,
    `similarity of different-answer pairs: min ${report.distributions.different.min.toFixed(3)}, median ${report.distributions.different.median.toFixed(3)}, max ${report.distributions.different.max.toFixed(3)}`,
  ];
  for (const [name, group] of Object.entries(report.groups)) {
    lines.push(
      "",
      `${name}: AUROC ${group.auroc.toFixed(3)}`,
      "threshold  hit rate  wrong-hit rate",
    );
    for (const row of group.table) {
      lines.push(
        `${row.threshold.toFixed(2).padStart(9)}  ${percent(row.hitRate).padStart(8)}  ${percent(row.wrongHitRate).padStart(14)}`,
      );
    }
  }
  process.stdout.write(`${lines.join("\n")}\n`);
}

function percentile(samples: readonly number[], share: number): number {
  const sorted = [...samples].sort((left, right) => left - right);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? Number.NaN;
}

function summary(samples: readonly number[]) {
  const sorted = [...samples].sort((left, right) => left - right);
  return {
    min: sorted[0] ?? Number.NaN,
    median: percentile(sorted, 0.5),
    max: sorted.at(-1) ?? Number.NaN,
  };
}
