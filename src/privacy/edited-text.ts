/** A change to a text: its `[from, to)` reads as `text`. */
export interface Edit {
  from: number;
  to: number;
  text: string;
}

/**
 * A text after rounds of edits, and the way back: which characters of the first text each unit
 * came from. The way back is worked out for the units asked about (a scan asks for its findings'
 * ends), not kept for every unit: a map per unit cost as much as the edits' own search on a long
 * text, for the few findings it is read for.
 *
 * A unit copied from the text before the edits comes from its own character; a unit of an edit's
 * `text` comes from the whole of the edit's `[from, to)` (an insertion: the empty span at `from`).
 */
export class EditedText {
  readonly text: string;
  /** The text these edits were made on; undefined for the first text. */
  readonly #source: EditedText | undefined;
  readonly #edits: readonly Edit[];
  /** Where each edit's `text` starts in `text`. */
  readonly #editStarts: Int32Array;

  private constructor(
    text: string,
    source: EditedText | undefined,
    edits: readonly Edit[],
    editStarts: Int32Array,
  ) {
    this.text = text;
    this.#source = source;
    this.#edits = edits;
    this.#editStarts = editStarts;
  }

  /** A text as written: every unit comes from itself. */
  static of(text: string): EditedText {
    return new EditedText(text, undefined, [], new Int32Array(0));
  }

  /** This text with `edits` (in order, not overlapping) applied; itself when there are none. */
  edited(edits: readonly Edit[]): EditedText {
    if (edits.length === 0) return this;
    const editStarts = new Int32Array(edits.length);
    let result = "";
    let position = 0;
    for (let index = 0; index < edits.length; index++) {
      const edit = edits[index] as Edit;
      result += this.text.slice(position, edit.from);
      editStarts[index] = result.length;
      result += edit.text;
      position = edit.to;
    }
    result += this.text.slice(position);
    return new EditedText(result, this, edits, editStarts);
  }

  /** Where the unit at `unit` of `text` starts in the first text. */
  start(unit: number): number {
    const source = this.#source;
    if (source === undefined) return unit;
    const from = this.#ownStart(unit);
    if (source.#source === undefined) return from;
    const length = source.text.length;
    if (from < length) return source.start(from);
    return length === 0 ? 0 : source.end(length - 1);
  }

  /** Where the unit at `unit` of `text` ends in the first text (never before its start). */
  end(unit: number): number {
    const source = this.#source;
    if (source === undefined) return unit + 1;
    const to = this.#ownEnd(unit);
    if (source.#source === undefined) return to;
    return Math.max(this.start(unit), to > 0 ? source.end(to - 1) : 0);
  }

  /** The unit's start in the text these edits were made on. */
  #ownStart(unit: number): number {
    const index = this.#editAtOrBefore(unit);
    if (index < 0) return unit;
    const edit = this.#edits[index] as Edit;
    const offset = unit - (this.#editStarts[index] ?? 0);
    return offset < edit.text.length ? edit.from : edit.to + offset - edit.text.length;
  }

  #ownEnd(unit: number): number {
    const index = this.#editAtOrBefore(unit);
    if (index < 0) return unit + 1;
    const edit = this.#edits[index] as Edit;
    const offset = unit - (this.#editStarts[index] ?? 0);
    return offset < edit.text.length ? edit.to : edit.to + offset - edit.text.length + 1;
  }

  /** The last edit whose text starts at or before `unit`; -1 when none does. */
  #editAtOrBefore(unit: number): number {
    let low = 0;
    let high = this.#editStarts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.#editStarts[middle] ?? 0) <= unit) low = middle + 1;
      else high = middle;
    }
    return low - 1;
  }
}
