import { describe, expect, it } from "vitest";
import { tinyModelPath as tinyModel } from "../../test/support/fixtures.js";
import { InsufficientMemoryError } from "../core/errors.js";
import { inspectModelFile } from "../models/inspect.js";
import { estimateMemory } from "../models/memory-estimate.js";
import { resolveEngineSettings } from "./engine-settings.js";
import { assertMemoryFits } from "./memory-check.js";
import { readModelFootprint } from "./model-footprint.js";

const mebibyte = 1024 * 1024;
// SmolLM2-135M: 30 layers, 9 heads of 64 (576 wide), 3 KV heads, 49152 tokens.
const smol = {
  fileSizeBytes: 98_362_432,
  shape: { layers: 30, embeddingLength: 576, headCount: 9, headCountKv: 3, vocabularySize: 49_152 },
};

describe("assertMemoryFits", () => {
  it("refuses with the parts of the estimate and the fix when it exceeds free RAM", () => {
    const estimate = estimateMemory({ ...smol, contextSize: 4096, sequences: 4 });
    // 93.8 MiB file + 360 MiB KV + 203.3 MiB embedding context (512 tokens of KV and logits)
    // + 96 MiB logits + 128 MiB runtime.
    expect(Math.ceil(estimate.totalBytes / mebibyte)).toBe(882);
    expect(() => {
      assertMemoryFits(estimate, estimate.totalBytes, "smol");
    }).not.toThrow();
    let caught: unknown;
    try {
      assertMemoryFits(estimate, 300 * mebibyte, "smol");
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InsufficientMemoryError);
    const message = (caught as Error).message;
    expect(message).toContain('"smol": it needs about 882 MiB');
    expect(message).toContain("KV cache 360 MiB for 4 sequences × 4096 tokens");
    expect(message).toContain("embedding context 204 MiB");
    expect(message).toContain("compute and runtime 224 MiB");
    expect(message).toContain("300 MiB is free");
    expect(message).toMatch(/engine\.contextSize or engine\.sequences/);
    expect(message).toContain("smaller model");
  });
});

describe("one estimate for inspect and the engine", () => {
  it("colibri inspect prints the total the engine's load check applies", async () => {
    const machine = { cores: 2, totalMemoryBytes: 8 * 1024 * mebibyte, freeMemoryBytes: 0 };
    const footprint = await readModelFootprint(tinyModel);
    const settings = resolveEngineSettings({
      machine: { ...machine, freeMemoryBytes: 8 * 1024 * mebibyte },
      model: footprint,
    });
    const inspection = await inspectModelFile(tinyModel, { ...settings, machine });
    const engineEstimate = estimateMemory({ ...footprint, ...settings });

    expect(footprint.shape).toEqual(inspection.shape);
    expect(inspection.memory.totalBytes).toBe(engineEstimate.totalBytes);
    // The load check passes at exactly the total inspect printed and refuses one byte less.
    expect(() => {
      assertMemoryFits(engineEstimate, inspection.memory.totalBytes, "tiny");
    }).not.toThrow();
    expect(() => {
      assertMemoryFits(engineEstimate, inspection.memory.totalBytes - 1, "tiny");
    }).toThrow(InsufficientMemoryError);
  });
});
