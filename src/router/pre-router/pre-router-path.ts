import { existsSync } from "node:fs";
import { access } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The pre-router shipped with Colibrí (trained on routellm-mmlu and MBPP, see
 * docs/decisions/0019-pre-router-across-task-families.md), in assets/ at the package root: three
 * levels above src/router/pre-router/ (tests) and dist/router/pre-router/ (the build), four above
 * dist-tools/src/router/pre-router/ (the offline tools' build, which compiles src/ again).
 */
export const bundledPreRouterPath = bundledAsset([3, 4], "assets/router/pre-router.json");

function bundledAsset(levels: readonly number[], path: string): string {
  const candidates = levels.map((level) =>
    fileURLToPath(new URL(`${"../".repeat(level)}${path}`, import.meta.url)),
  );
  return candidates.find((candidate) => existsSync(candidate)) ?? (candidates[0] as string);
}

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
