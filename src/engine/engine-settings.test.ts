import { describe, expect, it } from "vitest";
import { defaultThreads, resolveEngineSettings } from "./engine-settings.js";
import type { ModelFootprint } from "./model-footprint.js";

const gibibyte = 1024 ** 3;
// SmolLM2-135M: 30 layers, 9 heads of 64 (576 wide), 3 KV heads → 23,040 bytes per token.
const smol: ModelFootprint = {
  fileSizeBytes: 98_362_432,
  trainContextSize: 8192,
  architecture: "llama",
  shape: { layers: 30, embeddingLength: 576, headCount: 9, headCountKv: 3, vocabularySize: 49_152 },
};
const machine = (cores: number, freeGiB: number) => ({
  cores,
  totalMemoryBytes: 2 * freeGiB * gibibyte,
  freeMemoryBytes: freeGiB * gibibyte,
});

describe("resolveEngineSettings", () => {
  it("on a 2-core box with plenty of RAM: 1 thread (a core left free), 4 sequences, 4096 tokens", () => {
    expect(resolveEngineSettings({ machine: machine(2, 20), model: smol })).toEqual({
      threads: 1,
      sequences: 4,
      contextSize: 4096,
      embeddingContextSize: 512,
    });
  });

  it("gives bigger machines more sequences, up to 32", () => {
    expect(resolveEngineSettings({ machine: machine(8, 64), model: smol }).sequences).toBe(16);
    expect(resolveEngineSettings({ machine: machine(64, 512), model: smol }).sequences).toBe(32);
  });

  it("uses the trained context when it is shorter than 4096", () => {
    const short = { ...smol, trainContextSize: 2048 };
    expect(resolveEngineSettings({ machine: machine(2, 20), model: short }).contextSize).toBe(2048);
  });

  it("bounds sequences by free RAM, then shrinks the context when even one does not fit", () => {
    // Llama 3 8B's shape: 32 layers × 8 KV heads × (128 + 128) × 2 bytes = 128 KiB per token,
    // so 512 MiB per 4096-token sequence; logits 128256 × 4 × 512 ≈ 250.5 MiB + 128 MiB runtime;
    // the 512-token embedding context (128 KiB + 128256 × 8 bytes) × 512 = 565 MiB.
    const big: ModelFootprint = {
      fileSizeBytes: 2 * gibibyte,
      trainContextSize: 32_768,
      architecture: "llama",
      shape: {
        layers: 32,
        embeddingLength: 4096,
        headCount: 32,
        headCountKv: 8,
        vocabularySize: 128_256,
      },
    };
    // 0.75 × 6 GiB = 4608 MiB; 2048 + 378.5 + 565 = 2991.5 MiB leaves room for 3 × 512 MiB.
    expect(resolveEngineSettings({ machine: machine(8, 6), model: big })).toEqual({
      threads: 7,
      sequences: 3,
      contextSize: 4096,
      embeddingContextSize: 512,
    });
    // 0.75 × 4.5 GiB = 3456 MiB: one 4096-token sequence would make 3503.5 MiB; at 2048 tokens
    // (256 MiB each) one sequence fits (3247.5 MiB), two do not.
    expect(resolveEngineSettings({ machine: machine(8, 4.5), model: big })).toEqual({
      threads: 7,
      sequences: 1,
      contextSize: 2048,
      embeddingContextSize: 512,
    });
    // Too little for anything: still one sequence at the smallest context; the RAM check decides.
    expect(resolveEngineSettings({ machine: machine(8, 2), model: big })).toEqual({
      threads: 7,
      sequences: 1,
      contextSize: 512,
      embeddingContextSize: 512,
    });
  });

  it("keeps what the config asks for", () => {
    expect(
      resolveEngineSettings({
        machine: machine(2, 20),
        model: smol,
        requested: { threads: 2, sequences: 9, contextSize: 1024 },
      }),
    ).toEqual({ threads: 2, sequences: 9, contextSize: 1024, embeddingContextSize: 512 });
    expect(
      resolveEngineSettings({
        machine: machine(2, 20),
        model: smol,
        requested: { contextSize: 256, embeddingContextSize: 2048 },
      }),
    ).toMatchObject({ contextSize: 256, embeddingContextSize: 2048 });
  });
});

describe("defaultThreads", () => {
  it("leaves one core free, keeps at least one thread and takes at most eight", () => {
    expect([1, 2, 3, 4, 8, 9, 16, 64].map(defaultThreads)).toEqual([1, 1, 2, 3, 7, 8, 8, 8]);
  });
});
