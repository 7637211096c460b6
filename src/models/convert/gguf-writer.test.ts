import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readGgufFileInfo } from "node-llama-cpp";
import { beforeEach, describe, expect, it } from "vitest";
import { sha256File } from "../sha256-file.js";
import { assertGgufHeader } from "../gguf-header.js";
import { halfBitsToFloat, toF16Bytes, toF32Bytes, toQ8Bytes } from "./ggml-quantize.js";
import { GgmlType, ggmlTensorBytes, writeGguf, type GgufContent } from "./gguf-writer.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-gguf-writer-"));
  return () => rm(directory, { recursive: true, force: true });
});

const matrix = Float32Array.from({ length: 64 }, (_, index) => (index - 31.5) / 8);
const vector = Float32Array.of(1, -2, 0.5);

function content(): GgufContent {
  return {
    metadata: [
      ["general.architecture", { type: "string", value: "test-arch" }],
      ["general.name", { type: "string", value: "Prueba ñandú" }],
      ["test-arch.block_count", { type: "uint32", value: 2 }],
      ["test-arch.attention.layer_norm_rms_epsilon", { type: "float32", value: 0.5 }],
      ["test-arch.offset", { type: "int32", value: -7 }],
      ["tokenizer.ggml.add_bos_token", { type: "bool", value: true }],
      ["tokenizer.ggml.tokens", { type: "string[]", value: ["<pad>", "▁hola", "ção"] }],
      ["tokenizer.ggml.scores", { type: "float32[]", value: [0, -1.5, -2] }],
      ["tokenizer.ggml.token_type", { type: "int32[]", value: [3, 1, 1] }],
    ],
    tensors: [
      {
        name: "norm.weight",
        dims: [3],
        type: GgmlType.F32,
        write: (emit) => emit(toF32Bytes(vector)),
      },
      {
        name: "half.weight",
        dims: [32, 2],
        type: GgmlType.F16,
        write: (emit) => emit(toF16Bytes(matrix)),
      },
      {
        name: "q8.weight",
        dims: [32, 2],
        type: GgmlType.Q8_0,
        // Two writes for one tensor: tensors are streamed in pieces.
        write: async (emit) => {
          await emit(toQ8Bytes(matrix.subarray(0, 32)));
          await emit(toQ8Bytes(matrix.subarray(32)));
        },
      },
    ],
  };
}

describe("writeGguf", () => {
  it("writes a GGUF that llama.cpp's reader (node-llama-cpp) parses back: metadata, tensor table and data", async () => {
    const path = join(directory, "tiny.gguf");
    const written = await writeGguf(path, content());
    await assertGgufHeader(path, "tiny.gguf");
    expect(written.sha256).toBe(await sha256File(path));

    const info = await readGgufFileInfo(path, { readTensorInfo: true, logWarnings: false });
    expect(info.version).toBe(3);
    const metadata = info.metadata as unknown as Record<string, Record<string, unknown>>;
    expect(metadata["general"]).toMatchObject({ architecture: "test-arch", name: "Prueba ñandú" });
    expect(metadata["test-arch"]).toMatchObject({ block_count: 2, offset: -7 });
    expect(metadata["tokenizer"]).toMatchObject({
      ggml: { add_bos_token: true, tokens: ["<pad>", "▁hola", "ção"], token_type: [3, 1, 1] },
    });
    const tensors = info.fullTensorInfo ?? [];
    expect(
      tensors.map((tensor) => [tensor.name, tensor.dimensions.map(Number), tensor.ggmlType]),
    ).toEqual([
      ["norm.weight", [3], GgmlType.F32],
      ["half.weight", [32, 2], GgmlType.F16],
      ["q8.weight", [32, 2], GgmlType.Q8_0],
    ]);

    // Each tensor's bytes sit at its offset, aligned to 32 bytes, and the file ends after the last.
    const bytes = await readFile(path);
    const at = (index: number) => Number(tensors[index]?.fileOffset);
    for (const index of [0, 1, 2]) expect(at(index) % 32).toBe(0);
    expect([0, 1, 2].map((index) => bytes.readFloatLE(at(0) + index * 4))).toEqual([1, -2, 0.5]);
    expect(halfBitsToFloat(bytes.readUInt16LE(at(1) + 2 * 40))).toBe(matrix[40]);
    expect(bytes.subarray(at(2), at(2) + 68)).toEqual(Buffer.from(toQ8Bytes(matrix)));
    expect(bytes.length).toBe(at(2) + 96);
  });

  it("is deterministic: the same content gives the same bytes", async () => {
    const first = await writeGguf(join(directory, "a.gguf"), content());
    const second = await writeGguf(join(directory, "b.gguf"), content());
    expect(second).toEqual(first);
  });

  it("refuses a tensor that writes other than its size, and Q8_0 rows that are not whole blocks", async () => {
    const wrong: GgufContent = {
      metadata: [],
      tensors: [
        { name: "short", dims: [4], type: GgmlType.F32, write: (emit) => emit(new Uint8Array(12)) },
      ],
    };
    await expect(writeGguf(join(directory, "bad.gguf"), wrong)).rejects.toThrow(
      "short: wrote 12 bytes, expected 16",
    );
    expect(() => ggmlTensorBytes([48, 2], GgmlType.Q8_0)).toThrow(/multiple of 32/);
  });
});
