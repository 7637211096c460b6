/**
 * How the privacy guard reads and rewrites the fields of a value that leaves the machine: every
 * field is either text (scanned, and masked in place) or declared not to be text. The rules
 * build the outgoing value field by field from their own table, so a field no rule names is
 * never passed on.
 */

import { canonicalJson, stillJson } from "./masked-json.js";

/**
 * Where a text is: a JSON Pointer (RFC 6901) into the value the rules read (`/messages/2/content`,
 * `/sampling/stop/0`, `/responseFormat/schema/properties/cpf/description`), and whether the text
 * is the name of the object member the pointer points to (`key`, a schema's property name) or its
 * value.
 */
export interface FieldLocator {
  pointer: string;
  part: "value" | "key";
}

/** One text that would leave, and where it is. */
export interface FieldText {
  field: FieldLocator;
  text: string;
}

/** What may leave in place of a text (the text itself when nothing in it is masked). */
export type TextMasker = (field: FieldLocator, text: string) => string;

/** How one field is read for the scan and rebuilt for the provider. */
export interface FieldRule<V> {
  /** "text": its texts are scanned; "not text": passed on as it is (the reason says why). */
  readonly kind: "text" | "not text";
  texts(value: V, pointer: string): Generator<FieldText>;
  masked(value: V, pointer: string, mask: TextMasker): V;
}

/** One rule for every field of T, optional ones included: a new field does not compile here. */
export type FieldRules<T> = { [K in keyof T]-?: FieldRule<Exclude<T[K], undefined>> };

/** A key as one step of a JSON Pointer. */
export function pointerStep(key: string | number): string {
  return `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

/** A field's identity, for grouping findings: `value /messages/0/content`. */
export function fieldKey(field: FieldLocator): string {
  return `${field.part} ${field.pointer}`;
}

/**
 * A field that holds no text a client wrote (numbers, flags, an enumerated role, a signal, a
 * callback, a name taken from the configuration): passed on as it is. `_why` records the reason
 * where the field is classified.
 */
export function notText<V>(_why: string): FieldRule<V> {
  return {
    kind: "not text",
    *texts() {},
    masked: (value) => value,
  };
}

/** A string field: scanned, and masked in place. */
export const textField: FieldRule<string> = {
  kind: "text",
  *texts(value, pointer) {
    yield { field: { pointer, part: "value" }, text: value };
  },
  masked: (value, pointer, mask) => mask({ pointer, part: "value" }, value),
};

/** An array whose every element follows one rule. */
export function listOf<V>(rule: FieldRule<V>): FieldRule<V[]> {
  return {
    kind: rule.kind,
    *texts(values, pointer) {
      for (const [index, value] of values.entries()) {
        yield* rule.texts(value, pointer + pointerStep(index));
      }
    },
    masked: (values, pointer, mask) =>
      values.map((value, index) => rule.masked(value, pointer + pointerStep(index), mask)),
  };
}

/**
 * An object read and rebuilt through its table of rules: only the fields the table names are
 * read and passed on, so a field the table does not know is never sent.
 */
export function objectOf<T extends object>(rules: FieldRules<T>): FieldRule<T> {
  const entries = Object.entries(rules) as [keyof T & string, FieldRule<unknown>][];
  return {
    kind: entries.some(([, rule]) => rule.kind === "text") ? "text" : "not text",
    *texts(value, pointer) {
      for (const [key, rule] of entries) {
        const field = value[key];
        if (field !== undefined) yield* rule.texts(field, pointer + pointerStep(key));
      }
    },
    masked(value, pointer, mask) {
      const result: Partial<T> = {};
      for (const [key, rule] of entries) {
        const field = value[key];
        if (field !== undefined) {
          result[key] = rule.masked(field, pointer + pointerStep(key), mask) as T[typeof key];
        }
      }
      return result as T;
    },
  };
}

/**
 * Any JSON value (a response format's schema): every member name and every string is text, and
 * so is every number, read as its decimal digits (a number masked becomes a string). Booleans and
 * null hold no text.
 */
export const jsonText: FieldRule<unknown> = {
  kind: "text",
  *texts(value, pointer) {
    yield* jsonTexts(value, pointer);
  },
  masked: (value, pointer, mask) => maskedJson(value, pointer, mask),
};

/**
 * A string that holds JSON text (a tool call's `arguments`): read as one text in its canonical form
 * (`canonicalJson`: no spaces, escapes decoded), in which a member's name is read as the context of
 * its value, as the scanner reads `"dni":"30123456"`. It leaves masked in that form and still JSON
 * (`stillJson`), so nothing leaves that was not scanned; an integer past 2^53 leaves as JavaScript
 * reads it. A string that is not JSON is read and masked as plain text.
 */
export const encodedJson: FieldRule<string> = {
  kind: "text",
  *texts(value, pointer) {
    yield* textField.texts(canonicalJson(value) ?? value, pointer);
  },
  masked(value, pointer, mask) {
    const canonical = canonicalJson(value);
    if (canonical === undefined) return textField.masked(value, pointer, mask);
    return stillJson(textField.masked(canonical, pointer, mask));
  },
};

function* jsonTexts(value: unknown, pointer: string): Generator<FieldText> {
  if (typeof value === "string") {
    yield { field: { pointer, part: "value" }, text: value };
  } else if (typeof value === "number") {
    yield { field: { pointer, part: "value" }, text: String(value) };
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries())
      yield* jsonTexts(item, pointer + pointerStep(index));
  } else if (typeof value === "object" && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      const inner = pointer + pointerStep(key);
      yield { field: { pointer: inner, part: "key" }, text: key };
      yield* jsonTexts(item, inner);
    }
  }
}

function maskedJson(value: unknown, pointer: string, mask: TextMasker): unknown {
  if (typeof value === "string") return mask({ pointer, part: "value" }, value);
  if (typeof value === "number") {
    const text = String(value);
    const masked = mask({ pointer, part: "value" }, text);
    return masked === text ? value : masked;
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => maskedJson(item, pointer + pointerStep(index), mask));
  }
  if (typeof value === "object" && value !== null) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const inner = pointer + pointerStep(key);
      const name = unusedName(result, mask({ pointer: inner, part: "key" }, key));
      // Defined, not assigned: a member named "__proto__" stays a member.
      Object.defineProperty(result, name, {
        value: maskedJson(item, inner, mask),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return result;
  }
  return value;
}

/** Two member names masked alike (`[CPF]` twice) stay two members: `[CPF]`, `[CPF] 2`. */
function unusedName(taken: Record<string, unknown>, name: string): string {
  if (!Object.hasOwn(taken, name)) return name;
  let count = 2;
  while (Object.hasOwn(taken, `${name} ${count}`)) count++;
  return `${name} ${count}`;
}
