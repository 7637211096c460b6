import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../core/chat.js";
import { cacheKey } from "./cache-key.js";

const request: ChatRequest = {
  messages: [
    { role: "system", content: "Responde en español." },
    { role: "user", content: "¿Capital de Chile?" },
  ],
  sampling: { temperature: 0, maxTokens: 64 },
};

describe("cacheKey", () => {
  it("is the same for the same request, white space aside", () => {
    const spaced: ChatRequest = {
      ...request,
      messages: [
        { role: "system", content: " Responde  en\nespañol. " },
        { role: "user", content: "¿Capital de Chile?" },
      ],
    };
    expect(cacheKey("t1", "auto", spaced)).toBe(cacheKey("t1", "auto", request));
  });

  it("differs by tenant, model, role, content, sampling and response format", () => {
    const base = cacheKey("t1", "auto", request);
    const variants = [
      cacheKey("t2", "auto", request),
      cacheKey("t1", "local", request),
      cacheKey("t1", "auto", { ...request, messages: request.messages.slice(1) }),
      cacheKey("t1", "auto", {
        ...request,
        messages: [request.messages[0]!, { role: "assistant", content: "¿Capital de Chile?" }],
      }),
      cacheKey("t1", "auto", { ...request, sampling: { temperature: 0, maxTokens: 65 } }),
      cacheKey("t1", "auto", { ...request, sampling: { temperature: 0, maxTokens: 64, seed: 1 } }),
      cacheKey("t1", "auto", { ...request, responseFormat: { type: "json_object" } }),
    ];
    for (const variant of variants) expect(variant).not.toBe(base);
    expect(new Set(variants).size).toBe(variants.length);
  });
});
