import { randomUUID } from "node:crypto";
import type { Store } from "../core/records/store.js";
import type { TrainingPair } from "../core/records/training-pairs.js";
import type { SentExchange } from "../privacy/egress-guard.js";

export interface TrainingPairKeeperOptions {
  store: Store;
  /** A pair that could not be written (logged; never the request's concern). */
  onError: (error: unknown) => void;
  now?: () => number;
}

/**
 * Keeps a consenting tenant's exchange with the cloud as a training pair (issue 25), written
 * behind the answer like its usage record: as it was sent, masked, never the values.
 */
export function trainingPairKeeper(
  options: TrainingPairKeeperOptions,
): (exchange: SentExchange) => void {
  const now = options.now ?? Date.now;
  return (exchange) => {
    const pair: TrainingPair = {
      id: randomUUID(),
      tenantId: exchange.context.tenantId,
      responseId: exchange.responseId ?? null,
      createdAt: now(),
      provider: exchange.provider,
      model: exchange.model,
      messages: exchange.messages,
      answer: exchange.answer,
      finishReason: exchange.finishReason,
    };
    options.store
      .writeBehind(({ trainingPairs }) => trainingPairs.record(pair))
      .then((queued) => queued.committed)
      .catch(options.onError);
  };
}
