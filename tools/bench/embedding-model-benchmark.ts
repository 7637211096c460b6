/**
 * `npm run bench:embedding`: how well an embedding model tells a paraphrase from a different
 * question on the same topic, and what it costs. Loads one GGUF model through the engine's
 * embedding path (EmbeddingRunner, the model's task prompts from src/embedding), embeds both
 * texts of every pair in test/support/embedding-pairs.jsonl, and prints AUROC (all, es, pt) for
 * each prompt style, milliseconds per text on the given threads, the file size and the process's
 * resident memory. It prints numbers and judges none.
 *
 *   node dist-tools/tools/bench/embedding-model-benchmark.js --model FILE.gguf [--threads 1] [--json]
 */
import { readFileSync } from "node:fs";
import { stat } from "node:fs/promises";
import { parseArgs } from "node:util";
import { cosineSimilarity } from "../../src/cache/similarity.js";
import { taskPrompts } from "../../src/embedding/task-prompts.js";
import { EmbeddingRunner } from "../../src/engine/embedding-runner.js";
import { loadLlamaRuntime } from "../../src/engine/llama-runtime.js";
import { auroc, readTextPairs } from "./semantic-cache-evaluation.js";

const { values } = parseArgs({
  options: {
    model: { type: "string" },
    pairs: { type: "string", default: "test/support/embedding-pairs.jsonl" },
    threads: { type: "string", default: "1" },
    json: { type: "boolean", default: false },
  },
});
if (values.model === undefined) {
  process.stderr.write(
    "Usage: embedding-model-benchmark --model FILE.gguf [--threads N] [--json]\n",
  );
  process.exit(2);
}
const pairs = await readTextPairs(values.pairs);
const threads = Number(values.threads);

const rssBefore = process.memoryUsage().rss;
const llama = await loadLlamaRuntime({ threads, logger: () => undefined });
const model = await llama.loadModel({ modelPath: values.model });
const runner = new EmbeddingRunner(model, { threads, contextSize: 512, maxQueue: 4 });
const architecture: string = model.fileInfo.metadata.general.architecture;
const signal = new AbortController().signal;

/**
 * How each text is presented: as is, with the retrieval query prompt (what the knowledge base's
 * queries get), or with EmbeddingGemma's sentence-similarity prompt (two questions compared, what
 * a semantic cache does).
 */
const styles: Record<string, string> = {
  none: "",
  ...(taskPrompts(architecture).query === "" ? {} : { query: taskPrompts(architecture).query }),
  ...(architecture === "gemma-embedding"
    ? { similarity: "task: sentence similarity | query: " }
    : {}),
};

const timings: number[] = [];
const embed = async (text: string): Promise<number[]> => {
  const started = performance.now();
  const [vector] = (await runner.embed([text], signal)).embeddings;
  timings.push(performance.now() - started);
  if (vector === undefined) throw new Error("no embedding");
  return vector;
};
await embed("calentamiento"); // first call creates the context
timings.length = 0;

const results: Record<string, { all: number; es: number; pt: number }> = {};
for (const [style, prompt] of Object.entries(styles)) {
  const scored = [];
  for (const pair of pairs) {
    const similarity = cosineSimilarity(await embed(prompt + pair.a), await embed(prompt + pair.b));
    scored.push({ similarity, same: pair.same, language: pair.language });
  }
  results[style] = {
    all: auroc(scored),
    es: auroc(scored.filter((pair) => pair.language === "es")),
    pt: auroc(scored.filter((pair) => pair.language === "pt")),
  };
}
const peakRss = peakResidentBytes();
const rssAfter = process.memoryUsage().rss;
await runner.close(new Error("benchmark done"));
await model.dispose();
await llama.dispose();

const sorted = [...timings].sort((left, right) => left - right);
const report = {
  model: values.model,
  architecture,
  fileBytes: (await stat(values.model)).size,
  threads,
  pairs: {
    same: pairs.filter((pair) => pair.same).length,
    different: pairs.filter((pair) => !pair.same).length,
  },
  auroc: results,
  msPerText: {
    p50: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    texts: sorted.length,
  },
  rssBytes: { beforeLoad: rssBefore, afterEmbedding: rssAfter, peak: peakRss },
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const mib = (bytes: number | undefined) =>
    bytes === undefined ? "?" : `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  const lines = [
    `${report.model} (${architecture}, ${mib(report.fileBytes)}), ${threads} thread(s), ${report.pairs.same} paraphrase and ${report.pairs.different} different-question pairs`,
    ...Object.entries(results).map(
      ([style, value]) =>
        `  prompt ${style.padEnd(10)} AUROC ${value.all.toFixed(3)} (es ${value.es.toFixed(3)}, pt ${value.pt.toFixed(3)})`,
    ),
    `  ms per text: p50 ${report.msPerText.p50.toFixed(1)}, mean ${report.msPerText.mean.toFixed(1)} over ${report.msPerText.texts} texts`,
    `  resident memory: ${mib(rssBefore)} before loading, ${mib(rssAfter)} after embedding, peak ${mib(peakRss)}`,
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
}

/** The process's peak resident set (Linux VmHWM), or undefined elsewhere. */
function peakResidentBytes(): number | undefined {
  try {
    const status = readFileSync("/proc/self/status", "utf8");
    const match = /VmHWM:\s+(\d+) kB/.exec(status);
    return match === null ? undefined : Number(match[1]) * 1024;
  } catch {
    return undefined;
  }
}
