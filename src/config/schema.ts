import { copilotSchema } from "./copilot-schema.js";
import { z } from "zod";
import { privacySchema } from "./privacy-schema.js";
import { providerSchema } from "./provider-schema.js";
import { rolloutSchema } from "./rollout-schema.js";
import { routerSchema } from "./routing-schema.js";
import { cacheSchema, filesSchema, queueSchema, retentionSchema } from "./stored-data-schema.js";
import { tenantNameSchema } from "./tenant-name-schema.js";

export { tenantNamePattern } from "../core/tenant-name.js";
export { providerNamePattern, providerSchema, type ProviderConfig } from "./provider-schema.js";
export {
  privacyActions,
  privacyPolicySchema,
  type PrivacyAction,
  type PrivacyPolicy,
} from "./privacy-schema.js";
export {
  confidenceSignals,
  languages,
  routeTargets,
  ruleConditionsSchema,
  ruleSchema,
  tasks,
  type RoutingRule,
  type RuleConditions,
} from "./routing-schema.js";

/** USD per million tokens. */
const priceSchema = z
  .object({ input: z.number().nonnegative(), output: z.number().nonnegative() })
  .strict();

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
        /**
         * Embedding model names that mean the local model on POST /v1/embeddings, besides its own
         * name, "local" and "auto": OpenAI's, which LangChain and LlamaIndex send by default.
         */
        embeddingModelAliases: z
          .array(z.string().min(1))
          .default(["text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"]),
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
        /**
         * Catalog name, a path to a .gguf file, or any source `colibri pull` accepts (default: the
         * catalog's `defaultModelName`).
         */
        default: z.string().min(1).default("qwen2.5-coder-1.5b-instruct"),
        /** Hugging Face endpoint (or mirror) for `hf:` sources; default the public Hub. */
        huggingfaceEndpoint: z.url().optional(),
        /** Token for gated or private Hugging Face repositories. */
        huggingfaceToken: z.string().min(1).optional(),
        /** Candidate models tried beside the current one: when they are promoted or rolled back. */
        rollout: rolloutSchema,
      })
      .strict()
      .prefault({}),
    engine: z
      .object({
        /** CPU threads for inference; default: the cores less one (1 on 2 cores), at most 8. */
        threads: z.number().int().positive().optional(),
        /** Concurrent sequences in the one context; default from cores and RAM. */
        sequences: z.number().int().min(1).max(256).optional(),
        /** Context size per sequence in tokens; default min(model's trained size, 4096). */
        contextSize: z.number().int().min(256).optional(),
        /** Longest embeddings input in tokens; default min(512, contextSize). Costs RAM per token. */
        embeddingContextSize: z.number().int().min(16).optional(),
        /**
         * Sentence-embedding model for POST /v1/embeddings, knowledge bases and the semantic cache:
         * a catalog name (e.g. "embeddinggemma-300m"), a .gguf path or any `colibri pull` source,
         * pulled at start-up when missing. Unset: embeddings come from the chat model.
         */
        embeddingModel: z.string().min(1).optional(),
        /** Requests that may wait for a free sequence; beyond it, HTTP 429. */
        maxQueue: z.number().int().nonnegative().default(16),
        /** Tokens generated when a request gives no max_tokens. */
        defaultMaxTokens: z.number().int().positive().default(512),
        /**
         * Repeat penalty of the local model over the answer's last `repeatLastTokens` tokens
         * (llama.cpp's, multiplicative); 1 turns it off. Not applied to JSON answers.
         */
        repeatPenalty: z.number().min(1).max(2).default(1.1),
        /** Answer tokens the repeat, frequency and presence penalties look back at; 0: none. */
        repeatLastTokens: z.number().int().nonnegative().max(4096).default(64),
        /** Stop a local answer that loops (the same span over and over) before max_tokens. */
        stopRunaway: z.boolean().default(true),
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
    /**
     * Named assistants over the tenants' knowledge bases, called as the model `copilot:<name>`
     * (see docs/api.md); none by default.
     */
    copilots: z
      .array(copilotSchema)
      .max(100)
      .refine(
        (copilots) => new Set(copilots.map((copilot) => copilot.name)).size === copilots.length,
        { error: "two copilots have the same name" },
      )
      .default([]),
    router: routerSchema,
    /** Answers reused instead of computed (or paid for) again; stored in the store. */
    cache: cacheSchema,
    /** The OpenAI Files API (batch input and results, documents), stored in the store. */
    files: filesSchema,
    /**
     * How long request-derived data is kept. The server sweeps hourly (and `colibri purge
     * --expired` on demand); null keeps that kind of data until it is deleted by hand.
     */
    retention: retentionSchema,
    /**
     * The store-and-forward queue behind the Batch API and `x-colibri-defer: allow`: requests that
     * need an unreachable cloud wait in the store and go out when the link is back.
     */
    queue: queueSchema,
    /** The privacy guard on the way to every cloud provider, and the egress audit. */
    privacy: privacySchema,
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
