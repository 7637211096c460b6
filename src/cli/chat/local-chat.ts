import type { ChatBackend } from "../../core/chat.js";
import type { AnswerStream, ChatTarget, ChatTurn } from "./chat-target.js";

/** Answers from a model loaded in this process (`--local`, or when no server answers). */
export class LocalChat implements ChatTarget {
  readonly where: string;
  readonly model: string;
  readonly #engine: ChatBackend;

  constructor(engine: ChatBackend) {
    this.#engine = engine;
    this.model = engine.model;
    this.where = "loaded in this process";
  }

  models(): Promise<string[]> {
    return Promise.resolve([this.model]);
  }

  useModel(name: string): Promise<string | undefined> {
    if (name === this.model || name === "local") return Promise.resolve(undefined);
    return Promise.resolve(
      `Only ${this.model} answers here (no server). To switch models, start one with colibri serve and chat again.`,
    );
  }

  answer(turn: ChatTurn): Promise<AnswerStream> {
    return Promise.resolve({ events: this.#engine.chat(turn) });
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.#engine.close();
  }
}
