import { describe, expect, it } from "vitest";
import type { ResponseFormat } from "../core/chat.js";
import { findAnswerFlaw, judgeAnswer, type AnswerSoFar } from "./answer-judgement.js";
import { findLanguageMismatch } from "./answer-language.js";
import { findJsonProblem } from "./json-answer.js";
import { isRefusal } from "./refusal.js";
import { findRepetition } from "./repetition.js";

const whole = (text: string, extra: Partial<AnswerSoFar> = {}): AnswerSoFar => ({
  text,
  finished: true,
  finishReason: "stop",
  ...extra,
});
const asked = (question: string) => [{ role: "user" as const, content: question }];

describe("findRepetition", () => {
  it("finds a sentence said over and over (a temperature-0 loop)", () => {
    const loop =
      "La capital de Argentina es Buenos Aires. La capital de Argentina es Buenos Aires. La capital de Argentina es Buenos Aires. La capital de";
    expect(findRepetition(loop)).toMatchObject({
      kind: "loop",
      span: "la capital de argentina es buenos aires",
    });
  });

  it("finds one word repeated, and a long sentence said twice", () => {
    expect(findRepetition("Olá! Olá! Olá! Olá! Olá! Olá! Olá! Olá! Olá! Olá!")).toMatchObject({
      span: "olá",
      repeats: 10,
    });
    const twice =
      "Prezado cliente, lamentamos muito o atraso na entrega do seu pedido e vamos resolver hoje. Prezado cliente, lamentamos muito o atraso na entrega do seu pedido e vamos resolver hoje.";
    expect(findRepetition(twice)?.kind).toBe("loop");
  });

  it("finds a loop whose counter changes, by its repeated phrases", () => {
    const days = Array.from(
      { length: 8 },
      (_, day) => `Día ${day + 1}: el cliente pide el reembolso y la tienda responde que no.`,
    ).join(" ");
    expect(findRepetition(days)).toMatchObject({ kind: "phrases" });
  });

  it("leaves good answers alone, lists and short emphasis included", () => {
    const answers = [
      "La capital de Argentina es Buenos Aires.",
      "Sí, sí, claro: el pedido llega mañana.",
      "Olá, Maria! Sentimos muito pelo atraso. Seu pedido já foi enviado e chega amanhã; o código de rastreio é BR123. Qualquer dúvida, estamos à disposição.",
      "1. Abra la aplicación.\n2. Toque en Pagos.\n3. Elija la factura.\n4. Confirme el pago con su PIN.",
      '{"cliente": "Ana Souza", "total": 150.5, "vencimento": "2024-03-10"}',
    ];
    for (const answer of answers) expect(findRepetition(answer), answer).toBeUndefined();
  });
});

describe("isRefusal", () => {
  it("spots refusals in Spanish, Portuguese and English", () => {
    for (const text of [
      "Lo siento, pero no puedo ayudarte con esa solicitud.",
      "Desculpe, mas não posso responder a essa pergunta.",
      "Não tenho acesso a informações em tempo real.",
      "Como modelo de lenguaje, no tengo opiniones personales.",
      "I'm sorry, but I can't help with that.",
    ]) {
      expect(isRefusal(text), text).toBe(true);
    }
  });

  it("does not take an answer that mentions a limit later for a refusal", () => {
    for (const text of [
      "Lo siento mucho por el retraso; su pedido llegará el lunes.",
      "Desculpe o transtorno! O reembolso será feito em até 5 dias úteis.",
      "A resposta é 42. Não posso garantir o arredondamento, mas o cálculo está certo.",
      "No, la capital de Brasil es Brasilia, no Río de Janeiro.",
    ]) {
      expect(isRefusal(text), text).toBe(false);
    }
  });
});

describe("findLanguageMismatch", () => {
  it("catches a Portuguese question answered in Spanish, and a Spanish one in English", () => {
    expect(
      findLanguageMismatch(
        "Qual é a capital do Brasil?",
        "La capital de Brasil es Brasilia, una ciudad planificada.",
      ),
    ).toEqual({ expected: "pt", got: "es" });
    expect(
      findLanguageMismatch(
        "Hola, ¿cómo estás? ¿Me ayudas con una duda sobre mi factura?",
        "Hello! I am fine, thank you. What is the question about your invoice?",
      ),
    ).toEqual({ expected: "es", got: "en" });
  });

  it("accepts answers in the question's language, short answers, and asked-for translations", () => {
    expect(
      findLanguageMismatch("Qual é a capital do Brasil?", "A capital do Brasil é Brasília."),
    ).toBeUndefined();
    expect(findLanguageMismatch("¿Cuánto es 12 por 7?", "84")).toBeUndefined();
    expect(
      findLanguageMismatch(
        "Traduce al portugués: 'El pedido llega mañana por la tarde.'",
        "O pedido chega amanhã à tarde e não há custo.",
      ),
    ).toBeUndefined();
  });
});

/**
 * Questions in the region's indigenous languages, with their Spanish translations and a sentence
 * in the same language as a right-language answer, from AmericasNLP's dev set (tune half).
 */
const indigenousQuestions = [
  {
    language: "qu",
    question: "Qampa hukuyki hinam sapa punchaw allin rimanakuyman chayachiwanku",
    spanish:
      "Las organizaciones como la suya son las que ayudan a formar conexiones fantásticas todos los días.",
    same: "Ari, ari, ari, yachankiñam manam qalaycha ima hukuwanmanchu corporación financiada kapunanri",
  },
  {
    language: "gn",
    question:
      "Héê, katu ndaroviái ijáne haĝua rojapóvo, árupi ndaikatúi jajuhu pukoe arupiguáva ha upéva upe marandu roipotavéva.",
    spanish:
      "Sí, pero no creo que vayamos a hacerlo porque es que no se pueden obtener estaciones locales y esa es la noticia en la que estamos más interesados.",
    same: "Opavave nunga oîva upe tekojoja rekojoajúpe oî pype, ha hetave umíva apytépe tahachi.",
  },
  {
    language: "ay",
    question: "Correo tukiw jutir 45n urunkan arsukipatani kawnir jan waxt'apki ukanakampi.",
    spanish:
      "Nos comunicaremos por correo en los próximos 45 días con quienes no hayan hecho donaciones este año fiscal.",
    same: "jïsa, qhanawa, janiw ukat arsupkanti eh… kunjamti uñkata uka jani yatktati, ukampirus yataw jach'a wila masit jutiri.",
  },
  {
    language: "nah",
    question: "Oncayaya miyac tlacameh tlen tlacaquitoh ipan tlamachtilli tlen tepoztlizatelite.",
    spanish: "Había un montón de gente asistiendo al seminario sobre el satélite.",
    same: "Nicmachilia monequi titequitiz ica inon ihuan cualli ticchihuaz.",
  },
] as const;

describe("findLanguageMismatch on the region's indigenous languages", () => {
  it.each(indigenousQuestions)(
    "catches a $language question answered in Spanish, and accepts one in $language",
    ({ language, question, spanish, same }) => {
      expect(findLanguageMismatch(question, spanish)).toEqual({ expected: language, got: "es" });
      expect(findLanguageMismatch(question, same)).toBeUndefined();
      // The cascade's reason for escalating.
      const messages = [{ role: "user" as const, content: question }];
      expect(findAnswerFlaw({ text: spanish, finished: false, messages })).toBe("language");
      expect(findAnswerFlaw({ text: same, finished: false, messages })).toBeUndefined();
    },
  );

  it("catches a Quechua question answered in Aymara", () => {
    const [quechua, , aymara] = indigenousQuestions;
    expect(findLanguageMismatch(quechua.question, aymara.same)).toEqual({
      expected: "qu",
      got: "ay",
    });
  });

  it("never flags short answers, numbers, names, code, or a translation asked for", () => {
    const question = "Imaynallam kachkanki? Ñuqaqa Limapi llamkachkani, wasiymanta karupi.";
    for (const answer of [
      "Arí, allinmi.",
      "84",
      "1.250.000 soles, 3.400 dólares, 12 %",
      "Machu Picchu, Qusqu, Perú",
      "José María Arguedas, Lima, Universidad de San Marcos",
      "```python\nprint('hola de la casa')\nfor i in range(10): print(i)\n```",
      "`SELECT nombre, ciudad FROM clientes WHERE pais = 'PE'`",
    ]) {
      expect(findLanguageMismatch(question, answer), answer).toBeUndefined();
    }
    expect(
      findLanguageMismatch(
        "Kay rimayta castellano simiman tikraway: Qampa hukuyki hinam sapa punchaw allin rimanakuyman chayachiwanku",
        "Las organizaciones como la suya son las que ayudan a formar conexiones todos los días.",
      ),
    ).toBeUndefined();
  });
});

describe("findJsonProblem", () => {
  const schema: ResponseFormat = {
    type: "json_schema",
    name: "invoice",
    schema: {
      type: "object",
      properties: { total: { type: "number" }, cliente: { type: "string" } },
      required: ["total", "cliente"],
    },
  };

  it("says what is wrong with JSON that fails its format", () => {
    expect(findJsonProblem('{"total": 150.5, "cliente": "Ana', schema)).toBe("not valid JSON");
    expect(findJsonProblem("[1, 2]", { type: "json_object" })).toBe("not a JSON object");
    expect(findJsonProblem('{"total": "ciento cincuenta", "cliente": "Ana"}', schema)).toMatch(
      /^does not match the schema \(total: /u,
    );
  });

  it("accepts JSON that fits, and answers for which no JSON was asked", () => {
    expect(findJsonProblem('{"total": 150.5, "cliente": "Ana"}', schema)).toBeUndefined();
    expect(findJsonProblem('{"a": 1}', { type: "json_object" })).toBeUndefined();
    expect(findJsonProblem("no es JSON", undefined)).toBeUndefined();
  });
});

describe("findAnswerFlaw and judgeAnswer", () => {
  it("names the flaw of each bad answer", () => {
    const loop = "Estele de Brasil, está como uma. ".repeat(6);
    expect(findAnswerFlaw(whole(loop, { finishReason: "length" }))).toBe("repetition");
    expect(findAnswerFlaw(whole("Seu pedido", { runaway: true }))).toBe("repetition");
    expect(findAnswerFlaw(whole("O reembolso será feito em até", { finishReason: "length" }))).toBe(
      "length",
    );
    expect(findAnswerFlaw(whole("  \n"))).toBe("empty");
    expect(findAnswerFlaw(whole("Desculpe, não posso ajudar com isso."))).toBe("refusal");
    expect(
      findAnswerFlaw(
        whole("La capital de Brasil es Brasilia y es una ciudad moderna.", {
          messages: asked("Qual é a capital do Brasil?"),
        }),
      ),
    ).toBe("language");
    expect(findAnswerFlaw(whole('{"total": 10', { responseFormat: { type: "json_object" } }))).toBe(
      "invalid-json",
    );
  });

  it("looks for whole-answer flaws only once the answer is whole", () => {
    const start = { text: "", finished: false };
    expect(findAnswerFlaw(start)).toBeUndefined();
    expect(
      findAnswerFlaw({
        text: '{"total": 1',
        finished: false,
        responseFormat: { type: "json_object" },
      }),
    ).toBeUndefined();
  });

  it("keeps the probability of a good answer and gives a flawed one 0", () => {
    const good = whole("A capital do Brasil é Brasília.", {
      messages: asked("Qual é a capital do Brasil?"),
    });
    expect(judgeAnswer(good, 0.91)).toEqual({ confidence: 0.91 });
    const loop = whole("Hola. ".repeat(12), { finishReason: "length" });
    expect(judgeAnswer(loop, 0.96)).toEqual({ confidence: 0, flaw: "repetition" });
  });
});
