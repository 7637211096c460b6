import type { Command } from "commander";
import { ColibriError } from "../../core/errors.js";
import { embeddingModelMismatch } from "../../knowledge/embedding-model-check.js";
import { reindexBase } from "../../knowledge/reindex.js";
import { ProgressMeter } from "../../models/progress-meter.js";
import type { CliContext } from "../context.js";
import { createDownloadProgress } from "../download-progress.js";
import { plural } from "../plural.js";
import { databaseOption } from "../store-access.js";
import { writeJson } from "../tenancy-format.js";
import {
  quoted,
  requireBase,
  tenantHelp,
  withEmbedder,
  withKnowledge,
  type TenantOptions,
} from "./kb-bases.js";

/** `colibri kb reindex`: rebuild a base's vectors with the configured embedding model. */
export function registerKbReindexCommand(kb: Command, context: CliContext): void {
  databaseOption(
    kb
      .command("reindex")
      .argument("<name>", "the knowledge base")
      .description(
        "Rebuild a knowledge base's sentence vectors with the configured embedding model (engine.embeddingModel), after it changed.",
      )
      .option("--tenant <name>", tenantHelp),
  )
    .option("--json", "print the result as JSON")
    .addHelpText(
      "after",
      `
A knowledge base records which embedding model made its vectors. When engine.embeddingModel
names another model, searches of that base use full text only (vectors of two models cannot be
compared) and say so; this command embeds every passage again with the configured model, then
the base is searched hybrid again. It takes about as long as adding the documents did; run it
again if it is interrupted (until it ends, the base stays full-text only).

Examples:
  colibri kb reindex farmacia
  colibri kb reindex protocolos --tenant "clínica sur"`,
    )
    .action(async (name: string, options: TenantOptions) => {
      await withKnowledge(context, options, { create: false }, async (knowledge, _, config) => {
        const base = await requireBase(knowledge, name);
        const documents = await knowledge.listDocuments(base.id);
        const outcome = await withEmbedder(config, context, async (embedder) => {
          if (embedder === undefined) {
            throw new ColibriError(
              "No embedding model is configured, so there are no vectors to rebuild. Set engine.embeddingModel (e.g. embeddinggemma-300m) in the config or COLIBRI_EMBEDDING_MODEL, then run this again.",
              { code: "embedding_model_missing", status: 400, param: "engine.embeddingModel" },
            );
          }
          const before = embeddingModelMismatch(base, embedder.model);
          // The bar runs over the documents' bytes, as `kb add`'s does.
          const totalBytes = documents.reduce((sum, document) => sum + document.bytes, 0);
          const progress = createDownloadProgress(context.stderr);
          const meter = new ProgressMeter({ total: totalBytes, onProgress: progress.onProgress });
          try {
            const result = await reindexBase(knowledge, base, embedder, (done, total) => {
              meter.update(total === 0 ? totalBytes : Math.floor((totalBytes * done) / total));
            });
            meter.finish();
            return { ...result, model: embedder.model, previous: before?.recorded.name ?? null };
          } finally {
            progress.stop();
          }
        });
        if (options.json === true) {
          writeJson(context.stdout, { knowledge_base: base.id, ...outcome });
          return;
        }
        context.stdout.write(
          `Rebuilt the vectors of "${base.name}" with ${outcome.model}${outcome.previous === null ? "" : ` (were ${outcome.previous})`}: ${plural(outcome.chunks, "passage", "passages")} of ${plural(outcome.documents, "document", "documents")}, ${plural(outcome.texts, "text", "texts")} embedded. Search it: colibri kb search ${quoted(base.name)} "…"\n`,
        );
      });
    });
}
