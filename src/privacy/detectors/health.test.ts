import { describe, expect, it } from "vitest";
import { scanText } from "../scan.js";

const found = (text: string) =>
  scanText(text, { types: ["HEALTH"] }).map((finding) => text.slice(finding.start, finding.end));

describe("medicines someone takes", () => {
  it("finds a medicine tied to the writer, kin or a patient", () => {
    expect(found("Sigo tomando sertralina cada mañana")).toEqual(["sertralina"]);
    expect(found("Meu avô usa clonazepam para dormir")).toEqual(["clonazepam"]);
    expect(found("A minha filha toma metilfenidato")).toEqual(["metilfenidato"]);
  });

  it("keeps the condition a medicine or a treatment is for in one finding", () => {
    expect(found("Minha tia faz radioterapia por câncer de pulmão")).toEqual([
      "radioterapia por câncer de pulmão",
    ]);
    expect(found("Tomo atenolol por causa de la arritmia")).toEqual([
      "atenolol por causa de la arritmia",
    ]);
  });

  it("leaves a medicine asked about in general", () => {
    expect(found("¿El omeprazol se vende sin receta?")).toEqual([]);
    expect(found("Para que serve a pregabalina?")).toEqual([]);
  });
});

describe("how a condition is written and tied to someone", () => {
  it("takes what an allergy is to, up to a word that starts something else", () => {
    expect(found("Mi sobrino tiene alergia al huevo y no come torta")).toEqual([
      "alergia al huevo",
    ]);
    expect(found("Minha sobrinha tem alergia a frutos secos")).toEqual(["alergia a frutos secos"]);
  });

  it("takes the carrier, a positive result and where in the body", () => {
    expect(found("Meu irmão é portador de hepatite B")).toEqual(["portador de hepatite B"]);
    expect(found("soy VIH positivo desde 2019")).toEqual(["VIH positivo"]);
    expect(found("Diagnóstico: tendinite no ombro direito")).toEqual([
      "tendinite no ombro direito",
    ]);
  });

  it("ties a condition to someone by a result, a sick leave or a hospital stay", () => {
    expect(found("Mi cuñado salió positivo para dengue")).toEqual(["dengue"]);
    expect(found("Certificado médico: repouso por gastroenterite, 3 dias")).toEqual([
      "gastroenterite",
    ]);
    expect(found("Ficou internada por pneumonia na semana passada")).toEqual(["pneumonia"]);
  });

  it("takes common passing illnesses once they are someone's", () => {
    expect(found("hoy no voy, estoy con amigdalitis")).toEqual(["amigdalitis"]);
    expect(found("A gripe está forte este ano")).toEqual([]);
  });

  it("ties a condition asked about to the someone the next sentence names", () => {
    expect(found("¿El seguro cubre la epilepsia? A mi hijo se la diagnosticaron en marzo")).toEqual(
      ["epilepsia"],
    );
    expect(found("¿El seguro cubre la epilepsia? Lo pregunto para un trabajo")).toEqual([]);
    expect(found("¿Qué es el lupus? A mi hermana se lo diagnosticaron")).toEqual(["lupus"]);
  });
});

describe("a form's health fields", () => {
  it("takes whatever an allergy, history or condition field holds", () => {
    expect(found("Paciente nuevo\nAlergias: ibuprofeno, mariscos\nPeso: 70 kg")).toEqual([
      "ibuprofeno, mariscos",
    ]);
    expect(found("Nome: Pedro\nComorbidades: hérnia de hiato")).toEqual(["hérnia de hiato"]);
    expect(found("Condición médica: asma leve")).toEqual(["asma leve"]);
  });

  it("leaves a field that says there is nothing", () => {
    expect(found("Alergias: ninguna\nAntecedentes: nega")).toEqual([]);
    expect(found("Medicamentos de uso contínuo: N/A")).toEqual([]);
  });

  it("reads a bare history heading's value only when it is a known condition", () => {
    expect(found("Antecedentes: la empresa fue fundada en 1990")).toEqual([]);
    expect(found("Antecedentes: asma")).toEqual(["asma"]);
    expect(found("Antecedentes pessoais: hérnia de hiato")).toEqual(["hérnia de hiato"]);
  });
});
