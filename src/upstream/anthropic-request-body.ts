import type { ChatMessage, ChatRequest, ResponseFormat } from "../core/chat.js";

/** Anthropic requires max_tokens; this is used when the request gives none. */
export const defaultAnthropicMaxTokens = 1024;

/**
 * The body of `POST /messages` for a request: system messages become the top-level `system`,
 * consecutive messages of one role are merged (the API wants user and assistant turns to
 * alternate), tool messages travel as user turns. Anthropic has no JSON mode or log-probabilities:
 * a JSON response format becomes an instruction in `system`, and logprobs are not asked for.
 * Nor has it a seed or OpenAI's frequency and presence penalties: those are left out, as OpenAI's
 * own clients expect of a provider without them (no error; the answer is just not penalised).
 */
export function anthropicMessagesBody(
  request: ChatRequest,
  model: string,
): Record<string, unknown> {
  const { sampling } = request;
  const system = request.messages
    .filter((message) => message.role === "system")
    .map((message) => message.content);
  const instruction = jsonInstruction(request.responseFormat);
  if (instruction !== undefined) system.push(instruction);
  const body: Record<string, unknown> = {
    model,
    max_tokens: sampling.maxTokens ?? defaultAnthropicMaxTokens,
    messages: alternatingTurns(request.messages),
    stream: true,
  };
  if (system.length > 0) body["system"] = system.join("\n\n");
  if (sampling.temperature !== undefined) body["temperature"] = sampling.temperature;
  if (sampling.topP !== undefined) body["top_p"] = sampling.topP;
  if (sampling.stop !== undefined && sampling.stop.length > 0)
    body["stop_sequences"] = sampling.stop;
  return body;
}

interface AnthropicTurn {
  role: "user" | "assistant";
  content: string;
}

function alternatingTurns(messages: readonly ChatMessage[]): AnthropicTurn[] {
  const turns: AnthropicTurn[] = [];
  for (const message of messages) {
    if (message.role === "system") continue;
    const role = message.role === "assistant" ? "assistant" : "user";
    const last = turns.at(-1);
    if (last?.role === role) last.content = `${last.content}\n\n${message.content}`;
    else turns.push({ role, content: message.content });
  }
  return turns;
}

function jsonInstruction(format: ResponseFormat | undefined): string | undefined {
  switch (format?.type) {
    case undefined:
    case "text":
      return undefined;
    case "json_object":
      return "Answer with a single JSON object and nothing else: no prose, no code fences.";
    case "json_schema":
      return `Answer with a single JSON object and nothing else (no prose, no code fences) that validates against this JSON Schema ("${format.name}"): ${JSON.stringify(format.schema)}`;
  }
}
