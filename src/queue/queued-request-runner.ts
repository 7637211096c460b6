import { randomUUID } from "node:crypto";
import type { Principal } from "../tenancy/gatekeeper.js";
import {
  AuthenticationError,
  BudgetExceededError,
  EngineBusyError,
  RateLimitError,
  toColibriError,
  UpstreamError,
} from "../core/errors.js";
import type { ChatCall, ChatPipeline } from "../chat/chat-pipeline.js";
import type { MeteredRequest } from "../chat/metering.js";
import { errorBody } from "../openai/error-body.js";
import { chatCompletionBodySchema } from "../openai/openai-schemas.js";
import { validateBody } from "../openai/validate-body.js";
import type { QueuedRequest, StoredBatch } from "../core/records/batches.js";
import type { Store } from "../core/records/store.js";
import { responseLine } from "./batch-lines.js";

/** How one attempt at a queued request ended. */
export type RunOutcome =
  /** Final: the line for the output file (`failed`: for the error file). */
  | { kind: "done"; failed: boolean; result: string; reason?: string }
  /** The cloud it needs cannot be reached: wait for the link. */
  | { kind: "wait"; provider: string; reason: string }
  /** Try again from `notBefore` (a rate limit, a full local queue, a shutdown). */
  | { kind: "later"; notBefore: number; reason: string };

export interface QueuedRequestRunnerOptions {
  /** The same chat flow as live requests (in `queued` mode, with no response cache). */
  pipeline: ChatPipeline;
  store: Store;
  log: MeteredRequest["log"];
  now: () => number;
}

/** A full local queue: try again shortly. */
const busyRetryMs = 1_000;

/**
 * Runs one queued chat request the way the live route does (the same validation, router, privacy
 * guard, limits, budgets and usage record), but patiently: a cloud that cannot be reached makes
 * it wait rather than answer locally, and every upstream call carries the request's id as its
 * idempotency key, so a request sent again after a crash is done once upstream.
 */
export class QueuedRequestRunner {
  readonly #options: QueuedRequestRunnerOptions;

  constructor(options: QueuedRequestRunnerOptions) {
    this.#options = options;
  }

  async run(request: QueuedRequest, batch: StoredBatch, signal: AbortSignal): Promise<RunOutcome> {
    const { pipeline, now } = this.#options;
    try {
      const principal = await this.#principal(batch);
      const body = validateBody(chatCompletionBodySchema, JSON.parse(request.body));
      const target = deferredTarget(request);
      const responseId = `chatcmpl-${randomUUID()}`;
      const call: ChatCall = {
        origin: {
          id: request.id,
          principal,
          served: null,
          log: this.#options.log,
          url: `batch ${batch.id}`,
        },
        principal,
        body,
        endpoint: "batch",
        mode: "queued",
        stream: false,
        metadata: body.metadata ?? {},
        signal,
        idempotencyKey: request.id,
        responseId,
        ...(target === undefined ? {} : { target }),
        // An attempt that waits for its link or a limit writes no usage record of its own.
        retried: (error: unknown) => this.#failure(request, error, signal).kind !== "done",
      };
      return await pipeline.complete(call, async (delivery) => {
        const completion = await pipeline.collect(delivery, {
          id: responseId,
          created: Math.floor(now() / 1000),
          model: delivery.answer.model,
        });
        return {
          ...completion,
          result: {
            kind: "done",
            failed: false,
            result: responseLine(request, 200, completion.body),
          } satisfies RunOutcome,
        };
      });
    } catch (error) {
      return this.#failure(request, error, signal);
    }
  }

  #failure(request: QueuedRequest, error: unknown, signal: AbortSignal): RunOutcome {
    const now = this.#options.now();
    if (signal.aborted) return { kind: "later", notBefore: now, reason: "the gateway stopped" };
    if (error instanceof UpstreamError && error.unavailable) {
      return { kind: "wait", provider: error.provider, reason: error.message };
    }
    // A budget that requests in flight hold, not one spent: try again once they settle.
    if (
      error instanceof RateLimitError ||
      (error instanceof BudgetExceededError && error.freesSoon)
    ) {
      return {
        kind: "later",
        notBefore: now + error.retryAfterSeconds * 1000,
        reason: error.message,
      };
    }
    if (error instanceof EngineBusyError) {
      return { kind: "later", notBefore: now + busyRetryMs, reason: error.message };
    }
    const colibriError =
      error instanceof SyntaxError
        ? toColibriError(new Error(`The request body is not JSON: ${error.message}`))
        : toColibriError(error);
    return {
      kind: "done",
      failed: true,
      result: responseLine(request, colibriError.status, errorBody(colibriError)),
      reason: colibriError.message,
    };
  }

  /** Who the batch runs as: its tenant, under the key that created it (if still valid). */
  async #principal(batch: StoredBatch): Promise<Principal> {
    const { store } = this.#options;
    const tenant = await store.tenants.findById(batch.tenantId);
    if (tenant === undefined) throw new AuthenticationError(`The batch's tenant no longer exists.`);
    if (batch.keyId === null) return { tenant, key: undefined };
    const keys = await store.keys.list({ tenantId: tenant.id, includeRevoked: true });
    const key = keys.find((entry) => entry.id === batch.keyId);
    if (key === undefined || key.revokedAt !== null) {
      throw new AuthenticationError(
        `The API key that created batch ${batch.id} was revoked; its remaining requests are not run. Submit them again with a valid key.`,
      );
    }
    return { tenant, key };
  }
}

/** A deferred live request names the cloud target it must reach: "provider/model". */
function deferredTarget(request: QueuedRequest): { provider: string; model: string } | undefined {
  if (request.cloudTarget === null) return undefined;
  const slash = request.cloudTarget.indexOf("/");
  return {
    provider: request.cloudTarget.slice(0, slash),
    model: request.cloudTarget.slice(slash + 1),
  };
}
