import { describe, expect, it } from "vitest";
import { StopSequenceFilter, type TextPiece } from "./stop-sequence-filter.js";

function run(
  filter: StopSequenceFilter<number>,
  texts: string[],
): { output: string; items: number[]; stopped: boolean } {
  const released: TextPiece<number>[] = [];
  let stopped = false;
  for (const [index, text] of texts.entries()) {
    const result = filter.push({ text, items: [index] });
    released.push(...result.released);
    stopped = result.stopped;
    if (stopped) break;
  }
  if (!stopped) released.push(...filter.flush());
  return {
    output: released.map((piece) => piece.text).join(""),
    items: released.flatMap((piece) => piece.items),
    stopped,
  };
}

describe("StopSequenceFilter", () => {
  it("passes text through at once when there are no stop sequences", () => {
    const filter = new StopSequenceFilter<number>([]);
    expect(filter.push({ text: "Hola", items: [0] }).released).toEqual([
      { text: "Hola", items: [0] },
    ]);
  });

  it("never emits a stop sequence split over several pieces, nor anything after it", () => {
    const result = run(new StopSequenceFilter(["END"]), ["Hola E", "N", "D y más"]);
    expect(result).toEqual({ output: "Hola ", items: [0], stopped: true });
  });

  it("holds back a possible start of a stop sequence and releases it when it diverges", () => {
    const filter = new StopSequenceFilter<number>(["\n\n"]);
    expect(filter.push({ text: "uno\n", items: [0] }).released).toEqual([
      { text: "uno", items: [0] },
    ]);
    expect(filter.push({ text: "dos", items: [1] }).released).toEqual([
      { text: "\n", items: [] },
      { text: "dos", items: [1] },
    ]);
  });

  it("releases held text at the end when no stop sequence completed", () => {
    expect(run(new StopSequenceFilter(["STOP"]), ["fin ST"])).toEqual({
      output: "fin ST",
      items: [0],
      stopped: false,
    });
  });

  it("stops at the earliest of several stop sequences", () => {
    expect(run(new StopSequenceFilter(["b", "a"]), ["xxab"]).output).toBe("xx");
  });

  it("drops trailing whitespace when asked, keeping inner whitespace", () => {
    const filter = new StopSequenceFilter<number>([], { trimTrailingWhitespace: true });
    expect(run(filter, ['{"a": 1', "}", "\n", "\n  "]).output).toBe('{"a": 1}');
    const inner = new StopSequenceFilter<number>([], { trimTrailingWhitespace: true });
    expect(run(inner, ["{ ", '"a"', " }"]).output).toBe('{ "a" }');
  });
});
