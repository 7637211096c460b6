import { randomBytes } from "node:crypto";
import { Readable } from "node:stream";
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { Principal } from "../../tenancy/gatekeeper.js";
import { ColibriError, InvalidRequestError } from "../../core/errors.js";
import { DataRemoval } from "../../retention/data-removal.js";
import type { Store } from "../../core/records/store.js";
import type { StoredFile } from "../../core/records/files.js";
import { notUtf8, quotaExceeded, receiveUpload } from "../file-upload.js";
import { parsedUpload, uploadError } from "../multipart-errors.js";
import { principalOf } from "../request-state.js";
import { validateBody } from "../../openai/validate-body.js";

/**
 * OpenAI's file purposes; Colibrí reads "batch" files (UTF-8 JSON Lines) and reads any file into
 * a vector store (PDF, DOCX, HTML, Markdown, text, CSV), and keeps every file as it was uploaded.
 */
const purposes = [
  "batch",
  "batch_output",
  "user_data",
  "assistants",
  "fine-tune",
  "vision",
  "evals",
] as const;
const listQuery = z.object({
  purpose: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(10_000),
});

export interface FilesRouteOptions {
  store: Store;
  maxBytes: number;
  /** files.quotaBytesPerTenant; null: none. */
  quotaBytesPerTenant: number | null;
  /** Take one of the caller's requests-per-minute slots (throws RateLimitError). */
  admit: (principal: Principal) => Promise<unknown>;
  now: () => number;
}

/**
 * The OpenAI Files API for the caller's tenant: upload (multipart, `file` and `purpose`), list,
 * retrieve, download and delete. Files are kept as the bytes uploaded (a batch's input must be
 * UTF-8 text), in the store so every replica sees them; another tenant's file is a 404. An upload
 * counts as a request against the caller's rate limit, and the tenant's files together stay
 * within files.quotaBytesPerTenant.
 */
export function registerFiles(app: FastifyInstance, options: FilesRouteOptions): void {
  const files = options.store.files;
  const removal = new DataRemoval({ store: options.store });
  void app.register(multipart, { limits: { fileSize: options.maxBytes, files: 1, fields: 10 } });

  app.post("/v1/files", { config: { access: "tenant" } }, async (request) => {
    const principal = principalOf(request);
    if (!request.isMultipart()) {
      throw new InvalidRequestError(
        'Upload a file as multipart/form-data with the fields "file" and "purpose" (e.g. purpose=batch).',
        "file",
      );
    }
    await options.admit(principal);
    const tenantId = principal.tenant.id;
    const quotaBytes = options.quotaBytesPerTenant;
    const usedBytes = quotaBytes === null ? 0 : await files.usedBytes(tenantId);
    if (quotaBytes !== null && usedBytes >= quotaBytes) {
      throw quotaExceeded(usedBytes, 0, quotaBytes);
    }
    const id = `file-${randomBytes(12).toString("hex")}`;
    const createdAt = options.now();
    let published = false;
    try {
      let purpose: string | undefined;
      let upload: { filename: string; bytes: number; utf8: boolean } | undefined;
      for await (const part of parsedUpload(request.parts(), options.maxBytes)) {
        if (part.type === "file") {
          const received = await receiveUpload(
            part.file,
            { files, fileId: id, now: createdAt },
            { maxBytes: options.maxBytes, quotaBytes, usedBytes },
          );
          upload = { filename: part.filename, ...received };
        } else if (part.fieldname === "purpose") {
          purpose = String(part.value);
        }
      }
      if (upload === undefined) {
        throw new InvalidRequestError('The "file" field is missing.', "file");
      }
      if (purpose === undefined || !(purposes as readonly string[]).includes(purpose)) {
        throw new InvalidRequestError(
          `"purpose" must be one of ${purposes.join(", ")}; got ${purpose === undefined ? "none" : `"${purpose}"`}.`,
          "purpose",
        );
      }
      // The purpose may come after the file in the form, so this is known only now.
      if (purpose === "batch" && !upload.utf8) throw notUtf8(purpose);
      const file: StoredFile = {
        id,
        tenantId,
        purpose,
        filename: upload.filename,
        bytes: upload.bytes,
        createdAt,
      };
      // Checked again as it is stored, against what the tenant's other uploads stored meanwhile.
      const outcome = await files.publish(file, quotaBytes);
      if (!outcome.stored && quotaBytes !== null) {
        throw quotaExceeded(outcome.usedBytes, file.bytes, quotaBytes);
      }
      published = true;
      return fileObject(file);
    } catch (error) {
      // The parser's limit errors can also surface outside the parts' loop.
      throw (error as { code?: string }).code?.startsWith("FST_") === true
        ? uploadError(error, options.maxBytes)
        : error;
    } finally {
      if (!published) await files.discardChunks(id).catch(() => undefined);
    }
  });

  app.get("/v1/files", { config: { access: "tenant" } }, async (request) => {
    const { purpose, limit } = validateBody(listQuery, request.query);
    const found = await files.list(principalOf(request).tenant.id, {
      limit,
      ...(purpose === undefined ? {} : { purpose }),
    });
    return { object: "list", data: found.map(fileObject), has_more: false };
  });

  app.get<{ Params: { id: string } }>(
    "/v1/files/:id",
    { config: { access: "tenant" } },
    async (request) => {
      const file = await files.get(request.params.id, principalOf(request).tenant.id);
      if (file === undefined) throw fileNotFound(request.params.id);
      return fileObject(file);
    },
  );

  app.get<{ Params: { id: string } }>(
    "/v1/files/:id/content",
    { config: { access: "tenant" } },
    async (request, reply) => {
      const chunks = await files.contentChunks(request.params.id, principalOf(request).tenant.id);
      if (chunks === undefined) throw fileNotFound(request.params.id);
      // Chunk by chunk, so a large file is never one string in memory nor one write.
      return reply.type("application/octet-stream").send(Readable.from(chunks));
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/v1/files/:id",
    { config: { access: "tenant" } },
    async (request) => {
      // What batches hold of the file (their prompts, or their answers) goes with it.
      const deleted = await removal.deleteFile(request.params.id, principalOf(request).tenant.id);
      if (!deleted) throw fileNotFound(request.params.id);
      return { id: request.params.id, object: "file", deleted: true };
    },
  );
}

function fileObject(file: StoredFile) {
  return {
    id: file.id,
    object: "file",
    bytes: file.bytes,
    created_at: Math.floor(file.createdAt / 1000),
    filename: file.filename,
    purpose: file.purpose,
    status: "processed",
  };
}

function fileNotFound(id: string): ColibriError {
  return new ColibriError(`No file "${id}" for this tenant. List your files with GET /v1/files.`, {
    code: "file_not_found",
    status: 404,
    type: "not_found_error",
    param: "file_id",
  });
}
