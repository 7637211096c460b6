import type { ChatEvent } from "../core/chat.js";

/**
 * An event stream read to its end in the background, as fast as its source gives events, and
 * replayed on demand: the source (a local generation holding a sequence) finishes and frees what
 * it holds without waiting for anyone to read it. Its failure is kept and thrown to the reader at
 * the place it happened. `return()` stops the reading (within one event) and closes the source.
 */
export class ReadAheadEvents implements AsyncIterableIterator<ChatEvent> {
  readonly #source: AsyncIterator<ChatEvent>;
  readonly #buffered: ChatEvent[] = [];
  #failure: { error: unknown } | undefined;
  #ended = false;
  #stopped = false;
  #wake: (() => void) | undefined;
  readonly #reading: Promise<void>;

  constructor(source: AsyncIterator<ChatEvent>) {
    this.#source = source;
    this.#reading = this.#read();
  }

  /** Whether the source has ended (complete or failed): it holds nothing any more. */
  get ended(): boolean {
    return this.#ended;
  }

  async next(): Promise<IteratorResult<ChatEvent>> {
    for (;;) {
      const event = this.#buffered.shift();
      if (event !== undefined) return { done: false, value: event };
      if (this.#failure !== undefined) {
        const { error } = this.#failure;
        this.#failure = undefined;
        throw error;
      }
      if (this.#ended || this.#stopped) return { done: true, value: undefined };
      await new Promise<void>((resolve) => (this.#wake = resolve));
    }
  }

  async return(): Promise<IteratorResult<ChatEvent>> {
    await this.close();
    return { done: true, value: undefined };
  }

  /** Stop reading and close the source; what was read is dropped. */
  async close(): Promise<void> {
    this.#stopped = true;
    await this.#reading;
    this.#buffered.length = 0;
    this.#failure = undefined;
    if (!this.#ended) {
      this.#ended = true;
      await this.#source.return?.();
    }
  }

  [Symbol.asyncIterator](): AsyncIterableIterator<ChatEvent> {
    return this;
  }

  async #read(): Promise<void> {
    try {
      while (!this.#stopped) {
        const result = await this.#source.next();
        if (result.done === true) {
          this.#ended = true;
          break;
        }
        this.#buffered.push(result.value);
        this.#notify();
      }
    } catch (error) {
      this.#ended = true;
      this.#failure = { error };
    }
    this.#notify();
  }

  #notify(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }
}
