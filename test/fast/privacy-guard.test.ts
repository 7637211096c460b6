import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { startEchoPair } from "../support/echo-cloud.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * End to end over real sockets: a second Colibrí stands in for the cloud and echoes what it
 * received in two-character tokens, so a placeholder always arrives split over chunks. What the
 * "cloud" saw, what the client got and what the audit holds are all checked.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const cpf = "123.456.789-09";
const curp = "BOXW310820HNERXN09";
const prompt = `O paciente tem CPF ${cpf} e CURP ${curp}. Repita os documentos.`;
const rawValues = [cpf, "12345678909", curp];

function startPair(
  privacy: Record<string, unknown> = {},
  router: Record<string, unknown> = {},
  localLogprob = -0.5,
) {
  const local = new ScriptedBackend("small-model");
  local.logprob = localLogprob;
  return startEchoPair(gateways, { local, privacy, router });
}

function sentToCloud(cloud: ScriptedBackend): string {
  return JSON.stringify(cloud.requests.map((request) => request.messages));
}

async function audit(edge: TestGateway<ScriptedBackend>) {
  return edge.store.egress.list({ since: 0, limit: 100 });
}

describe("the privacy guard between a client and a cloud provider", () => {
  it("sends placeholders only, restores the values in the answer (streamed too) and audits hashes", async () => {
    const { cloud, edge, client } = await startPair();
    const messages = [
      { role: "system" as const, content: "Responda em português." },
      { role: "user" as const, content: prompt },
    ];

    const whole = await client.chat.completions
      .create({ model: "big-model", messages })
      .withResponse();
    expect(whole.data.choices[0]?.message.content).toBe(`Recebi: ${prompt}`);
    expect(whole.response.headers.get("x-colibri-route")).toBe("cloud");
    expect(whole.response.headers.get("x-colibri-redactions")).toBe("BR_CPF=1, MX_CURP=1");

    const stream = await client.chat.completions.create({
      model: "big-model",
      messages,
      stream: true,
    });
    let streamed = "";
    for await (const chunk of stream) streamed += chunk.choices[0]?.delta.content ?? "";
    expect(streamed).toBe(`Recebi: ${prompt}`);

    expect(cloud.requests).toHaveLength(2);
    const sentPrompt = cloud.requests[0]?.messages.at(-1)?.content ?? "";
    expect(sentPrompt).toMatch(
      /^O paciente tem CPF <CPF_1_([a-z0-9]{6})> e CURP <CURP_1_\1>\. Repita os documentos\.$/,
    );
    for (const value of rawValues) expect(sentToCloud(cloud)).not.toContain(value);

    const records = await audit(edge);
    expect(records).toHaveLength(2);
    const record = records[1];
    expect(record).toMatchObject({
      provider: "lan",
      model: "big-model",
      region: "us",
      outcome: "sent",
      action: "pseudonymize",
      reason: "requested-cloud",
      findings: { BR_CPF: 1, MX_CURP: 1 },
    });
    expect(record?.bytesSent).toBe(
      Buffer.byteLength(`Responda em português.${cloud.requests[1]?.messages.at(-1)?.content}`),
    );
    expect(record?.values).toEqual(
      expect.arrayContaining([
        { type: "BR_CPF", hash: edge.hasher.hash("12345678909"), action: "pseudonymize" },
        { type: "MX_CURP", hash: edge.hasher.hash(curp), action: "pseudonymize" },
      ]),
    );
    for (const value of rawValues) expect(JSON.stringify(records)).not.toContain(value);
    const usage = await edge.store.usage.list({ since: 0, limit: 10 });
    for (const value of rawValues) expect(JSON.stringify(usage)).not.toContain(value);
  });

  it("masks the escalation of a cascade too: the local model saw the values, the cloud only placeholders", async () => {
    const { cloud, edge, client } = await startPair({}, {}, -3);
    const answer = await client.chat.completions
      .create({ model: "auto", messages: [{ role: "user", content: prompt }], stream: true })
      .withResponse();
    let text = "";
    for await (const chunk of answer.data) text += chunk.choices[0]?.delta.content ?? "";
    expect(answer.response.headers.get("x-colibri-route")).toBe("cascade-cloud");
    expect(text).toBe(`Recebi: ${prompt}`);
    expect(edge.backend.requests[0]?.messages.at(-1)?.content).toBe(prompt);
    for (const value of rawValues) expect(sentToCloud(cloud)).not.toContain(value);
    const [record] = await audit(edge);
    expect(record).toMatchObject({ outcome: "sent", reason: "cascade:low-confidence" });
  });

  it("refuses with pii_blocked, naming the types but not the values, when the policy blocks", async () => {
    const { cloud, edge, client, address } = await startPair({
      policy: { types: { BR_CPF: "block" } },
    });
    const error = await client.chat.completions
      .create({ model: "big-model", messages: [{ role: "user", content: prompt }] })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    const apiError = error as InstanceType<typeof OpenAI.BadRequestError>;
    expect(apiError.code).toBe("pii_blocked");
    expect(apiError.message).toContain("BR_CPF");
    for (const value of rawValues) expect(apiError.message).not.toContain(value);
    expect(cloud.requests).toHaveLength(0);

    const [record] = await audit(edge);
    expect(record).toMatchObject({ outcome: "blocked", action: "block", bytesSent: 0 });
    expect(record?.reason).toBe("requested-cloud; privacy:block");
    const [usage] = await edge.store.usage.list({ since: 0, limit: 1 });
    expect(usage).toMatchObject({ status: 400, outcome: "failed", reason: "privacy-blocked" });
    const metrics = await (await fetch(`${address}/metrics`)).text();
    expect(metrics).toContain('colibri_pii_findings_total{type="BR_CPF"} 1');
    expect(metrics).toContain(
      'colibri_egress_decisions_total{provider="lan",verdict="block",action="block"} 1',
    );
  });

  it("answers locally instead when the policy says local-only, and when residency forbids the region", async () => {
    for (const privacy of [
      { policy: { types: { MX_CURP: "local-only" } } },
      { policy: { default: "allow", residency: { national_id: { regions: ["br"] } } } },
    ]) {
      const { cloud, edge, client } = await startPair(privacy);
      const answer = await client.chat.completions
        .create({ model: "big-model", messages: [{ role: "user", content: prompt }] })
        .withResponse();
      const expectedReason =
        "residency" in privacy.policy ? "privacy:residency" : "privacy:local-only";
      expect(answer.response.headers.get("x-colibri-route")).toBe("local");
      expect(answer.response.headers.get("x-colibri-reason")).toBe(expectedReason);
      expect(answer.data.model).toBe("small-model");
      expect(cloud.requests).toHaveLength(0);
      const [record] = await audit(edge);
      expect(record).toMatchObject({ outcome: "kept-local", bytesSent: 0 });
    }
  });

  it("lets a routing rule keep requests with personal data local, and sends clean ones unchanged", async () => {
    const { cloud, edge, client } = await startPair(
      {},
      {
        rules: [{ name: "personal-data-stays", when: { pii: ["national_id"] }, route: "local" }],
        cascade: { enabled: false },
      },
    );
    const personal = await client.chat.completions
      .create({ model: "big-model", messages: [{ role: "user", content: prompt }] })
      .withResponse();
    expect(personal.response.headers.get("x-colibri-reason")).toBe("rule:personal-data-stays");
    expect(cloud.requests).toHaveLength(0);

    const clean = await client.chat.completions
      .create({
        model: "big-model",
        messages: [{ role: "user", content: "Qual é a capital do Peru?" }],
      })
      .withResponse();
    expect(clean.response.headers.get("x-colibri-route")).toBe("cloud");
    expect(clean.response.headers.get("x-colibri-redactions")).toBeNull();
    expect(cloud.requests[0]?.messages.at(-1)?.content).toBe("Qual é a capital do Peru?");
    const records = await audit(edge);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      outcome: "sent",
      action: "allow",
      findings: {},
      values: [],
    });
  });
});

describe("POST /v1/privacy/scan", () => {
  it("answers findings and the redacted text, never the values, to a tenant or an admin key", async () => {
    const gateway = await startTestGateway({
      config: { server: { auth: true, adminKey: "admin-key-0123456789abcdef" } },
    });
    gateways.push(gateway);
    const address = await gateway.server.listen();
    const { key } = await gateway.administration.createKey({ tenant: "acme" });
    const text = `Contato: ana@example.com, CPF ${cpf}.`;
    for (const bearer of [key, "admin-key-0123456789abcdef"]) {
      const response = await fetch(`${address}/v1/privacy/scan`, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json" },
        body: JSON.stringify({ text }),
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { findings: unknown[]; redacted: string };
      expect(body.redacted).toBe("Contato: [EMAIL], CPF [CPF].");
      expect(body.findings).toEqual([
        expect.objectContaining({ type: "EMAIL", start: 9, end: 24 }),
        expect.objectContaining({
          type: "BR_CPF",
          country: "BR",
          start: 30,
          end: 44,
          validated: true,
        }),
      ]);
      expect(JSON.stringify(body.findings)).not.toContain("ana@");
    }
    const anonymous = await fetch(`${address}/v1/privacy/scan`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text }),
    });
    expect(anonymous.status).toBe(401);
    const invalid = await fetch(`${address}/v1/privacy/scan`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify({ texts: [text] }),
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { error: { message: string } }).error.message).toMatch(
      /text/,
    );
  });
});
