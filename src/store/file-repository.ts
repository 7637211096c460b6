import type { Kysely, Selectable } from "kysely";
import type { Database, FileTable } from "./database-schema.js";
import type { FileRepository, StoredFile } from "./store.js";

const columns = ["id", "tenant_id", "purpose", "filename", "bytes", "created_at"] as const;

export function fileRepository(db: Kysely<Database>): FileRepository {
  return {
    async insert(file, content) {
      await db
        .insertInto("files")
        .values({
          id: file.id,
          tenant_id: file.tenantId,
          purpose: file.purpose,
          filename: file.filename,
          bytes: file.bytes,
          created_at: file.createdAt,
          content,
        })
        .execute();
    },

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
      const row = await db
        .selectFrom("files")
        .select("content")
        .where("id", "=", id)
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      return row?.content;
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
      const result = await db
        .deleteFrom("files")
        .where("id", "=", id)
        .where("tenant_id", "=", tenantId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
  };
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
