import pino from "pino";
import {
  LogController,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from "fastify";

/**
 * `colibri serve`'s request log: JSON lines on stdout (or `fd`) at `level`, one per request,
 * written as it ends. The writes are synchronous: an asynchronous destination (lines queued in
 * memory, written while the next requests run) lost a line now and then when the process exited
 * with a write under way (1 of 600 in test/fast/request-log.test.ts on a loaded machine), and a
 * log that loses the last requests before a stop is worse than one write per request.
 */
export function requestLogOptions(level: string, fd = 1): FastifyServerOptions["logger"] {
  return { level, stream: pino.destination({ dest: fd, sync: true }) };
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
