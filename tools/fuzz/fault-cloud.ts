import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

/** How the fake cloud answers chat calls; switched while the fuzzer runs. */
export const faultModes = [
  /** A proper answer: an event stream when the call asks for one, else JSON. */
  "ok",
  /** Frames 150 ms apart. */
  "slow",
  "error-500",
  /** 429 with Retry-After: 1. */
  "rate-limit-429",
  /** The connection is destroyed without an answer. */
  "reset",
  /** The request is read and never answered (the gateway's firstByteMs must cut it). */
  "hang",
  /** One frame of the stream, then silence with the connection open (idleMs must cut it). */
  "stall",
  /** 200 with an event stream of frames that are not JSON. */
  "garbage-sse",
  /** 200 application/json whose body is not JSON. */
  "invalid-json",
] as const;

export type FaultMode = (typeof faultModes)[number];

/**
 * An OpenAI-compatible stand-in for a cloud provider on 127.0.0.1 whose fault mode can be
 * switched at any time: the fuzzer's cloud. GET …/models answers 200 unless `modelsDown`. It
 * counts the chat calls it received per mode.
 */
export class FaultCloud {
  mode: FaultMode = "ok";
  /** Connectivity probes (GET …/models) get a 503 while set. */
  modelsDown = false;
  readonly calls = new Map<FaultMode, number>();
  readonly #server: Server;
  readonly #sockets = new Set<Socket>();
  #url = "";

  private constructor() {
    this.#server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        if (request.method === "GET" && request.url?.endsWith("/models") === true) {
          response.writeHead(this.modelsDown ? 503 : 200, { "content-type": "application/json" });
          response.end('{"object":"list","data":[]}');
          return;
        }
        const mode = this.mode;
        this.calls.set(mode, (this.calls.get(mode) ?? 0) + 1);
        answer(response, mode, wantsStream(Buffer.concat(chunks)));
      });
    });
    this.#server.on("connection", (socket) => {
      this.#sockets.add(socket);
      socket.on("close", () => this.#sockets.delete(socket));
    });
  }

  static async start(): Promise<FaultCloud> {
    const cloud = new FaultCloud();
    await new Promise<void>((resolve) => cloud.#server.listen(0, "127.0.0.1", resolve));
    cloud.#url = `http://127.0.0.1:${(cloud.#server.address() as AddressInfo).port}/v1`;
    return cloud;
  }

  /** Base URL like a provider's, e.g. http://127.0.0.1:4567/v1 */
  get url(): string {
    return this.#url;
  }

  async close(): Promise<void> {
    for (const socket of this.#sockets) socket.destroy();
    await new Promise<void>((resolve) =>
      this.#server.close(() => {
        resolve();
      }),
    );
  }
}

function wantsStream(body: Buffer): boolean {
  try {
    const parsed = JSON.parse(body.toString("utf8")) as unknown;
    return typeof parsed === "object" && parsed !== null && "stream" in parsed && !!parsed.stream;
  } catch {
    return false;
  }
}

const usage = { prompt_tokens: 24, completion_tokens: 7, total_tokens: 31 };
const base = { id: "chatcmpl-fault", object: "chat.completion.chunk", created: 0, model: "fuzz" };
const streamFrames = [
  { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "Listo" } }] },
  { ...base, choices: [{ index: 0, delta: { content: "." } }] },
  { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
  { ...base, choices: [], usage },
].map((frame) => `data: ${JSON.stringify(frame)}\n\n`);

function answer(response: ServerResponse, mode: FaultMode, stream: boolean): void {
  const json = { "content-type": "application/json" };
  switch (mode) {
    case "ok":
    case "slow":
      if (stream) {
        sendFrames(response, [...streamFrames, "data: [DONE]\n\n"], mode === "slow" ? 150 : 0);
        return;
      }
      response.writeHead(200, json);
      response.end(
        JSON.stringify({
          id: "chatcmpl-fault",
          object: "chat.completion",
          created: 0,
          model: "fuzz",
          choices: [
            {
              index: 0,
              message: { role: "assistant", content: "Listo." },
              finish_reason: "stop",
            },
          ],
          usage,
        }),
      );
      return;
    case "error-500":
      response.writeHead(500, json);
      response.end('{"error":{"message":"The server had an error","type":"server_error"}}');
      return;
    case "rate-limit-429":
      response.writeHead(429, { ...json, "retry-after": "1" });
      response.end('{"error":{"message":"Rate limit reached","type":"requests"}}');
      return;
    case "reset":
      response.socket?.destroy();
      return;
    case "hang":
      return;
    case "stall":
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write(streamFrames[0]);
      return;
    case "garbage-sse":
      sendFrames(
        response,
        ["data: {not json\n\n", "data: \u0000\u00ff\n\n", "data: [DONE]\n\n"],
        0,
      );
      return;
    case "invalid-json":
      response.writeHead(200, json);
      response.end('{"id": "chatcmpl-fault", "choices": [');
      return;
  }
}

function sendFrames(response: ServerResponse, frames: string[], delayMs: number): void {
  response.writeHead(200, { "content-type": "text/event-stream" });
  let index = 0;
  const next = () => {
    if (response.destroyed) return;
    const frame = frames[index++];
    if (frame === undefined) {
      response.end();
      return;
    }
    response.write(frame);
    if (delayMs === 0) next();
    else setTimeout(next, delayMs);
  };
  next();
}
