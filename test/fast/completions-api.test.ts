import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * `POST /v1/completions` (legacy text completions) with the official `openai` client: the prompt
 * reaches the model as text to continue (not a chat turn), the answer comes back as a
 * text_completion (whole and streamed), and what is not served is a 400 that names it.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function start() {
  const gateway = await startTestGateway({ config: { cache: { exact: { mode: "all" } } } });
  gateways.push(gateway);
  const address = await gateway.server.listen();
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
  return { gateway, backend: gateway.backend, client, model: gateway.backend.model };
}

describe("/v1/completions", () => {
  it("gives the model the prompt to continue and answers a text_completion", async () => {
    const { backend, client, model } = await start();
    const completion = await client.completions.create({
      model,
      prompt: "La capital de Chile es",
      max_tokens: 10,
      stop: ["\n"],
    });
    expect(completion.object).toBe("text_completion");
    expect(completion.choices[0]).toMatchObject({
      text: "Hola, ¿qué tal?",
      index: 0,
      finish_reason: "stop",
    });
    expect(completion.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 5 });
    const request = backend.requests[0];
    expect(request?.continuation).toBe(true);
    expect(request?.messages).toEqual([{ role: "user", content: "La capital de Chile es" }]);
    expect(request?.sampling).toMatchObject({ maxTokens: 10, stop: ["\n"] });
  });

  it("takes OpenAI's default of 16 tokens, and is never cached", async () => {
    const { backend, client, model } = await start();
    await client.completions.create({ model, prompt: "Érase una vez" });
    await client.completions.create({ model, prompt: "Érase una vez" });
    expect(backend.requests).toHaveLength(2);
    expect(backend.requests[0]?.sampling.maxTokens).toBe(16);
  });

  it("streams text_completion chunks, the finish reason, usage when asked, then [DONE]", async () => {
    const { client, model } = await start();
    const stream = await client.completions.create({
      model,
      prompt: "Érase una vez",
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = "";
    const reasons: (string | null)[] = [];
    let usage: OpenAI.CompletionUsage | undefined;
    for await (const chunk of stream) {
      expect(chunk.object).toBe("text_completion");
      const choice = chunk.choices[0];
      if (choice !== undefined) {
        text += choice.text;
        reasons.push(choice.finish_reason);
      }
      if (chunk.usage) usage = chunk.usage;
    }
    expect(text).toBe("Hola, ¿qué tal?");
    expect(reasons.at(-1)).toBe("stop");
    expect(usage).toMatchObject({ completion_tokens: 5 });
  });

  it.each([
    ["echo", { echo: true }],
    ["suffix", { suffix: "fin" }],
    ["best_of", { best_of: 3 }],
    ["logprobs", { logprobs: 2 }],
    ["prompt", { prompt: ["uno", "dos"] }],
    ["prompt", { prompt: "" }],
  ])("refuses %s it cannot serve with a 400 naming it", async (param, extra) => {
    const { gateway, backend, model } = await start();
    const response = await gateway.app.inject({
      method: "POST",
      url: "/v1/completions",
      payload: { model, prompt: "Hola", ...extra },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ error: { param: string | null } }>().error.param).toBe(param);
    expect(backend.requests).toHaveLength(0);
  });
});
