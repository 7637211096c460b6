import { existsSync } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "./open-store.js";
import { walLimitBytes } from "./sqlite-checkpointer.js";
import type { Store } from "../core/records/store.js";

let folder: string | undefined;
let store: Store | undefined;

afterEach(async () => {
  await store?.close();
  store = undefined;
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

async function openFileStore(): Promise<string> {
  folder = await mkdtemp(join(tmpdir(), "colibri-wal-"));
  const file = join(folder, "colibri.db");
  store = await openStore({ url: `sqlite:${file}`, home: folder });
  return file;
}

const walSize = async (file: string) => (await stat(`${file}-wal`).catch(() => ({ size: 0 }))).size;

describe("SQLite checkpoints", () => {
  it("move the write-ahead log into the database file in the background", async () => {
    const file = await openFileStore();
    const sizeBefore = (await stat(file)).size;
    for (let index = 0; index < 200; index++) {
      await store?.tenants.ensure(`tenant-${index}`, index);
    }
    // Automatic checkpoints are off on the serving connection: only the worker moves pages.
    expect((await stat(`${file}-wal`)).size).toBeGreaterThan(0);
    await expect
      .poll(async () => (await stat(file)).size, { timeout: 5000, interval: 200 })
      .toBeGreaterThan(sizeBefore);
    expect(await store?.tenants.list()).toHaveLength(200);
  });

  it("empty a write-ahead log that grew past the limit instead of keeping its size", async () => {
    const file = await openFileStore();
    // One large write (a 12 MB file) grows the log past the limit in a single transaction.
    const tenant = await store?.tenants.ensure("clinica", 0);
    const content = "{}\n".repeat(4_000_000);
    await store?.files.insert(
      {
        id: "file-1",
        tenantId: tenant?.id ?? "",
        purpose: "batch",
        filename: "lote.jsonl",
        bytes: content.length,
        createdAt: 0,
      },
      content,
    );
    expect(await walSize(file)).toBeGreaterThan(walLimitBytes);
    await expect
      .poll(() => walSize(file), { timeout: 8000, interval: 200 })
      .toBeLessThanOrEqual(walLimitBytes);
    expect(await store?.files.content("file-1", tenant?.id ?? "")).toHaveLength(content.length);
  });

  it("leave no write-ahead log behind once the store is closed", async () => {
    const file = await openFileStore();
    await store?.tenants.ensure("clinica", 0);
    expect(existsSync(`${file}-wal`)).toBe(true);
    await store?.close();
    store = undefined;
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});
