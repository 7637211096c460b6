import type { z } from "zod";
import { InvalidRequestError } from "../core/errors.js";

/** Parse a request body with a schema; the first issue becomes an OpenAI-style 400 naming the param. */
export function validateBody<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
): z.infer<Schema> {
  if (body === undefined || body === null || typeof body !== "object") {
    throw new InvalidRequestError(
      "The request body must be a JSON object. Send Content-Type: application/json.",
    );
  }
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const param = issue && issue.path.length > 0 ? issue.path.join(".") : null;
  const message = issue ? `${param ?? "body"}: ${issue.message}` : "Invalid request body.";
  throw new InvalidRequestError(message, param);
}
