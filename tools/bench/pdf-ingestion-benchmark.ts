/**
 * A long PDF into a knowledge base with the real sentence-embedding model, as `colibri kb add`
 * does it, then questions searched on that base. Prints numbers and judges none.
 *
 *   node dist-tools/tools/bench/pdf-ingestion-benchmark.js [--rag DIR] [--language es|pt]
 *     [--pages 100] [--questions 300] [--embedding-model embeddinggemma-300m] [--postgres]
 *     [--save FILE.pdf] [--json]
 *
 * The PDF: a manual of `--pages` A4 pages made from the rag set's passages (its corpus, then, for
 * es, its distractors): a chapter per title, numbered sections headed by their first words,
 * justified body text flowing over pages, a footer on every page (manual-pdf.ts).
 * Ingestion: `ingestDocument` with the embedder `colibri kb add` loads (startEmbedder: the model
 * alone, the engine's threads), into a fresh SQLite (or PostgreSQL) store — parse (unpdf),
 * chunk, analyse, embed every chunk and its sentences, store in one transaction. Timed: the model
 * load, a cold parse alone (pdf.js loading included), and the whole ingestion (parse again).
 * Queries: the set's questions whose gold passage is in the PDF, one at a time, hybrid (the
 * question embedded, BM25 and vectors fused) — total latency and the embedding's share — and
 * BM25 alone. A retrieved chunk counts for a passage when it holds one of the passage's
 * sentences (letters and digits compared), so recall@5 and MRR are those of the real pipeline on
 * a PDF, not the per-passage evaluation of `kb eval`. Bounded: --pages and --questions.
 */
import { readFile, writeFile } from "node:fs/promises";
import { cpus, loadavg } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { startEmbedder } from "../../src/cli/start-embedder.js";
import { loadConfig } from "../../src/config/load.js";
import type { KnowledgeHit } from "../../src/core/records/index.js";
import type { TextEmbedder } from "../../src/embedding/text-embedder.js";
import { parseDocument } from "../../src/knowledge/document-parsers.js";
import { ingestDocument, searchKnowledge } from "../../src/knowledge/knowledge-base.js";
import { retrievalMetrics } from "../../src/knowledge/retrieval-metrics.js";
import { openStore } from "../../src/store/index.js";
import { percentile } from "../router-evaluation/cascade-strategy-summary.js";
import { makeManualPdf, type ManualPassage } from "./manual-pdf.js";
import {
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
} from "./temporary-database.js";

const { values } = parseArgs({
  options: {
    rag: { type: "string", default: "../shared/data/rag" },
    language: { type: "string", default: "es" },
    pages: { type: "string", default: "100" },
    questions: { type: "string", default: "300" },
    "embedding-model": { type: "string", default: "embeddinggemma-300m" },
    postgres: { type: "boolean", default: false },
    save: { type: "string" },
    json: { type: "boolean", default: false },
  },
});

interface Question {
  question: string;
  gold_ids: string[];
}

async function jsonl<T>(file: string): Promise<T[]> {
  const content = await readFile(file, "utf8").catch(() => "");
  return content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const seconds = (milliseconds: number) => round(milliseconds / 1000, 2);
function latency(timings: readonly number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  return { p50Ms: round(percentile(sorted, 0.5)), p95Ms: round(percentile(sorted, 0.95)) };
}

/** Letters and digits only, lower-cased, accents dropped: text as a PDF's text layer keeps it. */
function normalized(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[^\p{L}\p{N}]/gu, "")
    .toLowerCase();
}

/** Which passages a chunk holds: those with a sentence (of 20 letters or more) inside it. */
function passageFinder(passages: readonly ManualPassage[], language: string) {
  const segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
  const sentences = passages.flatMap((passage) =>
    [...segmenter.segment(passage.text)]
      .map(({ segment }) => normalized(segment))
      .filter((sentence) => sentence.length >= 20)
      .map((sentence) => ({ id: passage.id, sentence })),
  );
  return (chunkText: string): string[] => {
    const chunk = normalized(chunkText);
    return [
      ...new Set(sentences.filter(({ sentence }) => chunk.includes(sentence)).map(({ id }) => id)),
    ];
  };
}

const language = values.language;
const folder = join(values.rag, language);
const passages = [
  ...(await jsonl<ManualPassage>(join(folder, "corpus.jsonl"))),
  ...(await jsonl<ManualPassage>(join(folder, "distractors.jsonl"))),
];
if (passages.length === 0) throw new Error(`No passages in ${folder}/corpus.jsonl.`);
const loadBefore = loadavg();
const manualTitle = language === "pt" ? "Manual de consulta" : "Manual de consulta interna";
const pdf = await makeManualPdf(manualTitle, passages, Number(values.pages));
if (values.save !== undefined) await writeFile(values.save, pdf.bytes);
const inPdf = new Set(pdf.passages.map((passage) => passage.id));
const questions = (await jsonl<Question>(join(folder, "questions.jsonl")))
  .filter((question) => question.gold_ids.some((id) => inPdf.has(id)))
  .slice(0, Number(values.questions));
const passagesOf = passageFinder(pdf.passages, language);

const config = await loadConfig();
const context = {
  loadConfig: () => Promise.resolve(config),
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  setExitCode: () => undefined,
};
let started = performance.now();
const embedder = await startEmbedder(config, context, { name: values["embedding-model"] });
if (embedder === undefined) throw new Error("No embedding model.");
const modelLoadMs = performance.now() - started;

/** The embedder, timing its calls (the question's embedding inside a search). */
let embeddingMs = 0;
const timed: TextEmbedder = {
  model: embedder.model,
  async embedTexts(texts, options) {
    const begun = performance.now();
    try {
      return await embedder.embedTexts(texts, options);
    } finally {
      embeddingMs += performance.now() - begun;
    }
  },
};

const database = values.postgres
  ? await temporaryPostgresSchema(testPostgresUrl(), "colibri_pdf_bench")
  : await temporarySqliteDatabase();
const store = await openStore({ url: database.url, home: database.home });
try {
  started = performance.now();
  const blocks = await parseDocument("manual.pdf", pdf.bytes);
  const coldParseMs = performance.now() - started;

  const tenant = await store.tenants.ensure("bench", Date.now());
  const knowledge = store.knowledge.forTenant(tenant.id);
  const created = await knowledge.createBase({
    id: "vs_manual",
    name: "manual",
    createdAt: Date.now(),
    metadata: null,
  });
  let texts = 0;
  let lastTenth = -1;
  started = performance.now();
  const outcome = await ingestDocument(
    knowledge,
    created,
    { id: "doc-manual", name: "manual.pdf", bytes: pdf.bytes },
    Date.now,
    timed,
    (progress) => {
      if (progress.stage !== "embedding") return;
      texts = progress.total;
      const tenth = Math.floor((progress.done / progress.total) * 10);
      if (tenth !== lastTenth) {
        lastTenth = tenth;
        process.stderr.write(
          `embedded ${progress.done} of ${progress.total} texts (${seconds(performance.now() - started)} s)\n`,
        );
      }
    },
  );
  const ingestMs = performance.now() - started;
  const ingestEmbeddingMs = embeddingMs;
  if (outcome.status !== "completed") throw new Error(`Ingestion ${outcome.status}.`);
  const base = (await knowledge.getBase(created.id)) ?? created;

  const search = async (withVectors: boolean) => {
    const timings: number[] = [];
    const embeddings: number[] = [];
    const outcomes = [];
    for (const question of questions) {
      embeddingMs = 0;
      const begun = performance.now();
      const hits: KnowledgeHit[] = await searchKnowledge(
        knowledge,
        [base],
        question.question,
        5,
        withVectors ? timed : undefined,
      );
      timings.push(performance.now() - begun);
      embeddings.push(embeddingMs);
      // A chunk is a hit at its rank when it holds a gold passage (a chunk may hold two).
      const gold = new Set(question.gold_ids);
      const retrieved = hits.map(
        (hit, rank) => passagesOf(hit.text).find((id) => gold.has(id)) ?? `miss-${rank}`,
      );
      outcomes.push({ retrieved, goldIds: question.gold_ids });
    }
    const metrics = retrievalMetrics(outcomes);
    return {
      ...latency(timings),
      embeddingP50Ms: round(
        percentile(
          [...embeddings].sort((a, b) => a - b),
          0.5,
        ),
      ),
      "recall@1": round(metrics["recall@1"], 3),
      "recall@5": round(metrics["recall@5"], 3),
      mrr: round(metrics.mrr, 3),
    };
  };
  const hybrid = await search(true);
  const bm25 = await search(false);
  const report = {
    store: values.postgres ? "postgres" : "sqlite",
    language,
    model: embedder.model,
    threads: config.engine.threads ?? `default (${cpus().length} cores)`,
    pdf: {
      pages: pdf.pages,
      bytes: pdf.bytes.length,
      passages: pdf.passages.length,
      characters: blocks.reduce((sum, block) => sum + block.text.length, 0),
    },
    modelLoadSeconds: seconds(modelLoadMs),
    coldParseSeconds: seconds(coldParseMs),
    ingestion: {
      seconds: seconds(ingestMs),
      pagesPerSecond: round(pdf.pages / (ingestMs / 1000), 2),
      chunks: outcome.chunks,
      embeddedTexts: texts,
      embeddingSeconds: seconds(ingestEmbeddingMs),
      msPerText: round(ingestEmbeddingMs / Math.max(1, texts)),
    },
    questions: questions.length,
    hybrid,
    bm25,
    loadAverage: { before: loadBefore.map((value) => round(value, 2)), after: loadavg() },
  };
  if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else {
    const { ingestion } = report;
    process.stdout.write(
      [
        `${report.pdf.pages}-page ${language} PDF (${report.pdf.bytes} bytes, ${report.pdf.passages} passages, ${report.pdf.characters} characters of text); ${report.store}; ${report.model}, threads ${report.threads}`,
        `model load ${report.modelLoadSeconds} s; cold parse alone ${report.coldParseSeconds} s`,
        `ingestion ${ingestion.seconds} s = ${ingestion.pagesPerSecond} pages/s; ${ingestion.chunks} chunks, ${ingestion.embeddedTexts} texts embedded in ${ingestion.embeddingSeconds} s (${ingestion.msPerText} ms a text)`,
        `${report.questions} questions, hybrid: p50 ${hybrid.p50Ms} ms, p95 ${hybrid.p95Ms} ms (embedding the question p50 ${hybrid.embeddingP50Ms} ms); recall@1 ${hybrid["recall@1"]}, recall@5 ${hybrid["recall@5"]}, MRR ${hybrid.mrr}`,
        `${report.questions} questions, BM25: p50 ${bm25.p50Ms} ms, p95 ${bm25.p95Ms} ms; recall@1 ${bm25["recall@1"]}, recall@5 ${bm25["recall@5"]}, MRR ${bm25.mrr}`,
        `load average before ${report.loadAverage.before.join(" ")}, after ${report.loadAverage.after.map((value) => round(value, 2)).join(" ")}`,
        "",
      ].join("\n"),
    );
  }
} finally {
  await store.close();
  await database.remove();
  await embedder.close();
}
