import { loadConfig } from "../../src/config/load.js";
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
