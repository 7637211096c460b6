/**
 * The 24-byte start of a GGUF file (magic, version, tensor count, metadata entry count): enough
 * for `colibri pull`'s header check, not a model a runtime can load.
 */
export function ggufHeaderBytes(
  options: { version?: number; tensors?: bigint; entries?: bigint } = {},
): Buffer {
  const header = Buffer.alloc(24);
  header.write("GGUF", 0, "latin1");
  header.writeUInt32LE(options.version ?? 3, 4);
  header.writeBigUInt64LE(options.tensors ?? 0n, 8);
  header.writeBigUInt64LE(options.entries ?? 0n, 16);
  return header;
}
