import { promptHash48 } from "./hash.js";

/**
 * The prompts a model was trained on, as sorted 48-bit hashes packed six bytes each in base64
 * (11,000 prompts take 88 KB): enough to recognise them at evaluation, not to recover them.
 */
export interface EncodedPromptHashes {
  encoding: "uint48-base64";
  count: number;
  data: string;
}

export function encodePromptHashes(prompts: Iterable<string>): EncodedPromptHashes {
  const hashes = [...new Set(Array.from(prompts, promptHash48))].sort((a, b) => a - b);
  const buffer = Buffer.alloc(hashes.length * 6);
  hashes.forEach((hash, index) => buffer.writeUIntBE(hash, index * 6, 6));
  return { encoding: "uint48-base64", count: hashes.length, data: buffer.toString("base64") };
}

/** The hashes as a set; undefined when the data does not hold `count` of them. */
export function decodePromptHashes(encoded: EncodedPromptHashes): Set<number> | undefined {
  const buffer = Buffer.from(encoded.data, "base64");
  if (buffer.byteLength !== encoded.count * 6) return undefined;
  const hashes = new Set<number>();
  for (let offset = 0; offset < buffer.byteLength; offset += 6) {
    hashes.add(buffer.readUIntBE(offset, 6));
  }
  return hashes;
}
