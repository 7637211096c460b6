import type { FastifyBaseLogger } from "fastify";
import { UpstreamError, type ColibriError } from "../core/errors.js";
import { failureLabel, upstreamFailure } from "../core/upstream-failure.js";

/**
 * Log an answer of 500 or more. A provider's failure is logged by its class and status, never by
 * its message: the provider's error text may echo the prompt, and logs never hold prompt text.
 */
export function logServerError(
  log: FastifyBaseLogger,
  error: unknown,
  answer: ColibriError,
  nowMs: number,
): void {
  if (!(answer instanceof UpstreamError)) {
    log.error({ err: error }, answer.message);
    return;
  }
  const failure = upstreamFailure(answer, nowMs);
  log.error(
    { provider: answer.provider, code: answer.code, failure },
    `Provider "${answer.provider}" failed (${failureLabel(failure)}); the client was told why.`,
  );
}
