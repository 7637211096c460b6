import { loadConfig } from "../../src/config/load.js";
import { modelStoreFromConfig } from "../../src/models/model-store-from-config.js";

/** The real default model, pulled into $COLIBRI_HOME on first use (as `colibri serve` does). */
export async function defaultModel(): Promise<{ name: string; path: string }> {
  const config = await loadConfig();
  return modelStoreFromConfig(config).ensure(config.model.default);
}
