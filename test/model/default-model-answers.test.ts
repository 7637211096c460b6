import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ChatEvent } from "../../src/core/chat.js";
import { LocalEngine } from "../../src/engine/index.js";
import { defaultModel, loadTestEngine } from "../support/default-model.js";

/**
 * The default model answers the six everyday questions of issue 19 (3 Spanish, 3 Brazilian
 * Portuguese: a capital, a word problem, a customer-service reply), greedy, on one thread.
 */
const spanishWords = [
  "el",
  "la",
  "los",
  "las",
  "que",
  "de",
  "por",
  "para",
  "lo",
  "su",
  "tu",
  "con",
  "y",
  "una",
  "es",
  "sentimos",
  "siento",
  "pedido",
  "gracias",
  "disculpas",
];
const portugueseWords = [
  "o",
  "a",
  "os",
  "as",
  "que",
  "de",
  "do",
  "da",
  "para",
  "com",
  "e",
  "uma",
  "você",
  "seu",
  "sua",
  "pedido",
  "obrigado",
  "desculpe",
  "lamentamos",
  "não",
];

function countWords(text: string, words: readonly string[]): number {
  const tokens = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  return tokens.filter((token) => words.includes(token)).length;
}

/** The answer's conclusion: its last number (the model works the sum out before it). */
function lastNumber(text: string): string | undefined {
  return text.match(/\d+(?:[.,]\d+)?/g)?.at(-1);
}

let engine: LocalEngine;

beforeAll(async () => {
  const model = await defaultModel();
  engine = await loadTestEngine(model);
});
afterAll(async () => {
  await engine.close();
});

async function answer(question: string): Promise<string> {
  let text = "";
  const stream: AsyncIterable<ChatEvent> = engine.chat({
    messages: [{ role: "user", content: question }],
    sampling: { temperature: 0, maxTokens: 256 },
  });
  for await (const event of stream) if (event.type === "delta") text += event.text;
  return text;
}

describe("the default model answers everyday questions (issue 19)", () => {
  it("es: a capital", async () => {
    expect(await answer("¿Cuál es la capital de Argentina?")).toContain("Buenos Aires");
  });

  it("pt-BR: a capital", async () => {
    expect(await answer("Qual é a capital do Brasil?")).toContain("Brasília");
  });

  it("es: a word problem", async () => {
    const text = await answer(
      "Ana compra 3 cuadernos a 4 pesos cada uno y paga con un billete de 20 pesos. ¿Cuánto cambio recibe?",
    );
    expect(lastNumber(text), text).toBe("8");
  });

  it("pt-BR: a word problem", async () => {
    const text = await answer("João tem 15 laranjas e dá 6 para a irmã. Quantas laranjas sobram?");
    expect(lastNumber(text), text).toBe("9");
  });

  it("es: a customer-service reply, in Spanish", async () => {
    const text = await answer(
      'Un cliente escribe: "Mi pedido llegó tarde y la caja estaba rota." Escribe una respuesta breve y amable de atención al cliente.',
    );
    expect(text.trim().length, text).toBeGreaterThan(20);
    expect(countWords(text, spanishWords), text).toBeGreaterThan(
      countWords(
        text,
        portugueseWords.filter((word) => !spanishWords.includes(word)),
      ),
    );
    expect(text).not.toMatch(/\b(?:the|your|sorry)\b/i);
  });

  it("pt-BR: a customer-service reply, in Portuguese", async () => {
    const text = await answer(
      'Um cliente escreve: "Meu pedido chegou com defeito." Escreva uma resposta curta e educada de atendimento ao cliente.',
    );
    expect(text.trim().length, text).toBeGreaterThan(20);
    expect(countWords(text, portugueseWords), text).toBeGreaterThan(
      countWords(
        text,
        spanishWords.filter((word) => !portugueseWords.includes(word)),
      ),
    );
    expect(text).not.toMatch(/\b(?:the|your|sorry)\b/i);
  });
});
