import { createHash } from "node:crypto";
import { appendFile, readFile } from "node:fs/promises";
import type { EmbeddingKind } from "../embedding/task-prompts.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";
import { vectorFromBytes, vectorToBytes } from "../embedding/vector-bytes.js";

/**
 * Sentence vectors kept in a file between runs of `kb eval` (one JSON object a line: key, base64
 * float32), keyed by sha256 of the model, the kind (query/document) and the text, so each text of
 * a corpus is embedded once however often it is evaluated. Lines that do not parse are ignored.
 */
export async function cachedEmbedder(
  embedder: TextEmbedder,
  file: string,
  onProgress?: (embedded: number, missing: number) => void,
): Promise<TextEmbedder> {
  const known = new Map<string, Float32Array>();
  const content = await readFile(file, "utf8").catch(() => "");
  for (const line of content.split("\n")) {
    try {
      const { key, vector } = JSON.parse(line) as { key: string; vector: string };
      known.set(key, vectorFromBytes(Buffer.from(vector, "base64")));
    } catch {
      continue;
    }
  }
  const keyOf = (kind: EmbeddingKind, text: string) =>
    createHash("sha256").update(`${embedder.model}\u0000${kind}\u0000${text}`).digest("hex");
  return {
    model: embedder.model,
    async embedTexts(texts, options) {
      const keys = texts.map((text) => keyOf(options.kind, text));
      const missing = texts.filter((_, index) => !known.has(keys[index] ?? ""));
      // In small batches, written as they come, so an interrupted run keeps what it embedded.
      for (let start = 0; start < missing.length; start += 16) {
        const batch = missing.slice(start, start + 16);
        const vectors = await embedder.embedTexts(batch, options);
        const lines = batch.map((text, index) => {
          const key = keyOf(options.kind, text);
          const vector = vectors[index] ?? new Float32Array();
          known.set(key, vector);
          return `${JSON.stringify({ key, vector: Buffer.from(vectorToBytes(vector)).toString("base64") })}\n`;
        });
        await appendFile(file, lines.join(""));
        onProgress?.(start + batch.length, missing.length);
      }
      return keys.map((key) => known.get(key) ?? new Float32Array());
    },
  };
}
