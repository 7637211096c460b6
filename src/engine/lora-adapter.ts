import { stat } from "node:fs/promises";
import { readGgufFileInfo } from "node-llama-cpp";
import { ColibriError } from "../core/errors.js";

/** What a LoRA adapter's GGUF header says (llama.cpp's format), and its size. */
export interface LoraAdapterInfo {
  /** `general.architecture`: llama.cpp refuses an adapter whose architecture is not its model's. */
  architecture: string;
  /** `adapter.lora.alpha`: with the rank, how strongly the adapter's product is scaled. */
  alpha: number;
  fileSizeBytes: number;
}

/**
 * Read a LoRA adapter's GGUF header (not its tensors) and check that it is one, as llama.cpp
 * writes and reads them: `general.type = "adapter"`, `adapter.type = "lora"`,
 * `adapter.lora.alpha`. Throws a ColibriError (code `invalid_adapter`) saying what is wrong.
 */
export async function readLoraAdapter(path: string, name: string): Promise<LoraAdapterInfo> {
  let fields: { general?: Record<string, unknown>; adapter?: Record<string, unknown> };
  let fileSizeBytes: number;
  try {
    const [info, fileStat] = await Promise.all([
      readGgufFileInfo(path, { readTensorInfo: false, logWarnings: false }),
      stat(path),
    ]);
    fields = info.metadata;
    fileSizeBytes = fileStat.size;
  } catch (error) {
    throw invalidAdapter(
      name,
      `cannot read ${path} as GGUF (${error instanceof Error ? error.message : String(error)})`,
      error,
    );
  }
  const general = fields.general ?? {};
  const adapter = fields.adapter ?? {};
  const lora = (adapter["lora"] ?? {}) as Record<string, unknown>;
  if (general["type"] !== "adapter" || adapter["type"] !== "lora") {
    throw invalidAdapter(
      name,
      `${path} is not a LoRA adapter: its header says general.type = ${JSON.stringify(general["type"])}, adapter.type = ${JSON.stringify(adapter["type"])} (a LoRA adapter says "adapter" and "lora"; llama.cpp's convert_lora_to_gguf.py writes one)`,
    );
  }
  const architecture = general["architecture"];
  const alpha = lora["alpha"];
  if (typeof architecture !== "string" || typeof alpha !== "number" || !Number.isFinite(alpha)) {
    throw invalidAdapter(
      name,
      `${path} lacks general.architecture or a numeric adapter.lora.alpha in its header`,
    );
  }
  return { architecture, alpha, fileSizeBytes };
}

/** Refuse an adapter made for another architecture than its base model's. */
export function assertAdapterMatches(
  adapter: LoraAdapterInfo,
  baseArchitecture: string | undefined,
  names: { adapter: string; base: string },
): void {
  if (baseArchitecture === undefined || adapter.architecture === baseArchitecture) return;
  throw invalidAdapter(
    names.adapter,
    `it was made for ${adapter.architecture} models, and ${names.base} is a ${baseArchitecture} model`,
  );
}

function invalidAdapter(name: string, why: string, cause?: unknown): ColibriError {
  return new ColibriError(`LoRA adapter "${name}" cannot be used: ${why}.`, {
    code: "invalid_adapter",
    status: 400,
    type: "invalid_request_error",
    ...(cause === undefined ? {} : { cause }),
  });
}
