import { setImmediate as turn } from "node:timers/promises";

/**
 * Lets long computation on the event loop give other requests a turn: `pace()` waits for one
 * turn of the loop (timers, I/O) once `sliceMilliseconds` have passed since the last one, and
 * returns at once otherwise. One pacer per request spans all of that request's work.
 */
export class EventLoopPacer {
  readonly #sliceMilliseconds: number;
  readonly #now: () => number;
  #lastTurn: number;

  constructor(sliceMilliseconds = 10, now: () => number = () => performance.now()) {
    this.#sliceMilliseconds = sliceMilliseconds;
    this.#now = now;
    this.#lastTurn = now();
  }

  async pace(): Promise<void> {
    if (this.#now() - this.#lastTurn < this.#sliceMilliseconds) return;
    await turn();
    this.#lastTurn = this.#now();
  }
}
