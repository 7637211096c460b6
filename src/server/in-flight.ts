import type { FastifyReply } from "fastify";

/**
 * Tracks running generations: each gets an AbortController that fires when the client goes away
 * (the response closes before it finished) or when shutdown's deadline passes.
 */
export class InFlight {
  readonly #controllers = new Set<AbortController>();

  begin(reply: FastifyReply): AbortController {
    const controller = new AbortController();
    reply.raw.once("close", () => {
      if (!reply.raw.writableFinished) controller.abort(new Error("client disconnected"));
    });
    this.#controllers.add(controller);
    return controller;
  }

  end(controller: AbortController): void {
    this.#controllers.delete(controller);
  }

  get size(): number {
    return this.#controllers.size;
  }

  abortAll(reason: string): void {
    for (const controller of this.#controllers) controller.abort(new Error(reason));
  }
}
