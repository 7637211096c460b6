import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../core/errors.js";
import { toGrammarSchema } from "./json-schema-grammar.js";

function refusal(schema: unknown): string {
  try {
    toGrammarSchema(schema);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    expect((error as InvalidRequestError).param).toBe("response_format");
    return (error as Error).message;
  }
  throw new Error("expected the schema to be refused");
}

describe("toGrammarSchema", () => {
  it("keeps the supported subset, dropping annotations", () => {
    expect(
      toGrammarSchema({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        title: "Person",
        type: "object",
        properties: {
          name: { type: "string", minLength: 1, description: "full name" },
          age: { type: "integer" },
          tags: { type: "array", items: { enum: ["a", "b"] }, maxItems: 3 },
        },
        required: ["name", "age"],
        additionalProperties: false,
      }),
    ).toEqual({
      type: "object",
      properties: {
        name: { type: "string", minLength: 1, description: "full name" },
        age: { type: "integer" },
        tags: { type: "array", items: { enum: ["a", "b"] }, maxItems: 3 },
      },
      additionalProperties: false,
    });
  });

  it("turns anyOf and multi-type arrays into oneOf, and definitions refs into $defs refs", () => {
    expect(
      toGrammarSchema({
        definitions: { Id: { type: "string" } },
        type: "object",
        properties: {
          id: { $ref: "#/definitions/Id" },
          note: { type: ["string", "null"], maxLength: 10 },
          value: { anyOf: [{ type: "number" }, { const: "none" }] },
        },
      }),
    ).toEqual({
      type: "object",
      properties: {
        id: { $ref: "#/$defs/Id" },
        note: { oneOf: [{ type: "string", maxLength: 10 }, { type: "null" }] },
        value: { oneOf: [{ type: "number" }, { const: "none" }] },
      },
      $defs: { Id: { type: "string" } },
    });
  });

  it("treats an object without properties as any object", () => {
    expect(toGrammarSchema({ type: "object" })).toEqual({
      type: "object",
      properties: {},
      additionalProperties: true,
    });
  });

  it("refuses what a grammar cannot enforce, naming the place and the keyword", () => {
    expect(
      refusal({ type: "object", properties: { code: { type: "string", pattern: "^[A-Z]+$" } } }),
    ).toMatch(/schema\.properties\.code.*"pattern"/);
    expect(refusal({ type: "integer", minimum: 0 })).toMatch(/"minimum"/);
    expect(refusal({ type: "string", format: "email" })).toMatch(/format "email"/);
    expect(refusal({ $ref: "#/$defs/Missing" })).toMatch(/\$ref/);
    expect(refusal({ allOf: [{ type: "string" }, { type: "number" }] })).toMatch(/allOf/);
    expect(
      refusal({ type: "object", properties: { a: { type: "string" } }, required: ["b"] }),
    ).toMatch(/"b"/);
    expect(refusal("nope")).toMatch(/JSON object/);
  });
});
