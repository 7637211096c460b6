import { createHash, randomBytes } from "node:crypto";
import type {
  KnowledgeBase,
  KnowledgeChunk,
  KnowledgeDocument,
  KnowledgeHit,
  KnowledgeLanguage,
  TenantKnowledge,
} from "../core/records/knowledge.js";
import { detectRegionLanguage } from "../router/region-language.js";
import { chunkBlocks } from "./chunking.js";
import { DocumentReadError, parseDocument } from "./document-parsers.js";
import {
  analysisLanguages,
  languageTerm,
  plainTerm,
  words,
  type TermAnalyzer,
} from "./text-analysis.js";

/** "vs_…", as OpenAI names vector stores (a knowledge base is one). */
export function newKnowledgeBaseId(): string {
  return `vs_${randomBytes(12).toString("hex")}`;
}

/** A file to add to a knowledge base. */
export interface DocumentInput {
  /** The document's id in the base (a Files API id, or "doc-…" for the CLI). */
  id: string;
  name: string;
  bytes: Uint8Array;
}

export type IngestOutcome =
  | { status: "unchanged"; document: KnowledgeDocument }
  | { status: "completed"; chunks: number; pages: number | null }
  | { status: "failed"; error: string };

/**
 * Read a document into a knowledge base: parse it, cut it into chunks under their headings and
 * pages, analyse each chunk's terms the way `colibri kb eval` measured (es/pt stems and stop
 * words, accents folded), and replace the document's chunks in one transaction. The same bytes
 * again are a no-op; a file that cannot be read marks the document failed with the reason, and
 * whatever version was there before stays searchable.
 */
export async function ingestDocument(
  knowledge: TenantKnowledge,
  base: KnowledgeBase,
  input: DocumentInput,
  now: () => number,
): Promise<IngestOutcome> {
  const sha256 = createHash("sha256").update(input.bytes).digest("hex");
  const known = await knowledge.getDocument(base.id, input.id);
  if (known?.sha256 === sha256 && known.status === "completed") {
    return { status: "unchanged", document: known };
  }
  await knowledge.beginDocument({
    id: input.id,
    baseId: base.id,
    name: input.name,
    bytes: input.bytes.length,
    now: now(),
  });
  try {
    const blocks = await parseDocument(input.name, input.bytes);
    const language =
      base.language ??
      (await knowledge.settleLanguage(
        base.id,
        languageOf(blocks.map((block) => block.text).join("\n")),
      ));
    const chunks: KnowledgeChunk[] = chunkBlocks(
      blocks,
      undefined,
      language === "plain" ? "en" : language,
    ).map((chunk) => ({ ...chunk, terms: chunkTerms(chunk.headingPath, chunk.text, language) }));
    await knowledge.replaceChunks(
      base.id,
      input.id,
      { sha256, bytes: input.bytes.length, now: now() },
      chunks,
    );
    const pages = blocks.reduce<number | null>(
      (most, block) => (block.page === null ? most : Math.max(most ?? 0, block.page)),
      null,
    );
    return { status: "completed", chunks: chunks.length, pages };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!(error instanceof DocumentReadError)) {
      await knowledge.failDocument(base.id, input.id, message, now()).catch(() => undefined);
      throw error;
    }
    await knowledge.failDocument(base.id, input.id, message, now());
    return { status: "failed", error: message };
  }
}

/** The `limit` best passages of these bases for a question, analysed as the bases were. */
export async function searchKnowledge(
  knowledge: TenantKnowledge,
  bases: readonly KnowledgeBase[],
  question: string,
  limit: number,
): Promise<KnowledgeHit[]> {
  const languages = new Set(bases.map((base) => base.language ?? "plain"));
  const terms = [...languages].flatMap((language) => analyse(question, termAnalyzer(language)));
  return knowledge.search(
    bases.map((base) => base.id),
    terms,
    limit,
  );
}

/** What a chunk is indexed by: its headings' and text's analysed terms, space-separated. */
export function chunkTerms(
  headingPath: readonly string[],
  text: string,
  language: KnowledgeLanguage,
): string {
  return analyse(`${headingPath.join("\n")}\n${text}`, termAnalyzer(language)).join(" ");
}

function termAnalyzer(language: KnowledgeLanguage): TermAnalyzer {
  return language === "plain" ? plainTerm : languageTerm(language);
}

function analyse(text: string, term: TermAnalyzer): string[] {
  return words(text).flatMap((word) => term(word) ?? []);
}

/** Spanish or Portuguese analysis when the text reads as one of them, else plain words. */
function languageOf(text: string): KnowledgeLanguage {
  const { language } = detectRegionLanguage(text);
  return analysisLanguages.find((code) => code === language) ?? "plain";
}
