import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { writeGguf } from "../../src/models/convert/gguf-writer.js";
import { ModelStore } from "../../src/models/model-store.js";
import { writeLoraAdapterFile } from "../support/lora-adapter-file.js";
import { colibri, expectOneLineError } from "../support/run-cli.js";

/*
 * `colibri models add-adapter` (issue 25): a LoRA adapter in llama.cpp's GGUF format installed
 * under its own name beside its base model, registered like a model, and resolved to the base's
 * file with the adapter's; anything that is not an adapter of the base's architecture refused.
 */
let home: string;

beforeEach(async () => {
  home = await mkdtemp(join(tmpdir(), "colibri-cli-adapter-"));
  process.env["COLIBRI_HOME"] = home;
});

/** A GGUF with a model's header and no weights: enough to install, not to load. */
async function installBase(name: string, architecture: string): Promise<void> {
  const file = join(home, `${name}.gguf`);
  await writeGguf(file, {
    metadata: [
      ["general.architecture", { type: "string", value: architecture }],
      ["general.name", { type: "string", value: name }],
    ],
    tensors: [],
  });
  const pulled = await colibri("pull", file);
  expect(pulled.code, pulled.stderr).toBe(0);
}

async function adapterFile(name: string, architecture = "llama"): Promise<string> {
  const file = join(home, `${name}.gguf`);
  await writeLoraAdapterFile(file, {
    architecture,
    matrices: [{ name: "blk.0.attn_output", inputs: 8, outputs: 8 }],
    rank: 2,
    alpha: 4,
    value: (_tensor, index) => index / 100,
  });
  return file;
}

describe("colibri models add-adapter", () => {
  it("installs an adapter of an installed model, registers it, and resolves it to its base with the adapter", async () => {
    await installBase("base-llama", "llama");
    const file = await adapterFile("clinica");
    const added = await colibri(
      "models",
      "add-adapter",
      "base-llama-clinica",
      "--base",
      "base-llama",
      "--file",
      file,
      "--scale",
      "0.5",
    );
    expect(added.code, added.stderr).toBe(0);
    expect(added.stderr).toContain("Installed adapter base-llama-clinica of base-llama");

    const resolved = await new ModelStore({ home }).resolve("base-llama-clinica");
    expect(resolved.path).toBe((await new ModelStore({ home }).resolve("base-llama")).path);
    expect(resolved.adapter).toEqual({
      path: join(home, "models", "base-llama-clinica.lora.gguf"),
      scale: 0.5,
    });

    expect((await colibri("models")).stdout).toMatch(
      /base-llama-clinica\s+.*installed\s+adapter of base-llama/,
    );

    // Tried like a model: the registry knows it as an adapter.
    const named = await colibri("models", "candidate", "base-llama-clinica", "--mode", "shadow");
    expect(named.code, named.stderr).toBe(0);
    const history = await colibri("models", "history", "--json");
    expect(history.stdout).toContain('"model": "base-llama-clinica"');

    expectOneLineError(
      await colibri("rm", "base-llama", "--yes"),
      /base of the adapter base-llama-clinica: remove it first/,
    );

    const again = await colibri(
      "models",
      "add-adapter",
      "base-llama-clinica",
      "--base",
      "base-llama",
      "--file",
      file,
    );
    expectOneLineError(again, /already installed/);
  });

  it("refuses a file that is not a LoRA adapter, one made for another architecture, and a missing base", async () => {
    await installBase("base-llama", "llama");
    await installBase("base-qwen", "qwen2");
    const model = join(home, "base-llama.gguf");
    const notAdapter = await colibri(
      "models",
      "add-adapter",
      "x",
      "--base",
      "base-llama",
      "--file",
      model,
    );
    expectOneLineError(
      notAdapter,
      /is not a LoRA adapter: its header says general.type = undefined/,
    );

    const other = await colibri(
      "models",
      "add-adapter",
      "x",
      "--base",
      "base-qwen",
      "--file",
      await adapterFile("llama-made"),
    );
    expectOneLineError(other, /made for llama models, and base-qwen is a qwen2 model/);

    const missing = await colibri(
      "models",
      "add-adapter",
      "x",
      "--base",
      "nope",
      "--file",
      await adapterFile("orphan"),
    );
    expectOneLineError(missing, /nope/);
    expect((await new ModelStore({ home }).list()).map((entry) => entry.name)).toEqual([
      "base-llama",
      "base-qwen",
    ]);
  });
});
