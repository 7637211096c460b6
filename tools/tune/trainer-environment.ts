import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ColibriError } from "../../src/core/errors.js";
import type { LineRunner } from "./line-process.js";

/**
 * The LoRA trainer is Python (torch, transformers, peft): it runs in a virtual environment of its
 * own, made on first use from tools/tune/requirements.txt. A marker in the environment records
 * which requirements it was made from, so later runs start at once and a changed requirements
 * file installs again.
 */
export interface TrainerFiles {
  /** tools/tune/train_lora.py */
  script: string;
  /** tools/tune/requirements.txt */
  requirements: string;
}

/**
 * Where the environment goes unless told: in Colibrí's data folder, not in the repository, whose
 * tests, type-check and lint would otherwise walk its thousands of files (torch is GBs).
 */
export function defaultTrainerEnvironment(home: string): string {
  return join(home, "tune", "venv");
}

/**
 * tools/tune/ in the repository, from this module's place: beside it when it runs as TypeScript
 * source (tests), three folders up from dist-tools/tools/tune/ once built (the Python files are
 * not compiled, so they stay in tools/tune/).
 */
export function trainerFiles(): TrainerFiles {
  const here = dirname(fileURLToPath(import.meta.url));
  const folder = import.meta.url.endsWith(".ts")
    ? here
    : join(here, "..", "..", "..", "tools", "tune");
  return {
    script: join(folder, "train_lora.py"),
    requirements: join(folder, "requirements.txt"),
  };
}

export interface TrainerEnvironmentOptions {
  /** The virtual environment's folder. */
  environment: string;
  requirements: string;
  /** The Python that creates the environment; default `python3`. */
  python?: string | undefined;
  run: LineRunner;
  /** What is happening, one sentence at a time. */
  onStage: (message: string) => void;
  /** pip's own lines while it installs. */
  onInstallLine?: (line: string) => void;
}

const markerName = "colibri-requirements.sha256";

/** The environment's interpreter, created and filled first when needed. */
export async function ensureTrainerEnvironment(
  options: TrainerEnvironmentOptions,
): Promise<string> {
  const python = environmentPython(options.environment);
  const wanted = createHash("sha256")
    .update(await readFile(options.requirements))
    .digest("hex");
  const marker = join(options.environment, markerName);
  if (
    existsSync(python) &&
    existsSync(marker) &&
    (await readFile(marker, "utf8")).trim() === wanted
  ) {
    return python;
  }
  if (!existsSync(python)) {
    options.onStage(`Creating the trainer's Python environment in ${options.environment}`);
    await runStep(
      options.run,
      options.python ?? "python3",
      ["-m", "venv", options.environment],
      "create a Python virtual environment",
      "Install Python 3.10 or newer with its venv module (e.g. apt-get install python3-venv), or pass --python.",
    );
  }
  options.onStage(
    "Installing the trainer (torch, transformers, peft) with pip — once; about 1 GB with a CPU-only torch, several GB with CUDA's libraries",
  );
  await runStep(
    options.run,
    python,
    ["-m", "pip", "install", "--progress-bar", "off", "-r", options.requirements],
    "install the trainer's packages",
    "Check that pip reaches its package index (pip's own configuration is used), then run the command again.",
    options.onInstallLine,
  );
  await writeFile(marker, `${wanted}\n`);
  return python;
}

export function environmentPython(environment: string): string {
  return process.platform === "win32"
    ? join(environment, "Scripts", "python.exe")
    : join(environment, "bin", "python");
}

async function runStep(
  run: LineRunner,
  command: string,
  args: readonly string[],
  what: string,
  fix: string,
  onLine?: (line: string) => void,
): Promise<void> {
  let result;
  try {
    result = await run(command, args, {
      ...(onLine === undefined ? {} : { onStdoutLine: onLine, onStderrLine: onLine }),
    });
  } catch (error) {
    throw new ColibriError(
      `Could not ${what}: ${command} did not start (${(error as Error).message}). ${fix}`,
      {
        code: "trainer_unavailable",
        status: 500,
        cause: error,
      },
    );
  }
  if (result.exitCode !== 0) {
    const last = result.stderrTail.filter((line) => line.trim() !== "").at(-1) ?? "no message";
    throw new ColibriError(
      `Could not ${what}: ${command} exited with code ${result.exitCode} (${last.trim()}). ${fix}`,
      { code: "trainer_unavailable", status: 500 },
    );
  }
}
