import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import type { LineRunner } from "./line-process.js";
import {
  ensureTrainerEnvironment,
  environmentPython,
  trainerFiles,
} from "./trainer-environment.js";

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(join(tmpdir(), "colibri-trainer-environment-"));
  return () => rm(directory, { recursive: true, force: true });
});

/** A stand-in for python3 -m venv and pip: records the commands, makes the interpreter's file. */
function fakePython(pipExitCode = 0): { run: LineRunner; commands: string[] } {
  const commands: string[] = [];
  const run: LineRunner = async (command, args, options) => {
    commands.push([command, ...args].join(" "));
    if (args[1] === "venv") {
      const python = environmentPython(args[2] ?? "");
      await mkdir(join(python, ".."), { recursive: true });
      await writeFile(python, "");
      return { exitCode: 0, stderrTail: [] };
    }
    options?.onStdoutLine?.("Collecting torch==2.13.0");
    if (pipExitCode !== 0) {
      return {
        exitCode: pipExitCode,
        stderrTail: ["ERROR: No matching distribution found for torch==2.13.0", ""],
      };
    }
    return { exitCode: 0, stderrTail: [] };
  };
  return { run, commands };
}

describe("ensureTrainerEnvironment", () => {
  it("makes the environment and installs the requirements once; a changed requirements file installs again", async () => {
    const environment = join(directory, "venv");
    const requirements = join(directory, "requirements.txt");
    await writeFile(requirements, "torch==2.13.0\n");
    const { run, commands } = fakePython();
    const stages: string[] = [];
    const pipLines: string[] = [];
    const options = {
      environment,
      requirements,
      run,
      onStage: (message: string) => stages.push(message),
      onInstallLine: (line: string) => pipLines.push(line),
    };

    const python = await ensureTrainerEnvironment(options);
    expect(python).toBe(environmentPython(environment));
    expect(commands).toEqual([
      `python3 -m venv ${environment}`,
      `${python} -m pip install --progress-bar off -r ${requirements}`,
    ]);
    expect(stages[0]).toMatch(/^Creating the trainer's Python environment in /);
    expect(stages[1]).toMatch(/^Installing the trainer \(torch, transformers, peft\)/);
    expect(pipLines).toEqual(["Collecting torch==2.13.0"]);

    await ensureTrainerEnvironment(options);
    expect(commands).toHaveLength(2);

    await writeFile(requirements, "torch==2.13.0\npeft==0.22.0\n");
    await ensureTrainerEnvironment(options);
    expect(commands.slice(2)).toEqual([
      `${python} -m pip install --progress-bar off -r ${requirements}`,
    ]);
  });

  it("says what failed and how to go on when pip fails, and installs again next time", async () => {
    const environment = join(directory, "venv");
    const requirements = join(directory, "requirements.txt");
    await writeFile(requirements, "torch==2.13.0\n");
    const failing = fakePython(1);
    const options = { environment, requirements, onStage: () => undefined };
    await expect(ensureTrainerEnvironment({ ...options, run: failing.run })).rejects.toThrow(
      /Could not install the trainer's packages: .* exited with code 1 \(ERROR: No matching distribution found for torch==2\.13\.0\)\. Check that pip reaches its package index/,
    );
    const working = fakePython();
    await ensureTrainerEnvironment({ ...options, run: working.run });
    expect(working.commands).toHaveLength(1);
  });

  it("says how to get Python when it cannot start", async () => {
    const run: LineRunner = () => Promise.reject(new Error("spawn python3 ENOENT"));
    await expect(
      ensureTrainerEnvironment({
        environment: join(directory, "venv"),
        requirements: trainerFiles().requirements,
        run,
        onStage: () => undefined,
      }),
    ).rejects.toThrow(
      /python3 did not start \(spawn python3 ENOENT\)\. Install Python 3\.10 or newer/,
    );
  });

  it("finds the trainer and its pinned requirements beside this module", async () => {
    const { readFile } = await import("node:fs/promises");
    const files = trainerFiles();
    expect(await readFile(files.script, "utf8")).toContain("def main()");
    expect(await readFile(files.requirements, "utf8")).toMatch(/^peft==\d/m);
  });
});
