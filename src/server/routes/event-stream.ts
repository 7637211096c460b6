import type { FastifyReply } from "fastify";

/** A server-sent event stream on a hijacked reply, written with backpressure. */
export interface EventStream {
  /** Write a frame; waits while the socket's buffer is full, returns at once once it is gone. */
  write(frame: string): Promise<void>;
  /** The client went away (or the socket failed). */
  readonly closed: boolean;
}

/**
 * Take the reply over for an SSE answer: status 200 with the headers set so far (the x-colibri-*
 * ones) and the event-stream ones. The caller ends the response after settling usage.
 */
export function openEventStream(reply: FastifyReply): EventStream {
  reply.hijack();
  const raw = reply.raw;
  raw.writeHead(200, {
    ...(reply.getHeaders() as Record<string, string>),
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
    "x-accel-buffering": "no",
  });
  return {
    async write(frame: string): Promise<void> {
      if (raw.destroyed) return;
      if (!raw.write(frame))
        await new Promise<void>((resolve) => raw.once("drain", resolve).once("close", resolve));
    },
    get closed(): boolean {
      return raw.destroyed;
    },
  };
}
