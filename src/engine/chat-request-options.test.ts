import { describe, expect, it } from "vitest";
import { InvalidRequestError } from "../core/errors.js";
import { resolveSampling } from "./chat-request-options.js";

const request = (sampling: Record<string, number>) => ({
  messages: [{ role: "user" as const, content: "Hola" }],
  sampling,
});

describe("resolveSampling: frequency and presence penalties", () => {
  it("passes the penalties on, 0 when the request gives none", () => {
    expect(resolveSampling(request({}), 64)).toMatchObject({
      frequencyPenalty: 0,
      presencePenalty: 0,
    });
    expect(
      resolveSampling(request({ frequencyPenalty: 1.5, presencePenalty: -2 }), 64),
    ).toMatchObject({ frequencyPenalty: 1.5, presencePenalty: -2 });
  });

  it.each([
    ["frequencyPenalty", "frequency_penalty", 2.01],
    ["presencePenalty", "presence_penalty", -2.5],
    ["presencePenalty", "presence_penalty", Number.NaN],
  ])("refuses %s out of -2..2, naming %s", (field, param, value) => {
    const call = () => resolveSampling(request({ [field]: value }), 64);
    expect(call).toThrow(InvalidRequestError);
    expect(call).toThrow(`${param} must be between -2 and 2, got ${value}.`);
    try {
      call();
    } catch (error) {
      expect(error).toMatchObject({ status: 400, param });
    }
  });
});
