import { SqliteAdapter, type Kysely, type Migration } from "kysely";

/**
 * Files keep the bytes that were uploaded, whatever they are (a PDF, a DOCX, UTF-8 text), so a
 * file uploaded for a vector store can be any document format a knowledge base reads. New
 * uploads store each chunk in `data` (BLOB / bytea) and leave `content` empty; chunks written
 * before this, and files written as text (batch results), keep their text in `content`.
 */
export const fileBytes: Migration = {
  async up(db: Kysely<unknown>) {
    const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
    await db.schema
      .alterTable("file_chunks")
      .addColumn("data", sqlite ? "blob" : "bytea")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("file_chunks").dropColumn("data").execute();
  },
};
