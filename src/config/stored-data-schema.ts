import { z } from "zod";

/** Answers reused instead of computed (or paid for) again; stored in the store. */
export const cacheSchema = z
  .object({
    exact: z
      .object({
        /**
         * Reuse the answer to the same request (same tenant, model, messages, sampling):
         * "deterministic" only for requests with temperature 0 or a seed (which expect the
         * same answer again), "all" for every request, "off" never.
         */
        mode: z.enum(["off", "deterministic", "all"]).default("deterministic"),
        /** How long an answer is reused. */
        ttlSeconds: z.number().int().positive().default(86_400),
        /** Entries kept at most (the oldest go first). */
        maxEntries: z.number().int().positive().default(10_000),
      })
      .strict()
      .prefault({}),
    /**
     * Reuse the answer to a cached request whose last user message means the same (cosine
     * similarity of local embeddings at or above `threshold`), same tenant, model, sampling
     * and earlier messages. Off: measure it first (npm run bench:cache).
     */
    semantic: z
      .object({
        enabled: z.boolean().default(false),
        threshold: z.number().min(0).max(1).default(0.95),
        /** Newest entries of the same scope compared with each new prompt. */
        candidates: z.number().int().positive().max(10_000).default(200),
      })
      .strict()
      .prefault({}),
    /** Cache answers to requests that hold personal data (found by the privacy guard)? */
    personalData: z.boolean().default(false),
  })
  .strict()
  .prefault({});

/** The OpenAI Files API (batch input and results, documents), stored in the store as uploaded. */
export const filesSchema = z
  .object({
    /** Largest file accepted by POST /v1/files. */
    maxBytes: z
      .number()
      .int()
      .positive()
      .default(50 * 1024 * 1024),
    /**
     * Bytes all of a tenant's files may take together (uploads, batch results); an upload
     * past it is refused with 413. null: no quota.
     */
    quotaBytesPerTenant: z
      .number()
      .int()
      .positive()
      .nullable()
      .default(1024 * 1024 * 1024),
  })
  .strict()
  .prefault({});

/** A retention period in days (fractions allowed); null keeps the data until deleted by hand. */
const retentionDays = z.number().positive().nullable();

/**
 * How long request-derived data is kept. The server sweeps hourly (and `colibri purge
 * --expired` on demand); null keeps that kind of data until it is deleted by hand.
 */
export const retentionSchema = z
  .object({
    /**
     * Days after a batch ended (completed, failed, expired, cancelled) before its lines'
     * prompts and answers are blanked; its status and counts stay.
     */
    batchBodiesDays: retentionDays.default(30),
    /** Days batch input and output files (purpose batch, batch_output) are kept, as OpenAI does. */
    batchFilesDays: retentionDays.default(30),
    /** Days a response-cache entry may live, whatever cache.exact.ttlSeconds says. */
    cacheDays: retentionDays.default(30),
    /** Days usage records (no prompt text: tokens, cost, route) are kept. */
    usageDays: retentionDays.default(400),
    /**
     * Days users' feedback on answers is kept: the ratings, and the corrections and comments
     * they typed (text, unlike usage records).
     */
    feedbackDays: retentionDays.default(400),
    /**
     * Days training pairs are kept: requests a tenant allowed to be kept (tenants set
     * --keep-training-pairs on) as they were sent to the cloud, masked, with the cloud's answer.
     */
    trainingPairsDays: retentionDays.default(400),
    /** Days egress-audit records and their value hashes are kept. */
    auditDays: retentionDays.default(400),
  })
  .strict()
  .prefault({});

/**
 * The store-and-forward queue behind the Batch API and `x-colibri-defer: allow`: requests that
 * need an unreachable cloud wait in the store and go out when the link is back.
 */
export const queueSchema = z
  .object({
    /** Whether this process runs queued requests (off: batches are only accepted and stored). */
    enabled: z.boolean().default(true),
    /** Requests run at once by this process (local and cloud together). */
    concurrency: z.number().int().positive().max(64).default(2),
    /** Requests released per minute to each provider once it is reachable again. */
    ratePerMinute: z.number().positive().default(60),
    /** How long a worker holds a request before another may take it (it renews while alive). */
    leaseSeconds: z.number().positive().default(30),
    /** How often the queue is polled for due work when nothing wakes it. */
    pollMs: z.number().int().positive().default(500),
    /** Connectivity probes (GET /models) of each provider. */
    probe: z
      .object({
        /** Between probes while the provider is reachable. */
        intervalSeconds: z.number().positive().default(30),
        /** First wait after a failed probe; doubles up to `maxBackoffSeconds`. */
        minBackoffSeconds: z.number().positive().default(1),
        maxBackoffSeconds: z.number().positive().default(60),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});
