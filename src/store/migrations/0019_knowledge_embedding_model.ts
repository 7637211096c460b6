import { sql, SqliteAdapter, type Kysely, type Migration } from "kysely";

/**
 * Which sentence-embedding model made a knowledge base's vectors (its name and the vectors'
 * length), so a search never compares a question embedded by one model with passages embedded
 * by another: until `colibri kb reindex` rebuilds them, such a base is searched by full text.
 * Bases that already hold vectors were embedded before this was recorded: they are marked
 * "(unrecorded)", which no model is called, so they are reindexed before their vectors are used
 * again. On PostgreSQL the bases are under row-level security, so each tenant's are marked with
 * the tenant bound (transaction-local, as the repository binds it).
 */
export const knowledgeEmbeddingModel: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("knowledge_bases").addColumn("embedding_model", "text").execute();
    await db.schema
      .alterTable("knowledge_bases")
      .addColumn("embedding_dimensions", "integer")
      .execute();
    const mark = sql`update knowledge_bases set embedding_model = ${unrecordedEmbeddingModel}
      where embedding_model is null and exists (select 1 from knowledge_chunks
        where knowledge_chunks.knowledge_base_id = knowledge_bases.id
          and knowledge_chunks.embedding is not null)`;
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await mark.execute(db);
      return;
    }
    const tenants = await sql<{ id: string }>`select id from tenants`.execute(db);
    for (const { id } of tenants.rows) {
      await sql`select set_config('colibri.tenant_id', ${id}, true)`.execute(db);
      await mark.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("knowledge_bases").dropColumn("embedding_dimensions").execute();
    await db.schema.alterTable("knowledge_bases").dropColumn("embedding_model").execute();
  },
};

/** What a base embedded before the model was recorded says it was embedded by. */
const unrecordedEmbeddingModel = "(unrecorded)";
