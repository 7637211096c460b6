import { describe, expect, it } from "vitest";
import { checkAnswer, extractChoice, extractNumber } from "./answer-check.js";

const options = [
  "conciliação do jornalismo com a prática do skate.",
  "inserção das mulheres na modalidade skate street.",
  "desconstrução da noção do skate como modalidade masculina.",
  "vanguarda de ser a atleta mais jovem a subir no pódio olímpico.",
  "conquista de medalha nos Jogos Olímpicos de Tóquio.",
];

describe("extractChoice", () => {
  it.each([
    ["C", "C"],
    [" c ", "C"],
    ["C)", "C"],
    ["(C)", "C"],
    ["c) desconstrução da noção do skate", "C"],
    ["D. vanguarda de ser a atleta", "D"],
    ["B: inserção das mulheres", "B"],
    ["**E**", "E"],
    ["Letra C", "C"],
    ["letra d.", "D"],
    ["A alternativa correta é a (b).", "B"],
    ["A resposta correta é C, pois o texto", "C"],
    ["A resposta é a letra E.", "E"],
    ["Resposta: a", "A"],
    ["Respuesta: opción B", "B"],
    ["The answer is (A).", "A"],
    ["Answer: D", "D"],
    ["Opção A.", "A"],
    ["E", "E"],
    ["A", "A"],
    ["Acredito que seja B, porque", "B"],
  ])("reads %j as %s", (text, letter) => {
    expect(extractChoice(text, options)).toBe(letter);
  });

  it("does not take the article A or the conjunction E for a choice", () => {
    expect(extractChoice("A conquista da medalha mostra a força", [])).toBeUndefined();
    expect(extractChoice("E também a desconstrução", [])).toBeUndefined();
    expect(extractChoice("A resposta é a melhor forma de ver", [])).toBeUndefined();
    expect(extractChoice("A jornalista fala da inclusão, resposta C")).toBe("C");
  });

  it("recognises the text of one option when no letter is given", () => {
    expect(
      extractChoice("A desconstrução da noção do skate como modalidade masculina", options),
    ).toBe("C");
    expect(extractChoice("Inserção das mulheres na modalidade skate street", options)).toBe("B");
  });

  it("ignores letters beyond the options and answers that name none", () => {
    expect(extractChoice("E", ["sim", "não", "talvez"])).toBeUndefined();
    expect(extractChoice("Não sei responder a essa pergunta.", options)).toBeUndefined();
    expect(extractChoice("", options)).toBeUndefined();
  });
});

describe("extractNumber", () => {
  it.each([
    ["42", undefined, 42],
    ["A resposta é 1.234,5 reais.", "pt", 1234.5],
    ["The total is 1,234.5 dollars.", "en", 1234.5],
    ["1.234", "pt", 1234],
    ["1.234", "en", 1.234],
    ["1,234", "en", 1234],
    ["12,5", "pt", 12.5],
    ["12,5", "en", 12.5],
    ["-7", undefined, -7],
    ["x = −3,25", "pt", -3.25],
    ["1.000.000 de habitantes", "pt", 1_000_000],
    ["3 + 4 = 7. #### 7", "en", 7],
    ["Primeiro 5 maçãs, depois 3; a resposta é 8", "pt", 8],
    ["\\boxed{18}", "en", 18],
  ])("reads %j (%s) as %d", (text, language, value) => {
    expect(extractNumber(text, language)?.value).toBe(value);
  });

  it("notes a percent sign and finds nothing in words alone", () => {
    expect(extractNumber("Cerca de 25% dos alunos")).toEqual({ value: 25, percent: true });
    expect(extractNumber("Não há número aqui.")).toBeUndefined();
    expect(extractNumber("12.03.2021")).toBeUndefined();
  });
});

describe("extractNumber in a free answer", () => {
  it("reads the last number when asked, unless the answer marks one", () => {
    const free = "Ana compra 3 cuadernos a 4 pesos (12 pesos) y un bolígrafo de 2: paga 14 pesos.";
    expect(extractNumber(free, "es")?.value).toBe(3);
    expect(extractNumber(free, "es", "last")?.value).toBe(14);
    expect(
      extractNumber("A resposta é 37, pois 100 - 63 = 37 e não 36.", "pt", "last")?.value,
    ).toBe(37);
    expect(
      checkAnswer({ kind: "number", value: 14 }, free, { language: "es", number: "last" }).correct,
    ).toBe(true);
  });
});

describe("checkAnswer", () => {
  it("compares letters and numbers, a percentage both ways", () => {
    expect(checkAnswer({ kind: "choice", letter: "C" }, "Letra C", { options })).toEqual({
      correct: true,
      extracted: "C",
    });
    expect(checkAnswer({ kind: "choice", letter: "C" }, "B)", { options }).correct).toBe(false);
    expect(checkAnswer({ kind: "number", value: 0.25 }, "25%").correct).toBe(true);
    expect(checkAnswer({ kind: "number", value: 25 }, "25 %").correct).toBe(true);
    expect(checkAnswer({ kind: "number", value: 1234.5 }, "1.234,5", { language: "pt" })).toEqual({
      correct: true,
      extracted: "1234.5",
    });
    expect(checkAnswer({ kind: "number", value: 3 }, "cerca de três")).toEqual({
      correct: false,
      extracted: undefined,
    });
  });
});
