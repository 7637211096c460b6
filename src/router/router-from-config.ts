import type { ChatBackend } from "../core/chat.js";
import type { ColibriConfig } from "../config/schema.js";
import type { EgressAuditor } from "../privacy/egress-auditor.js";
import { PrivacyGuard } from "../privacy/privacy-guard.js";
import type { ProviderRegistry } from "../upstream/provider-registry.js";
import { HybridRouter, type PromptScorer } from "./hybrid-router.js";
import { loadPreRouter, resolvePreRouterPath } from "./pre-router/index.js";

/** Where the privacy guard writes the egress audit. */
export interface EgressAudit {
  auditor: EgressAuditor;
  /** Audit failures for requests that did not leave: logged, the request goes on. */
  onAuditFailure(error: unknown): void;
}

/**
 * The router as the config describes it, over the local engine and the configured providers,
 * with the privacy guard in the path to every provider. The pre-router is loaded only when there
 * is a cloud to send prompts to.
 */
export async function routerFromConfig(
  config: ColibriConfig,
  local: ChatBackend,
  providers: ProviderRegistry,
  audit?: EgressAudit,
): Promise<HybridRouter> {
  const { preRouter } = config.router;
  let scorer: PromptScorer | undefined;
  if (preRouter.enabled && providers.list().length > 0) {
    scorer = await loadPreRouter(await resolvePreRouterPath(config.home, preRouter.artifact));
  }
  return new HybridRouter({
    local,
    providers,
    router: config.router,
    localWhenBudgetSpent: config.limits.localWhenBudgetSpent,
    preRouter: scorer,
    egress: {
      guard: new PrivacyGuard(config.privacy),
      auditor: audit?.auditor,
      onAuditFailure: (error) => audit?.onAuditFailure(error),
    },
  });
}
