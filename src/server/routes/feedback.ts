import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ColibriError } from "../../core/errors.js";
import {
  feedbackRatings,
  type Feedback,
  type FeedbackRepository,
} from "../../core/records/feedback.js";
import type { Principal } from "../../tenancy/gatekeeper.js";
import { validateBody } from "../../openai/validate-body.js";
import { principalOf } from "../request-state.js";

/** The longest correction or comment kept, in characters. */
export const maxFeedbackText = 32_000;

const responseId = z.string().min(1).max(200);
const feedbackBody = z
  .object({
    response_id: responseId,
    rating: z.enum(feedbackRatings),
    correction: z.string().min(1).max(maxFeedbackText).optional(),
    comment: z.string().min(1).max(maxFeedbackText).optional(),
  })
  .strict();

/**
 * POST /v1/feedback: a user's rating of one of the tenant's answers (good or bad), with what it
 * should have said (`correction`) or a note (`comment`). One per answer: sending again replaces it.
 * GET /v1/feedback/{response_id} reads it back. The answer is named by the id it was given
 * (chatcmpl-…, msg_…, resp_…, cmpl-…); another tenant's answers are not found. Counted on the
 * dashboard per model; each call takes a request slot of the caller's rate limit.
 */
export function registerFeedback(
  app: FastifyInstance,
  options: {
    repository: FeedbackRepository;
    /** Take one of the caller's requests-per-minute slots (throws RateLimitError). */
    admit: (principal: Principal) => Promise<unknown>;
    now: () => number;
  },
): void {
  const { repository, admit, now } = options;
  app.post("/v1/feedback", { config: { access: "tenant" } }, async (request, reply) => {
    const principal = principalOf(request);
    await admit(principal);
    const body = validateBody(feedbackBody, request.body);
    const feedback: Feedback = {
      id: `feedback-${randomUUID()}`,
      tenantId: principal.tenant.id,
      responseId: body.response_id,
      keyId: principal.key?.id ?? null,
      createdAt: now(),
      rating: body.rating,
      correction: body.correction ?? null,
      comment: body.comment ?? null,
    };
    if (!(await repository.record(feedback))) throw answerNotFound(body.response_id);
    return reply.send(feedbackView(feedback));
  });

  app.get<{ Params: { response_id: string } }>(
    "/v1/feedback/:response_id",
    { config: { access: "tenant" } },
    async (request, reply) => {
      const principal = principalOf(request);
      await admit(principal);
      const feedback = await repository.find(principal.tenant.id, request.params.response_id);
      if (feedback === undefined) {
        throw new ColibriError(
          `No feedback on "${request.params.response_id}" from this tenant. Give it with POST /v1/feedback.`,
          {
            code: "feedback_not_found",
            status: 404,
            type: "not_found_error",
            param: "response_id",
          },
        );
      }
      return reply.send(feedbackView(feedback));
    },
  );
}

function answerNotFound(id: string): ColibriError {
  return new ColibriError(
    `No answer "${id}" for this tenant. Use the "id" of a chat completion, message or response this tenant received (it is kept as long as usage records are).`,
    { code: "response_not_found", status: 404, type: "not_found_error", param: "response_id" },
  );
}

function feedbackView(feedback: Feedback) {
  return {
    object: "feedback",
    id: feedback.id,
    response_id: feedback.responseId,
    rating: feedback.rating,
    correction: feedback.correction,
    comment: feedback.comment,
    created_at: Math.floor(feedback.createdAt / 1000),
  };
}
