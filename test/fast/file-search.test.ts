import type OpenAI from "openai";
import { afterEach, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { openAIClientFor, startTestGateway, type TestGateway } from "../support/test-gateway.js";
import { storeWithDocument } from "../support/vector-store.js";

/**
 * file_search in the Responses API, through the official `openai` client: the tenant's vector
 * store is searched for the question, the passages reach the model as a system message (masked by
 * the privacy guard when the model is a cloud's), and the answer's [n] come back as citations.
 */
let gateway: TestGateway<ScriptedBackend> | undefined;
let cloud: FakeCloud | undefined;

afterEach(async () => {
  await gateway?.close();
  await cloud?.close();
  gateway = cloud = undefined;
});

const guide = `# Guía de la farmacia

## Dosis

El paracetamol se toma cada ocho horas y no se superan cuatro gramos al día.

## Horario

La farmacia abre de lunes a sábado, de nueve a veinte horas.

## Contacto

La encargada, Ana María Souza (CPF 123.456.789-09), atiende los reclamos.
`;
const question = "¿Cada cuánto se toma el paracetamol?";

async function start() {
  cloud = await FakeCloud.start();
  gateway = await startTestGateway({
    config: {
      server: { auth: true, adminKey: "admin-key-0123456789abcdef" },
      providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
      router: { preRouter: { enabled: false } },
    },
  });
  const address = await gateway.server.listen();
  const client = await openAIClientFor(gateway, address, "farmacia");
  const { store, file } = await storeWithDocument(client, "farmacia", {
    filename: "guia.md",
    text: guide,
  });
  return { address, backend: gateway.backend, client, store, file };
}

describe("file_search in /v1/responses", () => {
  it("answers from the passages found, cites them, and lists them when asked", async () => {
    const { backend, client, store, file } = await start();
    backend.tokensOf = () => ["Cada ocho horas", " [1]."];
    const response = await client.responses.create({
      model: "local",
      input: question,
      tools: [{ type: "file_search", vector_store_ids: [store.id] }],
      include: ["file_search_call.results"],
    });

    const [search, message] = response.output;
    expect(search).toMatchObject({
      type: "file_search_call",
      status: "completed",
      queries: [question],
    });
    const results = search?.type === "file_search_call" ? (search.results ?? []) : [];
    expect(results[0]).toMatchObject({ file_id: file.id, filename: "guia.md" });
    expect(results[0]?.text).toContain("cada ocho horas");
    expect(response.output_text).toBe("Cada ocho horas [1].");
    expect(message?.type === "message" ? message.content[0] : undefined).toMatchObject({
      type: "output_text",
      annotations: [{ type: "file_citation", index: 16, file_id: file.id, filename: "guia.md" }],
    });

    // The model read the passage, numbered, with its document and heading.
    const grounding = backend.requests.at(-1)?.messages[0];
    expect(grounding?.role).toBe("system");
    expect(grounding?.content).toContain("[1] (guia.md, Guía de la farmacia > Dosis)");
    expect(grounding?.content).toContain("cada ocho horas");

    // Without include, the results are not listed.
    const plain = await client.responses.create({
      model: "local",
      input: question,
      tools: [{ type: "file_search", vector_store_ids: [store.id], max_num_results: 1 }],
    });
    expect(plain.output[0]).toMatchObject({ type: "file_search_call", results: null });
  });

  it("streams the search as its own item and the citations as annotation events", async () => {
    const { backend, client, store, file } = await start();
    backend.tokensOf = () => ["Abre de lunes", " a sábado [1]."];
    const stream = await client.responses.create({
      model: "local",
      input: "¿Qué días abre la farmacia?",
      tools: [{ type: "file_search", vector_store_ids: [store.id] }],
      stream: true,
    });
    const types: string[] = [];
    let completed: OpenAI.Responses.Response | undefined;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === "response.completed") completed = event.response;
    }
    expect(types.slice(0, 8)).toEqual([
      "response.created",
      "response.in_progress",
      "response.output_item.added",
      "response.file_search_call.in_progress",
      "response.file_search_call.searching",
      "response.file_search_call.completed",
      "response.output_item.done",
      "response.output_item.added",
    ]);
    expect(types).toContain("response.output_text.annotation.added");
    const message = completed?.output[1];
    expect(message?.type === "message" ? message.content[0] : undefined).toMatchObject({
      text: "Abre de lunes a sábado [1].",
      annotations: [{ type: "file_citation", file_id: file.id }],
    });
  });

  it("tells the model when nothing was found, and keeps other tenants' stores out", async () => {
    const { address, backend, client, store } = await start();
    await client.responses.create({
      model: "local",
      input: "zzz qqq",
      tools: [{ type: "file_search", vector_store_ids: [store.id] }],
    });
    expect(backend.requests.at(-1)?.messages[0]?.content).toContain("found nothing");

    const other = await openAIClientFor(gateway!, address, "escuela");
    const refused = other.responses.create({
      model: "local",
      input: question,
      tools: [{ type: "file_search", vector_store_ids: [store.id] }],
    });
    await expect(refused).rejects.toMatchObject({
      status: 404,
      error: { code: "vector_store_not_found", param: "tools" },
    });
    await expect(
      client.responses.create({
        model: "local",
        input: question,
        tools: [
          {
            type: "file_search",
            vector_store_ids: [store.id],
            filters: { type: "eq", key: "a", value: 1 },
          },
        ],
      }),
    ).rejects.toMatchObject({ status: 400 });
  });

  it("masks what the passages hold before they reach a cloud model", async () => {
    const { client, store } = await start();
    await client.responses.create({
      model: "gpt-4o-mini",
      input: "¿Quién atiende los reclamos? Dame su contacto.",
      tools: [{ type: "file_search", vector_store_ids: [store.id] }],
    });
    const sent = cloud?.requests.at(-1)?.rawBody ?? "";
    expect(sent).toContain("reclamos");
    expect(sent).not.toContain("123.456.789-09");
    expect(sent).not.toContain("Ana María Souza");
  });
});
