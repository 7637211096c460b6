/** Server-sent events framing as OpenAI uses it: `data: <json>\n\n`, ending with `data: [DONE]`. */
export function sseData(payload: unknown): string {
  return `data: ${JSON.stringify(payload)}\n\n`;
}

export const sseDone = "data: [DONE]\n\n";
