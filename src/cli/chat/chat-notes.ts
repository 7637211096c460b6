import type { AnswerOutcome } from "./stream-answer.js";

/**
 * Writes one-line notes about an answer (cut, stopped, route) on `stream`, dim on a terminal so
 * they stand apart from the answer.
 */
export function noteWriter(stream: NodeJS.WritableStream): (text: string) => void {
  const terminal = "isTTY" in stream && stream.isTTY === true;
  return (text) => {
    stream.write(terminal ? `\u001b[2m${text}\u001b[22m\n` : `${text}\n`);
  };
}

/** The notes to print after an answer, in order. */
export function answerNotes(
  outcome: AnswerOutcome,
  options: { maxTokens: number | undefined; verbose: boolean },
): string[] {
  const notes: string[] = [];
  if (outcome.stopped) notes.push("(stopped)");
  if (outcome.finishReason === "length") notes.push(cutNote(outcome, options.maxTokens));
  if (options.verbose && outcome.route !== undefined) {
    const { route, reason } = outcome.route;
    notes.push(`(route: ${route}${reason === "" ? "" : `, reason: ${reason}`})`);
  }
  return notes;
}

function cutNote(outcome: AnswerOutcome, maxTokens: number | undefined): string {
  const tokens = outcome.usage?.completionTokens ?? maxTokens;
  const at = tokens === undefined ? "" : ` at ${tokens} ${tokens === 1 ? "token" : "tokens"}`;
  const limit = maxTokens === undefined ? "the default length limit" : `--max-tokens ${maxTokens}`;
  const more = Math.max(2 * (maxTokens ?? tokens ?? 512), 16);
  return `(answer cut${at} by ${limit}; ask for longer answers with --max-tokens ${more})`;
}
