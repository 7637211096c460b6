import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KnowledgeBase, Store, TenantKnowledge } from "../../src/core/records/index.js";
import { ingestDocument, searchKnowledge } from "../../src/knowledge/knowledge-base.js";
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
