import { describe, expect, it } from "vitest";
import { EditedText } from "./edited-text.js";

describe("EditedText", () => {
  it("maps copied units to themselves and an edit's units to the span it replaced", () => {
    const text = EditedText.of("ab--cd").edited([
      { from: 2, to: 4, text: "-" },
      { from: 6, to: 6, text: "!" },
    ]);
    expect(text.text).toBe("ab-cd!");
    expect([0, 1, 2, 3, 4, 5].map((unit) => [text.start(unit), text.end(unit)])).toEqual([
      [0, 1],
      [1, 2],
      [2, 4],
      [4, 5],
      [5, 6],
      [6, 6],
    ]);
  });

  it("maps back through rounds of edits to the first text", () => {
    // Fullwidth digits read as ASCII, then a zero-width space dropped, then a space inserted.
    const first = EditedText.of("CPF３９\u200b０").edited([
      { from: 3, to: 4, text: "3" },
      { from: 4, to: 5, text: "9" },
      { from: 6, to: 7, text: "0" },
    ]);
    const second = first.edited([{ from: 5, to: 6, text: "" }]);
    const third = second.edited([{ from: 3, to: 3, text: " " }]);
    expect(third.text).toBe("CPF 390");
    // "390" spans the fullwidth digits and the invisible character between them.
    expect([third.start(4), third.end(6)]).toEqual([3, 7]);
    expect([third.start(3), third.end(3)]).toEqual([3, 3]);
    expect([third.start(0), third.end(2)]).toEqual([0, 3]);
  });

  it("is the same text, mapped to itself, when there is no edit", () => {
    const text = EditedText.of("abc");
    expect(text.edited([])).toBe(text);
    expect([text.start(1), text.end(1)]).toEqual([1, 2]);
  });
});
