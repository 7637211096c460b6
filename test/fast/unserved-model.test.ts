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
    ["/v1/embeddings", "text-embedding-3-small"],
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
