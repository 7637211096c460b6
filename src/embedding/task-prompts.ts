/** What a text is to a retrieval model: the question asked, or a passage that may answer it. */
export type EmbeddingKind = "query" | "document";

export interface TaskPrompts {
  query: string;
  document: string;
}

/**
 * The prompts a sentence-embedding model was trained to see before a query and before a document,
 * by its GGUF architecture. EmbeddingGemma's are from its model card and its sentence-transformers
 * configuration ("task: search result | query: ", "title: none | text: "); a model not listed
 * gets none (a chat model's own vectors were not trained with any).
 */
export function taskPrompts(architecture: string | undefined): TaskPrompts {
  switch (architecture) {
    case "gemma-embedding":
      return { query: "task: search result | query: ", document: "title: none | text: " };
    default:
      return { query: "", document: "" };
  }
}

/** `text` with the prompt its kind takes on that model. */
export function withTaskPrompt(
  text: string,
  kind: EmbeddingKind,
  architecture: string | undefined,
): string {
  return `${taskPrompts(architecture)[kind]}${text}`;
}
