import { describe, expect, it } from "vitest";
import { GroupCommitWriter } from "./group-commit.js";

/** A fake database: each transaction sees its own list of writes, kept only when it commits. */
function fakeDatabase(options: { failOn?: string } = {}) {
  const committed: string[] = [];
  const transactions: string[][] = [];
  let gate: Promise<void> = Promise.resolve();
  return {
    committed,
    transactions,
    /** Hold every transaction until `release` is called. */
    hold() {
      let release!: () => void;
      gate = new Promise((resolve) => (release = resolve));
      return release;
    },
    transaction: async <T>(work: (context: string[]) => Promise<T>): Promise<T> => {
      await gate;
      const writes: string[] = [];
      const result = await work(writes);
      if (options.failOn !== undefined && writes.includes(options.failOn)) {
        throw new Error(`cannot write ${options.failOn}`);
      }
      transactions.push(writes);
      committed.push(...writes);
      return result;
    },
  };
}

const write = (value: string) => (writes: string[]) => {
  writes.push(value);
  return Promise.resolve(value);
};

describe("GroupCommitWriter", () => {
  it("writes what is queued together in one transaction, and tells each write its result", async () => {
    const database = fakeDatabase();
    const writer = new GroupCommitWriter({ transaction: database.transaction, intervalMs: 1 });
    const queued = await Promise.all(["a", "b", "c"].map((value) => writer.enqueue(write(value))));
    expect(database.committed).toEqual([]);
    expect(await Promise.all(queued.map((write) => write.committed))).toEqual(["a", "b", "c"]);
    expect(database.transactions).toEqual([["a", "b", "c"]]);
    expect(writer.pending).toBe(0);
    expect(writer.flush()).toBeUndefined();
  });

  it("writes at most maxBatch per transaction", async () => {
    const database = fakeDatabase();
    const writer = new GroupCommitWriter({ transaction: database.transaction, maxBatch: 2 });
    const values = ["a", "b", "c", "d", "e"];
    await Promise.all(values.map((value) => writer.enqueue(write(value))));
    await writer.flush();
    expect(database.transactions).toEqual([["a", "b"], ["c", "d"], ["e"]]);
  });

  it("loses only the write that fails: the others are written one by one", async () => {
    const database = fakeDatabase({ failOn: "bad" });
    const writer = new GroupCommitWriter({ transaction: database.transaction });
    const queued = await Promise.all(
      ["a", "bad", "c"].map((value) => writer.enqueue(write(value))),
    );
    await writer.flush();
    await expect(queued[0]?.committed).resolves.toBe("a");
    await expect(queued[1]?.committed).rejects.toThrow("cannot write bad");
    await expect(queued[2]?.committed).resolves.toBe("c");
    expect(database.committed).toEqual(["a", "c"]);
  });

  it("flush waits for what is being written and what was queued meanwhile", async () => {
    const database = fakeDatabase();
    const writer = new GroupCommitWriter({ transaction: database.transaction, intervalMs: 60_000 });
    const release = database.hold();
    await writer.enqueue(write("a"), { soon: true });
    await new Promise((resolve) => setImmediate(resolve));
    await writer.enqueue(write("b"));
    const flushed = writer.flush();
    expect(flushed).toBeDefined();
    release();
    await flushed;
    expect(database.committed).toEqual(["a", "b"]);
  });

  it("bounds the queue: past maxQueued a write waits until a flush makes room", async () => {
    const database = fakeDatabase();
    const writer = new GroupCommitWriter({
      transaction: database.transaction,
      maxQueued: 2,
      intervalMs: 60_000,
    });
    const release = database.hold();
    await writer.enqueue(write("a"));
    await writer.enqueue(write("b"));
    let third = false;
    const waiting = writer.enqueue(write("c")).then((queued) => {
      third = true;
      return queued;
    });
    // The full queue is written at once (not after the 60 s interval); the transaction is held.
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(third).toBe(true);
    release();
    await writer.flush();
    await (
      await waiting
    ).committed;
    expect(database.committed).toEqual(["a", "b", "c"]);
  });

  it("close writes everything queued and refuses more", async () => {
    const database = fakeDatabase();
    const writer = new GroupCommitWriter({ transaction: database.transaction, intervalMs: 60_000 });
    await Promise.all(["a", "b"].map((value) => writer.enqueue(write(value))));
    await writer.close();
    expect(database.committed).toEqual(["a", "b"]);
    await expect(writer.enqueue(write("c"))).rejects.toThrow("closed");
  });
});
