import { describe, expect, it } from "vitest";
import { evaluateRetrieval } from "./evaluate-retrieval.js";
import { createPassageIndex } from "./passage-index.js";
import { foldAccents, languageTerm, plainTerm } from "./text-analysis.js";

const passages = [
  { id: "p1", title: "Canciones", text: "Las canciones populares de la región andina." },
  { id: "p2", title: "Ríos", text: "El río Amazonas atraviesa la selva." },
  { id: "p3", title: "Montañas", text: "La cordillera tiene picos nevados y volcanes." },
];

describe("Spanish analysis", () => {
  it("meets plural, accented and unaccented forms on one term and drops stop words", () => {
    const term = languageTerm("es");
    expect(term("canciones")).toBe(term("cancion"));
    expect(term("canción")).toBe(term("cancion"));
    expect(term("de")).toBeNull();
    expect(foldAccents("ação")).toBe("acao");
  });

  it("finds a passage the plain baseline misses", () => {
    const question = "¿Qué canción es popular?";
    const plain = createPassageIndex(plainTerm);
    plain.add(passages);
    expect(plain.search(question, 5)).not.toContain("p1");
    const index = createPassageIndex(languageTerm("es"));
    index.add(passages);
    expect(index.search(question, 5)[0]).toBe("p1");
  });
});

describe("evaluateRetrieval", () => {
  it("scores every question against its gold ids", () => {
    const questions = [
      { id: "q1", question: "¿Qué río cruza la selva?", goldIds: ["p2"] },
      { id: "q2", question: "volcanes nevados", goldIds: ["p3"] },
      { id: "q3", question: "canción", goldIds: ["p1"] },
    ];
    expect(evaluateRetrieval(passages, questions, languageTerm("es"))).toEqual({
      "recall@1": 1,
      "recall@5": 1,
      mrr: 1,
    });
    // The baseline does not match "canción" with "canciones".
    expect(evaluateRetrieval(passages, questions, plainTerm)["recall@5"]).toBeCloseTo(2 / 3, 12);
  });
});
