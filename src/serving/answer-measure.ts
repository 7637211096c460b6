import type { ChatEvent, ChatMessage, FinishReason, ResponseFormat } from "../core/chat.js";
import { judgeAnswer } from "../router/answer-judgement.js";

/** The signals the cascade reads from one answer, for comparing two models. */
export interface MeasuredAnswer {
  text: string;
  /** The cascade would have escalated it: a flaw, or confidence under the threshold. */
  escalated: boolean;
  runaway: boolean;
  languageMismatch: boolean;
  failed: boolean;
  finishReason: FinishReason | null;
  /** The token-probability confidence (0 for a flawed answer); null without the engine's summary. */
  confidence: number | null;
}

/**
 * Measure a whole answer as a cascade would judge it (answer-judgement.ts): its flaw (a loop, cut
 * at the limit, empty, a refusal, another language, bad JSON) and its confidence from the engine's
 * summary of token probabilities (mean, or min; `tail` reads as mean here).
 */
export function measureAnswer(
  events: readonly ChatEvent[],
  messages: readonly ChatMessage[],
  options: {
    threshold: number;
    signal: "mean" | "min" | "tail";
    failed: boolean;
    responseFormat?: ResponseFormat;
  },
): MeasuredAnswer {
  let text = "";
  for (const event of events) if (event.type === "delta") text += event.text;
  const done = events.findLast((event) => event.type === "done");
  if (options.failed || done === undefined) {
    return {
      text,
      escalated: true,
      runaway: false,
      languageMismatch: false,
      failed: true,
      finishReason: null,
      confidence: null,
    };
  }
  const summary = done.confidence;
  const probability =
    summary === undefined
      ? 1
      : Math.exp(options.signal === "min" ? summary.minLogprob : summary.meanLogprob);
  const judgement = judgeAnswer(
    {
      text,
      finished: true,
      finishReason: done.finishReason,
      runaway: done.runaway === true,
      messages,
      ...(options.responseFormat === undefined ? {} : { responseFormat: options.responseFormat }),
    },
    probability,
  );
  return {
    text,
    escalated: judgement.flaw !== undefined || judgement.confidence < options.threshold,
    runaway: judgement.flaw === "repetition",
    languageMismatch: judgement.flaw === "language",
    failed: false,
    finishReason: done.finishReason,
    confidence: summary === undefined ? null : judgement.confidence,
  };
}

/**
 * How much two answers say the same, 0–1: the Jaccard overlap of their word sets (letters and
 * digits, lower-cased). Two empty answers agree.
 */
export function answerAgreement(a: string, b: string): number {
  const words = (text: string) => new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const left = words(a);
  const right = words(b);
  if (left.size === 0 && right.size === 0) return 1;
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / (left.size + right.size - shared);
}
