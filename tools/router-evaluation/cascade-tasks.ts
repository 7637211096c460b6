import { readFile } from "node:fs/promises";
import { z } from "zod";
import { ColibriError } from "../../src/core/errors.js";
import { detectLanguage } from "../../src/router/language.js";
import { choiceLetters, type ChoiceLetter, type TaskAnswer } from "./answer-check.js";

/** The languages a task prompt can be written in. */
export type TaskLanguage = "pt" | "es" | "en";

/** One question with a verifiable answer. */
export interface CascadeTask {
  id: string;
  language: TaskLanguage;
  /** A passage the question refers to, shown before it. */
  context?: string;
  question: string;
  /** Multiple choice: the options' texts, lettered A–E in this order. */
  options?: string[];
  answer: TaskAnswer;
}

export interface LoadedTasks {
  format: "jsonl" | "enem";
  tasks: CascadeTask[];
  /** ENEM questions left out, by reason. */
  skipped: { images: number; noLabel: number; noOptions: number };
}

export class CascadeTaskError extends ColibriError {
  constructor(message: string, cause?: unknown) {
    super(message, { code: "invalid_tasks", status: 400, cause });
  }
}

const jsonlTaskSchema = z
  .object({
    id: z.union([z.string().min(1), z.number()]).optional(),
    question: z.string().trim().min(1),
    context: z.string().optional(),
    options: z.array(z.string().trim().min(1)).min(2).max(choiceLetters.length).optional(),
    answer: z.union([z.string().trim().min(1), z.number()]),
    language: z.enum(["pt", "es", "en"]).optional(),
  })
  .strict();

const enemQuestionSchema = z.looseObject({
  id: z.union([z.string(), z.number()]),
  question: z.string(),
  context: z.string().nullish(),
  options: z.array(z.string()).default([]),
  label: z.string().nullish(),
  has_associated_images: z.boolean().default(false),
});

/** Read a task file: JSONL (one task per line) or an ENEM-style JSON array, told apart by its first character. */
export async function loadCascadeTasks(file: string): Promise<LoadedTasks> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CascadeTaskError(`Cannot read the task file ${file}: ${String(error)}`, error);
  }
  return parseCascadeTasks(text, file);
}

export function parseCascadeTasks(text: string, file: string): LoadedTasks {
  const tasks = text.trimStart().startsWith("[") ? parseEnem(text, file) : parseJsonl(text, file);
  if (tasks.tasks.length === 0) {
    throw new CascadeTaskError(
      `The task file ${file} holds no usable task${tasks.format === "enem" ? ` (skipped: ${describeSkipped(tasks.skipped)})` : ""}.`,
    );
  }
  return tasks;
}

export function describeSkipped(skipped: LoadedTasks["skipped"]): string {
  return `${skipped.images} with images, ${skipped.noLabel} without an answer, ${skipped.noOptions} without options`;
}

function parseJsonl(text: string, file: string): LoadedTasks {
  const tasks: CascadeTask[] = [];
  const ids = new Set<string>();
  text.split(/\r?\n/u).forEach((line, index) => {
    if (line.trim() === "") return;
    const where = `${file}:${index + 1}`;
    const parsed = jsonlTaskSchema.safeParse(parseJson(line, where));
    if (!parsed.success) throw new CascadeTaskError(`${where}: ${issues(parsed.error)}`);
    const { id = `line-${index + 1}`, question, context, options, language } = parsed.data;
    const task: CascadeTask = {
      id: String(id),
      language: language ?? languageOf([context ?? "", question, ...(options ?? [])].join(" ")),
      question,
      answer: answerOf(parsed.data.answer, options, where),
      ...(context === undefined || context.trim() === "" ? {} : { context: context.trim() }),
      ...(options === undefined ? {} : { options }),
    };
    if (ids.has(task.id))
      throw new CascadeTaskError(`${where}: the id "${task.id}" is used twice.`);
    ids.add(task.id);
    tasks.push(task);
  });
  return { format: "jsonl", tasks, skipped: { images: 0, noLabel: 0, noOptions: 0 } };
}

function answerOf(
  answer: string | number,
  options: readonly string[] | undefined,
  where: string,
): TaskAnswer {
  if (options !== undefined) {
    const letters = choiceLetters.slice(0, options.length);
    const letter = letters.find((candidate) => candidate === String(answer).toUpperCase());
    if (letter === undefined) {
      throw new CascadeTaskError(
        `${where}: answer: expected one of the option letters ${letters.join(", ")}, got ${JSON.stringify(answer)}.`,
      );
    }
    return { kind: "choice", letter };
  }
  const value = typeof answer === "number" ? answer : Number(answer);
  if (!Number.isFinite(value)) {
    throw new CascadeTaskError(
      `${where}: answer: a task without options needs a number as its answer (e.g. 42 or "-3.5"), got ${JSON.stringify(answer)}. For multiple choice, add "options".`,
    );
  }
  return { kind: "number", value };
}

function parseEnem(text: string, file: string): LoadedTasks {
  const parsed = z.array(z.unknown()).safeParse(parseJson(text, file));
  if (!parsed.success) throw new CascadeTaskError(`${file}: expected a JSON array of questions.`);
  const skipped = { images: 0, noLabel: 0, noOptions: 0 };
  const tasks: CascadeTask[] = [];
  parsed.data.forEach((item, index) => {
    const question = enemQuestionSchema.safeParse(item);
    if (!question.success) {
      throw new CascadeTaskError(`${file}: question ${index + 1}: ${issues(question.error)}`);
    }
    const { id, context, options, label, has_associated_images: images } = question.data;
    const letter = choiceLetters.find((candidate) => candidate === label?.trim().toUpperCase());
    const cleanOptions = options.map((option) => option.replace(/\s+/gu, " ").trim());
    if (images) skipped.images++;
    else if (letter === undefined) skipped.noLabel++;
    else if (cleanOptions.length < 2 || cleanOptions.length > choiceLetters.length)
      skipped.noOptions++;
    else tasks.push(enemTask(String(id), question.data.question, context, cleanOptions, letter));
  });
  return { format: "enem", tasks, skipped };
}

function enemTask(
  id: string,
  question: string,
  context: string | null | undefined,
  options: string[],
  letter: ChoiceLetter,
): CascadeTask {
  const passage = context?.replace(/\s+/gu, " ").trim() ?? "";
  // The exam is Portuguese even where its passages are in Spanish or English.
  return {
    id,
    language: "pt",
    question: question.replace(/\s+/gu, " ").trim(),
    options,
    answer: { kind: "choice", letter },
    ...(passage === "" ? {} : { context: passage }),
  };
}

function languageOf(text: string): TaskLanguage {
  const language = detectLanguage(text);
  return language === "other" ? "en" : language;
}

function parseJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new CascadeTaskError(
      `${where}: not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
      error,
    );
  }
}

function issues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.join(".") || "task"}: ${issue.message}`)
    .join("; ");
}
