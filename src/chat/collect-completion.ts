import type { FinishReason, TokenLogprob, ToolCall } from "../core/chat.js";
import { completionObject, type CompletionIdentity } from "../openai/chat-response.js";
import { cloudCannotAnswer, type RoutedAnswer } from "../router/run-route.js";
import type { Meter } from "./metering.js";

/** What answered, for the usage record; never the prompt. */
export function recordAnswer(meter: Meter, answer: RoutedAnswer): void {
  meter.model = answer.model;
  meter.target = answer.target;
  meter.route = answer.route;
  meter.reason = answer.reason;
  meter.confidence = answer.confidence ?? null;
}

/** A whole (not streamed) answer: its text, the OpenAI body, and a plain local answer's confidence. */
export interface CollectedCompletion {
  text: string;
  /** The tools the answer calls, in order (finish reason `tool_calls`). */
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  body: ReturnType<typeof completionObject>;
  /** The geometric mean probability of a plain local answer's tokens. */
  confidence: number | undefined;
  /** The backend cut the answer short because it was looping (finish_reason "length"). */
  runaway: boolean;
  /** What gave it: the answer asked for, or its local fallback when the cloud failed midway. */
  answer: RoutedAnswer;
}

/**
 * Read a whole answer. A cloud answer that stalls or drops before it is complete gives its local
 * fallback instead, marked degraded (an escalation's complete local answer, or one started now for
 * a cloud model): nothing was sent to the client yet, so the switch is invisible but for the
 * headers.
 */
export async function collectCompletion(
  identity: CompletionIdentity,
  answer: RoutedAnswer,
  meter: Meter,
): Promise<CollectedCompletion> {
  try {
    return await collectEvents(identity, answer, meter);
  } catch (error) {
    const { fallback } = answer;
    if (fallback === undefined || !cloudCannotAnswer(error)) throw error;
    await answer.events.close();
    const local = await fallback();
    recordAnswer(meter, local);
    return await collectEvents({ ...identity, model: local.model }, local, meter);
  }
}

async function collectEvents(
  identity: CompletionIdentity,
  answer: RoutedAnswer,
  meter: Meter,
): Promise<CollectedCompletion> {
  let text = "";
  let logprobs: TokenLogprob[] | undefined;
  const toolCalls: ToolCall[] = [];
  for await (const event of answer.events) {
    if (event.type === "delta") {
      text += event.text;
      if (event.usage !== undefined) meter.usage = event.usage;
      if (event.logprobs.length > 0) (logprobs ??= []).push(...event.logprobs);
      continue;
    }
    if (event.type === "tool_call") {
      toolCalls.push(event.call);
      continue;
    }
    meter.usage = event.usage;
    const confidence =
      answer.confidence === undefined && event.confidence !== undefined
        ? Math.exp(event.confidence.meanLogprob)
        : undefined;
    if (confidence !== undefined) meter.confidence = confidence;
    return {
      text,
      toolCalls,
      finishReason: event.finishReason,
      body: completionObject(identity, text, event.finishReason, event.usage, logprobs, toolCalls),
      confidence,
      runaway: event.runaway === true,
      answer,
    };
  }
  throw new Error("The backend ended without a final event.");
}
