import { z } from "zod";

/**
 * A copilot: a named assistant over the caller tenant's knowledge bases, which clients call as the
 * model `copilot:<name>` through chat completions, Messages and Responses.
 */
export const copilotSchema = z
  .object({
    /** Called as `copilot:<name>`. */
    name: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9._-]{0,63}$/u,
        "a copilot's name is lower-case letters, digits, '.', '_' or '-' (e.g. farmacia)",
      ),
    /** What it is for, shown in GET /v1/models' `description`. */
    description: z.string().max(500).optional(),
    /** Its own instructions, before the passages (e.g. "Eres el asistente de la farmacia…"). */
    instructions: z.string().max(8_000).optional(),
    /** Names of the caller tenant's knowledge bases it answers from (`colibri kb create`). */
    knowledgeBases: z.array(z.string().min(1)).min(1).max(16),
    /** Who answers: "local" keeps everything on the machine; "auto" lets the router decide. */
    model: z.string().min(1).default("local"),
    /** Passages found for each question and given to the model. */
    passages: z.number().int().min(1).max(20).default(5),
  })
  .strict();

export type CopilotConfig = z.infer<typeof copilotSchema>;
