import { describe, expect, it } from "vitest";
import {
  SeededRandom,
  clabeOutsideBankList,
  paraguayRuc,
  pis,
  rif,
} from "../../../test/support/pii-generators.js";
import { valuesFound } from "../../../test/support/pii-scan-expectations.js";
import { scanText } from "../scan.js";

describe("a label further off in the value's sentence", () => {
  const random = new SeededRandom(2_026_120_7);

  it("reads the label as the sentence's subject, however far back, over an order word", () => {
    for (let index = 0; index < 20; index++) {
      const value = rif(random, false).text;
      for (const text of [
        `el rif que me pidieron para la factura de este mes es ${value}, sin guiones`,
        `O RIF da minha empresa, aquele que vai na nota fiscal, é ${value}.`,
      ]) {
        expect(valuesFound(text), text).toContainEqual(["VE_RIF", value]);
      }
    }
  });

  it("reads the label in the predicate of a sentence the value starts", () => {
    for (let index = 0; index < 20; index++) {
      const value = pis(random, false).text;
      for (const text of [
        `${value} é o número que aparece na minha carteira de trabalho`,
        `${value} es el que figura como PIS en el contrato`,
      ]) {
        expect(valuesFound(text), text).toContainEqual(["BR_PIS", value]);
      }
    }
  });

  it("needs the label or its verb: a bare value in a sentence about something else stays", () => {
    const value = pis(random, false).text;
    expect(valuesFound(`${value} é o número do pedido que chegou ontem`)).toEqual([]);
    expect(valuesFound(`A carteira de trabalho chegou; o protocolo ${value} ficou comigo`)).toEqual(
      [],
    );
  });

  it("takes 'número de contribuyente' for Paraguay's RUC", () => {
    for (let index = 0; index < 20; index++) {
      const value = paraguayRuc(random).text;
      const text = `Mi número de contribuyente ante Tributación es ${value}`;
      expect(valuesFound(text), text).toContainEqual(["PY_RUC", value]);
    }
  });

  it("takes 'Interbancaria' at the start of a message for a CLABE, masked in doubt off the bank list", () => {
    const value = clabeOutsideBankList(random).text;
    const [finding] = scanText(`Interbancaria ${value} (cuenta de una billetera digital)`);
    expect(finding).toMatchObject({ type: "MX_CLABE" });
    expect(finding?.confidence).toBeGreaterThanOrEqual(0.5);
  });
});
