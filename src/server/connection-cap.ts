import type { Server } from "node:http";
import type { Socket } from "node:net";
import { errorBody } from "../openai/error-body.js";
import { ServiceUnavailableError } from "../core/errors.js";

/**
 * Refuse connections beyond `max` open at once with a one-off 503 (OpenAI error shape, then the
 * socket closes), so a flood of slow or idle sockets cannot use up the process's file
 * descriptors — which the cloud link needs too.
 */
export function capConnections(server: Server, max: number): void {
  const open = new Set<Socket>();
  server.on("connection", (socket: Socket) => {
    if (open.size >= max) {
      const error = new ServiceUnavailableError(
        `Colibrí has ${open.size} connections open, its limit (server.maxConnections). Try again shortly; an operator can raise the limit.`,
      );
      const body = JSON.stringify(errorBody(error));
      socket.on("error", () => undefined);
      socket.end(
        `HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
      );
      return;
    }
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });
}
