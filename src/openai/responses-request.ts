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
 * text goes in and out: an image or a file, or a built-in tool other than file search (web search,
 * code interpreter, …), is refused with a 400 naming it rather than dropped.
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
    type: z.literal("function"),
    name: toolNameSchema("function"),
    description: z.string().nullable().optional(),
    parameters: toolSchemaObject("parameters schema").nullable().optional(),
    strict: z.boolean().nullable().optional(),
  },
  { error: "a tool must be an object" },
);

/** Search the tenant's vector stores (knowledge bases) and answer from what was found, citing it. */
const fileSearchTool = z
  .object({
    type: z.literal("file_search"),
    vector_store_ids: z.array(z.string().min(1).max(200)).min(1).max(16),
    max_num_results: z.number().int().min(1).max(50).optional(),
    filters: z.unknown().optional(),
    ranking_options: z.unknown().optional(),
  })
  .superRefine((tool, context) => {
    if (tool.filters != null) {
      context.addIssue({
        code: "custom",
        path: ["filters"],
        message:
          "file_search filters on file attributes are not supported: search the whole vector store, or split it into stores.",
      });
    }
  });

const tool = z.discriminatedUnion("type", [fileSearchTool, functionTool], {
  error:
    'only function tools ({"type": "function", "name": …}) and file_search are served; other built-in tools such as web_search are not.',
});

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
  tools: z
    .array(tool)
    .max(128)
    .refine((tools) => tools.filter((tool) => tool.type === "file_search").length <= 1, {
      error: "at most one file_search tool (it may name several vector stores)",
    })
    .nullable()
    .optional(),
  tool_choice: z
    .union([
      z.enum(["auto", "none", "required"]),
      z.object({ type: z.literal("function"), name: z.string().min(1) }),
      z.object({ type: z.literal("file_search") }),
    ])
    .nullable()
    .optional(),
  /** "file_search_call.results": the passages found, in the file_search_call item. */
  include: z.array(z.string()).nullable().optional(),
  parallel_tool_calls: z.boolean().nullable().optional(),
  text: z.object({ format: textFormat.optional() }).nullable().optional(),
  metadata: z.record(z.string().max(64), z.string().max(512)).nullable().optional(),
  user: z.string().optional(),
});

export type ResponsesBody = z.infer<typeof responsesBodySchema>;

export type FileSearchTool = z.infer<typeof fileSearchTool>;

/** The request's file_search tool, unless tool_choice is "none". */
export function fileSearchOf(body: ResponsesBody): FileSearchTool | undefined {
  if (body.tool_choice === "none") return undefined;
  return body.tools?.find((tool) => tool.type === "file_search");
}

/** What to search the documents for: the last user message's text. */
export function searchQuery(body: ResponsesBody): string {
  if (typeof body.input === "string") return body.input;
  const user = body.input.findLast((item) => "role" in item && item.role === "user");
  if (user === undefined || !("role" in user)) return "";
  return typeof user.content === "string" ? user.content : user.content.join("\n");
}

type ChatMessageBody = ChatCompletionBody["messages"][number];

/**
 * The Responses request as a chat completion body: `instructions` first as a system message, the
 * input's messages in order, consecutive function calls as one assistant message's `tool_calls`
 * (joined to the assistant text just before them), each function output as a tool message.
 */
export function toChatCompletionBody(
  body: ResponsesBody,
  /** Put first, after the instructions: the passages a file search found (see grounding.ts). */
  grounding?: string,
): ChatCompletionBody {
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
  if (grounding !== undefined) messages.push({ role: "system", content: grounding });
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
  const functions = (body.tools ?? []).flatMap((tool) =>
    tool.type === "function"
      ? [
          {
            type: "function" as const,
            function: {
              name: tool.name,
              ...(tool.description == null ? {} : { description: tool.description }),
              ...(tool.parameters == null ? {} : { parameters: tool.parameters }),
            },
          },
        ]
      : [],
  );
  const chat = {
    model: body.model,
    messages,
    stream: body.stream,
    max_tokens: body.max_output_tokens,
    temperature: body.temperature,
    top_p: body.top_p,
    // The file search runs before the model answers; only function tools are the model's to call.
    tools: functions.length === 0 ? undefined : functions,
    tool_choice: chatToolChoice(
      body.tool_choice,
      functions.length > 0,
      fileSearchOf(body) !== undefined,
    ),
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

/**
 * The choice among function tools, a named function as chat names it; nothing where only the file
 * search could be chosen (it has already run). Without any tool, a choice is passed on for the
 * chat form to refuse.
 */
function chatToolChoice(
  choice: ResponsesBody["tool_choice"],
  functions: boolean,
  fileSearch: boolean,
) {
  if (choice == null || (fileSearch && !functions)) return undefined;
  if (typeof choice === "string") return choice;
  return choice.type === "function"
    ? { type: "function" as const, function: { name: choice.name } }
    : undefined;
}
