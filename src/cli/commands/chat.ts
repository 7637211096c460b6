import { createInterface } from "node:readline";
import { InvalidArgumentError, type Command } from "commander";
import type { ChatBackend, ChatMessage, Usage } from "../../core/chat.js";
import type { CliContext } from "../context.js";
import { engineOptions, integer } from "../engine-options.js";
import { startEngine } from "../start-engine.js";

interface ChatOptions {
  model?: string;
  system?: string;
  temperature?: number;
  maxTokens?: number;
  json?: boolean;
  threads?: number;
  sequences?: number;
  contextSize?: number;
  maxQueue?: number;
}

export function registerChatCommand(program: Command, context: CliContext): void {
  const command = program
    .command("chat")
    .description(
      "Chat with the local model in the terminal (streams), or answer one question and exit.",
    )
    .argument("[question]", "ask once and exit; without it, an interactive session starts")
    .option("--model <name>", "model to load (default: the configured default model)")
    .option("--system <text>", "system prompt")
    .option("--temperature <t>", "sampling temperature, 0–2", parseTemperature)
    .option("--max-tokens <n>", "longest answer in tokens", integer("--max-tokens"))
    .option("--json", "one-shot only: print the answer, finish reason and usage as JSON");
  engineOptions(command).addHelpText(
    "after",
    `
Examples:
  colibri chat "¿Qué documentos necesito para abrir una cuenta?"
  colibri chat --system "Responde siempre en portugués do Brasil."

In the session: /reset forgets the conversation, /exit (or Ctrl+D) leaves.`,
  );
  command.action(async (question: string | undefined, options: ChatOptions) => {
    const config = await context.loadConfig({
      model: { default: options.model },
      engine: {
        threads: options.threads,
        sequences: options.sequences ?? 1,
        contextSize: options.contextSize,
        maxQueue: options.maxQueue,
      },
    });
    await using engine = await startEngine(config, context, (level, message) => {
      if (level === "error") context.stderr.write(`${message}\n`);
    });
    const history: ChatMessage[] =
      options.system === undefined ? [] : [{ role: "system", content: options.system }];
    const ask = (text: string, write: (piece: string) => void) =>
      answer(engine, [...history, { role: "user", content: text }], options, write);

    if (question !== undefined) {
      if (options.json === true) {
        const result = await ask(question, () => undefined);
        context.stdout.write(`${JSON.stringify({ model: engine.model, ...result }, null, 2)}\n`);
      } else {
        await ask(question, (piece) => context.stdout.write(piece));
        context.stdout.write("\n");
      }
      return;
    }

    context.stderr.write(`Chatting with ${engine.model}. /reset forgets, /exit leaves.\n`);
    // The line iterator buffers input that arrives while an answer streams (pasted or piped text).
    const lines = createInterface({ input: context.stdin, output: context.stdout });
    lines.setPrompt("› ");
    try {
      lines.prompt();
      for await (const line of lines) {
        const text = line.trim();
        if (text === "/exit") break;
        if (text === "/reset") {
          history.splice(options.system === undefined ? 0 : 1);
          context.stderr.write("(conversation forgotten)\n");
        } else if (text !== "") {
          const result = await ask(text, (piece) => context.stdout.write(piece));
          context.stdout.write("\n");
          history.push(
            { role: "user", content: text },
            { role: "assistant", content: result.content },
          );
        }
        lines.prompt();
      }
    } finally {
      lines.close();
    }
  });
}

async function answer(
  backend: ChatBackend,
  messages: ChatMessage[],
  options: ChatOptions,
  write: (piece: string) => void,
): Promise<{ content: string; finishReason: string; usage: Usage }> {
  let content = "";
  const sampling = {
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
  };
  for await (const event of backend.chat({ messages, sampling })) {
    if (event.type === "delta") {
      content += event.text;
      write(event.text);
    } else {
      return { content, finishReason: event.finishReason, usage: event.usage };
    }
  }
  throw new Error("The engine ended without a final event.");
}

function parseTemperature(value: string): number {
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0 || parsed > 2) {
    throw new InvalidArgumentError(`--temperature expects a number from 0 to 2, got '${value}'.`);
  }
  return parsed;
}
