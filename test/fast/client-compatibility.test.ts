import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import Anthropic from "@anthropic-ai/sdk";
import { tool as langchainTool } from "@langchain/core/tools";
import { ChatOpenAI } from "@langchain/openai";
import { generateText, stepCountIs, tool } from "ai";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatRequest, ToolCall } from "../../src/core/chat.js";
import { echoTokens, startEchoPair } from "../support/echo-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import type { TestGateway } from "../support/test-gateway.js";

/**
 * The official clients of the model suite's client-compatibility file, each once through a cloud
 * stand-in: an edge Colibrí whose provider is a second Colibrí that calls `find_patient` with the
 * CPF placeholder it was sent, then echoes the tool's result. What the stand-in received holds no
 * personal value; what the client gets back holds the values again (a call's arguments, the text).
 */
const gateways: TestGateway<ScriptedBackend>[] = [];
afterEach(async () => {
  await Promise.all(gateways.splice(0).map((started) => started.close()));
});

const cpf = "390.533.447-05";
const email = "ana.souza@example.com";
const prompt = `Find the patient with CPF ${cpf}.`;
const patientRecord = { name: "Ana Souza", email };

/** A stand-in that calls find_patient with the first CPF placeholder it sees, then echoes a result. */
async function startStandIn() {
  const pair = await startEchoPair(gateways);
  const afterResult = (request: ChatRequest) => request.messages.at(-1)?.role === "tool";
  pair.cloud.tokensOf = (request) => (afterResult(request) ? echoTokens(request) : []);
  pair.cloud.toolCallsOf = (request): ToolCall[] => {
    if (afterResult(request)) return [];
    const [placeholder] = JSON.stringify(request.messages).match(/<CPF_\d+_[a-z0-9]{6}>/) ?? [];
    return [
      { id: "call_1", name: "find_patient", arguments: JSON.stringify({ cpf: placeholder }) },
    ];
  };
  return pair;
}

/** No form of the CPF or the e-mail is in what the stand-in received; placeholders are. */
function expectMasked(cloud: ScriptedBackend): void {
  expect(cloud.requests.length).toBeGreaterThan(0);
  const received = JSON.stringify(cloud.requests);
  for (const value of [cpf, "39053344705", email]) expect(received).not.toContain(value);
  expect(received).toMatch(/<CPF_1_[a-z0-9]{6}>/);
}

const patientParameters = z.object({ cpf: z.string() });

describe("official clients through a cloud stand-in, personal values masked", () => {
  it("openai responses.create: a function_call_output with an e-mail; the echoed answer has it back", async () => {
    const { cloud, client } = await startStandIn();
    const response = await client.responses.create({
      model: "big-model",
      input: [
        { role: "user", content: prompt },
        {
          type: "function_call",
          call_id: "call_1",
          name: "find_patient",
          arguments: JSON.stringify({ cpf }),
        },
        { type: "function_call_output", call_id: "call_1", output: JSON.stringify(patientRecord) },
      ],
      tools: [
        {
          type: "function",
          name: "find_patient",
          description: "Find a patient by CPF.",
          parameters: z.toJSONSchema(patientParameters),
          strict: false,
        },
      ],
    });
    expectMasked(cloud);
    expect(JSON.stringify(cloud.requests)).toMatch(/<EMAIL_1_[a-z0-9]{6}>/);
    expect(response.output_text).toContain(email);
  });

  it("Vercel AI SDK generateText: the executed tool gets the real CPF, the stand-in only placeholders", async () => {
    const { cloud, address } = await startStandIn();
    const provider = createOpenAICompatible({
      name: "colibri",
      baseURL: `${address}/v1`,
      apiKey: "local",
    });
    const received: string[] = [];
    const result = await generateText({
      model: provider.chatModel("big-model"),
      prompt,
      tools: {
        find_patient: tool({
          description: "Find a patient by CPF.",
          inputSchema: patientParameters,
          execute: ({ cpf: value }) => {
            received.push(value);
            return patientRecord;
          },
        }),
      },
      stopWhen: stepCountIs(2),
    });
    expect(received).toEqual([cpf]);
    expect(result.text).toContain(email);
    expect(cloud.requests).toHaveLength(2);
    expectMasked(cloud);
  });

  it("LangChain bindTools: tool_calls carry the real CPF, the stand-in got a placeholder", async () => {
    const { cloud, address } = await startStandIn();
    const findPatient = langchainTool(() => JSON.stringify(patientRecord), {
      name: "find_patient",
      description: "Find a patient by CPF.",
      schema: patientParameters,
    });
    const chat = new ChatOpenAI({
      model: "big-model",
      apiKey: "local",
      configuration: { baseURL: `${address}/v1` },
      maxRetries: 0,
    });
    const message = await chat.bindTools([findPatient]).invoke(prompt);
    expect(message.tool_calls).toHaveLength(1);
    expect(message.tool_calls?.[0]).toMatchObject({ name: "find_patient", args: { cpf } });
    expectMasked(cloud);
  });

  it("Anthropic messages.stream: the tool_use input carries the real CPF, the stand-in got a placeholder", async () => {
    const { cloud, address } = await startStandIn();
    const anthropic = new Anthropic({ baseURL: address, apiKey: "local", maxRetries: 0 });
    const stream = anthropic.messages.stream({
      model: "big-model",
      max_tokens: 64,
      system: `Contact: ${email}.`,
      messages: [{ role: "user", content: prompt }],
      tools: [
        {
          name: "find_patient",
          description: "Find a patient by CPF.",
          input_schema: { type: "object", properties: { cpf: { type: "string" } } },
        },
      ],
    });
    let partialJson = "";
    stream.on("inputJson", (delta) => (partialJson += delta));
    const final = await stream.finalMessage();
    expect(final.stop_reason).toBe("tool_use");
    expect(final.content).toEqual([
      { type: "tool_use", id: "call_1", name: "find_patient", input: { cpf } },
    ]);
    expect(JSON.parse(partialJson)).toEqual({ cpf });
    expectMasked(cloud);
    expect(JSON.stringify(cloud.requests)).toMatch(/<EMAIL_1_[a-z0-9]{6}>/);
  });
});
