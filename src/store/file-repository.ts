import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, FileTable } from "./database-schema.js";
import { fileChunkLength, type FileRepository, type StoredFile } from "../core/records/files.js";

const columns = ["id", "tenant_id", "purpose", "filename", "bytes", "created_at"] as const;

export function fileRepository(db: Kysely<Database>): FileRepository {
  /** Run `work` in the caller's transaction, or in a new one. */
  const atomically = <T>(work: (target: Kysely<Database>) => Promise<T>): Promise<T> =>
    db.isTransaction ? work(db) : db.transaction().execute(work);

  const putChunk = async (
    target: Kysely<Database>,
    fileId: string,
    position: number,
    content: string,
    now: number,
  ) => {
    await target
      .insertInto("file_chunks")
      .values({ file_id: fileId, position, content, created_at: now })
      .execute();
  };

  const usedBytes = async (target: Kysely<Database>, tenantId: string) => {
    const row = await target
      .selectFrom("files")
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number | string>("bytes"), eb.lit(0)).as("used"))
      .where("tenant_id", "=", tenantId)
      .executeTakeFirstOrThrow();
    return Number(row.used);
  };

  const insertRow = (target: Kysely<Database>, file: StoredFile) =>
    target
      .insertInto("files")
      .values({
        id: file.id,
        tenant_id: file.tenantId,
        purpose: file.purpose,
        filename: file.filename,
        bytes: file.bytes,
        created_at: file.createdAt,
        content: "",
      })
      .execute();

  const header = (id: string, tenantId: string) =>
    db
      .selectFrom("files")
      .select("content")
      .where("id", "=", id)
      .where("tenant_id", "=", tenantId)
      .executeTakeFirst();

  return {
    async insert(file, content) {
      await atomically(async (target) => {
        await insertRow(target, file);
        let position = 0;
        for (const chunk of chunksOf(content)) {
          await putChunk(target, file.id, position++, chunk, file.createdAt);
        }
      });
    },

    async putChunk(fileId, position, content, now) {
      await putChunk(db, fileId, position, content, now);
    },

    async publish(file, quotaBytes) {
      return atomically(async (target) => {
        // Holding the tenant's row makes a second upload of the same tenant wait here until this
        // one is stored, so it counts this file (SQLite's write lock does the same).
        await target
          .updateTable("tenants")
          .set({ name: sql<string>`name` })
          .where("id", "=", file.tenantId)
          .execute();
        const used = await usedBytes(target, file.tenantId);
        if (quotaBytes !== null && used + file.bytes > quotaBytes) {
          return { stored: false, usedBytes: used };
        }
        await insertRow(target, file);
        return { stored: true, usedBytes: used };
      });
    },

    async hold(id, tenantId) {
      const result = await db
        .updateTable("files")
        .set({ bytes: sql<number>`bytes` })
        .where("id", "=", id)
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async discardChunks(fileId) {
      await db.deleteFrom("file_chunks").where("file_id", "=", fileId).execute();
    },

    usedBytes: (tenantId) => usedBytes(db, tenantId),

    async get(id, tenantId) {
      const row = await db
        .selectFrom("files")
        .select(columns)
        .where("id", "=", id)
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      return row === undefined ? undefined : fromRow(row);
    },

    async content(id, tenantId) {
      const row = await header(id, tenantId);
      if (row === undefined) return undefined;
      const chunks = await db
        .selectFrom("file_chunks")
        .select("content")
        .where("file_id", "=", id)
        .orderBy("position")
        .execute();
      return row.content + chunks.map((chunk) => chunk.content).join("");
    },

    async contentChunks(id, tenantId) {
      const row = await header(id, tenantId);
      if (row === undefined) return undefined;
      async function* chunks() {
        if (row !== undefined && row.content !== "") yield row.content;
        for (let position = 0; ; position++) {
          const chunk = await db
            .selectFrom("file_chunks")
            .select("content")
            .where("file_id", "=", id)
            .where("position", "=", position)
            .executeTakeFirst();
          if (chunk === undefined) return;
          yield chunk.content;
        }
      }
      return chunks();
    },

    async list(tenantId, options) {
      let selection = db.selectFrom("files").select(columns).where("tenant_id", "=", tenantId);
      if (options.purpose !== undefined)
        selection = selection.where("purpose", "=", options.purpose);
      const rows = await selection
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(options.limit)
        .execute();
      return rows.map(fromRow);
    },

    async delete(id, tenantId) {
      return atomically(async (target) => {
        const result = await target
          .deleteFrom("files")
          .where("id", "=", id)
          .where("tenant_id", "=", tenantId)
          .executeTakeFirst();
        if (result.numDeletedRows === 0n) return false;
        await target.deleteFrom("file_chunks").where("file_id", "=", id).execute();
        return true;
      });
    },
  };
}

/** `text` in pieces of at most `fileChunkLength` code units, never splitting a surrogate pair. */
export function* chunksOf(text: string, length = fileChunkLength): Generator<string> {
  for (let start = 0; start < text.length;) {
    let end = Math.min(text.length, start + length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff && end - start > 1) end--;
    yield text.slice(start, end);
    start = end;
  }
}

function fromRow(row: Pick<Selectable<FileTable>, (typeof columns)[number]>): StoredFile {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    purpose: row.purpose,
    filename: row.filename,
    bytes: row.bytes,
    createdAt: row.created_at,
  };
}
