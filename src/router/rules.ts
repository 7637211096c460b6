import type { RoutingRule, RuleConditions } from "../config/schema.js";
import { piiTypeInfo } from "../core/pii-types.js";
import type { RequestFeatures } from "./request-features.js";

/** Whether every condition the rule gives holds for the request. */
export function matchesConditions(when: RuleConditions, features: RequestFeatures): boolean {
  if (when.model && !when.model.includes(features.model)) return false;
  if (when.language && !when.language.includes(features.language)) return false;
  if (when.task && !when.task.includes(features.task)) return false;
  if (when.tenant && !when.tenant.includes(features.tenant)) return false;
  if (when.minPromptTokens !== undefined && features.promptTokens < when.minPromptTokens) {
    return false;
  }
  if (when.maxPromptTokens !== undefined && features.promptTokens > when.maxPromptTokens) {
    return false;
  }
  if (when.budget !== undefined && features.budget !== when.budget) return false;
  if (when.cloud !== undefined && features.cloud !== when.cloud) return false;
  if (when.tools !== undefined && features.tools !== when.tools) return false;
  if (when.pii !== undefined && !matchesPersonalData(when.pii, features)) return false;
  if (when.metadata) {
    for (const [key, value] of Object.entries(when.metadata)) {
      if (features.metadata[key] !== value) return false;
    }
  }
  return true;
}

/** The first rule whose conditions all hold (rules are policy: first match wins). */
export function firstMatchingRule(
  rules: readonly RoutingRule[],
  features: RequestFeatures,
): RoutingRule | undefined {
  return rules.find((rule) => matchesConditions(rule.when, features));
}

/** `pii: true` any personal data, `false` none, a list: one of these types or classes. */
function matchesPersonalData(pii: NonNullable<RuleConditions["pii"]>, features: RequestFeatures) {
  if (typeof pii === "boolean") return pii === features.personalData.length > 0;
  return features.personalData.some(
    (type) => pii.includes(type) || pii.includes(piiTypeInfo[type].dataClass),
  );
}
