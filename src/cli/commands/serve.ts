import { Option, type Command } from "commander";
import { createServer } from "../../server/app.js";
import type { CliContext } from "../context.js";
import { engineOptions, integer } from "../engine-options.js";
import { startEngine } from "../start-engine.js";

interface ServeOptions {
  host?: string;
  port?: number;
  model?: string;
  apiKey?: string;
  threads?: number;
  sequences?: number;
  contextSize?: number;
  maxQueue?: number;
  logLevel: string;
}

export function registerServeCommand(program: Command, context: CliContext): void {
  const command = program
    .command("serve")
    .description(
      "Serve the local model through an OpenAI-compatible API. Downloads the default model on first run.",
    )
    .option("--host <host>", "address to listen on (default 127.0.0.1; 0.0.0.0 for the network)")
    .option("--port <port>", "TCP port (default 8080)", integer("--port"))
    .option("--model <name>", "catalog name, installed model, .gguf path or pull source to serve")
    .addOption(
      new Option("--api-key <key>", "require Authorization: Bearer <key> on /v1 routes").env(
        "COLIBRI_API_KEY",
      ),
    )
    .addOption(
      new Option("--log-level <level>", "request log level (JSON lines on stdout)")
        .choices(["fatal", "error", "warn", "info", "debug", "silent"])
        .default("info"),
    );
  engineOptions(command).addHelpText(
    "after",
    `
Examples:
  colibri serve                                  # default model on http://127.0.0.1:8080/v1
  colibri serve --host 0.0.0.0 --api-key s3cret  # on the network, with a key
  colibri serve --model gemma3-270m --sequences 8

Then point any OpenAI client at http://127.0.0.1:8080/v1 with model "auto".`,
  );
  command.action(async (options: ServeOptions) => {
    const config = await context.loadConfig({
      server: { host: options.host, port: options.port, apiKey: options.apiKey },
      model: { default: options.model },
      engine: {
        threads: options.threads,
        sequences: options.sequences,
        contextSize: options.contextSize,
        maxQueue: options.maxQueue,
      },
    });
    const engine = await startEngine(config, context);
    const server = createServer({
      backend: engine,
      server: config.server,
      defaultMaxTokens: config.engine.defaultMaxTokens,
      logger: { level: options.logLevel },
    });
    const address = await server.listen().catch(async (error: unknown) => {
      await engine.close();
      throw error;
    });
    const { threads, sequences, contextSize } = engine.settings;
    context.stderr.write(
      `Colibrí is serving ${engine.model} at ${address}/v1 (${threads} threads, ${sequences} parallel sequences × ${contextSize} tokens${config.server.apiKey === undefined ? "" : ", API key required"}). Ctrl+C stops.\n`,
    );

    await waitForShutdownSignal();
    context.stderr.write(
      `Shutting down: finishing in-flight requests (up to ${config.server.shutdownGraceMs} ms)…\n`,
    );
    process.once("SIGINT", () => process.exit(130)); // a second Ctrl+C does not wait
    await server.close();
    await engine.close();
  });
}

function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => {
      resolve();
    });
    process.once("SIGTERM", () => {
      resolve();
    });
  });
}
