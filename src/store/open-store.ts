import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import { describeDatabase, parseDatabaseUrl } from "./database-url.js";
import { migrateToLatest, type MigrateOptions } from "./migrator.js";
import { openPostgres } from "./postgres-connection.js";
import { createRepositories } from "./repositories.js";
import { openSqlite } from "./sqlite-connection.js";
import { StoreClosedGuard } from "./store-closed-guard.js";
import { StoreClosedError } from "./store-errors.js";
import type { ApiKeyRepository, TenantRepository } from "../core/records/tenancy.js";
import type { CounterRepository, ReservationRepository } from "../core/records/counters.js";
import type { EgressRepository } from "../core/records/egress.js";
import type { ResponseCacheRepository } from "../core/records/response-cache.js";
import type { BatchRepository } from "../core/records/batches.js";
import type { FileRepository } from "../core/records/files.js";
import type { FeedbackRepository } from "../core/records/feedback.js";
import type { TrainingPairRepository } from "../core/records/training-pairs.js";
import type { KnowledgeRepository } from "../core/records/knowledge.js";
import type { ModelRegistryRepository } from "../core/records/model-registry.js";
import type {
  QueuedCount,
  QueuedWrite,
  RetentionRepository,
  Store,
  StoreRepositories,
} from "../core/records/store.js";
import { GroupCommitWriter } from "./group-commit.js";
import { QueuedCounts } from "./queued-counts.js";
import type { UsageRepository } from "../core/records/usage.js";

export interface OpenStoreOptions {
  /** A database URL (see parseDatabaseUrl); relative SQLite paths are resolved against `home`. */
  url: string;
  home: string;
}

/**
 * Open the store named by `url` and bring its tables up to date. Throws a ConfigError for a bad
 * URL and a ServiceUnavailableError when the database cannot be opened, reached or migrated.
 */
export async function openStore(options: OpenStoreOptions): Promise<Store> {
  const target = parseDatabaseUrl(options.url, options.home);
  if (target.dialect === "sqlite") {
    const location = `sqlite:${target.file}`;
    const db = await openSqlite(target.file);
    await oneAtATime(target.file, () => migrateOrClose(db, { dialect: "sqlite", location }));
    return new KyselyStore(db, "sqlite", location);
  }
  const location = describeDatabase(options.url.trim());
  const { db, schema } = await openPostgres({ ...target, location });
  await migrateOrClose(db, { dialect: "postgres", location, schema });
  return new KyselyStore(db, "postgres", location);
}

async function migrateOrClose(db: Kysely<Database>, options: MigrateOptions) {
  try {
    await migrateToLatest(db, options);
  } catch (error) {
    await db.destroy();
    throw error;
  }
}

/** SQLite files being migrated in this process, and the end of the last migration queued. */
const sqliteMigrations = new Map<string, Promise<void>>();

/**
 * Run the migrations of one SQLite file one store at a time. Other processes wait on the file's
 * lock (BusyWaitingConnection), for at most 5 s; two stores of this process queue here instead,
 * so the second waits for the first however long its migration takes.
 */
async function oneAtATime(file: string, work: () => Promise<void>): Promise<void> {
  const previous = sqliteMigrations.get(file) ?? Promise.resolve();
  const run = previous.then(work);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  sqliteMigrations.set(file, settled);
  try {
    await run;
  } finally {
    if (sqliteMigrations.get(file) === settled) sqliteMigrations.delete(file);
  }
}

class KyselyStore implements Store {
  readonly tenants: TenantRepository;
  readonly keys: ApiKeyRepository;
  readonly usage: UsageRepository;
  readonly counters: CounterRepository;
  readonly reservations: ReservationRepository;
  readonly egress: EgressRepository;
  readonly cache: ResponseCacheRepository;
  readonly files: FileRepository;
  readonly batches: BatchRepository;
  readonly retention: RetentionRepository;
  readonly knowledge: KnowledgeRepository;
  readonly feedback: FeedbackRepository;
  readonly models: ModelRegistryRepository;
  readonly trainingPairs: TrainingPairRepository;
  readonly #db: Kysely<Database>;
  readonly #writer: GroupCommitWriter<StoreRepositories>;
  readonly #queuedCounts = new QueuedCounts();
  #closing: Promise<void> | undefined;
  /** Set once the queued writes are written and the connections are closing. */
  #closed = false;

  constructor(
    db: Kysely<Database>,
    readonly dialect: "sqlite" | "postgres",
    readonly location: string,
  ) {
    // Every query, transactions included, goes through the guard.
    this.#db = db.withPlugin(new StoreClosedGuard(() => this.#closed));
    // The queued writes themselves see the counters as stored.
    this.#writer = new GroupCommitWriter({
      transaction: (work) =>
        this.#db.transaction().execute((transaction) => work(createRepositories(transaction))),
    });
    const repositories = this.#repositoriesOf(this.#db);
    // Reads of what writeBehind writes wait for what is queued (see afterQueuedWrites).
    const settled = () => this.#writer.flush();
    this.tenants = repositories.tenants;
    this.keys = repositories.keys;
    this.usage = afterQueuedWrites(repositories.usage, settled);
    // Counters never wait: they count the queued settlements in memory (QueuedCounts).
    this.counters = repositories.counters;
    this.reservations = repositories.reservations;
    // The audit's own writes are group-committed too; their callers wait for the commit (a record
    // of a call is written before the call).
    const egress = afterQueuedWrites(repositories.egress, settled);
    this.egress = {
      ...egress,
      insert: async (record) => {
        await (
          await this.writeBehind(({ egress }) => egress.insert(record), { soon: true })
        ).committed;
      },
      settleDelivery: async (id, delivery) =>
        (
          await this.writeBehind(({ egress }) => egress.settleDelivery(id, delivery), {
            soon: true,
          })
        ).committed,
    };
    this.cache = repositories.cache;
    this.files = repositories.files;
    this.batches = repositories.batches;
    this.retention = afterQueuedWrites(repositories.retention, settled);
    this.knowledge = repositories.knowledge;
    this.feedback = afterQueuedWrites(repositories.feedback, settled);
    this.models = repositories.models;
    // Pairs are written behind their answer; a read (the export) waits for what is queued.
    this.trainingPairs = afterQueuedWrites(repositories.trainingPairs, settled);
  }

  /** Repositories over `db` whose counters count the queued settlements. */
  #repositoriesOf(db: Kysely<Database>): StoreRepositories {
    const repositories = createRepositories(db);
    return { ...repositories, counters: this.#queuedCounts.counting(repositories.counters) };
  }

  async transaction<T>(
    work: (repositories: StoreRepositories) => Promise<T>,
    options: { waitForQueued?: boolean } = {},
  ): Promise<T> {
    if (this.#closing !== undefined) throw new StoreClosedError();
    // A transaction may read what is queued or delete it (a purge): it waits unless told not to.
    if (options.waitForQueued !== false) await this.#writer.flush();
    return this.#db.transaction().execute((transaction) => work(this.#repositoriesOf(transaction)));
  }

  async writeBehind<T>(
    work: (repositories: StoreRepositories) => Promise<T>,
    options: { soon?: boolean; counts?: QueuedCount } = {},
  ): Promise<QueuedWrite<T>> {
    if (this.#closing !== undefined) throw new StoreClosedError();
    const release =
      options.counts === undefined ? undefined : this.#queuedCounts.hold(options.counts);
    try {
      const queued = await this.#writer.enqueue(work, options);
      // Written (or failed): the stored counters hold it now (or never will).
      if (release !== undefined) queued.committed.then(release, release);
      return queued;
    } catch (error) {
      release?.();
      throw error;
    }
  }

  async flush(): Promise<void> {
    await this.#writer.flush();
  }

  close(): Promise<void> {
    this.#closing ??= this.#writer
      .close()
      .catch(() => undefined)
      .then(() => {
        this.#closed = true;
        return this.#db.destroy();
      });
    return this.#closing;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }
}

/**
 * The repository with each method (but those named in `except`) first waiting for the writes
 * queued by writeBehind, when there are any: a read sees everything this process has written.
 */
function afterQueuedWrites<T extends object>(
  repository: T,
  settled: () => Promise<void> | undefined,
  except: readonly (keyof T)[] = [],
): T {
  const wrapped = { ...repository };
  for (const name of Object.keys(repository) as (keyof T)[]) {
    const method = repository[name];
    if (typeof method !== "function" || except.includes(name)) continue;
    const call = method as (...args: unknown[]) => Promise<unknown>;
    wrapped[name] = ((...args: unknown[]) => {
      const waiting = settled();
      return waiting === undefined ? call(...args) : waiting.then(() => call(...args));
    }) as T[keyof T];
  }
  return wrapped;
}
