import { describe, expect, it } from "vitest";
import { detectRegionLanguage } from "./region-language.js";

// Sentences written for these tests (simple, everyday), not taken from any corpus.
const sentences = {
  qu: [
    "Ñuqaqa llaqtaypi tayta mamaywan tiyani",
    "Wawakunaqa yachaywasipim pukllachkanku",
    "Kunan punchawqa ancha chirim kachkan, wasiykipi qipakuy",
  ],
  gn: [
    "Che ha'e peteî mbo'ehára ha aiko Asunción-pe.",
    "Mba'éichapa reiko? Iporâ, aguyje ndéve.",
    "Ko ára ipirevai ha ro'ysâ heta yvy rehe.",
  ],
  ay: [
    "Nayax La Paz markankastwa, ukanx jakasta.",
    "Jichhürux wali thayawa, utaman sarañani.",
    "Jupanakax yatiqañ utar sarapxi.",
  ],
  nah: [
    "Nehuatl nicnequi niyaz ompa altepetl ihuan nicuaz tlaxcalli.",
    "In tlacatl amo quimati tlen quichihuaz axcan.",
    "Nochi in pipiltzitzintin mahuiltiah ipan calli.",
  ],
  es: [
    "¿Cuál es la capital de Bolivia y cuántas personas viven allí?",
    "No tengo tiempo para leer el informe antes de la reunión.",
    "Mi hermana trabaja en un hospital de Lima desde hace cinco años.",
  ],
  pt: [
    "Qual é a capital do Brasil e quantas pessoas moram lá?",
    "Não tenho tempo para ler o relatório antes da reunião.",
    "Minha irmã trabalha num hospital de São Paulo há cinco anos.",
  ],
  en: [
    "What is the capital of Peru and how many people live there?",
    "I do not have time to read the report before the meeting.",
    "Please write a short poem about the mountains.",
  ],
} as const;

describe("detectRegionLanguage", () => {
  for (const [language, list] of Object.entries(sentences)) {
    it.each(list)(`names ${language}: %s`, (sentence) => {
      const detection = detectRegionLanguage(sentence);
      expect(detection.language).toBe(language);
      expect(detection.confidence).toBeGreaterThan(0.5);
      expect(detection.confidence).toBeLessThanOrEqual(1);
    });
  }

  it("does not take Portuguese or English for Spanish", () => {
    for (const sentence of [...sentences.pt, ...sentences.en]) {
      expect(detectRegionLanguage(sentence).language).not.toBe("es");
    }
  });

  it("answers und with no confidence for text too short or without letters", () => {
    expect(detectRegionLanguage("")).toEqual({ language: "und", confidence: 0 });
    expect(detectRegionLanguage("12 + 30 = ?")).toEqual({ language: "und", confidence: 0 });
  });

  it("answers a text seen before as the first time, whatever came between", () => {
    const all = Object.values(sentences).flat();
    const first = all.map((sentence) => detectRegionLanguage(sentence));
    const again = [...all].reverse().map((sentence) => detectRegionLanguage(sentence));
    expect(again.reverse()).toEqual(first);
    // Each caller gets its own object: changing one does not change what the next is told.
    const mine = detectRegionLanguage(sentences.es[0]);
    mine.language = "en";
    expect(detectRegionLanguage(sentences.es[0]).language).toBe("es");
  });

  it("reads only the start of a very long text", () => {
    const long = `${sentences.qu[0]} `.repeat(400);
    expect(detectRegionLanguage(long).language).toBe("qu");
  });
});
