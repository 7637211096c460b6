import { randomBytes, randomInt } from "node:crypto";
import { LlamaGrammarEvaluationState, type LlamaGrammar, type Token } from "node-llama-cpp";
import type { ChatEvent, ConfidenceSummary, ToolCall, ToolUse } from "../core/chat.js";
import { ConfidenceTracker } from "../core/confidence-tracker.js";
import { RunawayRepetitionDetector } from "../core/runaway-repetition.js";
import { generateChat, type GenerationEnd, type GenerationInput } from "./chat-generation.js";
import type { ToolCallSyntax } from "./tool-call-syntax.js";
import { toLogprob } from "./token-logprobs.js";

export interface ToolGenerationInput extends GenerationInput {
  tools: ToolUse;
  syntax: ToolCallSyntax;
  /** Grammars for the callable names (followed by the params prefix) and for each function's arguments. */
  grammars: {
    names(texts: readonly string[]): Promise<LlamaGrammar>;
    arguments(tool: ToolUse["definitions"][number], index: number): Promise<LlamaGrammar>;
  };
  tokenize(text: string): Token[];
}

/** The most calls one answer makes when parallel calls are allowed. */
const maxCallsPerAnswer = 8;
/** Tokens a free answer may take after a call to begin another one (a line break, the prefix). */
const tokensBeforeNextCall = 8;

/**
 * An answer that may call the request's tools, generated on a cleared sequence. With `auto` the
 * model answers freely and, where it begins a call in its template's syntax, the call is then
 * generated under grammars: first one of the declared names, then arguments that match that
 * function's JSON schema, so they always parse. `required` and a named function start with the
 * call. After a call, further calls follow while parallel calls are allowed and the model begins
 * one. The text before the first call streams as it comes; each call is one `tool_call` event once
 * its arguments are complete; `done` says `tool_calls` when the answer made any.
 */
export async function* generateWithTools(
  input: ToolGenerationInput,
): AsyncGenerator<ChatEvent, void, undefined> {
  const { sequence, prompt, sampling, signal, tools, syntax } = input;
  const promptTokens = prompt.tokens.length;
  const confidence = new ConfidenceTracker();
  const summaries: ConfidenceSummary[] = [];
  let completionTokens = 0;
  const remaining = (): number => sampling.maxTokens - completionTokens;
  /** Tokens to evaluate before the next sample: what the last step sampled, then forced text. */
  let pending: Token[];
  let runaway = false;

  const choice = tools.choice;
  if (choice === "auto") {
    const free = generateChat({ ...input, callStart: syntax.start });
    let step = await free.next();
    let doneEvent: Extract<ChatEvent, { type: "done" }> | undefined;
    for (; step.done !== true; step = await free.next()) {
      if (step.value.type === "done") doneEvent = step.value;
      else yield step.value;
    }
    const end = step.value;
    completionTokens += doneEvent?.usage.completionTokens ?? 0;
    if (doneEvent?.confidence !== undefined) summaries.push(doneEvent.confidence);
    if (end.callStarted === undefined || doneEvent === undefined) {
      if (doneEvent !== undefined) yield doneEvent;
      return;
    }
    runaway = doneEvent.runaway === true;
    pending = await restartCall(input, end);
  } else {
    // The call is written from the start: the prompt is evaluated, then the prefix.
    const chunk = input.promptChunkSize;
    for (let start = 0; start < promptTokens; start += chunk) {
      signal.throwIfAborted();
      await sequence.evaluateWithoutGeneratingNewTokens(prompt.tokens.slice(start, start + chunk));
    }
    pending = [...syntax.prefix];
  }

  const definitions =
    typeof choice === "object"
      ? tools.definitions.filter((tool) => tool.name === choice.name)
      : tools.definitions;
  const calls: ToolCall[] = [];
  const maxCalls = tools.parallel ? maxCallsPerAnswer : 1;
  let finishReason: "tool_calls" | "length" = "tool_calls";
  while (calls.length < maxCalls) {
    completionTokens += pending.length;
    const names = definitions.map((tool) => tool.name + syntax.paramsPrefix);
    const named = await sampleConstrained(input, pending, {
      grammar: definitions.length === 1 ? undefined : await input.grammars.names(names),
      forced: definitions.length === 1 ? input.tokenize(names[0] ?? "") : undefined,
      complete: (text) => names.includes(text),
      maxTokens: remaining(),
      confidence,
    });
    completionTokens += named.sampled;
    const index = names.indexOf(named.text);
    const tool = definitions[index];
    if (tool === undefined) {
      finishReason = "length";
      break;
    }
    const argumentsGrammar = await input.grammars.arguments(tool, tools.definitions.indexOf(tool));
    const args = await sampleConstrained(input, named.pending, {
      grammar: argumentsGrammar,
      complete: jsonValueComplete,
      maxTokens: remaining(),
      confidence,
    });
    completionTokens += args.sampled;
    if (!jsonValueComplete(args.text)) {
      runaway ||= args.runaway;
      finishReason = "length";
      break;
    }
    const call = { id: newCallId(), name: tool.name, arguments: args.text.trim() };
    yield { type: "tool_call", index: calls.length, call };
    calls.push(call);
    if (calls.length >= maxCalls || remaining() <= tokensBeforeNextCall) break;
    // Another call follows only where the model begins one right after this one's suffix.
    const next = generateChat({
      ...input,
      prompt: { ...prompt, tokens: [...args.pending, ...syntax.suffix] },
      sampling: { ...sampling, maxTokens: tokensBeforeNextCall },
      grammar: undefined,
      callStart: syntax.start,
    });
    let step = await next.next();
    for (; step.done !== true; step = await next.next()) {
      // Text after the calls is not part of the answer: the client runs the calls first.
      if (step.value.type === "done") completionTokens += step.value.usage.completionTokens;
    }
    const end = step.value;
    if (end.callStarted === undefined) break;
    pending = await restartCall(input, end);
  }
  summaries.push(confidence.summary());
  yield {
    type: "done",
    finishReason: calls.length > 0 && finishReason === "tool_calls" ? "tool_calls" : "length",
    usage: { promptTokens, completionTokens },
    ...mergedConfidence(summaries),
    ...(runaway ? { runaway: true } : {}),
  };
}

/**
 * What to evaluate to write a call the model has begun, in the template's own syntax: after its
 * special token, the whole prefix (that token was sampled, not evaluated); after its opening text,
 * that text is taken out of the sequence and the whole prefix written instead, so the call reads
 * as the template writes it however the model began it.
 */
async function restartCall(input: ToolGenerationInput, end: GenerationEnd): Promise<Token[]> {
  const { sequence } = input;
  if (end.callStarted === "opening" && sequence.nextTokenIndex > end.answerStart) {
    await sequence.eraseContextTokenRanges([
      { start: end.answerStart, end: sequence.nextTokenIndex },
    ]);
  }
  return [...input.syntax.prefix];
}

/** What a constrained run gave: its text, tokens sampled, and what the next step evaluates first. */
interface ConstrainedResult {
  text: string;
  sampled: number;
  pending: Token[];
  /** It fell into a runaway repetition (a value repeated over and over) and was stopped. */
  runaway: boolean;
}

interface ConstrainedRun {
  /** A grammar the tokens must follow; undefined with `forced` tokens. */
  grammar: LlamaGrammar | undefined;
  /** Tokens written instead of sampling (the one name there is to call). */
  forced?: Token[] | undefined;
  /** Whether the text so far is complete. */
  complete: (text: string) => boolean;
  maxTokens: number;
  confidence: ConfidenceTracker;
}

/**
 * Evaluate `pending`, then sample under the grammar until the text is complete. Returns the text,
 * the tokens sampled, and what the next step must evaluate first (the last token sampled).
 */
async function sampleConstrained(
  input: ToolGenerationInput,
  pending: Token[],
  run: ConstrainedRun,
): Promise<ConstrainedResult> {
  const { sequence, model, sampling, signal } = input;
  if (run.forced !== undefined) {
    const text = model.detokenize(run.forced, false);
    return { text, sampled: 0, pending: [...pending, ...run.forced], runaway: false };
  }
  // A grammar keeps the JSON valid, not its values sane: a small model can repeat one forever.
  const loop = input.repetition.stopRunaway ? new RunawayRepetitionDetector() : undefined;
  let runaway = false;
  const tokens: Token[] = [];
  const iterator = sequence.evaluateWithMetadata(
    pending,
    { confidence: true },
    {
      temperature: sampling.temperature,
      topP: sampling.topP,
      seed: sampling.seed ?? randomInt(0, 2 ** 31 - 1),
      ...(run.grammar === undefined
        ? {}
        : {
            grammarEvaluationState: new LlamaGrammarEvaluationState({
              model,
              grammar: run.grammar,
            }),
          }),
    },
  );
  let text = "";
  try {
    while (tokens.length < run.maxTokens) {
      signal.throwIfAborted();
      const step = await iterator.next();
      signal.throwIfAborted();
      if (step.done === true) break;
      const { token, confidence } = step.value as { token: Token; confidence?: number };
      if (model.isEogToken(token)) break;
      tokens.push(token);
      run.confidence.record(toLogprob(confidence));
      const next = model.detokenize(tokens, false);
      const added = next.slice(text.length);
      text = next;
      if (run.complete(text)) break;
      if (loop?.push(added) !== undefined) {
        runaway = true;
        break;
      }
    }
  } finally {
    await iterator.return();
  }
  const last = tokens.at(-1);
  return { text, sampled: tokens.length, pending: last === undefined ? [] : [last], runaway };
}

/** Whether `text` holds one whole JSON object or array (strings and escapes respected). */
export function jsonValueComplete(text: string): boolean {
  let depth = 0;
  let started = false;
  let inString = false;
  let escaped = false;
  for (const character of text) {
    if (inString) {
      if (escaped) escaped = false;
      else if (character === "\\") escaped = true;
      else if (character === '"') inString = false;
      continue;
    }
    if (character === '"') inString = true;
    else if (character === "{" || character === "[") {
      depth += 1;
      started = true;
    } else if (character === "}" || character === "]") depth -= 1;
  }
  return started && depth === 0 && !inString;
}

/** An id like OpenAI's: `call_` and 24 letters and digits. */
function newCallId(): string {
  return `call_${randomBytes(18).toString("base64url").replace(/[-_]/g, "0").slice(0, 24)}`;
}

/** One summary over the answer's parts: the mean weighted by tokens, the lowest minimum. */
function mergedConfidence(summaries: readonly ConfidenceSummary[]): {
  confidence?: ConfidenceSummary;
} {
  const parts = summaries.filter((summary) => summary.tokens > 0);
  const tokens = parts.reduce((sum, part) => sum + part.tokens, 0);
  if (tokens === 0) return {};
  return {
    confidence: {
      tokens,
      meanLogprob: parts.reduce((sum, part) => sum + part.meanLogprob * part.tokens, 0) / tokens,
      minLogprob: Math.min(...parts.map((part) => part.minLogprob)),
    },
  };
}
