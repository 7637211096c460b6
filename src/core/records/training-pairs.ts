/**
 * Training pairs (issue 25): with a tenant's consent, each request escalated to a cloud model
 * that answered it in full, kept as it crossed the wire — the messages masked by the privacy guard
 * (pseudonyms, never the values) and the cloud's answer before its placeholders were restored.
 */

/** One message of a pair, as sent (text only: a pair is kept only for requests without tools). */
export interface TrainingMessage {
  role: "system" | "user" | "assistant";
  content: string;
}

export interface TrainingPair {
  id: string;
  tenantId: string;
  /** The id the answer was given (chatcmpl-…), by which feedback finds it; null when none. */
  responseId: string | null;
  createdAt: number;
  /** The cloud provider and model that answered. */
  provider: string;
  model: string;
  messages: TrainingMessage[];
  answer: string;
  /** `stop`, or `length` when the answer was cut at max_tokens. */
  finishReason: "stop" | "length";
}

/** A pair as read back, with the user's feedback on its answer when there is some. */
export interface RatedTrainingPair extends TrainingPair {
  rating: "good" | "bad" | null;
  /** What the answer should have said (the feedback API's correction): it replaces the answer. */
  correction: string | null;
}

export interface TrainingPairRepository {
  record(pair: TrainingPair): Promise<void>;
  /**
   * A tenant's pairs in the order they were kept, at most `limit`, after the pair `after` (a
   * page's last), each with the feedback of the same tenant and response id.
   */
  page(query: {
    tenantId: string;
    limit: number;
    after?: { createdAt: number; id: string };
  }): Promise<RatedTrainingPair[]>;
}
