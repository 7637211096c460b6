import { describe, expect, it } from "vitest";
import { TokenTextDecoder } from "./token-text-decoder.js";

// A byte-level vocabulary: token n is the byte n, decoded the way llama.cpp's strings come to JS.
const detokenizeBytes = (tokens: readonly number[]): string => Buffer.from(tokens).toString("utf8");
const bytesOf = (text: string): number[] => [...Buffer.from(text, "utf8")];

function decodeAll(decoder: TokenTextDecoder, tokens: number[]): string[] {
  const pieces: string[] = [];
  for (const token of tokens) {
    const decoded = decoder.push(token);
    if (decoded !== undefined) pieces.push(decoded.text);
  }
  const rest = decoder.flush();
  if (rest !== undefined) pieces.push(rest.text);
  return pieces;
}

describe("TokenTextDecoder", () => {
  it("never emits half a character when UTF-8 bytes span tokens", () => {
    const pieces = decodeAll(new TokenTextDecoder(detokenizeBytes), bytesOf("añ🐦!"));
    expect(pieces).toEqual(["a", "ñ", "🐦", "!"]);
    expect(pieces.join("")).not.toContain("\uFFFD");
  });

  it("reports which tokens made up each piece", () => {
    const decoder = new TokenTextDecoder(detokenizeBytes);
    const [first, second] = bytesOf("é");
    expect(decoder.push(first ?? 0)).toBeUndefined();
    expect(decoder.push(second ?? 0)).toEqual({ text: "é", tokens: [first, second] });
  });

  it("gives up waiting after 4 tokens of invalid bytes rather than stalling", () => {
    const pieces = decodeAll(new TokenTextDecoder(detokenizeBytes), [0xe2, 0xe2, 0xe2, 0xe2, 0x41]);
    expect(pieces.join("")).toContain("A");
    expect(pieces.length).toBe(2);
  });

  it("flushes an incomplete character at the end", () => {
    const decoder = new TokenTextDecoder(detokenizeBytes);
    expect(decoder.push(0xc3)).toBeUndefined();
    expect(decoder.flush()?.tokens).toEqual([0xc3]);
    expect(decoder.flush()).toBeUndefined();
  });

  it("passes the preceding tokens as context for spacing rules", () => {
    const contexts: number[][] = [];
    const decoder = new TokenTextDecoder(
      (tokens, context) => {
        contexts.push([...context]);
        return detokenizeBytes(tokens);
      },
      [1, 2],
    );
    decoder.push(65);
    decoder.push(66);
    expect(contexts).toEqual([
      [1, 2],
      [1, 2, 65],
    ]);
  });
});
