import { sql, type Kysely, type Selectable } from "kysely";
import type { Database, FileChunkTable, FileTable } from "./database-schema.js";
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
    content: Uint8Array | string,
    now: number,
  ) => {
    const text = typeof content === "string";
    await target
      .insertInto("file_chunks")
      .values({
        file_id: fileId,
        position,
        content: text ? content : "",
        data: text ? null : content,
        created_at: now,
      })
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

  /** The tenant's file's chunks in order, its legacy content (files.content) first. */
  const allChunks = async (id: string, tenantId: string): Promise<StoredChunk[] | undefined> => {
    const row = await header(id, tenantId);
    if (row === undefined) return undefined;
    const chunks = await db
      .selectFrom("file_chunks")
      .select(["content", "data"])
      .where("file_id", "=", id)
      .orderBy("position")
      .execute();
    return [{ content: row.content, data: null }, ...chunks];
  };

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
      const chunks = await allChunks(id, tenantId);
      if (chunks === undefined) return undefined;
      // Text kept as text joins as it is; bytes are decoded once joined, as a character may
      // straddle two chunks.
      if (chunks.every((chunk) => chunk.data === null)) {
        return chunks.map((chunk) => chunk.content).join("");
      }
      return Buffer.concat(chunks.map(chunkBytes)).toString("utf8");
    },

    async contentBytes(id, tenantId) {
      const chunks = await allChunks(id, tenantId);
      return chunks === undefined ? undefined : Buffer.concat(chunks.map(chunkBytes));
    },

    async contentChunks(id, tenantId) {
      const row = await header(id, tenantId);
      if (row === undefined) return undefined;
      async function* chunks() {
        if (row !== undefined && row.content !== "") yield Buffer.from(row.content, "utf8");
        for (let position = 0; ; position++) {
          const chunk = await db
            .selectFrom("file_chunks")
            .select(["content", "data"])
            .where("file_id", "=", id)
            .where("position", "=", position)
            .executeTakeFirst();
          if (chunk === undefined) return;
          yield chunkBytes(chunk);
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

/** A chunk as read: its bytes, or its text. */
type StoredChunk = Pick<Selectable<FileChunkTable>, "content" | "data">;

function chunkBytes(chunk: StoredChunk): Buffer {
  return chunk.data === null
    ? Buffer.from(chunk.content, "utf8")
    : Buffer.from(chunk.data.buffer, chunk.data.byteOffset, chunk.data.byteLength);
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
