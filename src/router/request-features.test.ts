import { describe, expect, it } from "vitest";
import { confidenceOf } from "./confidence.js";
import { extractFeatures } from "./request-features.js";
import { detectTask } from "./task.js";

describe("detectTask", () => {
  it.each([
    ["Escribe una función en Python que ordene una lista", "code"],
    ["Traduza este parágrafo para o inglês", "translation"],
    ["Resume este texto en tres frases", "summarization"],
    ["Extrae los campos nombre y fecha del correo", "extraction"],
    ["Clasifica el sentimiento de esta reseña", "classification"],
    ["Calcule 37 * 12 e explique", "math"],
    ["¿Quién escribió Cien años de soledad?", "question"],
    ["Hola, buenos días", "chat"],
  ] as const)("%s → %s", (text, task) => {
    expect(detectTask(text)).toBe(task);
  });
});

describe("extractFeatures", () => {
  it("scores only what the user wrote, estimates tokens from every message", () => {
    const features = extractFeatures({
      model: "auto",
      requested: { kind: "auto" },
      messages: [
        { role: "system", content: "You are a helpful assistant for an English shop." },
        { role: "user", content: "Qual é o horário de funcionamento da loja?" },
      ],
      tenant: "loja",
      metadata: { canal: "whatsapp" },
      budgetSpent: true,
      cloudUp: false,
    });
    expect(features).toMatchObject({
      prompt: "Qual é o horário de funcionamento da loja?",
      language: "pt",
      task: "question",
      promptTokens: 23,
      budget: "spent",
      cloud: "down",
    });
  });
});

describe("confidenceOf", () => {
  const logprobs = [-0.1, -0.2, -3, -0.1];
  it("turns token log-probabilities into one number in [0, 1] by the chosen signal", () => {
    expect(confidenceOf(logprobs, "mean")).toBeCloseTo(Math.exp(-3.4 / 4), 9);
    expect(confidenceOf(logprobs, "min")).toBeCloseTo(Math.exp(-3), 9);
    expect(confidenceOf(logprobs, "tail")).toBeCloseTo(Math.exp(-3), 9);
    expect(confidenceOf([...logprobs, ...logprobs], "tail")).toBeCloseTo(Math.exp(-3), 9);
    expect(confidenceOf([], "mean")).toBe(0);
  });
});
