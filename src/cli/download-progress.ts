import { SingleBar } from "cli-progress";
import { formatBytes } from "../models/byte-size.js";
import type { ProgressCallback } from "../models/progress-meter.js";

export interface DownloadProgress {
  onProgress: ProgressCallback;
  onStatus: (message: string) => void;
  /** Remove the bar (if any); call when the download ends, successfully or not. */
  stop(): void;
}

/**
 * Renders download progress on `stream`: a live bar with speed and ETA on a terminal, otherwise
 * (logs, CI) a plain line every 10 % or 15 seconds.
 */
export function createDownloadProgress(
  stream: NodeJS.WritableStream,
  now: () => number = Date.now,
): DownloadProgress {
  const interactive = "isTTY" in stream && stream.isTTY === true;
  return interactive ? terminalProgress(stream) : plainProgress(stream, now);
}

function terminalProgress(stream: NodeJS.WritableStream): DownloadProgress {
  let bar: SingleBar | undefined;
  const stop = (): void => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onProgress(received, total, bytesPerSecond, etaSeconds) {
      const payload = {
        received: formatBytes(received),
        size: total === undefined ? "?" : formatBytes(total),
        speed: `${formatBytes(bytesPerSecond)}/s`,
        left: formatDuration(etaSeconds),
      };
      if (bar === undefined) {
        bar = new SingleBar({
          stream,
          format: " {bar} {percentage}% | {received} of {size} | {speed} | {left} left",
          barsize: 30,
          hideCursor: true,
          clearOnComplete: true,
          fps: 5,
        });
        bar.start(total ?? 0, received, payload);
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(received, payload);
    },
    onStatus(message) {
      stop();
      stream.write(`${message}\n`);
    },
    stop,
  };
}

function plainProgress(stream: NodeJS.WritableStream, now: () => number): DownloadProgress {
  let lastTime = Number.NEGATIVE_INFINITY;
  let lastTenth = -1;
  return {
    onProgress(received, total, bytesPerSecond, etaSeconds) {
      const tenth = total === undefined || total === 0 ? -1 : Math.floor((received / total) * 10);
      const time = now();
      if (tenth === lastTenth && time - lastTime < 15_000) return;
      lastTenth = tenth;
      lastTime = time;
      const of =
        total === undefined
          ? ""
          : ` of ${formatBytes(total)} (${Math.floor((received / total) * 100)}%)`;
      const left = etaSeconds === undefined ? "" : `, ${formatDuration(etaSeconds)} left`;
      const speed = bytesPerSecond > 0 ? ` at ${formatBytes(bytesPerSecond)}/s` : "";
      stream.write(`  ${formatBytes(received)}${of}${speed}${left}\n`);
    },
    onStatus(message) {
      stream.write(`${message}\n`);
    },
    stop() {
      // Nothing on screen to remove.
    },
  };
}

export function formatDuration(seconds: number | undefined): string {
  if (seconds === undefined || !Number.isFinite(seconds)) return "?";
  const rounded = Math.round(seconds);
  if (rounded < 60) return `${rounded}s`;
  if (rounded < 3600)
    return `${Math.floor(rounded / 60)}m${String(rounded % 60).padStart(2, "0")}s`;
  return `${Math.floor(rounded / 3600)}h${String(Math.floor((rounded % 3600) / 60)).padStart(2, "0")}m`;
}
