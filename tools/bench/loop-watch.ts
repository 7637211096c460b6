/**
 * What held a thread's event loop, for the benchmarks that time a gateway in their own process.
 *
 * A slow answer is either the loop being busy (our code, or the garbage collector, on the CPU) or
 * the thread not running at all: waiting for a core the operating system gave to another process,
 * or asleep in a system call (a disk write, a lock). `perf_hooks.monitorEventLoopDelay` sees both
 * as delay. So a timer also ticks every `tickMs` and, where Linux keeps them, reads the thread's
 * own scheduler figures (/proc/thread-self/schedstat: nanoseconds on a CPU, nanoseconds waiting
 * in a run queue) at each tick: the longest gap between ticks is split into "on the CPU" (the loop
 * was blocked by work), "waiting for a CPU" (the OS did not schedule the thread) and the rest
 * (asleep in a call).
 */
import { readFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

export interface LoopStall {
  /** Milliseconds between two ticks that should have been `tickMs` apart. */
  gapMs: number;
  /** Of which the thread ran on a CPU (null where the OS keeps no figures). */
  onCpuMs: number | null;
  /** Of which it was ready to run and waited for a CPU. */
  waitingForCpuMs: number | null;
  /** When it ended, in microseconds of the monotonic clock (a `--cpu-prof` profile's timestamps). */
  endedAtUs: number;
}

export interface LoopWatchResult {
  /** perf_hooks' event-loop delay over the watch, milliseconds. */
  delayMaxMs: number;
  delayP99Ms: number;
  /** The longest gap between ticks, and what the thread did in it. */
  worstStall: LoopStall;
  /**
   * The gap in which the thread spent the most time on a CPU: the longest the loop was held by
   * work (null where the OS keeps no figures).
   */
  busiestStall: LoopStall | null;
  /** Gaps of over 50 ms. */
  stallsOver50Ms: number;
  /** Gaps in which the thread was on a CPU for over 20 ms: the loop held by work that long. */
  workOver20Ms: number;
}

const tickMs = 5;
const schedstatPath = "/proc/thread-self/schedstat";

/** The thread's nanoseconds on a CPU and waiting for one, or undefined off Linux. */
function schedstat(): [number, number] | undefined {
  try {
    const [onCpu, waiting] = readFileSync(schedstatPath, "utf8").split(" ");
    return [Number(onCpu), Number(waiting)];
  } catch {
    return undefined;
  }
}

/** Start watching the calling thread's loop; `stop()` returns the figures. */
export function watchLoop(): { stop(): LoopWatchResult } {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let last = performance.now();
  let lastStat = schedstat();
  let worstStall: LoopStall = { gapMs: 0, onCpuMs: null, waitingForCpuMs: null, endedAtUs: 0 };
  let busiestStall: LoopStall | null = null;
  let stallsOver50Ms = 0;
  let workOver20Ms = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    const stat = schedstat();
    const gapMs = now - last;
    if (gapMs > 50) stallsOver50Ms++;
    const before = lastStat;
    const stall: LoopStall = {
      gapMs: round(gapMs),
      onCpuMs: stat && before ? round((stat[0] - before[0]) / 1e6) : null,
      waitingForCpuMs: stat && before ? round((stat[1] - before[1]) / 1e6) : null,
      endedAtUs: Number(process.hrtime.bigint() / 1000n),
    };
    if (gapMs > worstStall.gapMs) worstStall = stall;
    if (stall.onCpuMs !== null && stall.onCpuMs > 20) workOver20Ms++;
    if (stall.onCpuMs !== null && stall.onCpuMs > (busiestStall?.onCpuMs ?? -1)) {
      busiestStall = stall;
    }
    last = now;
    lastStat = stat;
  }, tickMs);
  return {
    stop() {
      clearInterval(timer);
      delay.disable();
      return {
        delayMaxMs: round(delay.max / 1e6),
        delayP99Ms: round(delay.percentile(99) / 1e6),
        worstStall,
        busiestStall,
        stallsOver50Ms,
        workOver20Ms,
      };
    },
  };
}

const round = (value: number) => Math.round(value * 10) / 10;
