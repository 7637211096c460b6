import { describe, expect, it } from "vitest";
import { findRunawayRepetition, RunawayRepetitionDetector } from "./runaway-repetition.js";

const times = (text: string, count: number): string => text.repeat(count);

describe("findRunawayRepetition: loops", () => {
  it("finds a sentence written over and over", () => {
    const sentence = "La capital de Argentina es Buenos Aires. ";
    const found = findRunawayRepetition(`¿La capital? ${times(sentence, 6)}`);
    expect(found).toMatchObject({ span: sentence, repeats: 6, numbered: false });
  });

  it("finds a loop that has not yet ended on a whole sentence", () => {
    const text = `Estele de Brasil, ${times("está como uma especificação de Brasil, ", 6)}está como`;
    const found = findRunawayRepetition(text);
    expect(found?.repeats).toBeGreaterThanOrEqual(6);
    expect(found?.span).toContain("especificação de Brasil");
  });

  it("finds two sentences taking turns", () => {
    const pair = "Hola, ¿cómo estás? Estoy bien, gracias. ";
    const found = findRunawayRepetition(`Respuesta: ${times(pair, 5)}`);
    expect(found?.span).toBe(pair);
  });

  it("finds a paragraph written twice in a row (SmolLM2, repeat penalty 1.1)", () => {
    const paragraph =
      "Estele de Brasil, está como uma especfiação do Brasil.\n\nA palabora desta é a Brasil.\n\nPara isto, a espaço deste ponto é a Brasil.\n\nO que não é a Brasil?\n\n";
    expect(findRunawayRepetition(paragraph)).toBeUndefined();
    const found = findRunawayRepetition(`${paragraph}${paragraph}`);
    expect(found).toMatchObject({ span: paragraph, repeats: 2 });
  });

  it("finds a list item repeated", () => {
    const found = findRunawayRepetition(
      `Los pasos son:\n${times("- Revisar las notas de la consulta.\n", 8)}`,
    );
    expect(found).toMatchObject({ span: "- Revisar las notas de la consulta.\n", numbered: false });
  });

  it("finds a numbered list whose items differ only in their number", () => {
    const items = Array.from(
      { length: 12 },
      (_, index) => `${index + 1}. La capital de Argentina es Buenos Aires.\n`,
    ).join("");
    const found = findRunawayRepetition(`Respuestas:\n${items}`);
    expect(found).toMatchObject({ numbered: true });
    expect(found?.repeats).toBeGreaterThanOrEqual(6);
  });

  it("finds a single token repeated", () => {
    expect(findRunawayRepetition(`Sí${times("!", 250)}`)?.span).toBe("!");
    expect(findRunawayRepetition(`A resposta é ${times(" Brasil", 40)}`)?.span).toBe(" Brasil");
    expect(findRunawayRepetition(`Fim.${times("\n", 220)}`)?.span).toBe("\n");
  });

  it("needs the repeated tail to be long enough", () => {
    const sentence = "La capital de Argentina es Buenos Aires. ";
    expect(findRunawayRepetition(times(sentence, 3))).toBeUndefined(); // 123 characters
    expect(findRunawayRepetition(times(sentence, 5))).toBeDefined(); // 205 characters
  });

  it("needs the repetition at the end: a loop the answer left is over", () => {
    const loop = times("La capital de Argentina es Buenos Aires. ", 6);
    expect(findRunawayRepetition(`${loop}En resumen: es Buenos Aires.`)).toBeUndefined();
  });
});

describe("findRunawayRepetition: normal text is not a runaway", () => {
  it("leaves Spanish prose alone", () => {
    const prose =
      "Una clínica rural puede organizar su semana en tres momentos. El lunes, el personal pasa las notas en papel a la computadora mientras hay electricidad. Durante la semana, el asistente resume cada consulta sin conexión a internet, y los datos personales no salen del país. El viernes, la responsable revisa los resúmenes, corrige lo que haga falta y archiva las notas originales. Así, la clínica gana tiempo sin perder el control de la información de sus pacientes.";
    expect(findRunawayRepetition(prose)).toBeUndefined();
  });

  it("leaves Portuguese prose alone", () => {
    const prose =
      "Prezado cliente, lamentamos muito o atraso na entrega do seu pedido. Verificamos com a transportadora e o pacote deve chegar até sexta-feira. Como compensação, oferecemos frete grátis na sua próxima compra. Se preferir, podemos cancelar o pedido e devolver o valor integral em até cinco dias úteis. Estamos à disposição pelo WhatsApp para qualquer dúvida. Obrigado pela paciência e pela confiança na nossa loja.";
    expect(findRunawayRepetition(prose)).toBeUndefined();
  });

  it("leaves lists of similar lines alone", () => {
    const week = [
      "Lunes: revisar las notas de la consulta y pasarlas a la computadora.",
      "Martes: revisar las notas de la consulta y resumirlas con el asistente.",
      "Miércoles: revisar las notas de la consulta y enviarlas a la doctora.",
      "Jueves: revisar las notas de la consulta y archivar las de papel.",
      "Viernes: revisar las notas de la consulta y preparar la semana siguiente.",
      "Sábado: revisar las notas de la consulta pendientes.",
    ]
      .map((line) => `- ${line}\n`)
      .join("");
    expect(findRunawayRepetition(week)).toBeUndefined();
    const days = Array.from({ length: 7 }, (_, index) => `Día ${index + 1}: descanso\n`).join("");
    expect(findRunawayRepetition(days)).toBeUndefined();
  });

  it("leaves counting and tables of numbers alone", () => {
    const counting = Array.from({ length: 120 }, (_, index) => String(index + 1)).join(", ");
    expect(findRunawayRepetition(counting)).toBeUndefined();
    const table = Array.from(
      { length: 30 },
      (_, index) => `| ${index * 3} | ${index * 7} | ${index * 11} |\n`,
    ).join("");
    expect(findRunawayRepetition(`| a | b | c |\n|---|---|---|\n${table}`)).toBeUndefined();
  });

  it("leaves code alone", () => {
    const code = [
      "function total(items) {",
      "  let sum = 0;",
      "  for (const item of items) {",
      "    sum += item.price * item.quantity;",
      "  }",
      "  return sum;",
      "}",
      "",
      "const cases = [",
      "  { input: [1, 2, 3], expected: 6 },",
      "  { input: [4, 5, 6], expected: 15 },",
      "  { input: [7, 8, 9], expected: 24 },",
      "  { input: [10, 11, 12], expected: 33 },",
      "];",
      "switch (kind) {",
      '  case "a": return 1;',
      '  case "b": return 2;',
      '  case "c": return 3;',
      "}",
      "        }",
      "      }",
      "    }",
      "  }",
      "}",
    ].join("\n");
    expect(findRunawayRepetition(code)).toBeUndefined();
    expect(findRunawayRepetition(`# Título\n${"=".repeat(80)}\n`)).toBeUndefined();
  });

  it("leaves an answer that quotes its first line again at the end alone", () => {
    const line =
      "La capital de Argentina es Buenos Aires, una ciudad de más de tres millones de habitantes.";
    expect(
      findRunawayRepetition(
        `${line}\nEs también la ciudad más poblada del país y su puerto principal.\nEn resumen: ${line}`,
      ),
    ).toBeUndefined();
  });

  it("leaves short text alone", () => {
    expect(findRunawayRepetition("")).toBeUndefined();
    expect(findRunawayRepetition("Sí. Sí. Sí.")).toBeUndefined();
  });
});

describe("RunawayRepetitionDetector", () => {
  it("fires on the piece that completes the loop, not before", () => {
    const detector = new RunawayRepetitionDetector();
    const pieces = ["La", " capital", " de", " Argentina", " es", " Buenos", " Aires", "."];
    const fired: number[] = [];
    for (let round = 0; round < 8; round++) {
      pieces.forEach((piece, index) => {
        if (detector.push(piece) !== undefined) fired.push(round * pieces.length + index);
      });
    }
    // 41 characters a sentence: 200 characters are reached in the fifth sentence.
    expect(fired[0]).toBeGreaterThanOrEqual(4 * pieces.length);
    expect(fired[0]).toBeLessThan(5 * pieces.length);
  });

  it("stays quiet through a long normal answer pushed token by token", () => {
    const detector = new RunawayRepetitionDetector();
    const answer =
      "Prezado cliente, lamentamos muito o atraso na entrega do seu pedido. Verificamos com a transportadora e o pacote deve chegar até sexta-feira. Como compensação, oferecemos frete grátis na sua próxima compra.\n\n1. Verifique o número do pedido.\n2. Confirme o endereço de entrega.\n3. Responda a esta mensagem se o pacote não chegar.\n";
    const tokens = answer.match(/\s*\S+/gu) ?? [];
    expect(tokens.some((token) => detector.push(token) !== undefined)).toBe(false);
  });
});
