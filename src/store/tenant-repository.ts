import { randomUUID } from "node:crypto";
import type { Kysely, Selectable } from "kysely";
import { ColibriError } from "../core/errors.js";
import { executeCompiledOnce } from "./compiled-once.js";
import type { Database, TenantTable } from "./database-schema.js";
import { limitsFromColumns, limitsToColumns, noLimitColumns } from "./limit-columns.js";
import type { Tenant, TenantRepository } from "../core/records/tenancy.js";

export function tenantRepository(db: Kysely<Database>): TenantRepository {
  const findByName = async (name: string) => {
    const row = await db
      .selectFrom("tenants")
      .selectAll()
      .where("name", "=", name)
      .executeTakeFirst();
    return row === undefined ? undefined : tenantFromRow(row);
  };

  return {
    async ensure(name, now) {
      // Insert-if-missing that two processes can race: the loser's insert does nothing.
      await db
        .insertInto("tenants")
        .values({
          id: randomUUID(),
          name,
          created_at: now,
          ...noLimitColumns,
          keep_training_pairs: 0,
        })
        .onConflict((conflict) => conflict.column("name").doNothing())
        .execute();
      const tenant = await findByName(name);
      if (tenant === undefined) {
        throw new ColibriError(`Tenant "${name}" was not found right after it was inserted.`, {
          code: "internal_error",
          status: 500,
        });
      }
      return tenant;
    },

    findByName,

    async findById(id) {
      const { rows } = await executeCompiledOnce(
        db,
        "tenants.findById",
        ([placeholder]) =>
          db
            .selectFrom("tenants")
            .selectAll()
            .where("id", "=", placeholder as string),
        [id],
      );
      const row = rows[0];
      return row === undefined ? undefined : tenantFromRow(row);
    },

    async list() {
      const rows = await db.selectFrom("tenants").selectAll().orderBy("name").execute();
      return rows.map(tenantFromRow);
    },

    async updateLimits(name, limits) {
      const changes = limitsToColumns(limits);
      if (Object.keys(changes).length === 0) return findByName(name);
      const row = await db
        .updateTable("tenants")
        .set(changes)
        .where("name", "=", name)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : tenantFromRow(row);
    },

    async updateSettings(name, settings) {
      if (settings.keepTrainingPairs === undefined) return findByName(name);
      const row = await db
        .updateTable("tenants")
        .set({ keep_training_pairs: settings.keepTrainingPairs ? 1 : 0 })
        .where("name", "=", name)
        .returningAll()
        .executeTakeFirst();
      return row === undefined ? undefined : tenantFromRow(row);
    },
  };
}

function tenantFromRow(row: Selectable<TenantTable>): Tenant {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    ...limitsFromColumns(row),
    keepTrainingPairs: row.keep_training_pairs === 1,
  };
}
