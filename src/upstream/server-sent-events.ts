import { createParser, type EventSourceMessage } from "eventsource-parser";

/**
 * The events of a text/event-stream body, as they arrive. Bytes are decoded as UTF-8 across chunk
 * boundaries; parsing is eventsource-parser's. Stops when the body ends; an event the body ends in
 * the middle of is dropped, as EventSource does.
 */
export async function* readServerSentEvents(
  chunks: AsyncIterable<Uint8Array>,
): AsyncGenerator<EventSourceMessage, void, undefined> {
  const pending: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => pending.push(event) });
  const decoder = new TextDecoder();
  for await (const chunk of chunks) {
    parser.feed(decoder.decode(chunk, { stream: true }));
    yield* pending.splice(0);
  }
  parser.feed(decoder.decode());
  yield* pending.splice(0);
}
