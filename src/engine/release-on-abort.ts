/**
 * Wrap a stream that holds a resource so the resource is freed as soon as `signal` aborts, even
 * while the consumer is not pulling (a stalled client): if the inner stream is paused between
 * items, it is closed and `release` runs at once; if it is working, it notices the abort itself
 * within a step and the wrapper releases when it ends. `release` runs exactly once, also when the
 * consumer stops iterating (`return()`) or the stream fails.
 */
export async function* releaseOnAbort<T>(
  inner: AsyncGenerator<T, unknown, undefined>,
  signal: AbortSignal,
  release: () => Promise<void>,
): AsyncGenerator<T, void, undefined> {
  let working = false;
  let finished: Promise<void> | undefined;
  const finish = (): Promise<void> =>
    (finished ??= (async () => {
      try {
        await inner.return(undefined);
      } catch {
        // The inner stream failed while closing; the resource is released all the same.
      }
      await release();
    })());
  const onAbort = (): void => {
    if (!working) void finish();
  };
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    for (;;) {
      signal.throwIfAborted();
      working = true;
      const step = await inner.next();
      working = false;
      if (step.done === true) return;
      yield step.value;
    }
  } finally {
    signal.removeEventListener("abort", onAbort);
    working = false;
    await finish();
  }
}
