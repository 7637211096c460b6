import { z } from "zod";
import { nestsDeeperThan } from "../core/json-nesting.js";

/**
 * Request bodies of the OpenAI endpoints we serve, validated at the edge. Unknown fields are
 * accepted and ignored (OpenAI clients send many), but the fields we use are checked strictly.
 */
/**
 * A content part. Only text parts are read: a part of another type (an image, audio, a file)
 * could not be checked by the privacy guard, so it is refused with a 400 naming it rather than
 * forwarded unread or dropped without a word.
 */
const contentPart = z
  .object({ type: z.string(), text: z.string().optional() })
  .superRefine((part, context) => {
    if (part.type !== "text") {
      context.addIssue({
        code: "custom",
        path: ["type"],
        message: `a content part of type "${part.type}" is not accepted: Colibrí reads text parts only ({"type": "text", "text": "…"}), since the privacy guard could not check anything else before it leaves. Send it as text, or leave it out.`,
      });
    } else if (part.text === undefined) {
      context.addIssue({
        code: "custom",
        path: ["text"],
        message: 'a text part needs its text: {"type": "text", "text": "…"}.',
      });
    }
  })
  .transform((part) => ({ type: "text" as const, text: part.text ?? "" }));

const messageContent = z.union([z.string(), z.array(contentPart).min(1)]);

const toolCall = z.object({
  id: z.string().min(1).max(256),
  type: z.literal("function").optional(),
  function: z.object({ name: z.string().min(1).max(64), arguments: z.string() }),
});

const message = z
  .object({
    role: z.enum(["system", "developer", "user", "assistant", "tool"]),
    content: messageContent.nullable().optional(),
    name: z.string().optional(),
    tool_calls: z.array(toolCall).nullable().optional(),
    tool_call_id: z.string().min(1).max(256).optional(),
  })
  .superRefine((entry, context) => {
    if (entry.tool_calls != null && entry.tool_calls.length > 0 && entry.role !== "assistant") {
      context.addIssue({
        code: "custom",
        path: ["tool_calls"],
        message: "only an assistant message carries tool_calls.",
      });
    }
    if (entry.role === "tool" && entry.tool_call_id === undefined) {
      context.addIssue({
        code: "custom",
        path: ["tool_call_id"],
        message:
          "a tool message needs the tool_call_id of the call it answers (the id of one of the assistant's tool_calls).",
      });
    }
  });

/**
 * How many levels of JSON objects and arrays a `response_format.json_schema.schema` may nest: about
 * 50 levels of nested properties, far beyond OpenAI's own limit for structured outputs. Checked
 * here, before any routing, without recursion: deeper schemas would overflow the call stack of the
 * grammar converter (local) or of the request body's serialisation (cloud).
 */
export const maxResponseSchemaDepth = 100;

const responseSchema = z
  .record(z.string(), z.unknown())
  .refine((schema) => !nestsDeeperThan(schema, maxResponseSchemaDepth), {
    error: `the schema nests objects and arrays more than ${maxResponseSchemaDepth} levels deep; the maximum is ${maxResponseSchemaDepth}. Flatten it, or name repeated parts in $defs and point to them with $ref.`,
  });

const responseFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    json_schema: z.object({
      name: z.string().min(1).max(64),
      schema: responseSchema.optional(),
      strict: z.boolean().nullable().optional(),
      description: z.string().optional(),
    }),
  }),
]);

/**
 * What OpenAI and Anthropic accept as a tool's name: letters, digits, underscores and dashes, up
 * to 64; `noun` names it in the error ("function", "tool").
 */
export function toolNameSchema(noun: string) {
  return z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, {
    error: `a ${noun} name is 1 to 64 letters, digits, underscores or dashes.`,
  });
}

const functionName = toolNameSchema("function");

/**
 * A tool's JSON schema (OpenAI's `parameters`, Anthropic's `input_schema`), bounded in depth like a
 * response schema; `label` names it in the error.
 */
export function toolSchemaObject(label: string, options?: { error: string }) {
  return z
    .record(z.string(), z.unknown(), options)
    .refine((schema) => !nestsDeeperThan(schema, maxResponseSchemaDepth), {
      error: `the ${label} nests more than ${maxResponseSchemaDepth} levels deep.`,
    });
}

const tool = z.object({
  type: z.literal("function", {
    error: 'only tools of type "function" are served: {"type": "function", "function": {…}}.',
  }),
  function: z.object({
    name: functionName,
    description: z.string().optional(),
    parameters: toolSchemaObject("parameters schema").optional(),
    strict: z.boolean().nullable().optional(),
  }),
});

const toolChoice = z.union([
  z.enum(["auto", "none", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: functionName }) }),
]);

function deprecatedFunctions(field: string) {
  return z
    .unknown()
    .refine((value) => value === undefined || value === null, {
      error: `${field} is OpenAI's deprecated function calling and is not served: declare the functions in tools ([{"type": "function", "function": {…}}]) and choose with tool_choice; answers carry tool_calls.`,
    })
    .optional();
}

export const chatCompletionBodySchema = z.object({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().nullable().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().gt(0).max(1).nullable().optional(),
  max_tokens: z.number().int().positive().nullable().optional(),
  max_completion_tokens: z.number().int().positive().nullable().optional(),
  stop: z
    .union([z.string(), z.array(z.string()).max(4)])
    .nullable()
    .optional(),
  seed: z.number().int().nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  n: z.literal(1, { error: "Only n=1 is supported." }).nullable().optional(),
  /**
   * Token ids are the tokenizer's own, and a request may be answered by the local model or by a
   * cloud model with another tokenizer: biases could not mean what the client meant. Refused
   * unless empty, never silently ignored.
   */
  logit_bias: z
    .record(z.string(), z.number())
    .refine((bias) => Object.keys(bias).length === 0, {
      error:
        "logit_bias is not supported: token ids differ between the local model and cloud models, and the router picks between them per request. Leave it out; to keep a word out of the answer, say so in the prompt or use stop.",
    })
    .nullable()
    .optional(),
  /** OpenAI's deprecated function calling: refused with the way to say it now. */
  functions: deprecatedFunctions("functions"),
  function_call: deprecatedFunctions("function_call"),
  modalities: z
    .array(z.string())
    .refine((modalities) => modalities.every((modality) => modality === "text"), {
      error: 'only text output is served: modalities must be ["text"] or left out.',
    })
    .nullable()
    .optional(),
  logprobs: z.boolean().nullable().optional(),
  top_logprobs: z.number().int().min(0).max(20).nullable().optional(),
  response_format: responseFormat.nullable().optional(),
  tools: z.array(tool).max(128).nullable().optional(),
  tool_choice: toolChoice.nullable().optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  user: z.string().optional(),
  /** OpenAI's key-value tags; routing rules can match them. */
  metadata: z.record(z.string().max(64), z.string().max(512)).nullable().optional(),
});

export type ChatCompletionBody = z.infer<typeof chatCompletionBodySchema>;

export const embeddingBodySchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.string()).min(1).max(2048)]),
  encoding_format: z.enum(["float", "base64"]).optional(),
  dimensions: z.number().int().positive().optional(),
  user: z.string().optional(),
});

export type EmbeddingBody = z.infer<typeof embeddingBodySchema>;
