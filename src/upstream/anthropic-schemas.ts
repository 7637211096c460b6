import { z } from "zod";

/** Shapes of what the Anthropic Messages API sends back; unknown fields are ignored. */

const usageSchema = z.object({
  input_tokens: z.number().int().nullish(),
  output_tokens: z.number().int().nullish(),
});

/** The events of a streamed message; other event types (future ones) are skipped. */
export const anthropicStreamEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message_start"),
    message: z.object({ usage: usageSchema.nullish() }),
  }),
  z.object({
    type: z.literal("content_block_delta"),
    index: z.number().int().min(0).default(0),
    delta: z.looseObject({
      type: z.string(),
      text: z.string().nullish(),
      /** A piece of a tool_use block's input, as JSON text (`input_json_delta`). */
      partial_json: z.string().nullish(),
    }),
  }),
  z.object({
    type: z.literal("message_delta"),
    delta: z.object({ stop_reason: z.string().nullish() }),
    usage: usageSchema.nullish(),
  }),
  z.object({ type: z.literal("message_stop") }),
  z.object({
    type: z.literal("content_block_start"),
    index: z.number().int().min(0).default(0),
    content_block: z
      .looseObject({ type: z.string(), id: z.string().nullish(), name: z.string().nullish() })
      .nullish(),
  }),
  z.object({
    type: z.literal("content_block_stop"),
    index: z.number().int().min(0).default(0),
  }),
  z.object({ type: z.literal("ping") }),
]);

export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

/** A whole message, for an answer that came back as JSON. */
export const anthropicMessageSchema = z.object({
  type: z.literal("message"),
  content: z.array(
    z.looseObject({
      type: z.string(),
      text: z.string().nullish(),
      id: z.string().nullish(),
      name: z.string().nullish(),
      /** A tool_use block's input: any JSON (an object, as the API sends it). */
      input: z.unknown().optional(),
    }),
  ),
  stop_reason: z.string().nullish(),
  usage: usageSchema,
});

export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

/** Event types the stream reader knows; anything else is skipped, as the API asks. */
export const knownAnthropicEventTypes = new Set([
  "message_start",
  "content_block_start",
  "content_block_delta",
  "content_block_stop",
  "message_delta",
  "message_stop",
  "ping",
]);
