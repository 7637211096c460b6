import type { Readable } from "node:stream";
import { ColibriError, InvalidRequestError } from "../core/errors.js";
import { fileChunkBytes, type FileRepository } from "../core/records/files.js";
import { fileTooLarge, parsedUpload } from "./multipart-errors.js";

export interface UploadLimits {
  /** files.maxBytes */
  maxBytes: number;
  /** files.quotaBytesPerTenant; null: none. */
  quotaBytes: number | null;
  /** What the tenant's files take already. */
  usedBytes: number;
}

/** What an upload stored. */
export interface ReceivedUpload {
  bytes: number;
  /** Whether the bytes are UTF-8 text (batch input must be). */
  utf8: boolean;
}

/**
 * Store an uploaded file's bytes as they arrive, every megabyte or so as one chunk, as they are
 * (a PDF or a DOCX as well as text), checking on the way whether they are UTF-8 (a decoder that
 * carries a split character over, so each piece is checked on its own). So no step handles the
 * whole file at once — neither a copy of it, nor its validation, nor one statement writing it —
 * and the sizes are enforced while it streams. The chunks stay unpublished (see
 * FileRepository.publish).
 */
export async function receiveUpload(
  stream: Readable & { truncated?: boolean },
  target: { files: FileRepository; fileId: string; now: number },
  limits: UploadLimits,
): Promise<ReceivedUpload> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let utf8 = true;
  let pending: Buffer[] = [];
  let pendingLength = 0;
  let position = 0;
  let bytes = 0;
  const flush = async () => {
    if (pendingLength === 0) return;
    await target.files.putChunk(target.fileId, position++, Buffer.concat(pending), target.now);
    pending = [];
    pendingLength = 0;
  };
  const check = (piece?: Buffer) => {
    if (!utf8) return;
    try {
      decoder.decode(piece, { stream: piece !== undefined });
    } catch {
      utf8 = false;
    }
  };
  for await (const piece of parsedUpload(stream as AsyncIterable<Buffer>, limits.maxBytes)) {
    bytes += piece.length;
    if (stream.truncated === true || bytes > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
    if (limits.quotaBytes !== null && limits.usedBytes + bytes > limits.quotaBytes) {
      throw quotaExceeded(limits.usedBytes, bytes, limits.quotaBytes);
    }
    check(piece);
    pending.push(piece);
    pendingLength += piece.length;
    if (pendingLength >= fileChunkBytes) await flush();
  }
  if (stream.truncated === true) throw fileTooLarge(limits.maxBytes);
  check();
  await flush();
  return { bytes, utf8 };
}

/** 400: a batch input file that is not UTF-8 text. */
export function notUtf8(purpose: string): InvalidRequestError {
  return new InvalidRequestError(
    `The file is not UTF-8 text, and a file with purpose "${purpose}" must be (batch input is JSON Lines). Save it as UTF-8, or upload documents for vector stores with purpose "assistants".`,
    "file",
  );
}

/** 413: the tenant's files would take more than its quota. */
export function quotaExceeded(usedBytes: number, uploadBytes: number, quotaBytes: number) {
  const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return new ColibriError(
    `Storage quota exceeded: this tenant's files take ${usedBytes} bytes (${megabytes(usedBytes)}) of its ${quotaBytes}-byte quota (${megabytes(quotaBytes)}), ${uploadBytes > 0 ? `and this upload (${uploadBytes} bytes so far) would pass it` : "so no upload fits"}. Free space by deleting files you no longer need (DELETE /v1/files/{id}; DELETE /v1/batches/{id} removes a finished batch with its files), or ask an administrator to raise files.quotaBytesPerTenant.`,
    { code: "storage_quota_exceeded", status: 413, param: "file" },
  );
}
