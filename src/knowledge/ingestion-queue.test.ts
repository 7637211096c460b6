import { describe, expect, it } from "vitest";
import { IngestionQueue } from "./ingestion-queue.js";

/** A job that records its start and ends when `release` is called. */
function gated(log: string[], name: string) {
  let release: (value: undefined) => void = () => undefined;
  const done = new Promise<undefined>((resolve) => {
    release = resolve;
  });
  return {
    job: async () => {
      log.push(name);
      await done;
    },
    release: () => {
      release(undefined);
    },
  };
}

describe("IngestionQueue", () => {
  it("runs one job per tenant at a time and serves waiting tenants in turn", async () => {
    const log: string[] = [];
    const queue = new IngestionQueue(1);
    const a1 = gated(log, "a1");
    const jobs = { a2: gated(log, "a2"), a3: gated(log, "a3"), b1: gated(log, "b1") };
    queue.enqueue("a", a1.job);
    queue.enqueue("a", jobs.a2.job);
    queue.enqueue("a", jobs.a3.job);
    queue.enqueue("b", jobs.b1.job);
    expect(log).toEqual(["a1"]);
    for (const job of [a1, jobs.b1, jobs.a2, jobs.a3]) {
      job.release();
      await new Promise((resolve) => setImmediate(resolve));
    }
    await queue.idle();
    // b's only job did not wait behind a's backlog.
    expect(log).toEqual(["a1", "b1", "a2", "a3"]);
  });

  it("gives a second slot to another tenant, never to the same one, and survives failures", async () => {
    const log: string[] = [];
    const queue = new IngestionQueue(2);
    const a1 = gated(log, "a1");
    queue.enqueue("a", a1.job);
    queue.enqueue("a", () => Promise.reject(new Error("broken file")));
    const b1 = gated(log, "b1");
    queue.enqueue("b", b1.job);
    expect(log).toEqual(["a1", "b1"]);
    expect(queue.size).toBe(3);
    a1.release();
    b1.release();
    await queue.idle();
    expect(queue.size).toBe(0);
  });
});
