import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { beforeEach, describe, expect, it } from "vitest";
import { safetensorsBytes, type TestTensor } from "../../../test/support/safetensors-bytes.js";
import { sha256File } from "../sha256-file.js";
import { halfBitsToFloat } from "./ggml-quantize.js";
import { GgmlType } from "./gguf-writer.js";
import { convertLoraAdapter, interleaveHeadRows } from "./lora-adapter-conversion.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-lora-conversion-"));
  return () => rm(directory, { recursive: true, force: true });
});

/** A width-8 llama with 2 query heads (4 values each) and 1 key/value head; rank 2. */
const base = { architecture: "llama", headCount: 2, headCountKv: 1 };
const rank = 2;
const width = 8;
const prefix = "base_model.model.model.layers";

/** Row r of a matrix holds r * 10 + column, so a moved row is recognised by its values. */
function numbered(rows: number, columns: number): TestTensor {
  return {
    shape: [rows, columns],
    values: Array.from(
      { length: rows * columns },
      (_, index) => Math.floor(index / columns) * 10 + (index % columns),
    ),
  };
}

const config = {
  peft_type: "LORA",
  r: rank,
  lora_alpha: 16,
  use_rslora: false,
  use_dora: false,
  fan_in_fan_out: false,
  modules_to_save: null,
  target_modules: ["q_proj", "k_proj", "v_proj"],
};

async function adapterFolder(
  tensors: Record<string, TestTensor>,
  adapterConfig: Record<string, unknown> = config,
): Promise<string> {
  const folder = join(directory, "adapter");
  await rm(folder, { recursive: true, force: true });
  await mkdir(folder);
  await writeFile(join(folder, "adapter_config.json"), JSON.stringify(adapterConfig));
  await writeFile(join(folder, "adapter_model.safetensors"), safetensorsBytes(tensors));
  return folder;
}

function llamaAdapterTensors(layers: number[]): Record<string, TestTensor> {
  const tensors: Record<string, TestTensor> = {};
  for (const layer of layers) {
    tensors[`${prefix}.${layer}.self_attn.v_proj.lora_A.weight`] = numbered(rank, width);
    tensors[`${prefix}.${layer}.self_attn.v_proj.lora_B.weight`] = numbered(4, rank);
    tensors[`${prefix}.${layer}.self_attn.q_proj.lora_A.weight`] = numbered(rank, width);
    tensors[`${prefix}.${layer}.self_attn.q_proj.lora_B.weight`] = numbered(8, rank);
    tensors[`${prefix}.${layer}.self_attn.k_proj.lora_A.weight`] = numbered(rank, width);
    tensors[`${prefix}.${layer}.self_attn.k_proj.lora_B.weight`] = numbered(4, rank);
  }
  return tensors;
}

describe("convertLoraAdapter", () => {
  it("writes llama.cpp's LoRA GGUF: adapter metadata, blk.N names, A and B shapes, query and key rows interleaved per head", async () => {
    const folder = await adapterFolder(llamaAdapterTensors([1, 0]));
    const output = join(directory, "adapter.gguf");
    const converted = await convertLoraAdapter({
      folder,
      output,
      base,
      name: "clinic",
      tensorType: "f32",
    });
    expect(converted).toMatchObject({ rank: 2, alpha: 16, matrixCount: 6 });
    expect(converted.sha256).toBe(await sha256File(output));

    const info = await readGgufFileInfo(output, { readTensorInfo: true, logWarnings: false });
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(metadata["general"]).toMatchObject({
      architecture: "llama",
      type: "adapter",
      name: "clinic",
    });
    expect(metadata["adapter"]).toMatchObject({ type: "lora", lora: { alpha: 16 } });
    const tensors = info.fullTensorInfo ?? [];
    expect(tensors.map((tensor) => [tensor.name, tensor.dimensions.map(Number)])).toEqual([
      ["blk.0.attn_k.weight.lora_a", [8, 2]],
      ["blk.0.attn_k.weight.lora_b", [2, 4]],
      ["blk.0.attn_q.weight.lora_a", [8, 2]],
      ["blk.0.attn_q.weight.lora_b", [2, 8]],
      ["blk.0.attn_v.weight.lora_a", [8, 2]],
      ["blk.0.attn_v.weight.lora_b", [2, 4]],
      ["blk.1.attn_k.weight.lora_a", [8, 2]],
      ["blk.1.attn_k.weight.lora_b", [2, 4]],
      ["blk.1.attn_q.weight.lora_a", [8, 2]],
      ["blk.1.attn_q.weight.lora_b", [2, 8]],
      ["blk.1.attn_v.weight.lora_a", [8, 2]],
      ["blk.1.attn_v.weight.lora_b", [2, 4]],
    ]);
    expect(new Set(tensors.map((tensor) => tensor.ggmlType))).toEqual(new Set([GgmlType.F32]));

    const bytes = await readFile(output);
    const firstColumn = (name: string, rows: number): number[] => {
      const tensor = tensors.find((candidate) => candidate.name === name);
      const start = Number(tensor?.fileOffset);
      return Array.from({ length: rows }, (_, row) => bytes.readFloatLE(start + row * rank * 4));
    };
    // Query: 2 heads of 4 rows, each head's halves [0 1 | 2 3] interleaved to 0 2 1 3.
    expect(firstColumn("blk.0.attn_q.weight.lora_b", 8)).toEqual([0, 20, 10, 30, 40, 60, 50, 70]);
    // Key: 1 head of 4 rows.
    expect(firstColumn("blk.1.attn_k.weight.lora_b", 4)).toEqual([0, 20, 10, 30]);
    // Value and the A matrices are as trained.
    expect(firstColumn("blk.0.attn_v.weight.lora_b", 4)).toEqual([0, 10, 20, 30]);
    const a = tensors.find((tensor) => tensor.name === "blk.0.attn_q.weight.lora_a");
    expect(bytes.readFloatLE(Number(a?.fileOffset) + width * 4)).toBe(10);
  });

  it("writes F16 matrices by default, the same bytes every time", async () => {
    const folder = await adapterFolder(llamaAdapterTensors([0]));
    const first = await convertLoraAdapter({
      folder,
      output: join(directory, "a.gguf"),
      base,
      name: "x",
    });
    const second = await convertLoraAdapter({
      folder,
      output: join(directory, "b.gguf"),
      base,
      name: "x",
    });
    expect(second.sha256).toBe(first.sha256);
    const info = await readGgufFileInfo(join(directory, "a.gguf"), {
      readTensorInfo: true,
      logWarnings: false,
    });
    const tensor = info.fullTensorInfo?.find(
      (candidate) => candidate.name === "blk.0.attn_v.weight.lora_b",
    );
    expect(tensor?.ggmlType).toBe(GgmlType.F16);
    const bytes = await readFile(join(directory, "a.gguf"));
    expect(halfBitsToFloat(bytes.readUInt16LE(Number(tensor?.fileOffset) + 3 * rank * 2))).toBe(30);
  });

  it("refuses what llama.cpp could not apply, naming it", async () => {
    const output = join(directory, "out.gguf");
    const tensors = llamaAdapterTensors([0]);
    await expect(
      convertLoraAdapter({
        folder: await adapterFolder(tensors),
        output,
        base: { ...base, architecture: "gemma3" },
        name: "x",
      }),
    ).rejects.toThrow(
      /gemma3 model; LoRA adapters are converted for llama-architecture models only/,
    );
    await expect(
      convertLoraAdapter({
        folder: await adapterFolder(tensors, { ...config, use_dora: true }),
        output,
        base,
        name: "x",
      }),
    ).rejects.toThrow(/sets use_dora, which a llama.cpp LoRA adapter cannot hold/);
    await expect(
      convertLoraAdapter({
        folder: await adapterFolder({
          ...tensors,
          "base_model.model.lm_head.lora_A.weight": numbered(rank, width),
        }),
        output,
        base,
        name: "x",
      }),
    ).rejects.toThrow(
      /holds base_model\.model\.lm_head\.lora_A\.weight, which is not a LoRA matrix/,
    );
    const withoutOneHalf = Object.fromEntries(
      Object.entries(tensors).filter(
        ([name]) => !name.endsWith("0.self_attn.v_proj.lora_B.weight"),
      ),
    );
    await expect(
      convertLoraAdapter({ folder: await adapterFolder(withoutOneHalf), output, base, name: "x" }),
    ).rejects.toThrow(/only one of the two LoRA matrices of layer 0\.self_attn\.v_proj/);
    await expect(
      convertLoraAdapter({
        folder: await adapterFolder(tensors, { r: 2 }),
        output,
        base,
        name: "x",
      }),
    ).rejects.toThrow(/is not a PEFT LoRA configuration/);
  });
});

describe("interleaveHeadRows", () => {
  it("is llama.cpp's permutation: per head, row i of the first half then row i of the second", () => {
    const values = Float32Array.from({ length: 12 }, (_, index) => index);
    // 12 rows of one column, 2 heads of 6: [0 1 2 | 3 4 5] [6 7 8 | 9 10 11].
    expect([...interleaveHeadRows(values, [12, 1], 2)]).toEqual([
      0, 3, 1, 4, 2, 5, 6, 9, 7, 10, 8, 11,
    ]);
    expect(() => interleaveHeadRows(values, [12, 1], 4)).toThrow(/cannot be split into 4 heads/);
  });
});
