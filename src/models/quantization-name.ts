const quantizationPattern =
  /(?:^|[._-])(I?Q\d(?:_[A-Z0-9]+)*|F16|BF16|F32|TQ\d_\d|MXFP4)(?=[._-]|$)/i;

/** The quantization named in a GGUF file name (`Qwen2.5-0.5B-Instruct-Q4_K_M.gguf` → `Q4_K_M`). */
export function quantizationFromFileName(fileName: string): string | undefined {
  const match = quantizationPattern.exec(fileName.replace(/\.gguf$/i, ""));
  return match?.[1]?.toUpperCase();
}
