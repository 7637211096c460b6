import { open, readFile, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InvalidRequestError } from "../../core/errors.js";
import { denseModuleTensors, embeddingGemmaTensorName } from "./embeddinggemma-tensors.js";
import { gemmaVocabulary, vocabularyMetadata } from "./gemma-vocabulary.js";
import { toF32Bytes, toQ8Bytes } from "./ggml-quantize.js";
import {
  GgmlType,
  ggmlTensorBytes,
  writeGguf,
  type GgufTensor,
  type GgufValue,
  type WrittenGguf,
} from "./gguf-writer.js";
import {
  elementCount,
  readSafetensorsHeader,
  readTensorValues,
  type SafetensorsTensor,
} from "./safetensors.js";
import { readJsonFile } from "./read-json-file.js";
import { readSentencePieceModel } from "./sentencepiece-model.js";

/**
 * Convert EmbeddingGemma as sentence-transformers saves it (a folder with `config.json`,
 * `model.safetensors`, `tokenizer.model`, `tokenizer.json`, `tokenizer_config.json`,
 * `modules.json`, a mean-pooling module and two Dense projections) into one GGUF file for
 * llama.cpp's `gemma-embedding` architecture: matrices in Q8_0, norms in F32, with the tokenizer,
 * the pooling type and the projections, so llama.cpp returns the same sentence embedding as
 * sentence-transformers. Pure TypeScript; deterministic (same files, same bytes).
 */
export interface EmbeddingGemmaConversionOptions {
  /** The sentence-transformers folder. */
  folder: string;
  output: string;
  /** `general.name` in the GGUF. */
  name: string;
  onProgress?: (bytesWritten: number, totalBytes: number) => void;
  signal?: AbortSignal;
}

const architecture = "gemma-embedding";
/** `enum llama_ftype`: LLAMA_FTYPE_MOSTLY_Q8_0. */
const fileTypeQ8 = 7;
/** `enum llama_pooling_type`. */
const poolingTypes = { mean: 1, cls: 2, last: 3 } as const;
/** Values read per step of a large tensor (16 MB of float32). */
const valuesPerStep = 4 * 1024 * 1024;

const configSchema = z.object({
  architectures: z.array(z.string()),
  hidden_size: z.number().int().positive(),
  intermediate_size: z.number().int().positive(),
  num_hidden_layers: z.number().int().positive(),
  num_attention_heads: z.number().int().positive(),
  num_key_value_heads: z.number().int().positive(),
  head_dim: z.number().int().positive(),
  max_position_embeddings: z.number().int().positive(),
  rms_norm_eps: z.number().positive(),
  rope_theta: z.number().positive(),
  rope_local_base_freq: z.number().positive(),
  sliding_window: z.number().int().positive(),
  vocab_size: z.number().int().positive(),
});
const modulesSchema = z.array(z.object({ path: z.string(), type: z.string() }));
const poolingSchema = z.object({
  pooling_mode_mean_tokens: z.boolean().optional(),
  pooling_mode_cls_token: z.boolean().optional(),
  pooling_mode_lasttoken: z.boolean().optional(),
});
const denseSchema = z.object({
  in_features: z.number().int().positive(),
  out_features: z.number().int().positive(),
  bias: z.boolean().optional(),
});

interface SourceTensor {
  /** The open safetensors file it lives in. */
  file: FileHandle;
  tensor: SafetensorsTensor;
  name: string;
  addOne: boolean;
}

export async function convertEmbeddingGemma(
  options: EmbeddingGemmaConversionOptions,
): Promise<WrittenGguf> {
  const { folder } = options;
  const config = await readJsonFile(folder, "config.json", configSchema);
  if (!config.architectures.includes("Gemma3TextModel")) {
    throw new InvalidRequestError(
      `${join(folder, "config.json")} is a ${config.architectures.join(", ")}, not an EmbeddingGemma (Gemma3TextModel).`,
    );
  }
  const modules = await readJsonFile(folder, "modules.json", modulesSchema);
  const pooling = await poolingType(folder, modules);
  const denseFolders = modules
    .filter((module) => module.type.endsWith("Dense"))
    .map((module) => module.path);

  const vocabulary = gemmaVocabulary({
    pieces: readSentencePieceModel(
      await readFile(join(folder, "tokenizer.model")),
      join(folder, "tokenizer.model"),
    ),
    tokenizerConfig: await readJsonFile(folder, "tokenizer_config.json", z.unknown()),
    tokenizer: await readJsonFile(folder, "tokenizer.json", z.unknown()),
    vocabularySize: config.vocab_size,
  });

  const files: FileHandle[] = [];
  try {
    const sources: SourceTensor[] = [];
    const mainPath = join(folder, "model.safetensors");
    const main = await open(mainPath, "r");
    files.push(main);
    for (const tensor of (await readSafetensorsHeader(mainPath)).tensors.values()) {
      const mapped = embeddingGemmaTensorName(tensor.name);
      if (mapped === undefined) {
        throw new InvalidRequestError(
          `${mainPath} holds ${tensor.name}, which the EmbeddingGemma conversion does not know.`,
        );
      }
      sources.push({ file: main, tensor, ...mapped });
    }
    const denseMetadata: [string, GgufValue][] = [];
    for (const path of denseFolders) {
      const ggufName = denseModuleTensors[path];
      if (ggufName === undefined) {
        throw new InvalidRequestError(
          `modules.json names a Dense module in ${path}; expected 2_Dense and 3_Dense.`,
        );
      }
      const dense = await readJsonFile(folder, join(path, "config.json"), denseSchema);
      if (dense.bias === true) {
        throw new InvalidRequestError(
          `${path} has a bias, which llama.cpp's projection does not apply.`,
        );
      }
      const prefix = ggufName.replace(/\.weight$/, "");
      denseMetadata.push(
        [`${architecture}.${prefix}_feat_in`, { type: "uint32", value: dense.in_features }],
        [`${architecture}.${prefix}_feat_out`, { type: "uint32", value: dense.out_features }],
      );
      const densePath = join(folder, path, "model.safetensors");
      const file = await open(densePath, "r");
      files.push(file);
      const weight = (await readSafetensorsHeader(densePath)).tensors.get("linear.weight");
      if (weight === undefined) throw new InvalidRequestError(`${densePath} has no linear.weight.`);
      sources.push({ file, tensor: weight, name: ggufName, addOne: false });
    }

    const tensors = sources.map((source) => toGgufTensor(source, options.signal));
    const metadata: [string, GgufValue][] = [
      ["general.architecture", { type: "string", value: architecture }],
      ["general.name", { type: "string", value: options.name }],
      ["general.file_type", { type: "uint32", value: fileTypeQ8 }],
      ["general.quantization_version", { type: "uint32", value: 2 }],
      [`${architecture}.context_length`, { type: "uint32", value: config.max_position_embeddings }],
      [`${architecture}.embedding_length`, { type: "uint32", value: config.hidden_size }],
      [`${architecture}.block_count`, { type: "uint32", value: config.num_hidden_layers }],
      [`${architecture}.feed_forward_length`, { type: "uint32", value: config.intermediate_size }],
      [
        `${architecture}.attention.head_count`,
        { type: "uint32", value: config.num_attention_heads },
      ],
      [
        `${architecture}.attention.head_count_kv`,
        { type: "uint32", value: config.num_key_value_heads },
      ],
      [`${architecture}.attention.key_length`, { type: "uint32", value: config.head_dim }],
      [`${architecture}.attention.value_length`, { type: "uint32", value: config.head_dim }],
      [
        `${architecture}.attention.layer_norm_rms_epsilon`,
        { type: "float32", value: config.rms_norm_eps },
      ],
      [
        `${architecture}.attention.sliding_window`,
        { type: "uint32", value: config.sliding_window },
      ],
      [`${architecture}.rope.freq_base`, { type: "float32", value: config.rope_theta }],
      [
        `${architecture}.rope.freq_base_swa`,
        { type: "float32", value: config.rope_local_base_freq },
      ],
      [`${architecture}.pooling_type`, { type: "uint32", value: pooling }],
      ...denseMetadata,
      ...vocabularyMetadata(vocabulary),
    ];
    const total = tensors.reduce(
      (sum, tensor) => sum + ggmlTensorBytes(tensor.dims, tensor.type),
      0,
    );
    return await writeGguf(
      options.output,
      { metadata, tensors },
      options.onProgress === undefined
        ? undefined
        : (written) => options.onProgress?.(written, total),
    );
  } finally {
    for (const file of files) await file.close();
  }
}

/** Matrices (rows of a multiple of 32 values) become Q8_0; vectors stay F32. */
function toGgufTensor(source: SourceTensor, signal: AbortSignal | undefined): GgufTensor {
  const { tensor } = source;
  const dims = [...tensor.shape].reverse();
  const rowLength = dims[0] ?? 1;
  const quantize = dims.length >= 2 && rowLength % 32 === 0;
  const total = elementCount(tensor);
  const step = Math.max(rowLength, Math.floor(valuesPerStep / rowLength) * rowLength);
  return {
    name: source.name,
    dims,
    type: quantize ? GgmlType.Q8_0 : GgmlType.F32,
    write: async (emit) => {
      for (let first = 0; first < total; first += step) {
        signal?.throwIfAborted();
        const values = await readTensorValues(
          source.file,
          tensor,
          first,
          Math.min(step, total - first),
        );
        if (source.addOne) {
          for (let index = 0; index < values.length; index += 1) {
            values[index] = (values[index] ?? 0) + 1;
          }
        }
        await emit(quantize ? toQ8Bytes(values) : toF32Bytes(values));
      }
    },
  };
}

async function poolingType(
  folder: string,
  modules: z.infer<typeof modulesSchema>,
): Promise<number> {
  const module = modules.find((candidate) => candidate.type.endsWith("Pooling"));
  if (module === undefined) {
    throw new InvalidRequestError(`${join(folder, "modules.json")} names no pooling module.`);
  }
  const pooling = await readJsonFile(folder, join(module.path, "config.json"), poolingSchema);
  if (pooling.pooling_mode_mean_tokens === true) return poolingTypes.mean;
  if (pooling.pooling_mode_cls_token === true) return poolingTypes.cls;
  if (pooling.pooling_mode_lasttoken === true) return poolingTypes.last;
  throw new InvalidRequestError(
    `${module.path}/config.json: only mean, CLS and last-token pooling convert.`,
  );
}
