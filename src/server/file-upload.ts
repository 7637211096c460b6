import type { Readable } from "node:stream";
import { ColibriError, InvalidRequestError } from "../core/errors.js";
import { fileChunkLength, type FileRepository } from "../core/records/files.js";
import { fileTooLarge, parsedUpload } from "./multipart-errors.js";

export interface UploadLimits {
  /** files.maxBytes */
  maxBytes: number;
  /** files.quotaBytesPerTenant; null: none. */
  quotaBytes: number | null;
  /** What the tenant's files take already. */
  usedBytes: number;
}

/**
 * Store an uploaded file's bytes as they arrive: each piece is checked as UTF-8 on its own
 * (a decoder that carries a split character over), and every megabyte or so goes to the store as
 * one chunk. So no step handles the whole file at once — neither a copy of it, nor its
 * validation, nor one statement writing it — and the sizes are enforced while it streams.
 * Resolves to the bytes received; the chunks stay unpublished (see FileRepository.publish).
 */
export async function receiveUpload(
  stream: Readable & { truncated?: boolean },
  target: { files: FileRepository; fileId: string; now: number },
  limits: UploadLimits,
): Promise<number> {
  const decoder = new TextDecoder("utf-8", { fatal: true });
  let pending: string[] = [];
  let pendingLength = 0;
  let position = 0;
  let bytes = 0;
  const flush = async () => {
    if (pendingLength === 0) return;
    await target.files.putChunk(target.fileId, position++, pending.join(""), target.now);
    pending = [];
    pendingLength = 0;
  };
  const decode = (piece?: Buffer) => {
    try {
      const text = decoder.decode(piece, { stream: piece !== undefined });
      pending.push(text);
      pendingLength += text.length;
    } catch {
      throw new InvalidRequestError(
        "The file is not UTF-8 text. Colibrí keeps text files only (batch input is JSON Lines).",
        "file",
      );
    }
  };
  for await (const piece of parsedUpload(stream as AsyncIterable<Buffer>, limits.maxBytes)) {
    bytes += piece.length;
    if (stream.truncated === true || bytes > limits.maxBytes) throw fileTooLarge(limits.maxBytes);
    if (limits.quotaBytes !== null && limits.usedBytes + bytes > limits.quotaBytes) {
      throw quotaExceeded(limits.usedBytes, bytes, limits.quotaBytes);
    }
    decode(piece);
    if (pendingLength >= fileChunkLength) await flush();
  }
  if (stream.truncated === true) throw fileTooLarge(limits.maxBytes);
  decode();
  await flush();
  return bytes;
}

/** 413: the tenant's files would take more than its quota. */
export function quotaExceeded(usedBytes: number, uploadBytes: number, quotaBytes: number) {
  const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
  return new ColibriError(
    `Storage quota exceeded: this tenant's files take ${usedBytes} bytes (${megabytes(usedBytes)}) of its ${quotaBytes}-byte quota (${megabytes(quotaBytes)}), ${uploadBytes > 0 ? `and this upload (${uploadBytes} bytes so far) would pass it` : "so no upload fits"}. Free space by deleting files you no longer need (DELETE /v1/files/{id}; DELETE /v1/batches/{id} removes a finished batch with its files), or ask an administrator to raise files.quotaBytesPerTenant.`,
    { code: "storage_quota_exceeded", status: 413, param: "file" },
  );
}
