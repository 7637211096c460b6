import { foldForMatching } from "./context-words.js";
import { nameLists } from "./name-lists.js";
import { nameParticles } from "./name-words.js";
import { stdnumValidate } from "./stdnum-validators.js";
import { tableSeparators } from "./table-header.js";

/**
 * A row of a table with no header — a CSV line, a `;`, tab or `|` separated one — is one
 * person's record when one of its fields is a person's value the scan recognises on its own: a
 * CPF whose check digits pass, an e-mail address, or a person's name (a known given name, then
 * capitalised words). The other fields of that row are then the same person's: a value of an
 * identifier's shape that fills a field ("Fernanda Rocha,3013…,175653801,97961-135") is personal
 * in doubt although no word names it. A field's quotes are not part of it (`"Ana Ruiz";"3013…"`),
 * and a row pasted after a sentence that ends in a colon starts after it ("Esta fila falla:
 * Ana Ruiz,3013…").
 */

/** Longer lines are not read as rows. */
export const longestRecord = 600;
/** A record has this many fields at least (a name and two values). */
const fewestFields = 3;

const validCpf = stdnumValidate("BR", "cpf");
const cpfShape = /^\d{3}\.?\d{3}\.?\d{3}-?\d{2}$/;
const emailShape = /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i;
/** Two to six words of letters, each capitalised or a particle ("da", "de los"). */
const nameShape = /^\p{Lu}[\p{L}'’]+(?: [\p{L}'’]+){1,5}$/u;

export interface RecordRow {
  /** Offsets, in the text, of the fields' trimmed contents. */
  fields: { start: number; end: number }[];
  /** Whether some field holds a person's value recognised alone. */
  personal: boolean;
}

/** The row the line at `[lineStart, lineEnd)` of `text` is, or null when it is not one. */
export function recordRow(text: string, lineStart: number, lineEnd: number): RecordRow | null {
  if (lineEnd - lineStart > longestRecord) return null;
  const line = text.slice(lineStart, lineEnd);
  const separator = tableSeparators.find((candidate) => line.includes(candidate));
  if (separator === undefined) return null;
  const fields: { start: number; end: number }[] = [];
  let from = 0;
  for (const [index, piece] of line.split(separator).entries()) {
    // The first field may follow a sentence that introduces the row.
    const colon = index === 0 ? piece.lastIndexOf(": ") : -1;
    const after = colon === -1 ? 0 : colon + 2;
    const { offset, content } = unquoted(piece.slice(after));
    if (content !== "") {
      const start = lineStart + from + after + offset;
      fields.push({ start, end: start + content.length });
    }
    from += piece.length + separator.length;
  }
  if (fields.length < fewestFields) return null;
  const personal = fields.some(({ start, end }) => recognisedAlone(text.slice(start, end)));
  return { fields, personal };
}

/** A field's trimmed content without its quotes, and where that content starts in it. */
function unquoted(field: string): { offset: number; content: string } {
  const trimmed = field.trim();
  const quote = trimmed[0];
  const inner =
    trimmed.length >= 2 && (quote === '"' || quote === "'") && trimmed.endsWith(quote)
      ? trimmed.slice(1, -1)
      : trimmed;
  const content = inner.trim();
  return { offset: content === "" ? 0 : field.indexOf(content), content };
}

function recognisedAlone(field: string): boolean {
  if (cpfShape.test(field)) return validCpf(field.replace(/\D/g, "")).isValid;
  if (emailShape.test(field)) return true;
  return personName(field);
}

function personName(field: string): boolean {
  if (!nameShape.test(field)) return false;
  const words = foldForMatching(field).split(" ");
  const [first, ...rest] = words;
  if (first === undefined || !nameLists().given.has(first)) return false;
  const written = field.split(" ");
  return rest.every(
    (word, index) => nameParticles.has(word) || /^\p{Lu}/u.test(written[index + 1] ?? ""),
  );
}
