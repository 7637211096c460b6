import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((gateway) => gateway.close()));
});

async function notFound(url: string, model: string): Promise<string> {
  const gateway = await startTestGateway();
  gateways.push(gateway);
  const body =
    url === "/v1/embeddings"
      ? { model, input: "hola" }
      : { model, messages: [{ role: "user", content: "hola" }] };
  const response = await gateway.app.inject({ method: "POST", url, payload: body });
  expect(response.statusCode).toBe(404);
  const error = response.json<{ error: { code: string; message: string } }>().error;
  expect(error.code).toBe("model_not_found");
  return error.message;
}

describe("a 404 for a model the server does not serve", () => {
  it.each([
    ["/v1/chat/completions", "gpt-4o"],
    ["/v1/chat/completions", "claude-3-5-sonnet-latest"],
    ["/v1/embeddings", "text-embedding-004"],
  ])(
    "on %s, a cloud model's name (%s) is told to configure a provider, not to pull",
    async (url, model) => {
      const message = await notFound(url, model);
      expect(message).not.toContain("colibri pull");
      expect(message).toContain(
        `'${model}' is not a model Colibrí can download: to reach a cloud model, add a provider that offers it under "providers" in the config (see docs/configuration.md) and restart.`,
      );
    },
  );

  it.each([
    ["/v1/chat/completions", "gemma3-270m"],
    ["/v1/embeddings", "hf:bartowski/Qwen2.5-0.5B-Instruct-GGUF/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf"],
  ])("on %s, a pullable name (%s) keeps the pull hint", async (url, model) => {
    const message = await notFound(url, model);
    expect(message).toContain(`Run \`colibri pull ${model}\` and restart with --model ${model}`);
  });
});

describe("OpenAI's embedding model names", () => {
  it.each(["text-embedding-3-small", "text-embedding-3-large", "text-embedding-ada-002"])(
    "%s is the local model by default, as LangChain and LlamaIndex send it",
    async (model) => {
      const gateway = await startTestGateway();
      gateways.push(gateway);
      const response = await gateway.app.inject({
        method: "POST",
        url: "/v1/embeddings",
        payload: { model, input: ["hola", "mundo"] },
      });
      expect(response.statusCode).toBe(200);
      const body = response.json<{ model: string; data: { embedding: number[] }[] }>();
      expect(body.model).toBe(gateway.backend.model);
      expect(body.data).toHaveLength(2);
    },
  );

  it("are configurable: server.embeddingModelAliases replaces them", async () => {
    const gateway = await startTestGateway({
      config: { server: { embeddingModelAliases: ["nomic-embed-text"] } },
    });
    gateways.push(gateway);
    const post = (model: string) =>
      gateway.app.inject({
        method: "POST",
        url: "/v1/embeddings",
        payload: { model, input: "hola" },
      });
    expect((await post("nomic-embed-text")).statusCode).toBe(200);
    const refused = await post("text-embedding-3-small");
    expect(refused.statusCode).toBe(404);
    expect(refused.json<{ error: { message: string } }>().error.message).toContain(
      "'nomic-embed-text'",
    );
  });
});
