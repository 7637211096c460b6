import type { ChatBackend } from "../core/chat.js";
import type { ColibriConfig } from "../config/schema.js";
import { HybridRouter, type PromptScorer, type ProviderDirectory } from "./hybrid-router.js";
import { loadPreRouter, resolvePreRouterPath } from "./pre-router/index.js";

/**
 * The router as the config describes it, over the local engine and the configured providers.
 * The pre-router is loaded only when there is a cloud to send prompts to.
 */
export async function routerFromConfig(
  config: ColibriConfig,
  local: ChatBackend,
  providers: ProviderDirectory,
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
  });
}
