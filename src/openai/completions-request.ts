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
export const completionBodySchema = chatCompletionBodySchema
  .pick({
    model: true,
    max_tokens: true,
    temperature: true,
    top_p: true,
    n: true,
    stream: true,
    stream_options: true,
    stop: true,
    seed: true,
    frequency_penalty: true,
    presence_penalty: true,
    logit_bias: true,
    user: true,
  })
  .extend({
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
    echo: z.boolean().nullable().optional(),
    suffix: z.string().nullable().optional(),
    best_of: z.number().int().nullable().optional(),
    logprobs: z.number().int().nullable().optional(),
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
  // The fields the chat body shares were validated by its own schema (picked above).
  return {
    model: body.model,
    messages: [{ role: "user", content: body.prompt }],
    stream: body.stream,
    stream_options: body.stream_options,
    max_tokens: body.max_tokens ?? legacyDefaultMaxTokens,
    temperature: body.temperature,
    top_p: body.top_p,
    n: body.n,
    stop: body.stop,
    seed: body.seed,
    frequency_penalty: body.frequency_penalty,
    presence_penalty: body.presence_penalty,
    logit_bias: body.logit_bias,
    ...(body.user === undefined ? {} : { user: body.user }),
  };
}

function refuse(condition: boolean, param: string, message: string): void {
  if (condition) throw new InvalidRequestError(message, param);
}
