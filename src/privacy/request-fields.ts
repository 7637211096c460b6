import type {
  ChatMessage,
  ChatRequest,
  ResponseFormat,
  SamplingOptions,
  ToolCall,
  ToolChoice,
  ToolDefinition,
  ToolUse,
} from "../core/chat.js";
import {
  encodedJson,
  jsonText,
  listOf,
  notText,
  objectOf,
  textField,
  type FieldRule,
  type FieldRules,
  type FieldText,
  type TextMasker,
} from "./field-rules.js";

/**
 * Every field of a chat request, classified: what a cloud provider's body is built from
 * (upstream/openai-request-body.ts, upstream/anthropic-request-body.ts) is either text the guard
 * scans and masks, or declared here not to be text. Adding a field to ChatRequest,
 * SamplingOptions, ChatMessage, ResponseFormat or the tool types does not compile until it is
 * classified here, and the request a provider is given is rebuilt from these tables only.
 */

/**
 * A call's id and a tool message's `toolCallId` are opaque to the model, but a client can write
 * anything there: they are scanned and masked like any text. The vault gives one value one
 * placeholder, so a call and its result stay paired once masked.
 */
const toolCallRules = {
  id: textField,
  name: textField,
  // JSON text: read as the value it holds, so that masking leaves it valid JSON.
  arguments: encodedJson,
} satisfies FieldRules<ToolCall>;

const messageRules = {
  role: notText("one of four fixed roles"),
  // A message's `name` is not carried in ChatMessage: it is dropped at the edge and never leaves.
  content: textField,
  toolCalls: listOf(objectOf(toolCallRules)),
  toolCallId: textField,
} satisfies FieldRules<ChatMessage>;

const samplingRules = {
  temperature: notText("a number"),
  topP: notText("a number"),
  maxTokens: notText("a number"),
  stop: listOf(textField),
  seed: notText("a number"),
  frequencyPenalty: notText("a number"),
  presencePenalty: notText("a number"),
} satisfies FieldRules<SamplingOptions>;

type JsonSchemaFormat = Extract<ResponseFormat, { type: "json_schema" }>;

const jsonSchemaRules = {
  type: notText("the format's kind"),
  name: textField,
  schema: jsonText as FieldRule<JsonSchemaFormat["schema"]>,
} satisfies FieldRules<JsonSchemaFormat>;

const jsonSchemaFormat = objectOf(jsonSchemaRules);

const responseFormatRule: FieldRule<ResponseFormat> = {
  kind: "text",
  *texts(format, pointer) {
    if (format.type === "json_schema") yield* jsonSchemaFormat.texts(format, pointer);
  },
  masked(format, pointer, mask) {
    switch (format.type) {
      case "text":
        return { type: "text" };
      case "json_object":
        return { type: "json_object" };
      case "json_schema":
        return jsonSchemaFormat.masked(format, pointer, mask);
    }
  },
};

const toolDefinitionRules = {
  name: textField,
  description: textField,
  // A JSON schema, read as the response format's is.
  parameters: jsonText as FieldRule<NonNullable<ToolDefinition["parameters"]>>,
} satisfies FieldRules<ToolDefinition>;

const namedChoice = objectOf<{ name: string }>({ name: textField });

/** "auto", "none" and "required" are fixed words; a named function's name is text. */
const toolChoiceRule: FieldRule<ToolChoice> = {
  kind: "text",
  *texts(choice, pointer) {
    if (typeof choice === "object") yield* namedChoice.texts(choice, pointer);
  },
  masked: (choice, pointer, mask) =>
    typeof choice === "object" ? namedChoice.masked(choice, pointer, mask) : choice,
};

const toolUseRules = {
  definitions: listOf(objectOf(toolDefinitionRules)),
  choice: toolChoiceRule,
  parallel: notText("a flag"),
} satisfies FieldRules<ToolUse>;

const requestRules = {
  model: notText(
    "the cloud model's configured name: the router puts one of providers[].models here, never the client's own text",
  ),
  messages: listOf(objectOf(messageRules)),
  sampling: objectOf(samplingRules),
  responseFormat: responseFormatRule,
  tools: objectOf(toolUseRules),
  continuation: notText("a flag: the text to continue is the user message, scanned there"),
  logprobs: notText("a count of alternatives"),
  signal: notText("the abort signal; not sent"),
  idempotencyKey: notText("made by the gateway from the request's id"),
  onSent: notText("a callback; not sent"),
  serving: notText(
    "the tenant and answer id, for the local backend's candidate model; providers build their bodies field by field and never send it",
  ),
} satisfies FieldRules<ChatRequest>;

const chatRequestRule = objectOf<ChatRequest>(requestRules);

/** Every text of a request that a provider's body is built from, in order, with where it is. */
export function requestTexts(request: ChatRequest): Generator<FieldText> {
  return chatRequestRule.texts(request, "");
}

/**
 * The request as it may leave: rebuilt field by field from the tables above, each text replaced
 * by what `mask` gives for it. A field the tables do not name is not in the result.
 */
export function maskRequest(request: ChatRequest, mask: TextMasker): ChatRequest {
  return chatRequestRule.masked(request, "", mask);
}
