import type { ChatEvent, ToolCall } from "../core/chat.js";
import type { OpenAIToolCallFragment } from "./openai-schemas.js";

/**
 * The tool calls of a streamed OpenAI answer, put together from their pieces: a call's first
 * piece carries its `id` and function name, the pieces after it more of its `arguments`, and
 * `index` says which call each piece belongs to. A server that leaves out `index` (some
 * OpenAI-compatible ones send each call whole) starts a new call with each new id.
 */
export class OpenAIToolCalls {
  readonly #calls = new Map<number, ToolCall>();
  #last: number | undefined;

  get size(): number {
    return this.#calls.size;
  }

  add(fragment: OpenAIToolCallFragment): void {
    const index = fragment.index ?? this.#implicitIndex(fragment.id ?? undefined);
    const call = this.#calls.get(index) ?? { id: "", name: "", arguments: "" };
    if (fragment.id != null && fragment.id !== "") call.id = fragment.id;
    const { name, arguments: piece } = fragment.function ?? {};
    if (name != null && name !== "") call.name = name;
    if (piece != null) call.arguments += piece;
    this.#calls.set(index, call);
    this.#last = index;
  }

  /** One `tool_call` event per call, in the order of their indexes, numbered from 0. */
  events(): ChatEvent[] {
    return [...this.#calls.entries()]
      .sort(([left], [right]) => left - right)
      .map(([index, call], position) => ({
        type: "tool_call",
        index: position,
        call: {
          // A server that sent no id: the client still needs one to pair the call's result with.
          id: call.id === "" ? `call_${index}` : call.id,
          name: call.name,
          arguments: call.arguments,
        },
      }));
  }

  #implicitIndex(id: string | undefined): number {
    if (this.#last === undefined) return 0;
    const current = this.#calls.get(this.#last);
    // A new id starts another call, unless the current one has neither id nor name yet.
    const begun = current !== undefined && (current.id !== "" || current.name !== "");
    const startsAnother = id !== undefined && id !== "" && begun && current.id !== id;
    return startsAnother ? Math.max(...this.#calls.keys()) + 1 : this.#last;
  }
}
