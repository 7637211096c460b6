import { z } from "zod";
import { normalizeTenantName, tenantNamePattern, tenantNameRule } from "../core/tenant-name.js";
import { dataClasses, piiTypes } from "../core/pii-types.js";

export { tenantNamePattern } from "../core/tenant-name.js";

/** A tenant name (see src/core/tenant-name.ts), normalized: "clínica sur", "São Paulo". */
const tenantNameSchema = z
  .string()
  .transform(normalizeTenantName)
  .pipe(z.string().regex(tenantNamePattern, `Invalid tenant name: use ${tenantNameRule}`));

/** USD per million tokens. */
const priceSchema = z
  .object({ input: z.number().nonnegative(), output: z.number().nonnegative() })
  .strict();

/** Provider names appear in headers, usage records and `provider/model` names. */
export const providerNamePattern = /^[a-z0-9][a-z0-9_-]{0,31}$/;

/** One cloud provider (or any OpenAI-compatible server: vLLM, Ollama, another Colibrí). */
export const providerSchema = z
  .object({
    name: z.string().regex(providerNamePattern, {
      error: "use lower-case letters, digits, '-' and '_' (e.g. \"openai\")",
    }),
    /** Wire protocol: OpenAI chat completions, or Anthropic Messages. */
    kind: z.enum(["openai", "anthropic"]).default("openai"),
    /** e.g. https://api.openai.com/v1, https://api.anthropic.com/v1, http://127.0.0.1:11434/v1 */
    baseUrl: z.url(),
    /** Name of the environment variable holding the API key (the key itself never sits in config). */
    apiKeyEnv: z.string().min(1).optional(),
    /**
     * Models clients may ask for by name: a list, or a map from the name clients use to the
     * provider's own name (Azure deployments, OpenRouter's "vendor/model" names).
     */
    models: z.union([
      z.array(z.string().min(1)).min(1),
      z.record(z.string().min(1), z.string().min(1)),
    ]),
    /** The model the router uses when it escalates; default the first of `models`. */
    defaultModel: z.string().min(1).optional(),
    /** Extra HTTP headers on every call (e.g. Azure's api-key, OpenRouter's HTTP-Referer). */
    headers: z.record(z.string().min(1), z.string()).default({}),
    /** Query parameters on every call (e.g. Azure's api-version). */
    query: z.record(z.string().min(1), z.string()).default({}),
    /** Where the provider processes data (e.g. "us", "br"), for residency rules. */
    region: z.string().min(1).optional(),
    timeouts: z
      .object({
        /** TCP/TLS connection set-up. */
        connectMs: z.number().int().positive().default(5_000),
        /** From sending the request to the first byte of the response. */
        firstByteMs: z.number().int().positive().default(30_000),
        /** Longest silence inside a streamed response before it counts as stalled. */
        idleMs: z.number().int().positive().default(30_000),
        /** The whole call, retries included. */
        totalMs: z.number().int().positive().default(120_000),
      })
      .strict()
      .prefault({}),
    retry: z
      .object({
        /** Further attempts after the first, only for 429, 5xx and network failures. */
        maxRetries: z.number().int().min(0).max(10).default(2),
        baseDelayMs: z.number().int().nonnegative().default(250),
        maxDelayMs: z.number().int().nonnegative().default(8_000),
      })
      .strict()
      .prefault({}),
    breaker: z
      .object({
        /** Consecutive failed calls that open the circuit. */
        failureThreshold: z.number().int().positive().default(5),
        /** How long it stays open before one probe call is let through (half-open). */
        openMs: z.number().int().positive().default(30_000),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ProviderConfig = z.infer<typeof providerSchema>;

export const privacyActions = ["allow", "redact", "pseudonymize", "block", "local-only"] as const;
const privacyAction = z.enum(privacyActions);

/** Keys of an action map: a data type (`BR_CPF`, `EMAIL`, …) or a data class (`national_id`, …). */
const dataSelectors: readonly string[] = [...piiTypes, ...dataClasses];
const unknownSelector = (name: string) =>
  `unknown data type "${name}": use a type (${piiTypes.join(", ")}) or a class (${dataClasses.join(", ")})`;
const dataSelector = z.string().refine((name) => dataSelectors.includes(name), {
  error: (issue) => unknownSelector(String(issue.input)),
});
const actionMapSchema = z.record(z.string(), privacyAction).superRefine((map, context) => {
  for (const name of Object.keys(map)) {
    if (!dataSelectors.includes(name)) {
      context.addIssue({ code: "custom", path: [name], message: unknownSelector(name) });
    }
  }
});

const destinationPolicySchema = z
  .object({ default: privacyAction.optional(), types: actionMapSchema.optional() })
  .strict();

/**
 * What may leave the machine. A data type's action is looked up, first match wins:
 * `destinations[<provider>].types`, `destinations[<provider>].default`, `types`, `default` —
 * in the tenant's policy, then in the global one; for a type, its own name before its class.
 */
export const privacyPolicySchema = z
  .object({
    default: privacyAction.optional(),
    types: actionMapSchema.optional(),
    /** Per destination: a provider's name, or "local" (default: everything allowed locally). */
    destinations: z.record(z.string().min(1), destinationPolicySchema).optional(),
    /**
     * Which providers (by name) or regions (a provider's `region`) may receive each data class in
     * clear (action allow); a pseudonymised or redacted value does not leave.
     */
    residency: z
      .partialRecord(
        z.enum(dataClasses),
        z
          .object({
            providers: z.array(z.string().regex(providerNamePattern)).optional(),
            regions: z.array(z.string().min(1)).optional(),
          })
          .strict(),
      )
      .optional(),
    /** What happens to a value residency forbids: answer locally, or refuse (4xx). */
    whenResidencyForbids: z.enum(["local-only", "block"]).optional(),
  })
  .strict();

export type PrivacyPolicy = z.infer<typeof privacyPolicySchema>;
export type PrivacyAction = (typeof privacyActions)[number];

export const confidenceSignals = ["mean", "min", "tail"] as const;

export const routeTargets = ["local", "cloud", "cascade", "auto"] as const;
export const languages = ["es", "pt", "en", "other"] as const;
export const tasks = [
  "code",
  "math",
  "translation",
  "summarization",
  "extraction",
  "classification",
  "question",
  "chat",
] as const;

const oneOrMany = <T extends z.ZodType>(item: T) =>
  z
    .union([item, z.array(item).min(1)])
    .transform((value) => (Array.isArray(value) ? value : [value]));

/** Conditions of a routing rule: every condition given must hold. */
export const ruleConditionsSchema = z
  .object({
    /** The model the client asked for ("auto", "local", a local or cloud model's name). */
    model: oneOrMany(z.string().min(1)).optional(),
    language: oneOrMany(z.enum(languages)).optional(),
    task: oneOrMany(z.enum(tasks)).optional(),
    tenant: oneOrMany(tenantNameSchema).optional(),
    /** Estimated prompt tokens (characters / 4), inclusive bounds. */
    minPromptTokens: z.number().int().nonnegative().optional(),
    maxPromptTokens: z.number().int().nonnegative().optional(),
    /** Values the request carries in `x-colibri-metadata: key=value; …` or the body's `metadata`. */
    metadata: z.record(z.string().min(1), z.string()).optional(),
    /** Whether the tenant's USD budget is spent. */
    budget: z.enum(["ok", "spent"]).optional(),
    /** Whether the cloud provider is reachable (its circuit breaker is not open). */
    cloud: z.enum(["up", "down"]).optional(),
    /**
     * Personal data found by the privacy guard: true (any), false (none), or the data types and
     * classes of which one must be present (e.g. ["BR_CPF", "financial"]).
     */
    pii: z.union([z.boolean(), oneOrMany(dataSelector)]).optional(),
  })
  .strict();

export const ruleSchema = z
  .object({
    /** Appears in x-colibri-reason as `rule:<name>`. */
    name: z.string().regex(/^[\w.-]{1,64}$/, { error: "letters, digits, '.', '_' and '-'" }),
    when: ruleConditionsSchema.prefault({}),
    /** local | cloud | cascade (local first, cloud when unsure) | auto (the learned router). */
    route: z.enum(routeTargets),
    /** For cloud and cascade: which provider (default router.cloudProvider) … */
    provider: z.string().regex(providerNamePattern).optional(),
    /** … and which of its models (default that provider's defaultModel). */
    model: z.string().min(1).optional(),
  })
  .strict();

export type RoutingRule = z.infer<typeof ruleSchema>;
export type RuleConditions = RoutingRule["when"];

/** A retention period in days (fractions allowed); null keeps the data until deleted by hand. */
const retentionDays = z.number().positive().nullable();

/** The one typed configuration. Every field has a default that runs out of the box. */
export const configSchema = z
  .object({
    /** Data folder: models, config and the SQLite store. */
    home: z.string().min(1),
    /**
     * Where tenants, keys and usage live: `sqlite:<file>` (default `sqlite:$home/colibri.db`) or
     * `postgres://user@host:5432/db[?schema=name]`, shared by several gateway replicas.
     */
    database: z.string().min(1).optional(),
    server: z
      .object({
        host: z.string().min(1).default("127.0.0.1"),
        port: z.number().int().min(0).max(65535).default(8080),
        /**
         * Whether /v1 routes require a key. Default: on unless listening on loopback only (or when
         * apiKey is set). Off, requests without a known key count as the default tenant.
         */
        auth: z.boolean().optional(),
        /** One shared key, served as the default tenant (tenant keys come from `colibri keys`). */
        apiKey: z.string().min(1).optional(),
        /** Key for the /admin routes; without it one is created at first start and printed once. */
        adminKey: z.string().min(16).optional(),
        /**
         * With auth off, the bearer key that counts as no key (OpenAI clients insist on some
         * apiKey; the README uses "local"). Any other unknown or revoked key is a 401. null: none.
         */
        placeholderKey: z.string().min(1).nullable().default("local"),
        /**
         * Host names (the Host header, port ignored) this server answers besides loopback names and
         * server.host (and, bound to 0.0.0.0 or ::, this machine's addresses and hostname), so a
         * DNS-rebinding web page cannot reach it. "*" answers any Host.
         */
        allowedHosts: z.array(z.string().min(1)).default([]),
        /** Debug only: log prompt and completion text. Off, logs never contain them. */
        logPrompts: z.boolean().default(false),
        bodyLimitBytes: z
          .number()
          .int()
          .positive()
          .default(4 * 1024 * 1024),
        /** How long in-flight requests may run after SIGTERM before they are cut. */
        shutdownGraceMs: z.number().int().nonnegative().default(10_000),
        /**
         * How long a client may take to send a whole request (headers and body); past it the
         * connection is answered 408 and closed, so unfinished requests cannot pile up.
         */
        requestTimeoutMs: z.number().int().positive().default(120_000),
        /** Connections open at once; more are refused with a 503 (file descriptors are finite). */
        maxConnections: z.number().int().positive().default(1_000),
      })
      .strict()
      .prefault({}),
    model: z
      .object({
        /** Catalog name, a path to a .gguf file, or any source `colibri pull` accepts. */
        default: z.string().min(1).default("smollm2-135m-instruct"),
        /** Hugging Face endpoint (or mirror) for `hf:` sources; default the public Hub. */
        huggingfaceEndpoint: z.url().optional(),
        /** Token for gated or private Hugging Face repositories. */
        huggingfaceToken: z.string().min(1).optional(),
      })
      .strict()
      .prefault({}),
    engine: z
      .object({
        /** CPU threads for inference; default: the machine's cores. */
        threads: z.number().int().positive().optional(),
        /** Concurrent sequences in the one context; default from cores and RAM. */
        sequences: z.number().int().min(1).max(256).optional(),
        /** Context size per sequence in tokens; default min(model's trained size, 4096). */
        contextSize: z.number().int().min(256).optional(),
        /** Longest embeddings input in tokens; default min(512, contextSize). Costs RAM per token. */
        embeddingContextSize: z.number().int().min(16).optional(),
        /** Requests that may wait for a free sequence; beyond it, HTTP 429. */
        maxQueue: z.number().int().nonnegative().default(16),
        /** Tokens generated when a request gives no max_tokens. */
        defaultMaxTokens: z.number().int().positive().default(512),
      })
      .strict()
      .prefault({}),
    pricing: z
      .object({
        /** Cloud model each request is compared with, for the saving shown by `colibri usage`. */
        referenceModel: z.string().min(1).default("gpt-4o"),
        referenceEmbeddingModel: z.string().min(1).default("text-embedding-3-small"),
        /** Cost of local tokens (energy, hardware); default zero. */
        local: priceSchema.prefault({ input: 0, output: 0 }),
        /** Cloud prices in USD per million tokens; they extend and override the bundled table. */
        models: z.record(z.string().min(1), priceSchema).default({}),
      })
      .strict()
      .prefault({}),
    /** Cloud providers the router may escalate to; none by default (local only). */
    providers: z.array(providerSchema).default([]),
    router: z
      .object({
        /** Provider used for `auto` escalations; default the first in `providers`. */
        cloudProvider: z.string().regex(providerNamePattern).optional(),
        /**
         * When the cloud is needed but unreachable (breaker open, connection refused, timeout):
         * answer locally with `x-colibri-degraded: cloud-unavailable`, or fail with 503.
         */
        whenCloudUnavailable: z.enum(["local", "fail"]).default("local"),
        /** Policy rules, first match wins. */
        rules: z.array(ruleSchema).default([]),
        preRouter: z
          .object({
            enabled: z.boolean().default(true),
            /** Artifact from `colibri router train`; default $home/router/pre-router.json, else the bundled one. */
            artifact: z.string().min(1).optional(),
            /** Score (0–1, higher = needs the cloud) at or above which `auto` goes straight to the cloud. */
            cloudThreshold: z.number().min(0).max(1).optional(),
          })
          .strict()
          .prefault({}),
        cascade: z
          .object({
            enabled: z.boolean().default(true),
            /** Local answers whose confidence (0–1) is below this go to the cloud. */
            threshold: z.number().min(0).max(1).default(0.25),
            /**
             * How token probabilities become one confidence: the geometric mean probability
             * ("mean"), the least likely token ("min"), or the mean of the least likely quarter
             * ("tail").
             */
            signal: z.enum(confidenceSignals).default("mean"),
            /** Tokens held back from a streamed local answer until its confidence is known. */
            holdTokens: z.number().int().min(1).max(4096).default(32),
          })
          .strict()
          .prefault({}),
      })
      .strict()
      .prefault({}),
    /** Answers reused instead of computed (or paid for) again; stored in the store. */
    cache: z
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
      .prefault({}),
    /** The OpenAI Files API (batch input and results), stored in the store as UTF-8 text. */
    files: z
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
      .prefault({}),
    /**
     * How long request-derived data is kept. The server sweeps hourly (and `colibri purge
     * --expired` on demand); null keeps that kind of data until it is deleted by hand.
     */
    retention: z
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
        /** Days egress-audit records and their value hashes are kept. */
        auditDays: retentionDays.default(400),
      })
      .strict()
      .prefault({}),
    /**
     * The store-and-forward queue behind the Batch API and `x-colibri-defer: allow`: requests that
     * need an unreachable cloud wait in the store and go out when the link is back.
     */
    queue: z
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
      .prefault({}),
    /** The privacy guard on the way to every cloud provider, and the egress audit. */
    privacy: z
      .object({
        /** Off, requests go to the cloud unchanged (still audited, with no findings). */
        enabled: z.boolean().default(true),
        /** Findings below this confidence (0–1) are ignored. */
        minConfidence: z.number().min(0).max(1).default(0.5),
        /**
         * Most personal data findings one request (chat messages, or a /v1/privacy/scan text) may
         * hold; past it the scan stops and the request is refused with 413 too_many_findings.
         */
        maxFindingsPerRequest: z.number().int().positive().default(5_000),
        /** Regions whose national phone numbers are recognised without "+" (default: Latin America). */
        phoneRegions: z
          .array(z.string().regex(/^[A-Z]{2}$/))
          .min(1)
          .optional(),
        /**
         * Environment variable holding the audit's HMAC key; without it the key is read from (or
         * created in) $home/audit.key. Replicas sharing a database must share the key.
         */
        auditKeyEnv: z.string().min(1).default("COLIBRI_AUDIT_KEY"),
        /** The policy for every tenant; default: pseudonymize every finding sent to a cloud. */
        policy: privacyPolicySchema.prefault({}),
        /** Per tenant, layered over `policy`. */
        tenants: z.record(tenantNameSchema, privacyPolicySchema).default({}),
      })
      .strict()
      .prefault({}),
    limits: z
      .object({
        /** Tenant for requests without a key when auth is off, and for server.apiKey. */
        defaultTenant: tenantNameSchema.default("default"),
        /** Once a USD budget is spent, may requests still be answered locally (at ~no cost)? */
        localWhenBudgetSpent: z.boolean().default(true),
        /**
         * How long an admitted request's reservation against its budgets and token limits is held
         * before it is released as abandoned (a crashed process); a request still running then
         * is billed in full when it settles. Longer than any request should run.
         */
        reservationTtlSeconds: z.number().int().min(10).max(86_400).default(900),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ColibriConfig = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
