import { randomBytes } from "node:crypto";
import { readFile, stat } from "node:fs/promises";
import { basename } from "node:path";
import type { Command } from "commander";
import { ColibriError, InvalidRequestError } from "../../core/errors.js";
import type { KnowledgeBase, Store, TenantKnowledge } from "../../core/records/index.js";
import {
  ingestDocument,
  newKnowledgeBaseId,
  searchKnowledge,
  type IngestOutcome,
  type IngestProgress,
} from "../../knowledge/knowledge-base.js";
import {
  embeddingMismatchMessage,
  embeddingMismatches,
} from "../../knowledge/embedding-model-check.js";
import { formatBytes } from "../../models/byte-size.js";
import { ProgressMeter } from "../../models/progress-meter.js";
import { normalizeTenantName } from "../../core/tenant-name.js";
import { tenantIdByName } from "../../tenancy/tenant-not-found.js";
import type { ColibriConfig } from "../../config/schema.js";
import type { CliContext } from "../context.js";
import { createDownloadProgress } from "../download-progress.js";
import { formatTable } from "../format-table.js";
import { plural } from "../plural.js";
import { startEmbedder, type CliEmbedder } from "../start-embedder.js";
import { databaseOption, withStore, type DatabaseOptions } from "../store-access.js";
import { formatTime, writeJson } from "../tenancy-format.js";

export interface TenantOptions extends DatabaseOptions {
  tenant?: string;
  json?: boolean;
}

interface SearchOptions extends TenantOptions {
  top: string;
}

export const tenantHelp =
  "the tenant whose knowledge bases these are (default: limits.defaultTenant, the tenant of callers without a key)";

/** `colibri kb create|add|search|rm|list`: a tenant's knowledge bases from the command line. */
export function registerKnowledgeBaseCommands(kb: Command, context: CliContext): void {
  const withTenant = (command: Command) =>
    databaseOption(command.option("--tenant <name>", tenantHelp));

  withTenant(
    kb
      .command("create")
      .argument("<name>", "a name for the knowledge base, unique within the tenant")
      .description("Create an empty knowledge base; add documents to it with `colibri kb add`."),
  )
    .option("--json", "print the knowledge base as JSON")
    .addHelpText(
      "after",
      `
A knowledge base is what OpenAI clients call a vector store (/v1/vector_stores): its id works
there too. The tenant is created if it does not exist.

Examples:
  colibri kb create farmacia
  colibri kb create protocolos --tenant "clínica sur"`,
    )
    .action(async (name: string, options: TenantOptions) => {
      await withKnowledge(context, options, { create: true }, async (knowledge) => {
        const base = await knowledge.createBase({
          id: newKnowledgeBaseId(),
          name: validName(name),
          createdAt: Date.now(),
          metadata: null,
        });
        if (options.json === true) {
          writeJson(context.stdout, base);
          return;
        }
        context.stdout.write(
          `Created knowledge base "${base.name}" (${base.id}). Add documents: colibri kb add ${quoted(base.name)} FILE...\n`,
        );
      });
    });

  withTenant(
    kb
      .command("add")
      .argument("<name>", "the knowledge base")
      .argument("<files...>", "PDF, DOCX, HTML, Markdown, plain text or CSV files")
      .description(
        "Add documents to a knowledge base: parse, cut into passages under their headings and pages, and index them.",
      ),
  )
    .option("--json", "print one result per file as JSON")
    .addHelpText(
      "after",
      `
A file already there under the same name is replaced when its content changed (its passages are
swapped in one step) and left alone when it did not. A file that cannot be read is reported and
the others are still added; the exit status is then 1.

Examples:
  colibri kb add farmacia guia.pdf precios.csv protocolos/*.docx
  colibri kb add farmacia guia.pdf          # again after editing it: replaces its passages`,
    )
    .action(async (name: string, files: string[], options: TenantOptions) => {
      await withKnowledge(context, options, { create: false }, async (knowledge, _, config) => {
        const base = await requireBase(knowledge, name);
        const results = await withEmbedder(config, context, (embedder) =>
          addFiles(context, knowledge, base, files, options.json !== true, embedder),
        );
        if (options.json === true) writeJson(context.stdout, results);
        if (results.some((result) => result.status === "failed")) context.setExitCode(1);
      });
    });

  withTenant(
    kb
      .command("search")
      .argument("<name>", "the knowledge base")
      .argument("<question>", "what to look for, in words")
      .description(
        "Print the passages that best match a question, with document, heading, page and score.",
      ),
  )
    .option("--top <n>", "how many passages (1 to 50)", "5")
    .option("--json", "print the passages as JSON")
    .addHelpText(
      "after",
      `
Passages are ranked by BM25 over the base's analysed terms (Spanish or Portuguese stems and stop
words when the documents are in one of them; accents do not matter). With a sentence-embedding
model (engine.embeddingModel, e.g. embeddinggemma-300m), by BM25 and the nearest passage vectors
fused by reciprocal rank (hybrid); the score is then in (0, 1], 1 for first in both.

Examples:
  colibri kb search farmacia "¿Cada cuántas horas se toma el paracetamol?"
  colibri kb search farmacia "horario de atención" --top 3 --json`,
    )
    .action(async (name: string, question: string, options: SearchOptions) => {
      const top = Number(options.top);
      if (!Number.isInteger(top) || top < 1 || top > 50) {
        throw new InvalidRequestError(
          `--top expects a whole number from 1 to 50; got '${options.top}'.`,
          "top",
        );
      }
      await withKnowledge(context, options, { create: false }, async (knowledge, _, config) => {
        const base = await requireBase(knowledge, name);
        const hits = await withEmbedder(config, context, (embedder) => {
          for (const mismatch of embeddingMismatches([base], embedder)) {
            context.stderr.write(`Warning: ${embeddingMismatchMessage(mismatch)}\n`);
          }
          return searchKnowledge(knowledge, [base], question, top, embedder);
        });
        if (options.json === true) {
          writeJson(
            context.stdout,
            hits.map(({ knowledgeBaseId: _base, ...hit }) => hit),
          );
          return;
        }
        if (hits.length === 0) {
          context.stdout.write(`No passage of "${base.name}" matches that question.\n`);
          return;
        }
        context.stdout.write(
          hits
            .map((hit, rank) => {
              const where = [
                hit.documentName,
                hit.headingPath.length === 0 ? undefined : hit.headingPath.join(" › "),
                hit.page === null ? undefined : `page ${hit.page}`,
              ].filter((part) => part !== undefined);
              return `${rank + 1}. ${where.join(" — ")} (score ${hit.score.toFixed(2)})\n   ${hit.text}\n`;
            })
            .join("\n"),
        );
      });
    });

  withTenant(
    kb
      .command("rm")
      .argument("<name>", "the knowledge base")
      .argument("[file]", "only this document (its file name as added)")
      .description("Remove a document from a knowledge base, or the whole knowledge base."),
  )
    .addHelpText(
      "after",
      `
Examples:
  colibri kb rm farmacia precios.csv     # one document and its passages
  colibri kb rm farmacia                 # the knowledge base and all its documents`,
    )
    .action(async (name: string, file: string | undefined, options: TenantOptions) => {
      await withKnowledge(context, options, { create: false }, async (knowledge) => {
        const base = await requireBase(knowledge, name);
        if (file === undefined) {
          await knowledge.deleteBase(base.id);
          context.stdout.write(`Removed knowledge base "${base.name}" and its documents.\n`);
          return;
        }
        const document = await knowledge.findDocument(base.id, basename(file));
        if (document === undefined) {
          throw new ColibriError(
            `Knowledge base "${base.name}" has no document "${basename(file)}". See its documents with: colibri kb list ${quoted(base.name)}`,
            { code: "document_not_found", status: 404, type: "not_found_error", param: "file" },
          );
        }
        await knowledge.deleteDocument(base.id, document.id);
        context.stdout.write(
          `Removed "${document.name}" (${plural(document.chunkCount, "passage", "passages")}) from "${base.name}".\n`,
        );
      });
    });

  withTenant(
    kb
      .command("list")
      .argument("[name]", "list this knowledge base's documents instead")
      .description("List the tenant's knowledge bases, or the documents of one."),
  )
    .option("--json", "print them as JSON")
    .addHelpText(
      "after",
      `
Examples:
  colibri kb list
  colibri kb list farmacia        # documents: status, passages, size, and why one failed`,
    )
    .action(async (name: string | undefined, options: TenantOptions) => {
      await withKnowledge(context, options, { create: false }, async (knowledge) => {
        if (name !== undefined) {
          const base = await requireBase(knowledge, name);
          const documents = await knowledge.listDocuments(base.id);
          writeListing(context, options, {
            records: documents,
            header: ["DOCUMENT", "STATUS", "PASSAGES", "SIZE", "UPDATED", "ERROR"],
            row: (document) => [
              document.name,
              document.status,
              String(document.chunkCount),
              formatBytes(document.bytes),
              formatTime(document.updatedAt),
              document.error ?? "",
            ],
            empty: `"${base.name}" has no documents yet. Add some: colibri kb add ${quoted(base.name)} FILE...`,
          });
          return;
        }
        const bases = await knowledge.listBases({ limit: 10_000, order: "asc" });
        const summaries = await Promise.all(
          bases.map(async (base) => {
            const documents = await knowledge.listDocuments(base.id);
            return {
              ...base,
              documents: documents.length,
              passages: documents.reduce((sum, document) => sum + document.chunkCount, 0),
            };
          }),
        );
        writeListing(context, options, {
          records: summaries,
          header: ["NAME", "ID", "DOCUMENTS", "PASSAGES", "LANGUAGE", "CREATED"],
          row: (base) => [
            base.name,
            base.id,
            String(base.documents),
            String(base.passages),
            base.language ?? "-",
            formatTime(base.createdAt),
          ],
          empty: "No knowledge bases yet. Create one: colibri kb create NAME",
        });
      });
    });
}

/** Records as JSON with --json, else a table (columns 2 and 3 are counts), or `empty`. */
function writeListing<T>(
  context: CliContext,
  options: { json?: boolean },
  listing: { records: T[]; header: string[]; row: (record: T) => string[]; empty: string },
) {
  if (options.json === true) {
    writeJson(context.stdout, listing.records);
    return;
  }
  context.stdout.write(
    listing.records.length === 0
      ? `${listing.empty}\n`
      : `${formatTable([listing.header, ...listing.records.map(listing.row)], [2, 3])}\n`,
  );
}

type FileResult = { file: string } & (
  | { status: "completed"; chunks: number; pages: number | null; warning?: string }
  | { status: "unchanged" }
  | { status: "failed"; error: string }
);

/**
 * Add each file in turn, with a progress bar over their bytes on stderr that also moves within a
 * long file: as its pages are read and, with an embedding model, as its passages are embedded.
 */
async function addFiles(
  context: CliContext,
  knowledge: TenantKnowledge,
  base: KnowledgeBase,
  files: readonly string[],
  report: boolean,
  embedder: CliEmbedder | undefined,
): Promise<FileResult[]> {
  const sizes = await Promise.all(
    files.map((file) =>
      stat(file).then(
        (info) => info.size,
        () => 0,
      ),
    ),
  );
  const progress = createDownloadProgress(context.stderr);
  const meter = new ProgressMeter({
    total: sizes.reduce((sum, size) => sum + size, 0),
    onProgress: progress.onProgress,
  });
  const results: FileResult[] = [];
  let current = base;
  let doneBytes = 0;
  try {
    for (const [index, file] of files.entries()) {
      const size = sizes[index] ?? 0;
      const result = await addFile(knowledge, current, file, embedder, (progress) => {
        meter.update(doneBytes + Math.floor(size * ingestedShare(progress, embedder)));
      });
      results.push(result);
      // The first document settles the base's language.
      current = (await knowledge.getBase(base.id)) ?? current;
      doneBytes += size;
      meter.update(doneBytes);
      if (report) progress.onStatus(`[${index + 1}/${files.length}] ${describe(result)}`);
    }
    meter.finish();
  } finally {
    progress.stop();
  }
  return results;
}

/**
 * How much of a file's ingestion is done, 0 to 1: reading its pages is most of the work without
 * an embedding model and a tenth of it with one (embedding takes about 50 ms a text on a core).
 */
function ingestedShare(progress: IngestProgress, embedder: CliEmbedder | undefined): number {
  const reading = embedder === undefined ? 0.9 : 0.1;
  const share = progress.total === 0 ? 1 : progress.done / progress.total;
  return progress.stage === "reading" ? reading * share : reading + (1 - reading) * share;
}

async function addFile(
  knowledge: TenantKnowledge,
  base: KnowledgeBase,
  file: string,
  embedder: CliEmbedder | undefined,
  onProgress: (progress: IngestProgress) => void,
): Promise<FileResult> {
  const name = basename(file);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    const reason = error instanceof Error && "code" in error ? String(error.code) : String(error);
    return { file, status: "failed", error: `cannot read ${file} (${reason}); check the path.` };
  }
  const known = await knowledge.findDocument(base.id, name);
  const id = known?.id ?? `doc-${randomBytes(12).toString("hex")}`;
  const outcome: IngestOutcome = await ingestDocument(
    knowledge,
    base,
    { id, name, bytes },
    Date.now,
    embedder,
    onProgress,
  );
  if (outcome.status === "unchanged") return { file, status: "unchanged" };
  return { file, ...outcome };
}

function describe(result: FileResult): string {
  switch (result.status) {
    case "completed":
      return `${result.file}: ${plural(result.chunks, "passage", "passages")}${result.pages === null ? "" : ` from ${plural(result.pages, "page", "pages")}`}${result.warning === undefined ? "" : `, without vectors. Warning: ${result.warning}`}`;
    case "unchanged":
      return `${result.file}: unchanged (same content as before)`;
    case "failed":
      return `${result.file}: failed — ${result.error}`;
  }
}

/** Open the store and the tenant's knowledge bases (with `create`, creating the tenant). */
export async function withKnowledge(
  context: CliContext,
  options: TenantOptions,
  { create }: { create: boolean },
  work: (knowledge: TenantKnowledge, store: Store, config: ColibriConfig) => Promise<void>,
): Promise<void> {
  await withStore(context, options, async (store, config: ColibriConfig) => {
    const name = normalizeTenantName(options.tenant ?? config.limits.defaultTenant);
    const tenantId = create
      ? (await store.tenants.ensure(name, Date.now())).id
      : await tenantIdByName(store.tenants, name);
    await work(store.knowledge.forTenant(tenantId ?? ""), store, config);
  });
}

/** `work` with the configured sentence-embedding model (engine.embeddingModel) loaded, if any. */
export async function withEmbedder<T>(
  config: ColibriConfig,
  context: CliContext,
  work: (embedder: CliEmbedder | undefined) => Promise<T>,
): Promise<T> {
  const embedder = await startEmbedder(config, context);
  try {
    return await work(embedder);
  } finally {
    await embedder?.close();
  }
}

export async function requireBase(
  knowledge: TenantKnowledge,
  name: string,
): Promise<KnowledgeBase> {
  const base = (await knowledge.findBase(name)) ?? (await knowledge.getBase(name));
  if (base === undefined) {
    throw new ColibriError(
      `No knowledge base "${name}" for this tenant. See them with \`colibri kb list\`; create one with \`colibri kb create ${quoted(name)}\`.`,
      { code: "knowledge_base_not_found", status: 404, type: "not_found_error", param: "name" },
    );
  }
  return base;
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed === "" || trimmed.length > 256) {
    throw new InvalidRequestError("A knowledge base needs a name of 1 to 256 characters.", "name");
  }
  return trimmed;
}

export function quoted(name: string): string {
  return /^[\p{L}\p{N}._-]+$/u.test(name) ? name : `"${name.replace(/"/g, '\\"')}"`;
}
