import { SingleBar } from "cli-progress";

export interface TrainingProgress {
  /** Progress from 0 to 1. */
  update(fraction: number): void;
  /** Remove the bar; call when the work ends, successfully or not. */
  stop(): void;
}

/** A bar on `stream` while training runs: only on a terminal, never with --json. */
export function createTrainingProgress(
  stream: NodeJS.WritableStream,
  label: string,
  enabled: boolean,
): TrainingProgress {
  const interactive = enabled && "isTTY" in stream && stream.isTTY === true;
  if (!interactive) return { update: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream,
    format: ` ${label} {bar} {percentage}% | {eta_formatted} left`,
    barsize: 30,
    hideCursor: true,
    clearOnComplete: true,
    fps: 10,
  });
  bar.start(1000, 0);
  return {
    update: (fraction) => {
      bar.update(Math.round(Math.min(1, Math.max(0, fraction)) * 1000));
    },
    stop: () => {
      bar.stop();
    },
  };
}
