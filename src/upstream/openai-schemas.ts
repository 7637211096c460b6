import { z } from "zod";

/** Shapes of what OpenAI-compatible servers send back; unknown fields are allowed and ignored. */

const topLogprobSchema = z.object({
  token: z.string(),
  logprob: z.number(),
  bytes: z.array(z.number().int()).nullish(),
});

export const openAITokenLogprobSchema = topLogprobSchema.extend({
  top_logprobs: z.array(topLogprobSchema).nullish(),
});

export type OpenAITokenLogprob = z.infer<typeof openAITokenLogprobSchema>;

const logprobsSchema = z.object({ content: z.array(openAITokenLogprobSchema).nullish() }).nullish();

const usageSchema = z
  .object({ prompt_tokens: z.number().int(), completion_tokens: z.number().int() })
  .nullish();

export type OpenAIUsage = NonNullable<z.infer<typeof usageSchema>>;

/**
 * A piece of a streamed tool call: the first piece of a call has its `id` and `function.name`;
 * `function.arguments` comes in pieces to be joined. `index` says which call a piece belongs to.
 */
const toolCallFragmentSchema = z.object({
  index: z.number().int().min(0).nullish(),
  id: z.string().nullish(),
  function: z.object({ name: z.string().nullish(), arguments: z.string().nullish() }).nullish(),
});

export type OpenAIToolCallFragment = z.infer<typeof toolCallFragmentSchema>;

/** One `chat.completion.chunk` of a stream (the usage chunk has no choices). */
export const openAIChunkSchema = z.object({
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: z.string().nullish(),
            tool_calls: z.array(toolCallFragmentSchema).nullish(),
          })
          .nullish(),
        finish_reason: z.string().nullish(),
        logprobs: logprobsSchema,
      }),
    )
    .default([]),
  usage: usageSchema,
});

export type OpenAIChunk = z.infer<typeof openAIChunkSchema>;

/** A whole `chat.completion`, for servers that answer with JSON although asked to stream. */
export const openAICompletionSchema = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({
          content: z.string().nullish(),
          tool_calls: z
            .array(
              z.object({
                id: z.string(),
                function: z.object({ name: z.string(), arguments: z.string().nullish() }),
              }),
            )
            .nullish(),
        }),
        finish_reason: z.string().nullish(),
        logprobs: logprobsSchema,
      }),
    )
    .min(1),
  usage: usageSchema,
});

export type OpenAICompletion = z.infer<typeof openAICompletionSchema>;

export const openAIEmbeddingsSchema = z.object({
  data: z.array(z.object({ index: z.number().int(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: z.number().int() }).nullish(),
});
