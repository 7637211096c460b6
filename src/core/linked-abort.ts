export interface LinkedAbort {
  /** Aborts (with the same reason) as soon as any of the linked signals aborts. */
  signal: AbortSignal;
  /** Stop listening to the linked signals; call when the work is over. */
  dispose(): void;
}

/**
 * One signal that follows several. Unlike `AbortSignal.any`, it detaches from its sources when
 * disposed, so a long-lived source (the engine's own close signal) does not collect a dependant
 * per request.
 */
export function linkAbortSignals(sources: readonly (AbortSignal | undefined)[]): LinkedAbort {
  const controller = new AbortController();
  const present = sources.filter((source): source is AbortSignal => source !== undefined);
  const listeners = new Map<AbortSignal, () => void>();
  const dispose = (): void => {
    for (const [source, listener] of listeners) source.removeEventListener("abort", listener);
    listeners.clear();
  };
  for (const source of present) {
    if (source.aborted) {
      controller.abort(source.reason);
      break;
    }
    const listener = (): void => {
      controller.abort(source.reason);
      dispose();
    };
    listeners.set(source, listener);
    source.addEventListener("abort", listener, { once: true });
  }
  if (controller.signal.aborted) dispose();
  return { signal: controller.signal, dispose };
}
