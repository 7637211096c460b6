import { describe, expect, it } from "vitest";
import type { EmbeddingResult } from "../core/chat.js";
import { taskPrompts } from "./task-prompts.js";
import { createTextEmbedder, unitVector, type EmbeddingSource } from "./text-embedder.js";

/** Records what it was asked to embed; each text's vector is [its length, 0, 0]. */
function recordingSource(architecture: string | undefined): EmbeddingSource & { seen: string[][] } {
  const seen: string[][] = [];
  return {
    seen,
    localEmbeddingModel: { name: "embeddinggemma-300m", architecture },
    embed(input: string[]): Promise<EmbeddingResult> {
      seen.push(input);
      return Promise.resolve({
        embeddings: input.map((text) => [text.length, 0, 0]),
        promptTokens: input.length,
      });
    },
  };
}

describe("createTextEmbedder", () => {
  it("gives EmbeddingGemma its query and document prompts, and returns unit vectors in order", async () => {
    const source = recordingSource("gemma-embedding");
    const embedder = createTextEmbedder(source);
    expect(embedder.model).toBe("embeddinggemma-300m");

    const queries = await embedder.embedTexts(["¿Dónde queda?", "Onde fica?"], { kind: "query" });
    await embedder.embedTexts(["La farmacia queda en la plaza."], { kind: "document" });
    expect(source.seen).toEqual([
      ["task: search result | query: ¿Dónde queda?", "task: search result | query: Onde fica?"],
      ["title: none | text: La farmacia queda en la plaza."],
    ]);
    expect(queries.map((vector) => [...vector])).toEqual([
      [1, 0, 0],
      [1, 0, 0],
    ]);
  });

  it("adds no prompt for a model trained without them, and asks nothing for no texts", async () => {
    const source = recordingSource("qwen2");
    const embedder = createTextEmbedder(source);
    await embedder.embedTexts(["hola"], { kind: "query" });
    expect(await embedder.embedTexts([], { kind: "document" })).toEqual([]);
    expect(source.seen).toEqual([["hola"]]);
    expect(taskPrompts(undefined)).toEqual({ query: "", document: "" });
  });
});

describe("unitVector", () => {
  it("scales to length 1 and leaves a zero vector at zero", () => {
    expect([...unitVector([3, 4])]).toEqual([0.6000000238418579, 0.800000011920929]);
    expect([...unitVector([0, 0])]).toEqual([0, 0]);
  });
});
