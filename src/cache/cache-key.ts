import { createHash } from "node:crypto";
import type { ChatRequest } from "../core/chat.js";

/** Bump when the key's parts change, so old entries are simply never found again. */
const keyVersion = 1;

/**
 * The exact-match cache key: sha256 over the tenant, the model name the client asked for and the
 * request as it affects the answer — messages with runs of white space collapsed, sampling,
 * response format. The tenant is part of the key, so two tenants never share an entry.
 */
export function cacheKey(tenantId: string, model: string, request: ChatRequest): string {
  const messages = request.messages.map((message) => [
    message.role,
    message.content.trim().replace(/\s+/g, " "),
  ]);
  const { temperature, topP, maxTokens, stop, seed } = request.sampling;
  const parts = [
    keyVersion,
    tenantId,
    model,
    messages,
    [temperature ?? null, topP ?? null, maxTokens ?? null, stop ?? null, seed ?? null],
    request.responseFormat ?? null,
  ];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
