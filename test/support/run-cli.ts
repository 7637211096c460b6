import { PassThrough } from "node:stream";
import { expect } from "vitest";
import { main } from "../../src/cli/main.js";

/** Run the CLI in-process, as `colibri ...args`, and capture what it prints. */
export async function colibri(...args: string[]) {
  return colibriWithInput(undefined, ...args);
}

/** The same, with `input` on stdin. */
export async function colibriWithInput(input: string | undefined, ...args: string[]) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const collect = (stream: PassThrough) => {
    const chunks: Buffer[] = [];
    stream.on("data", (chunk: Buffer) => chunks.push(chunk));
    return () => Buffer.concat(chunks).toString("utf8");
  };
  const out = collect(stdout);
  const err = collect(stderr);
  const stdin = new PassThrough();
  stdin.end(input ?? "");
  const code = await main(["node", "colibri", ...args], { stdin, stdout, stderr });
  return { code, stdout: out(), stderr: err() };
}

/** A command that failed with a non-zero exit and one line on stderr matching `pattern`. */
export function expectOneLineError(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).not.toBe(0);
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(result.stderr.trim()).toMatch(pattern);
}
