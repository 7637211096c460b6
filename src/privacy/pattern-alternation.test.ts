import { describe, expect, it } from "vitest";
import { alternation, fromRunStarts, searching } from "./pattern-alternation.js";

function spans(matches: Iterable<RegExpExecArray>): string[] {
  return [...matches].map((match) => `${match.index}:${match[0]}`);
}

function combined(pattern: RegExp, text: string): string[] {
  return spans(text.matchAll(pattern));
}

describe("alternation", () => {
  it("finds what one regex of the alternatives finds: leftmost, the first on a tie, no overlap", () => {
    const text = "ab abc 12 a1 1a 123-45 abc12";
    const alternatives = [/abc/g, /ab/g, /\d+/g, /[a-c]\d/g, /c1/g];
    const joined = new RegExp(alternatives.map((pattern) => pattern.source).join("|"), "g");
    expect(spans(alternation(alternatives.map(searching), text))).toEqual(combined(joined, text));
    expect(spans(alternation(alternatives.map(searching), text))).toEqual([
      "0:ab",
      "3:abc",
      "7:12",
      "10:a1",
      "13:1",
      "16:123",
      "20:45",
      "23:abc",
      "26:12",
    ]);
  });

  it("finds nothing in a text where no alternative matches", () => {
    expect(spans(alternation([searching(/x/g), searching(/y/g)], "abc"))).toEqual([]);
  });
});

describe("fromRunStarts", () => {
  // A word in camelCase: letters from a run's start, with a capital after a lower-case letter.
  const camel = /(?<![A-Za-z])[a-z]{1,8}[A-Z][a-z]{0,5}/g;
  const finder = fromRunStarts(
    /[A-Z](?<=[a-z][A-Z])/g,
    (code) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122),
    9,
    new RegExp(camel.source, "y"),
  );

  it("finds the pattern's matches from where hints point, as a search of the whole text does", () => {
    const text = "x numeroCnh, abcdefGh aB Ab zzzzzzzzzzqQ cuitNro1 aBcDe";
    expect(spans(alternation([finder], text))).toEqual(combined(camel, text));
    // "zzzzzzzzzzqQ": the run starts too far before its capital for a match to reach it.
    expect(spans(alternation([finder], text))).toEqual([
      "2:numeroCnh",
      "13:abcdefGh",
      "22:aB",
      "41:cuitNro",
      "50:aBc",
    ]);
  });

  it("looks from the offset it is given: a run that starts before it is not tried", () => {
    const text = "numeroCnh cuitNro";
    expect(finder(text, 0)?.[0]).toBe("numeroCnh");
    expect(finder(text, 1)?.[0]).toBe("cuitNro");
    expect(finder(text, 11)).toBeNull();
  });
});
