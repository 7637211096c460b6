import { access } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The pre-router shipped with Colibrí (trained on 80 % of routellm-mmlu, see
 * docs/decisions/0004-pre-router.md). The same relative path works from src/router/pre-router/
 * (tests) and from dist/router/pre-router/ (the build): both sit three levels below the root.
 */
export const bundledPreRouterPath = fileURLToPath(
  new URL("../../../assets/router/pre-router.json", import.meta.url),
);

/** Where `colibri router train` installs a pre-router by default. */
export function installedPreRouterPath(home: string): string {
  return join(home, "router", "pre-router.json");
}

/**
 * The artifact to load: the configured one (router.preRouter.artifact), else the installed one
 * ($home/router/pre-router.json) if it exists, else the bundled one.
 */
export async function resolvePreRouterPath(home: string, configured?: string): Promise<string> {
  if (configured !== undefined) return configured;
  const installed = installedPreRouterPath(home);
  try {
    await access(installed);
    return installed;
  } catch {
    return bundledPreRouterPath;
  }
}
