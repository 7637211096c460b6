import { z } from "zod";
import {
  CloudUnavailableError,
  UpstreamRejectedError,
  type UpstreamError,
} from "../core/errors.js";
import { excerpt, parseJsonText } from "./json-payload.js";
import type { ProviderContext } from "./provider-context.js";
import { parseRetryAfter } from "./retry-policy.js";

/** Error bodies as OpenAI, Anthropic, vLLM, Ollama and most compatible servers send them. */
const errorBodySchema = z.union([
  z.object({
    error: z.object({
      message: z.string(),
      type: z.string().nullish(),
      code: z.union([z.string(), z.number()]).nullish(),
    }),
  }),
  z.object({ error: z.string() }),
  z.object({ message: z.string() }),
  z.object({ detail: z.string() }),
]);

export interface ProviderErrorDescription {
  message: string;
  /** The provider's error code or type, e.g. "invalid_api_key" or "overloaded_error". */
  code: string | undefined;
  /** The error's type when it has one, e.g. "invalid_request_error". */
  type: string | undefined;
}

/** The message and code in a provider's error payload (parsed JSON), or its text as is. */
export function describeProviderError(payload: unknown, text: string): ProviderErrorDescription {
  const parsed = errorBodySchema.safeParse(payload);
  if (!parsed.success) return { message: excerpt(text), code: undefined, type: undefined };
  const body = parsed.data;
  if ("error" in body) {
    if (typeof body.error === "string")
      return { message: body.error, code: undefined, type: undefined };
    const type = body.error.type ?? undefined;
    const code = body.error.code ?? undefined;
    return { message: body.error.message, code: code === undefined ? type : String(code), type };
  }
  return {
    message: "message" in body ? body.message : body.detail,
    code: undefined,
    type: undefined,
  };
}

/** Statuses that mean "not now" rather than "not this request". */
const retryableStatuses = new Set([408, 429, 500, 502, 503, 504, 529]);

/**
 * The error for a non-2xx answer: 429, 408 and 5xx mean the cloud cannot answer now
 * (CloudUnavailableError, with the Retry-After it sent); other statuses are the provider
 * refusing this request (UpstreamRejectedError).
 */
export function upstreamErrorFromResponse(
  response: { status: number; retryAfter: string | undefined; text: string },
  context: ProviderContext,
  nowMs: number,
): UpstreamError {
  const { status, text } = response;
  const description = describeProviderError(parseJsonText(text), text);
  const name = context.name;
  if (status === 429 || status === 408 || status >= 500) {
    const retryAfterMs = parseRetryAfter(response.retryAfter, nowMs);
    const what =
      status === 429
        ? "is rate-limiting the gateway (429)"
        : status >= 500
          ? `failed on its side (${status})`
          : `timed the request out (${status})`;
    const wait = retryAfterMs === undefined ? "" : ` It asked to retry after ${retryAfterMs} ms.`;
    return new CloudUnavailableError(
      `Provider "${name}" ${what}: ${withoutFinalStop(description.message)}.${wait}`,
      {
        provider: name,
        upstreamStatus: status,
        retryAfterMs,
        isRetryable: retryableStatuses.has(status),
      },
    );
  }
  return new UpstreamRejectedError({
    provider: name,
    upstreamStatus: status,
    providerMessage: description.message,
    upstreamCode: description.code,
    apiKeyEnv: context.apiKeyEnv,
  });
}

/** HTTP statuses that in-stream error types stand for. */
const rejectedTypes: Record<string, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
};

/**
 * The error for an error event inside a stream (`data: {"error": …}` from OpenAI-compatible
 * servers, `event: error` from Anthropic): request errors by their type, anything else
 * (overloaded, server errors) as the cloud being unavailable.
 */
export function upstreamErrorFromStreamEvent(
  payload: unknown,
  text: string,
  context: ProviderContext,
): UpstreamError {
  const description = describeProviderError(payload, text);
  const status = description.type === undefined ? undefined : rejectedTypes[description.type];
  if (status !== undefined) {
    return new UpstreamRejectedError({
      provider: context.name,
      upstreamStatus: status,
      providerMessage: description.message,
      upstreamCode: description.code,
      apiKeyEnv: context.apiKeyEnv,
    });
  }
  const label = description.code === undefined ? "" : ` (${description.code})`;
  return new CloudUnavailableError(
    `Provider "${context.name}" failed in the middle of its answer${label}: ${withoutFinalStop(description.message)}.`,
    { provider: context.name },
  );
}

function withoutFinalStop(text: string): string {
  return text.replace(/[.\s]+$/, "");
}
