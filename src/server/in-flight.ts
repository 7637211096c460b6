import type { FastifyReply } from "fastify";
import { ColibriError } from "../core/errors.js";

/**
 * Tracks running generations: each gets an AbortController that fires when the client goes away
 * (the response closes before it finished) or when shutdown's deadline passes.
 */
export class InFlight {
  readonly #controllers = new Set<AbortController>();

  begin(reply: FastifyReply): AbortController {
    const controller = new AbortController();
    reply.raw.once("close", () => {
      if (!reply.raw.writableFinished) {
        // 499 (nginx's "client closed request"): logged as the client's doing, not a server fault.
        controller.abort(
          new ColibriError("The client closed the connection; generation stopped.", {
            code: "client_closed_request",
            status: 499,
          }),
        );
      }
    });
    this.#controllers.add(controller);
    return controller;
  }

  end(controller: AbortController): void {
    this.#controllers.delete(controller);
  }

  abortAll(reason: string): void {
    const error = new ColibriError(reason, { code: "server_shutting_down", status: 503 });
    for (const controller of this.#controllers) controller.abort(error);
  }
}
