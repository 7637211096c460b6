import { z } from "zod";
import { InvalidRequestError } from "../core/errors.js";
import { chatCompletionBodySchema, type ChatCompletionBody } from "./openai-schemas.js";

/**
 * `POST /v1/completions` (OpenAI's legacy text completions). The prompt becomes the one user
 * message of a chat body marked as a continuation, so it goes through the chat flow unchanged
 * (admission, guard, router, accounting): the local model continues the text without its chat
 * template, as this endpoint means; a cloud model (chat only) answers it as a turn. What is not
 * served is refused with a 400 that says so, never ignored: `echo`, `suffix`, `best_of`,
 * `logprobs`, several prompts or token-id prompts.
 */
export const completionBodySchema = z.object({
  model: z.string().min(1),
  prompt: z.union([
    z.string(),
    z
      .array(z.string())
      .length(1, {
        error:
          "only one prompt per request is served; send the prompts as separate requests (or as a batch, POST /v1/batches).",
      })
      .transform((prompts) => prompts[0] ?? ""),
  ]),
  max_tokens: z.number().int().positive().nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().gt(0).max(1).nullable().optional(),
  n: z.literal(1, { error: "Only n=1 is supported." }).nullable().optional(),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  stop: z
    .union([z.string(), z.array(z.string()).max(4)])
    .nullable()
    .optional(),
  seed: z.number().int().nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  echo: z.boolean().nullable().optional(),
  suffix: z.string().nullable().optional(),
  best_of: z.number().int().nullable().optional(),
  logprobs: z.number().int().nullable().optional(),
  logit_bias: z.record(z.string(), z.number()).nullable().optional(),
  user: z.string().optional(),
});

export type CompletionBody = z.infer<typeof completionBodySchema>;

/** OpenAI's default for `max_tokens` on this endpoint. */
const legacyDefaultMaxTokens = 16;

export function toChatCompletionBody(body: CompletionBody): ChatCompletionBody {
  refuse(
    body.echo === true,
    "echo",
    "echo is not supported: the answer holds only the continuation; prepend the prompt yourself.",
  );
  refuse(
    body.suffix != null && body.suffix !== "",
    "suffix",
    "suffix (insertion) is not supported; put the text that follows in the prompt.",
  );
  refuse(
    body.best_of != null && body.best_of > 1,
    "best_of",
    "best_of above 1 is not supported; send the request several times and choose.",
  );
  refuse(
    body.logprobs != null && body.logprobs > 0,
    "logprobs",
    "logprobs is not served on /v1/completions; use /v1/chat/completions with logprobs: true and top_logprobs.",
  );
  refuse(body.prompt === "", "prompt", "prompt must not be empty.");
  const chat = {
    model: body.model,
    messages: [{ role: "user" as const, content: body.prompt }],
    stream: body.stream,
    stream_options: body.stream_options,
    max_tokens: body.max_tokens ?? legacyDefaultMaxTokens,
    temperature: body.temperature,
    top_p: body.top_p,
    stop: body.stop,
    seed: body.seed,
    frequency_penalty: body.frequency_penalty,
    presence_penalty: body.presence_penalty,
    logit_bias: body.logit_bias,
    user: body.user,
  };
  const parsed = chatCompletionBodySchema.safeParse(chat);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidRequestError(
      `${issue?.path.join(".") ?? "body"}: ${issue?.message ?? "invalid"}`,
      issue?.path.join(".") ?? null,
    );
  }
  return parsed.data;
}

function refuse(condition: boolean, param: string, message: string): void {
  if (condition) throw new InvalidRequestError(message, param);
}
