import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "../../src/store/index.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { openAIClientFor, startTestGateway, type TestGateway } from "../support/test-gateway.js";
import { storeWithDocument } from "../support/vector-store.js";

/**
 * The dashboard's knowledge-base API (admin key only) and hybrid retrieval wired through the
 * server: a backend with a separate sentence-embedding model makes vector stores embed their
 * chunks and search hybrid; without one, BM25.
 */
const adminKey = "admin-key-0123456789abcdef";
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

/** A scripted backend with a "sentence-embedding model": pain and its remedies one way, the rest another. */
class EmbeddingBackend extends ScriptedBackend {
  readonly localEmbeddingModel = { name: "topic-embedder", architecture: undefined };
  override embeddingOf = (text: string) => (/dolor|paracetamol/i.test(text) ? [1, 0] : [0, 1]);
}

const guide = `# Guía de la farmacia

## Dosis

El paracetamol se toma con agua en la farmacia.

## Horario

La farmacia abre de nueve a veinte, también los feriados.
`;

async function start(backend?: ScriptedBackend) {
  const gateway = await startTestGateway({
    config: {
      server: { auth: true, adminKey },
      copilots: [{ name: "farmacia", knowledgeBases: ["farmacia"] }],
    },
    ...(backend === undefined ? {} : { backend }),
  });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const client = await openAIClientFor(gateway, address, "clinica");
  const { store, file } = await storeWithDocument(client, "farmacia", {
    filename: "guia.md",
    text: guide,
  });
  const call = (method: string, path: string, key: string, body?: unknown) =>
    fetch(`${address}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const tenantKey = (await gateway.administration.createKey({ tenant: "clinica" })).key;
  return { client, store, file, call, tenantKey };
}

describe("the knowledge-base admin API", () => {
  it("lists each tenant's bases and documents, and answers a test question with scored passages", async () => {
    const { store, file, call } = await start();
    const overview = await call("GET", "/admin/knowledge", adminKey);
    expect(overview.status).toBe(200);
    expect(await overview.json()).toMatchObject({
      retrieval: "bm25",
      embedding_model: null,
      tenants: [
        {
          tenant: "clinica",
          knowledge_bases: [
            {
              id: store.id,
              name: "farmacia",
              language: "es",
              chunks: 2,
              embedded: 0,
              documents: [{ id: file.id, name: "guia.md", status: "completed", chunks: 2 }],
            },
          ],
        },
      ],
    });
    const search = await call("POST", "/admin/knowledge/search", adminKey, {
      tenant: "clinica",
      knowledge_base: "farmacia",
      question: "¿A qué hora abre la farmacia?",
    });
    expect(search.status).toBe(200);
    const found = (await search.json()) as {
      retrieval: string;
      passages: { heading: string[]; score: number; bm25: number; similarity: null }[];
    };
    expect(found.retrieval).toBe("bm25");
    expect(found.passages[0]).toMatchObject({
      heading: ["Guía de la farmacia", "Horario"],
      similarity: null,
    });
    expect(found.passages[0]?.score).toBeGreaterThan(found.passages[1]?.score ?? Infinity);
    expect(found.passages[0]?.bm25).toBe(found.passages[0]?.score);
  });

  it("is the admin's only, and says what is wrong with a question it cannot run", async () => {
    const { call, tenantKey } = await start();
    expect((await call("GET", "/admin/knowledge", tenantKey)).status).toBe(403);
    const asTenant = await call("POST", "/admin/knowledge/search", tenantKey, {
      tenant: "clinica",
      knowledge_base: "farmacia",
      question: "horario",
    });
    expect(asTenant.status).toBe(403);
    const unknownBase = await call("POST", "/admin/knowledge/search", adminKey, {
      tenant: "clinica",
      knowledge_base: "recetas",
      question: "horario",
    });
    expect(unknownBase.status).toBe(404);
    expect(await unknownBase.json()).toMatchObject({
      error: { code: "knowledge_base_not_found", param: "knowledge_base" },
    });
    const unknownTenant = await call("POST", "/admin/knowledge/search", adminKey, {
      tenant: "nadie",
      knowledge_base: "farmacia",
      question: "horario",
    });
    expect(unknownTenant.status).toBe(404);
    const blank = await call("POST", "/admin/knowledge/search", adminKey, {
      tenant: "clinica",
      knowledge_base: "farmacia",
    });
    expect(blank.status).toBe(400);
    expect(((await blank.json()) as { error: { message: string } }).error.message).toMatch(
      /question/,
    );
  });

  it("embeds a vector store's chunks with the backend's sentence-embedding model and searches hybrid", async () => {
    const { client, store, call } = await start(new EmbeddingBackend());
    const overview = (await (await call("GET", "/admin/knowledge", adminKey)).json()) as {
      retrieval: string;
      embedding_model: string;
      tenants: { knowledge_bases: { embedded: number }[] }[];
    };
    expect(overview).toMatchObject({ retrieval: "hybrid", embedding_model: "topic-embedder" });
    expect(overview.tenants[0]?.knowledge_bases[0]?.embedded).toBe(2);
    // No word of the question is in the Dosis passage; its vector finds it.
    const page = await client.vectorStores.search(store.id, { query: "dolor de muelas" });
    // (Nearest vectors always answer k passages: the other comes after, with BM25 nothing.)
    expect(page.data.map((result) => result.attributes?.["heading"])).toEqual([
      "Guía de la farmacia › Dosis",
      "Guía de la farmacia › Horario",
    ]);
    expect(page.data[0]?.score).toBeGreaterThan(0);
    expect(page.data[0]?.score).toBeLessThanOrEqual(1);
    const search = await call("POST", "/admin/knowledge/search", adminKey, {
      tenant: "clinica",
      knowledge_base: store.id,
      question: "dolor de muelas",
    });
    expect(await search.json()).toMatchObject({
      retrieval: "hybrid",
      passages: [
        { heading: ["Guía de la farmacia", "Dosis"], bm25: null, similarity: 1 },
        { heading: ["Guía de la farmacia", "Horario"], bm25: null, similarity: 0 },
      ],
    });
  });

  it("searches a base another embedding model made by full text only, and says so to the caller and the dashboard", async () => {
    const backend = new EmbeddingBackend();
    const { client, store, call } = await start(backend);
    // As if engine.embeddingModel had been another model when the base was embedded.
    const gateway = gateways.at(-1);
    const tenantId = (await gateway?.store.tenants.list())?.find(
      (entry) => entry.name === "clinica",
    )?.id;
    await gateway?.store.knowledge
      .forTenant(tenantId ?? "")
      .recordEmbeddingModel(store.id, { name: "otro-modelo", dimensions: 2 });

    const { data: page, response } = await client.vectorStores
      .search(store.id, { query: "dolor de muelas" })
      .withResponse();
    // Only the vectors could find "dolor de muelas": by full text nothing is found.
    expect(page.data).toEqual([]);
    expect(response.headers.get("x-colibri-warning")).toBe(
      `${store.id} embedded with otro-modelo, not topic-embedder: full-text only until colibri kb reindex`,
    );
    const found = await client.vectorStores.search(store.id, { query: "horario farmacia" });
    expect(found.data[0]?.attributes?.["heading"]).toBe("Guía de la farmacia › Horario");
    // file_search in the Responses API says so too.
    const { response: answered } = await client.responses
      .create({
        model: "local",
        input: "¿A qué hora abre la farmacia?",
        tools: [{ type: "file_search", vector_store_ids: [store.id] }],
      })
      .withResponse();
    expect(answered.headers.get("x-colibri-warning")).toContain(
      `${store.id} embedded with otro-modelo`,
    );
    // So does a copilot over that base, answered whole or streamed, through either API.
    const question = [{ role: "user" as const, content: "¿A qué hora abre la farmacia?" }];
    const copilotAnswers = [
      await client.chat.completions
        .create({ model: "copilot:farmacia", messages: question })
        .withResponse(),
      await client.chat.completions
        .create({ model: "copilot:farmacia", messages: question, stream: true })
        .withResponse(),
      await client.responses.create({ model: "copilot:farmacia", input: question }).withResponse(),
    ];
    for (const { response: copilot } of copilotAnswers) {
      expect(copilot.status).toBe(200);
      expect(copilot.headers.get("x-colibri-warning")).toContain(
        `${store.id} embedded with otro-modelo`,
      );
    }

    const overview = (await (await call("GET", "/admin/knowledge", adminKey)).json()) as {
      tenants: { knowledge_bases: { vectors_model: string; embedding_warning: string }[] }[];
    };
    expect(overview.tenants[0]?.knowledge_bases[0]).toMatchObject({
      vectors_model: "otro-modelo",
      embedding_warning: expect.stringMatching(
        /^Knowledge base "farmacia" \(vs_\w+\) was embedded with "otro-modelo" \(2 dimensions\), not with the configured embedding model "topic-embedder"/,
      ) as unknown,
    });
    const search = await call("POST", "/admin/knowledge/search", adminKey, {
      tenant: "clinica",
      knowledge_base: store.id,
      question: "dolor de muelas",
    });
    expect(await search.json()).toMatchObject({
      retrieval: "bm25",
      embedding_warning: expect.stringContaining("colibri kb reindex farmacia") as unknown,
      passages: [],
    });
  });
});

describe("documents a stopped process left in_progress", () => {
  it("are read again when they came through the Files API, and marked failed otherwise", async () => {
    const home = await mkdtemp(join(tmpdir(), "colibri-interrupted-"));
    const database = `sqlite:${join(home, "colibri.db")}`;
    try {
      const store = await openStore({ url: database, home });
      const tenant = await store.tenants.ensure("clinica", 0);
      await store.files.insert(
        {
          id: "file-guia",
          tenantId: tenant.id,
          purpose: "assistants",
          filename: "guia.md",
          bytes: guide.length,
          createdAt: 0,
        },
        guide,
      );
      const knowledge = store.knowledge.forTenant(tenant.id);
      await knowledge.createBase({ id: "vs_1", name: "farmacia", createdAt: 0, metadata: null });
      for (const [id, name] of [
        ["file-guia", "guia.md"],
        ["doc-cli", "precios.csv"],
      ] as const) {
        await knowledge.beginDocument({ id, baseId: "vs_1", name, bytes: 10, now: 1 });
      }
      await store.close();

      const gateway = await startTestGateway({
        config: { database, home, server: { auth: true, adminKey } },
      });
      gateways.push(gateway);
      await gateway.server.listen();
      const documents = () => gateway.store.knowledge.forTenant(tenant.id).listDocuments("vs_1");
      await expect
        .poll(async () => (await documents()).map((document) => [document.id, document.status]))
        .toEqual(
          expect.arrayContaining([
            ["file-guia", "completed"],
            ["doc-cli", "failed"],
          ]),
        );
      const cli = (await documents()).find((document) => document.id === "doc-cli");
      expect(cli?.error).toMatch(/interrupted .* add it again/);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});
