import type { confidenceSignals } from "../config/schema.js";

export type ConfidenceSignal = (typeof confidenceSignals)[number];

/**
 * One confidence in [0, 1] from the log-probabilities of the generated tokens, length-normalised
 * so long answers are not punished for their length. No tokens means nothing to trust: 0.
 */
export function confidenceOf(logprobs: readonly number[], signal: ConfidenceSignal): number {
  if (logprobs.length === 0) return 0;
  switch (signal) {
    case "mean":
      return Math.exp(mean(logprobs));
    case "min":
      return Math.exp(Math.min(...logprobs));
    case "tail": {
      const lowest = [...logprobs].sort((a, b) => a - b);
      return Math.exp(mean(lowest.slice(0, Math.max(1, Math.ceil(lowest.length / 4)))));
    }
  }
}

function mean(values: readonly number[]): number {
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}
