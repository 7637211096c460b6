/**
 * Knowledge bases in the store: retrieval quality and query latency on the rag dev sets, and
 * ingestion of a generated ~100-page PDF. Prints numbers and judges none.
 *
 *   node dist-tools/tools/bench/knowledge-benchmark.js [--rag DIR] [--pages N] [--postgres] [--json]
 *     [--sets es,es+distractors,pt] [--vector-cache FILE]
 *
 * Retrieval: every passage of a set (corpus, and distractors for es+d) becomes one document with
 * one chunk (heading = its title), analysed as `colibri kb add` analyses chunks; each question is
 * searched through the store (SQLite FTS5 BM25, or PostgreSQL ts_rank with --postgres) and scored
 * as `colibri kb eval` scores (recall@1, recall@5, MRR over the top 5).
 * With --vector-cache (a file `colibri kb eval --vector-cache` filled with EmbeddingGemma's
 * vectors), each chunk also gets its vectors as ingestion computes them and search is hybrid; the
 * query's vector comes from the file too, so the latency is the store's and the fusion's (the
 * model's own time per query is in bench:embedding). A text missing from the file is an error.
 * Ingestion (skipped with --pages 0): a PDF of N pages (a title and passages of the es corpus per page, pdfkit) goes
 * through `ingestDocument` (parse, chunk, analyse, store) three times into fresh bases.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArgs } from "node:util";
import PDFDocument from "pdfkit";
import type { KnowledgeLanguage, Store } from "../../src/core/records/index.js";
import {
  chunkTerms,
  embeddingTexts,
  ingestDocument,
  searchKnowledge,
} from "../../src/knowledge/knowledge-base.js";
import type { TextEmbedder } from "../../src/embedding/text-embedder.js";
import { cachedEmbedder } from "../../src/cli/vector-cache.js";
import { retrievalMetrics, type RetrievalMetrics } from "../../src/knowledge/retrieval-metrics.js";
import { openStore } from "../../src/store/index.js";
import { percentile } from "../router-evaluation/cascade-strategy-summary.js";
import {
  temporaryPostgresSchema,
  temporarySqliteDatabase,
  testPostgresUrl,
  type TemporaryDatabase,
} from "./temporary-database.js";

const { values } = parseArgs({
  options: {
    rag: { type: "string", default: "../shared/data/rag" },
    pages: { type: "string", default: "100" },
    postgres: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    sets: { type: "string", default: "es,es+distractors,pt" },
    "vector-cache": { type: "string" },
  },
});

/** Vectors from the cache file only: the model's name is the one the cache keys carry. */
const embedder: TextEmbedder | undefined =
  values["vector-cache"] === undefined
    ? undefined
    : await cachedEmbedder(
        {
          model: "embeddinggemma-300m",
          embedTexts(texts) {
            throw new Error(
              `${texts.length} texts are not in ${values["vector-cache"]}; fill it with colibri kb eval --vector-cache first.`,
            );
          },
        },
        values["vector-cache"],
      );

interface Passage {
  id: string;
  title: string;
  text: string;
}
interface Question {
  question: string;
  gold_ids: string[];
}

async function jsonl<T>(file: string): Promise<T[]> {
  const content = await readFile(file, "utf8");
  return content
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as T);
}

async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const database: TemporaryDatabase = values.postgres
    ? await temporaryPostgresSchema(testPostgresUrl(), "colibri_kb_bench")
    : await temporarySqliteDatabase();
  const store = await openStore({ url: database.url, home: database.home });
  try {
    return await work(store);
  } finally {
    await store.close();
    await database.remove();
  }
}

function latency(timings: number[]) {
  const sorted = [...timings].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 100) / 100;
  return { p50Ms: round(percentile(sorted, 0.5)), p99Ms: round(percentile(sorted, 0.99)) };
}

async function retrieval(
  passages: readonly Passage[],
  questions: readonly Question[],
  language: KnowledgeLanguage,
): Promise<RetrievalMetrics & { passages: number; p50Ms: number; p99Ms: number }> {
  return withStore(async (store) => {
    const tenant = await store.tenants.ensure("bench", Date.now());
    const knowledge = store.knowledge.forTenant(tenant.id);
    await knowledge.createBase({ id: "vs_bench", name: "bench", createdAt: 0, metadata: null });
    await knowledge.settleLanguage("vs_bench", language);
    const base = await knowledge.getBase("vs_bench");
    if (base === undefined) throw new Error("the base was not created");
    for (const passage of passages) {
      await knowledge.beginDocument({
        id: passage.id,
        baseId: base.id,
        name: passage.title,
        bytes: passage.text.length,
        now: 0,
      });
      const chunk = {
        ordinal: 0,
        headingPath: [passage.title],
        text: passage.text,
        page: null,
        terms: chunkTerms([passage.title], passage.text, language),
        ...(embedder === undefined
          ? {}
          : {
              vectors: await embedder.embedTexts(
                embeddingTexts([passage.title], passage.text, language),
                { kind: "document" },
              ),
            }),
      };
      await knowledge.replaceChunks(base.id, passage.id, { sha256: "", bytes: 0, now: 0 }, [chunk]);
    }
    const timings: number[] = [];
    const outcomes = [];
    for (const question of questions) {
      const started = performance.now();
      const hits = await searchKnowledge(knowledge, [base], question.question, 5, embedder);
      timings.push(performance.now() - started);
      outcomes.push({ retrieved: hits.map((hit) => hit.documentId), goldIds: question.gold_ids });
    }
    return { passages: passages.length, ...retrievalMetrics(outcomes), ...latency(timings) };
  });
}

async function makePdf(passages: readonly Passage[], pages: number): Promise<Buffer> {
  const document = new PDFDocument({ autoFirstPage: false });
  const parts: Buffer[] = [];
  document.on("data", (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve) => {
    document.on("end", () => {
      resolve();
    });
  });
  for (let page = 0; page < pages; page++) {
    document.addPage();
    const first = passages[(page * 2) % passages.length];
    const second = passages[(page * 2 + 1) % passages.length];
    document.fontSize(16).text(first?.title ?? "");
    document.moveDown();
    // About two passages a page: a page of a regulation or a manual.
    for (const passage of [first, second])
      document
        .fontSize(10)
        .text(passage?.text ?? "")
        .moveDown();
  }
  document.end();
  await ended;
  return Buffer.concat(parts);
}

async function ingestion(passages: readonly Passage[], questions: readonly Question[]) {
  const pages = Number(values.pages);
  const pdf = await makePdf(passages, pages);
  const runs: number[] = [];
  let chunks = 0;
  let query = { p50Ms: 0, p99Ms: 0 };
  for (let run = 0; run < 3; run++) {
    await withStore(async (store) => {
      const tenant = await store.tenants.ensure("bench", Date.now());
      const knowledge = store.knowledge.forTenant(tenant.id);
      const base = await knowledge.createBase({
        id: "vs_pdf",
        name: "pdf",
        createdAt: 0,
        metadata: null,
      });
      const started = performance.now();
      const outcome = await ingestDocument(
        knowledge,
        base,
        { id: "doc-pdf", name: "manual.pdf", bytes: pdf },
        Date.now,
      );
      runs.push(performance.now() - started);
      if (outcome.status !== "completed") throw new Error(`ingestion ${outcome.status}`);
      chunks = outcome.chunks;
      if (run === 0) {
        const settled = (await knowledge.getBase(base.id)) ?? base;
        const timings: number[] = [];
        for (const question of questions) {
          const queryStarted = performance.now();
          await searchKnowledge(knowledge, [settled], question.question, 5);
          timings.push(performance.now() - queryStarted);
        }
        query = latency(timings);
      }
    });
  }
  return {
    pages,
    bytes: pdf.length,
    chunks,
    ingestMs: runs.map((value) => Math.round(value)),
    query,
  };
}

const es = join(values.rag, "es");
const pt = join(values.rag, "pt");
const esCorpus = await jsonl<Passage>(join(es, "corpus.jsonl"));
const esDistractors = await jsonl<Passage>(join(es, "distractors.jsonl"));
const esQuestions = await jsonl<Question>(join(es, "questions.jsonl"));
const ptCorpus = await jsonl<Passage>(join(pt, "corpus.jsonl"));
const ptQuestions = await jsonl<Question>(join(pt, "questions.jsonl"));

const sets = values.sets.split(",");
const measured: Record<string, Awaited<ReturnType<typeof retrieval>>> = {};
if (sets.includes("es")) measured["es"] = await retrieval(esCorpus, esQuestions, "es");
if (sets.includes("es+distractors")) {
  measured["es+distractors"] = await retrieval([...esCorpus, ...esDistractors], esQuestions, "es");
}
if (sets.includes("pt")) measured["pt"] = await retrieval(ptCorpus, ptQuestions, "pt");
const report = {
  store: values.postgres ? "postgres" : "sqlite",
  search: embedder === undefined ? "bm25" : "hybrid",
  retrieval: measured,
  pdf: values.pages === "0" ? null : await ingestion(esCorpus, esQuestions),
};
if (values.json) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  const figure = (value: number) => value.toFixed(3);
  process.stdout.write(`store: ${report.store}, search: ${report.search}\n`);
  for (const [set, result] of Object.entries(report.retrieval)) {
    process.stdout.write(
      `${set.padEnd(16)} ${String(result.passages).padStart(5)} passages  recall@1 ${figure(result["recall@1"])}  recall@5 ${figure(result["recall@5"])}  MRR ${figure(result.mrr)}  query p50 ${result.p50Ms} ms p99 ${result.p99Ms} ms\n`,
    );
  }
  const { pdf } = report;
  if (pdf !== null)
    process.stdout.write(
      `PDF: ${pdf.pages} pages, ${pdf.bytes} bytes, ${pdf.chunks} chunks; ingestion ${pdf.ingestMs.join(", ")} ms; query p50 ${pdf.query.p50Ms} ms p99 ${pdf.query.p99Ms} ms\n`,
    );
}
