import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibriWithInput } from "../support/run-cli.js";

beforeEach(async () => {
  process.env["COLIBRI_HOME"] = await mkdtemp(join(tmpdir(), "colibri-cli-privacy-"));
});

const text = "Olá, sou a Ana (ana.souza@example.com.br), CPF 123.456.789-09.";

describe("colibri privacy scan", () => {
  it("prints the findings and the redacted text for stdin", async () => {
    const result = await colibriWithInput(text, "privacy", "scan");
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/3 findings/);
    expect(result.stdout).toMatch(/PERSON_NAME\s+-\s+11\s+14\s+no \(context\)/);
    expect(result.stdout).toMatch(/EMAIL\s+-\s+16\s+40/);
    expect(result.stdout).toMatch(/BR_CPF\s+BR\s+47\s+61\s+yes/);
    expect(result.stdout).toContain("Olá, sou a [NAME] ([EMAIL]), CPF [CPF].");
    const none = await colibriWithInput("Pedido de R$ 1.234,56 em 12/03/2025.", "privacy", "scan");
    expect(none.stdout).toBe("No personal data found.\n");
  });

  it("answers JSON lines in the documented shape, line by line", async () => {
    const input = [
      JSON.stringify({ text }),
      "",
      JSON.stringify({ text: "Nada aqui.", id: 7 }),
    ].join("\n");
    const result = await colibriWithInput(input, "privacy", "scan", "--jsonl");
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as unknown);
    expect(lines).toEqual([
      {
        findings: [
          expect.objectContaining({ type: "PERSON_NAME", start: 11, end: 14, validated: false }),
          expect.objectContaining({ type: "EMAIL", start: 16, end: 40 }),
          {
            type: "BR_CPF",
            country: "BR",
            start: 47,
            end: 61,
            validated: true,
            confidence: expect.any(Number),
          },
        ],
        redacted: "Olá, sou a [NAME] ([EMAIL]), CPF [CPF].",
      },
      { findings: [], redacted: "Nada aqui." },
    ]);
  });

  it("exits 3 with --fail-on-findings when something was found, 0 when not", async () => {
    const found = await colibriWithInput(
      JSON.stringify({ text }),
      "privacy",
      "scan",
      "--jsonl",
      "--fail-on-findings",
    );
    expect(found.code).toBe(3);
    const clean = await colibriWithInput(
      JSON.stringify({ text: "ok" }),
      "privacy",
      "scan",
      "--jsonl",
      "--fail-on-findings",
    );
    expect(clean.code).toBe(0);
  });

  it("stops at a line that is not a JSON object with text, with a one-line error naming it", async () => {
    const result = await colibriWithInput(
      `${JSON.stringify({ text })}\n{"txt": 1}\n`,
      "privacy",
      "scan",
      "--jsonl",
    );
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    expect(result.stderr.trim()).toMatch(/^colibri: stdin line 2 has no "text" string/);
    const broken = await colibriWithInput("not json\n", "privacy", "scan", "--jsonl");
    expect(broken.stderr.trim()).toMatch(/stdin line 1 is not JSON/);
    const flag = await colibriWithInput("", "privacy", "scan", "--min-confidence", "2");
    expect(flag.code).toBe(1);
    expect(flag.stderr).toMatch(/--min-confidence must be a number from 0 to 1/);
  });
});
