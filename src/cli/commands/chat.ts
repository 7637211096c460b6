import { InvalidArgumentError, Option, type Command } from "commander";
import type { ChatMessage, SamplingOptions } from "../../core/chat.js";
import { InvalidRequestError } from "../../core/errors.js";
import { answerNotes, noteWriter } from "../chat/chat-notes.js";
import { runChatRepl } from "../chat/chat-repl.js";
import { openChatTarget } from "../chat/open-chat-target.js";
import { parseServerUrl } from "../chat/server-url.js";
import { streamAnswer } from "../chat/stream-answer.js";
import type { CliContext } from "../context.js";
import { engineOptions, integer } from "../engine-options.js";

interface ChatOptions {
  url?: string;
  apiKey?: string;
  local?: boolean;
  model?: string;
  system?: string;
  temperature?: number;
  maxTokens?: number;
  json?: boolean;
  verbose?: boolean;
  threads?: number;
  sequences?: number;
  contextSize?: number;
  maxQueue?: number;
}

/** Model names that ask a server to route, not a model to load. */
const routeNames = new Set(["auto", "local"]);

export function registerChatCommand(program: Command, context: CliContext): void {
  const command = program
    .command("chat")
    .description(
      "Chat in the terminal with the running Colibrí server (streams), or ask one question and exit. Without a server, loads the model here.",
    )
    .argument("[question]", "ask once and exit; without it, an interactive session starts")
    .addOption(
      new Option(
        "--url <url>",
        "the Colibrí server to talk to (default: http://server.host:server.port from the config)",
      ).argParser(parseServerUrl),
    )
    .option(
      "--api-key <key>",
      'key for that server (default: COLIBRI_API_KEY, else "local", which a loopback server without auth accepts)',
    )
    .addOption(
      new Option("--local", "load the model in this process instead of using a server").conflicts(
        "url",
      ),
    )
    .option(
      "--model <name>",
      "with a server: auto (default: the router decides), local or a cloud model; with --local: the model to load",
    )
    .option("--system <text>", "system prompt")
    .option("--temperature <t>", "sampling temperature, 0–2", parseTemperature)
    .option("--max-tokens <n>", "longest answer in tokens", integer("--max-tokens"))
    .option("--json", "one-shot only: print the answer, finish reason and usage as JSON")
    .option("--verbose", "after each answer, say how the server routed it (route and reason)");
  engineOptions(command).addHelpText(
    "after",
    `
Examples:
  colibri serve &                       # once: the server keeps the model loaded
  colibri chat                          # a session with it; the router picks local or cloud
  colibri chat "¿Qué documentos necesito para abrir una cuenta?"
  colibri chat --model local --max-tokens 300 "Resume este contrato en una línea: …"
  colibri chat --url http://192.168.0.10:8080 --api-key "$COLIBRI_API_KEY"
  colibri chat --local --threads 4      # no server: load the model in this process
  colibri chat --system "Responde siempre en portugués do Brasil."

Without --url, chat asks the server at server.host:server.port (COLIBRI_HOST, COLIBRI_PORT).
When none answers it says so and loads the model here, as --local does; the engine flags
(--threads, --sequences, --context-size, --max-queue) apply only then.

In the session: /help lists the commands, /clear forgets the conversation, /model NAME
switches models, /bye leaves. Ctrl+C stops an answer; at an empty prompt it leaves.
An answer cut by --max-tokens (or the server's default) ends with a note saying so.`,
  );
  command.action(async (question: string | undefined, options: ChatOptions) => {
    const modelToLoad =
      options.model !== undefined && !routeNames.has(options.model) ? options.model : undefined;
    const config = await context.loadConfig({
      model: { default: modelToLoad },
      engine: {
        threads: options.threads,
        sequences: options.sequences ?? 1,
        contextSize: options.contextSize,
        maxQueue: options.maxQueue,
      },
    });
    await using target = await openChatTarget(
      config,
      {
        ...(options.url === undefined ? {} : { url: options.url }),
        ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
        ...(options.local === undefined ? {} : { local: options.local }),
        ...(options.model === undefined ? {} : { model: options.model }),
      },
      context,
    );
    const sampling: SamplingOptions = {
      ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
      ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
    };

    if (question === undefined) {
      // Fail before the first prompt on a wrong key or a model the server does not serve.
      const refusal = await target.useModel(target.model);
      if (refusal !== undefined) throw new InvalidRequestError(refusal, "model");
      await runChatRepl({
        target,
        system: options.system,
        sampling,
        verbose: options.verbose === true,
        stdin: context.stdin,
        stdout: context.stdout,
        stderr: context.stderr,
        signals: process,
      });
      return;
    }

    const system: ChatMessage[] =
      options.system === undefined ? [] : [{ role: "system", content: options.system }];
    const turn = {
      messages: [...system, { role: "user" as const, content: question }],
      sampling,
      signal: new AbortController().signal,
    };
    const json = options.json === true;
    const outcome = await streamAnswer(target, turn, (piece) => {
      if (!json) context.stdout.write(piece);
    });
    if (json) {
      const { content, finishReason, usage, route } = outcome;
      const result = { model: target.model, content, finishReason, usage, route };
      context.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
      return;
    }
    context.stdout.write("\n");
    const note = noteWriter(context.stderr);
    const verbose = options.verbose === true;
    for (const text of answerNotes(outcome, { maxTokens: options.maxTokens, verbose })) note(text);
  });
}

function parseTemperature(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 2) {
    throw new InvalidArgumentError(`--temperature expects a number from 0 to 2, got '${value}'.`);
  }
  return parsed;
}
