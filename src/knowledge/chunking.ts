import type { TextBlock } from "./document-parsers.js";

/** A passage cut from a document's blocks; one heading path and one page. */
export interface TextChunk {
  ordinal: number;
  headingPath: string[];
  text: string;
  page: number | null;
}

/**
 * About 1,000 characters (≈ 250 tokens): long enough to hold an answer with its context, short
 * enough that several fit in a small model's prompt.
 */
export const chunkCharacters = 1000;

/**
 * Cut blocks into chunks of at most `maxCharacters`: consecutive blocks under the same headings
 * and on the same page are packed together; a chunk never crosses a heading or a page, and is
 * cut between sentences (Intl.Segmenter), or between words for a sentence longer than a chunk.
 */
export function chunkBlocks(
  blocks: readonly TextBlock[],
  maxCharacters = chunkCharacters,
  locale = "es",
): TextChunk[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: "sentence" });
  const chunks: TextChunk[] = [];
  let section: TextBlock | undefined;
  let pieces: string[] = [];
  let length = 0;
  const close = () => {
    if (section !== undefined && pieces.length > 0) {
      chunks.push({
        ordinal: chunks.length,
        headingPath: section.headingPath,
        text: pieces.join(" "),
        page: section.page,
      });
    }
    pieces = [];
    length = 0;
  };
  for (const block of blocks) {
    if (section === undefined || !sameSection(section, block)) {
      close();
      section = block;
    }
    for (const sentence of sentences(block.text, segmenter, maxCharacters)) {
      if (length > 0 && length + 1 + sentence.length > maxCharacters) close();
      pieces.push(sentence);
      length += (length > 0 ? 1 : 0) + sentence.length;
    }
  }
  close();
  return chunks;
}

function sameSection(section: TextBlock, block: TextBlock): boolean {
  return (
    section.page === block.page &&
    section.headingPath.length === block.headingPath.length &&
    section.headingPath.every((heading, index) => heading === block.headingPath[index])
  );
}

/** The sentences of `text`, each at most `maxCharacters` (a longer one is cut between words). */
function sentences(text: string, segmenter: Intl.Segmenter, maxCharacters: number): string[] {
  return [...segmenter.segment(text)]
    .map((segment) => segment.segment.trim())
    .filter((sentence) => sentence !== "")
    .flatMap((sentence) =>
      sentence.length <= maxCharacters ? [sentence] : cut(sentence, maxCharacters),
    );
}

function cut(sentence: string, maxCharacters: number): string[] {
  const words = sentence
    .split(/\s+/u)
    .flatMap((word) =>
      Array.from({ length: Math.ceil(word.length / maxCharacters) }, (_, index) =>
        word.slice(index * maxCharacters, (index + 1) * maxCharacters),
      ),
    );
  const pieces: string[] = [];
  let piece = "";
  for (const word of words) {
    if (piece !== "" && piece.length + 1 + word.length > maxCharacters) {
      pieces.push(piece);
      piece = word;
    } else {
      piece = piece === "" ? word : `${piece} ${word}`;
    }
  }
  if (piece !== "") pieces.push(piece);
  return pieces;
}
