import { createHash, type Hash } from "node:crypto";
import { createReadStream } from "node:fs";
import { truncate } from "node:fs/promises";
import { fileSize } from "./partial-file.js";

/** A part's pinned sha256 and size (see PythonPackagePart). */
export interface PinnedPart {
  sha256?: string | undefined;
  sizeBytes?: number | undefined;
}

/** What an earlier, interrupted pull left that can be kept. */
export interface VerifiedPrefix {
  /** Leading parts whose bytes are in the file and match their pins. */
  completeParts: number;
  /** Their total size: the file is cut back to this length. */
  bytes: number;
  /** sha256 state over those bytes, to go on hashing the whole file from there. */
  hash: Hash;
}

/** True when every part has its sha256 and size pinned, so a partial file can be checked part by part. */
export function everyPartPinned(parts: readonly PinnedPart[]): boolean {
  return parts.every((part) => part.sha256 !== undefined && part.sizeBytes !== undefined);
}

/**
 * Keep the longest run of leading parts in `partialPath` whose bytes match their pinned size and
 * sha256, cut the file back to the end of the last one, and return where to go on from. A missing
 * file, or one whose first part does not match, gives an empty prefix (and an empty file).
 */
export async function keepVerifiedParts(
  partialPath: string,
  parts: readonly PinnedPart[],
): Promise<VerifiedPrefix> {
  let hash = createHash("sha256");
  const available = await fileSize(partialPath);
  let bytes = 0;
  let completeParts = 0;
  for (const part of parts) {
    if (part.sizeBytes === undefined || part.sha256 === undefined) break;
    if (bytes + part.sizeBytes > available) break;
    const partHash = createHash("sha256");
    const wholeHash = hash.copy();
    if (part.sizeBytes > 0) {
      const stream = createReadStream(partialPath, {
        start: bytes,
        end: bytes + part.sizeBytes - 1,
      });
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        partHash.update(chunk);
        wholeHash.update(chunk);
      }
    }
    if (partHash.digest("hex") !== part.sha256.toLowerCase()) break;
    hash = wholeHash;
    bytes += part.sizeBytes;
    completeParts += 1;
  }
  if (available > 0) await truncate(partialPath, bytes);
  return { completeParts, bytes, hash };
}
