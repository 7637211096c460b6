/**
 * Renders a sentence template such as `"Hola, soy {name} y mi RUT es {v}"`: each `{slot}` is
 * asked of `fill` (once per occurrence, so two `{name}` get two names), and a slot filled with a
 * typed value becomes a gold span at the UTF-16 offsets where it lands.
 */
import type { PiiType } from "../../../src/core/pii-types.js";
import type { EvaluationSpan } from "../../../tools/bench/privacy-evaluation-line.js";

export type SpanType = PiiType | "PERSON_NAME" | "STREET_ADDRESS" | "HEALTH";

/** Plain text, or a value that is personal data of `type`. */
export type SlotValue = string | { type: SpanType; text: string };

export interface Rendered {
  text: string;
  spans: EvaluationSpan[];
}

export function renderTemplate(template: string, fill: (slot: string) => SlotValue): Rendered {
  let text = "";
  const spans: EvaluationSpan[] = [];
  const values: string[] = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    text += template.slice(last, match.index);
    const value = fill(match[1] ?? "");
    if (typeof value === "string") {
      text += value;
    } else {
      if (value.text.length === 0) throw new Error(`empty ${value.type} in "${template}"`);
      spans.push({ type: value.type, start: text.length, end: text.length + value.text.length });
      text += value.text;
      values.push(value.text);
    }
    last = match.index + match[0].length;
  }
  text += template.slice(last);
  spans.forEach((span, index) => {
    if (text.slice(span.start, span.end) !== values[index]) {
      throw new Error(`span ${index} of "${text}" does not slice to "${values[index] ?? ""}"`);
    }
  });
  return { text, spans };
}
