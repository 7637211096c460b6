import type { LlamaModel } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../core/errors.js";
import { EmbeddingRunner } from "./embedding-runner.js";

/** A model whose every text is `length` tokens long, and which has no embedding context to make. */
function modelOfTokens(length: number): LlamaModel {
  return {
    tokenize: () => Array.from({ length }, (_, index) => index),
    createEmbeddingContext: () => Promise.reject(new Error("no context in this test")),
  } as unknown as LlamaModel;
}

describe("EmbeddingRunner", () => {
  it("refuses, as a 400 naming the setting, a text that fills the whole embedding context", async () => {
    const runner = new EmbeddingRunner(modelOfTokens(512), {
      threads: 1,
      contextSize: 512,
      maxQueue: 1,
    });
    const refused = runner.embed(["texto"], new AbortController().signal);
    await expect(refused).rejects.toBeInstanceOf(InvalidRequestError);
    await expect(refused).rejects.toThrow(
      "input[0] has 512 tokens; the embedding context of 512 holds at most 511. Split the text or raise engine.embeddingContextSize.",
    );
  });

  it("lets a text one token shorter through to the context", async () => {
    const runner = new EmbeddingRunner(modelOfTokens(511), {
      threads: 1,
      contextSize: 512,
      maxQueue: 1,
    });
    await expect(runner.embed(["texto"], new AbortController().signal)).rejects.toThrow(
      "no context in this test",
    );
  });
});
