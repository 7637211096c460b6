import type { ConfidenceSummary } from "./chat.js";

/** Running mean and minimum of the log-probabilities of generated tokens. */
export class ConfidenceTracker {
  private count = 0;
  private sum = 0;
  private minimum = 0;

  record(logprob: number): void {
    this.minimum = this.count === 0 ? logprob : Math.min(this.minimum, logprob);
    this.count += 1;
    this.sum += logprob;
  }

  summary(): ConfidenceSummary {
    return {
      tokens: this.count,
      meanLogprob: this.count === 0 ? 0 : this.sum / this.count,
      minLogprob: this.minimum,
    };
  }
}
