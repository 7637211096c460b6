import type { ChatEvent } from "../core/chat.js";

/**
 * An event stream some of whose events were already read (to decide a route, or to surface an
 * error before any byte is sent): yields those first, then the rest. `close()` stops the source
 * and frees what it holds.
 */
export class PrefetchedEvents implements AsyncIterableIterator<ChatEvent> {
  readonly #held: ChatEvent[];
  readonly #rest: AsyncIterator<ChatEvent>;
  readonly #map: (event: ChatEvent) => ChatEvent;
  #finished: boolean;

  constructor(
    held: readonly ChatEvent[],
    rest: AsyncIterator<ChatEvent>,
    options: { finished: boolean; map?: (event: ChatEvent) => ChatEvent },
  ) {
    this.#held = [...held];
    this.#rest = rest;
    this.#finished = options.finished;
    this.#map = options.map ?? ((event) => event);
  }

  /** Read the first event now, so a failure to start surfaces before anything is written. */
  static async start(
    events: AsyncIterable<ChatEvent>,
    map?: (event: ChatEvent) => ChatEvent,
  ): Promise<PrefetchedEvents> {
    const iterator = events[Symbol.asyncIterator]();
    const first = await iterator.next();
    const held = first.done === true ? [] : [first.value];
    return new PrefetchedEvents(held, iterator, {
      finished: first.done === true,
      ...(map === undefined ? {} : { map }),
    });
  }

  async next(): Promise<IteratorResult<ChatEvent>> {
    const held = this.#held.shift();
    if (held !== undefined) return { done: false, value: this.#map(held) };
    if (this.#finished) return { done: true, value: undefined };
    const result = await this.#rest.next();
    if (result.done === true) {
      this.#finished = true;
      return result;
    }
    return { done: false, value: this.#map(result.value) };
  }

  async return(): Promise<IteratorResult<ChatEvent>> {
    await this.close();
    return { done: true, value: undefined };
  }

  async close(): Promise<void> {
    this.#held.length = 0;
    if (this.#finished) return;
    this.#finished = true;
    await this.#rest.return?.();
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChatEvent> {
    return this;
  }
}
