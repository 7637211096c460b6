import type { ChatMessage } from "../../src/core/chat.js";
import { choiceLetters } from "./answer-check.js";
import type { CascadeTask, TaskLanguage } from "./cascade-tasks.js";

interface PromptWords {
  read: string;
  text: string;
  question: string;
  options: string;
  choice: (letters: string) => string;
  number: string;
  or: string;
  answer: string;
  /** "reason": work the problem out, then give the number after the answer word. */
  reason: string;
}

const words: Record<TaskLanguage, PromptWords> = {
  pt: {
    read: "Leia o texto e responda à questão.",
    text: "Texto",
    question: "Questão",
    options: "Alternativas",
    choice: (letters) => `Responda apenas com a letra da alternativa correta (${letters}).`,
    number: "Responda apenas com o número.",
    or: "ou",
    answer: "Resposta",
    reason: "Resolva passo a passo, em poucas linhas, e termine com a linha «Resposta: <número>».",
  },
  es: {
    read: "Lee el texto y responde a la pregunta.",
    text: "Texto",
    question: "Pregunta",
    options: "Opciones",
    choice: (letters) => `Responde solo con la letra de la opción correcta (${letters}).`,
    number: "Responde solo con el número.",
    or: "o",
    answer: "Respuesta",
    reason: "Resuelve paso a paso, en pocas líneas, y termina con la línea «Respuesta: <número>».",
  },
  en: {
    read: "Read the text and answer the question.",
    text: "Text",
    question: "Question",
    options: "Options",
    choice: (letters) => `Answer with the letter of the correct option only (${letters}).`,
    number: "Answer with the number only.",
    or: "or",
    answer: "Answer",
    reason: 'Work it out step by step in a few lines and end with the line "Answer: <number>".',
  },
};

/**
 * "short": the exam-style prompt below, which asks for the letter or the number only. "chat": the
 * question as a user would type it (passage, question, lettered options), with no instruction on
 * how to answer, so the model answers in free text as it does for everyday requests. "reason": a
 * task with a number for its answer (a word problem) is worked out in a few lines first and the
 * number read after "Respuesta:"/"Resposta:" (else the last number); a task with options is asked
 * as in "short".
 */
export type TaskPromptStyle = "short" | "chat" | "reason";

function chatPrompt(task: CascadeTask): string {
  const parts = [task.context, task.question].filter((part) => part !== undefined);
  if (task.options !== undefined) {
    parts.push(
      task.options.map((option, index) => `${choiceLetters[index]}) ${option}`).join("\n"),
    );
  }
  return parts.join("\n\n");
}

/**
 * The prompt for a task, in its language: the passage and the question under labels, the options
 * lettered A–E, an instruction to answer with the letter (or the number) only, and "Answer:".
 * Measured on SmolLM2-135M with ENEM: labelled parts and a closing "Resposta:" get a letter back
 * more often than the bare passage, which the model tends to continue instead.
 */
export function taskMessages(task: CascadeTask, style: TaskPromptStyle = "short"): ChatMessage[] {
  const language = words[task.language];
  const parts: string[] = [];
  if (style === "chat") return [{ role: "user", content: chatPrompt(task) }];
  if (task.context !== undefined) {
    parts.push(language.read, `${language.text}: ${task.context}`);
    parts.push(`${language.question}: ${task.question}`);
  } else parts.push(task.question);
  if (style === "reason" && task.options === undefined) {
    parts.push(language.reason);
    return [{ role: "user", content: parts.join("\n\n") }];
  }
  let instruction = language.number;
  if (task.options !== undefined) {
    const letters = choiceLetters.slice(0, task.options.length);
    const lines = task.options.map((option, index) => `${letters[index]}) ${option}`);
    parts.push(`${language.options}:\n${lines.join("\n")}`);
    instruction = language.choice(
      `${letters.slice(0, -1).join(", ")} ${language.or} ${letters.at(-1)}`,
    );
  }
  parts.push(`${instruction}\n${language.answer}:`);
  return [{ role: "user", content: parts.join("\n\n") }];
}
