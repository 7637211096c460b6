import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { colibriWithInput } from "../support/run-cli.js";

beforeEach(async () => {
  process.env["COLIBRI_HOME"] = await mkdtemp(join(tmpdir(), "colibri-cli-lang-"));
});

describe("colibri lang detect", () => {
  it("prints the language and a confidence for stdin", async () => {
    const result = await colibriWithInput(
      "Wawakunaqa yachaywasipim pukllachkanku\n",
      "lang",
      "detect",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^qu \(Quechua\), confidence (0\.\d+|1)\n$/);
  });

  it("answers JSON lines in the same order, skipping blank lines", async () => {
    const input = [
      JSON.stringify({ text: "Che ha'e peteî mbo'ehára ha aiko Asunción-pe." }),
      "",
      JSON.stringify({ text: "Não tenho tempo para ler o relatório antes da reunião.", id: 2 }),
      JSON.stringify({ text: "In tlacatl amo quimati tlen quichihuaz axcan." }),
      JSON.stringify({ text: "No tengo tiempo para leer el informe antes de la reunión." }),
    ].join("\n");
    const result = await colibriWithInput(input, "lang", "detect", "--jsonl");
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { language: string; confidence: number });
    expect(lines.map((line) => line.language)).toEqual(["gn", "pt", "nah", "es"]);
    for (const line of lines) expect(line.confidence).toBeGreaterThan(0.5);
  });

  it("fails with one line naming the bad input", async () => {
    const notJson = await colibriWithInput('{"text": "hola"}\nhola\n', "lang", "detect", "--jsonl");
    expect(notJson.code).not.toBe(0);
    expect(notJson.stderr).toBe(
      'colibri: stdin line 2 is not JSON; --jsonl expects one {"text": "..."} object per line.\n',
    );
    const noText = await colibriWithInput('{"prompt": "hola"}\n', "lang", "detect", "--jsonl");
    expect(noText.code).not.toBe(0);
    expect(noText.stderr).toMatch(/^colibri: stdin line 1 has no "text" string/);
    const empty = await colibriWithInput("  \n", "lang", "detect");
    expect(empty.code).not.toBe(0);
    expect(empty.stderr).toMatch(/^colibri: stdin is empty/);
  });

  it("shows examples in --help", async () => {
    const result = await colibriWithInput("", "lang", "detect", "--help");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("colibri lang detect --jsonl < prompts.jsonl");
  });
});
