import type { Kysely, Selectable } from "kysely";
import { InvalidRequestError } from "../core/errors.js";
import { executeCompiledOnce } from "./compiled-once.js";
import type { ApiKeyTable, Database } from "./database-schema.js";
import { limitsFromColumns } from "./limit-columns.js";
import type { ApiKeyRecord, ApiKeyRepository } from "../core/records/tenancy.js";

export function apiKeyRepository(db: Kysely<Database>): ApiKeyRepository {
  return {
    async insert(record) {
      await db
        .insertInto("api_keys")
        .values({
          id: record.id,
          tenant_id: record.tenantId,
          kind: record.kind,
          name: record.name,
          prefix: record.prefix,
          hash: record.hash,
          created_at: record.createdAt,
          revoked_at: record.revokedAt,
          budget_usd_day: record.budgetUsdDay,
          budget_usd_month: record.budgetUsdMonth,
          requests_per_minute: record.requestsPerMinute,
          tokens_per_minute: record.tokensPerMinute,
        })
        .execute();
    },

    async findByHash(hash) {
      const row = await db
        .selectFrom("api_keys")
        .selectAll()
        .where("hash", "=", hash)
        .executeTakeFirst();
      return row === undefined ? undefined : keyFromRow(row);
    },

    async findByHashWithTenant(hash) {
      const { rows } = await executeCompiledOnce(
        db,
        "keys.findByHashWithTenant",
        ([placeholder]) =>
          db
            .selectFrom("api_keys")
            .leftJoin("tenants", "tenants.id", "api_keys.tenant_id")
            .selectAll("api_keys")
            .select([
              "tenants.name as tenant_name",
              "tenants.created_at as tenant_created_at",
              "tenants.budget_usd_day as tenant_budget_usd_day",
              "tenants.budget_usd_month as tenant_budget_usd_month",
              "tenants.requests_per_minute as tenant_requests_per_minute",
              "tenants.tokens_per_minute as tenant_tokens_per_minute",
              "tenants.keep_training_pairs as tenant_keep_training_pairs",
            ])
            .where("api_keys.hash", "=", placeholder as string),
        [hash],
      );
      const row = rows[0];
      if (row === undefined) return undefined;
      const tenant =
        row.tenant_id === null || row.tenant_name === null || row.tenant_created_at === null
          ? undefined
          : {
              id: row.tenant_id,
              name: row.tenant_name,
              createdAt: row.tenant_created_at,
              budgetUsdDay: row.tenant_budget_usd_day,
              budgetUsdMonth: row.tenant_budget_usd_month,
              requestsPerMinute: row.tenant_requests_per_minute,
              tokensPerMinute: row.tenant_tokens_per_minute,
              keepTrainingPairs: row.tenant_keep_training_pairs === 1,
            };
      return { key: keyFromRow(row), tenant };
    },

    async list(options = {}) {
      let query = db.selectFrom("api_keys").selectAll();
      if (options.tenantId !== undefined) query = query.where("tenant_id", "=", options.tenantId);
      if (options.includeRevoked !== true) query = query.where("revoked_at", "is", null);
      const rows = await query.orderBy("created_at", "desc").orderBy("id", "desc").execute();
      return rows.map(keyFromRow);
    },

    async revoke(idOrPrefix, now) {
      const matches = await db
        .selectFrom("api_keys")
        .selectAll()
        .where((eb) => eb.or([eb("id", "=", idOrPrefix), eb("prefix", "=", idOrPrefix)]))
        .execute();
      const match = matches.find((row) => row.id === idOrPrefix) ?? matches[0];
      if (match === undefined) return undefined;
      if (matches.length > 1 && match.id !== idOrPrefix) {
        const ids = matches.map((row) => row.id).join(", ");
        throw new InvalidRequestError(
          `The key prefix "${idOrPrefix}" is ambiguous: it matches ${matches.length} keys (${ids}). Give the key id instead.`,
          "key",
        );
      }
      if (match.revoked_at !== null) return keyFromRow(match);
      // Only the first revocation sets the time, even when two run at once.
      await db
        .updateTable("api_keys")
        .set({ revoked_at: now })
        .where("id", "=", match.id)
        .where("revoked_at", "is", null)
        .execute();
      const row = await db
        .selectFrom("api_keys")
        .selectAll()
        .where("id", "=", match.id)
        .executeTakeFirst();
      return row === undefined ? undefined : keyFromRow(row);
    },

    async hasActiveAdmin() {
      const row = await db
        .selectFrom("api_keys")
        .select("id")
        .where("kind", "=", "admin")
        .where("revoked_at", "is", null)
        .limit(1)
        .executeTakeFirst();
      return row !== undefined;
    },
  };
}

function keyFromRow(row: Selectable<ApiKeyTable>): ApiKeyRecord {
  return {
    id: row.id,
    tenantId: row.tenant_id,
    kind: row.kind,
    name: row.name,
    prefix: row.prefix,
    hash: row.hash,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    ...limitsFromColumns(row),
  };
}
