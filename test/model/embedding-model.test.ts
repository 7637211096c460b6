import { readFile } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { createTextEmbedder, type TextEmbedder } from "../../src/embedding/index.js";
import type { LocalEngine } from "../../src/engine/local-engine.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";
import { loadTestEngine, plumbingModel } from "../support/default-model.js";

const embeddingModelName = "embeddinggemma-300m";
const config = await loadConfig();
const installed = await modelStoreFromConfig(config).installed(embeddingModelName);
if (installed?.present !== true) {
  console.warn(
    `Skipping the embedding model tests: ${embeddingModelName} is not installed in ${config.home}. Run: colibri pull ${embeddingModelName}`,
  );
}

interface Pair {
  a: string;
  b: string;
  same: boolean;
  language: string;
}
const pairs = (await readFile(new URL("../support/embedding-pairs.jsonl", import.meta.url), "utf8"))
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Pair);

describe.skipIf(installed?.present !== true)(
  "EmbeddingGemma through the engine's embedding path",
  () => {
    let engine: LocalEngine;
    let embedder: TextEmbedder;
    beforeAll(async () => {
      engine = await loadTestEngine(await plumbingModel(), {
        embeddingModel: { path: installed?.path ?? "", name: embeddingModelName },
      });
      embedder = createTextEmbedder(engine);
    });
    afterAll(async () => {
      await engine.close();
    });

    it("loads the converted model as gemma-embedding and gives 768-dimensional unit vectors", async () => {
      expect(engine.localEmbeddingModel).toEqual({
        name: embeddingModelName,
        architecture: "gemma-embedding",
      });
      const [vector] = await embedder.embedTexts(["¿A qué hora abre la farmacia?"], {
        kind: "query",
      });
      expect(vector?.length).toBe(768);
      expect(Math.hypot(...(vector ?? []))).toBeCloseTo(1, 4);
    });

    it("puts a paraphrase closer than a different question on the same topic, in Spanish and Portuguese", async () => {
      const dot = (left: Float32Array, right: Float32Array) =>
        left.reduce((sum, value, index) => sum + value * (right[index] ?? 0), 0);
      // The first anchor of each language, with its paraphrase and its different question.
      for (const language of ["es", "pt"]) {
        const paraphrase = pairs.find((pair) => pair.language === language && pair.same);
        const other = pairs.find((pair) => pair.a === paraphrase?.a && !pair.same);
        if (paraphrase === undefined || other === undefined)
          throw new Error(`no ${language} pairs`);
        const [anchor, same, different] = await embedder.embedTexts(
          [paraphrase.a, paraphrase.b, other.b],
          { kind: "query" },
        );
        if (anchor === undefined || same === undefined || different === undefined) {
          throw new Error("missing vectors");
        }
        expect(dot(anchor, same), language).toBeGreaterThan(dot(anchor, different) + 0.05);
      }
    });

    it("finds the passage that answers a query among documents on the same topic", async () => {
      const documents = [
        "La farmacia abre de lunes a sábado de 8 a 20 horas y los domingos de 9 a 13.",
        "La farmacia entrega pedidos a domicilio en toda la ciudad sin costo adicional.",
        "Para comprar antibióticos en la farmacia se necesita receta médica.",
      ];
      const [query] = await embedder.embedTexts(["¿La farmacia abre los domingos?"], {
        kind: "query",
      });
      const passages = await embedder.embedTexts(documents, { kind: "document" });
      const scores = passages.map((passage) =>
        passage.reduce((sum, value, index) => sum + value * (query?.[index] ?? 0), 0),
      );
      expect(scores.indexOf(Math.max(...scores))).toBe(0);
    });

    it("answers embedding requests (what POST /v1/embeddings calls) with unit vectors of the embedding model", async () => {
      const result = await engine.embed(["hola", "olá"]);
      expect(result.embeddings).toHaveLength(2);
      expect(result.embeddings[0]).toHaveLength(768);
      // Unit length, as OpenAI's clients expect (llama.cpp's pooled vector is in the hundreds).
      expect(Math.hypot(...(result.embeddings[1] ?? []))).toBeCloseTo(1, 5);
      expect(result.promptTokens).toBeGreaterThan(0);
    });
  },
);
