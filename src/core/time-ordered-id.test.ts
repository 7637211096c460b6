import { describe, expect, it } from "vitest";
import { timeOrderedId } from "./time-ordered-id.js";

describe("timeOrderedId", () => {
  it("is a version-7 UUID", () => {
    expect(timeOrderedId()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it("sorts in the order made, within one millisecond, across milliseconds and when the clock steps back", () => {
    const now = Date.now() + 1_000;
    const made = [
      ...Array.from({ length: 5000 }, () => timeOrderedId(now)),
      timeOrderedId(now - 500),
      timeOrderedId(now + 1),
      timeOrderedId(now + 2),
    ];
    expect(new Set(made).size).toBe(made.length);
    expect([...made].sort()).toEqual(made);
  });
});
