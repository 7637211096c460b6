import type { FinishReason, Usage } from "../../core/chat.js";
import type { ChatTarget, ChatTurn } from "./chat-target.js";

/** How one answer went. */
export interface AnswerOutcome {
  /** The text received (all of it, or up to where it was stopped). */
  content: string;
  /** Why it ended; undefined when it was stopped. */
  finishReason: FinishReason | undefined;
  usage: Usage | undefined;
  /** The turn's signal aborted it (Ctrl+C). */
  stopped: boolean;
  route: { route: string; reason: string } | undefined;
}

/**
 * Ask `target` and write each piece of the answer as it arrives. Aborting the turn's signal ends
 * it early with `stopped` (no error); any other failure is thrown.
 */
export async function streamAnswer(
  target: ChatTarget,
  turn: ChatTurn,
  write: (piece: string) => void,
): Promise<AnswerOutcome> {
  let content = "";
  let route: AnswerOutcome["route"];
  try {
    const stream = await target.answer(turn);
    route = stream.route;
    for await (const event of stream.events) {
      if (event.type === "delta") {
        content += event.text;
        write(event.text);
      } else if (event.type === "done") {
        const { finishReason, usage } = event;
        return { content, finishReason, usage, stopped: false, route };
      }
    }
  } catch (error) {
    if (!turn.signal.aborted) throw error;
  }
  if (turn.signal.aborted) {
    return { content, finishReason: undefined, usage: undefined, stopped: true, route };
  }
  throw new Error(`The answer ended without saying why (${target.where}).`);
}
