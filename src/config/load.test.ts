import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./load.js";

async function home(config?: unknown): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "colibri-config-"));
  if (config !== undefined) await writeFile(join(folder, "config.json"), JSON.stringify(config));
  return folder;
}

describe("loadConfig", () => {
  it("runs out of the box with defaults", async () => {
    const folder = await home();
    const config = await loadConfig({ env: { COLIBRI_HOME: folder } });
    expect(config).toMatchObject({
      home: folder,
      server: { host: "127.0.0.1", port: 8080, shutdownGraceMs: 10_000 },
      model: { default: "qwen2.5-coder-1.5b-instruct" },
      engine: { maxQueue: 16, defaultMaxTokens: 512 },
    });
    expect(config.server.apiKey).toBeUndefined();
    expect(config.engine.threads).toBeUndefined(); // chosen from the machine at start-up
  });

  it("layers file ← environment ← flags, and flags left undefined do not erase", async () => {
    const folder = await home({ server: { port: 9000, host: "0.0.0.0" }, engine: { maxQueue: 4 } });
    const config = await loadConfig({
      env: { COLIBRI_HOME: folder, COLIBRI_PORT: "9100", COLIBRI_THREADS: "1", HF_TOKEN: "hf_x" },
      overrides: { server: { port: 9200, host: undefined }, engine: { sequences: 3 } },
    });
    expect(config.server).toMatchObject({ port: 9200, host: "0.0.0.0" });
    expect(config.engine).toMatchObject({ threads: 1, sequences: 3, maxQueue: 4 });
    expect(config.model.huggingfaceToken).toBe("hf_x");
  });

  it.each([
    [{ server: { port: 70_000 } }, /server\.port: Too big/],
    [{ engine: { sequences: 0 } }, /engine\.sequences/],
    [{ server: { prot: 1 } }, /server: Unrecognized key: "prot"/],
  ])("rejects %j with one line naming the field", async (file, message) => {
    const folder = await home(file);
    const error = await loadConfig({ env: { COLIBRI_HOME: folder } }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("names a non-numeric environment variable and a broken config file", async () => {
    const folder = await home();
    await expect(
      loadConfig({ env: { COLIBRI_HOME: folder, COLIBRI_PORT: "eighty" } }),
    ).rejects.toThrow("COLIBRI_PORT=eighty is not a number.");
    await writeFile(join(folder, "config.json"), "{oops");
    await expect(loadConfig({ env: { COLIBRI_HOME: folder } })).rejects.toThrow(
      /is not valid JSON/,
    );
    await expect(loadConfig({ file: join(folder, "missing.json"), env: {} })).rejects.toThrow(
      /Cannot read config file/,
    );
  });
});
