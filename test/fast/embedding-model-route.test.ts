import { afterEach, describe, expect, it } from "vitest";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/** The local engine with a separate sentence-embedding model loaded beside the chat model. */
class BackendWithEmbeddingModel extends ScriptedBackend {
  readonly localEmbeddingModel = { name: "embeddinggemma-300m", architecture: "gemma-embedding" };
}

const gateways: TestGateway<BackendWithEmbeddingModel>[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
});

describe("POST /v1/embeddings with engine.embeddingModel", () => {
  it("answers for the embedding model, by its name, 'local' or an alias, and not for the chat model's name", async () => {
    const gateway = await startTestGateway({ backend: new BackendWithEmbeddingModel() });
    gateways.push(gateway);
    for (const model of ["embeddinggemma-300m", "local", "text-embedding-3-small"]) {
      const response = await gateway.app.inject({
        method: "POST",
        url: "/v1/embeddings",
        payload: { model, input: "¿Dónde queda la farmacia?" },
      });
      expect(response.statusCode, model).toBe(200);
      expect(response.json()).toMatchObject({ model: "embeddinggemma-300m", object: "list" });
    }
    const chatModel = await gateway.app.inject({
      method: "POST",
      url: "/v1/embeddings",
      payload: { model: "scripted-model", input: "hola" },
    });
    expect(chatModel.statusCode).toBe(404);
    expect(chatModel.json().error.message).toContain("embeddinggemma-300m");
  });
});
