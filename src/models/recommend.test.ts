import { describe, expect, it } from "vitest";
import { catalog, defaultModelName, findCatalogEntry } from "./catalog.js";
import { recommendModels } from "./recommend.js";

const gib = 1024 ** 3;
const reference = findCatalogEntry(defaultModelName);

function recommended(cores: number, freeGib: number): string | undefined {
  const machine = { cores, totalMemoryBytes: 64 * gib, freeMemoryBytes: freeGib * gib };
  return recommendModels(catalog, machine, reference).find((report) => report.recommended)?.entry
    .name;
}

describe("recommendModels", () => {
  it("recommends the default on a 2-core machine with RAM to spare, not a slower 3B model", () => {
    expect(recommended(2, 16)).toBe(defaultModelName);
  });

  it("recommends a 3B model strong in Spanish and Portuguese when cores and RAM allow", () => {
    const name = recommended(8, 16);
    expect(findCatalogEntry(name ?? "")?.parameterCount).toBeGreaterThan(3e9);
    expect(findCatalogEntry(name ?? "")?.languages.strong).toEqual(
      expect.arrayContaining(["es", "pt"]),
    );
  });

  it("falls back to the smallest chat model that fits when RAM is short", () => {
    // 2.2 GiB for the default does not fit in 75 % of 2 GiB; the 0.5B models (1.5 GiB) do.
    expect(recommended(2, 2)).toBe("smollm2-135m-instruct");
    expect(recommended(2, 0.1)).toBeUndefined();
  });

  it("estimates RAM from size and shape, and speed from file size relative to the default", () => {
    const machine = { cores: 2, totalMemoryBytes: 8 * gib, freeMemoryBytes: 8 * gib };
    const reports = recommendModels(catalog, machine, reference);
    const of = (name: string) => reports.find((report) => report.entry.name === name);
    expect(of(defaultModelName)?.relativeSpeed).toBe(1);
    expect(of("qwen2.5-coder-0.5b-instruct")?.relativeSpeed).toBeCloseTo(
      1_117_320_768 / 491_400_064,
    );
    expect(of(defaultModelName)?.ramBytes).toBeGreaterThan(1_117_320_768 + 100 * 1024 * 1024);
    expect(of(defaultModelName)?.ramIncludesKvCache).toBe(true);
  });
});
