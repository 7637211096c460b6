import type { Meter } from "../../chat/metering.js";
import type { ChatEvent, FinishReason } from "../../core/chat.js";
import { toColibriError, type ColibriError } from "../../core/errors.js";
import type { EventStream } from "./event-stream.js";

/** What a streamed answer gave: its text (for the cache) and how it ended (undefined: it did not). */
export interface RelayedAnswer {
  text: string;
  finishReason: FinishReason | undefined;
}

/**
 * Hand a streamed answer's events to `write`, one by one, while the client is there, recording on
 * the meter what they say: the usage so far, a plain local answer's confidence, how it ended. A
 * failure after the headers went is written in-band (`errorFrame`, in the route's error shape)
 * and recorded; a client that left before the end is recorded as abandoned (499).
 */
export async function relayEvents(
  stream: EventStream,
  events: AsyncIterator<ChatEvent>,
  meter: Meter,
  write: (event: ChatEvent) => Promise<void>,
  errorFrame: (error: ColibriError) => string,
): Promise<RelayedAnswer> {
  let text = "";
  let finishReason: FinishReason | undefined;
  try {
    for (
      let result = await events.next();
      !result.done && !stream.closed;
      result = await events.next()
    ) {
      const event = result.value;
      if (event.type === "delta") {
        text += event.text;
        if (event.usage !== undefined) meter.usage = event.usage;
      } else if (event.type === "done") {
        meter.usage = event.usage;
        finishReason = event.finishReason;
        // A plain local answer's confidence: the geometric mean probability of its tokens.
        if (meter.confidence === null && event.confidence !== undefined) {
          meter.confidence = Math.exp(event.confidence.meanLogprob);
        }
      }
      await write(event);
    }
  } catch (error) {
    const colibriError = toColibriError(error);
    meter.status = colibriError.status;
    meter.outcome = colibriError.status === 499 ? "abandoned" : "failed";
    await stream.write(errorFrame(colibriError));
  }
  if (stream.closed && meter.outcome === "completed") {
    meter.status = 499;
    meter.outcome = "abandoned";
  }
  return { text, finishReason };
}
