import { z } from "zod";
import { promptKey } from "../../src/router/pre-router/hash.js";
import { RouterDataError } from "./router-data-error.js";

export const contaminatedPromptsFile = "contaminated_prompts.jsonl";

const lineSchema = z
  .object({
    train_prompt: z.string().optional(),
    eval_prompt: z.string().optional(),
    prompt: z.string().optional(),
  })
  .loose()
  .refine(
    (line) =>
      line.train_prompt !== undefined ||
      line.eval_prompt !== undefined ||
      line.prompt !== undefined,
    { error: "has none of train_prompt, eval_prompt, prompt" },
  );

/**
 * Prompt keys (see promptKey) listed in a contaminated_prompts.jsonl file: every `eval_prompt`,
 * `train_prompt` and `prompt` field, one JSON object per line.
 */
export function parseContaminatedPrompts(text: string, file: string): Set<string> {
  const keys = new Set<string>();
  text.split("\n").forEach((raw, index) => {
    if (raw.trim() === "") return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch (error) {
      throw new RouterDataError(
        `${file} line ${index + 1} is not JSON (${(error as Error).message}); each line must be an object with "eval_prompt", "train_prompt" or "prompt".`,
      );
    }
    const result = lineSchema.safeParse(json);
    if (!result.success) {
      const problem = result.error.issues[0];
      const field =
        problem === undefined || problem.path.length === 0 ? "" : `${problem.path.join(".")}: `;
      throw new RouterDataError(
        `${file} line ${index + 1}: ${field}${problem?.message ?? "invalid"}; each line must be an object with "eval_prompt", "train_prompt" or "prompt".`,
      );
    }
    for (const prompt of [result.data.eval_prompt, result.data.train_prompt, result.data.prompt]) {
      if (prompt !== undefined) keys.add(promptKey(prompt));
    }
  });
  return keys;
}
