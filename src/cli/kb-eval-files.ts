import { readFile } from "node:fs/promises";
import { z } from "zod";
import { InvalidRequestError } from "../core/errors.js";
import type { EvaluationQuestion } from "../knowledge/evaluate-retrieval.js";
import type { Passage } from "../knowledge/passage-index.js";

const passageSchema = z.object({ id: z.string().min(1), title: z.string(), text: z.string() });
const questionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  gold_ids: z.array(z.string()).min(1),
});

/** Passages of a corpus or distractors file: one {"id","title","text"} object a line. */
export async function readPassages(file: string): Promise<Passage[]> {
  return readJsonl(file, passageSchema, '{"id", "title", "text"}');
}

/** Questions: one {"id","question","gold_ids"} object a line ("answers" is read but not used). */
export async function readQuestions(file: string): Promise<EvaluationQuestion[]> {
  const questions = await readJsonl(file, questionSchema, '{"id", "question", "gold_ids"}');
  return questions.map(({ id, question, gold_ids }) => ({ id, question, goldIds: gold_ids }));
}

async function readJsonl<T>(file: string, schema: z.ZodType<T>, shape: string): Promise<T[]> {
  let content: string;
  try {
    content = await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    throw new InvalidRequestError(`cannot read ${file} (${reason}); check the path.`);
  }
  const records: T[] = [];
  for (const [position, line] of content.split("\n").entries()) {
    if (line.trim() === "") continue;
    records.push(parseLine(line, `${file} line ${position + 1}`, schema, shape));
  }
  if (records.length === 0) {
    throw new InvalidRequestError(`${file} has no records; expected one ${shape} object a line.`);
  }
  return records;
}

function parseLine<T>(line: string, where: string, schema: z.ZodType<T>, shape: string): T {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new InvalidRequestError(`${where} is not JSON; expected one ${shape} object a line.`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    const field =
      issue === undefined || issue.path.length === 0 ? "" : ` "${issue.path.join(".")}"`;
    throw new InvalidRequestError(
      `${where} has a missing or invalid${field}; expected one ${shape} object a line.`,
    );
  }
  return result.data;
}
