import { afterEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import type { ChatEvent, ChatRequest, CloudBackend } from "../../src/core/chat.js";
import { guardedCloud, guardEgress, type EgressControl } from "../../src/privacy/egress-guard.js";
import { PrivacyGuard } from "../../src/privacy/privacy-guard.js";
import { AnthropicProvider, OpenAICompatibleProvider } from "../../src/upstream/index.js";
import { startEchoPair } from "../support/echo-cloud.js";
import { useFakeCloud } from "../support/fake-cloud.js";
import { collect, testProviderConfig, textOf } from "../support/provider-config.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import type { TestGateway } from "../support/test-gateway.js";

/**
 * Tool calling through the privacy guard, from a ChatRequest to what a cloud provider receives
 * and back: personal data in a tool's description, in a call's arguments and id, and in a tool's
 * result leaves as placeholders; placeholders in the cloud's calls come back restored, and the
 * arguments are still JSON: from a ChatRequest to each provider, and end to end with the official
 * client through an edge Colibrí whose cloud is a second Colibrí.
 */
const fake = useFakeCloud();
const guard = new PrivacyGuard(parseConfig({ home: "/tmp/colibri-unused" }).privacy);
const control: EgressControl = { guard, auditor: undefined, onAuditFailure: () => {} };

const cpf = "390.533.447-05";
const email = "ana.souza@example.com";

/** The request's events through the guard, to `provider` as the policy (pseudonymize) allows. */
async function throughGuard(provider: CloudBackend, request: ChatRequest): Promise<ChatEvent[]> {
  const scan = await guard.scan(request);
  const decision = await guardEgress(
    { provider: "nube", model: "gpt-4o-mini", region: undefined, reason: "test" },
    { requestId: "request-1", tenantId: "tenant-1", tenant: "default", scan },
    control,
  );
  if (decision.verdict !== "send") throw new Error(`not sent: ${decision.verdict}`);
  return collect(guardedCloud(provider, decision.permit, control).chat(request));
}

const conversation: ChatRequest = {
  messages: [
    { role: "user", content: "Manda um e-mail ao paciente." },
    {
      role: "assistant",
      content: "",
      toolCalls: [
        {
          id: cpf,
          name: "buscar_paciente",
          arguments: JSON.stringify({ cpf, contato: { email }, numero: 39053344705 }),
        },
      ],
    },
    {
      role: "tool",
      content: JSON.stringify({ nome: "Ana", cpf, email }),
      toolCallId: cpf,
    },
  ],
  sampling: {},
  tools: {
    definitions: [
      {
        name: "buscar_paciente",
        description: `Busca um paciente; o de teste tem CPF ${cpf}.`,
        parameters: {
          type: "object",
          properties: { cpf: { type: "string", description: `Por exemplo ${email}` } },
        },
      },
    ],
    choice: "auto",
    parallel: true,
  },
};

/** Each event on a later turn of the event loop, as a network stream delivers them. */
async function* streamed(events: readonly ChatEvent[]): AsyncGenerator<ChatEvent> {
  for (const event of events) {
    await new Promise((resolve) => setImmediate(resolve));
    yield event;
  }
}

/** No form of either value is in what the provider received. */
function expectNoValues(rawBody: string | undefined): void {
  expect(rawBody).toBeDefined();
  for (const value of [cpf, "39053344705", email]) expect(rawBody).not.toContain(value);
}

describe("tool calls through the privacy guard", () => {
  it("an OpenAI-compatible provider receives placeholders in the tools, the call and its result; the call's arguments are JSON and its id still pairs with the result", async () => {
    const openai = fake.track(
      new OpenAICompatibleProvider({ config: testProviderConfig({ baseUrl: fake.cloud.url }) }),
    );
    await throughGuard(openai, conversation);
    const [sent] = fake.cloud.requests;
    expectNoValues(sent?.rawBody);
    const body = sent?.body as {
      messages: {
        content: string | null;
        tool_calls?: { id: string; function: { arguments: string } }[];
        tool_call_id?: string;
      }[];
      tools: { function: { description: string } }[];
    };
    const call = body.messages[1]?.tool_calls?.[0];
    expect(JSON.parse(call?.function.arguments ?? "")).toEqual({
      cpf: expect.stringMatching(/^<CPF_1_[a-z0-9]{6}>$/),
      contato: { email: expect.stringMatching(/^<EMAIL_1_[a-z0-9]{6}>$/) },
      // The same CPF as a number: the same placeholder, as a string.
      numero: expect.stringMatching(/^<CPF_1_[a-z0-9]{6}>$/),
    });
    expect(call?.id).toMatch(/^<CPF_1_[a-z0-9]{6}>$/);
    expect(body.messages[2]?.tool_call_id).toBe(call?.id);
    expect(body.messages[2]?.content).toMatch(/"cpf":"<CPF_1_[a-z0-9]{6}>"/);
    expect(body.tools[0]?.function.description).toMatch(/CPF <CPF_1_[a-z0-9]{6}>\.$/);
  });

  it("an Anthropic provider receives them masked too, with the tool_use id and its result's id alike", async () => {
    const claude = fake.track(
      new AnthropicProvider({
        config: testProviderConfig({
          name: "claude",
          kind: "anthropic",
          baseUrl: fake.cloud.url,
          models: ["claude-haiku"],
        }),
      }),
    );
    fake.cloud.reply({ kind: "fixture", file: "anthropic-message-stream.sse" });
    await throughGuard(claude, conversation);
    const [sent] = fake.cloud.requests;
    expectNoValues(sent?.rawBody);
    const body = sent?.body as { messages: { content: Record<string, unknown>[] }[] };
    const toolUse = body.messages[1]?.content[0];
    const toolResult = body.messages[2]?.content[0];
    expect(toolUse).toMatchObject({
      type: "tool_use",
      id: expect.stringMatching(/^_CPF_1_[a-z0-9]{6}_$/),
      input: { cpf: expect.stringMatching(/^<CPF_1_[a-z0-9]{6}>$/) },
    });
    expect(toolResult).toMatchObject({ type: "tool_result", tool_use_id: toolUse?.["id"] });
  });

  it("restores the placeholders of the cloud's calls as valid JSON, after the text before them", async () => {
    const received: ChatRequest[] = [];
    // A cloud that answers with the placeholders it was sent, the text's split over two chunks.
    const cloud: CloudBackend = {
      isAvailable: () => true,
      chat(request) {
        received.push(request);
        const sent = JSON.parse(request.messages[1]?.toolCalls?.[0]?.arguments ?? "") as {
          cpf: string;
          contato: { email: string };
        };
        const placeholder = sent.contato.email;
        return streamed([
          { type: "delta", text: `Escrevo a ${placeholder.slice(0, 4)}`, logprobs: [] },
          { type: "delta", text: placeholder.slice(4), logprobs: [] },
          {
            type: "tool_call",
            index: 0,
            call: {
              id: "call_9",
              name: "enviar_email",
              arguments: JSON.stringify({ para: placeholder, assunto: `CPF ${sent.cpf}` }),
            },
          },
          {
            type: "done",
            finishReason: "tool_calls",
            usage: { promptTokens: 1, completionTokens: 1 },
          },
        ]);
      },
    };
    const events = await throughGuard(cloud, conversation);
    expect(JSON.stringify(received)).not.toContain(email);
    expect(textOf(events)).toBe(`Escrevo a ${email}`);
    expect(events.map((event) => event.type)).toEqual(["delta", "delta", "tool_call", "done"]);
    const call = events[2]?.type === "tool_call" ? events[2].call : undefined;
    expect(call).toMatchObject({ id: "call_9", name: "enviar_email" });
    expect(JSON.parse(call?.arguments ?? "")).toEqual({ para: email, assunto: `CPF ${cpf}` });
  });
});

describe("tool calls end to end, client → edge → cloud stand-in → client", () => {
  const gateways: TestGateway<ScriptedBackend>[] = [];
  afterEach(async () => {
    await Promise.all(gateways.splice(0).map((started) => started.close()));
  });

  it("the cloud gets placeholders in the tools, the call and the result; its own call comes back with the values, as JSON, whole and streamed", async () => {
    const { cloud, client } = await startEchoPair(gateways);
    cloud.tokens = [];
    // The stand-in calls a tool with the placeholders of the last message it received.
    cloud.tokensOf = () => ["Um ", "momento."];
    cloud.toolCallsOf = (request) => {
      const [to, id] = request.messages.at(-1)?.content.match(/<[A-Z]+_\d+_[a-z0-9]{6}>/g) ?? [];
      return [
        { id: "call_9", name: "enviar_email", arguments: JSON.stringify({ para: to, cpf: id }) },
      ];
    };
    const request = {
      model: "big-model",
      messages: [
        { role: "user" as const, content: "Busca a paciente." },
        {
          role: "assistant" as const,
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function" as const,
              function: { name: "buscar_paciente", arguments: JSON.stringify({ cpf }) },
            },
          ],
        },
        { role: "tool" as const, tool_call_id: "call_1", content: `Encontrada, CPF ${cpf}.` },
        { role: "user" as const, content: `Escreve a ${email}, com o CPF ${cpf}.` },
      ],
      tools: [
        {
          type: "function" as const,
          function: {
            name: "enviar_email",
            description: `Envia um e-mail; a cópia vai para ${email}.`,
            parameters: { type: "object", properties: { para: { type: "string" } } },
          },
        },
      ],
    };

    const whole = await client.chat.completions.create(request);
    const choice = whole.choices[0];
    expect(choice?.finish_reason).toBe("tool_calls");
    const call = choice?.message.tool_calls?.[0];
    expect(call?.type === "function" && call.function.name).toBe("enviar_email");
    expect(JSON.parse(call?.type === "function" ? call.function.arguments : "")).toEqual({
      para: email,
      cpf,
    });

    const stream = await client.chat.completions.create({ ...request, stream: true });
    let text = "";
    let streamedArguments = "";
    let finish: string | null | undefined;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      for (const piece of chunk.choices[0]?.delta.tool_calls ?? []) {
        streamedArguments += piece.function?.arguments ?? "";
      }
      finish = chunk.choices[0]?.finish_reason ?? finish;
    }
    expect(text).toBe("Um momento.");
    expect(JSON.parse(streamedArguments)).toEqual({ para: email, cpf });
    expect(finish).toBe("tool_calls");

    expect(cloud.requests).toHaveLength(2);
    const received = JSON.stringify(cloud.requests);
    for (const value of [cpf, "39053344705", email]) expect(received).not.toContain(value);
    const [first] = cloud.requests;
    expect(first?.tools?.definitions[0]?.description).toMatch(/<EMAIL_1_[a-z0-9]{6}>\.$/);
    expect(JSON.parse(first?.messages[1]?.toolCalls?.[0]?.arguments ?? "")).toEqual({
      cpf: expect.stringMatching(/^<CPF_1_[a-z0-9]{6}>$/),
    });
    expect(first?.messages[2]).toMatchObject({
      role: "tool",
      toolCallId: "call_1",
      content: expect.stringMatching(/^Encontrada, CPF <CPF_1_[a-z0-9]{6}>\.$/),
    });
  });
});
