import type { ChatEvent, ChatMessage, SamplingOptions } from "../../core/chat.js";

/** One question to answer: the whole conversation so far, ending with the user's turn. */
export interface ChatTurn {
  messages: ChatMessage[];
  sampling: SamplingOptions;
  /** Aborting stops the answer (Ctrl+C). */
  signal: AbortSignal;
}

/** An answer on its way, with how the gateway routed it when it says so. */
export interface AnswerStream {
  /** `x-colibri-route` and `x-colibri-reason`; undefined for a model loaded in this process. */
  route?: { route: string; reason: string };
  events: AsyncIterable<ChatEvent>;
}

/**
 * Where `colibri chat` gets its answers: a running Colibrí server (ServerChat) or a model loaded
 * in this process (LocalChat).
 */
export interface ChatTarget extends AsyncDisposable {
  /** For the greeting: "the Colibrí server at http://127.0.0.1:8080". */
  readonly where: string;
  /** The model name the next answer is asked of. */
  readonly model: string;
  /** Names `/model` accepts. */
  models(): Promise<string[]>;
  /** Switch models; resolves to a one-line reason when `name` cannot be used (nothing changes). */
  useModel(name: string): Promise<string | undefined>;
  answer(turn: ChatTurn): Promise<AnswerStream>;
}
