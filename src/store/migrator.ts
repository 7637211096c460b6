import {
  Migrator,
  sql,
  type Kysely,
  type MigrationProvider,
  type MigrationResultSet,
} from "kysely";
import type { Database } from "./database-schema.js";
import { migrations } from "./migrations/index.js";
import { DatabaseUnavailableError } from "./store-errors.js";

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
 * connection: it is atomic and waits (BusyWaitingConnection) for another process migrating the same
 * file.
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
