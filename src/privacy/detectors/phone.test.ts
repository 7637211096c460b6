import { describe, expect, it } from "vitest";
import { SeededRandom, phone } from "../../../test/support/pii-generators.js";
import { valuesFound, withoutContextWord } from "../../../test/support/pii-scan-expectations.js";
import { scanText } from "../scan.js";

describe("phone detector", () => {
  it.each([
    ["+55 11 98765-4321", "BR", "+5511987654321"],
    ["+52 55 1234 5678", "MX", "+525512345678"],
    ["(11) 98765-4321", "BR", "+5511987654321"],
    ["11 98765-4321", "BR", "+5511987654321"],
    ["55 1234 5678", "MX", "+525512345678"],
    // Mexico's old mobile prefixes (dropped in 2019, still written): 044 local, 045 long distance.
    ["044 55 1445 9357", "MX", "+525514459357"],
    ["045 33 1234 5678", "MX", "+523312345678"],
    ["+54 9 11 4567-8901", "AR", "+5491145678901"],
    ["+56 9 8765 4321", "CL", "+56987654321"],
    ["300 123 4567", "CO", "+573001234567"],
    ["+1 415 555 2671", "US", "+14155552671"],
  ])("finds %s as a %s number, normalized to E.164", (written, region, e164) => {
    for (const text of withoutContextWord(written)) {
      const findings = scanText(text);
      expect(
        findings.map((finding) => text.slice(finding.start, finding.end)),
        text,
      ).toEqual([written]);
      expect(findings[0]).toMatchObject({
        type: "PHONE",
        country: region,
        normalized: e164,
        validated: true,
      });
    }
  });

  it("finds generated numbers of six regions, national (in their region) and international", () => {
    const random = new SeededRandom(11);
    for (let index = 0; index < 300; index++) {
      const generated = phone(random);
      const text = `Pode ligar no ${generated.text}, de segunda a sexta.`;
      // Written nationally, "011 4661-1233" is a Buenos Aires number and a São Paulo one with
      // the old trunk prefix: the region list's order decides, so each is read in its own.
      const [finding] = generated.text.startsWith("+")
        ? scanText(text)
        : scanText(text, { phoneRegions: [generated.region] });
      expect(finding && text.slice(finding.start, finding.end), text).toBe(generated.text);
      expect(finding?.normalized).toBe(generated.e164);
    }
  });

  it("takes a phone word right after the number, or over its column in a sheet, as one before it", () => {
    expect(valuesFound("segue o 5511987654321 (celular) pra nota")).toEqual([
      ["PHONE", "5511987654321"],
    ]);
    expect(valuesFound("te paso el 11987654321 — WhatsApp")).toEqual([["PHONE", "11987654321"]]);
    expect(valuesFound("Cód\tcel.\tValor\nC7413\t11987654321\tR$ 51,90")).toEqual([
      ["PHONE", "11987654321"],
    ]);
    // Not a phone word further on in the sentence, nor one that goes on to another number.
    expect(valuesFound("segue o 11987654321 e amanhã ligo para o celular")).toEqual([]);
    expect(valuesFound("segue o 11987654321 e o telefone é outro")).toEqual([]);
  });

  it("takes bare digits for a phone only after a phone word", () => {
    expect(valuesFound("Código 11987654321 do produto")).not.toContainEqual([
      "PHONE",
      "11987654321",
    ]);
    expect(valuesFound("Total de 5512345678 acessos")).toEqual([]);
    expect(valuesFound("WhatsApp 11987654321")).toEqual([["PHONE", "11987654321"]]);
    expect(valuesFound("Tel.: 5512345678")).toEqual([["PHONE", "5512345678"]]);
  });

  it("does not take dates, times, amounts, IP addresses or tickets for phones", () => {
    for (const text of [
      "Reunião em 12-03-2024 às 14:35.",
      "Valor: 1.234.567.890 pesos",
      "Servidor 192.168.100.254 fora do ar",
      "Ticket #4821-3321 aberto",
      "Pedido 11 98765-4321 enviado",
      "Sorteio: 12 34 56 78 90",
    ]) {
      expect(valuesFound(text), text).toEqual([]);
    }
  });

  it("leaves a business's toll-free, shared-cost and premium-rate numbers alone", () => {
    for (const text of [
      "Central de atendimento: 0800 722 0044, ligue grátis",
      "Llamé al 0800-345-1234 de la empresa y nadie atiende",
      "Llame sin costo al 800 123 4567",
      "Telefone +55 800 722 0044",
      "Tel 0300 789 6543 ou 0500 123 4567",
    ]) {
      expect(valuesFound(text), text).toEqual([]);
    }
    expect(valuesFound("liguei no 0800 722 0044 e depois no celular (11) 98765-4321")).toEqual([
      ["PHONE", "(11) 98765-4321"],
    ]);
  });

  it("leaves an organisation's public landline alone, named before it on its line", () => {
    for (const text of [
      "Hospital Italiano, central de turnos: (011) 4959-0200",
      "Drogaria Central — SAC (11) 3146-0331",
      "Prefeitura de Campinas, atendimento: (19) 2116-0555",
      "Atención al cliente de la tienda: 55 5322 4539",
    ]) {
      expect(valuesFound(text), text).toEqual([]);
    }
  });

  it("keeps a landline a phone where a person, a list's line, a desk or a mobile says so", () => {
    for (const [text, value] of [
      ["Mi teléfono de casa: (011) 4959-0200", "(011) 4959-0200"],
      ["Paciente María Soto, tel. (11) 3146-0331, clínica Vida", "(11) 3146-0331"],
      ["Lo que pide la escuela:\n- Teléfono: 33 4427 8785\n- Correo: x", "33 4427 8785"],
      ["Llamen al conmutador 55 5433 7230 ext. 778", "55 5433 7230"],
      ["Liga na recepção (11) 3976-4769 ramal 210", "(11) 3976-4769"],
      ["Atendimento da loja: (11) 98765-4321", "(11) 98765-4321"],
      ["A secretaria da escola pediu o zap (41) 3362-9305 da mãe", "(41) 3362-9305"],
    ]) {
      expect(valuesFound(text ?? ""), text).toContainEqual(["PHONE", value]);
    }
  });

  it("reads national numbers only in the regions asked for", () => {
    expect(valuesFound("Ligue 55 1234 5678", { phoneRegions: ["BR"] })).toEqual([]);
    expect(scanText("Ligue 55 1234 5678", { phoneRegions: ["MX"] })[0]?.country).toBe("MX");
  });
});
