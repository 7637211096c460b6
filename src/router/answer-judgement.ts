import type { ChatMessage, FinishReason, ResponseFormat } from "../core/chat.js";
import { findLanguageMismatch } from "./answer-language.js";
import { findJsonProblem } from "./json-answer.js";
import { isRefusal } from "./refusal.js";
import { findRepetition } from "./repetition.js";

/**
 * What users see as a bad answer, whatever its token probabilities say. Each is also the reason a
 * cascade gives when it escalates (`x-colibri-reason`), beside "low-confidence".
 */
export const answerFlaws = [
  "repetition",
  "length",
  "empty",
  "refusal",
  "language",
  "invalid-json",
] as const;
export type AnswerFlaw = (typeof answerFlaws)[number];

/** The local answer as a cascade has read it: all of it, or the first tokens of a stream. */
export interface AnswerSoFar {
  text: string;
  /** The whole answer was read (its final event seen). */
  finished: boolean;
  finishReason?: FinishReason;
  /** The engine stopped a runaway repetition. */
  runaway?: boolean;
  /** The conversation it answers: the last user message sets the expected language. */
  messages?: readonly ChatMessage[];
  responseFormat?: ResponseFormat;
}

/**
 * The first flaw of an answer, most telling first: a loop (seen by the engine or in the text), a
 * cut at the token limit, nothing said, a refusal, another language than the question's, JSON
 * that fails its requested format. Flaws that need the whole answer (length, empty, JSON) are
 * only looked for once it is whole; the others work on the first tokens of a stream too.
 */
export function findAnswerFlaw(answer: AnswerSoFar): AnswerFlaw | undefined {
  if (answer.runaway === true || findRepetition(answer.text) !== undefined) return "repetition";
  if (answer.finished && answer.finishReason === "length") return "length";
  // An answer that only calls tools says nothing itself, and is not empty for that.
  if (answer.finished && answer.text.trim() === "" && answer.finishReason !== "tool_calls") {
    return "empty";
  }
  if (isRefusal(answer.text)) return "refusal";
  const question = lastUserMessage(answer.messages);
  if (question !== undefined && findLanguageMismatch(question, answer.text) !== undefined) {
    return "language";
  }
  if (answer.finished && findJsonProblem(answer.text.trim(), answer.responseFormat) !== undefined) {
    return "invalid-json";
  }
  return undefined;
}

export interface AnswerJudgement {
  /** 0–1: the token-probability confidence, or 0 when the answer has a flaw. */
  confidence: number;
  flaw?: AnswerFlaw;
}

/**
 * The one confidence a cascade uses: a flawed answer is escalated whatever its probability (its
 * confidence is 0), any other answer keeps its token-probability confidence.
 */
export function judgeAnswer(answer: AnswerSoFar, probability: number): AnswerJudgement {
  const flaw = findAnswerFlaw(answer);
  return flaw === undefined ? { confidence: probability } : { confidence: 0, flaw };
}

function lastUserMessage(messages: readonly ChatMessage[] | undefined): string | undefined {
  return messages?.findLast((message) => message.role === "user")?.content;
}
