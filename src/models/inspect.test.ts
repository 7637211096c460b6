import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { tinyModelPath as tinyModel } from "../../test/support/fixtures.js";
import { InvalidRequestError } from "../core/errors.js";
import { inspectModelFile } from "./inspect.js";

const gibibyte = 1024 ** 3;

describe("inspectModelFile", () => {
  it("reads GGUF metadata and estimates RAM", async () => {
    const inspection = await inspectModelFile(tinyModel, {
      contextSize: 2048,
      sequences: 2,
      machine: { totalMemoryBytes: 8 * gibibyte, freeMemoryBytes: 1024 },
    });

    expect(inspection).toMatchObject({
      architecture: "llama",
      name: "LLaMA v2",
      quantization: "F16",
      contextLength: 4096,
      hasChatTemplate: false,
      tokenCount: 32_000,
      shape: { layers: 1, embeddingLength: 8, headCount: 2, headCountKv: 2 },
      fits: { fitsInTotal: true, fitsInFree: false },
    });
    expect(inspection.parameterCount).toBe(513_048);
    // 1 layer × 2 KV heads × (4 + 4) × 2 bytes × 2048 tokens × 2 sequences.
    expect(inspection.memory.kvCacheBytes).toBe(131_072);
    expect(inspection.memory.totalBytes).toBeGreaterThan(inspection.fileSizeBytes);
  });

  it("says when a file is not a GGUF model", async () => {
    const attempt = inspectModelFile(fileURLToPath(import.meta.url), {
      machine: { totalMemoryBytes: gibibyte, freeMemoryBytes: gibibyte },
    });
    await expect(attempt).rejects.toThrow(InvalidRequestError);
    await expect(attempt).rejects.toThrow(/as a GGUF model/);
  });
});
