import { z } from "zod";
import { InvalidRequestError } from "../core/errors.js";
import {
  chatCompletionBodySchema,
  toolNameSchema,
  toolSchemaObject,
  type ChatCompletionBody,
} from "./openai-schemas.js";

/**
 * `POST /v1/responses` (OpenAI's Responses API), validated at the edge and turned into the chat
 * body the chat pipeline takes, so it is admitted, guarded, routed, cached and accounted exactly
 * as a chat completion is. Unknown fields are ignored; the fields read are checked strictly. Only
 * text goes in and out: an image or a file, or a built-in tool (web search, file search, …), is
 * refused with a 400 naming it rather than dropped.
 */
const inputText = z
  .object({ type: z.string(), text: z.string().optional() })
  .superRefine((part, context) => {
    if (part.type !== "input_text" && part.type !== "output_text" && part.type !== "text") {
      context.addIssue({
        code: "custom",
        path: ["type"],
        message: `a content part of type "${part.type}" is not accepted: Colibrí reads text parts only ({"type": "input_text", "text": "…"}), since the privacy guard could not check anything else before it leaves.`,
      });
    } else if (part.text === undefined) {
      context.addIssue({ code: "custom", path: ["text"], message: "a text part needs its text." });
    }
  })
  .transform((part) => part.text ?? "");

const messageItem = z.object({
  type: z.literal("message").optional(),
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([z.string(), z.array(inputText)]),
});

const functionCallItem = z.object({
  type: z.literal("function_call"),
  call_id: z.string().min(1).max(256),
  name: z.string().min(1).max(64),
  arguments: z.string(),
});

const functionCallOutputItem = z.object({
  type: z.literal("function_call_output"),
  call_id: z.string().min(1).max(256),
  output: z.union([z.string(), z.array(inputText)]),
});

const inputItem = z.union([messageItem, functionCallItem, functionCallOutputItem], {
  error:
    'an input item must be a message ({"role": "user", "content": "…"}), a function_call or a function_call_output; other item types (reasoning, images, built-in tool calls) are not accepted.',
});

const functionTool = z.object(
  {
    type: z.literal("function", {
      error:
        'only function tools are served ({"type": "function", "name": …}); built-in tools such as web_search or file_search are not.',
    }),
    name: toolNameSchema("function"),
    description: z.string().nullable().optional(),
    parameters: toolSchemaObject("parameters schema").nullable().optional(),
    strict: z.boolean().nullable().optional(),
  },
  { error: "a tool must be an object" },
);

const textFormat = z.discriminatedUnion("type", [
  z.object({ type: z.literal("text") }),
  z.object({ type: z.literal("json_object") }),
  z.object({
    type: z.literal("json_schema"),
    name: z.string().min(1).max(64),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().nullable().optional(),
  }),
]);

export const responsesBodySchema = z.object({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(inputItem).min(1)]),
  instructions: z.string().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  store: z.boolean().nullable().optional(),
  previous_response_id: z.string().nullable().optional(),
  max_output_tokens: z.number().int().positive().nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().gt(0).max(1).nullable().optional(),
  tools: z.array(functionTool).max(128).nullable().optional(),
  tool_choice: z
    .union([
      z.enum(["auto", "none", "required"]),
      z.object({ type: z.literal("function"), name: z.string().min(1) }),
    ])
    .nullable()
    .optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  text: z.object({ format: textFormat.optional() }).nullable().optional(),
  metadata: z.record(z.string().max(64), z.string().max(512)).nullable().optional(),
  user: z.string().optional(),
});

export type ResponsesBody = z.infer<typeof responsesBodySchema>;

type ChatMessageBody = ChatCompletionBody["messages"][number];

/**
 * The Responses request as a chat completion body: `instructions` first as a system message, the
 * input's messages in order, consecutive function calls as one assistant message's `tool_calls`
 * (joined to the assistant text just before them), each function output as a tool message.
 */
export function toChatCompletionBody(body: ResponsesBody): ChatCompletionBody {
  if (body.previous_response_id != null) {
    throw new InvalidRequestError(
      "previous_response_id is not supported: Colibrí does not store responses. Send the whole conversation in input (the earlier output items and function_call_output items included).",
      "previous_response_id",
    );
  }
  const messages: ChatMessageBody[] = [];
  if (body.instructions != null && body.instructions !== "") {
    messages.push({ role: "system", content: body.instructions });
  }
  const items =
    typeof body.input === "string" ? [{ role: "user" as const, content: body.input }] : body.input;
  for (const item of items) {
    if ("role" in item) {
      const content = typeof item.content === "string" ? item.content : item.content.join("\n");
      messages.push({ role: item.role, content });
    } else if (item.type === "function_call") {
      const call = {
        id: item.call_id,
        type: "function" as const,
        function: { name: item.name, arguments: item.arguments },
      };
      const last = messages.at(-1);
      if (last?.role === "assistant") last.tool_calls = [...(last.tool_calls ?? []), call];
      else messages.push({ role: "assistant", content: null, tool_calls: [call] });
    } else {
      const output = typeof item.output === "string" ? item.output : item.output.join("\n");
      messages.push({ role: "tool", tool_call_id: item.call_id, content: output });
    }
  }
  const format = body.text?.format;
  const chat = {
    model: body.model,
    messages,
    stream: body.stream,
    max_tokens: body.max_output_tokens,
    temperature: body.temperature,
    top_p: body.top_p,
    tools: body.tools?.map((tool) => ({
      type: "function" as const,
      function: {
        name: tool.name,
        ...(tool.description == null ? {} : { description: tool.description }),
        ...(tool.parameters == null ? {} : { parameters: tool.parameters }),
      },
    })),
    tool_choice:
      typeof body.tool_choice === "object" && body.tool_choice !== null
        ? { type: "function" as const, function: { name: body.tool_choice.name } }
        : body.tool_choice,
    parallel_tool_calls: body.parallel_tool_calls,
    response_format:
      format === undefined || format.type !== "json_schema"
        ? format
        : {
            type: "json_schema" as const,
            json_schema: {
              name: format.name,
              schema: format.schema,
              ...(format.description === undefined ? {} : { description: format.description }),
            },
          },
    metadata: body.metadata,
    user: body.user,
  };
  // Checked again as a chat body: the chat route's own limits and messages apply unchanged.
  const parsed = chatCompletionBodySchema.safeParse(chat);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new InvalidRequestError(
      `The request cannot be served: ${issue?.message ?? "invalid"} (at ${issue?.path.join(".") ?? "?"} of its chat form).`,
      "input",
    );
  }
  return parsed.data;
}
