import { readFileSync } from "node:fs";
import {
  createServer,
  type IncomingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, afterEach, beforeAll } from "vitest";

const fixtureFolder = fileURLToPath(new URL("../fixtures/upstream/", import.meta.url));

/** A recorded response under test/fixtures/upstream/, as text. */
export function fixture(name: string): string {
  return readFileSync(`${fixtureFolder}${name}`, "utf8");
}

/** How the fake cloud answers one request. */
export type FakeReply =
  /** A fixture file: `.sse` files are sent as an event stream, frame by frame; others as JSON. */
  | { kind: "fixture"; file: string; status?: number; headers?: Record<string, string> }
  /** The first `frames` frames of an `.sse` fixture, then silence with the connection open. */
  | { kind: "stall"; file: string; frames: number }
  /** Read the request, never send the headers. */
  | { kind: "hang" }
  /** Destroy the connection without answering (a reset). */
  | { kind: "reset" }
  /** A status with a body (a fixture name ending in .json, or literal text). */
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> };

export interface RecordedRequest {
  method: string;
  /** Path with the query string, e.g. "/v1/chat/completions?api-version=2024-10-21". */
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** The body exactly as received (UTF-8), before parsing. */
  rawBody: string;
  /** Set when the connection of this request's response closed (finished, cut, or abandoned). */
  closed: boolean;
}

/**
 * A local stand-in for a cloud provider (node:http on a free port) that serves recorded
 * fixtures, injects faults, and records the requests it received. Queue replies with `reply()`;
 * when the queue is empty every request gets `otherwise`.
 */
export class FakeCloud {
  readonly requests: RecordedRequest[] = [];
  /** GET /models calls (the gateway's connectivity probes). */
  probes = 0;
  otherwise: FakeReply = { kind: "fixture", file: "openai-chat-stream.sse" };
  /** Delay between the frames of an event stream. */
  frameDelayMs = 0;
  private readonly queue: FakeReply[] = [];

  private readonly server: Server;
  private baseUrl = "";

  private constructor() {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", () => {
        // Connectivity probes are answered apart: they take no queued reply and are not recorded.
        if (request.method === "GET" && request.url?.endsWith("/models") === true) {
          this.probes++;
          response.writeHead(200, { "content-type": "application/json" });
          response.end('{"object":"list","data":[]}');
          return;
        }
        const text = Buffer.concat(chunks).toString("utf8");
        const recorded: RecordedRequest = {
          method: request.method ?? "",
          path: request.url ?? "",
          headers: request.headers,
          body: text === "" ? undefined : JSON.parse(text),
          rawBody: text,
          closed: false,
        };
        response.on("close", () => {
          recorded.closed = true;
        });
        this.requests.push(recorded);
        void this.answer(response);
      });
    });
  }

  /** Listen on `port` (default a free one). */
  static async start(port = 0): Promise<FakeCloud> {
    const cloud = new FakeCloud();
    await new Promise<void>((resolve) => cloud.server.listen(port, "127.0.0.1", resolve));
    const address = cloud.server.address() as AddressInfo;
    cloud.baseUrl = `http://127.0.0.1:${address.port}/v1`;
    return cloud;
  }

  /** Base URL like a provider's, e.g. http://127.0.0.1:4567/v1 */
  get url(): string {
    return this.baseUrl;
  }

  /** Replies for the next requests, in order. */
  reply(...replies: FakeReply[]): this {
    this.queue.push(...replies);
    return this;
  }

  /** Forget queued replies and recorded requests, and go back to the defaults. */
  reset(): void {
    this.queue.length = 0;
    this.requests.length = 0;
    this.frameDelayMs = 0;
    this.otherwise = { kind: "fixture", file: "openai-chat-stream.sse" };
  }

  /**
   * The work the fake has done: the distinct `Idempotency-Key`s of the chat calls it answered
   * (a repeated key is the same request sent again, which a real provider does once).
   */
  get idempotencyKeys(): string[] {
    const keys = this.requests
      .filter((request) => request.path.endsWith("/chat/completions"))
      .map((request) => request.headers["idempotency-key"])
      .filter((key): key is string => typeof key === "string");
    return [...new Set(keys)];
  }

  /** Requests whose response connection is still open (a hanging or stalled call). */
  get openRequests(): number {
    return this.requests.filter((request) => !request.closed).length;
  }

  /** Resolves once no response is open; rejects after `timeoutMs`. */
  async waitUntilIdle(timeoutMs = 1_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.openRequests > 0) {
      if (Date.now() > deadline) {
        throw new Error(`${this.openRequests} request(s) still open after ${timeoutMs} ms`);
      }
      await sleep(5);
    }
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.server.close(() => {
        resolve();
      }),
    );
  }

  private async answer(response: ServerResponse): Promise<void> {
    const reply = this.queue.shift() ?? this.otherwise;
    switch (reply.kind) {
      case "hang":
        return;
      case "reset":
        response.socket?.destroy();
        return;
      case "status": {
        const body = reply.body?.endsWith(".json") === true ? fixture(reply.body) : reply.body;
        response.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        response.end(body ?? "");
        return;
      }
      case "fixture":
        if (!reply.file.endsWith(".sse")) {
          response.writeHead(reply.status ?? 200, {
            "content-type": "application/json",
            ...reply.headers,
          });
          response.end(fixture(reply.file));
          return;
        }
        await this.stream(response, frames(reply.file), reply.headers);
        response.end();
        return;
      case "stall":
        await this.stream(response, frames(reply.file).slice(0, reply.frames));
        return;
    }
  }

  private async stream(
    response: ServerResponse,
    events: string[],
    headers: Record<string, string> = {},
  ): Promise<void> {
    response.writeHead(200, { "content-type": "text/event-stream", ...headers });
    response.flushHeaders();
    for (const event of events) {
      if (response.destroyed) return;
      response.write(event);
      await sleep(this.frameDelayMs);
    }
  }
}

/** The frames of an `.sse` fixture, each with its blank-line terminator. */
function frames(file: string): string[] {
  return fixture(file)
    .split("\n\n")
    .filter((frame) => frame.trim() !== "")
    .map((frame) => `${frame}\n\n`);
}

/** A base URL on a port nothing listens on: connections are refused. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
  return `http://127.0.0.1:${port}/v1`;
}

function sleep(milliseconds: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, milliseconds));
}

/**
 * One fake cloud for a test file: started before its tests; after each test the providers it
 * tracked are closed, no call may still be open on the server, and the server's script is reset.
 */
export function useFakeCloud(): {
  readonly cloud: FakeCloud;
  track<T extends { close(): Promise<void> }>(provider: T): T;
} {
  let cloud: FakeCloud | undefined;
  const tracked: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    cloud = await FakeCloud.start();
  });
  afterEach(async () => {
    await Promise.all(tracked.splice(0).map((provider) => provider.close()));
    // No test may leave a call to the cloud hanging.
    await cloud?.waitUntilIdle();
    cloud?.reset();
  });
  afterAll(async () => {
    await cloud?.close();
  });
  return {
    get cloud() {
      if (cloud === undefined) throw new Error("The fake cloud starts in beforeAll.");
      return cloud;
    },
    track(provider) {
      tracked.push(provider);
      return provider;
    },
  };
}
