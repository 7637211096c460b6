import { z } from "zod";
import { UpstreamProtocolError } from "../core/errors.js";

/** JSON text as a value, or undefined when it is not JSON. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Read a provider's JSON payload with `schema`; a payload that is not JSON or does not fit
 * becomes an UpstreamProtocolError saying what was wrong with it.
 */
export function parseJsonPayload<Schema extends z.ZodType>(
  text: string,
  schema: Schema,
  provider: string,
  what: string,
): z.infer<Schema> {
  return checkPayload(parseJsonText(text), text, schema, provider, what);
}

/** As parseJsonPayload, for a payload already parsed from `text` (undefined: it was not JSON). */
export function checkPayload<Schema extends z.ZodType>(
  value: unknown,
  text: string,
  schema: Schema,
  provider: string,
  what: string,
): z.infer<Schema> {
  if (value === undefined) {
    throw new UpstreamProtocolError(provider, `${what} is not JSON (${excerpt(text)})`);
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new UpstreamProtocolError(
      provider,
      `${what} does not have the expected shape (${z.prettifyError(result.error).replaceAll("\n", " ")})`,
      result.error,
    );
  }
  return result.data;
}

/** The start of a payload, for error messages. */
export function excerpt(text: string, length = 200): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat === "") return "empty body";
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}
