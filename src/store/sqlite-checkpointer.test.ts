import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "./open-store.js";
import type { Store } from "../core/records/store.js";

let folder: string | undefined;
let store: Store | undefined;

afterEach(async () => {
  await store?.close();
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe("SQLite checkpoints", () => {
  it("move the write-ahead log into the database file in the background", async () => {
    folder = await mkdtemp(join(tmpdir(), "colibri-wal-"));
    const file = join(folder, "colibri.db");
    store = await openStore({ url: `sqlite:${file}`, home: folder });
    const sizeBefore = (await stat(file)).size;
    for (let index = 0; index < 200; index++) {
      await store.tenants.ensure(`tenant-${index}`, index);
    }
    // Automatic checkpoints are off on the serving connection: only the worker moves pages.
    expect((await stat(`${file}-wal`)).size).toBeGreaterThan(0);
    await expect
      .poll(async () => (await stat(file)).size, { timeout: 5000, interval: 200 })
      .toBeGreaterThan(sizeBefore);
    expect(await store.tenants.list()).toHaveLength(200);
  });
});
