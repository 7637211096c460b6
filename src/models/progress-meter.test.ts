import { describe, expect, it } from "vitest";
import { backoffDelayMs } from "./backoff.js";
import { ProgressMeter } from "./progress-meter.js";
import { quantizationFromFileName } from "./quantization-name.js";

describe("ProgressMeter", () => {
  it("reports speed over recent samples and the time left, throttled", () => {
    let now = 0;
    const reports: [number, number | undefined, number, number | undefined][] = [];
    const meter = new ProgressMeter({
      total: 1000,
      now: () => now,
      intervalMs: 500,
      onProgress: (...report) => reports.push(report),
    });
    meter.update(0);
    now = 100;
    meter.update(50); // throttled
    now = 1000;
    meter.update(100);
    meter.finish();

    expect(reports).toHaveLength(3);
    expect(reports[1]).toEqual([100, 1000, 100, 9]);
    expect(reports[2]?.[0]).toBe(100);
  });

  it("has no ETA while the total is unknown", () => {
    let now = 0;
    const reports: (number | undefined)[] = [];
    const meter = new ProgressMeter({
      total: undefined,
      now: () => now,
      onProgress: (_received, _total, _speed, eta) => reports.push(eta),
    });
    meter.update(0);
    now = 1000;
    meter.update(10);
    expect(reports).toEqual([undefined, undefined]);
  });
});

describe("backoffDelayMs", () => {
  it("doubles each retry, with jitter in the upper half, capped", () => {
    const low = { baseMs: 100, maxMs: 1000, random: () => 0 };
    const high = { ...low, random: () => 0.999999 };
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, low))).toEqual([
      50, 100, 200, 400, 500,
    ]);
    expect([1, 2, 3, 4, 5].map((retry) => backoffDelayMs(retry, high))).toEqual([
      100, 200, 400, 800, 1000,
    ]);
  });
});

describe("quantizationFromFileName", () => {
  it.each([
    ["Qwen2.5-0.5B-Instruct-Q4_K_M.gguf", "Q4_K_M"],
    ["SmolLM2-135M-Instruct.Q4_1.gguf", "Q4_1"],
    ["gemma-3-270m-q4_k_m.gguf", "Q4_K_M"],
    ["model-IQ3_XXS.gguf", "IQ3_XXS"],
    ["llama-f16.gguf", "F16"],
    ["plain.gguf", undefined],
  ])("%s → %s", (file, expected) => {
    expect(quantizationFromFileName(file)).toBe(expected);
  });
});
