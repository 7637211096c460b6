import { mkdtemp, open, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { safetensorsBytes } from "../../../test/support/safetensors-bytes.js";
import { elementCount, readSafetensorsHeader, readTensorValues } from "./safetensors.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-safetensors-"));
  return () => rm(directory, { recursive: true, force: true });
});

describe("readSafetensorsHeader and readTensorValues", () => {
  it("reads each tensor's dtype, shape and values, widening F16 and BF16 to float32", async () => {
    const path = join(directory, "model.safetensors");
    await writeFile(
      path,
      safetensorsBytes({
        "a.weight": { shape: [2, 3], values: [1, -2, 0.5, 3.25, -0.125, 7] },
        "b.weight": { shape: [4], values: [1.5, -2, 0.25, 1024], dtype: "F16" },
        "c.weight": { shape: [2], values: [-3, 0.5], dtype: "BF16" },
      }),
    );
    const header = await readSafetensorsHeader(path);
    expect([...header.tensors.keys()]).toEqual(["a.weight", "b.weight", "c.weight"]);
    expect(header.metadata).toEqual({ format: "pt" });
    const a = header.tensors.get("a.weight");
    expect(a?.shape).toEqual([2, 3]);
    expect(elementCount(a ?? { shape: [] })).toBe(6);

    const handle = await open(path, "r");
    try {
      const values = async (name: string, first: number, count: number) => {
        const tensor = header.tensors.get(name);
        if (tensor === undefined) throw new Error(name);
        return [...(await readTensorValues(handle, tensor, first, count))];
      };
      expect(await values("a.weight", 0, 6)).toEqual([1, -2, 0.5, 3.25, -0.125, 7]);
      expect(await values("a.weight", 3, 3)).toEqual([3.25, -0.125, 7]);
      expect(await values("b.weight", 0, 4)).toEqual([1.5, -2, 0.25, 1024]);
      expect(await values("c.weight", 0, 2)).toEqual([-3, 0.5]);
      await expect(values("a.weight", 4, 3)).rejects.toThrow(/6 values/);
    } finally {
      await handle.close();
    }
  });

  it("refuses a file that is not safetensors, or whose tensors overrun its data", async () => {
    const notJson = join(directory, "text.safetensors");
    const bytes = Buffer.alloc(16);
    bytes.writeBigUInt64LE(8n);
    bytes.write("not json", 8);
    await writeFile(notJson, bytes);
    await expect(readSafetensorsHeader(notJson)).rejects.toThrow(/header is not JSON/);

    const huge = join(directory, "huge.safetensors");
    const claim = Buffer.alloc(8);
    claim.writeBigUInt64LE(1n << 40n);
    await writeFile(huge, claim);
    await expect(readSafetensorsHeader(huge)).rejects.toThrow(/claims 1099511627776 bytes/);

    const cut = join(directory, "cut.safetensors");
    const whole = safetensorsBytes({ w: { shape: [4], values: [1, 2, 3, 4] } });
    await writeFile(cut, whole.subarray(0, whole.length - 4));
    await expect(readSafetensorsHeader(cut)).rejects.toThrow(
      /tensor w \(F32 \[4\]\) spans bytes 0–16/,
    );
  });
});
