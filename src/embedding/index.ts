export {
  taskPrompts,
  withTaskPrompt,
  type EmbeddingKind,
  type TaskPrompts,
} from "./task-prompts.js";
export {
  createTextEmbedder,
  unitVector,
  type EmbeddingSource,
  type EmbedTextsOptions,
  type TextEmbedder,
} from "./text-embedder.js";
