import {
  Migrator,
  sql,
  type CreateTableBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
  type MigrationResultSet,
} from "kysely";
import type { Database } from "./database-schema.js";
import { DatabaseUnavailableError } from "./store-errors.js";

/*
 * Versioned migrations, in code so they ship inside the package. Names sort in the order they
 * run; never edit one that has shipped, add the next one instead. Only the schema builder is used,
 * so the same migration runs on SQLite and PostgreSQL.
 */

function withLimitColumns(table: CreateTableBuilder<string, string>) {
  return table
    .addColumn("budget_usd_day", "double precision")
    .addColumn("budget_usd_month", "double precision")
    .addColumn("requests_per_minute", "integer")
    .addColumn("tokens_per_minute", "bigint");
}

const initial: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("tenants")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("name", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .$call(withLimitColumns)
      .execute();
    await db.schema
      .createIndex("tenants_name_unique")
      .on("tenants")
      .column("name")
      .unique()
      .execute();

    await db.schema
      .createTable("api_keys")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.references("tenants.id"))
      .addColumn("kind", "text", (column) => column.notNull())
      .addColumn("name", "text")
      .addColumn("prefix", "text", (column) => column.notNull())
      .addColumn("hash", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("revoked_at", "bigint")
      .$call(withLimitColumns)
      .execute();
    await db.schema
      .createIndex("api_keys_hash_unique")
      .on("api_keys")
      .column("hash")
      .unique()
      .execute();
    await db.schema.createIndex("api_keys_prefix").on("api_keys").column("prefix").execute();

    await db.schema
      .createTable("usage_records")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("request_id", "text", (column) => column.notNull())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("key_id", "text")
      .addColumn("endpoint", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("target", "text", (column) => column.notNull())
      .addColumn("stream", "integer", (column) => column.notNull())
      .addColumn("prompt_tokens", "bigint", (column) => column.notNull())
      .addColumn("completion_tokens", "bigint", (column) => column.notNull())
      .addColumn("cost_usd", "double precision", (column) => column.notNull())
      .addColumn("reference_cost_usd", "double precision", (column) => column.notNull())
      .addColumn("latency_ms", "bigint", (column) => column.notNull())
      .addColumn("status", "integer", (column) => column.notNull())
      .addColumn("outcome", "text", (column) => column.notNull())
      .addColumn("route", "text")
      .addColumn("reason", "text")
      .execute();
    await db.schema
      .createIndex("usage_records_created_at")
      .on("usage_records")
      .column("created_at")
      .execute();
    await db.schema
      .createIndex("usage_records_tenant_created_at")
      .on("usage_records")
      .columns(["tenant_id", "created_at"])
      .execute();

    await db.schema
      .createTable("limit_counters")
      .addColumn("scope", "text", (column) => column.notNull())
      .addColumn("scope_id", "text", (column) => column.notNull())
      .addColumn("period", "text", (column) => column.notNull())
      .addColumn("window_start", "bigint", (column) => column.notNull())
      .addColumn("requests", "bigint", (column) => column.notNull())
      .addColumn("tokens", "bigint", (column) => column.notNull())
      .addColumn("cost_usd", "double precision", (column) => column.notNull())
      .addPrimaryKeyConstraint("limit_counters_pk", ["scope", "scope_id", "period", "window_start"])
      .execute();
  },

  async down(db: Kysely<unknown>) {
    for (const table of ["limit_counters", "usage_records", "api_keys", "tenants"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** The router's confidence in the local answer, stored with each routing decision. */
const routeConfidence: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .alterTable("usage_records")
      .addColumn("confidence", "double precision")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").dropColumn("confidence").execute();
  },
};

/**
 * The egress audit: one record per request that left for a cloud provider (or was stopped from
 * leaving), and the HMACs of the personal values found in it, never the values.
 */
const egressAudit: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("egress_records")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("request_id", "text", (column) => column.notNull())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("provider", "text", (column) => column.notNull())
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("region", "text")
      .addColumn("bytes_sent", "bigint", (column) => column.notNull())
      .addColumn("outcome", "text", (column) => column.notNull())
      .addColumn("action", "text", (column) => column.notNull())
      .addColumn("reason", "text", (column) => column.notNull())
      .addColumn("findings", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("egress_records_created_at")
      .on("egress_records")
      .column("created_at")
      .execute();
    await db.schema
      .createIndex("egress_records_tenant_created_at")
      .on("egress_records")
      .columns(["tenant_id", "created_at"])
      .execute();

    // The primary key keeps each record's values in order and finds them by record.
    await db.schema
      .createTable("egress_values")
      .addColumn("egress_id", "text", (column) => column.notNull().references("egress_records.id"))
      .addColumn("position", "integer", (column) => column.notNull())
      .addColumn("type", "text", (column) => column.notNull())
      .addColumn("hash", "text", (column) => column.notNull())
      .addColumn("action", "text", (column) => column.notNull())
      .addPrimaryKeyConstraint("egress_values_pk", ["egress_id", "position"])
      .execute();
    await db.schema.createIndex("egress_values_hash").on("egress_values").column("hash").execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ["egress_values", "egress_records"]) {
      await db.schema.dropTable(table).execute();
    }
  },
};

/** The exact-match response cache, shared by replicas on PostgreSQL. */
const responseCache: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("response_cache")
      .addColumn("key", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("model", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("expires_at", "bigint", (column) => column.notNull())
      .addColumn("body", "text", (column) => column.notNull())
      .addColumn("hits", "bigint", (column) => column.notNull().defaultTo(0))
      .execute();
    await db.schema
      .createIndex("response_cache_expires_at")
      .on("response_cache")
      .column("expires_at")
      .execute();
    await db.schema
      .createIndex("response_cache_created_at")
      .on("response_cache")
      .column("created_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("response_cache").execute();
  },
};

/** The semantic cache: each entry's scope and its last user message's embedding. */
const semanticCache: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("response_cache").addColumn("scope", "text").execute();
    await db.schema.alterTable("response_cache").addColumn("embedding", "text").execute();
    await db.schema
      .createIndex("response_cache_scope")
      .on("response_cache")
      .columns(["scope", "created_at"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropIndex("response_cache_scope").execute();
    await db.schema.alterTable("response_cache").dropColumn("embedding").execute();
    await db.schema.alterTable("response_cache").dropColumn("scope").execute();
  },
};

/** Files of the OpenAI Files API (batch input and results), as UTF-8 text. */
const files: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("files")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("purpose", "text", (column) => column.notNull())
      .addColumn("filename", "text", (column) => column.notNull())
      .addColumn("bytes", "bigint", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("content", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("files_tenant_created_at")
      .on("files")
      .columns(["tenant_id", "created_at"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("files").execute();
  },
};

const batches: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("batches")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("tenant_id", "text", (column) => column.notNull().references("tenants.id"))
      .addColumn("key_id", "text")
      .addColumn("endpoint", "text", (column) => column.notNull())
      .addColumn("input_file_id", "text", (column) => column.notNull())
      .addColumn("completion_window", "text", (column) => column.notNull())
      .addColumn("status", "text", (column) => column.notNull())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("expires_at", "bigint", (column) => column.notNull())
      .addColumn("in_progress_at", "bigint")
      .addColumn("finalizing_at", "bigint")
      .addColumn("completed_at", "bigint")
      .addColumn("failed_at", "bigint")
      .addColumn("expired_at", "bigint")
      .addColumn("cancelling_at", "bigint")
      .addColumn("cancelled_at", "bigint")
      .addColumn("output_file_id", "text")
      .addColumn("error_file_id", "text")
      .addColumn("errors", "text")
      .addColumn("metadata", "text")
      .execute();
    await db.schema
      .createIndex("batches_tenant_created_at")
      .on("batches")
      .columns(["tenant_id", "created_at"])
      .execute();
    await db.schema.createIndex("batches_status").on("batches").column("status").execute();

    await db.schema
      .createTable("batch_requests")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("batch_id", "text", (column) => column.notNull().references("batches.id"))
      .addColumn("tenant_id", "text", (column) => column.notNull())
      .addColumn("line", "integer", (column) => column.notNull())
      .addColumn("custom_id", "text", (column) => column.notNull())
      .addColumn("body", "text", (column) => column.notNull())
      .addColumn("state", "text", (column) => column.notNull())
      .addColumn("provider", "text")
      .addColumn("reason", "text")
      .addColumn("attempts", "integer", (column) => column.notNull())
      .addColumn("not_before", "bigint", (column) => column.notNull())
      .addColumn("lease_until", "bigint")
      .addColumn("cloud_target", "text")
      .addColumn("result", "text")
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("updated_at", "bigint", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("batch_requests_state_not_before")
      .on("batch_requests")
      .columns(["state", "not_before"])
      .execute();
    await db.schema
      .createIndex("batch_requests_batch_state")
      .on("batch_requests")
      .columns(["batch_id", "state"])
      .execute();
    await db.schema
      .createIndex("batch_requests_batch_line")
      .on("batch_requests")
      .columns(["batch_id", "line"])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("batch_requests").execute();
    await db.schema.dropTable("batches").execute();
  },
};

/**
 * Reservations against the limit counters: what an admitted request may still spend, held until
 * it settles or its expiry passes (a crashed process cannot leak them).
 */
const limitReservations: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable("limit_reservations")
      .addColumn("id", "text", (column) => column.primaryKey())
      .addColumn("created_at", "bigint", (column) => column.notNull())
      .addColumn("expires_at", "bigint", (column) => column.notNull())
      .addColumn("tokens", "bigint", (column) => column.notNull())
      .addColumn("cost_usd", "double precision", (column) => column.notNull())
      // The counter windows it was added to: JSON [[scope, scope_id, period, window_start], …].
      .addColumn("windows", "text", (column) => column.notNull())
      .execute();
    await db.schema
      .createIndex("limit_reservations_expires_at")
      .on("limit_reservations")
      .column("expires_at")
      .execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.dropTable("limit_reservations").execute();
  },
};

/**
 * Files' content in chunks of about a megabyte, so that no one statement (nor one turn of the
 * event loop) moves a whole large file. Files stored before this keep their content in
 * files.content; newer ones leave it empty. No foreign key: an upload's chunks are stored as they
 * arrive, before its file row.
 */
const fileChunks: Migration = {
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

/**
 * Whether an egress record's body was written to the provider: a call refused or unreachable
 * before any byte is not egress. Records from before stay null (not known).
 */
const egressDelivery: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("egress_records").addColumn("delivered", "integer").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("egress_records").dropColumn("delivered").execute();
  },
};

/**
 * What the privacy guard found in each request, whatever its route (the egress audit holds only
 * requests bound for a cloud): JSON counts per data type, never values.
 */
const usageFindings: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").addColumn("findings", "text").execute();
  },
  async down(db: Kysely<unknown>) {
    await db.schema.alterTable("usage_records").dropColumn("findings").execute();
  },
};

/** Every migration, by name. */
export const migrations: Readonly<Record<string, Migration>> = {
  "0001_initial": initial,
  "0002_route_confidence": routeConfidence,
  "0003_egress_audit": egressAudit,
  "0004_response_cache": responseCache,
  "0005_semantic_cache": semanticCache,
  "0006_files": files,
  "0007_batches": batches,
  "0008_limit_reservations": limitReservations,
  "0009_file_chunks": fileChunks,
  "0010_egress_delivery": egressDelivery,
  "0011_usage_findings": usageFindings,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

export interface MigrateOptions {
  dialect: "sqlite" | "postgres";
  /** Printable database location, for error messages. */
  location: string;
  /** PostgreSQL schema holding the migration bookkeeping tables. */
  schema?: string | undefined;
}

/**
 * Bring the database up to the latest migration. On PostgreSQL, Kysely's Migrator takes an
 * advisory lock and runs the pending migrations in one transaction. SQLite DDL does not run in a
 * Kysely transaction, so there the whole run happens inside BEGIN IMMEDIATE on the store's only
 * connection: it is atomic and waits (busy_timeout) for another process migrating the same file.
 */
export async function migrateToLatest(db: Kysely<Database>, options: MigrateOptions) {
  const run = (target: Kysely<Database>) =>
    new Migrator({
      db: target,
      provider: migrationProvider,
      ...(options.schema === undefined ? {} : { migrationTableSchema: options.schema }),
    }).migrateToLatest();

  let result: MigrationResultSet;
  try {
    result = options.dialect === "postgres" ? await run(db) : await inSqliteWriteLock(db, run);
  } catch (error) {
    result = { error };
  }
  if (result.error !== undefined) throw migrationError(result, options.location);
}

async function inSqliteWriteLock(
  db: Kysely<Database>,
  run: (target: Kysely<Database>) => Promise<MigrationResultSet>,
): Promise<MigrationResultSet> {
  return db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    let outcome: MigrationResultSet;
    try {
      outcome = await run(connection);
    } catch (error) {
      outcome = { error };
    }
    await sql.raw(outcome.error === undefined ? "commit" : "rollback").execute(connection);
    return outcome;
  });
}

function migrationError(result: MigrationResultSet, location: string) {
  const failed = result.results?.find((migration) => migration.status === "Error");
  const reason = result.error instanceof Error ? result.error.message : String(result.error);
  const what =
    failed === undefined
      ? "Preparing the database migrations failed"
      : `Database migration ${failed.migrationName} failed`;
  return new DatabaseUnavailableError(
    `${what} on ${location}: ${reason}. The migration was rolled back; fix the cause (permissions, disk space, a table changed by hand) and start Colibrí again.`,
    result.error,
  );
}
