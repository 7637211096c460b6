import type { ColibriConfig } from "../config/schema.js";
import type { HuggingfaceOptions } from "./huggingface.js";
import { ModelStore } from "./model-store.js";

/**
 * The model store for a loaded config: `<home>/models`, default model from `model.default`,
 * Hugging Face endpoint and token from the config (`HF_ENDPOINT`/`HF_TOKEN`) unless overridden.
 */
export function modelStoreFromConfig(
  config: ColibriConfig,
  huggingface: HuggingfaceOptions = {},
): ModelStore {
  const { huggingfaceEndpoint: endpoint, huggingfaceToken: token } = config.model;
  return new ModelStore({
    home: config.home,
    defaultModel: config.model.default,
    huggingface: {
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(token === undefined ? {} : { token }),
      ...huggingface,
    },
  });
}
