import { afterEach, describe, expect, it } from "vitest";
import { BatchService } from "../../src/queue/batch-service.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/core/records/store.js";

/** Creating a batch from a large input file, over a real store. */
const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

const lineCount = 3000;

async function uploaded() {
  const store = await openStore({ url: "sqlite::memory:", home: "/tmp/colibri-unused" });
  stores.push(store);
  const tenant = await store.tenants.ensure("clinica", 0);
  const content = Array.from({ length: lineCount }, (_, index) =>
    JSON.stringify({
      custom_id: `linea-${index}`,
      method: "POST",
      url: "/v1/chat/completions",
      body: { model: "gpt-4o-mini", messages: [{ role: "user", content: `Consulta ${index}` }] },
    }),
  ).join("\n");
  await store.files.insert(
    {
      id: "file-lote",
      tenantId: tenant.id,
      purpose: "batch",
      filename: "lote.jsonl",
      bytes: content.length,
      createdAt: 0,
    },
    content,
  );
  return { store, principal: { tenant, key: undefined } };
}

/**
 * Run `work`, counting the turns of the event loop meanwhile: each one a chance for /health, a
 * timer or a socket to be served.
 */
async function countingTurns<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let counting = true;
  const count = () => {
    if (!counting) return;
    turns++;
    setImmediate(count);
  };
  setImmediate(count);
  try {
    return { result: await work(), turns };
  } finally {
    counting = false;
  }
}

describe("batch intake", () => {
  it("lets other work run while a large input file is read and queued, and queues it whole", async () => {
    const { store, principal } = await uploaded();
    let wakes = 0;
    const service = new BatchService({
      store,
      now: () => 1_000,
      wake: () => {
        wakes++;
      },
    });
    // Reading and inserting 3,000 lines in one go gave no turn at all.
    const { result: batch, turns } = await countingTurns(() =>
      service.create(principal, {
        input_file_id: "file-lote",
        endpoint: "/v1/chat/completions",
        completion_window: "24h",
      }),
    );
    expect(turns).toBeGreaterThanOrEqual(5);
    expect(batch).toMatchObject({ status: "in_progress", request_counts: { total: lineCount } });
    const lines = await store.batches.requestsOf(batch.id);
    expect(lines.map((line) => line.customId)).toEqual(
      Array.from({ length: lineCount }, (_, index) => `linea-${index}`),
    );
    expect(wakes).toBe(1);
  });

  it("cancels a large batch a chunk of lines at a time, letting other work run between chunks", async () => {
    const { store, principal } = await uploaded();
    const service = new BatchService({ store, now: () => 1_000, wake: () => undefined });
    const batch = await service.create(principal, {
      input_file_id: "file-lote",
      endpoint: "/v1/chat/completions",
      completion_window: "24h",
    });
    // One statement over every line gave no turn.
    const { result: cancelled, turns } = await countingTurns(() =>
      service.cancel(batch.id, principal.tenant.id),
    );
    expect(turns).toBeGreaterThanOrEqual(3);
    expect(cancelled.status).toBe("cancelling");
    const counts = await store.batches.counts([batch.id]);
    expect(counts.get(batch.id)).toMatchObject({ cancelled: lineCount, pending: 0 });
  });
});
