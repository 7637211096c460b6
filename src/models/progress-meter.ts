/**
 * `received` and `total` in bytes (`total` undefined when the size is unknown), the recent speed,
 * and the estimated seconds left (undefined while unknown).
 */
export type ProgressCallback = (
  received: number,
  total: number | undefined,
  bytesPerSecond: number,
  etaSeconds: number | undefined,
) => void;

export interface ProgressMeterOptions {
  total: number | undefined;
  onProgress?: ProgressCallback | undefined;
  /** Milliseconds clock; injectable for tests. */
  now?: () => number;
  /** At most one report per interval, plus the final one. */
  intervalMs?: number;
  /** Speed is measured over this trailing window. */
  windowMs?: number;
}

/** Turns byte counts into throttled progress reports with speed (over a trailing window) and ETA. */
export class ProgressMeter {
  private readonly samples: { time: number; received: number }[] = [];
  private lastReport = Number.NEGATIVE_INFINITY;
  private received = 0;
  private total: number | undefined;
  private readonly now: () => number;
  private readonly intervalMs: number;
  private readonly windowMs: number;

  constructor(private readonly options: ProgressMeterOptions) {
    this.total = options.total;
    this.now = options.now ?? Date.now;
    this.intervalMs = options.intervalMs ?? 200;
    this.windowMs = options.windowMs ?? 5_000;
  }

  /** Set the absolute count (a resumed download starts at its prefix length). */
  update(received: number, total: number | undefined = this.total): void {
    if (received < this.received) this.samples.length = 0; // restarted from zero
    this.received = received;
    this.total = total;
    const time = this.now();
    this.samples.push({ time, received });
    while (this.samples.length > 2 && time - (this.samples[0]?.time ?? time) > this.windowMs) {
      this.samples.shift();
    }
    if (time - this.lastReport >= this.intervalMs) this.report(time);
  }

  add(bytes: number): void {
    this.update(this.received + bytes);
  }

  /** Report the current state now, unthrottled (call once at the end). */
  finish(): void {
    this.report(this.now());
  }

  private report(time: number): void {
    this.lastReport = time;
    const first = this.samples[0];
    const elapsedSeconds = first === undefined ? 0 : (time - first.time) / 1000;
    const bytesPerSecond =
      first === undefined || elapsedSeconds <= 0
        ? 0
        : (this.received - first.received) / elapsedSeconds;
    const etaSeconds =
      this.total === undefined || bytesPerSecond <= 0
        ? undefined
        : Math.max(0, (this.total - this.received) / bytesPerSecond);
    this.options.onProgress?.(this.received, this.total, bytesPerSecond, etaSeconds);
  }
}
