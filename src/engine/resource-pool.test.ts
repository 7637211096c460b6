import { describe, expect, it } from "vitest";
import { EngineBusyError } from "../core/errors.js";
import { ResourcePool } from "./resource-pool.js";

describe("ResourcePool", () => {
  it("hands out free resources, then queues FIFO and gives a released one to the first waiter", async () => {
    const pool = new ResourcePool({ resources: ["a", "b"], maxQueue: 4 });
    const first = await pool.acquire();
    const second = await pool.acquire();
    const order: string[] = [];
    const third = pool.acquire().then((value) => order.push(`third:${value}`));
    const fourth = pool.acquire().then((value) => order.push(`fourth:${value}`));
    expect(pool.status()).toEqual({ total: 2, inUse: 2, queued: 2, maxQueue: 4 });
    pool.release(second);
    pool.release(first);
    await Promise.all([third, fourth]);
    expect(order).toEqual([`third:${second}`, `fourth:${first}`]);
    expect(pool.status()).toMatchObject({ inUse: 2, queued: 0 });
  });

  it("throws EngineBusyError with a Retry-After from measured hold times when the queue is full", async () => {
    let now = 0;
    const pool = new ResourcePool({
      resources: ["a"],
      maxQueue: 1,
      now: () => now,
      initialHoldSeconds: 1,
    });
    for (let request = 0; request < 20; request++) {
      const resource = await pool.acquire();
      now += 2_000;
      pool.release(resource);
    }
    await pool.acquire();
    const waiting = pool.acquire();
    const error = await pool.acquire().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EngineBusyError);
    expect((error as EngineBusyError).status).toBe(429);
    // ~2 s per request, 1 waiting ahead and 1 resource: two rounds.
    expect((error as EngineBusyError).retryAfterSeconds).toBe(4);
    expect(pool.status().queued).toBe(1);
    pool.close(new Error("closed"));
    await expect(waiting).rejects.toThrow("closed");
  });

  it("with maxQueue 0 refuses as soon as everything is in use", async () => {
    const pool = new ResourcePool({ resources: ["a"], maxQueue: 0 });
    await pool.acquire();
    await expect(pool.acquire()).rejects.toBeInstanceOf(EngineBusyError);
  });

  it("removes an aborted waiter from the queue, rejecting with the abort reason", async () => {
    const pool = new ResourcePool({ resources: ["a"], maxQueue: 2 });
    const held = await pool.acquire();
    const controller = new AbortController();
    const aborted = pool.acquire(controller.signal);
    const next = pool.acquire();
    controller.abort(new Error("client left"));
    await expect(aborted).rejects.toThrow("client left");
    expect(pool.status().queued).toBe(1);
    pool.release(held);
    await expect(next).resolves.toBe("a");
  });

  it("rejects acquire after close and with an already aborted signal", async () => {
    const pool = new ResourcePool({ resources: ["a"], maxQueue: 2 });
    await expect(pool.acquire(AbortSignal.abort(new Error("gone")))).rejects.toThrow("gone");
    pool.close(new Error("engine closed"));
    await expect(pool.acquire()).rejects.toThrow("engine closed");
  });

  it("replaces a broken resource and retires one that cannot be replaced", async () => {
    const pool = new ResourcePool({ resources: ["a", "b"], maxQueue: 2 });
    const broken = await pool.acquire();
    pool.replace(broken, "c");
    const replacement = await pool.acquire();
    expect(replacement).toBe("c");
    pool.retire(replacement);
    expect(pool.status()).toMatchObject({ total: 1, inUse: 0 });
    const remaining = await pool.acquire();
    expect(["a", "b"].filter((name) => name !== broken)).toEqual([remaining]);
  });

  it("hands out the most recently released resource first (its memory is warm)", async () => {
    const pool = new ResourcePool({ resources: ["a", "b", "c"], maxQueue: 0 });
    const used = await pool.acquire();
    pool.release(used);
    await expect(pool.acquire()).resolves.toBe(used);
  });
});
