/**
 * The privacy guard's model pass on an evaluation set: each line's fast-layer findings deepened
 * by the local model exactly as the guard does it on the way to a cloud provider
 * (`ModelPass.deepen`), several lines at a time, with the time each line took.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { readMachine } from "../../src/config/machine.js";
import type { ChatBackend, ChatEvent, ChatRequest } from "../../src/core/chat.js";
import type { Finding } from "../../src/core/pii-types.js";
import { LocalEngine } from "../../src/engine/index.js";
import { ModelPass } from "../../src/privacy/model-pass.js";
import { scanText } from "../../src/privacy/scan.js";
import { summarize, type LatencySummary } from "./gateway-benchmark.js";

export interface ModelPassRun {
  findings: Finding[][];
  /** Milliseconds per line, the model's queue included. */
  perLine: LatencySummary;
  totalSeconds: number;
  failures: number;
}

export async function runModelPass(
  texts: readonly string[],
  options: { modelPath: string; threads: number; sequences: number; cache?: string | undefined },
): Promise<ModelPassRun> {
  const engine = await LocalEngine.load({
    modelPath: options.modelPath,
    modelName: "model-pass",
    machine: readMachine(),
    threads: options.threads,
    sequences: options.sequences,
    contextSize: 2048 * options.sequences,
    logger: () => undefined,
  });
  const cache = options.cache === undefined ? undefined : new AnswerCache(options.cache);
  const pass = new ModelPass(cache?.around(engine) ?? engine, {
    enabled: true,
    maxChars: Number.POSITIVE_INFINITY,
    chunkChars: 800,
    timeoutMs: 600_000,
    onIncomplete: "block",
  });
  const findings: Finding[][] = new Array<Finding[]>(texts.length);
  const times: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  const worker = async () => {
    for (let index = next++; index < texts.length; index = next++) {
      const text = texts[index] ?? "";
      const lineStarted = performance.now();
      findings[index] = await pass.deepenText(text, scanText(text)).catch((error: unknown) => {
        failures++;
        process.stderr.write(`line ${index + 1}: ${String(error)}\n`);
        return scanText(text);
      });
      // summarize() reads nanoseconds and reports microseconds: microseconds in, milliseconds out.
      times.push((performance.now() - lineStarted) * 1000);
      if (times.length % 25 === 0) {
        const seconds = (performance.now() - started) / 1000;
        process.stderr.write(
          `model pass: ${times.length} / ${texts.length} lines, ${seconds.toFixed(0)} s\n`,
        );
      }
    }
  };
  try {
    await Promise.all(Array.from({ length: options.sequences }, worker));
  } finally {
    cache?.save();
    await engine.close();
  }
  return {
    findings,
    perLine: summarize(times),
    totalSeconds: (performance.now() - started) / 1000,
    failures,
  };
}

/**
 * The model's answers by request, kept in a JSON file: a second run over the same lines (after a
 * change to what is done with the answers) asks the model only for what it has not answered.
 * Only for the same model: the file does not say which model answered.
 */
class AnswerCache {
  readonly #path: string;
  readonly #answers: Record<string, string>;

  constructor(path: string) {
    this.#path = path;
    this.#answers = existsSync(path)
      ? (JSON.parse(readFileSync(path, "utf8")) as Record<string, string>)
      : {};
  }

  around(backend: Pick<ChatBackend, "chat">): Pick<ChatBackend, "chat"> {
    const answers = this.#answers;
    return {
      async *chat(request: ChatRequest): AsyncGenerator<ChatEvent> {
        const key = JSON.stringify(request.messages);
        const known = answers[key];
        if (known !== undefined) {
          yield { type: "delta", text: known, logprobs: [] };
          yield {
            type: "done",
            finishReason: "stop",
            usage: { promptTokens: 0, completionTokens: 0 },
          };
          return;
        }
        let text = "";
        for await (const event of backend.chat(request)) {
          if (event.type === "delta") text += event.text;
          yield event;
        }
        answers[key] = text;
      },
    };
  }

  save(): void {
    writeFileSync(this.#path, JSON.stringify(this.#answers));
  }
}
