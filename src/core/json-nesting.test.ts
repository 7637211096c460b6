import { describe, expect, it } from "vitest";
import { nestsDeeperThan } from "./json-nesting.js";

/** `levels` objects one inside the other, built without recursion. */
function nested(levels: number): unknown {
  let value: unknown = "hoja";
  for (let level = 0; level < levels; level++) value = { a: value };
  return value;
}

describe("nestsDeeperThan", () => {
  it("counts objects and arrays as levels, scalars as none", () => {
    expect(nestsDeeperThan("texto", 0)).toBe(false);
    expect(nestsDeeperThan({}, 0)).toBe(true);
    expect(nestsDeeperThan({}, 1)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: null }] }, 3)).toBe(false);
    expect(nestsDeeperThan({ a: [1, { b: [] }] }, 3)).toBe(true);
    expect(nestsDeeperThan(nested(100), 100)).toBe(false);
    expect(nestsDeeperThan(nested(101), 100)).toBe(true);
  });

  it("measures a value far deeper than the call stack allows recursion for", () => {
    const deep = nested(1_000_000);
    expect(nestsDeeperThan(deep, 100)).toBe(true);
    expect(nestsDeeperThan(deep, 2_000_000)).toBe(false);
  });
});
