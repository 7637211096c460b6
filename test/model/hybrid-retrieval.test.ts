import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbedder } from "../../src/cli/start-embedder.js";
import { loadConfig } from "../../src/config/load.js";
import type { LocalEngine } from "../../src/engine/local-engine.js";
import { reindexBase } from "../../src/knowledge/reindex.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";
import { loadTestEngine, plumbingModel } from "../support/default-model.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";
import { storeWithDocument } from "../support/vector-store.js";

/**
 * Hybrid retrieval with the real EmbeddingGemma through the vector stores API: the gateway's
 * engine has the embedding model beside the chat model, so an attached file's passages get
 * vectors and search fuses them with BM25. A question that shares no term with its passage is
 * found by the vectors. Skipped when the model is not installed.
 */
const embeddingModelName = "embeddinggemma-300m";
const config = await loadConfig();
const installed = await modelStoreFromConfig(config).installed(embeddingModelName);
if (installed?.present !== true) {
  console.warn(
    `Skipping the hybrid retrieval tests: ${embeddingModelName} is not installed in ${config.home}. Run: colibri pull ${embeddingModelName}`,
  );
}

const protocol = `# Protocolo de la Clínica San Rafael

## Horario de atención

La clínica atiende de lunes a viernes de 7:30 a 19:00 y los sábados de 8:00 a 13:00.

## Vacuna contra la influenza

La vacuna contra la influenza se aplica gratis a mayores de 60 años y a embarazadas. Se debe traer el carnet de vacunación.

## Resultados de laboratorio

Los resultados de laboratorio se entregan en 48 horas hábiles, en la ventanilla 3.
`;

describe.skipIf(installed?.present !== true)("hybrid retrieval with EmbeddingGemma", () => {
  let engine: LocalEngine;
  let gateway: TestGateway<LocalEngine>;
  let client: OpenAI;
  let storeId = "";

  beforeAll(async () => {
    engine = await loadTestEngine(await plumbingModel(), {
      embeddingModel: { path: installed?.path ?? "", name: embeddingModelName },
    });
    gateway = await startTestGateway({ backend: engine });
    client = new OpenAI({
      baseURL: `${await gateway.server.listen()}/v1`,
      apiKey: "local",
      maxRetries: 0,
    });
    storeId = (
      await storeWithDocument(client, "clinica", { filename: "protocolo.md", text: protocol })
    ).store.id;
  });
  afterAll(async () => {
    await gateway.close();
    await engine.close();
  });

  it("embeds the passages when the file is read", async () => {
    const [tenant] = await gateway.store.tenants.list();
    const counts = await gateway.store.knowledge
      .forTenant(tenant?.id ?? "")
      .embeddedChunks(storeId);
    expect(counts.chunks).toBeGreaterThanOrEqual(3);
    expect(counts.embedded).toBe(counts.chunks);
  });

  it("finds by meaning a passage that shares no word with the question, scored in (0, 1]", async () => {
    // "análisis de sangre" and "retirar" are nowhere in the document: BM25 alone finds nothing.
    const page = await client.vectorStores.search(storeId, {
      query: "¿Cuándo puedo retirar mis análisis de sangre?",
      max_num_results: 3,
    });
    expect(page.data[0]?.attributes?.["heading"]).toMatch(/Resultados de laboratorio/u);
    expect(page.data[0]?.score).toBeGreaterThan(0);
    expect(page.data[0]?.score).toBeLessThanOrEqual(1);
  });

  it("searches by text alone a store another model embedded, and by meaning again once reindexed", async () => {
    const [tenant] = await gateway.store.tenants.list();
    const knowledge = gateway.store.knowledge.forTenant(tenant?.id ?? "");
    const embedded = await knowledge.getBase(storeId);
    expect(embedded?.embeddingModel).toEqual({ name: embeddingModelName, dimensions: 768 });
    // As if the store had been embedded by another model before engine.embeddingModel changed.
    await knowledge.recordEmbeddingModel(storeId, { name: "otro-modelo", dimensions: 768 });
    const query = "¿Cuándo puedo retirar mis análisis de sangre?";
    const { data: page, response } = await client.vectorStores
      .search(storeId, { query, max_num_results: 3 })
      .withResponse();
    expect(page.data).toEqual([]);
    expect(response.headers.get("x-colibri-warning")).toMatch(/embedded with otro-modelo/u);

    const embedder = await startEmbedder(config, { stderr: { write: () => true } } as never, {
      name: embeddingModelName,
    });
    try {
      const stale = (await knowledge.getBase(storeId)) ?? embedded;
      if (embedder === undefined || stale === undefined) throw new Error("no embedder or base");
      const outcome = await reindexBase(knowledge, stale, embedder);
      expect(outcome.chunks).toBeGreaterThanOrEqual(3);
    } finally {
      await embedder?.close();
    }
    expect((await knowledge.getBase(storeId))?.embeddingModel).toEqual({
      name: embeddingModelName,
      dimensions: 768,
    });
    const again = await client.vectorStores
      .search(storeId, { query, max_num_results: 3 })
      .withResponse();
    expect(again.response.headers.get("x-colibri-warning")).toBeNull();
    expect(again.data.data[0]?.attributes?.["heading"]).toMatch(/Resultados de laboratorio/u);
  });
});

describe.skipIf(installed?.present !== true)("kb's own embedder (the model alone)", () => {
  it("embeds a text longer than its context by its start, instead of failing", async () => {
    const stderr: string[] = [];
    const embedder = await startEmbedder(
      config,
      { stderr: { write: (text: string) => stderr.push(text) } } as never,
      { name: embeddingModelName },
    );
    try {
      const long = "La clínica atiende de lunes a viernes por la mañana. ".repeat(120);
      const [vector] = (await embedder?.embedTexts([long], { kind: "document" })) ?? [];
      expect(vector).toHaveLength(768);
      expect(Math.hypot(...(vector ?? []))).toBeCloseTo(1, 4);
    } finally {
      await embedder?.close();
    }
  });
});
