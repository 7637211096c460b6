import { describe, expect, it } from "vitest";
import {
  denseFeatureNames,
  denseFeatures,
  lengthScore,
  promptParts,
  promptText,
  structureScore,
} from "./dense-features.js";

const question = "Which of the following is NOT a prime number?\nA. 2\nB. 3\nC. 9\nD. 11\nAnswer:";

function named(prompt: string): Record<string, number | undefined> {
  const values = denseFeatures(prompt);
  return Object.fromEntries(denseFeatureNames.map((name, index) => [name, values[index]]));
}

describe("prompt text", () => {
  it("unwraps a prompt saved as a Python list of turns, escapes and all", () => {
    expect(promptText("['Write a function.\\nIt\\'s short.']")).toBe(
      "Write a function.\nIt's short.",
    );
    expect(promptText('["Say \\"hi\\"", "Then bye"]')).toBe('Say "hi"\nThen bye');
    expect(promptText("[1, 2] is a list")).toBe("[1, 2] is a list");
    expect(promptText(question)).toBe(question);
  });

  it("splits a multiple-choice question from its options and answer cue", () => {
    expect(promptParts(question)).toEqual({
      stem: "Which of the following is NOT a prime number?",
      options: ["2", "3", "9", "11"],
    });
    const steps = "Do this:\n1. first\nThen stop.";
    expect(promptParts(steps)).toEqual({ stem: steps, options: [] });
  });
});

describe("dense features", () => {
  it("describes how much there is to read and reason over", () => {
    expect(named(question)).toMatchObject({
      "option-count": 4,
      "question-mark": 1,
      negations: 1,
      "log-stem-numbers": 0,
      "log-numbers": Math.log1p(4),
    });
    const problem = named(
      "Ana has 12 apples. She gives 3 to Ben, who already had 5, and then buys 7 more. How many apples does she have now?",
    );
    expect(problem["log-stem-numbers"]).toBeCloseTo(Math.log1p(4), 9);
    expect(problem["log-sentences"]).toBeCloseTo(Math.log1p(3), 9);
    expect(problem["option-count"]).toBe(0);
  });

  it("reads the same whether the prompt is wrapped in a list or not", () => {
    const plain = "Write a function that sorts a list.\nReturn it.";
    expect(Array.from(denseFeatures(`['${plain.replace("\n", "\\n")}']`))).toEqual(
      Array.from(denseFeatures(plain)),
    );
  });
});

describe("heuristics", () => {
  const ladder = [
    "What is 2 + 2?",
    "Which river flows through Paris, the capital of France?",
    "A train leaves at 9:00 at 60 km/h and another at 10:00 at 80 km/h on the same track; when and where does the second catch up with the first, and how far have both gone by then?",
  ];

  it("length: a longer prompt scores higher", () => {
    const scores = ladder.map(lengthScore);
    expect([...scores].sort((a, b) => a - b)).toEqual(scores);
    expect(lengthScore("['What is 2 + 2?']")).toBe(lengthScore("What is 2 + 2?"));
  });

  it("structure: long options weigh more than short ones of the same question", () => {
    const stem = "Which statement about the experiment holds?";
    const short = `${stem}\nA. yes\nB. no\nAnswer:`;
    const long = `${stem}\nA. the sample was too small to tell\nB. the control group was not randomised\nAnswer:`;
    expect(structureScore(long)).toBeGreaterThan(structureScore(short));
    expect(structureScore(ladder[0] ?? "")).toBe(lengthScore(ladder[0] ?? ""));
  });
});
