import { z } from "zod";

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
