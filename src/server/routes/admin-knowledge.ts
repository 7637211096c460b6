import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ColibriError } from "../../core/errors.js";
import type { KnowledgeBase, KnowledgeHit, Store } from "../../core/records/index.js";
import type { TextEmbedder } from "../../embedding/text-embedder.js";
import {
  embeddingMismatchMessage,
  embeddingMismatches,
} from "../../knowledge/embedding-model-check.js";
import { searchKnowledge } from "../../knowledge/knowledge-base.js";
import { validateBody } from "../../openai/validate-body.js";
import { tenantIdByName } from "../../tenancy/tenant-not-found.js";

/** At most this many bases per tenant in the overview (newest first). */
const basesPerTenant = 100;

const searchBody = z
  .object({
    tenant: z.string().min(1),
    knowledge_base: z.string().min(1),
    question: z.string().min(1).max(4000),
    limit: z.number().int().min(1).max(20).default(5),
  })
  .strict();

/**
 * The dashboard's knowledge-base view, admin key only: GET /admin/knowledge lists each tenant's
 * knowledge bases with their documents (ingestion status, error, passages) and how many passages
 * have sentence vectors; POST /admin/knowledge/search runs a test question against one base, as
 * file_search and copilots would (hybrid with the embedding model, else BM25), and answers the
 * passages with their scores. Each tenant's rows are read through its own forTenant view.
 */
export function registerAdminKnowledge(
  app: FastifyInstance,
  options: { store: Store; embedder: TextEmbedder | undefined },
): void {
  const { store, embedder } = options;
  const retrieval = {
    retrieval: embedder === undefined ? "bm25" : "hybrid",
    embedding_model: embedder?.model ?? null,
  };
  /** Which model made a base's vectors, and why it is searched by text only if it is. */
  const vectorsOf = (base: KnowledgeBase) => {
    const [mismatch] = embeddingMismatches([base], embedder);
    return {
      vectors_model: base.embeddingModel?.name ?? null,
      embedding_warning: mismatch === undefined ? null : embeddingMismatchMessage(mismatch),
    };
  };

  app.get("/admin/knowledge", { config: { access: "admin" } }, async () => {
    const tenants = [];
    for (const tenant of await store.tenants.list()) {
      const knowledge = store.knowledge.forTenant(tenant.id);
      const bases = await knowledge.listBases({ limit: basesPerTenant, order: "desc" });
      if (bases.length === 0) continue;
      tenants.push({
        tenant: tenant.name,
        knowledge_bases: await Promise.all(
          bases.map(async (base) => ({
            id: base.id,
            name: base.name,
            language: base.language,
            created_at: base.createdAt,
            ...(await knowledge.embeddedChunks(base.id)),
            ...vectorsOf(base),
            documents: (await knowledge.listDocuments(base.id)).map((document) => ({
              id: document.id,
              name: document.name,
              status: document.status,
              error: document.error,
              bytes: document.bytes,
              chunks: document.chunkCount,
              updated_at: document.updatedAt,
            })),
          })),
        ),
      });
    }
    return { object: "knowledge.overview", ...retrieval, tenants };
  });

  app.post("/admin/knowledge/search", { config: { access: "admin" } }, async (request) => {
    const body = validateBody(searchBody, request.body);
    const tenantId = await tenantIdByName(store.tenants, body.tenant);
    const knowledge = store.knowledge.forTenant(tenantId ?? "");
    const base =
      (await knowledge.getBase(body.knowledge_base)) ??
      (await knowledge.findBase(body.knowledge_base));
    if (base === undefined) {
      throw new ColibriError(
        `Tenant "${body.tenant}" has no knowledge base "${body.knowledge_base}" (by id or name); GET /admin/knowledge lists them.`,
        {
          code: "knowledge_base_not_found",
          status: 404,
          type: "not_found_error",
          param: "knowledge_base",
        },
      );
    }
    const hits = await searchKnowledge(knowledge, [base], body.question, body.limit, embedder);
    const { embedding_warning: warning } = vectorsOf(base);
    return {
      object: "knowledge.search",
      ...retrieval,
      // A base whose vectors another model made is searched by full text only.
      ...(warning === null ? {} : { retrieval: "bm25", embedding_warning: warning }),
      question: body.question,
      knowledge_base: base.id,
      passages: hits.map(passage),
    };
  });
}

function passage(hit: KnowledgeHit) {
  return {
    document_id: hit.documentId,
    document: hit.documentName,
    heading: hit.headingPath,
    page: hit.page,
    text: hit.text,
    score: hit.score,
    bm25: hit.signals === undefined ? hit.score : hit.signals.bm25,
    similarity: hit.signals?.similarity ?? null,
  };
}
