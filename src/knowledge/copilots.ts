import { ColibriError } from "../core/errors.js";
import type {
  KnowledgeBase,
  KnowledgeHit,
  KnowledgeRepository,
} from "../core/records/knowledge.js";
import type { CopilotConfig } from "../config/copilot-schema.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";
import type { ChatCompletionBody } from "../openai/openai-schemas.js";
import { embeddingMismatches, type EmbeddingModelMismatch } from "./embedding-model-check.js";
import { groundingMessage } from "./grounding.js";
import { searchKnowledge } from "./knowledge-base.js";

/** The model names clients call copilots by: `copilot:farmacia`. */
export const copilotPrefix = "copilot:";

/** A copilot's request, ready for the chat flow: its model, instructions and passages first. */
export interface CopilotRequest {
  body: ChatCompletionBody;
  /** The passages the model was given, best first, for citations. */
  hits: KnowledgeHit[];
  /** Its knowledge bases whose vectors another embedding model made: searched by full text. */
  mismatches: EmbeddingModelMismatch[];
}

/**
 * The configured copilots. A request for `copilot:<name>` becomes a request for the copilot's
 * model, with its instructions and the passages its knowledge bases hold for the last user
 * message (see grounding.ts) before the conversation. Knowledge bases are the caller tenant's:
 * the same copilot answers each tenant from its own documents.
 */
export class Copilots {
  readonly #byName: ReadonlyMap<string, CopilotConfig>;

  constructor(
    copilots: readonly CopilotConfig[],
    private readonly knowledge: KnowledgeRepository | undefined,
    /** The sentence-embedding model, for hybrid retrieval; without it, BM25 alone. */
    private readonly embedder?: TextEmbedder,
  ) {
    this.#byName = new Map(copilots.map((copilot) => [copilot.name, copilot]));
  }

  /** Every copilot, as a model: its id and what it is for. */
  models(): { id: string; description: string | undefined }[] {
    return [...this.#byName.values()].map((copilot) => ({
      id: `${copilotPrefix}${copilot.name}`,
      description: copilot.description,
    }));
  }

  /** The request a copilot makes of `body`; undefined when its model names no copilot. */
  async prepare(body: ChatCompletionBody, tenantId: string): Promise<CopilotRequest | undefined> {
    if (!body.model.startsWith(copilotPrefix)) return undefined;
    const name = body.model.slice(copilotPrefix.length);
    const copilot = this.#byName.get(name);
    if (copilot === undefined) {
      const known = [...this.#byName.keys()].map((known) => `${copilotPrefix}${known}`);
      throw new ColibriError(
        `No copilot "${name}". ${known.length === 0 ? "None is configured: add one under copilots in the config." : `Configured: ${known.join(", ")}.`}`,
        { code: "model_not_found", status: 404, type: "invalid_request_error", param: "model" },
      );
    }
    if (this.knowledge === undefined) {
      throw new ColibriError(
        `Copilot "${name}" answers from knowledge bases, which this server does not serve (the files feature is off).`,
        { code: "copilot_unavailable", status: 503, type: "server_error" },
      );
    }
    const stores = this.knowledge.forTenant(tenantId);
    const bases: KnowledgeBase[] = [];
    for (const baseName of copilot.knowledgeBases) {
      const base = await stores.findBase(baseName);
      if (base === undefined) {
        throw new ColibriError(
          `Copilot "${name}" answers from the knowledge base "${baseName}", which this tenant does not have. Create it and add documents: colibri kb create ${baseName} --tenant <tenant> && colibri kb add ${baseName} <files>.`,
          {
            code: "knowledge_base_not_found",
            status: 404,
            type: "not_found_error",
            param: "model",
          },
        );
      }
      bases.push(base);
    }
    const question = lastUserText(body);
    const mismatches = embeddingMismatches(bases, this.embedder);
    const hits = await searchKnowledge(stores, bases, question, copilot.passages, this.embedder);
    const first: ChatCompletionBody["messages"] = [
      ...(copilot.instructions === undefined
        ? []
        : [{ role: "system" as const, content: copilot.instructions }]),
      { role: "system", content: groundingMessage(hits) },
    ];
    return {
      body: { ...body, model: copilot.model, messages: [...first, ...body.messages] },
      hits,
      mismatches,
    };
  }
}

/** The text of the conversation's last user message. */
function lastUserText(body: ChatCompletionBody): string {
  const content = body.messages.findLast((message) => message.role === "user")?.content;
  if (content == null) return "";
  return typeof content === "string" ? content : content.map((part) => part.text).join("\n");
}
