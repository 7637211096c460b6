import { createServer, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** Usage every stub answer reports. */
export const stubUsage = { prompt_tokens: 24, completion_tokens: 7 } as const;

/**
 * An OpenAI-compatible stand-in for a cloud provider on 127.0.0.1, for benchmarks: every chat
 * completion is answered after `delayMs` (JSON, or an event stream when asked) with fixed usage;
 * GET /models answers, so connectivity probes pass. It counts the chat calls it received.
 */
export class StubCloud {
  received = 0;
  delayMs = 20;
  /** While down, probes get a 503 and chat calls a reset connection. */
  down = false;
  readonly #server: Server;
  #url = "";

  private constructor() {
    this.#server = createServer((request, response) => {
      request.resume();
      request.on("end", () => {
        if (request.method === "GET" && request.url?.endsWith("/models") === true) {
          response.writeHead(this.down ? 503 : 200, { "content-type": "application/json" });
          response.end('{"object":"list","data":[]}');
          return;
        }
        if (this.down) {
          response.socket?.destroy();
          return;
        }
        this.received++;
        setTimeout(() => {
          answer(response);
        }, this.delayMs);
      });
    });
  }

  static async start(): Promise<StubCloud> {
    const stub = new StubCloud();
    await new Promise<void>((resolve) => stub.#server.listen(0, "127.0.0.1", resolve));
    stub.#url = `http://127.0.0.1:${(stub.#server.address() as AddressInfo).port}/v1`;
    return stub;
  }

  /** Base URL like a provider's, e.g. http://127.0.0.1:4567/v1 */
  get url(): string {
    return this.#url;
  }

  async close(): Promise<void> {
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) =>
      this.#server.close(() => {
        resolve();
      }),
    );
  }
}

/** The provider always streams its calls: an event stream with one delta and the usage. */
function answer(response: ServerResponse): void {
  const base = { id: "chatcmpl-stub", object: "chat.completion.chunk", created: 0, model: "stub" };
  const frames = [
    { ...base, choices: [{ index: 0, delta: { role: "assistant", content: "Listo." } }] },
    { ...base, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    { ...base, choices: [], usage: { ...stubUsage, total_tokens: 31 } },
  ];
  response.writeHead(200, { "content-type": "text/event-stream" });
  for (const frame of frames) response.write(`data: ${JSON.stringify(frame)}\n\n`);
  response.end("data: [DONE]\n\n");
}
