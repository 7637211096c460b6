/**
 * The canonical form of a name, an address or a health condition, from its fold
 * (`foldForMatching`: lower case, no accents): words separated by single spaces, so "María  Quispe"
 * and "MARIA QUISPE" get one placeholder and one audit hash.
 */
export function foldedValue(folded: string): string {
  return folded.replace(/[^\p{L}\p{N}#/-]+/gu, " ").trim();
}
