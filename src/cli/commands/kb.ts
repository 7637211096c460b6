import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import {
  denseRankings,
  fusedRankings,
  lexicalRankings,
  retrievalDepth,
  scoreRankings,
} from "../../knowledge/evaluate-retrieval.js";
import { embeddingTexts, fusionDepth } from "../../knowledge/knowledge-base.js";
import type { Passage } from "../../knowledge/passage-index.js";
import type { RetrievalMetrics } from "../../knowledge/retrieval-metrics.js";
import {
  analysisLanguages,
  languageTerm,
  plainTerm,
  type AnalysisLanguage,
} from "../../knowledge/text-analysis.js";
import { detectRegionLanguage } from "../../router/region-language.js";
import type { CliContext } from "../context.js";
import { readPassages, readQuestions } from "../kb-eval-files.js";
import { startEmbedder, type CliEmbedder } from "../start-embedder.js";
import { cachedEmbedder } from "../vector-cache.js";
import { registerKnowledgeBaseCommands } from "./kb-bases.js";
import { registerKbReindexCommand } from "./kb-reindex.js";

interface EvalOptions {
  corpus: string;
  questions: string;
  distractors?: string;
  language?: string;
  embeddingModel?: string;
  bm25Only?: boolean;
  vectorCache?: string;
  json?: boolean;
}

/** Above this many passages, a progress line goes to stderr while indexing. */
const progressThreshold = 1000;

export function registerKbCommand(program: Command, context: CliContext): void {
  const kb = program
    .command("kb")
    .description("Knowledge bases: retrieval over your own documents.")
    .addHelpText(
      "after",
      `
Examples:
  colibri kb create farmacia
  colibri kb add farmacia guia.pdf precios.csv
  colibri kb search farmacia "¿Cada cuántas horas se toma el paracetamol?"
  colibri kb list farmacia
  colibri kb rm farmacia precios.csv
  colibri kb reindex farmacia         # after engine.embeddingModel changed`,
    );
  registerKnowledgeBaseCommands(kb, context);
  registerKbReindexCommand(kb, context);
  kb.command("eval")
    .description(
      `Measure retrieval on a question set: recall@1, recall@5 and MRR (top ${retrievalDepth}) for Colibrí's retrieval and for plain BM25.`,
    )
    .requiredOption(
      "--corpus <file>",
      'passages, one {"id", "title", "text"} object a line (JSONL)',
    )
    .requiredOption(
      "--questions <file>",
      'questions, one {"id", "question", "gold_ids", "answers"} object a line (JSONL)',
    )
    .option("--distractors <file>", "more passages, same shape as --corpus, indexed too")
    .option("--language <code>", "es or pt (default: detected from the corpus)")
    .option(
      "--embedding-model <name>",
      "sentence-embedding model for hybrid retrieval (default: engine.embeddingModel, else embeddinggemma-300m if installed)",
    )
    .option("--bm25-only", "measure BM25 alone, without loading an embedding model")
    .option(
      "--vector-cache <file>",
      "keep the sentence vectors in this file, so a corpus is embedded once across runs",
    )
    .option("--json", "print one JSON object instead of a table")
    .addHelpText(
      "after",
      `
Every passage (corpus and distractors) is indexed and the top ${retrievalDepth} are retrieved for each
question. A question is hit at rank r when a gold id is retrieved at rank r.
  recall@1, recall@5  share of questions hit at rank 1, at rank 5 or better
  mrr                 mean of 1/r for the first gold hit within the top ${retrievalDepth} (0 when none)
Colibrí's retrieval is hybrid when a sentence-embedding model is available: BM25 with Spanish or
Portuguese analysis (stop words, Snowball stems, accents folded) and the nearest sentence vectors,
each ${fusionDepth} deep, fused by reciprocal rank (k = 60); without one it is the analysed BM25
alone ("retrieval" says which). Also printed: the analysed BM25 alone, the vectors alone, and the
baseline, BM25 over lower-cased words. BM25 uses k1 = 1.2, b = 0.75. Embedding a corpus takes
about 50 ms a passage on one core: use --vector-cache to embed it once.

Examples:
  colibri kb eval --corpus corpus.jsonl --questions questions.jsonl
  colibri kb eval --corpus corpus.jsonl --distractors distractors.jsonl --questions questions.jsonl --json
  colibri kb eval --corpus corpus.jsonl --questions questions.jsonl --vector-cache /tmp/vectors.jsonl`,
    )
    .action(async (options: EvalOptions) => {
      await evaluate(options, context);
    });
}

async function evaluate(options: EvalOptions, context: CliContext) {
  const corpus = await readPassages(options.corpus);
  const distractors =
    options.distractors === undefined ? [] : await readPassages(options.distractors);
  const questions = await readQuestions(options.questions);
  const language =
    options.language === undefined ? detectLanguage(corpus) : parseLanguage(options.language);
  const passages = [...corpus, ...distractors];
  rejectDuplicateIds(passages);
  const embedder =
    options.bm25Only === true
      ? undefined
      : await startEmbedder(await context.loadConfig(), context, {
          name: options.embeddingModel,
          installedDefault: true,
        });
  try {
    if (passages.length >= progressThreshold) {
      context.stderr.write(
        `Indexing ${passages.length} passages (${language}) and retrieving for ${questions.length} questions…\n`,
      );
    }
    const depth = Math.max(retrievalDepth, fusionDepth);
    const analysed = lexicalRankings(passages, questions, languageTerm(language), depth);
    const results: Record<string, RetrievalMetrics> = {
      bm25_analysed: scoreRankings(analysed, questions),
      bm25: scoreRankings(lexicalRankings(passages, questions, plainTerm, depth), questions),
    };
    let ours = results["bm25_analysed"];
    if (embedder !== undefined) {
      const dense = await denseRanked(
        embedder,
        passages,
        questions,
        depth,
        language,
        options,
        context,
      );
      results["dense"] = scoreRankings(dense, questions);
      ours = scoreRankings(fusedRankings(analysed, dense), questions);
    }
    const retrieval = embedder === undefined ? "bm25" : "hybrid";
    const model = embedder?.model ?? null;
    if (options.json === true) {
      context.stdout.write(
        `${JSON.stringify({ ...ours, retrieval, embedding_model: model, ...results })}\n`,
      );
      return;
    }
    context.stdout.write(
      [
        `${questions.length} questions over ${passages.length} passages (${language}), top ${retrievalDepth}; retrieval: ${retrieval === "hybrid" ? `hybrid (BM25 + ${model ?? ""}, reciprocal rank fusion)` : "BM25 (no embedding model: pull embeddinggemma-300m for hybrid)"}`,
        `${"".padEnd(14)}${"recall@1".padStart(10)}${"recall@5".padStart(10)}${"mrr".padStart(8)}`,
        row("colibri", ours ?? results["bm25"]),
        ...(embedder === undefined ? [] : [row("bm25 analysed", results["bm25_analysed"])]),
        ...(results["dense"] === undefined ? [] : [row("dense", results["dense"])]),
        row("bm25", results["bm25"]),
        "",
      ].join("\n"),
    );
  } finally {
    await embedder?.close();
  }
}

/** Each question's ranking by sentence vectors: passages as documents, questions as queries. */
async function denseRanked(
  model: CliEmbedder,
  passages: readonly Passage[],
  questions: readonly { question: string }[],
  depth: number,
  language: AnalysisLanguage,
  options: EvalOptions,
  context: CliContext,
): Promise<string[][]> {
  const progress = (done: number, total: number) => {
    if (done === total || done % 160 === 0) {
      context.stderr.write(`Embedded ${done} of ${total} texts not in the cache…\n`);
    }
  };
  const embedder =
    options.vectorCache === undefined
      ? model
      : await cachedEmbedder(model, options.vectorCache, progress);
  // Each passage's vectors as ingestion computes them: the passage's, then its sentences'.
  const texts = passages.map((passage) =>
    embeddingTexts(passage.title === "" ? [] : [passage.title], passage.text, language),
  );
  const flat = await embedder.embedTexts(texts.flat(), { kind: "document" });
  let next = 0;
  const vectors = texts.map((group) => flat.slice(next, (next += group.length)));
  const queries = await embedder.embedTexts(
    questions.map((question) => question.question),
    { kind: "query" },
  );
  return denseRankings(
    passages.map((passage, index) => ({ id: passage.id, vectors: vectors[index] ?? [] })),
    queries,
    depth,
  );
}

function row(name: string, metrics: RetrievalMetrics | undefined): string {
  if (metrics === undefined) return name;
  const figure = (value: number, width: number) => value.toFixed(3).padStart(width);
  return `${name.padEnd(14)}${figure(metrics["recall@1"], 10)}${figure(metrics["recall@5"], 10)}${figure(metrics.mrr, 8)}`;
}

function parseLanguage(code: string): AnalysisLanguage {
  const language = analysisLanguages.find((known) => known === code);
  if (language === undefined) {
    throw new InvalidRequestError(
      `--language "${code}" is not supported; use one of: ${analysisLanguages.join(", ")}.`,
      "language",
    );
  }
  return language;
}

/** The corpus's language from its first passages; es or pt, or an error asking for --language. */
function detectLanguage(corpus: readonly Passage[]): AnalysisLanguage {
  const sample = corpus
    .slice(0, 20)
    .map((passage) => passage.text)
    .join("\n");
  const { language } = detectRegionLanguage(sample);
  const known = analysisLanguages.find((code) => code === language);
  if (known === undefined) {
    throw new InvalidRequestError(
      `the corpus reads as "${language}", not Spanish or Portuguese; pass --language es or --language pt.`,
      "language",
    );
  }
  return known;
}

function rejectDuplicateIds(passages: readonly Passage[]) {
  const seen = new Set<string>();
  for (const { id } of passages) {
    if (seen.has(id)) {
      throw new InvalidRequestError(
        `passage id "${id}" appears twice across --corpus and --distractors; ids must be unique.`,
      );
    }
    seen.add(id);
  }
}
