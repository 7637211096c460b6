import { describe, expect, it } from "vitest";
import {
  contextBefore,
  endsWithGenericLabel,
  endsWithNegativeWord,
  foldForMatching,
  wordsPattern,
} from "./context-words.js";

describe("context words", () => {
  it("folds accents and case without moving offsets", () => {
    const text = "Cédula de Identificação Nº 12";
    const folded = foldForMatching(text);
    expect(folded).toBe("cedula de identificacao nº 12");
    expect(folded.length).toBe(text.length);
  });

  it("matches whole words only", () => {
    const words = wordsPattern(["rut", "c.i."]);
    expect(words.test("mi rut es")).toBe(true);
    expect(words.test("c.i. 123")).toBe(true);
    expect(words.test("abrut 123")).toBe(false);
    expect(words.test("ruta 5")).toBe(false);
  });

  it("looks back within the sentence, not into the previous one or a cut word", () => {
    const text = "Meu CPF mudou. O número é 123";
    expect(contextBefore(foldForMatching(text), text.indexOf("123"))).toBe(" o numero e ");
    const cut = "abrut".padStart(45, "x") + " 123";
    expect(contextBefore(foldForMatching(cut), cut.indexOf("123"))).toBe(" ");
    expect(contextBefore("c.i. v-", 7)).toBe("c.i. v-");
  });

  it("sees a negative word right before the number, with a few words in between at most", () => {
    expect(endsWithNegativeWord("seu pedido nº ")).toBe(true);
    expect(endsWithNegativeWord("protocolo de atendimento ")).toBe(true);
    expect(endsWithNegativeWord("your order number is ")).toBe(true);
    expect(endsWithNegativeWord("ticket #")).toBe(true);
    expect(endsWithNegativeWord("pedido do cliente joao da silva: ")).toBe(false);
    expect(endsWithNegativeWord("meu cpf e ")).toBe(false);
  });
  it("reads a value that corrects a wrong one as the writer's own, like a generic label", () => {
    expect(endsWithGenericLabel("disculpa, me equivoque, la correcta es ")).toBe(true);
    expect(endsWithGenericLabel("foi erro meu, o certo e: ")).toBe(true);
    // Without the mistake owned up to, or when the mistake was an amount or an order.
    expect(endsWithGenericLabel("el correcto es ")).toBe(false);
    expect(endsWithGenericLabel("me equivoque en el total, el bueno es ")).toBe(false);
    expect(endsWithGenericLabel("me equivoque, el bueno es el pedido ")).toBe(false);
  });
});
