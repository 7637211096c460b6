import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { startEchoPair, type EchoPair } from "../support/echo-cloud.js";
import { cpf, curp, rfc, SeededRandom } from "../support/pii-generators.js";
import { colibri } from "../support/run-cli.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import type { TestGateway } from "../support/test-gateway.js";

/**
 * The specialisation loop's data (issue 25), end to end over real sockets: a second Colibrí
 * stands in for the cloud and echoes what it received. With the tenant's consent, what crossed
 * the wire is kept — masked — with the cloud's answer; `colibri tune dataset` exports it with the
 * feedback's corrections, and no personal value the guard would mask reaches the data set.
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
const home = await mkdtemp(join(tmpdir(), "colibri-pairs-"));
process.env["COLIBRI_HOME"] = home;

afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});
afterAll(async () => {
  await rm(home, { recursive: true, force: true });
});

const random = new SeededRandom(25);
/** Real identifiers (valid check digits), as a clerk would paste them. */
const values = {
  cpf: cpf(random, true).text,
  curp: curp(random).text,
  rfc: rfc(random).text,
  otherCpf: cpf(random, true).text,
};
const prompts = [
  `O paciente tem CPF ${values.cpf}. Qual formulário ele preenche?`,
  `El trámite de CURP ${values.curp} y RFC ${values.rfc}: ¿qué plazo tiene?`,
];

let databases = 0;
async function start() {
  const database = `sqlite:${join(home, `edge-${++databases}.db`)}`;
  const pair = await startEchoPair(gateways, { database });
  return { ...pair, database };
}

async function ask(client: EchoPair["client"], content: string) {
  return client.chat.completions.create({
    model: "big-model",
    messages: [
      { role: "system", content: "Responde en el idioma del usuario." },
      { role: "user", content },
    ],
  });
}

async function rate(address: string, responseId: string, correction: string) {
  const response = await fetch(`${address}/v1/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer local" },
    body: JSON.stringify({ response_id: responseId, rating: "bad", correction }),
  });
  expect(response.status).toBeLessThan(300);
}

describe("training pairs", () => {
  it("are kept only with the tenant's consent, masked as sent, with the cloud's answer as it came", async () => {
    const { client, edge, cloud } = await start();
    const tenant = await edge.store.tenants.findByName("default");
    if (tenant === undefined) throw new Error("no default tenant");
    const pairs = () => edge.store.trainingPairs.page({ tenantId: tenant.id, limit: 100 });

    await ask(client, prompts[0] ?? "");
    expect(await pairs()).toEqual([]);

    await edge.administration.setTenant("default", { keepTrainingPairs: true });
    const answered = await ask(client, prompts[0] ?? "");
    // The client got the values back; the pair holds what crossed the wire.
    expect(answered.choices[0]?.message.content).toContain(values.cpf);
    const stream = await client.chat.completions.create({
      model: "big-model",
      messages: [{ role: "user", content: prompts[1] ?? "" }],
      stream: true,
    });
    for await (const chunk of stream) expect(chunk.choices).toBeDefined();
    // Answered on this machine: nothing crossed, nothing is kept.
    await client.chat.completions.create({
      model: "local",
      messages: [{ role: "user", content: prompts[1] ?? "" }],
    });

    const kept = await pairs();
    expect(kept).toHaveLength(2);
    expect(kept[0]).toMatchObject({
      responseId: answered.id,
      provider: "lan",
      model: "big-model",
      finishReason: "stop",
    });
    expect(kept[0]?.messages).toEqual(
      cloud.requests[1]?.messages.map(({ role, content }) => ({ role, content })),
    );
    expect(kept[0]?.messages.at(-1)?.content).toMatch(
      /^O paciente tem CPF <CPF_1_[a-z0-9]{6}>\. Qual formulário ele preenche\?$/,
    );
    expect(kept[0]?.answer).toBe(`Recebi: ${kept[0]?.messages.at(-1)?.content ?? ""}`);
    const text = JSON.stringify(kept);
    for (const value of Object.values(values)) expect(text).not.toContain(value);

    await edge.administration.setTenant("default", { keepTrainingPairs: false });
    await ask(client, prompts[1] ?? "");
    expect(await pairs()).toHaveLength(2);
  });

  it("are not kept while the privacy guard is off: nothing was masked", async () => {
    const { client, edge } = await startEchoPair(gateways, { privacy: { enabled: false } });
    await edge.administration.setTenant("default", { keepTrainingPairs: true });
    const answered = await ask(client, prompts[0] ?? "");
    expect(answered.choices[0]?.message.content).toContain(values.cpf);
    const tenant = await edge.store.tenants.findByName("default");
    expect(await edge.store.trainingPairs.page({ tenantId: tenant?.id ?? "", limit: 10 })).toEqual(
      [],
    );
  });

  it("are exported by `colibri tune dataset` with corrections, and no value the guard would mask", async () => {
    const { client, edge, address, database } = await start();
    await edge.administration.setTenant("default", { keepTrainingPairs: true });
    await ask(client, prompts[0] ?? "");
    await ask(client, prompts[0] ?? ""); // the same exchange again: a duplicate once masked
    const second = await ask(client, prompts[1] ?? "");
    const third = await ask(client, "¿Cuál es el horario de atención?");
    const fourth = await ask(client, "¿Dónde se entrega el formulario?");
    await rate(address, third.id, "De lunes a viernes, de 8 a 15 horas.");
    // A correction typed with a real value (the guard never saw it): dropped at export.
    await rate(address, fourth.id, `En la ventanilla 3, a nombre de ${values.otherCpf}.`);
    expect(second.choices[0]?.message.content).toContain(values.curp);
    await edge.close();

    const out = join(home, "dataset");
    const exported = await colibri(
      "tune",
      "dataset",
      "--database",
      database,
      "--tenant",
      "default",
      "--out",
      out,
      "--eval-share",
      "0.34",
      "--seed",
      "7",
    );
    expect(exported.stderr).toBe("");
    expect(exported.code).toBe(0);
    expect(exported.stdout).toContain('Read 5 training pairs of tenant "default" (2 with the user');
    expect(exported.stdout).toMatch(/dropped\s+1 {2}personal data the guard would mask/);
    expect(exported.stdout).toMatch(/dropped\s+1 {2}duplicates/);
    expect(exported.stdout).toContain("Wrote 2 examples to");

    const lines = [
      ...(await readFile(join(out, "train.jsonl"), "utf8")).split("\n"),
      ...(await readFile(join(out, "eval.jsonl"), "utf8")).split("\n"),
    ].filter((line) => line !== "");
    const examples = lines.map((line) => JSON.parse(line) as { messages: { content: string }[] });
    expect(examples).toHaveLength(3);
    const contents = examples.map((example) => example.messages.map((message) => message.content));
    expect(contents).toContainEqual([
      "Responde en el idioma del usuario.",
      "El trámite de CURP <CURP_1> y RFC <RFC_1>: ¿qué plazo tiene?",
      "Recebi: El trámite de CURP <CURP_1> y RFC <RFC_1>: ¿qué plazo tiene?",
    ]);
    expect(contents).toContainEqual([
      "Responde en el idioma del usuario.",
      "O paciente tem CPF <CPF_1>. Qual formulário ele preenche?",
      "Recebi: O paciente tem CPF <CPF_1>. Qual formulário ele preenche?",
    ]);
    expect(contents).toContainEqual([
      "Responde en el idioma del usuario.",
      "¿Cuál es el horario de atención?",
      "De lunes a viernes, de 8 a 15 horas.",
    ]);
    const written = lines.join("\n");
    for (const value of Object.values(values)) {
      expect(written).not.toContain(value);
      expect(written).not.toContain(value.replace(/\D/g, ""));
    }
  });
});
