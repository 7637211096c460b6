import { z } from "zod";
import { contentPartSeparator } from "../openai/chat-request.js";
import { toolNameSchema, toolSchemaObject } from "../openai/openai-schemas.js";

/**
 * The body of `POST /v1/messages` (Anthropic's Messages API), validated at the edge. Unknown
 * fields are accepted and ignored (clients send many), but the fields we read are checked
 * strictly. Only text, tool_use and tool_result blocks are read: an image or a document could not
 * be checked by the privacy guard, so it is refused with a 400 naming it rather than forwarded
 * unread or dropped without a word.
 */

const textBlock = z.object({ type: z.literal("text"), text: z.string() });

/** A tool_result's content: text, or text blocks. */
const toolResultContent = z.union([
  z.string(),
  z.array(
    z
      .looseObject({ type: z.string(), text: z.string().optional() })
      .superRefine((block, context) => {
        refuseUnreadBlock(block.type, ["text"], context);
      }),
  ),
]);

const toolUseBlock = z.object({
  type: z.literal("tool_use"),
  id: z.string().min(1).max(256),
  name: z.string().min(1).max(64),
  input: z.record(z.string(), z.unknown(), {
    error: 'a tool_use block\'s input is a JSON object: {"type": "tool_use", "input": {…}}.',
  }),
});

const toolResultBlock = z.object({
  type: z.literal("tool_result"),
  tool_use_id: z.string().min(1).max(256),
  content: toolResultContent.optional(),
  is_error: z.boolean().optional(),
});

const readBlockTypes = ["text", "tool_use", "tool_result"];

/** The block types we read, each checked by its own schema; any other type is a 400 naming it. */
const contentBlock = z
  .looseObject({ type: z.string() })
  .superRefine((block, context) => {
    refuseUnreadBlock(block.type, readBlockTypes, context);
  })
  .pipe(
    z.discriminatedUnion("type", [
      textBlock,
      toolUseBlock,
      // Its content as one text: text blocks joined as a message's text parts are.
      toolResultBlock.transform((block) => ({
        ...block,
        content:
          typeof block.content === "string"
            ? block.content
            : (block.content ?? []).map((part) => part.text ?? "").join(contentPartSeparator),
      })),
    ]),
  );

export type MessagesContentBlock = z.infer<typeof contentBlock>;

function refuseUnreadBlock(
  type: string,
  accepted: readonly string[],
  context: z.RefinementCtx,
): void {
  if (accepted.includes(type)) return;
  const what =
    type === "image" ? "an image" : type === "document" ? "a document" : `a "${type}" block`;
  const names =
    accepted.length === 1
      ? accepted[0]
      : `${accepted.slice(0, -1).join(", ")} and ${accepted.at(-1)}`;
  context.addIssue({
    code: "custom",
    path: ["type"],
    message: `${what} is not accepted: Colibrí reads ${names} blocks only, since the privacy guard could not check anything else before it leaves. Send it as text, or leave it out.`,
  });
}

const message = z.object({
  role: z.enum(["user", "assistant"], {
    error: 'a message\'s role is "user" or "assistant"; put instructions in the top-level system.',
  }),
  content: z.union([z.string(), z.array(contentBlock).min(1)]),
});

export type MessagesMessage = z.infer<typeof message>;

const toolName = toolNameSchema("tool");

const tool = z.object({
  type: z
    .literal("custom", {
      error:
        "only client tools (a name, a description and an input_schema) are served; Anthropic's server tools (web search, code execution, bash, text editor…) are not.",
    })
    .optional(),
  name: toolName,
  description: z.string().optional(),
  input_schema: toolSchemaObject("input_schema", {
    error: 'a tool needs its input_schema, a JSON schema object: {"type": "object", …}.',
  }),
});

const toolChoice = z
  .object({
    type: z.enum(["auto", "any", "tool", "none"]),
    name: toolName.optional(),
    disable_parallel_tool_use: z.boolean().optional(),
  })
  .refine((choice) => choice.type !== "tool" || choice.name !== undefined, {
    error: 'a tool_choice of type "tool" names the tool: {"type": "tool", "name": "…"}.',
    path: ["name"],
  });

const thinking = z.looseObject({ type: z.string() }).refine((value) => value.type === "disabled", {
  error:
    'extended thinking is not served: Colibrí\'s models answer without a thinking block. Leave thinking out, or send {"type": "disabled"}.',
});

export const messagesBodySchema = z.object({
  model: z.string().min(1),
  max_tokens: z
    .number({ error: "max_tokens is required: the most tokens the answer may have (e.g. 1024)." })
    .int()
    .positive(),
  messages: z.array(message).min(1),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  stop_sequences: z.array(z.string()).optional(),
  stream: z.boolean().optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().gt(0).max(1).optional(),
  /**
   * No engine of Colibrí samples from the top k tokens: a k is refused rather than ignored. A value
   * of 0 or less (what some clients send for "not set") is accepted, since it asks for nothing.
   */
  top_k: z
    .number()
    .int()
    .max(0, {
      error:
        "top_k is not applied by Colibrí (its engines do not sample from the top k tokens). Leave top_k out, or use top_p.",
    })
    .nullable()
    .optional(),
  metadata: z.object({ user_id: z.string().max(256).nullable().optional() }).optional(),
  tools: z.array(tool).max(128).optional(),
  tool_choice: toolChoice.optional(),
  thinking: thinking.optional(),
});

export type MessagesBody = z.infer<typeof messagesBodySchema>;

/** `POST /v1/messages/count_tokens`: a Messages body without `max_tokens` (nothing is generated). */
export const countTokensBodySchema = messagesBodySchema.extend({
  max_tokens: z.number().int().positive().optional(),
});
