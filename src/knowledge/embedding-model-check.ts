import {
  unrecordedEmbeddingModel,
  type EmbeddingModelRecord,
  type KnowledgeBase,
} from "../core/records/knowledge.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";

/** A base whose vectors another model made than the one configured. */
export interface EmbeddingModelMismatch {
  base: Pick<KnowledgeBase, "id" | "name">;
  recorded: EmbeddingModelRecord;
  configured: string;
}

/**
 * Whether `base`'s vectors come from another model than `model` (the configured embedder's
 * name), or from a model of the same name that gives vectors of another length. A base with no
 * vectors yet matches any model.
 */
export function embeddingModelMismatch(
  base: Pick<KnowledgeBase, "id" | "name" | "embeddingModel">,
  model: string,
  dimensions?: number,
): EmbeddingModelMismatch | undefined {
  const recorded = base.embeddingModel;
  if (recorded === null) return undefined;
  const sameLength =
    dimensions === undefined || recorded.dimensions === null || recorded.dimensions === dimensions;
  if (recorded.name === model && sameLength) return undefined;
  return { base: { id: base.id, name: base.name }, recorded, configured: model };
}

/**
 * The bases among `bases` that a search with `embedder` reads by full text only, because another
 * model made their vectors; none without an embedder (every base is read by full text then).
 */
export function embeddingMismatches(
  bases: readonly Pick<KnowledgeBase, "id" | "name" | "embeddingModel">[],
  embedder: Pick<TextEmbedder, "model"> | undefined,
): EmbeddingModelMismatch[] {
  if (embedder === undefined) return [];
  return bases.flatMap((base) => embeddingModelMismatch(base, embedder.model) ?? []);
}

/** What a user is told: which base, which models, that it is searched by text, how to fix it. */
export function embeddingMismatchMessage(mismatch: EmbeddingModelMismatch): string {
  const { base, recorded, configured } = mismatch;
  const made =
    recorded.name === unrecordedEmbeddingModel
      ? "was embedded before Colibrí recorded which model made its vectors"
      : `was embedded with "${recorded.name}"${recorded.dimensions === null ? "" : ` (${recorded.dimensions} dimensions)`}`;
  return `Knowledge base "${base.name}" (${base.id}) ${made}, not with the configured embedding model "${configured}": its vectors cannot be compared with the question's, so it is searched by full text only. Rebuild its vectors with: colibri kb reindex ${base.name.includes(" ") ? `"${base.name}"` : base.name}`;
}

/** The same, in ASCII for an HTTP header (names and ids only). */
export function embeddingMismatchHeader(mismatches: readonly EmbeddingModelMismatch[]): string {
  const ascii = (text: string) => text.replace(/[^\x20-\x7e]/gu, "?");
  return mismatches
    .map(
      ({ base, recorded, configured }) =>
        `${base.id} embedded with ${ascii(recorded.name)}, not ${ascii(configured)}: full-text only until colibri kb reindex`,
    )
    .join("; ");
}
