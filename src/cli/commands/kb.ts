import type { Command } from "commander";
import { InvalidRequestError } from "../../core/errors.js";
import { evaluateRetrieval, retrievalDepth } from "../../knowledge/evaluate-retrieval.js";
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
import { registerKnowledgeBaseCommands } from "./kb-bases.js";

interface EvalOptions {
  corpus: string;
  questions: string;
  distractors?: string;
  language?: string;
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
  colibri kb rm farmacia precios.csv`,
    );
  registerKnowledgeBaseCommands(kb, context);
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
    .option("--json", "print one JSON object instead of a table")
    .addHelpText(
      "after",
      `
Every passage (corpus and distractors) is indexed and the top ${retrievalDepth} are retrieved for each
question. A question is hit at rank r when a gold id is retrieved at rank r.
  recall@1, recall@5  share of questions hit at rank 1, at rank 5 or better
  mrr                 mean of 1/r for the first gold hit within the top ${retrievalDepth} (0 when none)
Colibrí's retrieval is BM25 with Spanish or Portuguese analysis (stop words, Snowball stems,
accents folded); the baseline is BM25 over lower-cased words. Both use k1 = 1.2, b = 0.75.

Examples:
  colibri kb eval --corpus corpus.jsonl --questions questions.jsonl
  colibri kb eval --corpus corpus.jsonl --distractors distractors.jsonl --questions questions.jsonl --json`,
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
  if (passages.length >= progressThreshold) {
    context.stderr.write(
      `Indexing ${passages.length} passages (${language}) twice and retrieving for ${questions.length} questions…\n`,
    );
  }
  const ours = evaluateRetrieval(passages, questions, languageTerm(language));
  const bm25 = evaluateRetrieval(passages, questions, plainTerm);
  if (options.json === true) {
    context.stdout.write(`${JSON.stringify({ ...ours, bm25 })}\n`);
    return;
  }
  context.stdout.write(
    [
      `${questions.length} questions over ${passages.length} passages (${language}), top ${retrievalDepth}`,
      `${"".padEnd(10)}${"recall@1".padStart(10)}${"recall@5".padStart(10)}${"mrr".padStart(8)}`,
      row("colibri", ours),
      row("bm25", bm25),
      "",
    ].join("\n"),
  );
}

function row(name: string, metrics: RetrievalMetrics): string {
  const figure = (value: number, width: number) => value.toFixed(3).padStart(width);
  return `${name.padEnd(10)}${figure(metrics["recall@1"], 10)}${figure(metrics["recall@5"], 10)}${figure(metrics.mrr, 8)}`;
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
