import Sqlite from "better-sqlite3";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import type { KnowledgeChunk, Store, Tenant } from "../../src/core/records/index.js";
import { openStore } from "../../src/store/index.js";
import { freshDatabases } from "../support/fresh-databases.js";

/*
 * Knowledge bases in the store, on both databases: each test gets a new SQLite file or a new
 * PostgreSQL schema (dropped in afterAll).
 */
const { home, backends, withPostgres, cleanUp } = await freshDatabases("kb");

afterAll(cleanUp);

const t0 = Date.UTC(2026, 0, 15, 12);

function chunk(ordinal: number, text: string, terms = text.toLowerCase()): KnowledgeChunk {
  return { ordinal, headingPath: ["Dosis"], text, page: ordinal + 1, terms };
}

describe.each(backends)("knowledge bases on $name", (backend) => {
  let store: Store;
  let acme: Tenant;
  let beta: Tenant;
  let url: string;

  beforeEach(async () => {
    url = backend.freshUrl();
    store = await openStore({ url, home });
    acme = await store.tenants.ensure("acme", t0);
    beta = await store.tenants.ensure("beta", t0);
  });
  afterEach(async () => {
    await store.close();
  });

  async function baseWith(tenant: Tenant, id: string, documentId: string, texts: string[]) {
    const kb = store.knowledge.forTenant(tenant.id);
    await kb.createBase({ id, name: "farmacia", createdAt: t0, metadata: null });
    await kb.beginDocument({ id: documentId, baseId: id, name: "guia.pdf", bytes: 10, now: t0 });
    await kb.replaceChunks(
      id,
      documentId,
      { sha256: "a".repeat(64), bytes: 10, now: t0 },
      texts.map((text, ordinal) => chunk(ordinal, text)),
    );
    return kb;
  }

  /** A base whose one passage holds a vector, as bases embedded before migration 0019 did. */
  async function embeddedBase(tenant: Tenant, id: string, text: string, vector: number[]) {
    const kb = store.knowledge.forTenant(tenant.id);
    await kb.createBase({ id, name: "farmacia", createdAt: t0, metadata: null });
    await kb.beginDocument({ id: "doc-1", baseId: id, name: "guia.pdf", bytes: 10, now: t0 });
    await kb.replaceChunks(id, "doc-1", { sha256: "a".repeat(64), bytes: 10, now: t0 }, [
      { ...chunk(0, text), vectors: [Float32Array.from(vector)] },
    ]);
  }

  it("finds a tenant's passages by their terms, best first, with what a citation needs", async () => {
    const kb = await baseWith(acme, "vs_a", "doc-1", [
      "paracetamol dosis adultos",
      "ibuprofeno dosis niños",
      "horario farmacia",
    ]);
    const hits = await kb.search(["vs_a"], ["paracetamol", "dosis"], 5);
    expect(hits.map((hit) => hit.ordinal)).toEqual([0, 1]);
    expect(hits[0]).toMatchObject({
      knowledgeBaseId: "vs_a",
      documentId: "doc-1",
      documentName: "guia.pdf",
      headingPath: ["Dosis"],
      page: 1,
      text: "paracetamol dosis adultos",
    });
    expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Infinity);
    expect(await kb.search(["vs_a"], ["aspirina"], 5)).toEqual([]);
    expect(await kb.getDocument("vs_a", "doc-1")).toMatchObject({
      status: "completed",
      chunkCount: 3,
      sha256: "a".repeat(64),
    });
  });

  it("never returns another tenant's chunks, even for identical text", async () => {
    const texts = ["paracetamol dosis adultos", "horario farmacia"];
    const acmeKb = await baseWith(acme, "vs_a", "doc-1", texts);
    const betaKb = await baseWith(beta, "vs_b", "doc-1", texts);
    const acmeHits = await acmeKb.search(["vs_a", "vs_b"], ["paracetamol"], 10);
    expect(acmeHits.map((hit) => hit.knowledgeBaseId)).toEqual(["vs_a"]);
    const betaHits = await betaKb.search(["vs_a", "vs_b"], ["paracetamol"], 10);
    expect(betaHits.map((hit) => hit.knowledgeBaseId)).toEqual(["vs_b"]);
    // Nor sees, lists, changes or deletes it.
    expect(await acmeKb.getBase("vs_b")).toBeUndefined();
    expect((await acmeKb.listBases({ limit: 10, order: "desc" })).map((b) => b.id)).toEqual([
      "vs_a",
    ]);
    expect(await acmeKb.updateBase("vs_b", { name: "x" })).toBeUndefined();
    expect(await acmeKb.deleteDocument("vs_b", "doc-1")).toBe(false);
    expect(await acmeKb.deleteBase("vs_b")).toBe(false);
    expect(await betaKb.search(["vs_b"], ["paracetamol"], 10)).toHaveLength(1);
  });

  it("ranks with the searched bases' own statistics: another tenant's documents change no score", async () => {
    const kb = await baseWith(acme, "vs_a", "doc-1", ["paracetamol dosis", "horario farmacia"]);
    const before = await kb.search(["vs_a"], ["paracetamol", "farmacia"], 5);
    expect(before.map((hit) => hit.score).every((score) => score > 0)).toBe(true);
    await baseWith(beta, "vs_b", "doc-1", ["paracetamol", "paracetamol uno", "paracetamol dos"]);
    expect(await kb.search(["vs_a"], ["paracetamol", "farmacia"], 5)).toEqual(before);
  });

  it("replaces a document's chunks in one step, and removes them with it", async () => {
    const kb = await baseWith(acme, "vs_a", "doc-1", ["paracetamol dosis", "horario"]);
    await kb.beginDocument({ id: "doc-1", baseId: "vs_a", name: "guia.pdf", bytes: 12, now: t0 });
    // Until the new version lands, the old chunks still answer.
    expect(await kb.search(["vs_a"], ["paracetamol"], 5)).toHaveLength(1);
    await kb.replaceChunks("vs_a", "doc-1", { sha256: "b".repeat(64), bytes: 12, now: t0 + 1 }, [
      chunk(0, "ibuprofeno dosis"),
    ]);
    expect(await kb.search(["vs_a"], ["paracetamol"], 5)).toEqual([]);
    expect((await kb.search(["vs_a"], ["ibuprofeno"], 5)).map((hit) => hit.text)).toEqual([
      "ibuprofeno dosis",
    ]);
    await kb.failDocument("vs_a", "doc-1", "broken", t0 + 2);
    expect(await kb.getDocument("vs_a", "doc-1")).toMatchObject({
      status: "failed",
      error: "broken",
      chunkCount: 1,
    });
    expect(await kb.deleteDocument("vs_a", "doc-1")).toBe(true);
    expect(await kb.search(["vs_a"], ["ibuprofeno"], 5)).toEqual([]);
    expect(await kb.listDocuments("vs_a")).toEqual([]);
  });

  it("finds the nearest sentence vectors of a tenant's own chunks, and replaces them with the document", async () => {
    const vector = (...values: number[]) => Float32Array.from(values);
    const withVectors = async (tenant: Tenant, id: string, vectors: Float32Array[]) => {
      const kb = await baseWith(tenant, id, "doc-1", []);
      await kb.replaceChunks(
        id,
        "doc-1",
        { sha256: "c".repeat(64), bytes: 10, now: t0 + 1 },
        vectors.map((vector, ordinal) => ({
          ...chunk(ordinal, `texto ${ordinal}`),
          vectors: [vector],
        })),
      );
      return kb;
    };
    const kb = await withVectors(acme, "vs_a", [
      vector(1, 0, 0),
      vector(0.6, 0.8, 0),
      vector(0, 0, 1),
    ]);
    // beta's chunk is the exact query vector: never a candidate for acme.
    const betaKb = await withVectors(beta, "vs_b", [vector(0.8, 0.6, 0)]);
    const hits = await kb.searchSimilar(["vs_a", "vs_b"], vector(0.8, 0.6, 0), 5);
    expect(hits.map((hit) => [hit.knowledgeBaseId, hit.ordinal])).toEqual([
      ["vs_a", 1],
      ["vs_a", 0],
      ["vs_a", 2],
    ]);
    expect(hits[0]).toMatchObject({ documentName: "guia.pdf", text: "texto 1", page: 2 });
    expect(hits[0]?.score).toBeCloseTo(0.96, 6);
    expect(hits[2]?.score).toBeCloseTo(0, 6);
    expect(await kb.searchSimilar(["vs_a"], vector(1, 0, 0), 1)).toMatchObject([{ ordinal: 0 }]);
    expect(await kb.embeddedChunks("vs_a")).toEqual({ chunks: 3, embedded: 3 });
    // A vector of another length (another model's) is no candidate.
    expect(await kb.searchSimilar(["vs_a"], vector(1, 0), 5)).toEqual([]);
    expect(await betaKb.searchSimilar(["vs_b"], vector(1, 0, 0), 5)).toHaveLength(1);

    // A chunk with several vectors (its own, its sentences') is as near as its nearest one.
    await kb.replaceChunks("vs_a", "doc-1", { sha256: "e".repeat(64), bytes: 9, now: t0 + 2 }, [
      { ...chunk(0, "uno"), vectors: [vector(1, 0, 0), vector(0, 0, 1)] },
      { ...chunk(1, "dos"), vectors: [vector(0.6, 0.8, 0)] },
    ]);
    const maxP = await kb.searchSimilar(["vs_a"], vector(0, 0, 1), 5);
    expect(maxP.map((hit) => [hit.ordinal, hit.score])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(await kb.embeddedChunks("vs_a")).toEqual({ chunks: 2, embedded: 2 });

    // A new version without vectors takes the old vectors with it.
    await kb.replaceChunks("vs_a", "doc-1", { sha256: "d".repeat(64), bytes: 9, now: t0 + 2 }, [
      chunk(0, "nuevo"),
    ]);
    expect(await kb.searchSimilar(["vs_a"], vector(1, 0, 0), 5)).toEqual([]);
    expect(await kb.embeddedChunks("vs_a")).toEqual({ chunks: 1, embedded: 0 });
  });

  it("keeps names unique per tenant, not across tenants", async () => {
    await baseWith(acme, "vs_a", "doc-1", ["uno"]);
    await baseWith(beta, "vs_b", "doc-1", ["uno"]);
    await expect(
      store.knowledge
        .forTenant(acme.id)
        .createBase({ id: "vs_c", name: "farmacia", createdAt: t0, metadata: null }),
    ).rejects.toMatchObject({ status: 409, code: "knowledge_base_exists" });
    expect(await store.knowledge.forTenant(acme.id).settleLanguage("vs_a", "pt")).toBe("pt");
    expect(await store.knowledge.forTenant(acme.id).settleLanguage("vs_a", "es")).toBe("pt");
  });

  it("a tenant's purge takes its knowledge bases and leaves the others'", async () => {
    await baseWith(acme, "vs_a", "doc-1", ["paracetamol"]);
    await baseWith(beta, "vs_b", "doc-1", ["paracetamol"]);
    const removed = await store.transaction((repositories) =>
      repositories.retention.purgeTenant(acme.id, { account: true }),
    );
    expect(removed).toMatchObject({
      knowledge_bases: 1,
      knowledge_documents: 1,
      knowledge_chunks: 1,
      tenants: 1,
    });
    const betaKb = store.knowledge.forTenant(beta.id);
    expect(await betaKb.search(["vs_b"], ["paracetamol"], 5)).toHaveLength(1);
  });

  it("records a base's embedding model once, reads a document's chunks back and replaces their vectors, per tenant", async () => {
    const kb = await baseWith(acme, "vs_a", "doc-1", ["paracetamol dosis", "horario"]);
    const model = { name: "modelo-a", dimensions: 2 };
    expect(await kb.settleEmbeddingModel("vs_a", model)).toEqual(model);
    expect(await kb.settleEmbeddingModel("vs_a", { name: "modelo-b", dimensions: 4 })).toEqual(
      model,
    );
    // Another tenant cannot record one on this base.
    await store.knowledge
      .forTenant(beta.id)
      .recordEmbeddingModel("vs_a", { name: "x", dimensions: 1 });
    expect((await kb.getBase("vs_a"))?.embeddingModel).toEqual(model);
    expect(await kb.documentChunks("vs_a", "doc-1")).toEqual([
      { ordinal: 0, headingPath: ["Dosis"], text: "paracetamol dosis", page: 1 },
      { ordinal: 1, headingPath: ["Dosis"], text: "horario", page: 2 },
    ]);
    expect(await store.knowledge.forTenant(beta.id).documentChunks("vs_a", "doc-1")).toEqual([]);
    await kb.replaceVectors("vs_a", "doc-1", [{ ordinal: 1, vectors: [Float32Array.of(0, 1)] }]);
    expect(await kb.embeddedChunks("vs_a")).toEqual({ chunks: 2, embedded: 1 });
    expect(
      (await kb.searchSimilar(["vs_a"], Float32Array.of(0, 1), 5)).map((hit) => hit.ordinal),
    ).toEqual([1]);
    await kb.recordEmbeddingModel("vs_a", { name: "modelo-b", dimensions: 4 });
    expect((await kb.getBase("vs_a"))?.embeddingModel).toEqual({ name: "modelo-b", dimensions: 4 });
  });

  it("marks a base that held vectors before their model was recorded (migration 0019) as unrecorded, tenant by tenant", async () => {
    await embeddedBase(acme, "vs_a", "paracetamol", [1, 0]);
    await baseWith(beta, "vs_b", "doc-1", ["paracetamol"]);
    await store.close();
    // Back to the schema before migration 0019, vectors and all, then open the store again.
    const undo = [
      "alter table knowledge_bases drop column embedding_model",
      "alter table knowledge_bases drop column embedding_dimensions",
      "delete from kysely_migration where name = '0019_knowledge_embedding_model'",
    ];
    if (backend.name === "sqlite") {
      const database = new Sqlite(url.slice("sqlite:".length));
      for (const statement of undo) database.exec(statement);
      database.close();
    } else {
      await withPostgres(async (client) => {
        await client.query(`set search_path = ${new URL(url).searchParams.get("schema") ?? ""}`);
        for (const statement of undo) await client.query(statement);
      });
    }
    store = await openStore({ url, home });
    const embedded = await store.knowledge.forTenant(acme.id).getBase("vs_a");
    expect(embedded?.embeddingModel).toEqual({ name: "(unrecorded)", dimensions: null });
    expect((await store.knowledge.forTenant(beta.id).getBase("vs_b"))?.embeddingModel).toBeNull();
  });

  it.runIf(backend.name === "postgres")(
    "migration 0019 marks every tenant's bases when the store's role, not a superuser, owns the tables",
    async () => {
      await embeddedBase(acme, "vs_a", "paracetamol", [1, 0]);
      await embeddedBase(beta, "vs_b", "ibuprofeno", [0, 1]);
      await store.knowledge
        .forTenant(beta.id)
        .createBase({ id: "vs_c", name: "recetas", createdAt: t0, metadata: null });
      await store.close();
      // Back to the schema before migration 0019; the tables then belong to a login role that is
      // no superuser, as in a production install: row-level security is forced on their owner,
      // so the migration sees a tenant's rows only with that tenant bound.
      const schema = new URL(url).searchParams.get("schema") ?? "";
      const role = `${schema}_owner`;
      await withPostgres(async (client) => {
        await client.query(`set search_path = ${schema}`);
        await client.query("alter table knowledge_bases drop column embedding_model");
        await client.query("alter table knowledge_bases drop column embedding_dimensions");
        await client.query(
          "delete from kysely_migration where name = '0019_knowledge_embedding_model'",
        );
        await client.query(`create role ${role} login`);
        await client.query(`grant usage, create on schema ${schema} to ${role}`);
        await client.query(`grant create on database ${client.database ?? "test"} to ${role}`);
        // A table's own sequences (its serial columns) follow it.
        const tables = await client.query<{ name: string }>(
          "select tablename as name from pg_tables where schemaname = $1",
          [schema],
        );
        for (const { name } of tables.rows) {
          await client.query(`alter table ${schema}.${name} owner to ${role}`);
        }
        const superuser = await client.query<{ rolsuper: boolean }>(
          "select rolsuper from pg_roles where rolname = $1",
          [role],
        );
        expect(superuser.rows[0]?.rolsuper).toBe(false);
      });
      const asOwner = new URL(url);
      asOwner.username = role;
      try {
        store = await openStore({ url: asOwner.toString(), home });
        const read = async (tenant: Tenant, id: string) =>
          (await store.knowledge.forTenant(tenant.id).getBase(id))?.embeddingModel;
        expect(await read(acme, "vs_a")).toEqual({ name: "(unrecorded)", dimensions: null });
        expect(await read(beta, "vs_b")).toEqual({ name: "(unrecorded)", dimensions: null });
        expect(await read(beta, "vs_c")).toBeNull();
      } finally {
        await store.close();
        store = await openStore({ url, home });
        await withPostgres(async (client) => {
          await client.query(`drop schema ${schema} cascade`);
          await client.query(`revoke create on database ${client.database ?? "test"} from ${role}`);
          await client.query(`drop role ${role}`);
          await client.query(`create schema ${schema}`);
        });
      }
    },
  );

  it.runIf(backend.name === "postgres")(
    "row-level security hides other tenants' rows from a query that forgets the tenant",
    async () => {
      await baseWith(acme, "vs_a", "doc-1", ["paracetamol"]);
      await baseWith(beta, "vs_b", "doc-1", ["paracetamol"]);
      const schema = new URL(url).searchParams.get("schema") ?? "";
      const role = "colibri_kb_rls_test";
      const seen = await withPostgres(async (client) => {
        await client.query(
          `do $$ begin create role ${role} nologin; exception when duplicate_object then null; end $$`,
        );
        await client.query(`grant usage on schema ${schema} to ${role}`);
        await client.query(`grant select, insert on all tables in schema ${schema} to ${role}`);
        await client.query(`set search_path = ${schema}`);
        await client.query("begin");
        // Superusers bypass row-level security; the store's own role (not a superuser) does not.
        await client.query(`set local role ${role}`);
        const count = async () =>
          Number(
            (await client.query<{ n: string }>("select count(*) as n from knowledge_chunks"))
              .rows[0]?.n,
          );
        const unbound = await count();
        await client.query("select set_config('colibri.tenant_id', $1, true)", [acme.id]);
        const bound = await count();
        const tenants = (
          await client.query<{ tenant_id: string }>("select tenant_id from knowledge_bases")
        ).rows.map((row) => row.tenant_id);
        const write = await client
          .query(
            "insert into knowledge_bases (id, tenant_id, name, created_at) values ('vs_x', $1, 'x', 0)",
            [beta.id],
          )
          .then(
            () => "written",
            (error: unknown) => (error instanceof Error ? error.message : String(error)),
          );
        await client.query("rollback");
        return { unbound, bound, tenants, write };
      });
      expect(seen).toEqual({
        unbound: 0,
        bound: 1,
        tenants: [acme.id],
        write: expect.stringContaining("row-level security") as unknown,
      });
    },
  );
});
