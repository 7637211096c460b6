import { describe, expect, it } from "vitest";
import { jsonValueComplete } from "./tool-call-generation.js";

describe("jsonValueComplete", () => {
  it.each([
    ['{"city": "Lima"}', true],
    ['{"city": "Lima"', false],
    ['{"a": {"b": [1, 2]}}', true],
    ['{"a": {"b": [1, 2]}', false],
    ['{"text": "a } inside"}', true],
    ['{"text": "a } inside', false],
    ['{"text": "quote \\" and } still inside"', false],
    ['{"text": "quote \\" and } closed"}', true],
    ["[1, 2, 3]", true],
    ["", false],
    ["   ", false],
  ])("%j → %s", (text, complete) => {
    expect(jsonValueComplete(text)).toBe(complete);
  });
});
