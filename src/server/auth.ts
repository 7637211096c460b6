import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyRequest } from "fastify";
import { AuthenticationError } from "../core/errors.js";

/** Bearer-key check for the /v1 routes (compared in constant time). */
export function createApiKeyCheck(apiKey: string): (request: FastifyRequest) => void {
  const expected = digest(apiKey);
  return (request) => {
    const header = request.headers.authorization;
    if (header === undefined) {
      throw new AuthenticationError(
        "Missing API key. Send it as `Authorization: Bearer <key>` (the OpenAI clients' apiKey option).",
      );
    }
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), expected)) {
      throw new AuthenticationError("Incorrect API key provided.");
    }
  };
}

function digest(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}
