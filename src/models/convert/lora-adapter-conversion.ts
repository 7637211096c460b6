import { open, type FileHandle } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InvalidRequestError } from "../../core/errors.js";
import { toF16Bytes, toF32Bytes } from "./ggml-quantize.js";
import {
  GgmlType,
  writeGguf,
  type GgufTensor,
  type GgufValue,
  type WrittenGguf,
} from "./gguf-writer.js";
import { readJsonFile } from "./read-json-file.js";
import { readSafetensorsHeader, readTensorValues, type SafetensorsTensor } from "./safetensors.js";

/**
 * Convert a LoRA adapter as PEFT saves it (a folder with `adapter_config.json` and
 * `adapter_model.safetensors`) for a llama-architecture model into the GGUF adapter llama.cpp
 * loads beside its base model (`general.type = adapter`, `adapter.type = lora`,
 * `adapter.lora.alpha`, one `blk.N.<tensor>.weight.lora_a` / `.lora_b` pair per adapted matrix),
 * as llama.cpp's convert_lora_to_gguf.py writes it. llama.cpp stores the query and key matrices
 * of llama models with the rows of each head interleaved (its converter permutes them from the
 * Hugging Face layout), so the same permutation is applied to those matrices' B; A, which acts on
 * the input side, is unchanged. Pure TypeScript; deterministic (same files, same bytes).
 */
export interface LoraConversionOptions {
  /** The PEFT adapter folder. */
  folder: string;
  output: string;
  /** The base model's shape, from its GGUF header. */
  base: LoraBaseModel;
  /** `general.name` in the GGUF. */
  name: string;
  /** Tensor type of the matrices; F16 (default) halves the file and is what llama.cpp computes in. */
  tensorType?: "f16" | "f32";
}

export interface LoraBaseModel {
  /** `general.architecture`; llama.cpp refuses an adapter whose architecture is not its model's. */
  architecture: string;
  headCount: number;
  headCountKv: number;
}

export interface ConvertedLoraAdapter extends WrittenGguf {
  rank: number;
  alpha: number;
  /** Adapted matrices (each a lora_a and lora_b tensor). */
  matrixCount: number;
}

/** Hugging Face llama module names and llama.cpp's tensor names for them. */
const llamaTensorNames: Record<string, string> = {
  "self_attn.q_proj": "attn_q",
  "self_attn.k_proj": "attn_k",
  "self_attn.v_proj": "attn_v",
  "self_attn.o_proj": "attn_output",
  "mlp.gate_proj": "ffn_gate",
  "mlp.up_proj": "ffn_up",
  "mlp.down_proj": "ffn_down",
};

const peftTensorName =
  /^base_model\.model\.model\.layers\.(\d+)\.((?:self_attn|mlp)\.[a-z_]+)\.lora_(A|B)\.weight$/;

const adapterConfigSchema = z.object({
  peft_type: z.literal("LORA"),
  r: z.number().int().positive(),
  lora_alpha: z.number().positive(),
  use_rslora: z.boolean().optional(),
  use_dora: z.boolean().optional(),
  fan_in_fan_out: z.boolean().optional(),
  modules_to_save: z.array(z.string()).nullable().optional(),
});

interface AdaptedMatrix {
  layer: number;
  /** llama.cpp's name without `.weight`, e.g. `blk.3.attn_q`. */
  name: string;
  /** Heads whose rows llama.cpp interleaves (query and key matrices), else undefined. */
  permuteHeads: number | undefined;
  a: SafetensorsTensor;
  b: SafetensorsTensor;
}

export async function convertLoraAdapter(
  options: LoraConversionOptions,
): Promise<ConvertedLoraAdapter> {
  if (options.base.architecture !== "llama") {
    throw new InvalidRequestError(
      `The base model is a ${options.base.architecture} model; LoRA adapters are converted for llama-architecture models only (SmolLM2, Llama).`,
    );
  }
  const config = await readAdapterConfig(options.folder);
  const weightsPath = join(options.folder, "adapter_model.safetensors");
  const header = await readSafetensorsHeader(weightsPath);
  const matrices = pairMatrices([...header.tensors.values()], options.base, weightsPath);
  const type = options.tensorType === "f32" ? GgmlType.F32 : GgmlType.F16;
  const toBytes = type === GgmlType.F32 ? toF32Bytes : toF16Bytes;
  const handle = await open(weightsPath, "r");
  try {
    const tensors: GgufTensor[] = matrices.flatMap((matrix) => [
      {
        name: `${matrix.name}.weight.lora_a`,
        dims: [...matrix.a.shape].reverse(),
        type,
        write: async (emit) => emit(toBytes(await readAll(handle, matrix.a))),
      },
      {
        name: `${matrix.name}.weight.lora_b`,
        dims: [...matrix.b.shape].reverse(),
        type,
        write: async (emit) => {
          const values = await readAll(handle, matrix.b);
          await emit(
            toBytes(
              matrix.permuteHeads === undefined
                ? values
                : interleaveHeadRows(values, matrix.b.shape, matrix.permuteHeads),
            ),
          );
        },
      },
    ]);
    const written = await writeGguf(options.output, {
      metadata: loraAdapterMetadata(options.base.architecture, options.name, config.lora_alpha),
      tensors,
    });
    return { ...written, rank: config.r, alpha: config.lora_alpha, matrixCount: matrices.length };
  } finally {
    await handle.close();
  }
}

/**
 * The header that makes a GGUF file a LoRA adapter for llama.cpp (what convert_lora_to_gguf.py
 * writes, and what readLoraAdapter checks): its base's architecture, its name and alpha.
 */
export function loraAdapterMetadata(
  architecture: string,
  name: string,
  alpha: number,
): [string, GgufValue][] {
  return [
    ["general.architecture", { type: "string", value: architecture }],
    ["general.type", { type: "string", value: "adapter" }],
    ["general.name", { type: "string", value: name }],
    ["adapter.type", { type: "string", value: "lora" }],
    ["adapter.lora.alpha", { type: "float32", value: alpha }],
  ];
}

async function readAdapterConfig(folder: string): Promise<z.infer<typeof adapterConfigSchema>> {
  const config = await readJsonFile(
    folder,
    "adapter_config.json",
    adapterConfigSchema,
    "a PEFT LoRA configuration",
  );
  const path = join(folder, "adapter_config.json");
  // llama.cpp scales an adapter by alpha / rank; these variants need another scale or more tensors.
  const unsupported = [
    config.use_rslora === true ? "use_rslora" : undefined,
    config.use_dora === true ? "use_dora" : undefined,
    config.fan_in_fan_out === true ? "fan_in_fan_out" : undefined,
    (config.modules_to_save?.length ?? 0) > 0 ? "modules_to_save" : undefined,
  ].filter((name) => name !== undefined);
  if (unsupported.length > 0) {
    throw new InvalidRequestError(
      `${path} sets ${unsupported.join(", ")}, which a llama.cpp LoRA adapter cannot hold: train a plain LoRA (rank and alpha only).`,
    );
  }
  return config;
}

function pairMatrices(
  tensors: SafetensorsTensor[],
  base: LoraBaseModel,
  path: string,
): AdaptedMatrix[] {
  const halves = new Map<
    string,
    { layer: number; module: string; a?: SafetensorsTensor; b?: SafetensorsTensor }
  >();
  for (const tensor of tensors) {
    const match = peftTensorName.exec(tensor.name);
    const module = match?.[2];
    if (match === null || module === undefined || llamaTensorNames[module] === undefined) {
      throw new InvalidRequestError(
        `${path} holds ${tensor.name}, which is not a LoRA matrix of a llama attention or feed-forward projection (q/k/v/o_proj, gate/up/down_proj).`,
      );
    }
    const layer = Number(match[1]);
    const key = `${layer}.${module}`;
    const entry = halves.get(key) ?? { layer, module };
    if (tensor.shape.length !== 2) {
      throw new InvalidRequestError(
        `${path}: ${tensor.name} has shape ${JSON.stringify(tensor.shape)}, not a matrix.`,
      );
    }
    if (match[3] === "A") entry.a = tensor;
    else entry.b = tensor;
    halves.set(key, entry);
  }
  if (halves.size === 0) throw new InvalidRequestError(`${path} holds no LoRA matrix.`);
  const matrices: AdaptedMatrix[] = [];
  for (const [key, { layer, module, a, b }] of halves) {
    if (a === undefined || b === undefined) {
      throw new InvalidRequestError(
        `${path} has only one of the two LoRA matrices of layer ${key}.`,
      );
    }
    if (a.shape[0] !== b.shape[1]) {
      throw new InvalidRequestError(
        `${path}: the LoRA matrices of layer ${key} do not share a rank (A ${JSON.stringify(a.shape)}, B ${JSON.stringify(b.shape)}).`,
      );
    }
    const heads =
      module === "self_attn.q_proj"
        ? base.headCount
        : module === "self_attn.k_proj"
          ? base.headCountKv
          : undefined;
    matrices.push({
      layer,
      name: `blk.${layer}.${llamaTensorNames[module] ?? module}`,
      permuteHeads: heads,
      a,
      b,
    });
  }
  return matrices.sort(
    (left, right) => left.layer - right.layer || left.name.localeCompare(right.name),
  );
}

async function readAll(handle: FileHandle, tensor: SafetensorsTensor): Promise<Float32Array> {
  const count = tensor.shape.reduce((product, dimension) => product * dimension, 1);
  // A view may share its buffer with the read; the conversion below and the writer only read it.
  return readTensorValues(handle, tensor, 0, count);
}

/**
 * The rows of a query or key matrix in llama.cpp's order: within each head, the Hugging Face
 * layout has the first halves of the rotary pairs, then the second halves; llama.cpp interleaves
 * them (convert_hf_to_gguf.py's LlamaModel.permute: reshape(heads, 2, rows / heads / 2, …),
 * swap axes 1 and 2, reshape back).
 */
export function interleaveHeadRows(
  values: Float32Array,
  shape: readonly number[],
  heads: number,
): Float32Array {
  const [rows = 0, columns = 0] = shape;
  if (rows % (2 * heads) !== 0) {
    throw new InvalidRequestError(
      `A query or key matrix of ${rows} rows cannot be split into ${heads} heads of rotary pairs.`,
    );
  }
  const half = rows / heads / 2;
  const out = new Float32Array(values.length);
  for (let head = 0; head < heads; head += 1) {
    for (let index = 0; index < half; index += 1) {
      for (let pair = 0; pair < 2; pair += 1) {
        const from = head * 2 * half + pair * half + index;
        const to = head * 2 * half + index * 2 + pair;
        out.set(values.subarray(from * columns, (from + 1) * columns), to * columns);
      }
    }
  }
  return out;
}
