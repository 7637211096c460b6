import { describe, expect, it } from "vitest";
import type { KnowledgeHit } from "../core/records/knowledge.js";
import { citationsIn, groundingMessage, passageSource } from "./grounding.js";

const hit = (overrides: Partial<KnowledgeHit>): KnowledgeHit => ({
  knowledgeBaseId: "vs_1",
  documentId: "file-1",
  documentName: "guia.md",
  ordinal: 0,
  headingPath: [],
  text: "El paracetamol se toma cada ocho horas.",
  page: null,
  score: 1,
  ...overrides,
});

describe("grounding", () => {
  it("numbers the passages with where they came from, best first", () => {
    const message = groundingMessage([
      hit({ headingPath: ["Guía", "Dosis"] }),
      hit({ documentName: "manual.pdf", page: 12, text: " Abrimos a las nueve. " }),
    ]);
    expect(message).toContain(
      "[1] (guia.md, Guía > Dosis)\nEl paracetamol se toma cada ocho horas.",
    );
    expect(message).toContain("[2] (manual.pdf, p. 12)\nAbrimos a las nueve.");
    expect(message).toContain("do not contain");
    expect(passageSource(hit({ headingPath: ["A"], page: 3 }))).toBe("guia.md, A, p. 3");
  });

  it("tells the model to say the documents do not hold the answer when nothing was found", () => {
    expect(groundingMessage([])).toContain("found nothing");
  });

  it("reads [n] markers that name a passage, and ignores the others", () => {
    const hits = [hit({ documentId: "file-a" }), hit({ documentId: "file-b" })];
    const text = "Cada ocho horas [1]. Máximo cuatro gramos [1, 2][2]. Ver [7] y [x].";
    expect(citationsIn(text, hits).map((c) => [c.index, c.hit.documentId])).toEqual([
      [16, "file-a"],
      [42, "file-a"],
      [42, "file-b"],
      [48, "file-b"],
    ]);
    expect(citationsIn("Sin citas.", hits)).toEqual([]);
  });

  it("cites the passage a sentence without a marker was taken from, at the sentence's end", () => {
    const hits = [
      hit({ documentId: "file-a", text: "Abrimos de lunes a viernes, de nueve a veinte horas." }),
      hit({ documentId: "file-b", text: "El paracetamol se toma cada ocho horas." }),
    ];
    const text = "El paracetamol se toma cada ocho horas. Consulte a su médico de confianza.";
    expect(citationsIn(text, hits).map((c) => [c.index, c.hit.documentId])).toEqual([
      [39, "file-b"],
    ]);
    // Markers, when there are any, are all that counts.
    expect(citationsIn("El paracetamol se toma cada ocho horas [1].", hits)).toHaveLength(1);
    expect(citationsIn("Sí.", hits)).toEqual([]);
  });
});
