/** Most metadata pairs a request may carry (OpenAI's limit for `metadata`). */
const maxPairs = 16;

/**
 * The request's tags for routing rules: the body's `metadata` (OpenAI's field), then the
 * `x-colibri-metadata: key=value; key2=value2` header, which wins (a proxy can add it).
 */
export function requestMetadata(
  header: string | string[] | undefined,
  body: Record<string, string> | null | undefined,
): Record<string, string> {
  const metadata: Record<string, string> = { ...(body ?? {}) };
  const text = Array.isArray(header) ? header.join(";") : (header ?? "");
  for (const pair of text.split(";").slice(0, maxPairs)) {
    const separator = pair.indexOf("=");
    if (separator <= 0) continue;
    const key = pair.slice(0, separator).trim();
    if (key !== "") metadata[key] = pair.slice(separator + 1).trim();
  }
  return metadata;
}
