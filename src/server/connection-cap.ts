import type { Server } from "node:http";
import type { Socket } from "node:net";
import { errorBody } from "../openai/error-body.js";
import { ServiceUnavailableError } from "../core/errors.js";

/**
 * Refuse connections beyond `max` open at once with a one-off 503 (OpenAI error shape, then the
 * socket closes), so a flood of slow or idle sockets cannot use up the process's file
 * descriptors — which the cloud link needs too. A refusal only happens with exactly `max` open, so
 * its answer is written once here: a flood then costs each refused socket a write, not an error
 * object with its stack trace and a JSON serialisation (bench:health's profile: 0.05 ms a socket).
 */
export function capConnections(server: Server, max: number): void {
  const open = new Set<Socket>();
  const body = JSON.stringify(
    errorBody(
      new ServiceUnavailableError(
        `Colibrí has ${max} connections open, its limit (server.maxConnections). Try again shortly; an operator can raise the limit.`,
      ),
    ),
  );
  const refusal = `HTTP/1.1 503 Service Unavailable\r\ncontent-type: application/json; charset=utf-8\r\nretry-after: 1\r\nconnection: close\r\ncontent-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
  const ignore = () => undefined;
  server.on("connection", (socket: Socket) => {
    if (open.size >= max) {
      socket.on("error", ignore);
      socket.end(refusal);
      return;
    }
    open.add(socket);
    socket.once("close", () => open.delete(socket));
  });
}
