import { describe, expect, it } from "vitest";
import {
  CloudUnavailableError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
} from "../core/errors.js";
import { upstreamErrorFromNetwork } from "./network-error-mapping.js";
import type { ProviderContext } from "./provider-context.js";
import {
  upstreamErrorFromResponse,
  upstreamErrorFromStreamEvent,
} from "./upstream-error-response.js";

const context: ProviderContext = {
  name: "openai",
  baseUrl: "https://api.openai.com/v1",
  apiKeyEnv: "OPENAI_API_KEY",
  timeouts: { connectMs: 5_000, firstByteMs: 30_000, idleMs: 20_000, totalMs: 120_000 },
};

function coded(code: string, message = code): Error {
  return Object.assign(new Error(message), { code });
}

describe("upstreamErrorFromNetwork", () => {
  it("maps undici's timeouts to the timeout, its value and the config field to raise", () => {
    const cases = [
      ["UND_ERR_CONNECT_TIMEOUT", "connect", 5_000, "providers[].timeouts.connectMs"],
      ["UND_ERR_HEADERS_TIMEOUT", "firstByte", 30_000, "providers[].timeouts.firstByteMs"],
      ["UND_ERR_BODY_TIMEOUT", "idle", 20_000, "providers[].timeouts.idleMs"],
    ] as const;
    for (const [code, timeout, timeoutMs, configField] of cases) {
      const error = upstreamErrorFromNetwork(coded(code), context);
      expect(error).toBeInstanceOf(UpstreamTimeoutError);
      expect(error).toMatchObject({
        timeout,
        timeoutMs,
        configField,
        code: "upstream_timeout",
        status: 504,
        unavailable: true,
        provider: "openai",
      });
      expect(error.message).toContain(`${timeoutMs} ms`);
      expect(error.message).toContain(configField);
    }
  });

  it("maps refused, reset and DNS failures to CloudUnavailableError, retrying only the transient", () => {
    const refused = upstreamErrorFromNetwork(
      coded("ECONNREFUSED", "connect ECONNREFUSED"),
      context,
    );
    expect(refused).toBeInstanceOf(CloudUnavailableError);
    expect(refused).toMatchObject({ status: 503, unavailable: true, isRetryable: true });
    expect(refused.message).toContain("refused the connection");
    expect(refused.message).toContain("https://api.openai.com/v1");
    for (const code of ["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"]) {
      expect(upstreamErrorFromNetwork(coded(code), context)).toMatchObject({ isRetryable: true });
    }
    const dns = upstreamErrorFromNetwork(coded("ENOTFOUND"), context);
    expect(dns).toMatchObject({ unavailable: true, isRetryable: false });
    expect(dns.message).toContain("does not resolve");
    const wrapped = upstreamErrorFromNetwork(
      new TypeError("fetch failed", { cause: coded("ECONNRESET") }),
      context,
    );
    expect(wrapped.message).toContain("was cut");
  });
});

describe("upstreamErrorFromResponse", () => {
  const now = Date.parse("2025-06-01T12:00:00Z");
  const respond = (status: number, text: string, retryAfter?: string) =>
    upstreamErrorFromResponse({ status, text, retryAfter }, context, now);
  const openAIError = (message: string, code: string) =>
    JSON.stringify({ error: { message, type: "invalid_request_error", param: null, code } });

  it("passes 400, 404 and 422 on with the provider's status and message", () => {
    for (const status of [400, 404, 422]) {
      const error = respond(status, openAIError("Unsupported value: 'temperature'.", "bad_value"));
      expect(error).toBeInstanceOf(UpstreamRejectedError);
      expect(error).toMatchObject({ status, upstreamStatus: status, unavailable: false });
      expect(error.message).toContain("Unsupported value: 'temperature'.");
      expect(error.message).toContain(`${status} bad_value`);
    }
    expect(respond(404, "{}").type).toBe("not_found_error");
  });

  it("turns a refused key into a 502 naming the variable that holds it", () => {
    for (const status of [401, 403]) {
      const error = respond(status, openAIError("Incorrect API key provided", "invalid_api_key"));
      expect(error).toMatchObject({
        status: 502,
        upstreamStatus: status,
        code: "upstream_authentication_failed",
        unavailable: false,
        isRetryable: false,
      });
      expect(error.message).toContain("OPENAI_API_KEY");
      expect(error.message).toContain("Incorrect API key provided");
    }
  });

  it("treats 429 and 5xx as unavailable, with the Retry-After they sent", () => {
    const limited = respond(429, openAIError("Rate limit reached", "rate_limit_exceeded"), "2");
    expect(limited).toBeInstanceOf(CloudUnavailableError);
    expect(limited).toMatchObject({
      status: 503,
      upstreamStatus: 429,
      unavailable: true,
      isRetryable: true,
      retryAfterMs: 2_000,
      retryAfterSeconds: 2,
    });
    const overloaded = respond(
      529,
      '{"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}}',
    );
    expect(overloaded).toMatchObject({ upstreamStatus: 529, unavailable: true, isRetryable: true });
    expect(overloaded.message).toContain("Overloaded");
    expect("retryAfterSeconds" in overloaded).toBe(false);
    expect(respond(501, "not implemented")).toMatchObject({
      unavailable: true,
      isRetryable: false,
    });
    expect(respond(502, "<html>Bad gateway</html>").message).toContain("<html>Bad gateway</html>");
  });

  it("reads error events inside a stream by their type", () => {
    const overloaded = {
      type: "error",
      error: { type: "overloaded_error", message: "Overloaded" },
    };
    expect(upstreamErrorFromStreamEvent(overloaded, "", context)).toBeInstanceOf(
      CloudUnavailableError,
    );
    const invalid = { error: { type: "invalid_request_error", message: "prompt is too long" } };
    expect(upstreamErrorFromStreamEvent(invalid, "", context)).toMatchObject({
      status: 400,
      unavailable: false,
    });
  });
});
