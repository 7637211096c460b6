import { describe, expect, it } from "vitest";
import { openAiErrorProblem, shapeProblem } from "./fuzz-findings.js";
import { parseResponse } from "./raw-http.js";

const response = (head: string, body: string) =>
  parseResponse(Buffer.from(`${head}\r\n\r\n${body}`), false)!;

describe("the fuzzer's OpenAI error shape check", () => {
  it("accepts the error mapper's body, with or without param", () => {
    expect(
      openAiErrorProblem({ error: { message: "m", type: "t", code: "c", param: null } }),
    ).toBeUndefined();
    expect(openAiErrorProblem({ error: { message: "m", type: "t", code: null } })).toBeUndefined();
  });

  it("names what is wrong with Fastify's own shape and with empty bodies", () => {
    expect(openAiErrorProblem({ error: "Bad Request", code: "FST_ERR_BAD_URL" })).toBe(
      'top-level keys ["error","code"]',
    );
    const empty = response("HTTP/1.1 417 Expectation Failed\r\ncontent-length: 0", "");
    expect(shapeProblem(empty, "GET")).toBe('content-type ""');
  });

  it("accepts Anthropic's error shape from the Messages routes only, and holds both shapes to their fields", () => {
    const anthropic = response(
      "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json",
      '{"type":"error","error":{"type":"invalid_request_error","message":"model: required"}}',
    );
    expect(shapeProblem(anthropic, "POST", "POST /v1/messages")).toBeUndefined();
    expect(shapeProblem(anthropic, "POST", "POST /v1/messages/count_tokens")).toBeUndefined();
    expect(shapeProblem(anthropic, "POST", "POST /v1/chat/completions")).toBe(
      'top-level keys ["type","error"]',
    );
    // Refused before the route (a bad request line, a timeout): OpenAI's shape, accepted there too.
    const openAi = response(
      "HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json",
      '{"error":{"message":"m","type":"t","code":null}}',
    );
    expect(shapeProblem(openAi, "POST", "POST /v1/messages")).toBeUndefined();
    const neither = response(
      "HTTP/1.1 400 Bad Request\r\ncontent-type: application/json",
      '{"type":"error","error":{"type":"invalid_request_error"}}',
    );
    expect(shapeProblem(neither, "POST", "POST /v1/messages")).toBe("error.message missing");
  });

  it("checks the error frames of an event stream, not its answers", () => {
    const stream = (frame: string) =>
      response(
        "HTTP/1.1 200 OK\r\ncontent-type: text/event-stream",
        `data: {"choices":[]}\n\ndata: ${frame}\n\ndata: [DONE]\n\n`,
      );
    expect(
      shapeProblem(stream('{"error":{"message":"m","type":"t","code":"c"}}'), "POST"),
    ).toBeUndefined();
    expect(shapeProblem(stream('{"error":"upstream failed"}'), "POST")).toBe(
      "stream error frame: error is not an object",
    );
  });

  it("reads chunked bodies and skips a 100 Continue", () => {
    const parsed = parseResponse(
      Buffer.from(
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n",
      ),
      false,
    );
    expect(parsed).toMatchObject({ status: 404, incomplete: false });
    expect(parsed?.body.toString()).toBe("abcde");
  });
});
