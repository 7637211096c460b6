import PDFDocument from "pdfkit";

/** A passage of the rag sets (`corpus.jsonl`, `distractors.jsonl`). */
export interface ManualPassage {
  id: string;
  title: string;
  text: string;
}

/** The PDF and which passages made it in (a passage is whole in it or not at all). */
export interface ManualPdf {
  bytes: Buffer;
  pages: number;
  passages: ManualPassage[];
}

const margin = 72;
const sizes = { chapter: 16, section: 13, body: 10.5, footer: 8 };

/**
 * A manual of exactly `pages` A4 pages (fewer if the passages run out), as an organisation's PDF
 * reads: chapters (one per title, in the order titles first appear, 16 pt bold), numbered sections
 * of two passages each, headed by their first words (13 pt bold), justified body text in 10.5 pt
 * flowing over pages, and a footer "Página n de N" in 8 pt on every page. Made with pdfkit.
 */
export async function makeManualPdf(
  title: string,
  passages: readonly ManualPassage[],
  pages: number,
): Promise<ManualPdf> {
  const document = new PDFDocument({
    size: "A4",
    margins: { top: margin, bottom: margin, left: margin, right: margin },
    bufferPages: true,
    info: { Title: title },
  });
  const parts: Buffer[] = [];
  document.on("data", (part: Buffer) => parts.push(part));
  const ended = new Promise<void>((resolve) => {
    document.on("end", () => {
      resolve();
    });
  });
  const width = document.page.width - 2 * margin;
  const pageCount = () => document.bufferedPageRange().count;
  /** Whether `text` in the current font fits on the last allowed page (or there is room for more). */
  const fits = (text: string, gap: number) =>
    pageCount() < pages ||
    document.y + document.heightOfString(text, { width, align: "justify" }) + gap <=
      document.page.maxY();
  const write = (text: string, font: string, size: number, gapLines: number) => {
    document.font(font).fontSize(size);
    if (!fits(text, size * gapLines)) return false;
    document.text(text, { width, align: "justify" });
    document.moveDown(gapLines);
    return true;
  };

  const included: ManualPassage[] = [];
  const chapters = chaptersOf(passages);
  let full = false;
  for (const [index, chapter] of chapters.entries()) {
    const number = index + 1;
    if (!write(`${number}. ${chapter.title}`, "Helvetica-Bold", sizes.chapter, 0.6)) break;
    for (let start = 0; start < chapter.passages.length && !full; start += 2) {
      const section = chapter.passages.slice(start, start + 2);
      const heading = `${number}.${start / 2 + 1} ${openingWords(section[0]?.text ?? "")}`;
      if (!write(heading, "Helvetica-Bold", sizes.section, 0.4)) {
        full = true;
        break;
      }
      for (const passage of section) {
        if (!write(passage.text, "Helvetica", sizes.body, 0.8)) {
          full = true;
          break;
        }
        included.push(passage);
      }
    }
    if (full) break;
    document.moveDown(0.8);
  }

  const total = pageCount();
  for (let page = 0; page < total; page++) {
    document.switchToPage(page);
    // The footer sits in the bottom margin: no margin while it is written, or pdfkit adds a page.
    document.page.margins.bottom = 0;
    document
      .font("Helvetica")
      .fontSize(sizes.footer)
      .text(`${title} — Página ${page + 1} de ${total}`, margin, document.page.height - 45, {
        width,
        align: "center",
        lineBreak: false,
      });
    document.page.margins.bottom = margin;
  }
  document.end();
  await ended;
  return { bytes: Buffer.concat(parts), pages: total, passages: included };
}

/** Passages grouped by title, titles in the order they first appear. */
function chaptersOf(passages: readonly ManualPassage[]) {
  const chapters = new Map<string, ManualPassage[]>();
  for (const passage of passages) {
    const chapter = chapters.get(passage.title) ?? [];
    chapter.push(passage);
    chapters.set(passage.title, chapter);
  }
  return [...chapters].map(([title, members]) => ({ title, passages: members }));
}

/** A section heading: the first six words of its first passage, without closing punctuation. */
function openingWords(text: string): string {
  return text
    .split(/\s+/u)
    .slice(0, 6)
    .join(" ")
    .replace(/[\s,.;:―—-]+$/u, "");
}
