/**
 * Sentence vectors as the store keeps them (float32, little-endian, 4 bytes a dimension; several
 * vectors of one passage one after another) and the exact nearest-neighbour scan over them.
 * Vectors are unit length (see text-embedder.ts), so the dot product is their cosine similarity.
 */

/** `vector` as float32 little-endian bytes. */
export function vectorToBytes(vector: Float32Array): Uint8Array {
  const bytes = new Uint8Array(vector.length * 4);
  const view = new DataView(bytes.buffer);
  for (let index = 0; index < vector.length; index += 1) {
    view.setFloat32(index * 4, vector[index] ?? 0, true);
  }
  return bytes;
}

/** Whether this machine stores floats little-endian, as the bytes are (almost every one does). */
const littleEndian = new Uint8Array(Float32Array.of(1).buffer)[3] === 0x3f;

/** The vector of `bytes` (written by vectorToBytes); any alignment, any platform. */
export function vectorFromBytes(bytes: Uint8Array): Float32Array {
  const length = Math.floor(bytes.byteLength / 4);
  // One copy into a buffer of its own, aligned: a search reads thousands of these. (Not
  // bytes.slice(): on a Node Buffer it is a view, whose .buffer is the shared pool.)
  if (littleEndian) return new Float32Array(new Uint8Array(bytes.subarray(0, length * 4)).buffer);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const vector = new Float32Array(length);
  for (let index = 0; index < vector.length; index += 1) {
    vector[index] = view.getFloat32(index * 4, true);
  }
  return vector;
}

/** Several vectors of one length as one run of bytes (see vectorsFromBytes). */
export function vectorsToBytes(vectors: readonly Float32Array[]): Uint8Array {
  const parts = vectors.map(vectorToBytes);
  const bytes = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

/**
 * The vectors of `dimensions` each in `bytes` (written by vectorsToBytes); none when the bytes are
 * not a whole number of such vectors (vectors of another model).
 */
export function vectorsFromBytes(bytes: Uint8Array, dimensions: number): Float32Array[] {
  const size = dimensions * 4;
  if (size === 0 || bytes.byteLength === 0 || bytes.byteLength % size !== 0) return [];
  const vectors: Float32Array[] = [];
  for (let offset = 0; offset < bytes.byteLength; offset += size) {
    vectors.push(vectorFromBytes(bytes.subarray(offset, offset + size)));
  }
  return vectors;
}

/** The dot product (cosine similarity of unit vectors); 0 for vectors of different lengths. */
export function dotProduct(left: Float32Array, right: Float32Array): number {
  if (left.length !== right.length) return 0;
  let sum = 0;
  for (let index = 0; index < left.length; index += 1) {
    sum += (left[index] ?? 0) * (right[index] ?? 0);
  }
  return sum;
}

/**
 * The `limit` candidates most similar to `query`, best first (ties by id), by an exact scan. A
 * candidate with several vectors (a passage's and its sentences') scores its best one: MaxP,
 * as in Dai and Callan (SIGIR 2019), so an answer in one sentence of a long passage is not
 * diluted by the rest. Vectors of another length (another model's) are skipped.
 */
export function nearest<Id extends string | number>(
  query: Float32Array,
  candidates: Iterable<{ id: Id; vectors: readonly Float32Array[] }>,
  limit: number,
): { id: Id; similarity: number }[] {
  const scored: { id: Id; similarity: number }[] = [];
  for (const { id, vectors } of candidates) {
    let best = -Infinity;
    for (const vector of vectors) {
      if (vector.length === query.length) best = Math.max(best, dotProduct(query, vector));
    }
    if (best > -Infinity) scored.push({ id, similarity: best });
  }
  return scored
    .sort((x, y) => y.similarity - x.similarity || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))
    .slice(0, Math.max(0, limit));
}
