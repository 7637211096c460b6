import { describe, expect, it } from "vitest";
import type { RatedTrainingPair } from "../../src/core/records/training-pairs.js";
import { buildChatDataset, withStablePlaceholders } from "./chat-dataset.js";

let next = 0;
function pair(question: string, answer: string, overrides: Partial<RatedTrainingPair> = {}) {
  next++;
  return {
    id: `pair-${next}`,
    tenantId: "t",
    responseId: `chatcmpl-${next}`,
    createdAt: next,
    provider: "nube",
    model: "gpt-4o-mini",
    messages: [{ role: "user" as const, content: question }],
    answer,
    finishReason: "stop" as const,
    rating: null,
    correction: null,
    ...overrides,
  };
}

const options = {
  evalShare: 0.25,
  seed: 1,
  maxTokens: 64,
  holdsPersonalData: (text: string) => text.includes("@"),
};

describe("the chat fine-tuning data set", () => {
  it("drops empty, cut, 👎, refused, too long, personal and repeated examples, each counted", () => {
    const {
      train,
      eval: held,
      counts,
    } = buildChatDataset(
      [
        pair("¿Plazo del trámite <CPF_1_k3f9q2>?", "Diez días hábiles para <CPF_1_k3f9q2>."),
        // The same exchange with another request's random part: a duplicate.
        pair("¿Plazo del trámite <CPF_1_zz00aa>?", "Diez días hábiles para <CPF_1_zz00aa>."),
        pair("¿Y el costo?", "   "),
        pair("Resume el acta.", "El acta dice que", { finishReason: "length" }),
        pair("¿Horario?", "De 9 a 18.", { rating: "bad" }),
        pair("¿Quién firma?", "Lo siento, no puedo ayudar con eso."),
        pair("Traduce esto.", "x".repeat(400)),
        pair("Escribe a ana@example.com", "Listo."),
        // A correction replaces a cut, 👎-rated answer and keeps it.
        pair("¿Dónde se entrega?", "En la", {
          finishReason: "length",
          rating: "bad",
          correction: "En la ventanilla 3.",
        }),
        pair("¿Qué formulario?", "El formulario 12."),
      ],
      options,
    );
    expect(counts).toEqual({
      pairs: 10,
      corrected: 1,
      dropped: {
        empty: 1,
        cut: 1,
        ratedBad: 1,
        refused: 1,
        tooLong: 1,
        personalData: 1,
        duplicate: 1,
      },
      train: 2,
      eval: 1,
    });
    const all = [...train, ...held];
    expect(all.map((example) => example.messages)).toEqual(
      expect.arrayContaining([
        [
          { role: "user", content: "¿Plazo del trámite <CPF_1>?" },
          { role: "assistant", content: "Diez días hábiles para <CPF_1>." },
        ],
        [
          { role: "user", content: "¿Dónde se entrega?" },
          { role: "assistant", content: "En la ventanilla 3." },
        ],
      ]),
    );
  });

  it("splits the same way for the same seed whatever the order, and another way for another seed", () => {
    const pairs = Array.from({ length: 40 }, (_, index) =>
      pair(`Pregunta ${index}`, `Respuesta ${index}`),
    );
    const evalOf = (seed: number, list: RatedTrainingPair[]) =>
      buildChatDataset(list, { ...options, seed, evalShare: 0.1 })
        .eval.map((example) => example.messages[0]?.content)
        .sort();
    const first = evalOf(3, pairs);
    expect(first).toHaveLength(4);
    expect(evalOf(3, [...pairs].reverse())).toEqual(first);
    expect(evalOf(4, pairs)).not.toEqual(first);
  });

  it("drops only the random part of the guard's placeholders", () => {
    expect(withStablePlaceholders("<EMAIL_2_a1b2c3> y <PHONE_10_zzzzzz>, <CPF_1>")).toBe(
      "<EMAIL_2> y <PHONE_10>, <CPF_1>",
    );
  });
});
