import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KnowledgeBase, Store, TenantKnowledge } from "../../src/core/records/index.js";
import type { EmbedTextsOptions, TextEmbedder } from "../../src/embedding/index.js";
import {
  ingestDocument,
  searchKnowledge,
  type IngestProgress,
} from "../../src/knowledge/knowledge-base.js";
import { openStore } from "../../src/store/index.js";
import { makePdf } from "../support/knowledge-documents.js";

const guide = `# Guía de la farmacia

## Dosis

Las canciones no curan. El paracetamol se toma cada ocho horas y no se superan cuatro gramos al día.

## Horario

La farmacia abre de lunes a sábado, de nueve a veinte horas.
`;

let home: string;
let store: Store;
let knowledge: TenantKnowledge;
let base: KnowledgeBase;
let clock = 0;
const now = () => ++clock;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-ingest-"));
  store = await openStore({ url: "sqlite:colibri.db", home });
  const tenant = await store.tenants.ensure("acme", 0);
  knowledge = store.knowledge.forTenant(tenant.id);
  base = await knowledge.createBase({ id: "vs_1", name: "farmacia", createdAt: 0, metadata: null });
});
afterEach(async () => {
  await store.close();
  await rm(home, { recursive: true, force: true });
});

const search = async (question: string) =>
  searchKnowledge(knowledge, [(await knowledge.getBase(base.id)) ?? base], question, 5);

describe("ingestDocument", () => {
  it("indexes a document's chunks with Spanish analysis, and cites heading and page", async () => {
    const outcome = await ingestDocument(
      knowledge,
      base,
      { id: "doc-1", name: "guia.md", bytes: Buffer.from(guide) },
      now,
    );
    expect(outcome).toEqual({ status: "completed", chunks: 2, pages: null });
    expect((await knowledge.getBase(base.id))?.language).toBe("es");
    // "canción" meets "canciones", "horario" is in a heading, accents folded.
    const [hit] = await search("¿Cuántos gramos de paracetamol al dia? canción");
    expect(hit).toMatchObject({
      documentName: "guia.md",
      headingPath: ["Guía de la farmacia", "Dosis"],
    });
    expect(hit?.text).toContain("cuatro gramos");
    expect((await search("horario"))[0]?.headingPath).toEqual(["Guía de la farmacia", "Horario"]);

    const pdf = await makePdf([
      { heading: "Precios", paragraphs: ["El ibuprofeno cuesta cinco pesos."] },
      { heading: "Entregas", paragraphs: ["Entregamos a domicilio los martes."] },
    ]);
    await ingestDocument(knowledge, base, { id: "doc-2", name: "precios.pdf", bytes: pdf }, now);
    expect(await search("¿Qué día entregan a domicilio?")).toMatchObject([
      { documentName: "precios.pdf", headingPath: ["Entregas"], page: 2 },
    ]);
  });

  it("is a no-op for the same bytes and replaces the chunks of a changed file", async () => {
    const add = (text: string) =>
      ingestDocument(
        knowledge,
        base,
        { id: "doc-1", name: "guia.md", bytes: Buffer.from(text) },
        now,
      );
    await add(guide);
    const again = await add(guide);
    expect(again.status).toBe("unchanged");
    await add("# Nueva\n\nSolo ibuprofeno.");
    expect(await search("paracetamol")).toEqual([]);
    expect((await search("ibuprofeno")).map((hit) => hit.text)).toEqual(["Solo ibuprofeno."]);
    expect(await knowledge.listDocuments(base.id)).toMatchObject([
      { id: "doc-1", status: "completed", chunkCount: 1 },
    ]);
  });

  it("marks a file it cannot read as failed with the reason, and keeps the version before", async () => {
    await ingestDocument(
      knowledge,
      base,
      { id: "doc-1", name: "guia.md", bytes: Buffer.from(guide) },
      now,
    );
    const outcome = await ingestDocument(
      knowledge,
      base,
      { id: "doc-1", name: "guia.md", bytes: Buffer.from([0x63, 0xe1]) },
      now,
    );
    expect(outcome).toEqual({
      status: "failed",
      error: "guia.md: not UTF-8 text; save it as UTF-8 and add it again.",
    });
    expect(await knowledge.getDocument(base.id, "doc-1")).toMatchObject({
      status: "failed",
      error: outcome.status === "failed" ? outcome.error : "",
    });
    expect(await search("paracetamol")).toHaveLength(1);
  });
});

/**
 * A stand-in sentence embedder: a text about pain or its remedies points one way, anything else
 * the other. It records what it was asked, to check prompts' kinds.
 */
function topicEmbedder(): TextEmbedder & { calls: [string[], EmbedTextsOptions["kind"]][] } {
  const calls: [string[], EmbedTextsOptions["kind"]][] = [];
  return {
    model: "topic",
    calls,
    embedTexts(texts, options) {
      calls.push([[...texts], options.kind]);
      return Promise.resolve(
        texts.map((text) =>
          /dolor|paracetamol/i.test(text) ? Float32Array.from([1, 0]) : Float32Array.from([0, 1]),
        ),
      );
    },
  };
}

describe("hybrid retrieval", () => {
  const leaflet = `# Guía

## Dosis

El paracetamol se toma en la farmacia con agua.

## Horario

La farmacia abre de nueve a veinte horas, también los feriados.
`;

  it("embeds chunks as documents and the question as a query, and fuses both rankings", async () => {
    const embedder = topicEmbedder();
    await ingestDocument(
      knowledge,
      base,
      { id: "doc-1", name: "guia.md", bytes: Buffer.from(leaflet) },
      now,
      embedder,
    );
    expect(embedder.calls).toEqual([
      [
        [
          "Guía\nDosis\nEl paracetamol se toma en la farmacia con agua.",
          "Guía\nHorario\nLa farmacia abre de nueve a veinte horas, también los feriados.",
        ],
        "document",
      ],
    ]);
    expect(await knowledge.embeddedChunks(base.id)).toEqual({ chunks: 2, embedded: 2 });
    const current = (await knowledge.getBase(base.id)) ?? base;
    // BM25 alone: "farmacia" is in both, the shorter Dosis chunk first; "dolor" matches nothing.
    const question = "¿Qué da la farmacia para el dolor?";
    const lexical = await searchKnowledge(knowledge, [current], question, 5);
    expect(lexical.map((hit) => hit.headingPath[1])).toEqual(["Dosis", "Horario"]);
    expect(lexical[0]?.signals).toBeUndefined();

    const hybrid = await searchKnowledge(knowledge, [current], question, 5, embedder);
    expect(embedder.calls.at(-1)).toEqual([[question], "query"]);
    expect(hybrid.map((hit) => hit.headingPath[1])).toEqual(["Dosis", "Horario"]);
    // First in both rankings: the best fused score there is.
    expect(hybrid[0]?.score).toBeCloseTo(1, 12);
    expect(hybrid[0]?.signals?.similarity).toBeCloseTo(1, 6);
    expect(hybrid[0]?.signals?.bm25).toBe(lexical[0]?.score);
    expect(hybrid[1]?.score).toBeCloseTo(2 / 62 / (2 / 61), 12);

    // A question BM25 cannot place at all: the vectors find the passage alone.
    const dense = await searchKnowledge(knowledge, [current], "dolor de muelas", 1, embedder);
    expect(dense).toMatchObject([{ headingPath: ["Guía", "Dosis"], signals: { bm25: null } }]);
    expect(await searchKnowledge(knowledge, [current], "dolor de muelas", 1)).toEqual([]);
  });

  it("embeds each sentence of a chunk with more than one, under its headings, after the chunk", async () => {
    const embedder = topicEmbedder();
    await ingestDocument(
      knowledge,
      base,
      {
        id: "doc-1",
        name: "guia.md",
        bytes: Buffer.from("# Horario\n\nAbrimos a las nueve. Cerramos a las veinte."),
      },
      now,
      embedder,
    );
    expect(embedder.calls).toEqual([
      [
        [
          "Horario\nAbrimos a las nueve. Cerramos a las veinte.",
          "Horario\nAbrimos a las nueve.",
          "Horario\nCerramos a las veinte.",
        ],
        "document",
      ],
    ]);
    expect(await knowledge.embeddedChunks(base.id)).toEqual({ chunks: 1, embedded: 1 });
  });

  it("embeds a long document a few texts per call, so other requests get the model in between, and says how far it is", async () => {
    const embedder = topicEmbedder();
    const sections = Array.from(
      { length: 20 },
      (_, index) => `## Sección ${index}\n\nEl paracetamol ${index} se toma con agua.`,
    );
    const progress: IngestProgress[] = [];
    const outcome = await ingestDocument(
      knowledge,
      base,
      { id: "doc-1", name: "guia.md", bytes: Buffer.from(`# Guía\n\n${sections.join("\n\n")}`) },
      now,
      embedder,
      (step) => progress.push(step),
    );
    expect(outcome).toMatchObject({ status: "completed", chunks: 20 });
    expect(embedder.calls.map(([texts]) => texts.length)).toEqual([16, 4]);
    expect(progress).toEqual([
      { stage: "embedding", done: 16, total: 20 },
      { stage: "embedding", done: 20, total: 20 },
    ]);
    expect(await knowledge.embeddedChunks(base.id)).toEqual({ chunks: 20, embedded: 20 });
    // A PDF says so page by page as it is read.
    const pages: IngestProgress[] = [];
    const pdf = await makePdf([
      { heading: "Uno", paragraphs: ["El paracetamol se toma con agua."] },
      { heading: "Dos", paragraphs: ["El ibuprofeno también."] },
    ]);
    await ingestDocument(
      knowledge,
      base,
      { id: "doc-2", name: "guia.pdf", bytes: pdf },
      now,
      undefined,
      (step) => pages.push(step),
    );
    expect(pages).toEqual([
      { stage: "reading", done: 1, total: 2 },
      { stage: "reading", done: 2, total: 2 },
    ]);
  });

  it("replaces a changed file's vectors with its chunks, and keeps BM25 for a file added without a model", async () => {
    const embedder = topicEmbedder();
    const add = (text: string, model?: TextEmbedder) =>
      ingestDocument(
        knowledge,
        base,
        { id: "doc-1", name: "guia.md", bytes: Buffer.from(text) },
        now,
        model,
      );
    await add(leaflet, embedder);
    await add("# Nueva\n\nSolo ibuprofeno para el dolor.", embedder);
    expect(await knowledge.embeddedChunks(base.id)).toEqual({ chunks: 1, embedded: 1 });
    const current = (await knowledge.getBase(base.id)) ?? base;
    const hits = await searchKnowledge(knowledge, [current], "dolor", 5, embedder);
    expect(hits.map((hit) => hit.text)).toEqual(["Solo ibuprofeno para el dolor."]);
    await add("# Otra\n\nSolo aspirina.");
    expect(await knowledge.embeddedChunks(base.id)).toEqual({ chunks: 1, embedded: 0 });
    expect(
      (await searchKnowledge(knowledge, [current], "aspirina", 5, embedder)).map((hit) => hit.text),
    ).toEqual(["Solo aspirina."]);
  });
});
