/**
 * JSON text through the privacy guard: read in one canonical form, so that a value's member name
 * is read as its context (`"dni":"30123456"`) and escapes are decoded, and kept JSON once masked.
 */

/** The JSON text written again without spaces or escapes of printable characters, or undefined. */
export function canonicalJson(text: string): string | undefined {
  try {
    return JSON.stringify(JSON.parse(text));
  } catch {
    return undefined;
  }
}

/**
 * Masked canonical JSON text that is still JSON. A placeholder or tag that replaced a number (or
 * part of one) stands bare between tokens (`"cpf":<CPF_1_k3f9q2>`): that token becomes a string.
 * Text that is JSON in no other way (a finding that ran over a quote) is sent as one JSON string.
 */
export function stillJson(masked: string): string {
  if (isJson(masked)) return masked;
  const quoted = quoteBareTokens(masked);
  return isJson(quoted) ? quoted : JSON.stringify(masked);
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A run of a bare token: number and literal characters, placeholders, redaction tags. */
const bareToken = /(?:[0-9A-Za-z_.+-]|<[A-Za-z0-9_]+>|\[[A-Z][A-Z0-9_]*\])+/y;
const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)$/;

/** Outside strings, every bare token that is not a JSON literal, quoted. */
function quoteBareTokens(text: string): string {
  let result = "";
  let position = 0;
  while (position < text.length) {
    const character = text.charAt(position);
    if (character === '"') {
      const end = stringEnd(text, position);
      result += text.slice(position, end);
      position = end;
      continue;
    }
    bareToken.lastIndex = position;
    const token = bareToken.exec(text)?.[0];
    if (token === undefined) {
      result += character;
      position++;
      continue;
    }
    result += literal.test(token) ? token : JSON.stringify(token);
    position += token.length;
  }
  return result;
}

/** Where the JSON string that opens at `start` ends (after its closing quote). */
function stringEnd(text: string, start: number): number {
  let position = start + 1;
  while (position < text.length) {
    const character = text.charAt(position);
    if (character === "\\") position += 2;
    else if (character === '"') return position + 1;
    else position++;
  }
  return text.length;
}
