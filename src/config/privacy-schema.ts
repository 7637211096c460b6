import { z } from "zod";
import { dataClasses, piiTypes } from "../core/pii-types.js";
import { providerNamePattern } from "./provider-schema.js";
import { tenantNameSchema } from "./tenant-name-schema.js";

export const privacyActions = ["allow", "redact", "pseudonymize", "block", "local-only"] as const;
const privacyAction = z.enum(privacyActions);

/** Keys of an action map: a data type (`BR_CPF`, `EMAIL`, …) or a data class (`national_id`, …). */
const dataSelectors: readonly string[] = [...piiTypes, ...dataClasses];
const unknownSelector = (name: string) =>
  `unknown data type "${name}": use a type (${piiTypes.join(", ")}) or a class (${dataClasses.join(", ")})`;
export const dataSelector = z.string().refine((name) => dataSelectors.includes(name), {
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

/** The privacy guard on the way to every cloud provider, and the egress audit. */
export const privacySchema = z
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
    /**
     * A second layer for text about to leave: the local model lists the people's names and
     * street addresses in a request the router sends (or may escalate) to a cloud provider,
     * under a JSON-schema grammar, and what it finds is masked with the fast layer's findings.
     * Costs seconds per request on a CPU (measured in docs/benchmarks.md); off by default.
     */
    modelPass: z
      .object({
        enabled: z.boolean().default(false),
        /** Most characters of a request's texts, all together, the model reads. */
        maxChars: z.number().int().positive().default(4_000),
        /** The model reads a text in pieces of about this many characters. */
        chunkChars: z.number().int().min(100).default(800),
        /** Most milliseconds the pass may take for one request. */
        timeoutMs: z.number().int().positive().default(60_000),
        /**
         * When the model cannot read all of a request (longer than maxChars, past timeoutMs, or
         * failed): answer on this machine (local-only), refuse it (block), or send it with what
         * the fast layer masked (send).
         */
        onIncomplete: z.enum(["local-only", "block", "send"]).default("local-only"),
      })
      .strict()
      .prefault({}),
    /** The policy for every tenant; default: pseudonymize every finding sent to a cloud. */
    policy: privacyPolicySchema.prefault({}),
    /** Per tenant, layered over `policy`. */
    tenants: z.record(tenantNameSchema, privacyPolicySchema).default({}),
  })
  .strict()
  .prefault({});
