import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalEngine } from "../../src/engine/local-engine.js";
import { defaultModel, loadTestEngine } from "../support/default-model.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";
import { storeWithDocument } from "../support/vector-store.js";

/**
 * A knowledge base answered by the real default model through the Responses API's file_search,
 * with the official `openai` client: a question the document answers (the answer holds the
 * document's fact and cites it), and one it cannot (the answer says the documents do not say,
 * rather than inventing). Asserted on behaviour, never on exact words.
 */
let engine: LocalEngine | undefined;
let gateway: TestGateway<LocalEngine> | undefined;
let client: OpenAI;
let storeId = "";
let fileId = "";

const protocol = `# Protocolo de la Clínica San Rafael

## Horario de atención

La clínica atiende de lunes a viernes de 7:30 a 19:00 y los sábados de 8:00 a 13:00.

## Vacuna contra la influenza

La vacuna contra la influenza se aplica gratis a mayores de 60 años y a embarazadas. Se debe traer el carnet de vacunación.

## Resultados de laboratorio

Los resultados de laboratorio se entregan en 48 horas hábiles, en la ventanilla 3.
`;

beforeAll(async () => {
  const model = await defaultModel();
  engine = await loadTestEngine(model, { contextSize: 4096 });
  gateway = await startTestGateway({ backend: engine, defaultMaxTokens: 160 });
  client = new OpenAI({
    baseURL: `${await gateway.server.listen()}/v1`,
    apiKey: "local",
    maxRetries: 0,
  });
  const { store, file } = await storeWithDocument(client, "clinica", {
    filename: "protocolo.md",
    text: protocol,
  });
  storeId = store.id;
  fileId = file.id;
});
afterAll(async () => {
  await gateway?.close();
  await engine?.close();
});

const ask = (input: string) =>
  client.responses.create({
    model: "local",
    input,
    temperature: 0,
    max_output_tokens: 160,
    tools: [{ type: "file_search", vector_store_ids: [storeId] }],
  });

describe("file_search with the default model", () => {
  it("answers from the document and cites it", async () => {
    const response = await ask("¿En cuánto tiempo entregan los resultados de laboratorio?");
    expect(response.output_text).toMatch(/48/u);
    const message = response.output.find((item) => item.type === "message");
    const text = message?.type === "message" ? message.content[0] : undefined;
    const annotations = text?.type === "output_text" ? text.annotations : [];
    expect(annotations.length, response.output_text).toBeGreaterThan(0);
    expect(annotations[0]).toMatchObject({ type: "file_citation", file_id: fileId });
  });

  it("says the documents do not hold an answer they do not hold", async () => {
    const response = await ask("¿Cuál es el precio de una consulta con el cardiólogo?");
    // No price appears, and the answer says it is not in the documents.
    expect(response.output_text).not.toMatch(/\$|\d+\s*(pesos|soles|dólares|reales)/iu);
    expect(response.output_text).toMatch(
      /no (se )?(menciona|especifica|contiene|incluye|indica|encuentra|proporciona|tengo|hay|dice)|no está/iu,
    );
  });
});
