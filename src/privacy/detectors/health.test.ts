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

describe("medicines and conditions known by their shape", () => {
  it("finds a medicine by its INN stem and takes its dose", () => {
    expect(found("Mi papá toma telmisartán")).toEqual(["telmisartán"]);
    expect(found("Minha mãe usa vildagliptina")).toEqual(["vildagliptina"]);
    expect(found("Le recetaron lisinopril 10 mg")).toEqual(["lisinopril 10 mg"]);
    expect(found("tomo metformina 850 dos veces al día")).toEqual(["metformina 850"]);
    expect(found("Mi papá toma metformina de 850 mg")).toEqual(["metformina de 850 mg"]);
    expect(found("Mi abuela toma Eutirox")).toEqual(["Eutirox"]);
    expect(found("Mi tía toma metoclopramida")).toEqual(["metoclopramida"]);
  });

  it("leaves everyday words that end like a medicine or a condition", () => {
    expect(found("Meus pais compram pão todo dia")).toEqual([]);
    expect(found("Tengo nostalgia de mi pueblo")).toEqual([]);
    expect(found("Vou na academia com minha irmã")).toEqual([]);
    expect(found("Eu tomo glicose quando treino com meu irmão")).toEqual([]);
  });

  it("finds a condition by its clinical ending, with the adjective of its kind", () => {
    expect(found("Mi hijo tiene dermatitis atópica")).toEqual(["dermatitis atópica"]);
    expect(found("Mi papá tiene leucemia linfoblástica aguda")).toEqual([
      "leucemia linfoblástica aguda",
    ]);
    expect(found("Mi hermano tiene trastorno obsesivo-compulsivo")).toEqual([
      "trastorno obsesivo-compulsivo",
    ]);
    expect(found("Minha avó teve trombose na perna")).toEqual(["trombose na perna"]);
    expect(found("Mi hijo tiene giardiasis")).toEqual(["giardiasis"]);
    expect(found("Minha mãe tem pancreatite")).toEqual(["pancreatite"]);
  });
});

describe("clinical heads", () => {
  it("takes a head with its kind, or with what it is of or to", () => {
    expect(found("Mi abuela tiene insuficiencia venosa")).toEqual(["insuficiencia venosa"]);
    expect(found("la vecina tiene síndrome de Guillain-Barré")).toEqual([
      "síndrome de Guillain-Barré",
    ]);
    expect(found("Mi tío tiene adicción al juego")).toEqual(["adicción al juego"]);
    expect(found("Mi hija tiene síndrome de ovario poliquístico")).toEqual([
      "síndrome de ovario poliquístico",
    ]);
    expect(found("Mi abuelo tuvo trombosis venosa profunda")).toEqual([
      "trombosis venosa profunda",
    ]);
    expect(found("fiz cirurgia de vesícula e estou afastada")).toEqual(["cirurgia de vesícula"]);
  });

  it("leaves a head with nothing of a body after it", () => {
    expect(found("La empresa tiene insuficiencia de fondos")).toEqual([]);
    expect(found("Hubo un trastorno en el tránsito")).toEqual([]);
    expect(found("Estamos en gestación de un nuevo proyecto")).toEqual([]);
    expect(found("Nombre: Ana | Enfermedad de base: lupus")).toEqual(["lupus"]);
  });

  it("keeps the type, the risk, the letter and the body part after a condition", () => {
    expect(found("Mi mamá tiene diabetes mellitus tipo 2")).toEqual(["diabetes mellitus tipo 2"]);
    expect(found("Ela tem gestação de alto risco")).toEqual(["gestação de alto risco"]);
    expect(found("Mi hija tiene hepatitis A")).toEqual(["hepatitis A"]);
    expect(found("Mi hermano tiene artrosis de rodilla")).toEqual(["artrosis de rodilla"]);
    expect(found("Citlali vive con un trastorno de ansiedad")).toEqual([
      "un trastorno de ansiedad",
    ]);
  });
});

describe("what ties a condition or a medicine to someone", () => {
  it("reads a clinical note's labels and a code after the diagnosis", () => {
    expect(
      found("Paciente Ana Flores, 48 años. Dx: asma. Tto: salbutamol. Control en 30 días."),
    ).toEqual(["asma", "salbutamol"]);
    expect(
      found("Hoja de referencia: paciente Emiliano, domicilio Gorriti 889. Motivo: VIH."),
    ).toEqual(["VIH"]);
    expect(found("Diagnóstico: J45.9, paciente Rocío Salinas")).toEqual(["Diagnóstico: J45.9"]);
    expect(found("Paciente Ana Flores, 48 años. Dx. asma. Tto. salbutamol.")).toEqual([
      "asma",
      "salbutamol",
    ]);
    expect(found("Juan Pérez, 30 años.\nIndicaciones: fluoxetina 20 mg")).toEqual([
      "fluoxetina 20 mg",
    ]);
    expect(found("Motivo: cambio de domicilio.")).toEqual([]);
  });

  it("reads why someone is away or cannot do something", () => {
    expect(
      found(
        "la alumna no podrá hacer educación física este mes por chikungunya, adjunto certificado",
      ),
    ).toEqual(["chikungunya"]);
    expect(found("estará con licencia médica por demencia senil hasta nuevo aviso")).toEqual([
      "demencia senil",
    ]);
    expect(found("Por mi artritis reumatoide no puedo hacer la fila")).toEqual([
      "artritis reumatoide",
    ]);
    expect(found("o aluno vai faltar essa semana por causa de caxumba")).toEqual(["caxumba"]);
    expect(found("El alumno no podrá asistir mañana por un viaje familiar")).toEqual([]);
  });

  it("reads a person it is with, and the next sentence saying whom a medicine is for", () => {
    expect(found("visita domiciliaria: adulto mayor con insuficiencia renal.")).toEqual([
      "insuficiencia renal",
    ]);
    expect(found("visita domiciliar: idosa acamada com demência")).toEqual(["demência"]);
    expect(found("oi doutora, continua com febre amarela")).toEqual(["febre amarela"]);
    expect(found("¿Tienen clonazepam? Es para mi esposo.")).toEqual(["clonazepam"]);
    expect(found("¿Tienen clonazepam? Es para un trabajo del colegio.")).toEqual([]);
  });

  it("leaves a question about a specialist in a condition", () => {
    expect(found("El hospital tiene especialista en hipertensión?")).toEqual([]);
  });
});

describe("conditions as people say them", () => {
  it("takes high blood sugar, hearing loss, an addiction and miscarriages in lay words", () => {
    expect(found("Mi papá tiene el azúcar alta desde el año pasado")).toEqual(["azúcar alta"]);
    expect(found("Minha mãe está com açúcar no sangue alto")).toEqual(["açúcar no sangue alto"]);
    expect(found("Meu tio tem perda auditiva no ouvido esquerdo")).toEqual([
      "perda auditiva no ouvido esquerdo",
    ]);
    expect(found("Mi hermano está en tratamiento por adicción a la pasta base")).toEqual([
      "adicción a la pasta base",
    ]);
    expect(found("Ela teve dois abortos espontâneos")).toEqual(["abortos espontâneos"]);
  });

  it("takes the medicines of dementia, psychosis and HIV someone takes", () => {
    expect(found("Mi abuela toma donepecilo 10 mg")).toEqual(["donepecilo 10 mg"]);
    expect(found("O paciente usa Neozine 25 mg à noite")).toEqual(["Neozine 25 mg"]);
    expect(found("Sigo tomando emtricitabina todos los días")).toEqual(["emtricitabina"]);
  });
});
