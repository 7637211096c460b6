import type { Kysely, Migration } from "kysely";

/**
 * Files' content in chunks of about a megabyte, so that no one statement (nor one turn of the
 * event loop) moves a whole large file. Files stored before this keep their content in
 * files.content; newer ones leave it empty. No foreign key: an upload's chunks are stored as they
 * arrive, before its file row.
 */
export const fileChunks: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("file_chunks")
      .addColumn("file_id", "text", (column) => column.notNull())
      .addColumn("position", "integer", (column) => column.notNull())
      .addColumn("content", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addPrimaryKeyConstraint("file_chunks_pk", ["file_id", "position"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("file_chunks").execute();
  },
};
