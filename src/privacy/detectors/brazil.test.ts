import { describe, expect, it } from "vitest";
import {
  SeededRandom,
  cnh,
  cnpj,
  cpf,
  pis,
  withCheckDigitOff,
} from "../../../test/support/pii-generators.js";
import {
  valuesFound,
  withContextWord,
  withoutContextWord,
} from "../../../test/support/pii-scan-expectations.js";
import { scanText } from "../scan.js";

describe("Brazil detectors", () => {
  const random = new SeededRandom(55);

  it.each([
    ["BR_CPF", "390.533.447-05"],
    ["BR_CPF", "39053344705"],
    ["BR_CNPJ", "16.727.230/0001-97"],
    ["BR_CNPJ", "16727230000197"],
    ["BR_CNPJ", "12.ABC.345/01DE-35"],
  ] as const)("finds the published %s %s with no context word", (type, value) => {
    for (const text of withoutContextWord(value))
      expect(valuesFound(text)).toEqual([[type, value]]);
  });

  it("finds generated CPFs and CNPJs (numeric and alphanumeric) with and without context", () => {
    for (let index = 0; index < 100; index++) {
      for (const [type, word, value] of [
        ["BR_CPF", "CPF", cpf(random).text],
        ["BR_CNPJ", "CNPJ", cnpj(random).text],
        ["BR_CNPJ", "CNPJ", cnpj(random, { alphanumeric: true, formatted: true }).text],
      ] as const) {
        for (const text of [...withContextWord(value, word), ...withoutContextWord(value)]) {
          expect(valuesFound(text), text).toEqual([[type, value]]);
        }
      }
    }
  });

  it("finds PIS and CNH numbers after their context word, and bare ones not on their own", () => {
    for (let index = 0; index < 100; index++) {
      const worker = pis(random, false).text;
      const licence = cnh(random).text;
      for (const text of withContextWord(worker, "PIS")) {
        expect(valuesFound(text), text).toEqual([["BR_PIS", worker]]);
      }
      for (const text of withContextWord(licence, "CNH")) {
        expect(valuesFound(text), text).toEqual([["BR_CNH", licence]]);
      }
      // Bare, an 11-digit number is only a PIS or CNH by chance; it may still pass as a CPF.
      for (const [, found] of valuesFound(`Anota aí: ${worker}`)) expect(found).not.toBe("BR_PIS");
    }
    const formatted = pis(random, true).text;
    expect(valuesFound(`Anota aí: ${formatted}`)).toEqual([["BR_PIS", formatted]]);
    expect(valuesFound("CNH nº 58316794534")).toEqual([["BR_CNH", "58316794534"]]);
  });

  it("reports offsets, country, validation and the normalized value", () => {
    const text = "CPF 390.533.447-05.";
    expect(scanText(text)).toEqual([
      {
        type: "BR_CPF",
        country: "BR",
        start: 4,
        end: 18,
        confidence: 0.99,
        validated: true,
        normalized: "39053344705",
      },
    ]);
    const alphanumeric = scanText("cnpj 12.abc.345/01de-35".toUpperCase())[0];
    expect(alphanumeric?.normalized).toBe("12ABC34501DE35");
  });

  it("finds RG and CEP only after their context words", () => {
    expect(valuesFound("RG 12.345.678-9, CEP 01310-100")).toEqual([
      ["BR_RG", "12.345.678-9"],
      ["BR_CEP", "01310-100"],
    ]);
    expect(valuesFound("Carteira de identidade: MG-12.345.678")).toEqual([
      ["BR_RG", "MG-12.345.678"],
    ]);
    expect(valuesFound("Entrega na faixa 01310-100 a 01310-900.")).toEqual([]);
  });

  it("rejects near misses: a wrong check digit, a wrong length, a longer number", () => {
    for (let index = 0; index < 100; index++) {
      const person = cpf(random).text;
      const company = cnpj(random).text;
      for (const wrong of [withCheckDigitOff(random, person), withCheckDigitOff(random, company)]) {
        // It may still be valid as another country's identifier (a CUIT has 11 digits too).
        const types = valuesFound(`Anota aí: ${wrong}`).map(([type]) => type);
        expect(types, wrong).not.toContain("BR_CPF");
        expect(types, wrong).not.toContain("BR_CNPJ");
      }
    }
    expect(valuesFound("CPF 390.533.447-0")).toEqual([]);
    expect(valuesFound("CPF 390.533.447-055")).toEqual([]);
    expect(valuesFound("Total 1.390.533.447-05")).toEqual([]);
    // Twelve digits after "ID" are no CPF; they have a Colombian NIT's shape and are masked as one.
    expect(valuesFound("ID 390533447050").map(([type]) => type)).not.toContain("BR_CPF");
  });

  it("masks a wrong check digit right after its context word, unvalidated, below any valid finding", () => {
    const [finding] = scanText("CPF 390.533.447-06");
    expect(finding).toMatchObject({ type: "BR_CPF", validated: false });
    expect(finding?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(finding?.confidence).toBeLessThan(0.6);
    // Further from its word in the same sentence, it is masked too, a little less sure.
    const [far] = scanText("O CPF do titular, conforme cadastro, 390.533.447-06");
    expect(far).toMatchObject({ type: "BR_CPF", validated: false });
    expect(far?.confidence).toBeLessThan(finding?.confidence ?? 0);
    // With no word for it, a wrong check digit is no CPF at all.
    expect(scanText("Anote: 390.533.447-06", { minConfidence: 0 })).toEqual([]);
  });

  it("drops a valid CPF right after an order, ticket or protocol word unless CPF is named", () => {
    for (const text of [
      "Seu pedido nº 39053344705 foi enviado.",
      "Número do pedido: 39053344705.",
      "Protocolo de atendimento 39053344705",
      "Order number is 39053344705",
      "ticket #39053344705",
    ]) {
      expect(valuesFound(text), text).toEqual([]);
    }
    expect(valuesFound("Pedido do cliente com CPF 390.533.447-05")).toEqual([
      ["BR_CPF", "390.533.447-05"],
    ]);
  });

  it("finds two identifiers in one message", () => {
    expect(valuesFound("CPF 390.533.447-05 e CNPJ 16.727.230/0001-97.")).toEqual([
      ["BR_CPF", "390.533.447-05"],
      ["BR_CNPJ", "16.727.230/0001-97"],
    ]);
  });
});

describe("Brazil: values no word names, in one person's record or after a state's code", () => {
  const random = new SeededRandom(1207);

  it("masks an RG- or CEP-shaped field of a header-less row that holds a valid CPF or a name", () => {
    for (let index = 0; index < 10; index++) {
      const owner = cpf(random, random.boolean()).text;
      const text = `Lucas Andrade,${owner},23.456.789-1,04567-120`;
      const found = scanText(text);
      for (const written of ["23.456.789-1", "04567-120"]) {
        const at = text.indexOf(written);
        const finding = found.find((item) => item.start === at);
        expect(finding, `${written} in ${text}`).toMatchObject({ validated: false });
        expect(finding?.confidence).toBeGreaterThanOrEqual(0.5);
        expect(finding?.confidence).toBeLessThan(0.6);
      }
    }
    expect(valuesFound("Beatriz Nogueira;04567120;ativa")).toContainEqual([
      expect.stringMatching(/^BR_(?:RG|CEP)$/),
      "04567120",
    ]);
    expect(valuesFound("bia.nogueira@correo.com.br,23.456.789-1,ativa")).toContainEqual([
      "BR_RG",
      "23.456.789-1",
    ]);
  });

  it("finds a PIS with a dot before its check digit, and a CEP right after a street's number", () => {
    const own = new SeededRandom(91);
    for (let index = 0; index < 50; index++) {
      const compact = pis(own, false).text;
      const dotted = `${compact.slice(0, 3)}.${compact.slice(3, 8)}.${compact.slice(8, 10)}.${compact.slice(10)}`;
      expect(valuesFound(`Meu PIS é ${dotted}`), dotted).toEqual([["BR_PIS", dotted]]);
    }
    expect(valuesFound("Endereço: Av. Brasil 500, 22748-664 Rio de Janeiro")).toContainEqual([
      "BR_CEP",
      "22748-664",
    ]);
    expect(valuesFound("Rua das Flores, 45, apto 3, Centro, 30140071")).toContainEqual([
      "BR_CEP",
      "30140071",
    ]);
    // Not after a number that is no street's.
    expect(valuesFound("Pedido 500, 22748-664 itens")).toEqual([]);
  });

  it("masks a PIS in a table row beside a person's name", () => {
    const value = pis(random, false).text;
    expect(valuesFound(`| Renata Campos | ${value} | contratada em 2023 |`)).toContainEqual([
      "BR_PIS",
      value,
    ]);
  });

  it("leaves numbers in rows about no one, and numbers that do not fill their field", () => {
    for (const text of [
      "Caneta Azul,12345678,caixa",
      "2024-03-01;12345678;45,90",
      "Lucas Andrade,pedido 12345678,entregue",
      "Comprei 3 itens, 12345678, ok",
    ]) {
      expect(
        valuesFound(text).filter(([type]) => type !== "PERSON_NAME"),
        text,
      ).toEqual([]);
    }
  });

  it("takes a number right after a city and its state's code for a CEP", () => {
    for (const [text, written] of [
      ["Av. Boa Viagem, 3200, Recife - PE, 51020-000", "51020-000"],
      ["Mandar para Belém, PA, 66015080 aos cuidados da Ana", "66015080"],
      ["fica em curitiba/pr 80010-000", "80010-000"],
    ] as const) {
      expect(valuesFound(text), text).toContainEqual(["BR_CEP", written]);
    }
    expect(valuesFound("O lote - 12345-678 - chegou")).toEqual([]);
  });
});
