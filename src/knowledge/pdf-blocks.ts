import { getDocumentProxy } from "unpdf";

/** A line of a PDF page: its text, its font size, and its baseline (PDF points, upward). */
interface Line {
  text: string;
  size: number;
  y: number;
}

/** A run of text under its headings, on one page. */
export interface PdfBlock {
  headingPath: string[];
  text: string;
  page: number;
}

/** A line at least this much larger than the body text is a heading. */
const headingRatio = 1.15;
/** A gap between baselines larger than this many line heights starts a new paragraph. */
const paragraphGap = 1.6;

/**
 * The blocks of a PDF: its text layer (pdf.js through unpdf) read line by line; lines set larger
 * than the body text (the size most characters have) are headings, ranked by size, so passages
 * keep the section they are in as well as their page. A PDF with one size throughout yields
 * paragraphs without headings. `onPage` hears of each page read.
 */
export async function pdfBlocks(
  bytes: Uint8Array,
  onPage?: (done: number, total: number) => void,
): Promise<PdfBlock[]> {
  // pdf.js takes the buffer over, so it gets a copy.
  const document = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
  const pages: Line[][] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    const lines: Line[] = [];
    for (const item of content.items) {
      if (!("str" in item) || item.str === "") continue;
      // The text matrix [a, b, c, d, x, y]: y is the baseline, |(c, d)| the font size.
      const [, , c = 0, d = 0, , y = 0] = item.transform as number[];
      const size = item.height > 0 ? item.height : Math.hypot(c, d);
      const last = lines.at(-1);
      if (last !== undefined && Math.abs(last.y - y) <= Math.max(1, size * 0.2)) {
        last.text += item.str;
        last.size = Math.max(last.size, size);
      } else {
        lines.push({ text: item.str, size, y });
      }
    }
    pages.push(lines.filter((line) => line.text.trim() !== ""));
    onPage?.(number, document.numPages);
  }
  await document.cleanup();
  return blocksOf(pages);
}

function blocksOf(pages: readonly (readonly Line[])[]): PdfBlock[] {
  const body = bodySize(pages.flat());
  const headingSizes = [
    ...new Set(
      pages
        .flat()
        .filter((line) => isHeading(line, body))
        .map((line) => Math.round(line.size)),
    ),
  ].sort((a, b) => b - a);
  const blocks: PdfBlock[] = [];
  const headings: { level: number; text: string }[] = [];
  for (const [index, lines] of pages.entries()) {
    let paragraph: string[] = [];
    let previous: Line | undefined;
    let previousHeading = false;
    const flush = () => {
      const text = paragraph.join(" ").replace(/\s+/gu, " ").trim();
      paragraph = [];
      if (text !== "") {
        blocks.push({ headingPath: headings.map((entry) => entry.text), text, page: index + 1 });
      }
    };
    for (const line of lines) {
      const text = line.text.replace(/\s+/gu, " ").trim();
      if (isHeading(line, body)) {
        flush();
        const level = headingSizes.indexOf(Math.round(line.size)) + 1;
        const top = headings.at(-1);
        // A heading wrapped over two lines continues the one above.
        if (previousHeading && top?.level === level) top.text = `${top.text} ${text}`;
        else {
          while ((headings.at(-1)?.level ?? 0) >= level) headings.pop();
          headings.push({ level, text });
        }
        previousHeading = true;
      } else {
        const gap = previous === undefined ? 0 : Math.abs(previous.y - line.y);
        if (!previousHeading && gap > paragraphGap * line.size) flush();
        paragraph.push(text);
        previousHeading = false;
      }
      previous = line;
    }
    flush();
  }
  return blocks;
}

/** Short lines set clearly larger than the body. */
function isHeading(line: Line, body: number): boolean {
  return line.size >= body * headingRatio && line.text.trim().length <= 200;
}

/** The font size that most characters have (rounded to a point). */
function bodySize(lines: readonly Line[]): number {
  const characters = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size);
    characters.set(size, (characters.get(size) ?? 0) + line.text.length);
  }
  let body = 0;
  let most = -1;
  for (const [size, count] of characters) {
    if (count > most) {
      body = size;
      most = count;
    }
  }
  return body;
}
