import type { ChatMessage } from "../../core/chat.js";
import { choiceLetters } from "./answer-check.js";
import type { CascadeTask, TaskLanguage } from "./cascade-tasks.js";

const instructions: Record<
  TaskLanguage,
  { choice: (letters: string) => string; number: string; or: string }
> = {
  pt: {
    choice: (letters) => `Responda apenas com a letra da alternativa correta (${letters}).`,
    number: "Responda apenas com o número.",
    or: "ou",
  },
  es: {
    choice: (letters) => `Responde solo con la letra de la opción correcta (${letters}).`,
    number: "Responde solo con el número.",
    or: "o",
  },
  en: {
    choice: (letters) => `Answer with the letter of the correct option only (${letters}).`,
    number: "Answer with the number only.",
    or: "or",
  },
};

/**
 * The prompt for a task, in its language: the passage, the question, the options lettered A–E,
 * and an instruction to answer with the letter (or the number) only.
 */
export function taskMessages(task: CascadeTask): ChatMessage[] {
  const words = instructions[task.language];
  const parts = task.context === undefined ? [] : [task.context];
  parts.push(task.question);
  if (task.options === undefined) {
    parts.push(words.number);
  } else {
    const letters = choiceLetters.slice(0, task.options.length);
    parts.push(task.options.map((option, index) => `${letters[index]}) ${option}`).join("\n"));
    const listed = `${letters.slice(0, -1).join(", ")} ${words.or} ${letters.at(-1)}`;
    parts.push(words.choice(listed));
  }
  return [{ role: "user", content: parts.join("\n\n") }];
}
