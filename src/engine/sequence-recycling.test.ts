import { describe, expect, it } from "vitest";
import { ResourcePool } from "./resource-pool.js";
import { ClearingGate, recycleSequence, type RecyclableSequence } from "./sequence-recycling.js";

/** A sequence whose clearing the test finishes (or fails) when it wants. */
class FakeSequence implements RecyclableSequence {
  disposed = false;
  #finishClearing: ((error?: Error) => void) | undefined;

  constructor(readonly name: string) {}

  clearHistory(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#finishClearing = (error) => {
        if (error === undefined) resolve();
        else reject(error);
      };
    });
  }

  finishClearing(error?: Error): void {
    this.#finishClearing?.(error);
  }

  dispose(): Promise<void> {
    this.disposed = true;
    return Promise.resolve();
  }
}

function setup(names: string[], fresh: () => FakeSequence = () => new FakeSequence("fresh")) {
  const sequences = names.map((name) => new FakeSequence(name));
  const pool = new ResourcePool({ resources: sequences, maxQueue: 4 });
  const logged: string[] = [];
  let closing = false;
  const recycling = {
    pool,
    fresh,
    closing: () => closing,
    logger: (_level: string, message: string) => logged.push(message),
  };
  return { pool, recycling, logged, close: () => (closing = true) };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe("recycleSequence", () => {
  it("keeps the sequence busy while it is cleared and hands it to a waiting request only once clean", async () => {
    const { pool, recycling } = setup(["a"]);
    const used = await pool.acquire();
    const recycled = recycleSequence(used, recycling);
    let next: FakeSequence | undefined;
    const waiting = pool.acquire().then((sequence) => (next = sequence));
    await settle();
    expect(next).toBeUndefined();
    expect(pool.status()).toMatchObject({ inUse: 1, queued: 1 });

    used.finishClearing();
    await recycled;
    await waiting;
    expect(next).toBe(used);
  });

  it("replaces a sequence that cannot be cleared with a fresh one, and logs why", async () => {
    const { pool, recycling, logged } = setup(["a"]);
    const used = await pool.acquire();
    const recycled = recycleSequence(used, recycling);
    used.finishClearing(new Error("KV cache broken"));
    await recycled;
    expect(used.disposed).toBe(true);
    expect((await pool.acquire()).name).toBe("fresh");
    expect(logged.join("\n")).toContain("KV cache broken");
  });

  it("retires a sequence that can be neither cleared nor replaced, without rejecting", async () => {
    const { pool, recycling, logged } = setup(["a", "b"], () => {
      throw new Error("no sequence left");
    });
    const used = await pool.acquire();
    const recycled = recycleSequence(used, recycling);
    used.finishClearing(new Error("KV cache broken"));
    await expect(recycled).resolves.toBeUndefined();
    expect(pool.status()).toMatchObject({ total: 1, inUse: 0 });
    expect(logged.join("\n")).toContain("no sequence left");
  });

  it("gives a sequence back uncleared while the engine closes, and stays quiet about failures then", async () => {
    const { pool, recycling, logged, close } = setup(["a", "b"]);
    const clearedWhenClosed = await pool.acquire();
    const clearing = recycleSequence(clearedWhenClosed, recycling);
    close();
    clearedWhenClosed.finishClearing(new Error("context disposed"));
    await clearing;
    expect(logged).toEqual([]);

    // Once closing, one is not cleared at all (its clearing would never finish here).
    const usedWhenClosed = await pool.acquire();
    await recycleSequence(usedWhenClosed, recycling);
    // The one whose clearing failed stays leased: the pool closes with the engine.
    expect(pool.status()).toMatchObject({ inUse: 1 });
    expect(logged).toEqual([]);
  });
});

describe("ClearingGate", () => {
  it("holds generations back only while a clear waits, and lets them go when it is done", async () => {
    const gate = new ClearingGate(60_000);
    expect(gate.pause()).toBeUndefined();
    let finish!: () => void;
    const clearing = gate.around(() => new Promise<void>((resolve) => (finish = resolve)));
    let released = false;
    const pause = gate.pause()!.then(() => (released = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(released).toBe(false);
    finish();
    await clearing;
    await pause;
    expect(released).toBe(true);
    expect(gate.pause()).toBeUndefined();
  });

  it("never holds a generation longer than its bound, even if a clear never ends", async () => {
    const gate = new ClearingGate(5);
    void gate.around(() => new Promise<void>(() => undefined));
    await gate.pause(); // resolves by the 5 ms bound, or the test times out
    expect(gate.pause()).toBeDefined();
  });

  it("lets generations go when a clear fails", async () => {
    const gate = new ClearingGate(60_000);
    const failed = gate.around(() => Promise.reject(new Error("no")));
    const pause = gate.pause();
    await expect(failed).rejects.toThrow("no");
    await pause;
    expect(gate.pause()).toBeUndefined();
  });
});
