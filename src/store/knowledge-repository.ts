import { sql, SqliteAdapter, type Kysely, type RawBuilder, type Selectable } from "kysely";
import { ColibriError } from "../core/errors.js";
import type {
  KnowledgeBase,
  KnowledgeDocument,
  KnowledgeHit,
  KnowledgeLanguage,
  KnowledgeRepository,
  TenantKnowledge,
} from "../core/records/knowledge.js";
import { nearest, vectorsFromBytes, vectorsToBytes } from "../embedding/vector-bytes.js";
import type { Database } from "./database-schema.js";
import type { KnowledgeBaseTable, KnowledgeDocumentTable } from "./knowledge-tables.js";

/**
 * Knowledge bases, one tenant at a time: every query below names the tenant. On PostgreSQL each
 * one also runs in a transaction that sets `colibri.tenant_id`, which the row-level security
 * policies of migration 0014 compare every row against.
 */
export function knowledgeRepository(db: Kysely<Database>): KnowledgeRepository {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  return { forTenant: (tenantId) => tenantKnowledge(db, sqlite, tenantId) };
}

/** Rows a tenant's purge removes (call inside the purge's transaction). */
export async function purgeTenantKnowledge(
  db: Kysely<Database>,
  tenantId: string,
): Promise<Record<string, number>> {
  await bindTenant(db, tenantId);
  const removed: Record<string, number> = {};
  for (const table of ["knowledge_chunks", "knowledge_documents", "knowledge_bases"] as const) {
    const result = await db.deleteFrom(table).where("tenant_id", "=", tenantId).executeTakeFirst();
    removed[table] = Number(result.numDeletedRows);
  }
  return removed;
}

/** On PostgreSQL, the tenant the row-level security policies admit until the transaction ends. */
async function bindTenant(db: Kysely<Database>, tenantId: string) {
  if (db.getExecutor().adapter instanceof SqliteAdapter) return;
  await sql`select set_config('colibri.tenant_id', ${tenantId}, true)`.execute(db);
}

const baseColumns = [
  "id",
  "tenant_id",
  "name",
  "created_at",
  "language",
  "metadata",
  "embedding_model",
  "embedding_dimensions",
] as const;
const documentColumns = [
  "id",
  "knowledge_base_id",
  "name",
  "sha256",
  "bytes",
  "status",
  "error",
  "chunk_count",
  "created_at",
  "updated_at",
] as const;

function tenantKnowledge(db: Kysely<Database>, sqlite: boolean, tenantId: string): TenantKnowledge {
  /** `work` in one transaction (the caller's if in one) bound to the tenant. */
  const atomically = <T>(work: (target: Kysely<Database>) => Promise<T>): Promise<T> => {
    const bound = async (target: Kysely<Database>) => {
      await bindTenant(target, tenantId);
      return work(target);
    };
    return db.isTransaction ? bound(db) : db.transaction().execute(bound);
  };
  /** Reads: on SQLite outside a transaction (no write lock for a search), else as `atomically`. */
  const read = <T>(work: (target: Kysely<Database>) => Promise<T>): Promise<T> =>
    sqlite ? work(db) : atomically(work);

  const getBase = (target: Kysely<Database>, id: string) =>
    target
      .selectFrom("knowledge_bases")
      .select(baseColumns)
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id)
      .executeTakeFirst()
      .then((row) => (row === undefined ? undefined : baseFromRow(row)));

  const findBase = (target: Kysely<Database>, name: string) =>
    target
      .selectFrom("knowledge_bases")
      .select(baseColumns)
      .where("tenant_id", "=", tenantId)
      .where("name", "=", name)
      .executeTakeFirst()
      .then((row) => (row === undefined ? undefined : baseFromRow(row)));

  const setEmbeddingModel = (
    target: Kysely<Database>,
    id: string,
    model: { name: string; dimensions: number | null },
  ) =>
    target
      .updateTable("knowledge_bases")
      .set({ embedding_model: model.name, embedding_dimensions: model.dimensions })
      .where("tenant_id", "=", tenantId)
      .where("id", "=", id);

  const getDocument = (target: Kysely<Database>, baseId: string, documentId: string) =>
    target
      .selectFrom("knowledge_documents")
      .select(documentColumns)
      .where("tenant_id", "=", tenantId)
      .where("knowledge_base_id", "=", baseId)
      .where("id", "=", documentId)
      .executeTakeFirst()
      .then((row) => (row === undefined ? undefined : documentFromRow(row)));

  const updateDocument = (
    target: Kysely<Database>,
    baseId: string,
    documentId: string,
    change: Partial<Omit<KnowledgeDocumentTable, "id" | "tenant_id" | "knowledge_base_id">>,
  ) =>
    target
      .updateTable("knowledge_documents")
      .set(change)
      .where("tenant_id", "=", tenantId)
      .where("knowledge_base_id", "=", baseId)
      .where("id", "=", documentId)
      .execute();

  const deleteChunks = (target: Kysely<Database>, baseId: string, documentId?: string) => {
    let query = target
      .deleteFrom("knowledge_chunks")
      .where("tenant_id", "=", tenantId)
      .where("knowledge_base_id", "=", baseId);
    if (documentId !== undefined) query = query.where("document_id", "=", documentId);
    return query.execute();
  };

  return {
    async createBase(base) {
      return atomically(async (target) => {
        if ((await findBase(target, base.name)) !== undefined) throw nameTaken(base.name);
        await target
          .insertInto("knowledge_bases")
          .values({
            id: base.id,
            tenant_id: tenantId,
            name: base.name,
            created_at: base.createdAt,
            language: null,
            metadata: base.metadata === null ? null : JSON.stringify(base.metadata),
          })
          .execute();
        return { ...base, tenantId, language: null, embeddingModel: null };
      });
    },

    getBase: (id) => read((target) => getBase(target, id)),
    findBase: (name) => read((target) => findBase(target, name)),

    listBases: (options) =>
      read(async (target) => {
        let query = target
          .selectFrom("knowledge_bases")
          .select(baseColumns)
          .where("tenant_id", "=", tenantId);
        if (options.after !== undefined) {
          const after = await getBase(target, options.after);
          if (after === undefined) return [];
          const comparison = options.order === "asc" ? ">" : "<";
          query = query.where((eb) =>
            eb.or([
              eb("created_at", comparison, after.createdAt),
              eb.and([eb("created_at", "=", after.createdAt), eb("id", comparison, after.id)]),
            ]),
          );
        }
        const rows = await query
          .orderBy("created_at", options.order)
          .orderBy("id", options.order)
          .limit(options.limit)
          .execute();
        return rows.map(baseFromRow);
      }),

    updateBase: (id, change) =>
      atomically(async (target) => {
        const base = await getBase(target, id);
        if (base === undefined) return undefined;
        if (change.name !== undefined && change.name !== base.name) {
          if ((await findBase(target, change.name)) !== undefined) throw nameTaken(change.name);
        }
        const updated = {
          ...base,
          ...(change.name === undefined ? {} : { name: change.name }),
          ...(change.metadata === undefined ? {} : { metadata: change.metadata }),
        };
        await target
          .updateTable("knowledge_bases")
          .set({
            name: updated.name,
            metadata: updated.metadata === null ? null : JSON.stringify(updated.metadata),
          })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .execute();
        return updated;
      }),

    settleLanguage: (id, language) =>
      atomically(async (target) => {
        await target
          .updateTable("knowledge_bases")
          .set({ language })
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .where("language", "is", null)
          .execute();
        return (await getBase(target, id))?.language ?? language;
      }),

    settleEmbeddingModel: (id, model) =>
      atomically(async (target) => {
        await setEmbeddingModel(target, id, model).where("embedding_model", "is", null).execute();
        return (await getBase(target, id))?.embeddingModel ?? model;
      }),

    async recordEmbeddingModel(id, model) {
      await atomically((target) => setEmbeddingModel(target, id, model).execute());
    },

    documentChunks: (baseId, documentId) =>
      read(async (target) => {
        const rows = await target
          .selectFrom("knowledge_chunks")
          .select(["ordinal", "heading_path", "text", "page"])
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", baseId)
          .where("document_id", "=", documentId)
          .orderBy("ordinal")
          .execute();
        return rows.map((row) => ({
          ordinal: row.ordinal,
          headingPath: JSON.parse(row.heading_path) as string[],
          text: row.text,
          page: row.page,
        }));
      }),

    replaceVectors: (baseId, documentId, vectors) =>
      atomically(async (target) => {
        for (const chunk of vectors) {
          await target
            .updateTable("knowledge_chunks")
            .set({ embedding: chunk.vectors.length === 0 ? null : vectorsToBytes(chunk.vectors) })
            .where("tenant_id", "=", tenantId)
            .where("knowledge_base_id", "=", baseId)
            .where("document_id", "=", documentId)
            .where("ordinal", "=", chunk.ordinal)
            .execute();
        }
      }),

    deleteBase: (id) =>
      atomically(async (target) => {
        await deleteChunks(target, id);
        await target
          .deleteFrom("knowledge_documents")
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", id)
          .execute();
        const result = await target
          .deleteFrom("knowledge_bases")
          .where("tenant_id", "=", tenantId)
          .where("id", "=", id)
          .executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),

    listDocuments: (baseId) =>
      read(async (target) => {
        const rows = await target
          .selectFrom("knowledge_documents")
          .select(documentColumns)
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", baseId)
          .orderBy("created_at", "desc")
          .orderBy("id", "desc")
          .execute();
        return rows.map(documentFromRow);
      }),

    getDocument: (baseId, documentId) => read((target) => getDocument(target, baseId, documentId)),

    findDocument: (baseId, name) =>
      read(async (target) => {
        const row = await target
          .selectFrom("knowledge_documents")
          .select(documentColumns)
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", baseId)
          .where("name", "=", name)
          .orderBy("created_at")
          .executeTakeFirst();
        return row === undefined ? undefined : documentFromRow(row);
      }),

    beginDocument: (document) =>
      atomically(async (target) => {
        const known = await getDocument(target, document.baseId, document.id);
        if (known !== undefined) {
          await updateDocument(target, document.baseId, document.id, {
            status: "in_progress",
            error: null,
            updated_at: document.now,
          });
          return { ...known, status: "in_progress", error: null, updatedAt: document.now };
        }
        const row = {
          id: document.id,
          knowledge_base_id: document.baseId,
          tenant_id: tenantId,
          name: document.name,
          sha256: "",
          bytes: document.bytes,
          status: "in_progress" as const,
          error: null,
          chunk_count: 0,
          created_at: document.now,
          updated_at: document.now,
        };
        await target.insertInto("knowledge_documents").values(row).execute();
        return documentFromRow(row);
      }),

    replaceChunks: (baseId, documentId, version, chunks) =>
      atomically(async (target) => {
        await deleteChunks(target, baseId, documentId);
        // A few hundred rows per statement: under SQLite's and PostgreSQL's parameter limits.
        for (let start = 0; start < chunks.length; start += 200) {
          await target
            .insertInto("knowledge_chunks")
            .values(
              chunks.slice(start, start + 200).map((chunk) => ({
                tenant_id: tenantId,
                knowledge_base_id: baseId,
                document_id: documentId,
                ordinal: chunk.ordinal,
                heading_path: JSON.stringify(chunk.headingPath),
                page: chunk.page,
                text: chunk.text,
                terms: chunk.terms,
                embedding:
                  chunk.vectors === undefined || chunk.vectors.length === 0
                    ? null
                    : vectorsToBytes(chunk.vectors),
              })),
            )
            .execute();
        }
        await updateDocument(target, baseId, documentId, {
          sha256: version.sha256,
          bytes: version.bytes,
          status: "completed",
          error: null,
          chunk_count: chunks.length,
          updated_at: version.now,
        });
      }),

    async failDocument(baseId, documentId, error, now) {
      await atomically((target) =>
        updateDocument(target, baseId, documentId, { status: "failed", error, updated_at: now }),
      );
    },

    interruptedDocuments: (before) =>
      read(async (target) => {
        const rows = await target
          .selectFrom("knowledge_documents")
          .select(documentColumns)
          .where("tenant_id", "=", tenantId)
          .where("status", "=", "in_progress")
          .where("updated_at", "<", before)
          .orderBy("updated_at")
          .execute();
        return rows.map(documentFromRow);
      }),

    deleteDocument: (baseId, documentId) =>
      atomically(async (target) => {
        await deleteChunks(target, baseId, documentId);
        const result = await target
          .deleteFrom("knowledge_documents")
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", baseId)
          .where("id", "=", documentId)
          .executeTakeFirst();
        return result.numDeletedRows > 0n;
      }),

    usageBytes: (baseId) =>
      read(async (target) => {
        const row = await target
          .selectFrom("knowledge_documents")
          .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>("bytes"), eb.lit(0)).as("used"))
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", baseId)
          .executeTakeFirstOrThrow();
        return Number(row.used);
      }),

    searchSimilar: (baseIds, vector, limit) => {
      if (baseIds.length === 0 || vector.length === 0 || limit <= 0) return Promise.resolve([]);
      return read(async (target) => {
        // An exact scan of the searched bases' vectors, in the tenant's rows only (RLS on
        // PostgreSQL too): thousands of chunks take milliseconds (docs/benchmarks.md).
        const rows = await target
          .selectFrom("knowledge_chunks")
          .select(["id", "embedding"])
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "in", baseIds)
          .where("embedding", "is not", null)
          .execute();
        const best = nearest(
          vector,
          rows.map((row) => ({
            id: row.id,
            vectors: vectorsFromBytes(row.embedding ?? new Uint8Array(), vector.length),
          })),
          limit,
        );
        return hitsByIds(
          target,
          tenantId,
          best.map((hit) => ({ id: hit.id, score: hit.similarity })),
        );
      });
    },

    embeddedChunks: (baseId) =>
      read(async (target) => {
        const row = await target
          .selectFrom("knowledge_chunks")
          .select((eb) => [
            eb.fn.countAll<number | string>().as("chunks"),
            eb.fn.count<number | string>("embedding").as("embedded"),
          ])
          .where("tenant_id", "=", tenantId)
          .where("knowledge_base_id", "=", baseId)
          .executeTakeFirstOrThrow();
        return { chunks: Number(row.chunks), embedded: Number(row.embedded) };
      }),

    search: (baseIds, terms, limit) => {
      const unique = [...new Set(terms)];
      if (baseIds.length === 0 || unique.length === 0 || limit <= 0) return Promise.resolve([]);
      return read(async (target) => {
        const bases = sql.join(baseIds.map((id) => sql`${id}`));
        // Terms are runs of letters and digits (see text-analysis.ts), safe inside quotes.
        if (sqlite) return sqliteBm25(target, tenantId, bases, unique, limit);
        const query =
          // Okapi BM25 in SQL (k1 = 1.2, b = 0.75, idf = ln(1 + (N - n + 0.5) / (n + 0.5)),
          // as kb eval's MiniSearch): the GIN index finds the candidates; N and the average
          // length are over the searched bases' chunks.
          sql<HitRow>`with candidates as (
                select c.id, c.knowledge_base_id, c.document_id, c.ordinal, c.heading_path,
                  c.text, c.page, string_to_array(c.terms, ' ') as words
                from knowledge_chunks c
                where c.terms_vector @@ to_tsquery('simple', ${unique.join(" | ")})
                  and c.tenant_id = ${tenantId} and c.knowledge_base_id in (${bases})
              ),
              stats as materialized (
                select count(*)::float8 as n,
                  coalesce(avg(cardinality(string_to_array(terms, ' '))), 1)::float8 as average
                from knowledge_chunks
                where tenant_id = ${tenantId} and knowledge_base_id in (${bases})
              ),
              matches as (
                select candidates.id, term,
                  cardinality(array_positions(candidates.words, term))::float8 as count,
                  cardinality(candidates.words)::float8 as length
                from candidates cross join unnest(${unique}::text[]) as term
                where term = any(candidates.words)
              ),
              frequencies as (
                select term, count(*)::float8 as documents from matches group by term
              ),
              scored as (
                select matches.id, sum(
                  ln(1 + (stats.n - f.documents + 0.5) / (f.documents + 0.5))
                  * (matches.count * 2.2)
                  / (matches.count + 1.2 * (0.25 + 0.75 * matches.length / stats.average))
                ) as score
                from matches cross join stats
                join frequencies f on f.term = matches.term
                group by matches.id
              )
              select c.knowledge_base_id, c.document_id, d.name as document_name, c.ordinal,
                c.heading_path, c.text, c.page, scored.score
              from scored
              join candidates c on c.id = scored.id
              join knowledge_documents d
                on d.knowledge_base_id = c.knowledge_base_id and d.id = c.document_id
              where d.tenant_id = ${tenantId}
              order by scored.score desc, c.id
              limit ${limit}`;
        const { rows } = await query.execute(target);
        return rows.map(hitFromRow);
      });
    },
  };
}

/** Okapi BM25's usual parameters, as kb eval's MiniSearch. */
const k1 = 1.2;
const b = 0.75;

/**
 * BM25 on SQLite: FTS5 finds the candidates (chunks of these bases with any of the terms), and
 * they are scored here with the searched bases' own statistics (N, average length, document
 * frequencies), exactly as the SQL on PostgreSQL does. FTS5's bm25() would use the whole table's
 * statistics (every tenant's chunks) and an idf that is 0 for a term in half the chunks.
 */
async function sqliteBm25(
  db: Kysely<Database>,
  tenantId: string,
  bases: RawBuilder<unknown>,
  terms: readonly string[],
  limit: number,
): Promise<KnowledgeHit[]> {
  // Terms are runs of letters and digits (see text-analysis.ts), safe inside quotes.
  const match = terms.map((term) => `"${term}"`).join(" OR ");
  const { rows } = await sql<{ id: number; terms: string }>`
    select c.id, c.terms
    from knowledge_chunks_fts
    join knowledge_chunks c on c.id = knowledge_chunks_fts.rowid
    where knowledge_chunks_fts match ${match}
      and c.tenant_id = ${tenantId} and c.knowledge_base_id in (${bases})`.execute(db);
  if (rows.length === 0) return [];
  const stats = await sql<{ n: number; words: number }>`
    select count(*) as n,
      coalesce(sum(length(terms) - length(replace(terms, ' ', '')) + 1), 0) as words
    from knowledge_chunks
    where tenant_id = ${tenantId} and knowledge_base_id in (${bases})`.execute(db);
  const n = stats.rows[0]?.n ?? 0;
  const average = n === 0 ? 1 : (stats.rows[0]?.words ?? 0) / n;
  const counted = rows.map((row) => {
    const words = row.terms.split(" ");
    const counts = new Map<string, number>();
    for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
    return { row, length: words.length, counts };
  });
  const idf = new Map(
    terms.map((term) => {
      const documents = counted.filter((chunk) => chunk.counts.has(term)).length;
      return [term, Math.log(1 + (n - documents + 0.5) / (documents + 0.5))] as const;
    }),
  );
  const best = counted
    .map(({ row, length, counts }) => {
      let score = 0;
      for (const term of terms) {
        const tf = counts.get(term) ?? 0;
        if (tf === 0) continue;
        score +=
          ((idf.get(term) ?? 0) * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * length) / average));
      }
      return { id: row.id, score };
    })
    .sort((x, y) => y.score - x.score || x.id - y.id)
    .slice(0, limit);
  return hitsByIds(db, tenantId, best);
}

/** The chunks `scored` names (by row id) as hits with those scores, in that order. */
async function hitsByIds(
  db: Kysely<Database>,
  tenantId: string,
  scored: readonly { id: number; score: number }[],
): Promise<KnowledgeHit[]> {
  if (scored.length === 0) return [];
  // Text and citation only for the passages returned.
  const found = await sql<HitRow & { id: number | string }>`
    select c.id, c.knowledge_base_id, c.document_id, d.name as document_name, c.ordinal,
      c.heading_path, c.text, c.page, 0 as score
    from knowledge_chunks c
    join knowledge_documents d
      on d.knowledge_base_id = c.knowledge_base_id and d.id = c.document_id
    where c.tenant_id = ${tenantId} and d.tenant_id = ${tenantId}
      and c.id in (${sql.join(scored.map((hit) => hit.id))})`.execute(db);
  const byId = new Map(found.rows.map((row) => [Number(row.id), row]));
  return scored.flatMap(({ id, score }) => {
    const row = byId.get(id);
    return row === undefined ? [] : [hitFromRow({ ...row, score })];
  });
}

interface HitRow {
  knowledge_base_id: string;
  document_id: string;
  document_name: string;
  ordinal: number;
  heading_path: string;
  text: string;
  page: number | null;
  score: number | string;
}

function hitFromRow(row: HitRow): KnowledgeHit {
  return {
    knowledgeBaseId: row.knowledge_base_id,
    documentId: row.document_id,
    documentName: row.document_name,
    ordinal: row.ordinal,
    headingPath: JSON.parse(row.heading_path) as string[],
    text: row.text,
    page: row.page,
    score: Number(row.score),
  };
}

function nameTaken(name: string): ColibriError {
  return new ColibriError(
    `This tenant already has a knowledge base named "${name}"; pick another name or use the one there.`,
    { code: "knowledge_base_exists", status: 409, param: "name" },
  );
}

function baseFromRow(row: Pick<Selectable<KnowledgeBaseTable>, (typeof baseColumns)[number]>) {
  const base: KnowledgeBase = {
    id: row.id,
    tenantId: row.tenant_id,
    name: row.name,
    createdAt: row.created_at,
    language: row.language as KnowledgeLanguage | null,
    metadata: row.metadata === null ? null : (JSON.parse(row.metadata) as Record<string, string>),
    embeddingModel:
      row.embedding_model === null
        ? null
        : { name: row.embedding_model, dimensions: row.embedding_dimensions },
  };
  return base;
}

function documentFromRow(
  row: Pick<Selectable<KnowledgeDocumentTable>, (typeof documentColumns)[number]>,
): KnowledgeDocument {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledge_base_id,
    name: row.name,
    sha256: row.sha256,
    bytes: row.bytes,
    status: row.status,
    error: row.error,
    chunkCount: row.chunk_count,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
