/** Server-sent events framing as OpenAI uses it: `data: <json>\n\n`, ending with `data: [DONE]`. */
export function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export const sseDone = "data: [DONE]\n\n";

/**
 * A named server-sent event, as Anthropic's Messages API and OpenAI's Responses API frame theirs:
 * `event: <type>\ndata: <json>\n\n`, the payload carrying its own `type`.
 */
export function sseEvent(payload: { type: string }): string {
  return `event: ${payload.type}\ndata: ${JSON.stringify(payload)}\n\n`;
}
