import { describe, expect, it } from "vitest";
import { nearest, vectorsFromBytes, vectorsToBytes } from "./vector-bytes.js";

describe("vectors as bytes", () => {
  it("round-trips several vectors, and reads none of another length", () => {
    const vectors = [Float32Array.from([0.5, -1.25]), Float32Array.from([3, 4])];
    const bytes = vectorsToBytes(vectors);
    expect(bytes.byteLength).toBe(16);
    expect(vectorsFromBytes(bytes, 2)).toEqual(vectors);
    // Unaligned, as a Buffer slice may be.
    const shifted = new Uint8Array(17);
    shifted.set(bytes, 1);
    expect(vectorsFromBytes(shifted.subarray(1), 2)).toEqual(vectors);
    // A Buffer from Node's shared pool, as the PostgreSQL driver returns bytea.
    expect(vectorsFromBytes(Buffer.from(bytes), 2)).toEqual(vectors);
    expect(vectorsFromBytes(bytes, 3)).toEqual([]);
    expect(vectorsFromBytes(new Uint8Array(), 2)).toEqual([]);
  });

  it("scores a candidate by its nearest vector, best first, skipping other lengths", () => {
    const query = Float32Array.from([0, 1]);
    const found = nearest(
      query,
      [
        { id: "a", vectors: [Float32Array.from([1, 0]), Float32Array.from([0, 1])] },
        { id: "b", vectors: [Float32Array.from([0.6, 0.8])] },
        { id: "c", vectors: [Float32Array.from([0, 1, 0])] },
      ],
      5,
    );
    expect(found.map(({ id }) => id)).toEqual(["a", "b"]);
    expect(found[1]?.similarity).toBeCloseTo(0.8, 6);
  });
});
