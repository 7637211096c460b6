// The engine's public surface. Everything that touches node-llama-cpp stays inside src/engine/.
export { LocalEngine } from "./local-engine.js";
export {
  defaultMaxQueue,
  defaultMaxTokens,
  type LocalEngineOptions,
} from "./local-engine-options.js";
export { defaultTemperature, defaultTopP, maximumTopLogprobs } from "./chat-request-options.js";
export {
  resolveEngineSettings,
  defaultContextCeiling,
  defaultSequenceCeiling,
  type EngineSettings,
  type EngineSettingsInput,
} from "./engine-settings.js";
export { assertMemoryFits } from "./memory-check.js";
export { readModelFootprint, type ModelFootprint } from "./model-footprint.js";
export { toGrammarSchema } from "./json-schema-grammar.js";
export { stderrEngineLogger, type EngineLogger, type EngineLogLevel } from "./llama-runtime.js";
