import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { beforeEach, describe, expect, it } from "vitest";
import { safetensorsBytes } from "../../../test/support/safetensors-bytes.js";
import {
  tinyDense,
  tinyWidth,
  writeTinyEmbeddingGemma,
} from "../../../test/support/tiny-embeddinggemma.js";
import { convertEmbeddingGemma } from "./embeddinggemma-conversion.js";
import { GgmlType } from "./gguf-writer.js";

let directory: string;
let folder: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-convert-"));
  folder = join(directory, "model");
  await writeTinyEmbeddingGemma(folder);
  return () => rm(directory, { recursive: true, force: true });
});

const convert = (output: string) =>
  convertEmbeddingGemma({ folder, output: join(directory, output), name: "Tiny EmbeddingGemma" });

describe("convertEmbeddingGemma", () => {
  it("writes llama.cpp's gemma-embedding GGUF: hyper-parameters, pooling, projections and tokenizer", async () => {
    await convert("tiny.gguf");
    const info = await readGgufFileInfo(join(directory, "tiny.gguf"), {
      readTensorInfo: true,
      logWarnings: false,
    });
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(metadata["general"]).toMatchObject({
      architecture: "gemma-embedding",
      name: "Tiny EmbeddingGemma",
      file_type: 7,
    });
    expect(metadata["gemma-embedding"]).toMatchObject({
      context_length: 128,
      embedding_length: tinyWidth,
      block_count: 1,
      feed_forward_length: 64,
      attention: {
        head_count: 1,
        head_count_kv: 1,
        key_length: 32,
        value_length: 32,
        sliding_window: 64,
      },
      rope: { freq_base: 1_000_000, freq_base_swa: 10_000 },
      pooling_type: 1,
      dense_2_feat_in: tinyWidth,
      dense_2_feat_out: tinyDense,
      dense_3_feat_in: tinyDense,
      dense_3_feat_out: tinyWidth,
    });
    const tokenizer = (metadata["tokenizer"] as { ggml: Record<string, unknown> }).ggml;
    expect(tokenizer).toMatchObject({
      model: "llama",
      pre: "default",
      bos_token_id: 2,
      eos_token_id: 1,
      unknown_token_id: 3,
      padding_token_id: 0,
      add_bos_token: true,
      add_eos_token: true,
      add_space_prefix: false,
    });
    const first = (key: string) => (tokenizer[key] as unknown[]).slice(0, 9);
    // Token 6 became a user-defined added token (its ▁ read as spaces), 7 a control one; the
    // added token numbered past the vocabulary is left out.
    expect(first("tokens")).toEqual([
      "<pad>",
      "<eos>",
      "<bos>",
      "<unk>",
      "▁hola",
      "▁mundo",
      " hola amigo",
      "<start_of_turn>",
      "<0x00>",
    ]);
    expect(first("scores")).toEqual([0, 0, 0, 0, -1, -2, -1000, -1000, 0]);
    expect(first("token_type")).toEqual([3, 3, 3, 2, 1, 1, 4, 3, 6]);
    expect(tokenizer["tokens"]).toHaveLength(264);
    const tensors = new Map(
      (info.fullTensorInfo ?? []).map((tensor) => [
        tensor.name,
        {
          dims: tensor.dimensions.map(Number),
          type: tensor.ggmlType,
          offset: Number(tensor.fileOffset),
        },
      ]),
    );
    expect(tensors.size).toBe(17);
    expect(tensors.get("token_embd.weight")).toMatchObject({
      dims: [32, 264],
      type: GgmlType.Q8_0,
    });
    expect(tensors.get("blk.0.ffn_down.weight")).toMatchObject({
      dims: [64, 32],
      type: GgmlType.Q8_0,
    });
    expect(tensors.get("blk.0.attn_q_norm.weight")).toMatchObject({
      dims: [32],
      type: GgmlType.F32,
    });
    expect(tensors.get("dense_2.weight")).toMatchObject({ dims: [32, 64], type: GgmlType.Q8_0 });
    expect(tensors.get("dense_3.weight")).toMatchObject({ dims: [64, 32], type: GgmlType.Q8_0 });

    // Gemma's norms multiply by (1 + weight): the file stores weight + 1.
    const bytes = await readFile(join(directory, "tiny.gguf"));
    const outputNorm = tensors.get("output_norm.weight")?.offset ?? 0;
    expect(bytes.readFloatLE(outputNorm)).toBeCloseTo(1 + Math.sin(17 * 7.1) / 2, 6);
  });

  it("is deterministic: converting twice gives the same bytes", async () => {
    const first = await convert("a.gguf");
    const second = await convert("b.gguf");
    expect(second.sha256).toBe(first.sha256);
    expect(
      (await readFile(join(directory, "a.gguf"))).equals(await readFile(join(directory, "b.gguf"))),
    ).toBe(true);
  });

  it("refuses another architecture, and a tensor it does not know, saying which", async () => {
    const config = JSON.parse(await readFile(join(folder, "config.json"), "utf8")) as Record<
      string,
      unknown
    >;
    await writeFile(
      join(folder, "config.json"),
      JSON.stringify({ ...config, architectures: ["LlamaForCausalLM"] }),
    );
    await expect(convert("x.gguf")).rejects.toThrow(/is a LlamaForCausalLM, not an EmbeddingGemma/);

    await writeFile(join(folder, "config.json"), JSON.stringify(config));
    await writeFile(
      join(folder, "model.safetensors"),
      safetensorsBytes({ "lm_head.weight": { shape: [2, 2], values: [1, 2, 3, 4] } }),
    );
    await expect(convert("y.gguf")).rejects.toThrow(
      /holds lm_head.weight, which the EmbeddingGemma conversion does not know/,
    );
  });
});
