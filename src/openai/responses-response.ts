import { randomBytes } from "node:crypto";
import type { FinishReason, ToolCall, Usage } from "../core/chat.js";
import type { ResponsesBody } from "./responses-request.js";

/** OpenAI Responses API shapes, built from the chat pipeline's answer. */
export interface ResponseIdentity {
  id: string;
  createdAt: number;
  model: string;
}

export function responseId(): string {
  return `resp_${randomBytes(24).toString("hex")}`;
}

export function itemId(kind: "msg" | "fc" | "fs"): string {
  return `${kind}_${randomBytes(24).toString("hex")}`;
}

export interface MessageItem {
  type: "message";
  id: string;
  status: "in_progress" | "completed" | "incomplete";
  role: "assistant";
  content: OutputText[];
}

export interface OutputText {
  type: "output_text";
  text: string;
  annotations: FileCitation[];
  logprobs: [];
}

/** A passage the text cites: `index` is where its [n] marker starts in the text. */
export interface FileCitation {
  type: "file_citation";
  index: number;
  file_id: string;
  filename: string;
}

/** The file search that ran before the answer; `results` only when the request included them. */
export interface FileSearchCallItem {
  type: "file_search_call";
  id: string;
  status: "in_progress" | "searching" | "completed";
  queries: string[];
  results: FileSearchResult[] | null;
}

export interface FileSearchResult {
  file_id: string;
  filename: string;
  score: number;
  text: string;
  attributes: Record<string, string | number | boolean>;
}

export interface FunctionCallItem {
  type: "function_call";
  id: string;
  call_id: string;
  name: string;
  arguments: string;
  status: "in_progress" | "completed";
}

export type OutputItem = MessageItem | FunctionCallItem | FileSearchCallItem;

export function outputText(text: string, annotations: FileCitation[] = []): OutputText {
  return { type: "output_text", text, annotations, logprobs: [] };
}

export function messageItem(
  id: string,
  text: string,
  status: MessageItem["status"],
  annotations: FileCitation[] = [],
): MessageItem {
  return {
    type: "message",
    id,
    status,
    role: "assistant",
    content: [outputText(text, annotations)],
  };
}

export function functionCallItem(
  call: ToolCall,
  status: FunctionCallItem["status"],
  id = itemId("fc"),
): FunctionCallItem {
  return {
    type: "function_call",
    id,
    call_id: call.id,
    name: call.name,
    arguments: status === "completed" ? call.arguments : "",
    status,
  };
}

/**
 * The answer's output items: the file search that ran first (if any), its text (when there is
 * any, or nothing else) with the citations in it, then its calls.
 */
export function outputItems(
  text: string,
  toolCalls: readonly ToolCall[],
  finishReason: FinishReason,
  search?: { item?: FileSearchCallItem; citations: (text: string) => FileCitation[] },
): OutputItem[] {
  const items: OutputItem[] = search?.item === undefined ? [] : [search.item];
  if (text !== "" || toolCalls.length === 0) {
    items.push(
      messageItem(
        itemId("msg"),
        text,
        finishReason === "length" ? "incomplete" : "completed",
        search?.citations(text) ?? [],
      ),
    );
  }
  for (const call of toolCalls) items.push(functionCallItem(call, "completed"));
  return items;
}

/**
 * The response object: `in_progress` with no output and usage while it is written, `completed`
 * (or `incomplete` at the token limit) at the end. Echoes the request's settings as OpenAI does;
 * nothing is stored (`store: false`).
 */
export function responseObject(
  identity: ResponseIdentity,
  body: ResponsesBody,
  state:
    | { status: "in_progress" }
    | { status: "completed"; output: OutputItem[]; finishReason: FinishReason; usage: Usage },
) {
  const done = state.status === "completed";
  const incomplete = done && state.finishReason === "length";
  return {
    id: identity.id,
    object: "response" as const,
    created_at: identity.createdAt,
    status: done ? (incomplete ? ("incomplete" as const) : ("completed" as const)) : state.status,
    error: null,
    incomplete_details: incomplete ? { reason: "max_output_tokens" as const } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    model: identity.model,
    output: done ? state.output : [],
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: null,
    store: false,
    temperature: body.temperature ?? null,
    text: { format: body.text?.format ?? { type: "text" as const } },
    tool_choice: body.tool_choice ?? "auto",
    tools: body.tools ?? [],
    top_p: body.top_p ?? null,
    truncation: "disabled" as const,
    usage: done ? responseUsage(state.usage) : null,
    user: body.user ?? null,
    metadata: body.metadata ?? {},
  };
}

function responseUsage(usage: Usage) {
  return {
    input_tokens: usage.promptTokens,
    input_tokens_details: { cached_tokens: 0 },
    output_tokens: usage.completionTokens,
    output_tokens_details: { reasoning_tokens: 0 },
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}
