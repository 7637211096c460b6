import { randomInt } from "node:crypto";
import {
  LlamaGrammarEvaluationState,
  type LlamaContextSequence,
  type LlamaContextSequenceRepeatPenalty,
  type LlamaGrammar,
  type LlamaModel,
  type Token,
} from "node-llama-cpp";
import type { ChatEvent, FinishReason, TokenLogprob, Usage } from "../core/chat.js";
import type { PreparedPrompt } from "./chat-prompt.js";
import type { CallStart } from "./tool-call-syntax.js";
import { ConfidenceTracker } from "../core/confidence-tracker.js";
import { RunawayRepetitionDetector } from "../core/runaway-repetition.js";
import { grammarStopStrings } from "./response-format-grammars.js";
import { StopSequenceFilter, type TextPiece } from "./stop-sequence-filter.js";
import {
  logprobsForText,
  toLogprob,
  topAlternatives,
  type SampledToken,
} from "./token-logprobs.js";
import { TokenTextDecoder } from "./token-text-decoder.js";

export interface ResolvedSampling {
  temperature: number;
  topP: number;
  maxTokens: number;
  stop: readonly string[];
  seed: number | undefined;
  /** OpenAI's penalties (-2 to 2), subtracted from the logits of tokens in the recent answer. */
  frequencyPenalty: number;
  presencePenalty: number;
}

/** The engine's own defence against loops, the same for every request (`engine.*` in config). */
export interface RepetitionSettings {
  /**
   * llama.cpp's repeat penalty: the logit of a token among the last `lastTokens` of the answer is
   * divided by it (multiplied when negative); 1 turns it off. Not applied under a JSON grammar,
   * where quotes, commas and keys repeat by design.
   */
  repeatPenalty: number;
  /** How many of the answer's latest tokens the penalties look at (newlines are never penalised). */
  lastTokens: number;
  /** Stop an answer that falls into a runaway repetition (finish "length", `runaway: true`). */
  stopRunaway: boolean;
}

export interface GenerationInput {
  sequence: LlamaContextSequence;
  model: LlamaModel;
  prompt: PreparedPrompt;
  sampling: ResolvedSampling;
  repetition: RepetitionSettings;
  grammar: LlamaGrammar | undefined;
  /** Undefined: no per-token logprobs in the deltas; a number: that many alternatives per token. */
  topLogprobs: number | undefined;
  signal: AbortSignal;
  /** Prompt tokens evaluated per step, so that an abort lands between steps. */
  promptChunkSize: number;
  /** Where the model begins a tool call; generation ends there. Undefined: no tools offered. */
  callStart?: CallStart;
  /**
   * A pause before each token while a finished answer's sequence waits to be cleared (see
   * ClearingGate); undefined when none waits.
   */
  holdForClearing?: () => Promise<void> | undefined;
}

/** How a generation ended, beyond its events: what a tool call that follows continues from. */
export interface GenerationEnd {
  /** Undefined: no call began; else how it began (the token, or the opening text). */
  callStarted: "token" | "opening" | undefined;
  /** Where this generation's answer begins in the sequence (after its prompt). */
  answerStart: number;
}

/** What `evaluateWithMetadata` yields with `confidence` on and `probabilities` maybe on. */
interface EvaluationStep {
  token: Token;
  confidence?: number;
  probabilities?: Map<Token, number>;
}

/**
 * Generate one answer on a cleared sequence with node-llama-cpp's low-level sequence API:
 * evaluate the prompt (in chunks, checking the abort signal), then sample token by token,
 * recording every token's probability, decoding text safely across UTF-8 boundaries and holding
 * back anything that could be the start of a stop sequence.
 */
export async function* generateChat(
  input: GenerationInput,
): AsyncGenerator<ChatEvent, GenerationEnd, undefined> {
  const { sequence, model, prompt, sampling, signal, callStart } = input;
  const promptTokens = prompt.tokens.length;
  const answerStart = sequence.nextTokenIndex + promptTokens;
  // The sequence may hold an answer's earlier part already (a tool call before this text).
  const budget = Math.min(
    sampling.maxTokens,
    sequence.contextSize - sequence.nextTokenIndex - promptTokens,
  );
  const wantLogprobs = input.topLogprobs !== undefined;
  const alternatives = input.topLogprobs ?? 0;

  if (promptTokens === 0) throw new Error("The rendered prompt has no tokens.");
  // Long prompts are evaluated in chunks so an abort lands between them; the last chunk goes in
  // with the first generation step (one decode call less: short prompts need just one).
  const tailStart = Math.floor((promptTokens - 1) / input.promptChunkSize) * input.promptChunkSize;
  for (let start = 0; start < tailStart; start += input.promptChunkSize) {
    signal.throwIfAborted();
    await sequence.evaluateWithoutGeneratingNewTokens(
      prompt.tokens.slice(start, start + input.promptChunkSize),
    );
  }
  signal.throwIfAborted();

  const recentTokens: Token[] = prompt.tokens.slice(-16);
  const describe = (token: number): string =>
    model.detokenize([token as Token], false, recentTokens);
  const decoder = new TokenTextDecoder(
    (tokens, context) => model.detokenize(tokens as Token[], false, context as Token[]),
    recentTokens,
  );
  const grammarStops = input.grammar === undefined ? [] : grammarStopStrings(input.grammar);
  const filter = new StopSequenceFilter<TokenLogprob>(
    [...sampling.stop, ...prompt.stopStrings, ...grammarStops],
    { trimTrailingWhitespace: input.grammar?.trimWhitespaceSuffix ?? false },
  );
  const confidence = new ConfidenceTracker();
  const undecoded: SampledToken[] = [];
  const answerTokens: Token[] = [];
  const runaway = input.repetition.stopRunaway ? new RunawayRepetitionDetector() : undefined;
  let completionTokens = 0;
  let finishReason: FinishReason = "length";
  let ranAway = false;
  let callStarted: GenerationEnd["callStarted"];
  // While the answer so far may be a call's opening, its pieces wait here.
  const opening = callStart?.opening?.replace(/\s+/g, "");
  // Small models also fence the call as code (```json {"name": …}).
  const openings = opening ? [opening, "```json" + opening, "```" + opening] : [];
  let openingHeld: TextPiece<TokenLogprob>[] | undefined = opening ? [] : undefined;
  let openingText = "";

  const toPiece = (text: string, tokenCount: number): TextPiece<TokenLogprob> => {
    const sampled = undecoded.splice(0, tokenCount);
    return { text, items: wantLogprobs ? logprobsForText(text, sampled) : [] };
  };

  const iterator = sequence.evaluateWithMetadata(
    prompt.tokens.slice(tailStart),
    { confidence: true, probabilities: alternatives > 0 },
    {
      temperature: sampling.temperature,
      topP: sampling.topP,
      seed: sampling.seed ?? randomInt(0, 2 ** 31 - 1),
      ...repeatPenaltyOption(input, answerTokens),
      ...(input.grammar === undefined
        ? {}
        : {
            grammarEvaluationState: new LlamaGrammarEvaluationState({
              model,
              grammar: input.grammar,
            }),
          }),
    },
  );
  try {
    while (completionTokens < budget) {
      signal.throwIfAborted();
      const hold = input.holdForClearing?.();
      if (hold !== undefined) await hold;
      const step = await iterator.next();
      signal.throwIfAborted();
      if (step.done === true) {
        finishReason = "stop"; // an end-of-generation token
        break;
      }
      const { token, confidence: probability, probabilities } = step.value as EvaluationStep;
      if (prompt.stopTokens.has(token)) {
        finishReason = "stop";
        break;
      }
      if (callStart?.token !== undefined && token === callStart.token) {
        callStarted = "token";
        finishReason = "stop";
        break;
      }
      completionTokens += 1;
      answerTokens.push(token);
      const logprob = toLogprob(probability);
      confidence.record(logprob);
      undecoded.push({
        token,
        logprob,
        topLogprobs:
          probabilities === undefined ? [] : topAlternatives(probabilities, alternatives, describe),
      });
      recentTokens.push(token);
      if (recentTokens.length > 16) recentTokens.shift();

      const decoded = decoder.push(token);
      if (decoded === undefined) continue;
      const piece = toPiece(decoded.text, decoded.tokens.length);
      if (openingHeld !== undefined) {
        openingText += decoded.text.replace(/\s+/g, "");
        if (openings.some((text) => openingText.startsWith(text))) {
          callStarted = "opening";
          finishReason = "stop";
          break;
        }
        if (openings.some((text) => text.startsWith(openingText))) {
          openingHeld.push(piece);
          continue;
        }
      }
      // Not (or no longer) a call's opening: what was held goes out first.
      const pieces = [...(openingHeld ?? []), piece];
      openingHeld = undefined;
      const result = pushAll(filter, pieces);
      const delta = joinPieces(result.released, { promptTokens, completionTokens });
      if (delta !== undefined) yield delta;
      if (result.stopped) {
        finishReason = "stop";
        break;
      }
      if (runaway?.push(decoded.text) !== undefined) {
        ranAway = true; // finishReason stays "length": the answer was cut short
        break;
      }
    }
  } finally {
    await iterator.return();
  }

  if (!filter.isStopped) {
    // An answer that ended while it still looked like a call's opening was text after all.
    const released = callStarted === undefined ? pushAll(filter, openingHeld ?? []).released : [];
    const rest = callStarted === "opening" ? undefined : decoder.flush();
    if (rest !== undefined) {
      const result = filter.push(toPiece(rest.text, rest.tokens.length));
      released.push(...result.released);
      if (result.stopped) finishReason = "stop";
    }
    released.push(...filter.flush());
    const delta = joinPieces(released, { promptTokens, completionTokens });
    if (delta !== undefined) yield delta;
  }
  yield {
    type: "done",
    finishReason,
    usage: { promptTokens, completionTokens },
    confidence: confidence.summary(),
    ...(ranAway ? { runaway: true } : {}),
  };
  return { callStarted, answerStart };
}

/**
 * node-llama-cpp's repeat penalty over the answer's latest tokens (newlines excluded, as in its
 * LlamaChat), or nothing when every penalty is neutral. The tokens are read at each step.
 */
function repeatPenaltyOption(
  input: GenerationInput,
  answerTokens: readonly Token[],
): { repeatPenalty?: LlamaContextSequenceRepeatPenalty } {
  const { frequencyPenalty, presencePenalty } = input.sampling;
  const { lastTokens } = input.repetition;
  const penalty = input.grammar === undefined ? input.repetition.repeatPenalty : 1;
  if (lastTokens < 1 || (penalty === 1 && frequencyPenalty === 0 && presencePenalty === 0)) {
    return {};
  }
  const newline = input.model.tokens.nl;
  return {
    repeatPenalty: {
      punishTokens: () => answerTokens.slice(-lastTokens).filter((token) => token !== newline),
      maxPunishTokens: lastTokens,
      penalty,
      frequencyPenalty,
      presencePenalty,
    },
  };
}

function pushAll(
  filter: StopSequenceFilter<TokenLogprob>,
  pieces: readonly TextPiece<TokenLogprob>[],
): { released: TextPiece<TokenLogprob>[]; stopped: boolean } {
  const released: TextPiece<TokenLogprob>[] = [];
  for (const piece of pieces) {
    const result = filter.push(piece);
    released.push(...result.released);
    if (result.stopped) return { released, stopped: true };
  }
  return { released, stopped: false };
}

function joinPieces(
  pieces: readonly TextPiece<TokenLogprob>[],
  usage: Usage,
): ChatEvent | undefined {
  if (pieces.length === 0) return undefined;
  const text = pieces.map((piece) => piece.text).join("");
  const logprobs = pieces.flatMap((piece) => piece.items);
  if (text.length === 0 && logprobs.length === 0) return undefined;
  return { type: "delta", text, logprobs, usage };
}
