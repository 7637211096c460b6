import { sql, SqliteAdapter, type Kysely, type Migration } from "kysely";

/**
 * Knowledge bases (OpenAI's vector stores) per tenant, their documents, and the documents'
 * passages (chunks) with full-text search in the store:
 * - SQLite: an FTS5 table over the chunks' analysed terms (external content, kept in step by
 *   triggers), which finds the candidates that knowledge-repository.ts ranks by BM25.
 * - PostgreSQL: a stored tsvector of the same terms with the 'simple' configuration (the terms
 *   are already stemmed and stripped of stop words) and a GIN index; every table is under
 *   row-level security keyed on `colibri.tenant_id`, a per-transaction setting the repository
 *   sets (FORCE, so the owning role is bound too; superusers bypass it).
 * `embedding` is left empty for sentence vectors (float32, little-endian) to come.
 */
export const knowledgeBases: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .createTable("knowledge_bases")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("name", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("language", "text")
      .addColumn("metadata", "text")
      .addUniqueConstraint("knowledge_bases_tenant_name", ["tenant_id", "name"])
      .execute();
    await db.schema
      .createTable("knowledge_documents")
      .addColumn("id", "text", (column) => column.notNull())
      .addColumn("knowledge_base_id", "text", (column) =>
        column.notNull().references("knowledge_bases.id").onDelete("cascade"),
      )
      .addColumn("tenant_id", "text", (column) => column.notNull())
      .addColumn("name", "text", (column) => column.notNull())
      .addColumn("sha256", "text", (column) => column.notNull())
      .addColumn("bytes", "bigint", (column) => column.notNull())
      .addColumn("status", "text", (column) => column.notNull())
      .addColumn("error", "text")
      .addColumn("chunk_count", "integer", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("updated_at", "bigint", (column) => column.notNull())
      .addPrimaryKeyConstraint("knowledge_documents_pk", ["knowledge_base_id", "id"])
      .execute();
    await db.schema
      .createTable("knowledge_chunks")
      .addColumn("id", sqlite ? "integer" : "bigserial", (column) =>
        sqlite ? column.primaryKey().autoIncrement() : column.primaryKey(),
      )
      .addColumn("tenant_id", "text", (column) => column.notNull())
      .addColumn("knowledge_base_id", "text", (column) => column.notNull())
      .addColumn("document_id", "text", (column) => column.notNull())
      .addColumn("ordinal", "integer", (column) => column.notNull())
      .addColumn("heading_path", "text", (column) => column.notNull())
      .addColumn("page", "integer")
      .addColumn("text", "text", (column) => column.notNull())
      .addColumn("terms", "text", (column) => column.notNull())
      .addColumn("embedding", sqlite ? "blob" : "bytea")
      .addForeignKeyConstraint(
        "knowledge_chunks_document",
        ["knowledge_base_id", "document_id"],
        "knowledge_documents",
        ["knowledge_base_id", "id"],
        (constraint) => constraint.onDelete("cascade"),
      )
      .execute();
    await db.schema
      .createIndex("knowledge_chunks_document")
      .on("knowledge_chunks")
      .columns(["knowledge_base_id", "document_id", "ordinal"])
      .execute();
    if (sqlite) {
      await sql`create virtual table knowledge_chunks_fts using fts5(terms, content='knowledge_chunks', content_rowid='id')`.execute(
        db,
      );
      await sql`create trigger knowledge_chunks_fts_insert after insert on knowledge_chunks begin
        insert into knowledge_chunks_fts(rowid, terms) values (new.id, new.terms); end`.execute(db);
      await sql`create trigger knowledge_chunks_fts_delete after delete on knowledge_chunks begin
        insert into knowledge_chunks_fts(knowledge_chunks_fts, rowid, terms) values ('delete', old.id, old.terms); end`.execute(
        db,
      );
      await sql`create trigger knowledge_chunks_fts_update after update of terms on knowledge_chunks begin
        insert into knowledge_chunks_fts(knowledge_chunks_fts, rowid, terms) values ('delete', old.id, old.terms);
        insert into knowledge_chunks_fts(rowid, terms) values (new.id, new.terms); end`.execute(db);
      return;
    }
    await sql`alter table knowledge_chunks add column terms_vector tsvector generated always as (to_tsvector('simple', terms)) stored`.execute(
      db,
    );
    await sql`create index knowledge_chunks_terms on knowledge_chunks using gin (terms_vector)`.execute(
      db,
    );
    for (const table of ["knowledge_bases", "knowledge_documents", "knowledge_chunks"]) {
      await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
      await sql`alter table ${sql.table(table)} force row level security`.execute(db);
      await sql`create policy ${sql.id(`${table}_tenant`)} on ${sql.table(table)}
        using (tenant_id = current_setting('colibri.tenant_id', true))
        with check (tenant_id = current_setting('colibri.tenant_id', true))`.execute(db);
    }
  },
  async down(db: Kysely<unknown>) {
    if (db.getExecutor().adapter instanceof SqliteAdapter) {
      await sql`drop table if exists knowledge_chunks_fts`.execute(db);
    }
    await db.schema.dropTable("knowledge_chunks").execute();
    await db.schema.dropTable("knowledge_documents").execute();
    await db.schema.dropTable("knowledge_bases").execute();
  },
};
