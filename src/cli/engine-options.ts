import { InvalidArgumentError, type Command } from "commander";

/** The engine flags shared by `serve`, `chat` and `bench`. */
export function engineOptions(command: Command): Command {
  return command
    .option(
      "--threads <n>",
      "CPU threads for inference (default: the cores less one, at most 8)",
      integer("--threads"),
    )
    .option(
      "--sequences <n>",
      "requests generated in parallel (default from cores and RAM)",
      integer("--sequences"),
    )
    .option(
      "--context-size <tokens>",
      "tokens per sequence (default min(model's, 4096))",
      integer("--context-size"),
    )
    .option(
      "--max-queue <n>",
      "requests that may wait for a sequence before 429 (default 16)",
      integer("--max-queue"),
    );
}

/** A commander parser that accepts a non-negative integer or fails with a one-line message. */
export function integer(flag: string): (value: string) => number {
  return (value) => {
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 0) {
      throw new InvalidArgumentError(`${flag} expects a whole number, got '${value}'.`);
    }
    return parsed;
  };
}
