/**
 * bench:peers' upstream, run as its own process (forked): an OpenAI-compatible chat completions
 * endpoint on 127.0.0.1 that answers at once, as JSON or, when the request asks for a stream, as
 * an event stream with one delta and the usage. Every target of the benchmark (the stub itself,
 * each peer, Colibrí) talks to this same process. It sends its port to the parent once listening.
 */
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

const usage = { prompt_tokens: 24, completion_tokens: 7, total_tokens: 31 };
const base = { id: "chatcmpl-stub", created: 0, model: "gpt-4o-mini" };
const json = JSON.stringify({
  ...base,
  object: "chat.completion",
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "Listo." },
      finish_reason: "stop",
      logprobs: null,
    },
  ],
  usage,
});
const chunk = { ...base, object: "chat.completion.chunk" };
const events =
  [
    { ...chunk, choices: [{ index: 0, delta: { role: "assistant", content: "Listo." } }] },
    { ...chunk, choices: [{ index: 0, delta: {}, finish_reason: "stop" }] },
    { ...chunk, choices: [], usage },
  ]
    .map((frame) => `data: ${JSON.stringify(frame)}\n\n`)
    .join("") + "data: [DONE]\n\n";

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (data: Buffer) => chunks.push(data));
  request.on("end", () => {
    if (request.method === "GET") {
      send(response, 200, "application/json", '{"object":"list","data":[]}');
      return;
    }
    let stream: boolean;
    try {
      stream =
        (JSON.parse(Buffer.concat(chunks).toString("utf8")) as { stream?: unknown }).stream ===
        true;
    } catch {
      send(response, 400, "application/json", '{"error":{"message":"Invalid JSON body."}}');
      return;
    }
    if (stream) {
      // Chunked, as providers stream (a proxy may treat a sized event stream as a plain body).
      response.writeHead(200, { "content-type": "text/event-stream; charset=utf-8" });
      response.end(events);
    } else {
      send(response, 200, "application/json", json);
    }
  });
});
server.keepAliveTimeout = 60_000;

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  response.end(body);
}

server.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("disconnect", () => {
  server.closeAllConnections();
  server.close();
});
