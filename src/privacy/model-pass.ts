import type { ColibriConfig } from "../config/schema.js";
import type { ChatBackend, ChatRequest } from "../core/chat.js";
import type { Finding, PiiType } from "../core/pii-types.js";
import { foldForMatching } from "./detectors/context-words.js";
import { foldedValue } from "./detectors/folded-value.js";
import { nameLists } from "./detectors/name-lists.js";
import {
  buildingAndProgrammeWords,
  nameParticles,
  placeNouns,
  placePrefixes,
  stopWords,
  titleWords,
} from "./detectors/name-words.js";
import { namesPublicFigure } from "./detectors/public-figure.js";
import { ScanInput } from "./detectors/scan-input.js";
import { addressShape, speaksOfPublicPlace } from "./detectors/street-address.js";
import type { FieldFinding, RequestScan } from "./privacy-guard.js";
import { fieldKey } from "./field-rules.js";
import { withoutOverlaps } from "./overlaps.js";
import { requestTexts } from "./request-fields.js";
import { fieldFindingsOf, scanUnits } from "./scan-units.js";

/** `privacy.modelPass` in the config. */
export type ModelPassSettings = ColibriConfig["privacy"]["modelPass"];

/** The model pass could not read all of a request: too long, timed out, or the model failed. */
export class IncompleteModelPassError extends Error {
  override readonly name = "IncompleteModelPassError";
}

/** The types the model looks for, with the JSON member it lists them in. */
const lists = { names: "PERSON_NAME", addresses: "STREET_ADDRESS" } as const satisfies Record<
  string,
  PiiType
>;

// Unbounded lists and strings: max_tokens bounds the answer.
const valueList = { type: "array", items: { type: "string" } };
const extractionSchema = {
  type: "object",
  properties: { names: valueList, addresses: valueList },
  required: ["names", "addresses"],
  additionalProperties: false,
};

/**
 * The instructions and one worked example: with the example the 1.5 B default answers in one
 * compact line; with instructions alone, under the grammar, it often answered empty lists for
 * messages plainly holding a name and an address (measured on dev4's lines).
 */
const conversation = (text: string): ChatRequest["messages"] => [
  {
    role: "system",
    content:
      "List the people's names and the street addresses in the user's message, copied exactly. JSON only.",
  },
  {
    role: "user",
    content:
      "Oi, sou a Ana Souza, entreguem na Rua Sete, 12, apto 3. O Banco do Brasil fica na Av. Paulista 1000.",
  },
  { role: "assistant", content: '{"names":["Ana Souza"],"addresses":["Rua Sete, 12, apto 3"]}' },
  { role: "user", content: text },
];

/** How sure a value the model found is: below a validated ID, above the fast layer's doubts. */
const modelConfidence = 0.7;

/**
 * The privacy guard's second layer, for text about to leave the machine: the local model reads
 * the request and lists the people's names and street addresses in it, under a JSON-schema
 * grammar so its answer always parses. Only values whose words occur in the text count (a value
 * the model made up masks nothing), so a message that talks the model into answering otherwise
 * can at worst leave the request as the fast layer found it. See decision 0017.
 */
export class ModelPass {
  readonly #backend: Pick<ChatBackend, "chat">;
  readonly settings: ModelPassSettings;

  constructor(backend: Pick<ChatBackend, "chat">, settings: ModelPassSettings) {
    this.#backend = backend;
    this.settings = settings;
  }

  /**
   * The scan with the model's findings added, field by field. Throws IncompleteModelPassError
   * when the request's texts are longer than `maxChars`, the pass takes longer than `timeoutMs`,
   * or the model fails: the caller decides what then may leave.
   */
  async deepen(
    request: ChatRequest,
    scan: RequestScan,
    signal?: AbortSignal,
  ): Promise<RequestScan> {
    const units = scanUnits(requestTexts(request)).filter((unit) => /\p{L}/u.test(unit.text));
    const length = units.reduce((sum, unit) => sum + unit.text.length, 0);
    if (length > this.settings.maxChars) {
      throw new IncompleteModelPassError(
        `the request's texts hold ${length} characters, more than privacy.modelPass.maxChars (${this.settings.maxChars})`,
      );
    }
    const timeout = AbortSignal.timeout(this.settings.timeoutMs);
    const bounded = signal === undefined ? timeout : AbortSignal.any([signal, timeout]);
    const added: FieldFinding[] = [];
    try {
      for (const unit of units) {
        for (const finding of await this.findings(unit.text, bounded)) {
          added.push(...fieldFindingsOf(unit, finding));
        }
      }
    } catch (error) {
      if (timeout.aborted) {
        throw new IncompleteModelPassError(
          `the model did not finish within privacy.modelPass.timeoutMs (${this.settings.timeoutMs} ms)`,
        );
      }
      if (signal?.aborted === true) throw error;
      throw new IncompleteModelPassError(
        `the local model failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    if (added.length === 0) return scan;
    const findings = merged(scan.findings, added, scan.scanned ?? new Map());
    return { ...scan, findings, types: [...new Set(findings.map((entry) => entry.finding.type))] };
  }

  /** One text's fast-layer findings with the model's added, as the guard would mask it in a request. */
  async deepenText(
    text: string,
    fast: readonly Finding[],
    signal?: AbortSignal,
  ): Promise<Finding[]> {
    const field = { pointer: "/messages/0/content", part: "value" } as const;
    const scan = await this.deepen(
      { messages: [{ role: "user", content: text }], sampling: {} },
      {
        findings: fast.map((finding) => ({ field, finding })),
        types: [...new Set(fast.map((finding) => finding.type))],
        scanned: new Map([[fieldKey(field), text]]),
      },
      signal,
    );
    return scan.findings.map((entry) => entry.finding).sort((a, b) => a.start - b.start);
  }

  /** The names and street addresses the model finds in one text, located in it. */
  async findings(text: string, signal?: AbortSignal): Promise<Finding[]> {
    const found: Finding[] = [];
    for (const chunk of chunks(text, this.settings.chunkChars)) {
      const answer = await this.#ask(chunk.text, signal);
      const input = new ScanInput(chunk.text);
      for (const [list, type] of Object.entries(lists)) {
        for (const value of answer[list as keyof typeof lists]) {
          for (const span of occurrences(chunk.text, value)) {
            if (!plausible[type](input, span.start, span.end)) continue;
            const start = chunk.start + span.start;
            const end = chunk.start + span.end;
            found.push({
              type,
              country: null,
              start,
              end,
              confidence: modelConfidence,
              validated: false,
              normalized: foldedValue(foldForMatching(text.slice(start, end))),
            });
          }
        }
      }
    }
    return withoutOverlaps(found);
  }

  async #ask(text: string, signal?: AbortSignal): Promise<Record<keyof typeof lists, string[]>> {
    const request: ChatRequest = {
      messages: conversation(text),
      sampling: { temperature: 0, maxTokens: 300 },
      responseFormat: { type: "json_schema", name: "personal_data", schema: extractionSchema },
      ...(signal === undefined ? {} : { signal }),
    };
    let answer = "";
    for await (const event of this.#backend.chat(request)) {
      if (event.type === "delta") answer += event.text;
    }
    const parsed = JSON.parse(answer) as Partial<Record<keyof typeof lists, unknown>>;
    return { names: strings(parsed.names), addresses: strings(parsed.addresses) };
  }
}

/**
 * What a value the model listed must look like to be masked. A 1.5 B model lists the people
 * around a person ("mi hija", "el técnico"), places, brands and works named like people ("Teatro
 * Colón", "Dr. Simi", "Dom Casmurro"), a sentence with a date for an address, and the addresses of
 * public places as readily as a person's own (measured on 110 lines of dev4 and heldout2, where
 * without these tests its findings' precision fell from 100 % to 85 %). The fast layer's word
 * lists and its public-place test, the ones it judges its own findings by, leave those out: a
 * name needs a word of the name lists, an address a number that is no date or time.
 */
type ListedType = (typeof lists)[keyof typeof lists];

const plausible: Record<ListedType, (input: ScanInput, start: number, end: number) => boolean> = {
  PERSON_NAME: (input, start, end) => {
    const written = input.text.slice(start, end).split(nameWordBreak).filter(Boolean);
    const folded = input.folded.slice(start, end).split(nameWordBreak).filter(Boolean);
    const first = folded[0];
    if (first === undefined || placeWords.some((list) => list.has(first))) return false;
    // A public figure's name in a text about no one in particular, as the fast layer reads it.
    if (namesPublicFigure(input.folded, start, end)) return false;
    // An acronym alone ("SAT", "INSS") is an institution.
    if (written.length === 1 && /^\p{Lu}{2,5}$/u.test(written[0] ?? "")) return false;
    const { given, surnames } = nameLists();
    return folded.some(
      (word) =>
        !stopWords.has(word) &&
        !titleWords.has(word) &&
        !nameParticles.has(word) &&
        (given.has(word) || surnames.has(word)),
    );
  },
  // A street address has a number ("s/n" where it has none) and is not a public place's; one
  // with no street type ("Balcarce 50") counts only where a person's address words tie it.
  STREET_ADDRESS: (input, start, end) => {
    if (!streetNumber.test(input.text.slice(start, end).replace(dateOrTime, " "))) return false;
    if (speaksOfPublicPlace(input, start, end)) return false;
    const { typed, tied } = addressShape(input, start, end);
    return typed || tied;
  },
};

const nameWordBreak = /[^\p{L}'’-]+/u;
const streetNumber = /\d|\bs\/n\b|\bsin n[uú]mero\b|\bsem n[uú]mero\b/iu;
// "20/07/2025", "10:30"; not "7-62" or "15-46", which are house numbers in Ecuador and Guatemala.
const dateOrTime = /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b|\b\d{1,2}:\d{2}\b/gu;

/** First words that make a capitalised run a place or a business, not a person. */
const placeWords = [
  placeNouns,
  placePrefixes,
  buildingAndProgrammeWords,
  new Set(["casa", "palacio", "sucursal", "tienda", "oficina", "loja", "agencia", "consultorio"]),
];

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item) => typeof item === "string") : [];
}

/**
 * Pieces of a text of about `size` characters, cut after a line break or a sentence's end when
 * one lies in the second half of the piece, else at `size`.
 */
export function chunks(text: string, size: number): { text: string; start: number }[] {
  const pieces: { text: string; start: number }[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const window = text.slice(start + Math.floor(size / 2), end);
      const cut = Math.max(window.lastIndexOf("\n"), lastSentenceEnd(window));
      if (cut >= 0) end = start + Math.floor(size / 2) + cut + 1;
    }
    pieces.push({ text: text.slice(start, end), start });
    start = end;
  }
  return pieces;
}

function lastSentenceEnd(text: string): number {
  let last = -1;
  for (const match of text.matchAll(/[.!?;](?=\s)/g)) last = match.index;
  return last;
}

/**
 * Where a value the model listed occurs in the text: its words in order, as whole words, letter
 * case, accents and what stands between them aside ("Av. Juárez 88" is "av juarez 88": the model
 * tidies what it copies). A value with fewer than two letters or digits occurs nowhere.
 */
export function occurrences(text: string, value: string): { start: number; end: number }[] {
  const words = foldForMatching(value)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  if (words.join("").length < 2 || !words.some((word) => /\p{L}/u.test(word))) return [];
  const pattern = words.join("[^\\p{L}\\p{N}]{1,4}");
  const found: { start: number; end: number }[] = [];
  // The fold keeps every character's place, so offsets in it are offsets in the text.
  for (const match of foldForMatching(text).matchAll(
    new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, "gu"),
  )) {
    found.push({ start: match.index, end: match.index + match[0].length });
  }
  return found;
}

/**
 * The fast layer's findings with the model's added. A model finding that overlaps one of the
 * same type is joined with it; where it overlaps one of another type, only what the other leaves
 * uncovered is added. The fast layer's findings are never shortened.
 */
function merged(
  fast: readonly FieldFinding[],
  model: readonly FieldFinding[],
  texts: ReadonlyMap<string, string>,
): FieldFinding[] {
  const byField = new Map<string, FieldFinding[]>();
  const inputs = new Map<string, ScanInput>();
  for (const entry of fast) {
    const key = fieldKey(entry.field);
    byField.set(key, [...(byField.get(key) ?? []), entry]);
  }
  for (const entry of model) {
    const key = fieldKey(entry.field);
    const own = byField.get(key) ?? [];
    let input = inputs.get(key);
    if (input === undefined) {
      input = new ScanInput(texts.get(key) ?? "");
      inputs.set(key, input);
    }
    byField.set(key, withModelFinding(own, entry, input));
  }
  return [...byField.values()].flat();
}

function withModelFinding(
  own: FieldFinding[],
  entry: FieldFinding,
  input: ScanInput,
): FieldFinding[] {
  const { finding } = entry;
  const overlapping = (other: FieldFinding) =>
    other.finding.start < finding.end && finding.start < other.finding.end;
  const sameType = own.filter((other) => overlapping(other) && other.finding.type === finding.type);
  let start = finding.start;
  let end = finding.end;
  for (const other of sameType) {
    start = Math.min(start, other.finding.start);
    end = Math.max(end, other.finding.end);
  }
  const rest = own.filter((other) => !sameType.includes(other));
  // The fast layer's finding, when there is one, keeps its confidence.
  const base = sameType[0]?.finding ?? finding;
  // What findings of other types already cover stays theirs.
  const covered = rest
    .filter((other) => other.finding.start < end && start < other.finding.end)
    .map((other) => other.finding)
    .sort((left, right) => left.start - right.start);
  const pieces: Finding[] = [];
  // What is left of a model's finding must still pass for its type ("RUC " is no address once
  // the RUC is cut out); one the fast layer found is vouched for.
  const vouched = sameType.length > 0;
  const add = (from: number, to: number) => {
    if (!vouched && !plausible[finding.type as ListedType](input, from, to)) return;
    const value = input.text.slice(from, to);
    if (!/[\p{L}\p{N}]/u.test(value)) return;
    pieces.push({
      ...base,
      start: from,
      end: to,
      normalized: foldedValue(foldForMatching(value)),
    });
  };
  let from = start;
  for (const other of covered) {
    if (other.start > from) add(from, other.start);
    from = Math.max(from, other.end);
  }
  if (from < end) add(from, end);
  return [...rest, ...pieces.map((piece) => ({ field: entry.field, finding: piece }))];
}
