import { expect } from "vitest";

/** Assert `body` is OpenAI's error shape, `{error: {message, type, code, param}}`; return the error. */
export function expectOpenAIError(body: unknown) {
  expect(body).toEqual({
    error: {
      message: expect.any(String) as string,
      type: expect.any(String) as string,
      code: expect.any(String) as string,
      param: expect.toSatisfy((param) => param === null || typeof param === "string") as unknown,
    },
  });
  return (body as { error: { message: string; code: string; param: string | null } }).error;
}
