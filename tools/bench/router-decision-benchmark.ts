import { parseConfig } from "../../src/config/load.js";
import { decideRoute, type RoutingPolicy } from "../../src/router/decide-route.js";
import type { PromptScorer } from "../../src/router/hybrid-router.js";
import { extractFeatures } from "../../src/router/request-features.js";
import { summarize, type LatencySummary } from "./gateway-benchmark.js";

/** Rules of the kind a deployment writes: residency, language, task, length, tags, budget. */
const benchmarkRules = parseConfig({
  home: "/tmp/unused",
  router: {
    rules: [
      { name: "residency", when: { tenant: ["ministerio", "hospital"] }, route: "local" },
      { name: "private", when: { metadata: { data: "private" } }, route: "local" },
      { name: "code", when: { task: "code", model: "auto" }, route: "cloud" },
      { name: "long", when: { minPromptTokens: 3000 }, route: "cloud" },
      { name: "pt-cascade", when: { language: "pt" }, route: "cascade" },
      { name: "broke", when: { budget: "spent" }, route: "local" },
    ],
  },
}).router.rules;

export interface RouterDecisionResult {
  requests: number;
  /** Microseconds per decision: features (language, task, length) + rules + pre-router + plan. */
  latency: LatencySummary;
  /** How many requests each reason decided, to show the benchmark exercised every path. */
  reasons: Record<string, number>;
}

/**
 * Time the whole routing decision of `requests` chat requests, one at a time, over the given
 * prompts (cycled), with typical rules and the pre-router. Pure computation: no model, no I/O.
 */
export function benchmarkRouterDecision(
  prompts: readonly string[],
  scorer: PromptScorer | undefined,
  requests = 10_000,
  warmup = 1_000,
): RouterDecisionResult {
  const policy: RoutingPolicy = {
    rules: benchmarkRules,
    defaultCloud: { provider: "openai", model: "gpt-4o-mini" },
    cloudTarget: (provider, model) => ({
      provider: provider ?? "openai",
      model: model ?? "gpt-4o-mini",
    }),
    isDown: () => false,
    whenCloudUnavailable: "local",
    localWhenBudgetSpent: true,
    preRouter:
      scorer === undefined
        ? undefined
        : {
            score: (prompt) => scorer.score(prompt),
            cloudThreshold: scorer.thresholdForShare(0.1),
          },
    cascade: true,
  };
  const tenants = ["clinica", "escola", "ministerio", "loja"];
  const durations: number[] = [];
  const reasons: Record<string, number> = {};
  for (let index = 0; index < warmup + requests; index++) {
    const prompt = prompts[index % prompts.length] ?? "";
    const started = process.hrtime.bigint();
    const plan = decideRoute(
      extractFeatures({
        model: "auto",
        requested: { kind: "auto" },
        messages: [
          { role: "system", content: "Eres un asistente útil." },
          { role: "user", content: prompt },
        ],
        // Each prompt meets every tenant in turn, whatever the number of prompts.
        tenant: tenants[(index + Math.floor(index / prompts.length)) % tenants.length] ?? "default",
        metadata: index % 10 === 0 ? { data: "private" } : {},
        budgetSpent: index % 50 === 7,
        cloudUp: true,
      }),
      policy,
    );
    const elapsed = Number(process.hrtime.bigint() - started);
    if (index < warmup) continue;
    durations.push(elapsed);
    reasons[plan.reason] = (reasons[plan.reason] ?? 0) + 1;
  }
  return { requests, latency: summarize(durations), reasons };
}
