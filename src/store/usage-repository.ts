import { sql, type Insertable, type Kysely, type Selectable } from "kysely";
import { executeCompiledOnce } from "./compiled-once.js";
import type { Database, UsageRecordTable } from "./database-schema.js";
import { z } from "zod";
import type { UsageRecord, UsageRepository } from "../core/records/usage.js";

export function usageRepository(db: Kysely<Database>): UsageRepository {
  return {
    async insert(record) {
      const values = usageColumns(record);
      const columns = Object.keys(values) as (keyof typeof values)[];
      await executeCompiledOnce(
        db,
        "usage.insert",
        (placeholders) =>
          db
            .insertInto("usage_records")
            .values(
              Object.fromEntries(
                columns.map((column, index) => [column, placeholders[index]]),
              ) as typeof values,
            ),
        columns.map((column) => values[column]),
      );
    },

    async totals(query) {
      let selection = db
        .selectFrom("usage_records")
        .innerJoin("tenants", "tenants.id", "usage_records.tenant_id")
        .where("usage_records.created_at", ">=", query.since);
      if (query.until !== undefined) {
        selection = selection.where("usage_records.created_at", "<", query.until);
      }
      if (query.tenantId !== undefined) {
        selection = selection.where("usage_records.tenant_id", "=", query.tenantId);
      }
      const rows = await selection
        .groupBy(["usage_records.tenant_id", "tenants.name", "usage_records.target"])
        .select((eb) => [
          "usage_records.tenant_id as tenantId",
          "tenants.name as tenantName",
          "usage_records.target as target",
          eb.fn.countAll().as("requests"),
          eb.fn
            .sum(
              eb
                .case()
                .when("usage_records.outcome", "<>", "completed")
                .then(eb.lit(1))
                .else(eb.lit(0))
                .end(),
            )
            .as("unsuccessful"),
          eb.fn.sum("usage_records.prompt_tokens").as("promptTokens"),
          eb.fn.sum("usage_records.completion_tokens").as("completionTokens"),
          eb.fn.sum("usage_records.cost_usd").as("costUsd"),
          eb.fn.sum("usage_records.reference_cost_usd").as("referenceCostUsd"),
        ])
        .orderBy("tenants.name")
        .orderBy("usage_records.target")
        .execute();
      // PostgreSQL returns COUNT and SUM of integers as int8/numeric; make them plain numbers.
      return rows.map((row) => ({
        tenantId: row.tenantId,
        tenantName: row.tenantName,
        target: row.target,
        requests: Number(row.requests),
        unsuccessful: Number(row.unsuccessful),
        promptTokens: Number(row.promptTokens),
        completionTokens: Number(row.completionTokens),
        costUsd: Number(row.costUsd),
        referenceCostUsd: Number(row.referenceCostUsd),
      }));
    },

    async series(query) {
      // Whole numbers inlined as literals: integer division on both databases.
      const bucket = sql<
        number | string
      >`(usage_records.created_at + ${sql.lit(Math.trunc(query.offsetMs))}) / ${sql.lit(Math.trunc(query.bucketMs))}`;
      let selection = db.selectFrom("usage_records").where("created_at", ">=", query.since);
      if (query.until !== undefined) selection = selection.where("created_at", "<", query.until);
      if (query.tenantId !== undefined)
        selection = selection.where("tenant_id", "=", query.tenantId);
      const rows = await selection
        .select((eb) => [
          bucket.as("bucket"),
          "target",
          "route",
          "reason",
          eb.fn.countAll().as("requests"),
          eb.fn
            .sum(eb.case().when("outcome", "<>", "completed").then(eb.lit(1)).else(eb.lit(0)).end())
            .as("unsuccessful"),
          eb.fn.sum("prompt_tokens").as("promptTokens"),
          eb.fn.sum("completion_tokens").as("completionTokens"),
          eb.fn.sum("cost_usd").as("costUsd"),
          eb.fn.sum("reference_cost_usd").as("referenceCostUsd"),
          eb.fn.sum("latency_ms").as("latencyMsTotal"),
          eb.fn.sum(eb.fn.coalesce("confidence", eb.lit(0))).as("confidenceTotal"),
          eb.fn.count("confidence").as("confident"),
        ])
        .groupBy([bucket, "target", "route", "reason"])
        .orderBy("bucket")
        .execute();
      return rows.map((row) => ({
        start: Number(row.bucket) * query.bucketMs - query.offsetMs,
        target: row.target,
        route: row.route,
        reason: row.reason,
        requests: Number(row.requests),
        unsuccessful: Number(row.unsuccessful),
        promptTokens: Number(row.promptTokens),
        completionTokens: Number(row.completionTokens),
        costUsd: Number(row.costUsd),
        referenceCostUsd: Number(row.referenceCostUsd),
        latencyMsTotal: Number(row.latencyMsTotal),
        confidenceTotal: Number(row.confidenceTotal),
        confident: Number(row.confident),
      }));
    },

    async findings(query) {
      let selection = db
        .selectFrom("usage_records")
        .select(["created_at", "findings"])
        .where("findings", "is not", null)
        .where("created_at", ">=", query.since);
      if (query.until !== undefined) selection = selection.where("created_at", "<", query.until);
      if (query.tenantId !== undefined)
        selection = selection.where("tenant_id", "=", query.tenantId);
      const rows = await selection.orderBy("created_at", "desc").limit(query.limit).execute();
      return rows.map((row) => ({
        createdAt: row.created_at,
        findings: findingsFromColumn(row.findings) ?? {},
      }));
    },

    async languages(query) {
      let selection = db
        .selectFrom("usage_records")
        .where("language", "is not", null)
        .where("created_at", ">=", query.since);
      if (query.until !== undefined) selection = selection.where("created_at", "<", query.until);
      if (query.tenantId !== undefined)
        selection = selection.where("tenant_id", "=", query.tenantId);
      const rows = await selection
        .select((eb) => [
          "language",
          "target",
          eb.fn.countAll().as("requests"),
          eb.fn.sum("prompt_tokens").as("promptTokens"),
          eb.fn.sum("completion_tokens").as("completionTokens"),
        ])
        .groupBy(["language", "target"])
        .orderBy("language")
        .orderBy("target")
        .execute();
      return rows.map((row) => ({
        language: row.language ?? "other",
        target: row.target,
        requests: Number(row.requests),
        promptTokens: Number(row.promptTokens),
        completionTokens: Number(row.completionTokens),
      }));
    },

    async list(query) {
      let selection = db
        .selectFrom("usage_records")
        .selectAll()
        .where("created_at", ">=", query.since);
      if (query.until !== undefined) selection = selection.where("created_at", "<", query.until);
      if (query.tenantId !== undefined)
        selection = selection.where("tenant_id", "=", query.tenantId);
      const rows = await selection
        .orderBy("created_at", "desc")
        .orderBy("id", "desc")
        .limit(query.limit)
        .execute();
      return rows.map(usageFromRow);
    },
  };
}

function usageFromRow(row: Selectable<UsageRecordTable>): UsageRecord {
  return {
    id: row.id,
    createdAt: row.created_at,
    requestId: row.request_id,
    tenantId: row.tenant_id,
    keyId: row.key_id,
    endpoint: row.endpoint,
    model: row.model,
    target: row.target,
    stream: row.stream !== 0,
    promptTokens: row.prompt_tokens,
    completionTokens: row.completion_tokens,
    costUsd: row.cost_usd,
    referenceCostUsd: row.reference_cost_usd,
    latencyMs: row.latency_ms,
    status: row.status,
    outcome: row.outcome,
    route: row.route,
    reason: row.reason,
    confidence: row.confidence,
    findings: findingsFromColumn(row.findings),
    language: row.language,
    responseId: row.response_id,
  };
}

const findingsSchema = z.record(z.string(), z.number().int().nonnegative());

function findingsFromColumn(text: string | null): Record<string, number> | null {
  if (text === null) return null;
  const parsed = findingsSchema.safeParse(JSON.parse(text));
  return parsed.success ? parsed.data : null;
}

/** The row for a record; always the same columns in the same order. */
function usageColumns(record: UsageRecord): Insertable<UsageRecordTable> {
  return {
    id: record.id,
    created_at: record.createdAt,
    request_id: record.requestId,
    tenant_id: record.tenantId,
    key_id: record.keyId,
    endpoint: record.endpoint,
    model: record.model,
    target: record.target,
    stream: record.stream ? 1 : 0,
    prompt_tokens: record.promptTokens,
    completion_tokens: record.completionTokens,
    cost_usd: record.costUsd,
    reference_cost_usd: record.referenceCostUsd,
    latency_ms: record.latencyMs,
    status: record.status,
    outcome: record.outcome,
    route: record.route,
    reason: record.reason,
    confidence: record.confidence,
    findings:
      record.findings === null || Object.keys(record.findings).length === 0
        ? null
        : JSON.stringify(record.findings),
    language: record.language,
    response_id: record.responseId,
  };
}
