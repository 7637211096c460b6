import { STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";
import type { FastifyError } from "fastify";
import { ColibriError, toColibriError } from "../core/errors.js";
import { errorBody } from "../openai/error-body.js";

/** Fastify's default `maxParamLength`: the longest path parameter the router matches. */
export const maxPathParameterLength = 100;

/**
 * Fastify's own errors (a URL it cannot decode, a path parameter too long, bad JSON, a body too
 * large, a wrong content type) in our error family, with what was wrong and how to fix it.
 */
export function fromFastifyError(error: unknown): ColibriError {
  if (error instanceof ColibriError) return error;
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === "FST_ERR_BAD_URL") return badUrl(fastifyError.message ?? "");
  if (fastifyError.code === "FST_ERR_MAX_PARAM_LENGTH") {
    return parameterTooLong(fastifyError.message ?? "");
  }
  const status = fastifyError.statusCode;
  if (typeof status === "number" && status >= 400 && status < 500) {
    const hints: Record<number, string> = {
      413: " Send a smaller body or raise server.bodyLimitBytes in the config.",
      415: " Send Content-Type: application/json.",
    };
    return new ColibriError(`${fastifyError.message ?? "Bad request."}${hints[status] ?? ""}`, {
      code: (fastifyError.code ?? "invalid_request").toLowerCase(),
      status,
      cause: error,
    });
  }
  return toColibriError(error);
}

/** Fastify's messages quote the path: `'/v1/batches/%ff' is not a valid url component`. */
function quotedPath(message: string): string {
  return /^'(.*)'/s.exec(message)?.[1] ?? message;
}

function badUrl(message: string): ColibriError {
  const path = quotedPath(message).slice(0, 200);
  return new ColibriError(
    `The URL path "${path}" cannot be decoded: it has a "%" that is not followed by two hex digits of UTF-8. Percent-encode the path as UTF-8 (encodeURIComponent), e.g. "é" as %C3%A9 and "%" as %25.`,
    { code: "invalid_url", status: 400 },
  );
}

function parameterTooLong(message: string): ColibriError {
  const path = quotedPath(message);
  const longest = Math.max(...path.split("/").map((segment) => segment.length));
  return new ColibriError(
    `A path parameter of ${longest} characters is longer than the ${maxPathParameterLength} accepted (${path.slice(0, 60)}…). Ids of files, batches, tenants and keys are shorter: check the URL.`,
    { code: "path_parameter_too_long", status: 414 },
  );
}

/**
 * What Node's HTTP parser refuses before Fastify sees a request (malformed request line or
 * headers, headers too large, a request not sent in time), answered in OpenAI's shape on the raw
 * socket, then the socket is closed — in place of Fastify's `clientErrorHandler`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection is already gone: there is no one to answer.
  if (error.code === "ECONNRESET" || socket.destroyed) return;
  const colibriError = clientError(error.code);
  if (socket.writable) {
    const body = JSON.stringify(errorBody(colibriError));
    socket.write(
      `HTTP/1.1 ${colibriError.status} ${STATUS_CODES[colibriError.status] ?? ""}\r\n` +
        `content-type: application/json; charset=utf-8\r\nconnection: close\r\n` +
        `content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

function clientError(code: string | undefined): ColibriError {
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") {
    return new ColibriError(
      "The request was not sent in full within server.requestTimeoutMs. Send the headers and the body without pausing, or raise the timeout in the config.",
      { code: "request_timeout", status: 408 },
    );
  }
  if (code === "HPE_HEADER_OVERFLOW") {
    return new ColibriError(
      "The request's headers are larger than Node's limit (16 KB). Send fewer or shorter headers.",
      { code: "headers_too_large", status: 431 },
    );
  }
  return new ColibriError(
    `The request is not a valid HTTP request (${code ?? "unparseable"}). Send a request line, headers, a blank line and a body whose length matches Content-Length.`,
    { code: "malformed_request", status: 400 },
  );
}

/**
 * A request whose `Expect` header asks for anything but `100-continue`: Node would answer 417 with
 * an empty body (its `checkExpectation` default); answered in OpenAI's shape instead.
 */
export function answerExpectationFailed(request: IncomingMessage, response: ServerResponse): void {
  const expectation = String(request.headers.expect).slice(0, 100);
  const error = new ColibriError(
    `The Expect header "${expectation}" cannot be met: the only expectation this server meets is "100-continue". Leave the header out.`,
    { code: "expectation_failed", status: 417 },
  );
  const body = JSON.stringify(errorBody(error));
  response.writeHead(417, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(body),
    connection: "close",
  });
  response.end(body);
}
