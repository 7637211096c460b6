import type { FinishReason, TokenLogprob, Usage } from "../core/chat.js";

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

export function completionObject(
  identity: CompletionIdentity,
  text: string,
  finishReason: FinishReason,
  usage: Usage,
  logprobs: TokenLogprob[] | undefined,
) {
  return {
    id: identity.id,
    object: "chat.completion" as const,
    created: identity.created,
    model: identity.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant" as const, content: text, refusal: null },
        logprobs: logprobs ? { content: toOpenAILogprobs(logprobs), refusal: null } : null,
        finish_reason: finishReason,
      },
    ],
    usage: toOpenAIUsage(usage),
  };
}

export function chunkObject(
  identity: CompletionIdentity,
  delta: { role?: "assistant"; content?: string },
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
