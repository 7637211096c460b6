import { randomUUID } from "node:crypto";
import type { UsageRecord } from "../../src/core/records/usage.js";

/** A completed cloud request's usage record of the tenant, with fresh ids; override any field. */
export function usageRecord(tenantId: string, overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: randomUUID(),
    createdAt: Date.UTC(2026, 11, 7, 12, 0, 0),
    requestId: `req-${randomUUID()}`,
    tenantId,
    keyId: null,
    endpoint: "chat.completions",
    model: "gpt-4o-mini",
    target: "cloud",
    stream: false,
    promptTokens: 10,
    completionTokens: 5,
    costUsd: 0.001,
    referenceCostUsd: 0.001,
    latencyMs: 3,
    status: 200,
    outcome: "completed",
    route: null,
    reason: null,
    confidence: null,
    findings: null,
    language: null,
    responseId: null,
    ...overrides,
  };
}
