/**
 * Whether an answer states a fact, by its keywords: every one of them appears in the answer, compared
 * without case or accents ("Código Lila" matches "lila"; "sótano" matches "sotano").
 */
export function mentionsAll(answer: string, keywords: readonly string[]): boolean {
  const text = folded(answer);
  return keywords.every((keyword) => text.includes(folded(keyword)));
}

function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();
}
