import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KnowledgeBase, Store, TenantKnowledge } from "../../src/core/records/index.js";
import type { TextEmbedder } from "../../src/embedding/index.js";
import {
  embeddingMismatchMessage,
  embeddingModelMismatch,
} from "../../src/knowledge/embedding-model-check.js";
import { ingestDocument, searchKnowledge } from "../../src/knowledge/knowledge-base.js";
import { reindexBase } from "../../src/knowledge/reindex.js";
import { openStore } from "../../src/store/index.js";

/** Knowledge bases record the embedding model of their vectors; another model is not compared. */
let home: string;
let store: Store;
let knowledge: TenantKnowledge;
let clock = 0;
const now = () => ++clock;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-reindex-"));
  store = await openStore({ url: "sqlite:colibri.db", home });
  knowledge = store.knowledge.forTenant((await store.tenants.ensure("acme", 0)).id);
  await knowledge.createBase({ id: "vs_1", name: "farmacia", createdAt: 0, metadata: null });
});
afterEach(async () => {
  await store.close();
  await rm(home, { recursive: true, force: true });
});

/** A stand-in model: texts about pain point one way, others the other, in `dimensions`. */
function model(name: string, dimensions = 2): TextEmbedder & { queries: string[] } {
  const queries: string[] = [];
  return {
    model: name,
    queries,
    embedTexts(texts, options) {
      if (options.kind === "query") queries.push(...texts);
      return Promise.resolve(
        texts.map((text) => {
          const vector = new Float32Array(dimensions);
          vector[/dolor|paracetamol/i.test(text) ? 0 : 1] = 1;
          return vector;
        }),
      );
    },
  };
}

const base = async (): Promise<KnowledgeBase> => {
  const found = await knowledge.getBase("vs_1");
  if (found === undefined) throw new Error("no base");
  return found;
};
const add = async (id: string, text: string, embedder: TextEmbedder) =>
  ingestDocument(
    knowledge,
    await base(),
    { id, name: `${id}.md`, bytes: Buffer.from(text) },
    now,
    embedder,
  );

describe("the embedding model of a knowledge base", () => {
  it("is recorded by the first vectors, and another model's question is not compared with them until reindex", async () => {
    const first = model("modelo-a");
    await add("guia", "# Dosis\n\nEl paracetamol se toma con agua.", first);
    expect((await base()).embeddingModel).toEqual({ name: "modelo-a", dimensions: 2 });

    const second = model("modelo-b");
    const mismatch = embeddingModelMismatch(await base(), second.model);
    expect(mismatch).toMatchObject({
      recorded: { name: "modelo-a" },
      configured: "modelo-b",
    });
    expect(embeddingMismatchMessage(mismatch ?? never())).toBe(
      'Knowledge base "farmacia" (vs_1) was embedded with "modelo-a" (2 dimensions), not with the configured embedding model "modelo-b": its vectors cannot be compared with the question\'s, so it is searched by full text only. Rebuild its vectors with: colibri kb reindex farmacia',
    );
    // Full text only: the question is not embedded, and the hits carry no vector signal.
    const hits = await searchKnowledge(knowledge, [await base()], "paracetamol", 5, second);
    expect(hits.map((hit) => hit.text)).toEqual(["El paracetamol se toma con agua."]);
    expect(hits[0]?.signals).toBeUndefined();
    expect(second.queries).toEqual([]);
    // "dolor" is only in the vectors' reach: nothing is found by text.
    expect(await searchKnowledge(knowledge, [await base()], "dolor", 5, second)).toEqual([]);

    // A document added meanwhile is stored without vectors, and says why.
    const added = await add("horario", "# Horario\n\nAbrimos a las nueve.", second);
    expect(added).toMatchObject({ status: "completed", chunks: 1 });
    expect(added.status === "completed" ? added.warning : "").toMatch(
      /^Knowledge base "farmacia" \(vs_1\) was embedded with "modelo-a"/,
    );
    expect(await knowledge.embeddedChunks("vs_1")).toEqual({ chunks: 2, embedded: 1 });

    const progress: [number, number][] = [];
    const outcome = await reindexBase(knowledge, await base(), second, (done, total) =>
      progress.push([done, total]),
    );
    expect(outcome).toEqual({ documents: 2, chunks: 2, texts: 2 });
    expect(progress.at(-1)).toEqual([2, 2]);
    expect((await base()).embeddingModel).toEqual({ name: "modelo-b", dimensions: 2 });
    expect(await knowledge.embeddedChunks("vs_1")).toEqual({ chunks: 2, embedded: 2 });
    const hybrid = await searchKnowledge(knowledge, [await base()], "dolor", 5, second);
    expect(second.queries).toEqual(["dolor"]);
    expect(hybrid[0]).toMatchObject({
      text: "El paracetamol se toma con agua.",
      signals: { bm25: null, similarity: 1 },
    });
    expect(embeddingModelMismatch(await base(), second.model)).toBeUndefined();
  });

  it("refuses vectors of another length from a model of the same name", async () => {
    await add("guia", "# Dosis\n\nEl paracetamol se toma con agua.", model("modelo-a", 2));
    const wider = model("modelo-a", 4);
    const added = await add("horario", "# Horario\n\nAbrimos a las nueve.", wider);
    expect(added.status === "completed" ? added.warning : "").toMatch(/\(2 dimensions\)/);
    expect(await knowledge.embeddedChunks("vs_1")).toEqual({ chunks: 2, embedded: 1 });
    expect((await base()).embeddingModel).toEqual({ name: "modelo-a", dimensions: 2 });
  });

  it("is not recorded by a base without vectors, which any model then embeds", async () => {
    await ingestDocument(
      knowledge,
      await base(),
      { id: "guia", name: "guia.md", bytes: Buffer.from("# Dosis\n\nParacetamol con agua.") },
      now,
    );
    expect((await base()).embeddingModel).toBeNull();
    expect(embeddingModelMismatch(await base(), "modelo-b")).toBeUndefined();
    await add("horario", "# Horario\n\nAbrimos a las nueve.", model("modelo-b"));
    expect((await base()).embeddingModel).toEqual({ name: "modelo-b", dimensions: 2 });
  });
});

function never(): never {
  throw new Error("expected a mismatch");
}
