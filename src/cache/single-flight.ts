/** One request's turn on a key: it leads (and must call `done`), or it waits for the leader. */
export type Flight = { leader: true; done: () => void } | { leader: false; landed: Promise<void> };

/**
 * Request coalescing per cache key, in this process: of identical cacheable requests arriving
 * together, the first goes to the model and the others wait until it has finished (and saved
 * its answer), then read the cache instead of paying for the same answer again.
 */
export class SingleFlight {
  readonly #leaders = new Map<string, Promise<void>>();

  join(key: string): Flight {
    const landed = this.#leaders.get(key);
    if (landed !== undefined) return { leader: false, landed };
    let done!: () => void;
    const flight = new Promise<void>((resolve) => {
      done = resolve;
    });
    this.#leaders.set(key, flight);
    return {
      leader: true,
      done: () => {
        if (this.#leaders.get(key) === flight) this.#leaders.delete(key);
        done();
      },
    };
  }

  /** Keys whose leader is still running. */
  get size(): number {
    return this.#leaders.size;
  }
}
