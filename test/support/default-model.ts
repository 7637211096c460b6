import { loadConfig } from "../../src/config/load.js";
import { readMachine } from "../../src/config/machine.js";
import { LocalEngine } from "../../src/engine/local-engine.js";
import type { LocalEngineOptions } from "../../src/engine/local-engine-options.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";

/** The model the plumbing tests run on, by name: tiny and fast, whatever the default is. */
export const plumbingModelName = "smollm2-135m-instruct";

/** The real default model, pulled into $COLIBRI_HOME on first use (as `colibri serve` does). */
export async function defaultModel(): Promise<{ name: string; path: string }> {
  const config = await loadConfig();
  return modelStoreFromConfig(config).ensure(config.model.default);
}

/** SmolLM2-135M, pulled on first use: for tests of plumbing, not of answers. */
export async function plumbingModel(): Promise<{ name: string; path: string }> {
  const config = await loadConfig();
  return modelStoreFromConfig(config).ensure(plumbingModelName);
}

/**
 * A model loaded as the model suite runs it on 2 cores: one thread, one sequence, 2,048 tokens,
 * no engine log; `options` overrides any of it.
 */
export function loadTestEngine(
  model: { name: string; path: string },
  options: Partial<LocalEngineOptions> = {},
): Promise<LocalEngine> {
  return LocalEngine.load({
    modelPath: model.path,
    modelName: model.name,
    machine: readMachine(),
    threads: 1,
    sequences: 1,
    contextSize: 2048,
    logger: () => undefined,
    ...options,
  });
}
