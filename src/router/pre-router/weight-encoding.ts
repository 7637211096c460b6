/**
 * Weights stored as one signed byte each, in base64, with square-root companding: a byte q stands
 * for sign(q)·(|q|/127)²·scale, so small weights (most of them) keep their resolution while the
 * largest still fit. 2^16 weights take 87 KB of base64.
 */
export interface EncodedWeights {
  encoding: "int8-sqrt-base64";
  scale: number;
  data: string;
}

export function encodeWeights(weights: ArrayLike<number>): EncodedWeights {
  let largest = 0;
  for (let index = 0; index < weights.length; index++) {
    largest = Math.max(largest, Math.abs(weights[index] ?? 0));
  }
  const bytes = new Int8Array(weights.length);
  if (largest > 0) {
    for (let index = 0; index < weights.length; index++) {
      const weight = weights[index] ?? 0;
      bytes[index] = Math.sign(weight) * Math.round(127 * Math.sqrt(Math.abs(weight) / largest));
    }
  }
  return {
    encoding: "int8-sqrt-base64",
    scale: largest,
    data: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("base64"),
  };
}

/** The weights back as floats; undefined when the data does not hold exactly `count` bytes. */
export function decodeWeights(encoded: EncodedWeights, count: number): Float32Array | undefined {
  const buffer = Buffer.from(encoded.data, "base64");
  if (buffer.byteLength !== count) return undefined;
  const bytes = new Int8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  const weights = new Float32Array(count);
  for (let index = 0; index < count; index++) {
    const level = (bytes[index] ?? 0) / 127;
    weights[index] = Math.sign(level) * level * level * encoded.scale;
  }
  return weights;
}
