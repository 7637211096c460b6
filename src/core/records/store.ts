/**
 * The storage contract: small async repositories over plain records. Two implementations share
 * one Kysely code path (SQLite by default, PostgreSQL for fleets); see open-store.ts.
 * Times are milliseconds since the epoch (UTC); money is USD as a floating-point number.
 */

import type { BatchRepository } from "./batches.js";
import type { CounterRepository, CounterWindow, ReservationRepository } from "./counters.js";
import type { EgressRepository } from "./egress.js";
import type { FeedbackRepository } from "./feedback.js";
import type { FileRepository } from "./files.js";
import type { KnowledgeRepository } from "./knowledge.js";
import type { ModelRegistryRepository } from "./model-registry.js";
import type { ResponseCacheRepository } from "./response-cache.js";
import type { ApiKeyRepository, TenantRepository } from "./tenancy.js";
import type { TrainingPairRepository } from "./training-pairs.js";
import type { UsageRepository } from "./usage.js";

/** Rows removed (or blanked) per table, by the table's name. */
export type RemovedRows = Record<string, number>;

/**
 * Removal of request-derived data across tables: a tenant's whole history (a data-protection
 * request), and what is older than the retention periods.
 */
export interface RetentionRepository {
  /**
   * Delete everything stored about the tenant's requests: files, batches and their lines, cache
   * entries, usage records, feedback and models' tries, egress records and their value hashes, limit counters. With `account`
   * also its API keys and the tenant itself. Call it inside a transaction.
   */
  purgeTenant(tenantId: string, options: { account: boolean }): Promise<RemovedRows>;
  /**
   * Blank the request bodies and results of the lines of batches that ended (completed, failed,
   * expired or cancelled) before `before`; their counts and states stay. Returns lines blanked.
   */
  forgetBatchBodies(before: number): Promise<number>;
  /** Files of these purposes created before `before`, not the input of an unfinished batch. */
  expiredFiles(
    purposes: readonly string[],
    before: number,
    limit: number,
  ): Promise<{ id: string; tenantId: string }[]>;
  /** Delete usage records (and models' tries) created before `before`; returns records. */
  deleteUsage(before: number): Promise<number>;
  /** Delete feedback on answers given before `before`; returns how many. */
  deleteFeedback(before: number): Promise<number>;
  /** Delete training pairs kept before `before`; returns how many. */
  deleteTrainingPairs(before: number): Promise<number>;
  /** Delete egress records (and their value hashes) created before `before`; returns records. */
  deleteEgress(before: number): Promise<number>;
  /** Delete response-cache entries created before `before`, whatever their expiry. */
  deleteCache(before: number): Promise<number>;
  /** Delete chunks of uploads never published (interrupted) stored before `before`. */
  deleteOrphanChunks(before: number): Promise<number>;
}

export interface StoreRepositories {
  tenants: TenantRepository;
  keys: ApiKeyRepository;
  usage: UsageRepository;
  counters: CounterRepository;
  reservations: ReservationRepository;
  egress: EgressRepository;
  cache: ResponseCacheRepository;
  files: FileRepository;
  batches: BatchRepository;
  retention: RetentionRepository;
  knowledge: KnowledgeRepository;
  feedback: FeedbackRepository;
  /** The model registry: installed models, who serves each scope, tries and changes. */
  models: ModelRegistryRepository;
  /** Escalated requests kept, masked, with the tenant's consent (issue 25). */
  trainingPairs: TrainingPairRepository;
}

/** What a queued write will add to counter windows once it is committed. */
export interface QueuedCount {
  windows: readonly CounterWindow[];
  amount: { tokens: number; costUsd: number };
}

/** A write queued behind the request; `committed` settles when its transaction does. */
export interface QueuedWrite<T> {
  committed: Promise<T>;
}

export interface Store extends StoreRepositories, AsyncDisposable {
  readonly dialect: "sqlite" | "postgres";
  /** A description safe to print (no password), e.g. "sqlite:/home/u/.colibri/colibri.db". */
  readonly location: string;
  /**
   * Run `work` in one transaction: all of its writes land, or none. It first waits for the
   * writes queued by writeBehind, unless `waitForQueued` is false: for a limit decision, whose
   * counters count the queued settlements anyway (see writeBehind's `counts`).
   */
  transaction<T>(
    work: (repositories: StoreRepositories) => Promise<T>,
    options?: { waitForQueued?: boolean },
  ): Promise<T>;
  /**
   * Queue `work` to be written by group commit: with the other writes queued within a few
   * milliseconds, in one transaction (each alone if that transaction fails). For records written
   * after the fact (usage records, the counters they settle, audit rows). Resolves once queued
   * (at once, unless the bounded queue is full); `committed` settles when it is written. Reads of
   * usage, egress, feedback and retention, and transactions, first wait for what is queued, so
   * this process never reads around its own writes; close() writes what is left. `soon`: write
   * it on the next turn of the event loop (a caller waits for it). `counts`: what the write adds
   * to counter windows; until it is written, this store's counter reads and caps count it.
   */
  writeBehind<T>(
    work: (repositories: StoreRepositories) => Promise<T>,
    options?: { soon?: boolean; counts?: QueuedCount },
  ): Promise<QueuedWrite<T>>;
  /** Write everything queued by writeBehind now; resolves when it is committed. */
  flush(): Promise<void>;
  /** Write what is queued, then close connections; using the store afterwards throws. */
  close(): Promise<void>;
}
