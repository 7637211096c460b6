import type { Finding } from "../core/pii-types.js";
import type { FieldLocator, FieldText } from "./field-rules.js";

/**
 * The texts of a request as the scanner reads them. Each message's content is read alone, as
 * before; every other text (stop sequences, the response format's name, each member name, string
 * and number of its schema) is read in one text, each apart from the next by a blank line, since
 * a schema holds thousands of short texts and the scanner's cost per text outweighs its cost per
 * character (2,006 texts of a 27 kB schema: 110 ms one by one, 3 ms together). A blank line is
 * never read as part of a value, and a field's name or description just before a value is read
 * as its context, as it would be in a message.
 */
export interface ScanUnit {
  text: string;
  /** The texts it is made of, in order, each with where it starts in `text`. */
  pieces: readonly ScanPiece[];
}

export interface ScanPiece {
  field: FieldLocator;
  text: string;
  start: number;
}

const separator = "\n\n";

export function scanUnits(texts: Iterable<FieldText>): ScanUnit[] {
  const units: ScanUnit[] = [];
  const joined: ScanPiece[] = [];
  let length = 0;
  for (const { field, text } of texts) {
    if (field.part === "value" && /^\/messages\/\d+\/content$/.test(field.pointer)) {
      units.push({ text, pieces: [{ field, text, start: 0 }] });
      continue;
    }
    if (joined.length > 0) length += separator.length;
    joined.push({ field, text, start: length });
    length += text.length;
  }
  if (joined.length > 0) {
    units.push({ text: joined.map((piece) => piece.text).join(separator), pieces: joined });
  }
  return units;
}

/**
 * A finding in a unit as findings in the texts it covers, with offsets into each text. A finding
 * that runs over from one text into the next (which a blank line makes unlikely) masks its part
 * of each.
 */
export function* fieldFindingsOf(
  unit: ScanUnit,
  finding: Finding,
): Generator<{ field: FieldLocator; finding: Finding }> {
  const { pieces } = unit;
  // The first piece that ends after the finding starts.
  let low = 0;
  let high = pieces.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const piece = pieces[middle];
    if (piece !== undefined && piece.start + piece.text.length <= finding.start) low = middle + 1;
    else high = middle;
  }
  for (let index = low; index < pieces.length; index++) {
    const piece = pieces[index];
    if (piece === undefined || piece.start >= finding.end) break;
    const start = Math.max(finding.start, piece.start) - piece.start;
    const end = Math.min(finding.end, piece.start + piece.text.length) - piece.start;
    if (end > start) yield { field: piece.field, finding: { ...finding, start, end } };
  }
}
