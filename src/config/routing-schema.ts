import { z } from "zod";
import { dataSelector } from "./privacy-schema.js";
import { providerNamePattern } from "./provider-schema.js";
import { tenantNameSchema } from "./tenant-name-schema.js";

export const confidenceSignals = ["mean", "min", "tail"] as const;

export const routeTargets = ["local", "cloud", "cascade", "auto"] as const;
/** ISO 639 codes of the languages the router detects (src/router/region-language.ts), and "other". */
export const languages = ["qu", "gn", "ay", "nah", "es", "pt", "en", "other"] as const;
/** Codes people may reach for, and the one the router uses instead. */
const languageAliases: Record<string, string> = {
  que: "qu",
  quy: "qu",
  quz: "qu",
  grn: "gn",
  gug: "gn",
  aym: "ay",
  ayr: "ay",
  nhn: "nah",
  nhe: "nah",
  spa: "es",
  por: "pt",
  eng: "en",
};
const languageSchema = z.enum(languages, {
  error: (issue) => {
    const seen = typeof issue.input === "string" ? issue.input : JSON.stringify(issue.input);
    const alias =
      typeof issue.input === "string" ? languageAliases[issue.input.toLowerCase()] : undefined;
    return `unknown language ${JSON.stringify(seen)}${alias === undefined ? "" : ` (write "${alias}")`}; the router knows ${languages.join(", ")} (ISO 639 codes; "other": none of them, or unclear)`;
  },
});
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
    /** The prompt's language, as `colibri lang detect` names it. */
    language: z
      // One code or a list; not oneOrMany's union, whose error would hide the code's own message.
      .preprocess(
        (value) => (typeof value === "string" ? [value] : value),
        z.array(languageSchema).min(1),
      )
      .optional(),
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
    /** Whether the model may call tools (the request declares some, tool_choice not "none"). */
    tools: z.boolean().optional(),
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

/** Where requests go: rules, the learned pre-router and the cascade. */
export const routerSchema = z
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
  .prefault({});
