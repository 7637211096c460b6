import { afterEach, describe, expect, it } from "vitest";
import { startEchoPair } from "../support/echo-cloud.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import type { TestGateway } from "../support/test-gateway.js";

/**
 * Names, street addresses and health conditions through the real cloud path: a second Colibrí
 * stands in for the cloud and echoes what it received two characters at a time, so what the
 * provider saw and what the client got back are both checked (issue 20).
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const spanish =
  "La paciente María Fernanda Quispe, de la calle Los Olivos 123, Miraflores, tiene diabetes tipo 2 y VIH.";
const portuguese =
  "Meu nome é João Carlos da Silva, moro na Rua das Flores, 45, Belo Horizonte, CEP 30140-071. Tenho depressão e HIV.";

function startPair(privacy: Record<string, unknown> = {}) {
  return startEchoPair(gateways, { privacy });
}

describe("names, addresses and health data on the way to a cloud provider", () => {
  it("leave as placeholders and come back in the answer, whole and streamed", async () => {
    const { cloud, edge, client } = await startPair();
    const cases = [
      {
        prompt: spanish,
        values: ["María Fernanda Quispe", "calle Los Olivos 123", "diabetes tipo 2", "VIH"],
        sent: /^La paciente <NAME_1_([a-z0-9]{6})>, de la <ADDRESS_1_\1>, Miraflores, tiene <HEALTH_1_\1> y <HEALTH_2_\1>\.$/,
      },
      {
        prompt: portuguese,
        values: ["João Carlos da Silva", "Rua das Flores, 45", "depressão", "HIV", "30140-071"],
        sent: /^Meu nome é <NAME_1_([a-z0-9]{6})>, moro na <ADDRESS_1_\1>, Belo Horizonte, CEP <CEP_1_\1>\. Tenho <HEALTH_1_\1> e <HEALTH_2_\1>\.$/,
      },
    ];
    for (const { prompt, values, sent } of cases) {
      cloud.requests.length = 0;
      const messages = [{ role: "user" as const, content: prompt }];
      // Room for the whole echo: two characters a token.
      const whole = await client.chat.completions.create({
        model: "big-model",
        messages,
        max_completion_tokens: 400,
      });
      expect(whole.choices[0]?.message.content).toBe(`Recebi: ${prompt}`);
      const stream = await client.chat.completions.create({
        model: "big-model",
        messages,
        max_completion_tokens: 400,
        stream: true,
      });
      let streamed = "";
      for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? "";
      expect(streamed).toBe(`Recebi: ${prompt}`);

      expect(cloud.requests).toHaveLength(2);
      for (const request of cloud.requests) {
        expect(request.messages.at(-1)?.content).toMatch(sent);
        for (const value of values) expect(JSON.stringify(request.messages)).not.toContain(value);
      }
    }
    const records = await edge.store.egress.list({ since: 0, limit: 10 });
    const spanishRecord = records.find(
      (record) => record.findings.HEALTH === 2 && !record.findings.BR_CEP,
    );
    expect(spanishRecord?.findings).toEqual({ PERSON_NAME: 1, STREET_ADDRESS: 1, HEALTH: 2 });
    expect(spanishRecord?.values).toEqual(
      expect.arrayContaining([
        {
          type: "PERSON_NAME",
          hash: edge.hasher.hash("maria fernanda quispe"),
          action: "pseudonymize",
        },
        { type: "HEALTH", hash: edge.hasher.hash("diabetes tipo 2"), action: "pseudonymize" },
      ]),
    );
    expect(JSON.stringify(records)).not.toContain("Quispe");
  });

  it("keeps the request local when the policy keeps health data local", async () => {
    const { cloud, edge, client } = await startPair({
      policy: { types: { health: "local-only" } },
    });
    const answer = await client.chat.completions
      .create({ model: "big-model", messages: [{ role: "user", content: portuguese }] })
      .withResponse();
    expect(answer.response.headers.get("x-colibri-route")).toBe("local");
    expect(answer.response.headers.get("x-colibri-reason")).toBe("privacy:local-only");
    expect(answer.data.model).toBe("small-model");
    expect(cloud.requests).toHaveLength(0);
    const [record] = await edge.store.egress.list({ since: 0, limit: 1 });
    expect(record).toMatchObject({ outcome: "kept-local", bytesSent: 0 });
    expect(record?.findings).toMatchObject({ HEALTH: 2 });
  });

  it("sends a question about a disease, with no one in it, as it was written", async () => {
    const { cloud, client } = await startPair({ policy: { types: { health: "local-only" } } });
    const question = "¿Cuáles son los síntomas del dengue?";
    await client.chat.completions.create({
      model: "big-model",
      messages: [{ role: "user", content: question }],
    });
    expect(cloud.requests[0]?.messages.at(-1)?.content).toBe(question);
  });
});
