import { z } from "zod";

/**
 * How a candidate model is judged beside the current one (issue 25): after `minRequests` of its
 * answers it is rolled back when a quality signal is worse than the current model's by more than
 * its margin, and promoted after `promoteAfter` answers when its quality is at least the current's.
 */
export const rolloutSchema = z
  .object({
    /** Seconds between a running server's reads of the registry (a new candidate, a promotion). */
    pollSeconds: z.number().positive().max(3600).default(5),
    /** Candidate answers measured before any automatic decision. */
    minRequests: z.number().int().min(1).default(20),
    /** Automatic promotion after this many candidate answers; null: only `colibri models promote`. */
    promoteAfter: z.number().int().min(1).nullable().default(null),
    /** Only tries from the last this many hours count. */
    windowHours: z.number().positive().default(24),
    /** How much worse than the current model a candidate may be before it is rolled back. */
    margins: z
      .object({
        /** Share of answers the cascade would escalate (low confidence or a flaw). */
        escalation: z.number().min(0).max(1).default(0.1),
        /** Share of answers cut short as a runaway loop. */
        runaway: z.number().min(0).max(1).default(0.05),
        /** Share of served answers rated 👎 (canary only: nobody sees a shadow answer). */
        badFeedback: z.number().min(0).max(1).default(0.1),
        /** Share of answers that failed. */
        errors: z.number().min(0).max(1).default(0.02),
        /** Median latency, as a fraction over the current's (0.5: 50 % slower). */
        latency: z.number().min(0).default(0.5),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  .prefault({});

export type RolloutSettings = z.infer<typeof rolloutSchema>;
