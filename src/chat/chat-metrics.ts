/** What the chat flow reports to the metrics (the server's Prometheus registry implements it). */
export interface ChatMetrics {
  /** The data types found in one request (each finding counts). */
  observeFindings(types: readonly string[]): void;
  observeCacheLookup(hit: boolean): void;
  observeEgress(provider: string, verdict: string, action: string): void;
  observeDecision(route: string, reason: string): void;
  observeUsage(
    model: string,
    target: string,
    usage: { promptTokens: number; completionTokens: number; costUsd: number },
  ): void;
  observeRejection(limit: string): void;
  observeUsageWriteFailure(): void;
}
