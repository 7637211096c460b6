import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * A routing rule on the prompt's language, end to end over real sockets: one Colibrí is the cloud
 * of another, whose scripted local model is always sure of itself, so only the rule can send a
 * prompt to the cloud.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

async function startPair(rules: unknown[]) {
  const cloudBackend = new ScriptedBackend("big-model");
  cloudBackend.tokens = ["Allinmi", "."];
  const cloud = await startTestGateway({ backend: cloudBackend });
  gateways.push(cloud);
  const cloudAddress = await cloud.server.listen();
  const backend = new ScriptedBackend("small-model");
  backend.logprobOf = () => -0.05;
  const edge = await startTestGateway({
    backend,
    config: {
      providers: [
        {
          name: "andes",
          baseUrl: `${cloudAddress}/v1`,
          models: { "big-model": "local" },
          timeouts: { connectMs: 500, firstByteMs: 2000, idleMs: 2000, totalMs: 5000 },
          retry: { maxRetries: 0, baseDelayMs: 10, maxDelayMs: 20 },
        },
      ],
      router: { rules, preRouter: { enabled: false } },
    },
  });
  gateways.push(edge);
  const address = await edge.server.listen();
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: "local", maxRetries: 0 });
  return { client, edge, cloud };
}

async function ask(client: OpenAI, content: string) {
  const { data, response } = await client.chat.completions
    .create({ model: "auto", messages: [{ role: "user", content }] })
    .withResponse();
  return {
    text: data.choices[0]?.message.content,
    route: response.headers.get("x-colibri-route"),
    reason: response.headers.get("x-colibri-reason"),
  };
}

describe("routing rules on the region's languages", () => {
  it("sends a Quechua prompt to the provider and model its rule names, Spanish stays local", async () => {
    const { client, edge, cloud } = await startPair([
      {
        name: "andean",
        when: { language: ["qu", "ay"] },
        route: "cloud",
        provider: "andes",
        model: "big-model",
      },
    ]);
    const quechua = await ask(client, "Imaynatataq wawakunaman yachachisaq allin rimayta?");
    expect(quechua).toEqual({ text: "Allinmi.", route: "cloud", reason: "rule:andean" });
    expect(cloud.backend.requests).toHaveLength(1);
    expect(edge.backend.requests).toHaveLength(0);

    const spanish = await ask(client, "¿Cómo enseño a los niños a hablar bien?");
    // No rule matches: `auto` tries the local model first, which is sure of itself.
    expect(spanish.route).toBe("cascade-local");
    expect(edge.backend.requests).toHaveLength(1);
    expect(cloud.backend.requests).toHaveLength(1);
  });
});
