import type { z } from "zod";
import type { ChatEvent, ChatRequest } from "../../src/core/chat.js";
import { providerSchema, type ProviderConfig } from "../../src/config/schema.js";

type ProviderInput = z.input<typeof providerSchema>;

/**
 * A provider config for the fast suite: short timeouts and retry waits so that fault tests end in
 * well under a second each; `overrides` replace whole sections.
 */
export function testProviderConfig(
  overrides: Partial<ProviderInput> & Pick<ProviderInput, "baseUrl">,
): ProviderConfig {
  return providerSchema.parse({
    name: "fake",
    models: ["gpt-4o-mini"],
    timeouts: { connectMs: 300, firstByteMs: 300, idleMs: 300, totalMs: 4_000 },
    retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 1_500 },
    breaker: { failureThreshold: 3, openMs: 1_000 },
    ...overrides,
  });
}

export function chatRequest(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    messages: [
      { role: "system", content: "Responde en español." },
      { role: "user", content: "¿Cuál es la capital de Perú?" },
    ],
    sampling: {},
    ...overrides,
  };
}

/** Every event of a chat stream. */
export async function collect(events: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const all: ChatEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

/** The text of the delta events. */
export function textOf(events: readonly ChatEvent[]): string {
  return events.map((event) => (event.type === "delta" ? event.text : "")).join("");
}

/** Run a chat to its end; the deltas received and the error it ended with, if any. */
export async function runChat(events: AsyncIterable<ChatEvent>) {
  const deltas: string[] = [];
  const started = performance.now();
  try {
    for await (const event of events) if (event.type === "delta") deltas.push(event.text);
    return { deltas, error: undefined, elapsedMs: performance.now() - started };
  } catch (error) {
    return { deltas, error, elapsedMs: performance.now() - started };
  }
}
