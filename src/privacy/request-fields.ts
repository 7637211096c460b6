import type { ChatMessage, ChatRequest, ResponseFormat, SamplingOptions } from "../core/chat.js";
import {
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
 * SamplingOptions, ChatMessage or ResponseFormat does not compile until it is classified here,
 * and the request a provider is given is rebuilt from these tables only.
 */
const messageRules = {
  role: notText("one of four fixed roles"),
  // A message's `name` is not carried in ChatMessage: it is dropped at the edge and never leaves.
  content: textField,
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

const requestRules = {
  model: notText(
    "the cloud model's configured name: the router puts one of providers[].models here, never the client's own text",
  ),
  messages: listOf(objectOf(messageRules)),
  sampling: objectOf(samplingRules),
  responseFormat: responseFormatRule,
  logprobs: notText("a count of alternatives"),
  signal: notText("the abort signal; not sent"),
  idempotencyKey: notText("made by the gateway from the request's id"),
  onSent: notText("a callback; not sent"),
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
