import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openStore } from "./open-store.js";
import type { Store } from "../core/records/store.js";

let folder: string | undefined;
let store: Store | undefined;
let other: BetterSqlite3.Database | undefined;

afterEach(async () => {
  if (other?.inTransaction === true) other.exec("rollback");
  other?.close();
  await store?.close();
  store = other = undefined;
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

async function storeAndSecondConnection(): Promise<BetterSqlite3.Database> {
  folder = await mkdtemp(join(tmpdir(), "colibri-busy-"));
  const file = join(folder, "colibri.db");
  store = await openStore({ url: `sqlite:${file}`, home: folder });
  other = new BetterSqlite3(file);
  return other;
}

describe("a SQLite write that finds the write lock taken", () => {
  it("waits for it without holding the event loop, and goes through once it is free", async () => {
    const holder = await storeAndSecondConnection();
    holder.exec("begin immediate");
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 5);
    const write = store?.tenants.ensure("clinica", 1);
    // The lock's holder runs on this same thread: a wait inside the call would never see it
    // let go, and would fail with SQLITE_BUSY after 5 s.
    await new Promise((resolve) => setTimeout(resolve, 100));
    holder.exec("commit");
    await write;
    clearInterval(ticker);
    expect(ticks).toBeGreaterThanOrEqual(5);
    expect((await store?.tenants.list())?.map((tenant) => tenant.name)).toContain("clinica");
  });

  it("fails with SQLITE_BUSY after 5 s, as before, when the lock stays taken", async () => {
    const holder = await storeAndSecondConnection();
    holder.exec("begin immediate");
    const started = performance.now();
    await expect(
      store?.transaction((repositories) => repositories.tenants.ensure("escuela", 1)),
    ).rejects.toMatchObject({ code: "SQLITE_BUSY" });
    expect(performance.now() - started).toBeGreaterThanOrEqual(4900);
  }, 10_000);
});
