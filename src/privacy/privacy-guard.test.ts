import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load.js";
import type { ChatRequest } from "../core/chat.js";
import { PrivacyGuard } from "./privacy-guard.js";

const settings = parseConfig({ home: "/tmp/colibri-unused" }).privacy;

function conversation(...turns: string[]): ChatRequest {
  return {
    messages: turns.map((content, index) => ({
      role: index % 2 === 0 ? ("user" as const) : ("assistant" as const),
      content,
    })),
    sampling: {},
  };
}

const clean = "¿Cuál es la capital de Bolivia?";
const answer = "La capital constitucional es Sucre; la sede de gobierno, La Paz.";
const withEmail = "Escríbeme a ana.souza@example.com con la respuesta.";

describe("PrivacyGuard's memory of clean texts", () => {
  it("does not scan a tenant's clean earlier turns again, and finds the same as a new scan", async () => {
    const guard = new PrivacyGuard(settings);
    const first = await guard.scan(conversation(clean), undefined, { tenant: "t1" });
    expect(first.findings).toEqual([]);
    expect(guard.rememberedClean).toBe(1);

    const next = conversation(clean, answer, withEmail);
    const scanned = await guard.scan(next, undefined, { tenant: "t1" });
    const fresh = await new PrivacyGuard(settings).scan(next);
    expect(scanned.findings).toEqual(fresh.findings);
    expect(scanned.types).toEqual(["EMAIL"]);
    expect(scanned.scanned).toEqual(fresh.scanned);
    // The answer joined the clean texts; the turn with an e-mail address is never remembered.
    expect(guard.rememberedClean).toBe(2);
    const again = await guard.scan(next, undefined, { tenant: "t1" });
    expect(again.findings).toEqual(fresh.findings);
    expect(guard.rememberedClean).toBe(2);
  });

  it("keeps each tenant's clean texts apart, and remembers nothing without a tenant", async () => {
    const guard = new PrivacyGuard(settings);
    await guard.scan(conversation(clean));
    expect(guard.rememberedClean).toBe(0);
    await guard.scan(conversation(clean), undefined, { tenant: "t1" });
    await guard.scan(conversation(clean), undefined, { tenant: "t2" });
    expect(guard.rememberedClean).toBe(2);
  });
});
