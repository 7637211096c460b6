import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ColibriError } from "../../core/errors.js";
import type {
  KnowledgeBase,
  KnowledgeDocument,
  KnowledgeHit,
  Store,
  TenantKnowledge,
} from "../../core/records/index.js";
import type { Principal } from "../../tenancy/gatekeeper.js";
import type { TextEmbedder } from "../../embedding/text-embedder.js";
import { chunkCharacters } from "../../knowledge/chunking.js";
import { embeddingMismatches } from "../../knowledge/embedding-model-check.js";
import { IngestionQueue } from "../../knowledge/ingestion-queue.js";
import {
  ingestDocument,
  newKnowledgeBaseId,
  searchKnowledge,
} from "../../knowledge/knowledge-base.js";
import { validateBody } from "../../openai/validate-body.js";
import { principalOf } from "../request-state.js";
import { warnOfMismatches } from "./answer-headers.js";

export interface VectorStoresRouteOptions {
  store: Store;
  /** Take one of the caller's requests-per-minute slots (throws RateLimitError). */
  admit: (principal: Principal) => Promise<unknown>;
  now: () => number;
  /** The sentence-embedding model: chunks get vectors and search is hybrid; without it, BM25. */
  embedder?: TextEmbedder | undefined;
}

const metadataSchema = z
  .record(z.string().max(64), z.string().max(512))
  .refine((metadata) => Object.keys(metadata).length <= 16, "at most 16 keys")
  .nullable();
const notSupported = (what: string) =>
  z
    .unknown()
    .refine((value) => value === undefined || value === null, what)
    .optional();
const chunkingSchema = z
  .object({ type: z.enum(["auto", "static"]) })
  .loose()
  .optional();
const createSchema = z.object({
  name: z.string().min(1).max(256).optional(),
  file_ids: z.array(z.string().min(1)).max(500).optional(),
  metadata: metadataSchema.optional(),
  chunking_strategy: chunkingSchema,
  expires_after: notSupported(
    "expires_after is not supported: a knowledge base is kept until it is deleted",
  ),
  description: z.string().optional(),
});
const updateSchema = z.object({
  name: z.string().min(1).max(256).nullable().optional(),
  metadata: metadataSchema.optional(),
  expires_after: notSupported(
    "expires_after is not supported: a knowledge base is kept until it is deleted",
  ),
});
const listQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  order: z.enum(["asc", "desc"]).default("desc"),
  after: z.string().optional(),
  before: notSupported("before is not supported; page with after"),
  filter: z.enum(["in_progress", "completed", "failed", "cancelled"]).optional(),
});
const attachSchema = z.object({
  file_id: z.string().min(1),
  chunking_strategy: chunkingSchema,
  attributes: notSupported("attributes are not supported yet"),
});
const searchSchema = z.object({
  query: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  max_num_results: z.number().int().min(1).max(50).default(10),
  filters: notSupported("filters are not supported yet: search without them"),
  ranking_options: z
    .object({
      ranker: z.enum(["none", "auto", "default-2024-11-15"]).optional(),
      score_threshold: z.number().min(0).max(1).optional(),
    })
    .optional(),
  rewrite_query: z.boolean().optional(),
});

type Params = { Params: { id: string } };
type FileParams = { Params: { id: string; fileId: string } };

/**
 * OpenAI's vector stores API over the caller's tenant's knowledge bases: create, list, retrieve,
 * modify and delete stores; attach files uploaded with /v1/files (read in the background:
 * in_progress → completed or failed), list, retrieve and detach them; search. Another tenant's
 * store is a 404, and ingestion is queued fairly between tenants.
 */
export function registerVectorStores(app: FastifyInstance, options: VectorStoresRouteOptions) {
  const queue = new IngestionQueue();
  app.addHook("onClose", () => queue.idle());
  const access = { config: { access: "tenant" as const } };
  const knowledgeOf = (principal: Principal) =>
    options.store.knowledge.forTenant(principal.tenant.id);
  const requireBase = async (knowledge: TenantKnowledge, id: string) => {
    const base = await knowledge.getBase(id);
    if (base === undefined) throw notFound("vector store", id, "vector_store_id");
    return base;
  };

  /** Read a file of the tenant's into a base when the queue gets to it. */
  const ingestLater = (
    tenantId: string,
    baseId: string,
    file: { id: string; filename: string },
  ) => {
    const knowledge = options.store.knowledge.forTenant(tenantId);
    queue.enqueue(tenantId, async () => {
      const content = await options.store.files.contentBytes(file.id, tenantId);
      const current = await knowledge.getBase(baseId);
      if (current === undefined) return;
      if (content === undefined) {
        await knowledge.failDocument(baseId, file.id, "The file was deleted.", options.now());
        return;
      }
      const outcome = await ingestDocument(
        knowledge,
        current,
        { id: file.id, name: file.filename, bytes: content },
        options.now,
        options.embedder,
      );
      // Stored without vectors: the store's came from another embedding model.
      if (outcome.status === "completed" && outcome.warning !== undefined) {
        app.log.warn({ vectorStore: baseId, file: file.id }, outcome.warning);
      }
    });
  };

  /** Attach a file of the tenant's: recorded now, read when the queue gets to it. */
  const attach = async (principal: Principal, base: KnowledgeBase, fileId: string) => {
    const tenantId = principal.tenant.id;
    const file = await options.store.files.get(fileId, tenantId);
    if (file === undefined) throw notFound("file", fileId, "file_id");
    const document = await knowledgeOf(principal).beginDocument({
      id: file.id,
      baseId: base.id,
      name: file.filename,
      bytes: file.bytes,
      now: options.now(),
    });
    ingestLater(tenantId, base.id, file);
    return document;
  };

  // Documents a stopped process left in_progress: a Files API upload is read again (its content
  // is still stored); anything else (a CLI add that was cut short) is marked failed with why.
  const startedAt = options.now();
  app.addHook("onReady", async () => {
    for (const tenant of await options.store.tenants.list()) {
      const knowledge = options.store.knowledge.forTenant(tenant.id);
      for (const document of await knowledge.interruptedDocuments(startedAt)) {
        const file = await options.store.files.get(document.id, tenant.id);
        if (file !== undefined) {
          ingestLater(tenant.id, document.knowledgeBaseId, file);
          continue;
        }
        await knowledge.failDocument(
          document.knowledgeBaseId,
          document.id,
          "Ingestion was interrupted (the process stopped while reading this file); add it again.",
          options.now(),
        );
      }
    }
  });

  const storeObject = async (knowledge: TenantKnowledge, base: KnowledgeBase) => {
    const documents = await knowledge.listDocuments(base.id);
    const count = (status: KnowledgeDocument["status"]) =>
      documents.filter((document) => document.status === status).length;
    const fileCounts = {
      in_progress: count("in_progress"),
      completed: count("completed"),
      failed: count("failed"),
      cancelled: 0,
      total: documents.length,
    };
    const lastActive = documents.reduce((latest, doc) => Math.max(latest, doc.updatedAt), 0);
    return {
      id: base.id,
      object: "vector_store",
      created_at: seconds(base.createdAt),
      name: base.name,
      usage_bytes: documents.reduce((sum, document) => sum + document.bytes, 0),
      file_counts: fileCounts,
      status: fileCounts.in_progress > 0 ? "in_progress" : "completed",
      last_active_at: seconds(Math.max(base.createdAt, lastActive)),
      metadata: base.metadata ?? {},
      expires_after: null,
      expires_at: null,
    };
  };

  app.post("/v1/vector_stores", access, async (request) => {
    const principal = principalOf(request);
    const body = validateBody(createSchema, request.body ?? {});
    await options.admit(principal);
    const knowledge = knowledgeOf(principal);
    const id = newKnowledgeBaseId();
    // OpenAI's stores need no name; a knowledge base does (the CLI finds it by name).
    const base = await knowledge.createBase({
      id,
      name: body.name ?? id,
      createdAt: options.now(),
      metadata: body.metadata ?? null,
    });
    for (const fileId of body.file_ids ?? []) await attach(principal, base, fileId);
    return storeObject(knowledge, base);
  });

  app.get("/v1/vector_stores", access, async (request) => {
    const { limit, order, after } = validateBody(listQuery, request.query);
    const knowledge = knowledgeOf(principalOf(request));
    const bases = await knowledge.listBases({
      limit: limit + 1,
      order,
      ...(after === undefined ? {} : { after }),
    });
    const data = await Promise.all(
      bases.slice(0, limit).map((base) => storeObject(knowledge, base)),
    );
    return listPage(data, bases.length > limit);
  });

  app.get<Params>("/v1/vector_stores/:id", access, async (request) => {
    const knowledge = knowledgeOf(principalOf(request));
    return storeObject(knowledge, await requireBase(knowledge, request.params.id));
  });

  app.post<Params>("/v1/vector_stores/:id", access, async (request) => {
    const body = validateBody(updateSchema, request.body ?? {});
    const knowledge = knowledgeOf(principalOf(request));
    const updated = await knowledge.updateBase(request.params.id, {
      ...(body.name === undefined || body.name === null ? {} : { name: body.name }),
      ...(body.metadata === undefined ? {} : { metadata: body.metadata }),
    });
    if (updated === undefined) throw notFound("vector store", request.params.id, "vector_store_id");
    return storeObject(knowledge, updated);
  });

  app.delete<Params>("/v1/vector_stores/:id", access, async (request) => {
    const knowledge = knowledgeOf(principalOf(request));
    if (!(await knowledge.deleteBase(request.params.id))) {
      throw notFound("vector store", request.params.id, "vector_store_id");
    }
    return { id: request.params.id, object: "vector_store.deleted", deleted: true };
  });

  app.post<Params>("/v1/vector_stores/:id/files", access, async (request) => {
    const principal = principalOf(request);
    const body = validateBody(attachSchema, request.body);
    await options.admit(principal);
    const base = await requireBase(knowledgeOf(principal), request.params.id);
    return fileObject(await attach(principal, base, body.file_id));
  });

  app.get<Params>("/v1/vector_stores/:id/files", access, async (request) => {
    const { limit, order, after, filter } = validateBody(listQuery, request.query);
    const knowledge = knowledgeOf(principalOf(request));
    const base = await requireBase(knowledge, request.params.id);
    let documents = await knowledge.listDocuments(base.id);
    if (order === "asc") documents.reverse();
    if (filter !== undefined) documents = documents.filter((doc) => doc.status === filter);
    if (after !== undefined)
      documents = documents.slice(documents.findIndex((doc) => doc.id === after) + 1);
    return listPage(documents.slice(0, limit).map(fileObject), documents.length > limit);
  });

  app.get<FileParams>("/v1/vector_stores/:id/files/:fileId", access, async (request) => {
    const knowledge = knowledgeOf(principalOf(request));
    const base = await requireBase(knowledge, request.params.id);
    const document = await knowledge.getDocument(base.id, request.params.fileId);
    if (document === undefined) throw notFound("file", request.params.fileId, "file_id");
    return fileObject(document);
  });

  app.delete<FileParams>("/v1/vector_stores/:id/files/:fileId", access, async (request) => {
    const knowledge = knowledgeOf(principalOf(request));
    const base = await requireBase(knowledge, request.params.id);
    if (!(await knowledge.deleteDocument(base.id, request.params.fileId))) {
      throw notFound("file", request.params.fileId, "file_id");
    }
    return { id: request.params.fileId, object: "vector_store.file.deleted", deleted: true };
  });

  app.post<Params>("/v1/vector_stores/:id/search", access, async (request, reply) => {
    const principal = principalOf(request);
    const body = validateBody(searchSchema, request.body);
    await options.admit(principal);
    const knowledge = knowledgeOf(principal);
    const base = await requireBase(knowledge, request.params.id);
    // Searched by full text only (see searchKnowledge): the caller and the operator are told.
    warnOfMismatches(request, reply, embeddingMismatches([base], options.embedder));
    const queries = typeof body.query === "string" ? [body.query] : body.query;
    const hits = await searchKnowledge(
      knowledge,
      [base],
      queries.join("\n"),
      body.max_num_results,
      options.embedder,
    );
    const threshold = body.ranking_options?.score_threshold ?? 0;
    return {
      object: "vector_store.search_results.page",
      search_query: queries,
      data: hits.map((hit) => searchResult(hit)).filter((result) => result.score >= threshold),
      has_more: false,
      next_page: null,
    };
  });
}

/**
 * A passage as search answers it (also file_search's results), scored in [0, 1] as OpenAI's
 * scores are: hybrid retrieval's fused score as it is (already in (0, 1]), BM25 squashed,
 * s / (1 + s), same order; where it is as attributes.
 */
export function searchResult(hit: KnowledgeHit) {
  const location: Record<string, string | number> = {};
  if (hit.headingPath.length > 0) location["heading"] = hit.headingPath.join(" › ");
  if (hit.page !== null) location["page"] = hit.page;
  return {
    file_id: hit.documentId,
    filename: hit.documentName,
    score: hit.signals === undefined ? hit.score / (1 + hit.score) : hit.score,
    attributes: location,
    content: [{ type: "text", text: hit.text }],
  };
}

function fileObject(document: KnowledgeDocument) {
  return {
    id: document.id,
    object: "vector_store.file",
    created_at: seconds(document.createdAt),
    usage_bytes: document.bytes,
    vector_store_id: document.knowledgeBaseId,
    status: document.status,
    last_error: document.error === null ? null : { code: "invalid_file", message: document.error },
    attributes: {},
    // What Colibrí does whatever was asked: passages of up to ~1,000 characters, no overlap.
    chunking_strategy: {
      type: "static",
      static: { max_chunk_size_tokens: chunkCharacters / 4, chunk_overlap_tokens: 0 },
    },
  };
}

function listPage<T extends { id: string }>(data: T[], hasMore: boolean) {
  return {
    object: "list",
    data,
    first_id: data[0]?.id ?? null,
    last_id: data.at(-1)?.id ?? null,
    has_more: hasMore,
  };
}

function seconds(milliseconds: number): number {
  return Math.floor(milliseconds / 1000);
}

/** A vector store or file this tenant does not have (also for file_search in /v1/responses). */
export function notFound(what: "vector store" | "file", id: string, param: string): ColibriError {
  const hint =
    what === "vector store"
      ? "List yours with GET /v1/vector_stores."
      : "Upload files with POST /v1/files and attach them with POST /v1/vector_stores/{id}/files.";
  return new ColibriError(`No ${what} "${id}" for this tenant. ${hint}`, {
    code: what === "vector store" ? "vector_store_not_found" : "file_not_found",
    status: 404,
    type: "not_found_error",
    param,
  });
}
