import { createHash } from "node:crypto";
import type { RatedTrainingPair, TrainingMessage } from "../../src/core/records/training-pairs.js";
import { randomPartLength } from "../../src/privacy/placeholder-vault.js";
import { isRefusal } from "../../src/router/refusal.js";
import { estimatePromptTokens } from "../../src/upstream/usage-estimate.js";

/** One line of the chat fine-tuning JSONL format (OpenAI's fine-tuning API, most trainers). */
export interface ChatExample {
  messages: TrainingMessage[];
}

export interface ChatDatasetOptions {
  /** Share of the examples held out for evaluation, 0–1 (0.1: one in ten). */
  evalShare: number;
  /** The split's seed: the same pairs and seed give the same split. */
  seed: number;
  /** An example longer than this (estimated tokens, prompt and answer) is dropped. */
  maxTokens: number;
  /** Whether a text holds anything the privacy guard would mask. */
  holdsPersonalData: (text: string) => boolean;
}

/** Why a pair was left out of the dataset, in the order the checks run. */
export const dropReasons = [
  "empty",
  "cut",
  "ratedBad",
  "refused",
  "tooLong",
  "personalData",
  "duplicate",
] as const;
export type DropReason = (typeof dropReasons)[number];

export interface ChatDatasetCounts {
  pairs: number;
  /** Pairs whose answer is the user's correction (feedback API) instead of the cloud's. */
  corrected: number;
  dropped: Record<DropReason, number>;
  train: number;
  eval: number;
}

export interface ChatDataset {
  train: ChatExample[];
  eval: ChatExample[];
  counts: ChatDatasetCounts;
}

/**
 * A placeholder as the guard mints it, `<CPF_1_k3f9q2>`: the random part is new for every
 * request, so it is dropped (`<CPF_1>`) — a trainer would otherwise learn noise, and the same
 * exchange kept twice would not be seen as one.
 */
const placeholder = new RegExp(`<([A-Z][A-Z0-9_]*?_\\d+)_[a-z0-9]{${randomPartLength}}>`, "g");

/** A placeholder's random part dropped, in a pair's text. */
export function withStablePlaceholders(text: string): string {
  return text.replace(placeholder, "<$1>");
}

/**
 * The tenant's kept pairs as a chat fine-tuning data set: the correction given through the
 * feedback API replaces the cloud's answer; empty, cut, 👎 without a correction, refused and
 * too-long examples are dropped; then every text is scanned again and an example with anything
 * the guard would mask is dropped; duplicates go; the rest is split train/eval by a seeded hash
 * of each example (deterministic, independent of the order the pairs were kept in).
 */
export function buildChatDataset(
  pairs: Iterable<RatedTrainingPair>,
  options: ChatDatasetOptions,
): ChatDataset {
  const dropped = Object.fromEntries(dropReasons.map((reason) => [reason, 0])) as Record<
    DropReason,
    number
  >;
  const counts: ChatDatasetCounts = { pairs: 0, corrected: 0, dropped, train: 0, eval: 0 };
  const kept = new Map<string, ChatExample>();
  for (const pair of pairs) {
    counts.pairs++;
    const correction = pair.correction?.trim() ?? "";
    if (correction !== "") counts.corrected++;
    const example: ChatExample = {
      messages: [
        ...pair.messages.map((message) => ({
          role: message.role,
          content: withStablePlaceholders(message.content),
        })),
        {
          role: "assistant",
          content: withStablePlaceholders(correction !== "" ? correction : pair.answer),
        },
      ],
    };
    const reason = dropReason(example, pair, correction !== "", options);
    if (reason !== undefined) {
      dropped[reason]++;
      continue;
    }
    const key = createHash("sha256").update(JSON.stringify(example)).digest("hex");
    if (kept.has(key)) {
      dropped.duplicate++;
      continue;
    }
    kept.set(key, example);
  }
  const drawn = [...kept.entries()]
    .map(([key, example]) => ({
      example,
      draw: createHash("sha256").update(`${options.seed}:${key}`).digest("hex"),
    }))
    .sort((a, b) => (a.draw < b.draw ? -1 : a.draw > b.draw ? 1 : 0));
  const evalCount = evalSize(drawn.length, options.evalShare);
  const evalSet = drawn.slice(0, evalCount).map((entry) => entry.example);
  const train = drawn.slice(evalCount).map((entry) => entry.example);
  counts.train = train.length;
  counts.eval = evalSet.length;
  return { train, eval: evalSet, counts };
}

function dropReason(
  example: ChatExample,
  pair: RatedTrainingPair,
  corrected: boolean,
  options: ChatDatasetOptions,
): Exclude<DropReason, "duplicate"> | undefined {
  const answer = example.messages.at(-1)?.content ?? "";
  const asked = example.messages.some(
    (message) => message.role === "user" && message.content.trim() !== "",
  );
  if (answer.trim() === "" || !asked) return "empty";
  if (!corrected && pair.finishReason !== "stop") return "cut";
  if (!corrected && pair.rating === "bad") return "ratedBad";
  if (isRefusal(answer)) return "refused";
  if (estimatePromptTokens(example.messages) > options.maxTokens) return "tooLong";
  if (example.messages.some((message) => options.holdsPersonalData(message.content))) {
    return "personalData";
  }
  return undefined;
}

/** Examples held out: the share rounded, at least one when there are two or more to split. */
function evalSize(examples: number, share: number): number {
  if (share <= 0 || examples < 2) return 0;
  return Math.min(examples - 1, Math.max(1, Math.round(examples * share)));
}
