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

/**
 * The semantic cache's scope: everything the exact key covers except the last user message, whose
 * meaning is compared instead. Undefined when the last message is not the user's.
 */
export function semanticScope(
  tenantId: string,
  model: string,
  request: ChatRequest,
): { scope: string; query: string } | undefined {
  const last = request.messages.at(-1);
  if (last?.role !== "user") return undefined;
  const earlier = { ...request, messages: request.messages.slice(0, -1) };
  return { scope: cacheKey(tenantId, `semantic:${model}`, earlier), query: last.content.trim() };
}
