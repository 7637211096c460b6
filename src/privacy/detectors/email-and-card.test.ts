import { describe, expect, it } from "vitest";
import { SeededRandom, card, withOneDigitOff } from "../../../test/support/pii-generators.js";
import { valuesFound, withoutContextWord } from "../../../test/support/pii-scan-expectations.js";
import { scanText } from "../scan.js";

describe("e-mail detector", () => {
  it("finds addresses anywhere, with punctuation around, normalized to lower case", () => {
    for (const address of [
      "ana@example.com",
      "Joao.Silva+compras@Empresa.com.br",
      "josé@correo.mx",
    ]) {
      for (const text of withoutContextWord(address)) {
        expect(valuesFound(text), text).toEqual([["EMAIL", address]]);
      }
    }
    expect(scanText("Escreva para ANA@EXAMPLE.COM.")[0]?.normalized).toBe("ana@example.com");
  });

  it("does not take handles, broken addresses or paths for e-mail", () => {
    for (const text of [
      "Siga @colibri no X",
      "ana@",
      "@example.com",
      "user@localhost",
      "a@b..com",
    ]) {
      expect(valuesFound(text), text).toEqual([]);
    }
  });
});

describe("card detector", () => {
  const random = new SeededRandom(4);

  it("masks a number that passes Luhn after a card word, whatever its brand, unvalidated", () => {
    // A prefix no brand list holds (a local or prepaid card), with its Luhn digit.
    const local = "7013 4402 9183 5500";
    const [finding] = scanText(`Me cobraron dos veces en la tarjeta ${local} del súper`);
    expect(finding).toMatchObject({ type: "CARD", validated: false });
    expect(finding?.confidence).toBeGreaterThanOrEqual(0.5);
    expect(finding?.confidence).toBeLessThan(0.6);
    // Without a card word, with a failing Luhn digit, or after an order word, it is no card.
    expect(valuesFound(`Protocolo ${local} aberto`)).toEqual([]);
    expect(valuesFound("Paguei com o cartão 7013 4402 9183 5501")).toEqual([]);
    expect(valuesFound(`cartão: pedido ${local}`)).toEqual([]);
  });

  it("finds Visa, Mastercard, Amex and Elo numbers, grouped and bare", () => {
    expect(valuesFound("Visa 4111 1111 1111 1111")).toEqual([["CARD", "4111 1111 1111 1111"]]);
    expect(valuesFound("Amex 3782 822463 10005")).toEqual([["CARD", "3782 822463 10005"]]);
    for (let index = 0; index < 200; index++) {
      const number = card(random).text;
      expect(valuesFound(`Pagué con ${number}.`), number).toEqual([["CARD", number]]);
    }
  });

  it("rejects a number that fails Luhn, an unknown prefix, or odd grouping", () => {
    for (let index = 0; index < 100; index++) {
      const wrong = withOneDigitOff(random, card(random, true).text);
      expect(
        valuesFound(`Pagué con ${wrong}.`).map(([type]) => type),
        wrong,
      ).not.toContain("CARD");
    }
    expect(valuesFound("Número 9111 1111 1111 1117")).toEqual([]);
    expect(valuesFound("Número 41 1111 1111 1111 11")).toEqual([]);
  });

  it("finds a number grouped with dots or two spaces, as people also type it", () => {
    for (let index = 0; index < 100; index++) {
      const digits = card(random, false).text;
      for (const separator of [".", "  "]) {
        const number = digits.replace(/(\d{4})(?=\d)/g, `$1${separator}`);
        expect(valuesFound(`Mi tarjeta es ${number}`), number).toEqual([["CARD", number]]);
      }
    }
  });

  it("drops a card-valid number after an invoice or boleto word", () => {
    expect(valuesFound("Fatura 4111111111111111 paga")).toEqual([]);
  });
});
