import { extname } from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { Parser } from "htmlparser2";
import mammoth from "mammoth";
import { marked } from "marked";
import { pdfBlocks } from "./pdf-blocks.js";

/** A run of text under its headings (and on its page), before it is cut into chunks. */
export interface TextBlock {
  headingPath: string[];
  text: string;
  /** 1-based page of a PDF; null otherwise. */
  page: number | null;
}

/** The formats a knowledge base reads, by what `formatOf` calls them. */
export const documentFormats = ["pdf", "docx", "html", "markdown", "text", "csv"] as const;
export type DocumentFormat = (typeof documentFormats)[number];

const extensions: Record<string, DocumentFormat> = {
  ".pdf": "pdf",
  ".docx": "docx",
  ".html": "html",
  ".htm": "html",
  ".md": "markdown",
  ".markdown": "markdown",
  ".txt": "text",
  ".text": "text",
  ".csv": "csv",
};

/** A document that cannot be read: the message says which and why, for the document's status. */
export class DocumentReadError extends Error {
  override name = "DocumentReadError";
}

/**
 * The format of a file: by its extension, else by its first bytes (PDF, a ZIP taken as DOCX),
 * else plain text when it is UTF-8.
 */
export function formatOf(name: string, bytes: Uint8Array): DocumentFormat {
  const known = extensions[extname(name).toLowerCase()];
  if (known !== undefined) return known;
  const head = Buffer.from(bytes.subarray(0, 5)).toString("latin1");
  if (head.startsWith("%PDF")) return "pdf";
  if (head.startsWith("PK")) return "docx";
  if (utf8(bytes) !== undefined) return "text";
  throw new DocumentReadError(
    `${name}: unknown format; Colibrí reads ${Object.keys(extensions).join(", ")} files.`,
  );
}

/**
 * The text blocks of a document, or a DocumentReadError saying why it cannot be read. `onPage`
 * hears of each page of a PDF as it is read (other formats are read in one step).
 */
export async function parseDocument(
  name: string,
  bytes: Uint8Array,
  onPage?: (done: number, total: number) => void,
): Promise<TextBlock[]> {
  const format = formatOf(name, bytes);
  let blocks: TextBlock[];
  try {
    blocks = await parsers[format](bytes, name, onPage);
  } catch (error) {
    if (error instanceof DocumentReadError) throw error;
    throw new DocumentReadError(unreadable(name, format, error));
  }
  if (blocks.length === 0) {
    throw new DocumentReadError(
      `${name}: no text found${format === "pdf" ? " (a scanned PDF without a text layer needs OCR first)" : ""}.`,
    );
  }
  return blocks;
}

/** Why a file of a known format cannot be read, in words its owner can act on. */
function unreadable(name: string, format: DocumentFormat, error: unknown): string {
  const reason = error instanceof Error ? error.message : String(error);
  // pdf.js's exceptions, by name: a password to open it, or a structure it cannot follow.
  switch (error instanceof Error ? error.name : "") {
    case "PasswordException":
      return `${name}: the PDF is encrypted and needs a password to open (${reason}); save a copy without the password and add it again.`;
    case "InvalidPDFException":
      return `${name}: cannot be read as pdf (${reason}); the file is damaged or was cut short, upload it again.`;
    default:
      return `${name}: cannot be read as ${format} (${reason}).`;
  }
}

/** The first bytes of a ZIP archive's first entry, which every DOCX is. */
const zipSignature = [0x50, 0x4b, 0x03, 0x04];

const parsers: Record<
  DocumentFormat,
  (
    bytes: Uint8Array,
    name: string,
    onPage?: (done: number, total: number) => void,
  ) => Promise<TextBlock[]>
> = {
  pdf: (bytes, _name, onPage) => pdfBlocks(bytes, onPage),
  async docx(bytes, name) {
    if (!zipSignature.every((byte, index) => bytes[index] === byte)) {
      throw new DocumentReadError(
        `${name}: is not a DOCX file (a DOCX is a ZIP archive, this is not one: an old .doc, another format renamed, or a damaged file); save it as .docx and add it again.`,
      );
    }
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) });
    return htmlBlocks(value);
  },
  html: (bytes, name) => Promise.resolve(htmlBlocks(text(bytes, name))),
  markdown: async (bytes, name) => htmlBlocks(await marked.parse(text(bytes, name))),
  text: (bytes, name) =>
    Promise.resolve(
      paragraphs(text(bytes, name)).map((paragraph) => ({
        headingPath: [],
        text: paragraph,
        page: null,
      })),
    ),
  csv(bytes, name) {
    const options = { bom: true, skip_empty_lines: true, relax_column_count: true };
    const rows: string[][] = parseCsv(text(bytes, name), options);
    const [header, ...records] = rows;
    if (header === undefined) return Promise.resolve([]);
    // Each row as "column: value; …", so a passage carries the meaning of its cells.
    return Promise.resolve(
      records.flatMap((record) => {
        const cells = record
          .map((cell, index) => [header[index] ?? `column ${index + 1}`, cell.trim()] as const)
          .filter(([, cell]) => cell !== "")
          .map(([column, cell]) => `${column}: ${cell}`);
        return cells.length === 0
          ? []
          : [{ headingPath: [], text: `${cells.join("; ")}.`, page: null }];
      }),
    );
  },
};

function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/u, "");
  } catch {
    return undefined;
  }
}

function text(bytes: Uint8Array, name: string): string {
  const decoded = utf8(bytes);
  if (decoded === undefined) {
    throw new DocumentReadError(`${name}: not UTF-8 text; save it as UTF-8 and add it again.`);
  }
  return decoded;
}

/** Paragraphs: runs of lines between blank lines, whitespace collapsed. */
function paragraphs(content: string): string[] {
  return content
    .split(/\n\s*\n/u)
    .map(collapse)
    .filter((paragraph) => paragraph !== "");
}

function collapse(content: string): string {
  return content.replace(/\s+/gu, " ").trim();
}

const headingLevels: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const skipped = new Set(["script", "style", "noscript", "template", "svg", "head"]);
const blockElements = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "br",
  "caption",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "footer",
  "form",
  "header",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
]);

/** Blocks of an HTML page: text between block elements, under the h1–h6 headings above it. */
export function htmlBlocks(html: string): TextBlock[] {
  const blocks: TextBlock[] = [];
  const headings: { level: number; text: string }[] = [];
  let skipDepth = 0;
  let heading: { level: number; text: string } | undefined;
  let current = "";
  const flush = () => {
    const content = collapse(current);
    current = "";
    if (content !== "") {
      blocks.push({ headingPath: headings.map((entry) => entry.text), text: content, page: null });
    }
  };
  const parser = new Parser(
    {
      onopentag(name) {
        if (skipped.has(name)) skipDepth++;
        const level = headingLevels[name];
        if (level !== undefined) {
          flush();
          heading = { level, text: "" };
        } else if (blockElements.has(name)) {
          current += " ";
          if (heading === undefined) flush();
        }
      },
      ontext(content) {
        if (skipDepth > 0) return;
        if (heading !== undefined) heading.text += content;
        else current += content;
      },
      onclosetag(name) {
        if (skipped.has(name)) skipDepth = Math.max(0, skipDepth - 1);
        if (headingLevels[name] !== undefined && heading !== undefined) {
          const { level } = heading;
          const title = collapse(heading.text);
          heading = undefined;
          while ((headings.at(-1)?.level ?? 0) >= level) headings.pop();
          if (title !== "") headings.push({ level, text: title });
        } else if (blockElements.has(name) && heading === undefined) {
          flush();
        }
      },
    },
    { decodeEntities: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}
