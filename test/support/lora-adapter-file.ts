import { toF32Bytes } from "../../src/models/convert/ggml-quantize.js";
import { GgmlType, writeGguf, type WrittenGguf } from "../../src/models/convert/gguf-writer.js";
import { loraAdapterMetadata } from "../../src/models/convert/lora-adapter-conversion.js";

/** One adapted matrix: llama.cpp's tensor name and the base matrix's size (input, output). */
export interface AdaptedMatrix {
  /** e.g. `blk.0.attn_output` (the adapter's tensors are `<name>.weight.lora_a` / `lora_b`). */
  name: string;
  inputs: number;
  outputs: number;
}

export interface LoraAdapterFileOptions {
  /** `general.architecture`: the base model's (SmolLM2 is `llama`). */
  architecture: string;
  matrices: readonly AdaptedMatrix[];
  rank: number;
  alpha: number;
  /** Each value of A and B, given its tensor's name and index. */
  value: (tensor: string, index: number) => number;
  name?: string;
}

/**
 * Write a LoRA adapter in llama.cpp's GGUF format (what convert_lora_to_gguf.py writes):
 * `general.type = adapter`, `adapter.type = lora`, `adapter.lora.alpha`, and for each adapted
 * matrix W (ggml dims [inputs, outputs]) A with dims [inputs, rank] and B with [rank, outputs],
 * in F32, so that W' = W + (alpha / rank) · B·A.
 */
export function writeLoraAdapterFile(
  path: string,
  options: LoraAdapterFileOptions,
): Promise<WrittenGguf> {
  const tensors = options.matrices.flatMap((matrix) =>
    (
      [
        ["lora_a", [matrix.inputs, options.rank]],
        ["lora_b", [options.rank, matrix.outputs]],
      ] as const
    ).map(([part, dims]) => {
      const name = `${matrix.name}.weight.${part}`;
      return {
        name,
        dims,
        type: GgmlType.F32,
        write: async (emit: (bytes: Uint8Array) => Promise<void>) => {
          const values = new Float32Array(dims[0] * dims[1]);
          for (let index = 0; index < values.length; index++) {
            values[index] = options.value(name, index);
          }
          await emit(toF32Bytes(values));
        },
      };
    }),
  );
  return writeGguf(path, {
    metadata: loraAdapterMetadata(
      options.architecture,
      options.name ?? "test adapter",
      options.alpha,
    ),
    tensors,
  });
}

/** SmolLM2-135M's attention output matrices (576 × 576) in its 30 layers. */
export const smollm2AttentionOutputs: readonly AdaptedMatrix[] = Array.from(
  { length: 30 },
  (_, layer) => ({ name: `blk.${layer}.attn_output`, inputs: 576, outputs: 576 }),
);

/**
 * A deliberately broken adapter for SmolLM2-135M: large pseudo-random weights on every attention
 * output, so its answers are noise (the "deliberately worse candidate" of issue 25).
 */
export function writeBrokenSmollm2Adapter(path: string): Promise<WrittenGguf> {
  let state = 25;
  return writeLoraAdapterFile(path, {
    architecture: "llama",
    matrices: smollm2AttentionOutputs,
    rank: 8,
    alpha: 8,
    name: "broken smollm2 adapter",
    value: () => {
      // A small linear congruential generator: the same file every time.
      state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
      return (state / 2 ** 32 - 0.5) * 4;
    },
  });
}
