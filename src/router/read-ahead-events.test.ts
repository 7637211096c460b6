import { describe, expect, it, vi } from "vitest";
import type { ChatEvent } from "../core/chat.js";
import { ReadAheadEvents } from "./read-ahead-events.js";

function delta(text: string): ChatEvent {
  return { type: "delta", text, logprobs: [], usage: { promptTokens: 1, completionTokens: 1 } };
}

/** A source that records whether it has finished (what a local generation holds is freed). */
function source(texts: string[], failure?: Error) {
  const state = { finished: false, read: 0 };
  async function* events(): AsyncGenerator<ChatEvent> {
    try {
      for (const text of texts) {
        await new Promise((resolve) => setTimeout(resolve, 1));
        state.read++;
        yield delta(text);
      }
      if (failure !== undefined) throw failure;
    } finally {
      state.finished = true;
    }
  }
  return { state, events: events() };
}

async function texts(events: AsyncIterable<ChatEvent>): Promise<string[]> {
  const read: string[] = [];
  for await (const event of events) if (event.type === "delta") read.push(event.text);
  return read;
}

describe("ReadAheadEvents", () => {
  it("reads its source to the end with no reader, then replays every event in order", async () => {
    const { state, events } = source(["a", "b", "c"]);
    const ahead = new ReadAheadEvents(events);
    await vi.waitFor(() => {
      expect(state.finished).toBe(true);
    });
    expect(ahead.ended).toBe(true);
    expect(await texts(ahead)).toEqual(["a", "b", "c"]);
  });

  it("hands events to a reader waiting for them as they come", async () => {
    const { events } = source(["a", "b"]);
    expect(await texts(new ReadAheadEvents(events))).toEqual(["a", "b"]);
  });

  it("throws the source's failure after the events read before it", async () => {
    const { events } = source(["a"], new Error("engine closed"));
    const ahead = new ReadAheadEvents(events);
    await expect(ahead.next()).resolves.toMatchObject({ value: { text: "a" } });
    await expect(ahead.next()).rejects.toThrow("engine closed");
  });

  it("stops reading and closes the source when closed", async () => {
    const { state, events } = source(Array.from({ length: 100 }, () => "x"));
    const ahead = new ReadAheadEvents(events);
    await vi.waitFor(() => {
      expect(state.read).toBeGreaterThan(0);
    });
    await ahead.close();
    expect(state.finished).toBe(true);
    expect(state.read).toBeLessThan(100);
    await expect(ahead.next()).resolves.toEqual({ done: true, value: undefined });
  });
});
