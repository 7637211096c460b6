import type { ColibriConfig } from "../config/schema.js";
import type { HuggingfaceOptions } from "./huggingface.js";
import { ModelStore } from "./model-store.js";

/** The model store for a loaded config: `<home>/models`, default model from `model.default`. */
export function modelStoreFromConfig(
  config: ColibriConfig,
  huggingface: HuggingfaceOptions = {},
): ModelStore {
  return new ModelStore({ home: config.home, defaultModel: config.model.default, huggingface });
}
