/**
 * A company's legal form ends its name: "Auto Peças Rio Verde Ltda.", "Transportes Quispe Mamani
 * S.A.C.", "Construtora Almeida EIRELI", "Distribuidora Pérez SRL". A run of capitalised words
 * with one is a company, even one named after a person.
 */

/** Legal forms written as a word, folded. */
const legalFormWords: ReadonlySet<string> = new Set(
  "ltda ltd eireli epp sas sac saa srl spa hnos cia inc llc gmbh".split(" "),
);

/** Legal forms in capitals that are common words in lower case: "ME" (microempresa). */
const capitalLegalForms: ReadonlySet<string> = new Set(["ME", "EPP", "SA", "S.A"]);

/** "S.A.", "S. A.", "S.A.C.", "S.R.L." after the run's last word or in place of it. */
const initialsForm = /^[ \t,]*S\.?[ \t]?(?:A|R\.?[ \t]?L)(?:\.|(?![\p{L}\p{N}]))/u;

/**
 * Whether the run `start`–`end` of `text` (its words, folded, in order) names a company: a word
 * of it is a legal form, or one follows it.
 */
export function namesCompany(
  text: string,
  start: number,
  end: number,
  words: readonly { folded: string }[],
): boolean {
  if (words.some((word) => legalFormWords.has(word.folded))) return true;
  const run = text.slice(start, end);
  const lastSpace = Math.max(run.lastIndexOf(" "), run.lastIndexOf("\t"));
  const lastWord = run.slice(lastSpace + 1).replace(/\.$/, "");
  if (lastSpace > 0 && capitalLegalForms.has(lastWord)) return true;
  // "Grupo Herrera S.A.": the run ends at "S", its initials' first letter, or before them.
  const from = lastWord === "S" && lastSpace > 0 ? start + lastSpace + 1 : end;
  return initialsForm.test(text.slice(from, from + 10));
}
