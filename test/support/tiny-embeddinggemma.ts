import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { safetensorsBytes, type TestTensor } from "./safetensors-bytes.js";

/**
 * A tiny EmbeddingGemma folder as sentence-transformers saves one (one layer, width 32, eight
 * tokens, both Dense projections, mean pooling), with deterministic made-up weights: what the
 * converter reads, small enough for the fast suite. Written for Colibrí's tests.
 */
export const tinyWidth = 32;
export const tinyFeedForward = 64;
export const tinyDense = 64;

/**
 * The vocabulary's pieces: [text, score, SentencePiece type]. llama.cpp's SentencePiece tokenizer
 * falls back to the 256 byte pieces for text outside the vocabulary, so they are all there.
 */
export const tinyPieces: [string, number, number][] = [
  ["<pad>", 0, 3],
  ["<eos>", 0, 3],
  ["<bos>", 0, 3],
  ["<unk>", 0, 2],
  ["\u2581hola", -1, 1],
  ["\u2581mundo", -2, 1],
  ["<unused0>", 0, 5],
  ["<unused1>", 0, 5],
  ...Array.from({ length: 256 }, (_, byte): [string, number, number] => [
    `<0x${byte.toString(16).toUpperCase().padStart(2, "0")}>`,
    0,
    6,
  ]),
];

export async function writeTinyEmbeddingGemma(folder: string): Promise<void> {
  await mkdir(join(folder, "1_Pooling"), { recursive: true });
  await mkdir(join(folder, "2_Dense"), { recursive: true });
  await mkdir(join(folder, "3_Dense"), { recursive: true });
  const json = (path: string, value: unknown) =>
    writeFile(join(folder, path), JSON.stringify(value, null, 2));
  await json("config.json", {
    architectures: ["Gemma3TextModel"],
    hidden_size: tinyWidth,
    intermediate_size: tinyFeedForward,
    num_hidden_layers: 1,
    num_attention_heads: 1,
    num_key_value_heads: 1,
    head_dim: tinyWidth,
    max_position_embeddings: 128,
    rms_norm_eps: 1e-6,
    rope_theta: 1_000_000,
    rope_local_base_freq: 10_000,
    sliding_window: 64,
    vocab_size: tinyPieces.length,
  });
  await json("modules.json", [
    { idx: 0, path: "", type: "sentence_transformers.models.Transformer" },
    { idx: 1, path: "1_Pooling", type: "sentence_transformers.models.Pooling" },
    { idx: 2, path: "2_Dense", type: "sentence_transformers.models.Dense" },
    { idx: 3, path: "3_Dense", type: "sentence_transformers.models.Dense" },
    { idx: 4, path: "4_Normalize", type: "sentence_transformers.models.Normalize" },
  ]);
  await json("1_Pooling/config.json", { pooling_mode_mean_tokens: true });
  await json("2_Dense/config.json", {
    in_features: tinyWidth,
    out_features: tinyDense,
    bias: false,
  });
  await json("3_Dense/config.json", {
    in_features: tinyDense,
    out_features: tinyWidth,
    bias: false,
  });
  await writeFile(
    join(folder, "2_Dense/model.safetensors"),
    safetensorsBytes({ "linear.weight": weights([tinyDense, tinyWidth], 11) }),
  );
  await writeFile(
    join(folder, "3_Dense/model.safetensors"),
    safetensorsBytes({ "linear.weight": weights([tinyWidth, tinyDense], 12) }),
  );
  const layer = (name: string) => `layers.0.${name}.weight`;
  await writeFile(
    join(folder, "model.safetensors"),
    safetensorsBytes({
      "embed_tokens.weight": weights([tinyPieces.length, tinyWidth], 1),
      [layer("input_layernorm")]: weights([tinyWidth], 2),
      [layer("mlp.down_proj")]: weights([tinyWidth, tinyFeedForward], 3),
      [layer("mlp.gate_proj")]: weights([tinyFeedForward, tinyWidth], 4),
      [layer("mlp.up_proj")]: weights([tinyFeedForward, tinyWidth], 5),
      [layer("post_attention_layernorm")]: weights([tinyWidth], 6),
      [layer("post_feedforward_layernorm")]: weights([tinyWidth], 7),
      [layer("pre_feedforward_layernorm")]: weights([tinyWidth], 8),
      [layer("self_attn.k_norm")]: weights([tinyWidth], 9),
      [layer("self_attn.k_proj")]: weights([tinyWidth, tinyWidth], 10),
      [layer("self_attn.o_proj")]: weights([tinyWidth, tinyWidth], 13),
      [layer("self_attn.q_norm")]: weights([tinyWidth], 14),
      [layer("self_attn.q_proj")]: weights([tinyWidth, tinyWidth], 15),
      [layer("self_attn.v_proj")]: weights([tinyWidth, tinyWidth], 16),
      "norm.weight": weights([tinyWidth], 17),
    }),
  );
  await writeFile(join(folder, "tokenizer.model"), sentencePieceModel(tinyPieces));
  await json("tokenizer_config.json", {
    bos_token: "<bos>",
    eos_token: "<eos>",
    unk_token: "<unk>",
    pad_token: "<pad>",
    added_tokens_decoder: {
      "6": { content: "\u2581hola\u2581amigo", special: false },
      "7": { content: "<start_of_turn>", special: true },
      "999": { content: "<image_soft_token>", special: true },
    },
  });
  await json("tokenizer.json", {
    post_processor: {
      type: "TemplateProcessing",
      single: [
        { SpecialToken: { id: "<bos>", type_id: 0 } },
        { Sequence: { id: "A", type_id: 0 } },
        { SpecialToken: { id: "<eos>", type_id: 0 } },
      ],
    },
  });
}

/** Made-up but deterministic values in (-0.5, 0.5). */
function weights(shape: number[], seed: number): TestTensor {
  const count = shape.reduce((product, dimension) => product * dimension, 1);
  return {
    shape,
    values: Array.from({ length: count }, (_, index) => Math.sin(seed * 7.1 + index * 0.37) / 2),
  };
}

/** A SentencePiece `ModelProto` with these pieces and a trainer_spec field the reader skips. */
export function sentencePieceModel(pieces: readonly [string, number, number][]): Buffer {
  const field = (tag: number, body: Buffer) =>
    Buffer.concat([Buffer.of(tag), varint(body.length), body]);
  const messages = pieces.map(([text, score, type]) => {
    const scoreBytes = Buffer.alloc(4);
    scoreBytes.writeFloatLE(score);
    return field(
      0x0a,
      Buffer.concat([
        field(0x0a, Buffer.from(text, "utf8")),
        Buffer.of(0x15),
        scoreBytes,
        Buffer.of(0x18, type),
      ]),
    );
  });
  return Buffer.concat([...messages, field(0x12, Buffer.from([0x08, 0x96, 0x01]))]);
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  let rest = value;
  while (rest >= 0x80) {
    bytes.push((rest & 0x7f) | 0x80);
    rest >>>= 7;
  }
  bytes.push(rest);
  return Buffer.from(bytes);
}
