import type { FinishReason, TokenLogprob, ToolCall, Usage } from "../core/chat.js";

/** OpenAI wire shapes for chat completions, built from backend events. */
export interface OpenAILogprobContent {
  token: string;
  logprob: number;
  bytes: number[];
  top_logprobs: { token: string; logprob: number; bytes: number[] }[];
}

export interface CompletionIdentity {
  id: string;
  created: number;
  model: string;
}

export function toOpenAILogprobs(logprobs: TokenLogprob[]): OpenAILogprobContent[] {
  return logprobs.map((entry) => ({
    token: entry.token,
    logprob: entry.logprob,
    bytes: entry.bytes,
    top_logprobs: entry.topLogprobs,
  }));
}

export function toOpenAIUsage(usage: Usage) {
  return {
    prompt_tokens: usage.promptTokens,
    completion_tokens: usage.completionTokens,
    total_tokens: usage.promptTokens + usage.completionTokens,
  };
}

/** A tool call as OpenAI writes it in a message (and, with its index, in a stream chunk). */
export function toOpenAIToolCall(call: ToolCall) {
  return {
    id: call.id,
    type: "function" as const,
    function: { name: call.name, arguments: call.arguments },
  };
}

export function completionObject(
  identity: CompletionIdentity,
  text: string,
  finishReason: FinishReason,
  usage: Usage,
  logprobs: TokenLogprob[] | undefined,
  toolCalls: readonly ToolCall[] = [],
) {
  // With tool calls and no text, OpenAI writes content null.
  const content = toolCalls.length > 0 && text === "" ? null : text;
  const message = {
    role: "assistant" as const,
    content,
    refusal: null,
    ...(toolCalls.length > 0 ? { tool_calls: toolCalls.map(toOpenAIToolCall) } : {}),
  };
  return {
    id: identity.id,
    object: "chat.completion" as const,
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        message,
        logprobs: logprobs ? { content: toOpenAILogprobs(logprobs), refusal: null } : null,
        finish_reason: finishReason,
      },
    ],
    usage: toOpenAIUsage(usage),
  };
}

export function chunkObject(
  identity: CompletionIdentity,
  delta: {
    role?: "assistant";
    content?: string;
    tool_calls?: (ReturnType<typeof toOpenAIToolCall> & { index: number })[];
  },
  finishReason: FinishReason | null,
  logprobs?: TokenLogprob[],
) {
  return {
    id: identity.id,
    object: "chat.completion.chunk" as const,
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        delta,
        logprobs: logprobs ? { content: toOpenAILogprobs(logprobs), refusal: null } : null,
        finish_reason: finishReason,
      },
    ],
  };
}

export function usageChunkObject(identity: CompletionIdentity, usage: Usage) {
  return {
    id: identity.id,
    object: "chat.completion.chunk" as const,
    created: identity.created,
    model: identity.model,
    choices: [],
    usage: toOpenAIUsage(usage),
  };
}
