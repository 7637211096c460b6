import type OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { openAIClientFor, startTestGateway, type TestGateway } from "../support/test-gateway.js";
import { storeWithDocument } from "../support/vector-store.js";

/**
 * Copilots: a configured assistant over the caller tenant's knowledge base, called as the model
 * `copilot:farmacia` through chat completions, Messages and Responses; each tenant is answered
 * from its own documents, and unknown copilots or missing bases get a 404 that says what to do.
 */
let gateway: TestGateway<ScriptedBackend> | undefined;

afterEach(async () => {
  await gateway?.close();
  gateway = undefined;
});

const instructions = "Eres el asistente de la Farmacia Central. Responde con amabilidad.";

async function start() {
  gateway = await startTestGateway({
    config: {
      server: { auth: true, adminKey: "admin-key-0123456789abcdef" },
      copilots: [
        {
          name: "farmacia",
          description: "Dosis, horarios y reclamos de la farmacia",
          instructions,
          knowledgeBases: ["farmacia"],
        },
      ],
    },
  });
  const address = await gateway.server.listen();
  const clientOf = (tenant: string) => openAIClientFor(gateway!, address, tenant);
  return { address, backend: gateway.backend, clientOf };
}

const knowledgeBase = async (client: OpenAI, text: string) =>
  (await storeWithDocument(client, "farmacia", { filename: "guia.md", text })).file;

describe("copilots", () => {
  it("grounds a chat completion, a message and a response in the tenant's own knowledge base", async () => {
    const { address, backend, clientOf } = await start();
    const central = await clientOf("central");
    const norte = await clientOf("norte");
    const file = await knowledgeBase(
      central,
      "# Guía\n\n## Dosis\n\nEl paracetamol se toma cada ocho horas.\n",
    );
    await knowledgeBase(norte, "# Guía\n\n## Dosis\n\nEl paracetamol se toma cada seis horas.\n");
    backend.tokensOf = () => ["Cada ocho horas [1]."];
    const question = "¿Cada cuánto se toma el paracetamol?";

    const completion = await central.chat.completions.create({
      model: "copilot:farmacia",
      messages: [{ role: "user", content: question }],
    });
    expect(completion.choices[0]?.message.content).toBe("Cada ocho horas [1].");
    const seen = backend.requests.at(-1)?.messages ?? [];
    expect(seen.map((message) => message.role)).toEqual(["system", "system", "user"]);
    expect(seen[0]?.content).toBe(instructions);
    expect(seen[1]?.content).toContain("cada ocho horas");
    expect(seen[1]?.content).not.toContain("seis");

    // The other tenant's copilot reads the other tenant's guide.
    await norte.chat.completions.create({
      model: "copilot:farmacia",
      messages: [{ role: "user", content: question }],
    });
    expect(backend.requests.at(-1)?.messages[1]?.content).toContain("cada seis horas");

    const key = central.apiKey;
    const message = await fetch(`${address}/v1/messages`, {
      method: "POST",
      headers: { "x-api-key": key ?? "", "content-type": "application/json" },
      body: JSON.stringify({
        model: "copilot:farmacia",
        max_tokens: 32,
        messages: [{ role: "user", content: question }],
      }),
    });
    expect(message.status).toBe(200);
    expect(backend.requests.at(-1)?.messages[1]?.content).toContain("cada ocho horas");

    const response = await central.responses.create({ model: "copilot:farmacia", input: question });
    const item = response.output.find((entry) => entry.type === "message");
    const text = item?.type === "message" ? item.content[0] : undefined;
    expect(text?.type === "output_text" ? text.annotations : []).toEqual([
      { type: "file_citation", index: 16, file_id: file.id, filename: "guia.md" },
    ]);

    const models = await central.models.list();
    expect(models.data.find((model) => model.id === "copilot:farmacia")).toMatchObject({
      owned_by: "colibri-copilot",
    });
  });

  it("says what to do for an unknown copilot, a tenant without its base, and a completion", async () => {
    const { address, clientOf } = await start();
    const central = await clientOf("central");
    const ask = (model: string) =>
      central.chat.completions.create({ model, messages: [{ role: "user", content: "Hola" }] });
    await expect(ask("copilot:clinica")).rejects.toMatchObject({
      status: 404,
      error: { code: "model_not_found", message: expect.stringContaining("copilot:farmacia") },
    });
    await expect(ask("copilot:farmacia")).rejects.toMatchObject({
      status: 404,
      error: {
        code: "knowledge_base_not_found",
        message: expect.stringContaining("colibri kb create farmacia"),
      },
    });
    await knowledgeBase(central, "# Guía\n\nAbrimos a las nueve.\n");
    const completion = await fetch(`${address}/v1/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${central.apiKey}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "copilot:farmacia", prompt: "Abrimos" }),
    });
    expect(completion.status, await completion.clone().text()).toBe(400);
  });

  it("refuses a configuration with two copilots of one name or a bad name", async () => {
    await expect(
      startTestGateway({
        config: {
          copilots: [
            { name: "farmacia", knowledgeBases: ["a"] },
            { name: "farmacia", knowledgeBases: ["b"] },
          ],
        },
      }),
    ).rejects.toThrow(/same name/u);
    await expect(
      startTestGateway({
        config: { copilots: [{ name: "Farmacia Central", knowledgeBases: ["a"] }] },
      }),
    ).rejects.toThrow(/lower-case/u);
  });
});
