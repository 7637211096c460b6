import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import {
  CompiledQuery,
  Kysely,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from "kysely";
import type { Database } from "./database-schema.js";
import { SqliteCheckpointer, walLimitBytes } from "./sqlite-checkpointer.js";
import { DatabaseUnavailableError } from "./store-errors.js";

/**
 * Open (creating it and its folder if needed) a SQLite file, or ":memory:". WAL lets readers run
 * beside the writer; busy_timeout makes a second process wait for the write lock, not fail.
 */
export async function openSqlite(file: string): Promise<Kysely<Database>> {
  let database: BetterSqlite3.Database;
  try {
    if (file !== ":memory:") await mkdir(dirname(file), { recursive: true });
    database = new BetterSqlite3(file);
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma("busy_timeout = 5000");
    database.pragma("foreign_keys = ON");
    // Deleted rows are overwritten with zeros, not just unlinked: a purged prompt does not stay
    // readable in the file's free pages (it costs a write per freed page, on deletes only).
    database.pragma("secure_delete = ON");
    // A log that grew under a burst of writes is cut back to this size when it starts over.
    database.pragma(`journal_size_limit = ${walLimitBytes}`);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnavailableError(
      `Cannot open the SQLite database ${file}: ${reason}. Check that the folder exists and is writable, or choose another file with the database URL (--database, COLIBRI_DATABASE_URL or "database" in the config).`,
      error,
    );
  }
  const checkpointer = file === ":memory:" ? undefined : new SqliteCheckpointer(database, file);
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect(
      {
        database: withStatementCache(database, () => {
          database.close();
        }),
      },
      // The checkpoint thread's connection closes first, so this one closes last: SQLite then
      // moves the whole log into the file and deletes it (no -wal file left after a clean stop).
      async () => {
        await checkpointer?.stop();
      },
    ),
  });
}

/** Prepared statements kept, by SQL text; the gateway issues a few dozen distinct ones. */
const statementCacheSize = 200;

/**
 * Kysely prepares every query anew, which is a third of the store's CPU time per request;
 * the same SQL text gets the same prepared statement back instead. Statements are reused only
 * one at a time: the driver runs queries one after the other on this single connection, and never
 * iterates (streams) a statement, which is what would make sharing unsafe.
 */
function withStatementCache(database: BetterSqlite3.Database, close: () => void): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close,
    prepare(sql) {
      let statement = statements.get(sql);
      if (statement === undefined) {
        statement = database.prepare(sql);
        if (statements.size >= statementCacheSize) statements.clear();
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/**
 * Kysely's SQLite dialect, except that transactions start with BEGIN IMMEDIATE: they take the
 * write lock up front, so a transaction racing another process waits (busy_timeout) instead of
 * failing with SQLITE_BUSY when it first tries to write.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #beforeClose: () => Promise<void>;

  constructor(config: SqliteDialectConfig, beforeClose: () => Promise<void>) {
    super(config);
    this.#config = config;
    this.#beforeClose = beforeClose;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#beforeClose);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #beforeClose: () => Promise<void>;

  constructor(config: SqliteDialectConfig, beforeClose: () => Promise<void>) {
    super(config);
    this.#beforeClose = beforeClose;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  /** Kysely's destroy(): what must end before the database closes, then the close. */
  override async destroy(): Promise<void> {
    await this.#beforeClose();
    await super.destroy();
  }
}
