/**
 * The health benchmark's slowloris, run as a child process so its sockets use its own file
 * descriptors: opens `count` connections to the gateway (at most `parallel` connecting at once),
 * each sends a chat request's headers and `{` and then nothing, holds them `holdMilliseconds`,
 * and reports how each ended. Started by health-under-load-benchmark.ts with a JSON task as its
 * one argument; answers with one IPC message.
 */
import { connect, type Socket } from "node:net";

export interface SlowSocketsTask {
  host: string;
  port: number;
  count: number;
  parallel: number;
  holdMilliseconds: number;
}

export interface SlowSocketsResult {
  opened: number;
  /** Answered with a 503 (the connection cap) and closed. */
  refused: number;
  /** Answered otherwise (a 408 for a request not sent in time, …) and closed. */
  answered: Record<string, number>;
  /** Closed by the server without an answer. */
  closedSilently: number;
  /** Still open when the hold ended. */
  stillOpen: number;
  /** Failed to connect or reset, by error code. */
  errors: Record<string, number>;
  /** Milliseconds from the first connect to the last one settled. */
  openingMilliseconds: number;
}

const task = JSON.parse(process.argv[2] ?? "{}") as SlowSocketsTask;
const head =
  `POST /v1/chat/completions HTTP/1.1\r\nHost: ${task.host}:${task.port}\r\n` +
  "content-type: application/json\r\ncontent-length: 1000\r\n\r\n{";

const result: SlowSocketsResult = {
  opened: 0,
  refused: 0,
  answered: {},
  closedSilently: 0,
  stillOpen: 0,
  errors: {},
  openingMilliseconds: 0,
};
const open = new Set<Socket>();

/** Open one slow socket; resolves once it is connected or has failed. */
function slowSocket(): Promise<void> {
  return new Promise((resolve) => {
    const socket = connect({ host: task.host, port: task.port });
    let answer = "";
    let failed = false;
    socket.setEncoding("latin1");
    socket.on("connect", () => {
      result.opened++;
      open.add(socket);
      socket.write(head);
      resolve();
    });
    socket.on("data", (chunk: string) => {
      if (answer.length < 64) answer += chunk;
    });
    socket.on("error", (error: NodeJS.ErrnoException) => {
      failed = true;
      const code = error.code ?? "error";
      result.errors[code] = (result.errors[code] ?? 0) + 1;
      resolve();
    });
    socket.on("close", () => {
      open.delete(socket);
      if (failed) return;
      const status = /^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1];
      if (status === "503") result.refused++;
      else if (status !== undefined) result.answered[status] = (result.answered[status] ?? 0) + 1;
      else if (!ending) result.closedSilently++;
    });
  });
}

let ending = false;
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: Math.min(task.parallel, task.count) }, async () => {
    while (next < task.count) {
      next++;
      await slowSocket();
    }
  }),
);
result.openingMilliseconds = performance.now() - started;
await new Promise((resolve) => setTimeout(resolve, task.holdMilliseconds));
ending = true;
result.stillOpen = open.size;
for (const socket of open) socket.destroy();
process.send?.(result, () => {
  process.exit(0);
});
