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

describe("the request as it leaves", () => {
  it("holds only the fields the tables classify: anything else is not passed on", () => {
    const withExtra = { ...request(), tools: [{ description: "CPF 390.533.447-05" }] };
    const masked = maskRequest(withExtra, (_, text) => text);
    expect(masked).toEqual(request());
    expect(masked).not.toHaveProperty("tools");
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
