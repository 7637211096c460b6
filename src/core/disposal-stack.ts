/** Something that holds resources until it is closed (a store, a server, an engine…). */
export interface Closable {
  close(): Promise<void> | void;
}

/**
 * What was opened, closed in reverse order: each resource is registered as soon as it exists, and
 * `close()` runs the clean-ups last-registered first, so a resource is closed before whatever it
 * was built on. It serves for an object's whole lifetime and for construction that fails halfway
 * alike (close what was opened so far, then rethrow). Node 20 has no AsyncDisposableStack.
 */
export class DisposalStack {
  readonly #cleanups: (() => unknown)[] = [];
  #closing: Promise<void> | undefined;

  /** Run `cleanup` when the stack closes (before everything registered earlier). */
  defer(cleanup: () => unknown): void {
    if (this.#closing !== undefined) throw new Error("This disposal stack is already closed.");
    this.#cleanups.push(cleanup);
  }

  /** Close `resource` when the stack closes; returns it, so it can be registered as it is made. */
  use<T extends Closable>(resource: T): T {
    this.defer(() => resource.close());
    return resource;
  }

  /**
   * Run every clean-up, the last registered first, each awaited before the next. One that fails
   * does not stop the others: afterwards the failure is thrown, or an AggregateError with all of
   * them, in the order they happened, when several failed. Closing again waits for the first
   * close and does nothing more.
   */
  close(): Promise<void> {
    this.#closing ??= this.#closeAll();
    return this.#closing;
  }

  async #closeAll(): Promise<void> {
    const errors: unknown[] = [];
    for (
      let cleanup = this.#cleanups.pop();
      cleanup !== undefined;
      cleanup = this.#cleanups.pop()
    ) {
      try {
        await cleanup();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) {
      throw new AggregateError(errors, `${errors.length} resources failed to close.`);
    }
  }
}
