import pino from "pino";
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";

/**
 * `colibri serve`'s request log: JSON lines on stdout (or `fd`) at `level`, through an
 * asynchronous destination. A synchronous write per line made the process wait for stdout on the
 * hot path (a pipe or a terminal can be slow); here lines are queued in memory and written while
 * the next requests run, many at once when they pile up. They are written out (synchronously)
 * when the process exits, after a SIGTERM or SIGINT too; a SIGKILL loses what was still queued,
 * at most the lines of the last moments before it (usage records are in the store, never here).
 */
export function requestLogOptions(level: string, fd = 1): FastifyServerOptions["logger"] {
  return { level, stream: pino.destination({ dest: fd, sync: false }) };
}

/**
 * One log line per request, written when it ends, with what Fastify's "incoming request" line
 * said (method, URL, host, remote address) folded into its "request completed" (or "request
 * errored") line; Fastify's other lines (errors, streams, 404s) are unchanged.
 */
export class OneLinePerRequest extends LogController {
  override incomingRequest(): void {
    // Written with the request's end instead.
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (this.isLogDisabled(request)) return;
    const line = { req: request, res: reply, responseTime: reply.elapsedTime };
    if (error) reply.log.error({ ...line, err: error }, "request errored");
    else reply.log.info(line, "request completed");
  }
}
