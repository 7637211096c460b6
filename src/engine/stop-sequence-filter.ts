/** A piece of output text with what belongs to it (e.g. the logprobs of its tokens). */
export interface TextPiece<T> {
  text: string;
  items: T[];
}

export interface StopFilterResult<T> {
  /** Text safe to emit now, in order. */
  released: TextPiece<T>[];
  /** True when a stop sequence was found; generation should end and nothing more be emitted. */
  stopped: boolean;
}

/**
 * Keeps stop sequences out of the output: text that could be the start of a stop sequence is
 * held back until it is known not to be one. Items (logprobs) travel with the first released
 * part of their piece's text.
 */
export class StopSequenceFilter<T> {
  private readonly stops: string[];
  private readonly trimTrailingWhitespace: boolean;
  private held: TextPiece<T>[] = [];
  private stopped = false;

  /**
   * @param trimTrailingWhitespace hold whitespace back until more text follows and drop it at the
   *   end (JSON grammars let the model pad the document with whitespace before it stops).
   */
  constructor(stops: readonly string[], options: { trimTrailingWhitespace?: boolean } = {}) {
    this.stops = stops.filter((stop) => stop.length > 0);
    this.trimTrailingWhitespace = options.trimTrailingWhitespace ?? false;
  }

  /** True once a stop sequence has been found. */
  get isStopped(): boolean {
    return this.stopped;
  }

  push(piece: TextPiece<T>): StopFilterResult<T> {
    if (this.stopped) return { released: [], stopped: true };
    this.held.push(piece);
    const heldText = this.held.map((held) => held.text).join("");
    const stopIndex = this.firstStopIndex(heldText);
    if (stopIndex >= 0) {
      this.stopped = true;
      const released = this.take(stopIndex);
      this.held = [];
      return { released, stopped: true };
    }
    const keep = Math.max(this.longestPartialStop(heldText), this.trailingWhitespace(heldText));
    return { released: this.take(heldText.length - keep), stopped: false };
  }

  /** Release everything still held (generation ended without completing a stop sequence). */
  flush(): TextPiece<T>[] {
    if (this.stopped) return [];
    const heldText = this.held.map((held) => held.text).join("");
    const released = this.take(heldText.length - this.trailingWhitespace(heldText));
    this.held = [];
    return released.filter((piece) => piece.text.length > 0 || piece.items.length > 0);
  }

  private trailingWhitespace(text: string): number {
    return this.trimTrailingWhitespace ? text.length - text.trimEnd().length : 0;
  }

  private firstStopIndex(text: string): number {
    let first = -1;
    for (const stop of this.stops) {
      const index = text.indexOf(stop);
      if (index >= 0 && (first < 0 || index < first)) first = index;
    }
    return first;
  }

  /** Length of the longest suffix of `text` that is a proper prefix of some stop sequence. */
  private longestPartialStop(text: string): number {
    let longest = 0;
    for (const stop of this.stops) {
      for (let length = Math.min(stop.length - 1, text.length); length > longest; length--) {
        if (text.endsWith(stop.slice(0, length))) {
          longest = length;
          break;
        }
      }
    }
    return longest;
  }

  /** Remove the first `length` characters from the held pieces and return them as pieces. */
  private take(length: number): TextPiece<T>[] {
    const released: TextPiece<T>[] = [];
    let remaining = length;
    while (this.held.length > 0) {
      const piece = this.held[0];
      if (piece === undefined) break;
      if (piece.text.length <= remaining) {
        this.held.shift();
        remaining -= piece.text.length;
        released.push(piece);
        continue;
      }
      if (remaining > 0) {
        released.push({ text: piece.text.slice(0, remaining), items: piece.items });
        this.held[0] = { text: piece.text.slice(remaining), items: [] };
      }
      break;
    }
    return released;
  }
}
