import { mkdtemp, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { ggufHeaderBytes } from "../support/gguf-bytes.js";
import { colibri } from "../support/run-cli.js";

let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-pull-"));
  process.env["COLIBRI_HOME"] = home;
});

describe("colibri pull", () => {
  it("refuses a file that is not a GGUF model with one line and installs nothing", async () => {
    const file = join(home, "not-a-model.gguf");
    await writeFile(file, "not a model"); // 11 bytes of text

    const pulled = await colibri("pull", file);

    expect(pulled.code).toBe(1);
    expect(pulled.stdout).toBe("");
    // The status line, then the error on one line.
    expect(pulled.stderr.trim().split("\n")).toEqual([
      `Installing ${file}`,
      expect.stringMatching(
        /^colibri: \S+not-a-model\.gguf is not a GGUF model: it is text starting with "not a model"\. A GGUF file is a llama\.cpp model[^\n]*Nothing was installed\.$/,
      ),
    ]);
    const listed = JSON.parse((await colibri("models", "--json")).stdout) as {
      models: { status: string }[];
    };
    expect(listed.models.filter((model) => model.status !== "available")).toEqual([]);
    expect(await readdir(join(home, "models")).catch(() => [])).toEqual([]);
  });

  it("installs a file that starts like a GGUF model", async () => {
    const file = join(home, "tiny.gguf");
    await writeFile(file, Buffer.concat([ggufHeaderBytes(), Buffer.alloc(100)]));

    const pulled = await colibri("pull", file);

    expect(pulled.code, pulled.stderr).toBe(0);
    expect(pulled.stdout).toMatch(/^Pulled tiny \(124 B, sha256 [0-9a-f]{12}… verified\)/);
  });
});
