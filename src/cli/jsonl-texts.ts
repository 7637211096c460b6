import { createInterface } from "node:readline";
import { z } from "zod";
import { InvalidRequestError } from "../core/errors.js";
import type { CliContext } from "./context.js";

const lineSchema = z.object({ text: z.string() });

/**
 * The texts of stdin read as JSONL, one `{"text": "..."}` object a line, in order, blank lines
 * skipped: what `--jsonl` commands answer line by line. Stops with a one-line error naming the
 * first line that is not such an object.
 */
export async function* jsonlTexts(context: Pick<CliContext, "stdin">): AsyncGenerator<string> {
  let number = 0;
  for await (const line of createInterface({ input: context.stdin, crlfDelay: Infinity })) {
    number += 1;
    if (line.trim() === "") continue;
    yield textOf(line, number);
  }
}

function textOf(line: string, number: number): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    throw new InvalidRequestError(
      `stdin line ${number} is not JSON; --jsonl expects one {"text": "..."} object per line.`,
    );
  }
  const result = lineSchema.safeParse(parsed);
  if (!result.success) {
    throw new InvalidRequestError(
      `stdin line ${number} has no "text" string; --jsonl expects one {"text": "..."} object per line.`,
    );
  }
  return result.data.text;
}
