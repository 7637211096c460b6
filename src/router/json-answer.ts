import { z } from "zod";
import type { ResponseFormat } from "../core/chat.js";

/**
 * What is wrong with an answer that was asked for as JSON (response_format json_object or
 * json_schema): not JSON, not an object, or not what the schema asks. Undefined when it is fine or
 * no JSON was asked for. A schema zod cannot read is not held against the answer.
 */
export function findJsonProblem(
  text: string,
  format: ResponseFormat | undefined,
): string | undefined {
  if (format === undefined || format.type === "text") return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch {
    return "not valid JSON";
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return "not a JSON object";
  }
  if (format.type === "json_object") return undefined;
  const schema = validatorOf(format.schema);
  if (schema === undefined) return undefined;
  const result = schema.safeParse(value);
  if (result.success) return undefined;
  const first = result.error.issues[0];
  return `does not match the schema${first === undefined ? "" : ` (${first.path.join(".") || "value"}: ${first.message})`}`;
}

const validators = new WeakMap<Record<string, unknown>, z.ZodType | null>();

function validatorOf(schema: Record<string, unknown>): z.ZodType | undefined {
  let validator = validators.get(schema);
  if (validator === undefined) {
    try {
      validator = z.fromJSONSchema(schema);
    } catch {
      validator = null;
    }
    validators.set(schema, validator);
  }
  return validator ?? undefined;
}
