import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import { z } from "zod";
import { ColibriError } from "../core/errors.js";
import { executeCompiledOnce } from "./compiled-once.js";
import type { Database, EgressRecordTable, EgressValueTable } from "./database-schema.js";
import type { EgressRecord, EgressRepository, EgressValue } from "../core/records/egress.js";

/** Rows per statement: well under SQLite's and PostgreSQL's limits on bound parameters. */
const chunkSize = 500;

const findingsSchema = z.record(z.string(), z.number());

export function egressRepository(db: Kysely<Database>): EgressRepository {
  return {
    async insert(record) {
      const row = recordColumns(record);
      // On every cloud call: the record's statement is built once (compiled-once.ts).
      const columns = Object.keys(row) as (keyof typeof row)[];
      const insertRecord = (target: Kysely<Database>) =>
        executeCompiledOnce(
          target,
          "egress.insert",
          (placeholders) =>
            target
              .insertInto("egress_records")
              .values(
                Object.fromEntries(
                  columns.map((column, index) => [column, placeholders[index]]),
                ) as typeof row,
              ),
          columns.map((column) => row[column]),
        );
      if (record.values.length === 0) {
        await insertRecord(db);
        return;
      }
      const write = async (target: Kysely<Database>) => {
        await insertRecord(target);
        const values = record.values.map((value, position) =>
          valueColumns(record.id, position, value),
        );
        for (const chunk of chunks(values)) {
          await target.insertInto("egress_values").values(chunk).execute();
        }
      };
      // Inside store.transaction the caller's transaction already makes both writes one.
      if (db.isTransaction) await write(db);
      else await db.transaction().execute(write);
    },

    async list(query) {
      let selection = db
        .selectFrom("egress_records")
        .selectAll()
        .where("created_at", ">=", query.since);
      if (query.until !== undefined) selection = selection.where("created_at", "<", query.until);
      if (query.tenantId !== undefined) {
        selection = selection.where("tenant_id", "=", query.tenantId);
      }
      const rows = await selection
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit)
        .execute();
      const values = new Map<string, EgressValue[]>();
      for (const ids of chunks(rows.map((row) => row.id))) {
        const found = await db
          .selectFrom("egress_values")
          .selectAll()
          .where("egress_id", "in", ids)
          .orderBy("egress_id")
          .orderBy("position")
          .execute();
        for (const value of found) {
          const list = values.get(value.egress_id) ?? [];
          list.push({ type: value.type, hash: value.hash, action: value.action });
          values.set(value.egress_id, list);
        }
      }
      return rows.map((row) => ({ ...recordFromRow(row), values: values.get(row.id) ?? [] }));
    },

    async settleDelivery(id, delivery) {
      if (delivery.delivered) {
        // The common case, on every cloud call: built once.
        const { numAffectedRows } = await executeCompiledOnce(
          db,
          "egress.delivered",
          ([placeholder]) =>
            db
              .updateTable("egress_records")
              .set({ delivered: 1 })
              .where("id", "=", placeholder as string)
              .where("outcome", "=", "sent")
              .where("delivered", "is", null),
          [id],
        );
        return (numAffectedRows ?? 0n) > 0n;
      }
      const update = db
        .updateTable("egress_records")
        .where("id", "=", id)
        .where("outcome", "=", "sent")
        .where("delivered", "is", null);
      const result = await update
        .set({
          delivered: 0,
          outcome: "kept-local",
          bytes_sent: 0,
          reason: sql<string>`reason || ${`; not delivered: ${delivery.why}`}`,
        })
        .executeTakeFirst();
      return result.numUpdatedRows > 0n;
    },

    async findByHashes(hashes, options = {}) {
      const matches = [];
      for (const wanted of chunks([...new Set(hashes)])) {
        let selection = db
          .selectFrom("egress_values")
          .innerJoin("egress_records", "egress_records.id", "egress_values.egress_id")
          .selectAll("egress_records")
          .select(["egress_values.type as value_type", "egress_values.action as value_action"])
          .where("egress_values.hash", "in", wanted);
        if (options.tenantId !== undefined) {
          selection = selection.where("egress_records.tenant_id", "=", options.tenantId);
        }
        const rows = await selection
          .orderBy("egress_records.created_at", "desc")
          .orderBy("egress_records.id", "desc")
          .orderBy("egress_values.position")
          .execute();
        for (const row of rows) {
          matches.push({
            record: recordFromRow(row),
            type: row.value_type,
            action: row.value_action,
          });
        }
      }
      // More than one chunk of hashes (never for one typed value) needs one order over all.
      return matches.sort(
        (a, b) => b.record.createdAt - a.record.createdAt || compare(b.record.id, a.record.id),
      );
    },
  };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function chunks<T>(items: readonly T[]): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += chunkSize) {
    result.push(items.slice(start, start + chunkSize));
  }
  return result;
}

function recordColumns(record: EgressRecord): Insertable<EgressRecordTable> {
  return {
    id: record.id,
    created_at: record.createdAt,
    request_id: record.requestId,
    tenant_id: record.tenantId,
    provider: record.provider,
    model: record.model,
    region: record.region,
    bytes_sent: record.bytesSent,
    outcome: record.outcome,
    action: record.action,
    reason: record.reason,
    findings: JSON.stringify(record.findings),
    delivered:
      record.delivered === undefined || record.delivered === null ? null : Number(record.delivered),
  };
}

function valueColumns(
  egressId: string,
  position: number,
  value: EgressValue,
): Insertable<EgressValueTable> {
  return {
    egress_id: egressId,
    position,
    type: value.type,
    hash: value.hash,
    action: value.action,
  };
}

function recordFromRow(row: Selectable<EgressRecordTable>): Omit<EgressRecord, "values"> {
  return {
    id: row.id,
    createdAt: row.created_at,
    requestId: row.request_id,
    tenantId: row.tenant_id,
    provider: row.provider,
    model: row.model,
    region: row.region,
    bytesSent: row.bytes_sent,
    outcome: row.outcome,
    action: row.action,
    reason: row.reason,
    findings: parseFindings(row),
    delivered: row.delivered === null ? null : row.delivered === 1,
  };
}

function parseFindings(row: Selectable<EgressRecordTable>): Record<string, number> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(row.findings);
  } catch {
    parsed = undefined;
  }
  const result = findingsSchema.safeParse(parsed);
  if (result.success) return result.data;
  throw new ColibriError(
    `The egress record ${row.id} has unreadable findings (${JSON.stringify(row.findings.slice(0, 80))}); they should be a JSON object of counts per data type. Was the table changed by hand?`,
    { code: "corrupt_record", status: 500 },
  );
}
