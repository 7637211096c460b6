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
import { BusyWaitingConnection, busyWaitMs } from "./sqlite-busy-wait.js";
import { SqliteCheckpointer, walLimitBytes } from "./sqlite-checkpointer.js";
import { DatabaseUnavailableError } from "./store-errors.js";

/**
 * Open (creating it and its folder if needed) a SQLite file, or ":memory:". WAL lets readers run
 * beside the writer; a statement that finds the write lock taken (by a second process, or the
 * checkpoint thread) waits for it, not fail: busy_timeout while the file is opened, and then
 * BusyWaitingConnection, which waits on a timer instead of inside the call.
 */
export async function openSqlite(file: string): Promise<Kysely<Database>> {
  let database: BetterSqlite3.Database;
  try {
    if (file !== ":memory:") await mkdir(dirname(file), { recursive: true });
    database = new BetterSqlite3(file);
    database.pragma("journal_mode = WAL");
    database.pragma("synchronous = NORMAL");
    database.pragma(`busy_timeout = ${busyWaitMs}`);
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
  // From here on SQLite answers SQLITE_BUSY at once, and the driver waits between tries.
  database.pragma("busy_timeout = 0");
  return new Kysely<Database>({
    dialect: new ImmediateSqliteDialect(
      {
        database: withStatementCache(database, () => {
          database.close();
        }),
      },
      {
        // The checkpoint thread's connection closes first, so this one closes last: SQLite then
        // moves the whole log into the file and deletes it (no -wal file left after a clean stop).
        beforeClose: async () => {
          await checkpointer?.stop();
        },
        inTransaction: () => database.inTransaction,
      },
    ),
  });
}

interface DriverHooks {
  /** What must end before the database closes. */
  beforeClose: () => Promise<void>;
  /** Whether the connection is inside a transaction now (see BusyWaitingConnection). */
  inTransaction: () => boolean;
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
 * write lock up front, so a transaction racing another process waits for it (a BEGIN that found
 * it taken did nothing, and is tried again) instead of failing with SQLITE_BUSY when it first
 * tries to write; and that its connection waits for locks without holding the event loop.
 */
class ImmediateSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;
  readonly #hooks: DriverHooks;

  constructor(config: SqliteDialectConfig, hooks: DriverHooks) {
    super(config);
    this.#config = config;
    this.#hooks = hooks;
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.#config, this.#hooks);
  }
}

class ImmediateSqliteDriver extends SqliteDriver {
  readonly #hooks: DriverHooks;
  #connection: BusyWaitingConnection | undefined;

  constructor(config: SqliteDialectConfig, hooks: DriverHooks) {
    super(config);
    this.#hooks = hooks;
  }

  /** Kysely's one connection (behind its mutex), waiting for locks on a timer. */
  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#connection ??= new BusyWaitingConnection(connection, this.#hooks.inTransaction);
    return this.#connection;
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }

  /** Kysely's destroy(): what must end before the database closes, then the close. */
  override async destroy(): Promise<void> {
    await this.#hooks.beforeClose();
    await super.destroy();
  }
}
