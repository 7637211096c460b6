import { Kysely, PostgresDialect, sql, type DatabaseIntrospector } from "kysely";
import pg from "pg";
import { CurrentSchemaIntrospector } from "./current-schema-introspector.js";
import type { Database } from "./database-schema.js";
import { DatabaseUnavailableError } from "./store-errors.js";

export interface PostgresConnection {
  db: Kysely<Database>;
  /** The schema the tables live in (the one named in the URL, else the server's current one). */
  schema: string | undefined;
}

type TypeId = Parameters<typeof pg.types.getTypeParser>[0];
type TypeFormat = Parameters<typeof pg.types.getTypeParser>[1];

/**
 * Parsers for this pool only (the global pg.types stay untouched): BIGINT columns and integer
 * sums come back as numbers. Every value we store fits in 2^53 (ms times, token counts).
 */
function getTypeParser(id: TypeId, format?: TypeFormat): (value: string) => unknown {
  const { INT8, NUMERIC } = pg.types.builtins;
  if ((id === INT8 || id === NUMERIC) && format !== "binary") return Number;
  return pg.types.getTypeParser(id, format) as (value: string) => unknown;
}

const types: pg.CustomTypesConfig = {
  getTypeParser: getTypeParser as typeof pg.types.getTypeParser,
};

const howToFix =
  'Check the database URL (--database, COLIBRI_DATABASE_URL or "database" in the config).';

/** Connect a pool to PostgreSQL, check that it answers, and create the schema if one is named. */
export async function openPostgres(options: {
  connectionString: string;
  schema: string | undefined;
  location: string;
}): Promise<PostgresConnection> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: 10,
    connectionTimeoutMillis: 10_000,
    types,
    ...(options.schema === undefined ? {} : { options: `-c search_path=${options.schema}` }),
  });
  // A pooled connection that drops while idle is only discarded; the next query opens another.
  pool.on("error", () => undefined);
  const db = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
  try {
    await sql`select 1`.execute(db);
    if (options.schema !== undefined) await createSchema(db, options.schema, options.location);
    const current = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(
      db,
    );
    return { db, schema: current.rows[0]?.schema ?? undefined };
  } catch (error) {
    await db.destroy();
    if (error instanceof DatabaseUnavailableError) throw error;
    throw new DatabaseUnavailableError(
      `Cannot connect to PostgreSQL at ${options.location}: ${describeError(error)}. ${isNetworkError(error) ? "Is the server running? " : ""}${howToFix}`,
      error,
    );
  }
}

/** Kysely's PostgreSQL dialect, introspecting only the current schema (see the introspector). */
class CurrentSchemaPostgresDialect extends PostgresDialect {
  override createIntrospector(db: Kysely<unknown>): DatabaseIntrospector {
    return new CurrentSchemaIntrospector(db);
  }
}

async function createSchema(db: Kysely<Database>, schema: string, location: string) {
  try {
    await sql`create schema if not exists ${sql.id(schema)}`.execute(db);
  } catch (error) {
    // Two processes creating the same schema at once: IF NOT EXISTS can still lose the race.
    const found = await sql`select 1 from pg_namespace where nspname = ${schema}`.execute(db);
    if (found.rows.length > 0) return;
    throw new DatabaseUnavailableError(
      `Cannot create the schema "${schema}" in PostgreSQL at ${location}: ${describeError(error)}. Create it yourself, grant this user CREATE on the database, or pick another ?schema= in the database URL.`,
      error,
    );
  }
}

function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null || !("code" in error)) return undefined;
  return typeof error.code === "string" ? error.code : undefined;
}

/** Whether the server could not be reached at all (refused, unknown host, timed out, cut off). */
function isNetworkError(error: unknown): boolean {
  const message = error instanceof Error ? error.message : "";
  return /^E[A-Z]+$/.test(errorCode(error) ?? "") || /timeout|terminated/i.test(message);
}

/** Network failures say only their code (Node's AggregateError for ECONNREFUSED has no message). */
function describeError(error: unknown): string {
  const code = errorCode(error);
  if (code !== undefined && isNetworkError(error)) return code;
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, " ").trim() || (code ?? "unknown error");
}
