import { describe, expect, it } from "vitest";
import { guessLanguage } from "./language.js";

describe("guessLanguage (the model suite's judge)", () => {
  it.each([
    ["La capital de Argentina es Buenos Aires, una ciudad muy grande.", "es"],
    ["A capital do Brasil é Brasília, que fica no centro do país.", "pt"],
    ["The capital of Argentina is Buenos Aires.", "en"],
    ["Write a python function that reverses a string", "en"],
    ["Escreva uma função que inverta a lista", "pt"],
  ] as const)("%s → %s", (text, language) => {
    expect(guessLanguage(text).language).toBe(language);
  });

  it("refuses to guess from text without stop words", () => {
    expect(guessLanguage("Háloqí 1234").language).toBeUndefined();
  });
});
