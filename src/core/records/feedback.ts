/** Users' feedback on answers: a rating and an optional correction, one per response. */

export const feedbackRatings = ["good", "bad"] as const;
export type FeedbackRating = (typeof feedbackRatings)[number];

export interface Feedback {
  id: string;
  tenantId: string;
  /** The id the answer was given: chatcmpl-…, msg_…, resp_…, cmpl-…. */
  responseId: string;
  keyId: string | null;
  createdAt: number;
  rating: FeedbackRating;
  /** What the answer should have said, in the user's words. */
  correction: string | null;
  comment: string | null;
}

/** Ratings for one model and target (where the rated answers ran), over a time range. */
export interface FeedbackTotals {
  model: string;
  target: string;
  good: number;
  bad: number;
  /** Rated answers that came with a correction. */
  corrected: number;
}

export interface FeedbackRepository {
  /**
   * Keep the feedback on one of the tenant's answers, replacing any given before. False when the
   * tenant has no answer with that id (never another tenant's, and nothing is written).
   */
  record(feedback: Feedback): Promise<boolean>;
  /** The tenant's feedback on one answer, if any. */
  find(tenantId: string, responseId: string): Promise<Feedback | undefined>;
  /** Totals per model and target for feedback given in [since, until). */
  totals(query: { since: number; until?: number; tenantId?: string }): Promise<FeedbackTotals[]>;
}
