import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { InvalidRequestError } from "../../core/errors.js";

/**
 * `folder/file` parsed as JSON and checked by `schema`; a one-line error naming the file when it
 * cannot be read, is not JSON, or is not `expected` (e.g. "a PEFT LoRA configuration").
 */
export async function readJsonFile<T>(
  folder: string,
  file: string,
  schema: z.ZodType<T>,
  expected = "as expected",
): Promise<T> {
  const path = join(folder, file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (error) {
    throw new InvalidRequestError(
      `Cannot read ${path} as JSON: ${(error as Error).message}`,
      null,
      error,
    );
  }
  const result = schema.safeParse(json);
  if (!result.success) {
    throw new InvalidRequestError(`${path} is not ${expected}: ${z.prettifyError(result.error)}`);
  }
  return result.data;
}
