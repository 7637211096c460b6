/**
 * Small, fast, non-cryptographic hashes for feature hashing and prompt identity: FNV-1a (32-bit)
 * over UTF-16 code units, finished with MurmurHash3's 32-bit avalanche so that every bit of the
 * result (the bucket's low bits, the sign's high bit) depends on every input character.
 */

export const fnvOffsetBasis = 0x811c9dc5;
const fnvPrime = 0x01000193;

/** One FNV-1a step: fold one UTF-16 code unit into the running hash. */
export function fnvStep(hash: number, codeUnit: number): number {
  return Math.imul(hash ^ codeUnit, fnvPrime);
}

/** FNV-1a of `text[start, end)`, starting from `seed` (default the standard offset basis). */
export function fnv1a(text: string, seed = fnvOffsetBasis, start = 0, end = text.length): number {
  let hash = seed;
  for (let index = start; index < end; index++) hash = fnvStep(hash, text.charCodeAt(index));
  return hash >>> 0;
}

/** MurmurHash3's fmix32: a bijective scramble of 32 bits. */
export function avalanche(value: number): number {
  let hash = value ^ (value >>> 16);
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** A starting value for a namespace of features (unigrams, bigrams, character n-grams…). */
export function namespaceSeed(namespace: number): number {
  return avalanche(fnvOffsetBasis ^ Math.imul(namespace + 1, 0x9e3779b1)) | 0;
}

/**
 * The prompt as a question's identity: surrounding white space removed and every run of white
 * space read as one space, so that re-wrapped or re-indented copies of a question count as the same.
 */
export function promptKey(prompt: string): string {
  return prompt.trim().replace(/\s+/g, " ");
}

const secondSeed = 0x9747b28c;

/**
 * A 48-bit hash of the prompt's key (an integer below 2^48, exact in a double): 32 bits of FNV-1a
 * and 16 of an independently seeded FNV-1a. The chance of any collision among
 * 100,000 prompts is about 1 in 56,000.
 */
export function promptHash48(prompt: string): number {
  const key = promptKey(prompt);
  const high = avalanche(fnv1a(key));
  const low = avalanche(fnv1a(key, secondSeed)) >>> 16;
  return high * 65536 + low;
}

/** Where a prompt falls in [0, 1), from its hash: the basis of deterministic splits and folds. */
export function promptPosition(prompt: string): number {
  return promptHash48(prompt) / 2 ** 48;
}
