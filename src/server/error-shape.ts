import type { FastifyRequest } from "fastify";
import type { ColibriError } from "../core/errors.js";
import { errorBody } from "../openai/error-body.js";

/** The error shape a route answers in: OpenAI's (default) or Anthropic's (`/v1/messages`). */
export type ErrorShape = "openai" | "anthropic";

declare module "fastify" {
  interface FastifyContextConfig {
    /** How this route's errors are written; default OpenAI's shape. */
    errorShape?: ErrorShape;
  }
}

/**
 * An error as the matched route's clients read it (decided from the route, never the raw URL; an
 * unmatched URL is answered in OpenAI's shape).
 */
export function errorBodyFor(request: FastifyRequest | undefined, error: ColibriError): object {
  const shape = request?.routeOptions.config.errorShape;
  return shape === "anthropic" ? anthropicErrorBody(error) : errorBody(error);
}

/** Anthropic's error shape: `{ type: "error", error: { type, message } }`, its types by status. */
export function anthropicErrorBody(error: ColibriError) {
  return {
    type: "error" as const,
    error: { type: anthropicErrorType(error), message: error.message },
  };
}

function anthropicErrorType(error: ColibriError): string {
  switch (error.status) {
    case 400:
    case 422:
      return "invalid_request_error";
    case 401:
      return "authentication_error";
    case 402:
      return "billing_error";
    case 403:
      return "permission_error";
    case 404:
      return "not_found_error";
    case 413:
      return "request_too_large";
    case 429:
      return "rate_limit_error";
    case 503:
    case 529:
      return "overloaded_error";
    default:
      return error.status < 500 ? "invalid_request_error" : "api_error";
  }
}
