/** Helpers for the privacy scanner's tests: what a scan found, and sentences to embed values in. */
import type { PiiType } from "../../src/core/pii-types.js";
import { scanText, type ScanOptions } from "../../src/privacy/scan.js";

/** Each finding as [type, the text it covers]. */
export function valuesFound(text: string, options?: ScanOptions): [PiiType, string][] {
  return scanText(text, options).map((finding) => [
    finding.type,
    text.slice(finding.start, finding.end),
  ]);
}

/** Sentences where `word` (CPF, RUT, cédula…) names `value`: start, middle, end, punctuation. */
export function withContextWord(value: string, word: string): string[] {
  return [
    `${word} ${value}`,
    `${word}: ${value}.`,
    `Meu ${word} é ${value}, pode conferir?`,
    `Mi ${word} es ${value}; gracias.`,
    `Dados do titular (${word} ${value}) atualizados em 12/03/2024.`,
    `El ${word} del cliente es ${value}!`,
    `${word}\n${value}`,
    `Confirme o ${word} nº ${value}?`,
  ];
}

/** Sentences with no word naming `value`: at the very start and end, in brackets, quoted. */
export function withoutContextWord(value: string): string[] {
  return [
    value,
    `${value} é o número que te passei.`,
    `Anota aí: ${value}`,
    `Los datos son (${value}) y nada más.`,
    `"${value}", me dijo por teléfono, no sé de qué era.`,
    `Segue: ${value}.`,
  ];
}
