import { createInterface } from "node:readline";
import type { ChatMessage, SamplingOptions } from "../../core/chat.js";
import { toColibriError } from "../../core/errors.js";
import type { ChatTarget } from "./chat-target.js";
import { answerNotes, noteWriter } from "./chat-notes.js";
import { parseReplLine, replHelp } from "./repl-command.js";
import { streamAnswer } from "./stream-answer.js";

export interface ChatReplOptions {
  target: ChatTarget;
  /** The system prompt; /clear keeps it. */
  system: string | undefined;
  sampling: SamplingOptions;
  /** Print each answer's route and reason. */
  verbose: boolean;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /** Where the process's SIGINT arrives (Ctrl+C when stdin is not a terminal): `process`. */
  signals: InterruptSource;
  now?: () => number;
}

export interface InterruptSource {
  on(event: "SIGINT", listener: () => void): unknown;
  off(event: "SIGINT", listener: () => void): unknown;
}

/** Two Ctrl+C within this time leave, even while an answer streams. */
const doubleInterruptMs = 1000;

/**
 * The interactive session: each line is a prompt for the model or a /command for the CLI.
 * Ctrl+C stops the answer that is streaming; at an empty prompt, or twice quickly, it leaves.
 * Resolves when the session ends (/bye, end of input, Ctrl+C).
 */
export async function runChatRepl(options: ChatReplOptions): Promise<void> {
  const { target, stdout, stderr } = options;
  const now = options.now ?? Date.now;
  const note = noteWriter(stderr);
  const system: ChatMessage[] =
    options.system === undefined ? [] : [{ role: "system", content: options.system }];
  let history: ChatMessage[] = [];

  // The line iterator buffers input that arrives while an answer streams (pasted or piped text).
  const lines = createInterface({ input: options.stdin, output: stdout });
  lines.setPrompt("› ");
  let answering: AbortController | undefined;
  const leaving = new AbortController();
  let lastInterrupt = -Infinity;
  // A function, not a narrowed property: an interrupt may set it during any await.
  const left = (): boolean => leaving.signal.aborted;
  const leave = (): void => {
    leaving.abort();
    answering?.abort();
    lines.close();
  };
  const interrupt = (): void => {
    const again = now() - lastInterrupt < doubleInterruptMs;
    lastInterrupt = now();
    if (!again && answering !== undefined) {
      answering.abort();
    } else if (!again && answering === undefined && lines.line !== "") {
      // Like a shell: Ctrl+C drops what was typed.
      lines.write(null, { ctrl: true, name: "e" });
      lines.write(null, { ctrl: true, name: "u" });
      stdout.write("\n");
      lines.prompt();
    } else {
      stdout.write("\n");
      leave();
    }
  };
  lines.on("SIGINT", interrupt); // Ctrl+C on a terminal (readline reads it as a key)
  options.signals.on("SIGINT", interrupt); // Ctrl+C (or kill -INT) when stdin is a pipe

  const ask = async (text: string): Promise<void> => {
    const controller = new AbortController();
    answering = controller;
    const messages: ChatMessage[] = [...system, ...history, { role: "user", content: text }];
    try {
      const outcome = await streamAnswer(
        target,
        { messages, sampling: options.sampling, signal: controller.signal },
        (piece) => stdout.write(piece),
      );
      if (outcome.content !== "" && !outcome.content.endsWith("\n")) stdout.write("\n");
      const notes = answerNotes(outcome, {
        maxTokens: options.sampling.maxTokens,
        verbose: options.verbose,
      });
      for (const text of notes) note(text);
      if (outcome.content !== "") {
        history.push(
          { role: "user", content: text },
          { role: "assistant", content: outcome.content },
        );
      }
    } catch (error) {
      stderr.write(`colibri: ${toColibriError(error).message}\n`);
    } finally {
      answering = undefined;
    }
  };

  const switchModel = async (name: string | undefined): Promise<void> => {
    try {
      if (name === undefined) {
        const names = await target.models();
        note(`Model: ${target.model}. Switch with /model NAME to: ${names.join(", ")}.`);
        return;
      }
      const refusal = await target.useModel(name);
      note(refusal ?? `(now talking to ${target.model})`);
    } catch (error) {
      stderr.write(`colibri: ${toColibriError(error).message}\n`);
    }
  };

  stderr.write(
    `Chatting with ${target.model} (${target.where}). /help lists commands, Ctrl+C stops an answer, /bye leaves.\n`,
  );
  try {
    lines.prompt();
    for await (const line of lines) {
      if (left()) break;
      const command = parseReplLine(line);
      if (command.kind === "leave") break;
      switch (command.kind) {
        case "prompt":
          await ask(command.text);
          break;
        case "help":
          stderr.write(`${replHelp}\n`);
          break;
        case "clear":
          history = [];
          note("(conversation forgotten)");
          break;
        case "model":
          await switchModel(command.name);
          break;
        case "unknown":
          note(`Unknown command ${command.name}; /help lists the commands.`);
          break;
        case "empty":
          break;
      }
      if (left()) break;
      lines.prompt();
    }
  } finally {
    options.signals.off("SIGINT", interrupt);
    lines.close();
  }
}
