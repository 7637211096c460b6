import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load.js";
import type { RoutingRule } from "../config/schema.js";
import { decideRoute, type RoutingPolicy } from "./decide-route.js";
import { extractFeatures, type FeatureInput } from "./request-features.js";

const cloud = { provider: "openai", model: "gpt-4o-mini" };

function policy(overrides: Partial<RoutingPolicy> = {}): RoutingPolicy {
  return {
    rules: [],
    defaultCloud: cloud,
    cloudTarget: (provider, model) => ({
      provider: provider ?? "openai",
      model: model ?? "gpt-4o-mini",
    }),
    isDown: () => false,
    whenCloudUnavailable: "local",
    localWhenBudgetSpent: true,
    preRouter: {
      score: (prompt) => (prompt.includes("integral") ? 0.9 : 0.2),
      cloudThreshold: 0.7,
    },
    cascade: true,
    ...overrides,
  };
}

function features(overrides: Partial<FeatureInput> = {}) {
  return extractFeatures({
    model: "auto",
    requested: { kind: "auto" },
    messages: [{ role: "user", content: "¿Cuál es la capital de Argentina?" }],
    tenant: "clinica",
    metadata: {},
    budgetSpent: false,
    cloudUp: true,
    ...overrides,
  });
}

/** Rules as the config schema parses them (single values become lists). */
function rules(...input: unknown[]): RoutingRule[] {
  return parseConfig({ home: "/tmp/x", router: { rules: input } }).router.rules;
}

describe("decideRoute", () => {
  it("auto: an easy prompt goes to the cascade, a hard one straight to the cloud, both scored", () => {
    expect(decideRoute(features(), policy())).toEqual({
      route: "cascade",
      target: cloud,
      reason: "cascade",
      score: 0.2,
    });
    const hard = features({ messages: [{ role: "user", content: "Resolve a integral de x²" }] });
    expect(decideRoute(hard, policy())).toEqual({
      route: "cloud",
      target: cloud,
      reason: "pre-router",
      score: 0.9,
    });
  });

  it("without a cascade, prompts below the threshold stay local", () => {
    expect(decideRoute(features(), policy({ cascade: false }))).toMatchObject({
      route: "local",
      reason: "pre-router",
      degraded: false,
    });
    expect(decideRoute(features(), policy({ cascade: false, preRouter: undefined }))).toMatchObject(
      { route: "local", reason: "default-local" },
    );
  });

  it("explicit names force the route: local, or a cloud model", () => {
    expect(
      decideRoute(features({ model: "local", requested: { kind: "local" } }), policy()),
    ).toMatchObject({ route: "local", reason: "requested-local" });
    const requested = { kind: "cloud", provider: "anthropic", model: "claude-3-5-haiku" } as const;
    expect(decideRoute(features({ model: "claude-3-5-haiku", requested }), policy())).toEqual({
      route: "cloud",
      target: { provider: "anthropic", model: "claude-3-5-haiku" },
      reason: "requested-cloud",
    });
  });

  it("with no provider configured everything is local", () => {
    expect(decideRoute(features(), policy({ defaultCloud: undefined }))).toMatchObject({
      route: "local",
      reason: "no-cloud",
    });
  });

  it("a spent budget keeps routed requests local, but a forced cloud model still meets the budget", () => {
    expect(decideRoute(features({ budgetSpent: true }), policy())).toMatchObject({
      route: "local",
      reason: "budget-spent",
    });
    const requested = { kind: "cloud", ...cloud } as const;
    expect(
      decideRoute(features({ model: cloud.model, requested, budgetSpent: true }), policy()),
    ).toMatchObject({ route: "cloud", reason: "requested-cloud" });
    expect(
      decideRoute(features({ budgetSpent: true }), policy({ localWhenBudgetSpent: false })),
    ).toMatchObject({ route: "cascade" });
  });

  it("a cloud that is down degrades a cloud route to local when the policy says local", () => {
    const hard = features({ messages: [{ role: "user", content: "integral" }], cloudUp: false });
    expect(decideRoute(hard, policy({ isDown: () => true }))).toMatchObject({
      route: "local",
      reason: "cloud-unavailable",
      degraded: true,
    });
    expect(
      decideRoute(hard, policy({ isDown: () => true, whenCloudUnavailable: "fail" })),
    ).toMatchObject({ route: "cloud", reason: "pre-router" });
  });

  describe("rules", () => {
    it("first match wins and names the rule; unmatched requests fall through to the router", () => {
      const policyRules = rules(
        { name: "pt-to-cloud", when: { language: "pt" }, route: "cloud" },
        { name: "pt-also", when: { language: "pt" }, route: "local" },
        { name: "vip", when: { tenant: ["ministerio"] }, route: "cloud", model: "gpt-4o" },
      );
      const portuguese = features({
        messages: [{ role: "user", content: "Qual é a capital do Brasil?" }],
      });
      expect(decideRoute(portuguese, policy({ rules: policyRules }))).toEqual({
        route: "cloud",
        target: cloud,
        reason: "rule:pt-to-cloud",
      });
      expect(
        decideRoute(features({ tenant: "ministerio" }), policy({ rules: policyRules })),
      ).toEqual({
        route: "cloud",
        target: { provider: "openai", model: "gpt-4o" },
        reason: "rule:vip",
      });
      expect(decideRoute(features(), policy({ rules: policyRules }))).toMatchObject({
        route: "cascade",
        reason: "cascade",
      });
    });

    it("match on task, prompt length, metadata, budget, connectivity and tools", () => {
      const policyRules = rules(
        { name: "code", when: { task: "code" }, route: "cloud" },
        { name: "long", when: { minPromptTokens: 1000 }, route: "cascade" },
        { name: "urgent", when: { metadata: { priority: "high" } }, route: "cloud" },
        { name: "offline", when: { cloud: "down" }, route: "local" },
        { name: "broke", when: { budget: "spent", model: "auto" }, route: "local" },
        { name: "agents", when: { tools: true }, route: "cloud" },
      );
      const decide = (input: Partial<FeatureInput>) =>
        decideRoute(features(input), policy({ rules: policyRules })).reason;
      expect(
        decide({ messages: [{ role: "user", content: "Escribe una función en python" }] }),
      ).toBe("rule:code");
      expect(decide({ messages: [{ role: "user", content: "x".repeat(4000) }] })).toBe("rule:long");
      expect(decide({ metadata: { priority: "high" } })).toBe("rule:urgent");
      expect(decide({ metadata: { priority: "low" } })).toBe("cascade");
      expect(decide({ cloudUp: false })).toBe("rule:offline");
      expect(decide({ budgetSpent: true })).toBe("rule:broke");
      expect(decide({ tools: true })).toBe("rule:agents");
      expect(decide({ tools: false })).toBe("cascade");
    });

    it("policy beats the client: a local-only rule holds even for an explicit cloud model", () => {
      const policyRules = rules({
        name: "residency",
        when: { tenant: "ministerio" },
        route: "local",
      });
      const requested = { kind: "cloud", ...cloud } as const;
      expect(
        decideRoute(
          features({ tenant: "ministerio", model: cloud.model, requested }),
          policy({ rules: policyRules }),
        ),
      ).toMatchObject({ route: "local", reason: "rule:residency" });
    });

    it("a rule's cloud route keeps the client's cloud model, and auto hands over to the learned router", () => {
      const policyRules = rules(
        { name: "cloud-ok", when: { model: "claude-3-5-haiku" }, route: "cascade" },
        { name: "learned", when: { language: "es" }, route: "auto" },
      );
      const requested = {
        kind: "cloud",
        provider: "anthropic",
        model: "claude-3-5-haiku",
      } as const;
      expect(
        decideRoute(
          features({ model: "claude-3-5-haiku", requested }),
          policy({ rules: policyRules }),
        ),
      ).toEqual({
        route: "cascade",
        target: { provider: "anthropic", model: "claude-3-5-haiku" },
        reason: "rule:cloud-ok",
      });
      expect(decideRoute(features(), policy({ rules: policyRules }))).toMatchObject({
        route: "cascade",
        reason: "cascade",
      });
    });
  });
});
