import { z } from "zod";

/** Tenant names: letters, digits, ".", "_" and "-", up to 64 characters. */
export const tenantNamePattern = /^[A-Za-z0-9][\w.-]{0,63}$/;

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
        /** Debug only: log prompt and completion text. Off, logs never contain them. */
        logPrompts: z.boolean().default(false),
        bodyLimitBytes: z
          .number()
          .int()
          .positive()
          .default(4 * 1024 * 1024),
        /** How long in-flight requests may run after SIGTERM before they are cut. */
        shutdownGraceMs: z.number().int().nonnegative().default(10_000),
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
    limits: z
      .object({
        /** Tenant for requests without a key when auth is off, and for server.apiKey. */
        defaultTenant: z.string().regex(tenantNamePattern).default("default"),
        /** Once a USD budget is spent, may requests still be answered locally (at ~no cost)? */
        localWhenBudgetSpent: z.boolean().default(true),
      })
      .strict()
      .prefault({}),
  })
  .strict();

export type ColibriConfig = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
