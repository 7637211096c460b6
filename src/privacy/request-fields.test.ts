import { describe, expect, it } from "vitest";
import { parseConfig } from "../config/load.js";
import type { ChatRequest } from "../core/chat.js";
import { PrivacyGuard } from "./privacy-guard.js";
import { maskRequest, requestTexts } from "./request-fields.js";

const guard = new PrivacyGuard(parseConfig({ home: "/tmp/colibri-unused" }).privacy);

function request(overrides: Partial<ChatRequest> = {}): ChatRequest {
  return {
    messages: [{ role: "user", content: "Mi CPF es 390.533.447-05." }],
    sampling: { temperature: 0.2, stop: ["FIN"] },
    ...overrides,
  };
}

describe("the texts of a request", () => {
  it("are every message, stop sequence, format name, schema member name, string and number", () => {
    const texts = [
      ...requestTexts(
        request({
          responseFormat: {
            type: "json_schema",
            name: "ficha",
            schema: { type: "object", properties: { "a/b": { enum: [7, true, null] } } },
          },
        }),
      ),
    ];
    expect(texts.map(({ field, text }) => `${field.part} ${field.pointer} = ${text}`)).toEqual([
      "value /messages/0/content = Mi CPF es 390.533.447-05.",
      "value /sampling/stop/0 = FIN",
      "value /responseFormat/name = ficha",
      "key /responseFormat/schema/type = type",
      "value /responseFormat/schema/type = object",
      "key /responseFormat/schema/properties = properties",
      "key /responseFormat/schema/properties/a~1b = a/b",
      "key /responseFormat/schema/properties/a~1b/enum = enum",
      "value /responseFormat/schema/properties/a~1b/enum/0 = 7",
    ]);
  });
});

describe("the tool fields of a request", () => {
  const withTools = request({
    messages: [
      { role: "user", content: "Busca o paciente." },
      {
        role: "assistant",
        content: "",
        toolCalls: [
          { id: "call_1", name: "buscar", arguments: '{"cpf": "390.533.447-05", "n": 2}' },
          { id: "call_2", name: "listar", arguments: "not json" },
        ],
      },
      { role: "tool", content: '{"nome": "Ana"}', toolCallId: "call_1" },
    ],
    tools: {
      definitions: [
        {
          name: "buscar",
          description: "Busca por CPF",
          parameters: { type: "object", properties: { cpf: { type: "string" } } },
        },
        { name: "listar" },
      ],
      choice: { name: "buscar" },
      parallel: false,
    },
  });

  it("are the calls' ids, names and arguments (as canonical JSON when they are JSON), the result's call id, and every definition's name, description and schema", () => {
    const texts = [...requestTexts(withTools)].map(
      ({ field, text }) => `${field.part} ${field.pointer} = ${text}`,
    );
    expect(texts).toEqual([
      "value /messages/0/content = Busca o paciente.",
      "value /messages/1/content = ",
      "value /messages/1/toolCalls/0/id = call_1",
      "value /messages/1/toolCalls/0/name = buscar",
      'value /messages/1/toolCalls/0/arguments = {"cpf":"390.533.447-05","n":2}',
      "value /messages/1/toolCalls/1/id = call_2",
      "value /messages/1/toolCalls/1/name = listar",
      "value /messages/1/toolCalls/1/arguments = not json",
      'value /messages/2/content = {"nome": "Ana"}',
      "value /messages/2/toolCallId = call_1",
      "value /sampling/stop/0 = FIN",
      "value /tools/definitions/0/name = buscar",
      "value /tools/definitions/0/description = Busca por CPF",
      "key /tools/definitions/0/parameters/type = type",
      "value /tools/definitions/0/parameters/type = object",
      "key /tools/definitions/0/parameters/properties = properties",
      "key /tools/definitions/0/parameters/properties/cpf = cpf",
      "key /tools/definitions/0/parameters/properties/cpf/type = type",
      "value /tools/definitions/0/parameters/properties/cpf/type = string",
      "value /tools/definitions/1/name = listar",
      "value /tools/choice/name = buscar",
    ]);
  });

  it("are masked in place, and arguments stay JSON when a number is masked", () => {
    const masked = maskRequest(withTools, (_, text) =>
      text.replaceAll("390.533.447-05", "<CPF_1_k3f9q2>").replaceAll(/\b2\b|buscar/g, "[X]"),
    );
    const call = masked.messages[1]?.toolCalls?.[0];
    expect(call?.name).toBe("[X]");
    expect(JSON.parse(call?.arguments ?? "")).toEqual({ cpf: "<CPF_1_k3f9q2>", n: "[X]" });
    expect(masked.messages[1]?.toolCalls?.[1]?.arguments).toBe("not json");
    expect(masked.tools).toEqual({
      definitions: [
        {
          name: "[X]",
          description: "Busca por CPF",
          parameters: { type: "object", properties: { cpf: { type: "string" } } },
        },
        { name: "listar" },
      ],
      choice: { name: "[X]" },
      parallel: false,
    });
    expect(masked.messages[2]).toEqual(withTools.messages[2]);
  });
});

describe("the request as it leaves", () => {
  it("holds only the fields the tables classify: anything else is not passed on", () => {
    // Fields ChatRequest does not have, in a message, a tool, the tools and the request.
    const message = { role: "tool" as const, content: "ok", toolCallId: "c1", name: "CPF 1" };
    const definition = { name: "f", strict: "CPF 390.533.447-05" };
    const tools = { definitions: [definition], choice: "auto" as const, parallel: true, cache: 1 };
    const withExtra = {
      ...request({ messages: [message], tools }),
      functions: [{ description: "CPF 390.533.447-05" }],
    };
    const masked = maskRequest(withExtra, (_, text) => text);
    expect(masked).toEqual(
      request({
        messages: [{ role: "tool", content: "ok", toolCallId: "c1" }],
        tools: { definitions: [{ name: "f" }], choice: "auto", parallel: true },
      }),
    );
    expect(JSON.stringify(masked)).not.toContain("390");
  });

  it("masks inside the schema: a masked number becomes a string, two names masked alike stay two", () => {
    const masked = maskRequest(
      request({
        responseFormat: {
          type: "json_schema",
          name: "ficha",
          schema: { properties: { uno: { const: 39053344705 }, dos: {} }, strict: true },
        },
      }),
      (field, text) =>
        text === "39053344705" || (field.part === "key" && ["uno", "dos"].includes(text))
          ? "[CPF]"
          : text,
    );
    expect(masked.responseFormat).toEqual({
      type: "json_schema",
      name: "ficha",
      schema: { properties: { "[CPF]": { const: "[CPF]" }, "[CPF] 2": {} }, strict: true },
    });
  });

  it("keeps a member named __proto__ as a member", () => {
    const schema = JSON.parse('{"__proto__": {"description": "CPF"}}') as Record<string, unknown>;
    const masked = maskRequest(
      request({ responseFormat: { type: "json_schema", name: "x", schema } }),
      (_, text) => text,
    );
    expect(JSON.stringify(masked.responseFormat)).toContain('"__proto__":{"description":"CPF"}');
  });
});

describe("PrivacyGuard.mask", () => {
  it("masks every field it scanned, and refuses a request whose text is not the one scanned", async () => {
    const scanned = request();
    const scan = await guard.scan(scanned);
    expect(scan.findings.map((entry) => entry.field.pointer)).toEqual(["/messages/0/content"]);
    const review = guard.review(scan, "default", { name: "nube", region: undefined });
    const masked = guard.mask(scanned, scan, review);
    expect(masked.request.messages[0]?.content).toMatch(/^Mi CPF es <CPF_1_[a-z0-9]{6}>\.$/);
    expect(masked.request.sampling).toEqual({ temperature: 0.2, stop: ["FIN"] });

    const changed = { ...scanned, sampling: { stop: ["CPF 111.444.777-35"] } };
    expect(() => guard.mask(changed, scan, review)).toThrow(
      /can only send text it has scanned.*\/sampling\/stop\/0/,
    );
    expect(() =>
      guard.mask(scanned, { findings: [], types: [], scanned: undefined }, review),
    ).toThrow(/was not scanned/);
  });
});
