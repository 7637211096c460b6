import { randomBytes } from "node:crypto";
import multipart from "@fastify/multipart";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { ColibriError, InvalidRequestError } from "../../core/errors.js";
import type { FileRepository, StoredFile } from "../../store/store.js";
import { principalOf } from "../request-state.js";
import { validateBody } from "../validate-body.js";

/** OpenAI's file purposes; Colibrí reads "batch" files, keeps the others as they are. */
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
  repository: FileRepository;
  maxBytes: number;
  now: () => number;
}

/**
 * The OpenAI Files API for the caller's tenant: upload (multipart, `file` and `purpose`), list,
 * retrieve, download and delete. Files are UTF-8 text (batch JSONL), kept in the store so every
 * replica sees them; another tenant's file is a 404.
 */
export function registerFiles(app: FastifyInstance, options: FilesRouteOptions): void {
  const files = options.repository;
  void app.register(multipart, { limits: { fileSize: options.maxBytes, files: 1, fields: 10 } });

  app.post("/v1/files", { config: { access: "tenant" } }, async (request) => {
    const principal = principalOf(request);
    if (!request.isMultipart()) {
      throw new InvalidRequestError(
        'Upload a file as multipart/form-data with the fields "file" and "purpose" (e.g. purpose=batch).',
        "file",
      );
    }
    let purpose: string | undefined;
    let upload: { filename: string; content: Buffer } | undefined;
    for await (const part of request.parts()) {
      if (part.type === "file") {
        const content = await part.toBuffer().catch((error: unknown) => {
          throw (error as { code?: string }).code === "FST_REQ_FILE_TOO_LARGE"
            ? tooLarge(options.maxBytes)
            : error;
        });
        upload = { filename: part.filename, content };
      } else if (part.fieldname === "purpose") {
        purpose = String(part.value);
      }
    }
    if (upload === undefined) throw new InvalidRequestError('The "file" field is missing.', "file");
    if (purpose === undefined || !(purposes as readonly string[]).includes(purpose)) {
      throw new InvalidRequestError(
        `"purpose" must be one of ${purposes.join(", ")}; got ${purpose === undefined ? "none" : `"${purpose}"`}.`,
        "purpose",
      );
    }
    const text = decodeUtf8(upload.content);
    const file: StoredFile = {
      id: `file-${randomBytes(12).toString("hex")}`,
      tenantId: principal.tenant.id,
      purpose,
      filename: upload.filename,
      bytes: upload.content.length,
      createdAt: options.now(),
    };
    await files.insert(file, text);
    return fileObject(file);
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
      const content = await files.content(request.params.id, principalOf(request).tenant.id);
      if (content === undefined) throw fileNotFound(request.params.id);
      return reply.type("application/octet-stream").send(content);
    },
  );

  app.delete<{ Params: { id: string } }>(
    "/v1/files/:id",
    { config: { access: "tenant" } },
    async (request) => {
      const deleted = await files.delete(request.params.id, principalOf(request).tenant.id);
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

function decodeUtf8(content: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(content);
  } catch {
    throw new InvalidRequestError(
      "The file is not UTF-8 text. Colibrí keeps text files only (batch input is JSON Lines).",
      "file",
    );
  }
}

function fileNotFound(id: string): ColibriError {
  return new ColibriError(`No file "${id}" for this tenant. List your files with GET /v1/files.`, {
    code: "file_not_found",
    status: 404,
    type: "not_found_error",
    param: "file_id",
  });
}

function tooLarge(maxBytes: number): ColibriError {
  return new ColibriError(
    `The file is larger than ${maxBytes} bytes. Split it, or raise files.maxBytes in the config.`,
    { code: "file_too_large", status: 413, param: "file" },
  );
}
