import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load.js";
import { ScriptedBackend } from "../../test/support/scripted-backend.js";
import {
  HybridRouter,
  noProviders,
  type ProviderDirectory,
  type RoutableProvider,
} from "./hybrid-router.js";

const provider: RoutableProvider = {
  name: "openai",
  models: ["gpt-4o-mini", "gpt-4o"],
  defaultModel: "gpt-4o-mini",
  region: undefined,
  chat: () => ({
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new Error("unused")) }),
  }),
  isAvailable: () => true,
  health: () => ({ name: "openai", available: true, consecutiveFailures: 0 }),
};
const oneProvider: ProviderDirectory = {
  list: () => [provider],
  get: (name) => (name === "openai" ? provider : undefined),
  find: (model) => (provider.models.includes(model) ? { provider, model } : undefined),
};

function router(routerConfig: unknown, providers = oneProvider) {
  return new HybridRouter({
    local: new ScriptedBackend("small"),
    providers,
    router: parseConfig({ home: "/tmp/x", router: routerConfig }).router,
    localWhenBudgetSpent: true,
    preRouter: undefined,
  });
}

describe("HybridRouter", () => {
  it("resolves auto, local, the local model's name and cloud models; anything else is a 404 listing them", () => {
    const hybrid = router({});
    expect(hybrid.resolve("auto")).toEqual({ kind: "auto" });
    expect(hybrid.resolve("local")).toEqual({ kind: "local" });
    expect(hybrid.resolve("small")).toEqual({ kind: "local" });
    expect(hybrid.resolve("gpt-4o")).toEqual({
      kind: "cloud",
      provider: "openai",
      model: "gpt-4o",
    });
    expect(() => hybrid.resolve("gpt-9")).toThrow(
      /'gpt-9' does not exist.*'small', 'gpt-4o-mini', 'gpt-4o'/,
    );
    expect(hybrid.models().map((model) => model.id)).toEqual([
      "small",
      "local",
      "auto",
      "gpt-4o-mini",
      "gpt-4o",
    ]);
  });

  it("needs the budget state only when a provider is configured or a rule tests the budget", () => {
    expect(router({}).needsBudgetState).toBe(true);
    expect(router({}, noProviders).needsBudgetState).toBe(false);
    const budgetRule = { name: "broke", when: { budget: "spent" }, route: "local" };
    expect(router({ rules: [budgetRule] }, noProviders).needsBudgetState).toBe(true);
  });

  it("rejects rules that name a provider or model that is not configured, at start-up", () => {
    expect(() => router({ rules: [{ name: "x", route: "cloud", provider: "anthropic" }] })).toThrow(
      /router\.rules\[0\] names provider "anthropic", which is not configured\. Configured providers: openai\./,
    );
    expect(() => router({ rules: [{ name: "x", route: "cloud", model: "gpt-5" }] })).toThrow(
      /names model "gpt-5", which provider "openai" does not serve/,
    );
    expect(() => router({ rules: [{ name: "x", route: "cascade" }] }, noProviders)).toThrow(
      /routes to cascade, but no cloud provider is configured/,
    );
    expect(() => router({ cloudProvider: "groq" })).toThrow(
      /router\.cloudProvider names provider "groq"/,
    );
  });
});
