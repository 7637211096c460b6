import { z } from "zod";

/** The one typed configuration. Every field has a default that runs out of the box. */
export const configSchema = z
  .object({
    /** Data folder: models, config, later the SQLite store. */
    home: z.string().min(1),
    server: z
      .object({
        host: z.string().min(1).default("127.0.0.1"),
        port: z.number().int().min(0).max(65535).default(8080),
        /** When set, every /v1 route requires `Authorization: Bearer <apiKey>`. */
        apiKey: z.string().min(1).optional(),
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
  })
  .strict();

export type ColibriConfig = z.infer<typeof configSchema>;
export type ConfigInput = z.input<typeof configSchema>;
