import OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { ChatRequest } from "../../src/core/chat.js";
import { chunks, ModelPass, occurrences } from "../../src/privacy/model-pass.js";
import type { RequestScan } from "../../src/privacy/privacy-guard.js";
import { startEchoPair } from "../support/echo-cloud.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import type { TestGateway } from "../support/test-gateway.js";

/**
 * The privacy guard's model pass (privacy.modelPass): the local model's list of names and street
 * addresses is masked on the way to a cloud provider, with what the fast layer found. The local
 * "model" is scripted: these tests check the plumbing and the policy, the model's own accuracy is
 * measured by `npm run bench:privacy:evaluation -- --model-pass` (docs/benchmarks.md).
 */
const gateways: TestGateway<ScriptedBackend>[] = [];

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

// Lower case, a street without its type, no word the fast layer knows: it finds nothing here.
const prompt = "mándale el pedido a rosa quispe en juárez 88 antes del viernes";

function isExtraction(request: ChatRequest): boolean {
  return (
    request.responseFormat?.type === "json_schema" &&
    request.responseFormat.name === "personal_data"
  );
}

function startPair(
  modelPass: Record<string, unknown>,
  extraction: (request: ChatRequest) => string[] = () => [
    JSON.stringify({ names: ["rosa quispe"], addresses: ["juárez 88"] }),
  ],
  enabled = true,
) {
  const local = new ScriptedBackend("small-model");
  local.tokensOf = (request) => (isExtraction(request) ? extraction(request) : ["local answer"]);
  return startEchoPair(gateways, { local, privacy: { enabled, modelPass } });
}

function ask(client: OpenAI, content: string) {
  return client.chat.completions
    .create({
      model: "big-model",
      messages: [{ role: "user", content }],
      max_completion_tokens: 400,
    })
    .withResponse();
}

describe("the privacy guard's model pass", () => {
  it("masks the names and addresses the model lists, and the answer comes back whole", async () => {
    const { cloud, local, client } = await startPair({ enabled: true });
    const { data } = await ask(client, prompt);
    expect(data.choices[0]?.message.content).toBe(`Recebi: ${prompt}`);
    const sent = cloud.requests[0]?.messages.at(-1)?.content;
    expect(sent).toMatch(
      /^mándale el pedido a <NAME_1_([a-z0-9]{6})> en <ADDRESS_1_\1> antes del viernes$/,
    );
    const extraction = local.requests.find(isExtraction);
    expect(extraction?.messages.at(-1)?.content).toBe(prompt);
    expect(extraction?.sampling.temperature).toBe(0);
  });

  it("is not asked when it is off, and the text leaves as the fast layer found it", async () => {
    const { cloud, local, client } = await startPair({ enabled: false });
    await ask(client, prompt);
    expect(cloud.requests[0]?.messages.at(-1)?.content).toBe(prompt);
    expect(local.requests.some(isExtraction)).toBe(false);
  });

  it("reads nothing when the guard is off", async () => {
    const { cloud, local, client } = await startPair({ enabled: true }, undefined, false);
    await ask(client, prompt);
    expect(cloud.requests[0]?.messages.at(-1)?.content).toBe(prompt);
    expect(local.requests.some(isExtraction)).toBe(false);
  });

  it("masks nothing the model made up, and keeps what the fast layer found", async () => {
    const { cloud, client } = await startPair({ enabled: true }, () => [
      JSON.stringify({ names: ["Pedro Páramo", "a"], addresses: ["Calle Falsa 123"] }),
    ]);
    const text = "Mi CPF é 390.533.447-05 e o pedido é para sexta";
    await ask(client, text);
    expect(cloud.requests[0]?.messages.at(-1)?.content).toMatch(
      /^Mi CPF é <CPF_1_[a-z0-9]{6}> e o pedido é para sexta$/,
    );
  });

  it("leaves a public figure the model lists alone, as the fast layer does", async () => {
    const { cloud, client } = await startPair({ enabled: true }, () => [
      JSON.stringify({ names: ["Frida Kahlo"], addresses: [] }),
    ]);
    const text = "escribí un párrafo sobre Frida Kahlo para chicos de 5º grado";
    await ask(client, text);
    expect(cloud.requests[0]?.messages.at(-1)?.content).toBe(text);
  });

  it("answers locally, refuses, or sends as configured when the request is too long for it", async () => {
    const long = `${prompt} ${"y otra cosa más ".repeat(20)}`;
    const kept = await startPair({ enabled: true, maxChars: 100 });
    const { data, response } = await ask(kept.client, long);
    expect(data.choices[0]?.message.content).toBe("local answer");
    expect(response.headers.get("x-colibri-route")).toBe("local");
    expect(response.headers.get("x-colibri-reason")).toBe("privacy:model-pass-incomplete");
    expect(kept.cloud.requests).toHaveLength(0);

    const refused = await startPair({ enabled: true, maxChars: 100, onIncomplete: "block" });
    const error = await ask(refused.client, long).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OpenAI.BadRequestError);
    expect((error as InstanceType<typeof OpenAI.BadRequestError>).code).toBe("pii_blocked");
    expect((error as Error).message).toMatch(/privacy\.modelPass\.maxChars \(100\)/);
    expect(refused.cloud.requests).toHaveLength(0);

    const sent = await startPair({ enabled: true, maxChars: 100, onIncomplete: "send" });
    await ask(sent.client, long);
    expect(sent.cloud.requests[0]?.messages.at(-1)?.content).toBe(long);
  });

  it("treats a model answer that does not parse as an incomplete pass", async () => {
    const { cloud, client } = await startPair({ enabled: true }, () => ["{ not json"]);
    const { response } = await ask(client, prompt);
    expect(response.headers.get("x-colibri-reason")).toBe("privacy:model-pass-incomplete");
    expect(cloud.requests).toHaveLength(0);
  });
});

describe("the model pass's pieces", () => {
  it("finds a listed value as whole words, letter case, accents and punctuation aside", () => {
    const text =
      "Habla con Ana  María\nLópez; anamaría no, ANA MARIA LÓPEZ sí. Vive en av juárez 88.";
    const found = (value: string) =>
      occurrences(text, value).map(({ start, end }) => text.slice(start, end));
    expect(found("ana maría lópez")).toEqual(["Ana  María\nLópez", "ANA MARIA LÓPEZ"]);
    expect(found("Av. Juárez 88")).toEqual(["av juárez 88"]);
    expect(found("López.")).toHaveLength(2);
    expect(found("Ana López")).toEqual([]);
    expect(found("Marí")).toEqual([]);
    expect(found("x")).toEqual([]);
    expect(found("12")).toEqual([]);
  });

  it("cuts a long text at line and sentence ends, covering all of it", () => {
    const text = `${"Una frase corta. ".repeat(30)}\n${"x".repeat(500)}`;
    const pieces = chunks(text, 200);
    expect(pieces.map((piece) => piece.text).join("")).toBe(text);
    for (const piece of pieces) expect(piece.text.length).toBeLessThanOrEqual(200);
    expect(pieces[0]?.text.endsWith(".")).toBe(true);
    for (const piece of pieces)
      expect(text.slice(piece.start, piece.start + piece.text.length)).toBe(piece.text);
  });

  it("joins a model finding with a fast one of its type and leaves other types whole", async () => {
    const text = "Rua das Flores, 45, Belo Horizonte, CEP 30140-071";
    const backend = new ScriptedBackend();
    backend.tokensOf = () => [JSON.stringify({ names: [], addresses: [text] })];
    const pass = new ModelPass(backend, {
      enabled: true,
      maxChars: 4000,
      chunkChars: 800,
      timeoutMs: 10_000,
      onIncomplete: "local-only",
    });
    const field = { pointer: "/messages/0/content", part: "value" } as const;
    const cep = text.indexOf("30140");
    const scan: RequestScan = {
      findings: [
        { field, finding: finding("STREET_ADDRESS", 0, 18) },
        { field, finding: finding("BR_CEP", cep, cep + 9) },
      ],
      types: ["STREET_ADDRESS", "BR_CEP"],
      scanned: new Map([["value /messages/0/content", text]]),
    };
    const request = { messages: [{ role: "user" as const, content: text }], sampling: {} };
    const deeper = await pass.deepen(request, scan);
    const spans = deeper.findings
      .map(({ finding: found }) => [
        found.type,
        text.slice(found.start, found.end),
        found.normalized,
      ])
      .sort();
    expect(spans).toEqual([
      ["BR_CEP", "30140-071", "x"],
      [
        "STREET_ADDRESS",
        "Rua das Flores, 45, Belo Horizonte, CEP ",
        "rua das flores 45 belo horizonte cep",
      ],
    ]);
  });
});

function finding(type: "STREET_ADDRESS" | "BR_CEP", start: number, end: number) {
  return { type, country: null, start, end, confidence: 0.9, validated: false, normalized: "x" };
}
