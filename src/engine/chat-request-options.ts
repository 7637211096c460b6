import type { ChatRequest } from "../core/chat.js";
import { InvalidRequestError } from "../core/errors.js";
import type { ResolvedSampling } from "./chat-generation.js";

/** Temperature when a request gives none: a small model rambles at OpenAI's default of 1. */
export const defaultTemperature = 0.7;
export const defaultTopP = 0.95;
export const maximumTopLogprobs = 20;

/** Check the sampling options (the server validates too; this guards direct callers). */
export function resolveSampling(request: ChatRequest, defaultMaxTokens: number): ResolvedSampling {
  const { temperature, topP, maxTokens, stop, seed, frequencyPenalty, presencePenalty } =
    request.sampling;
  if (temperature !== undefined && !(temperature >= 0 && temperature <= 2)) {
    throw new InvalidRequestError(
      `temperature must be between 0 and 2, got ${temperature}.`,
      "temperature",
    );
  }
  if (topP !== undefined && !(topP > 0 && topP <= 1)) {
    throw new InvalidRequestError(`top_p must be in (0, 1], got ${topP}.`, "top_p");
  }
  if (maxTokens !== undefined && !(Number.isInteger(maxTokens) && maxTokens >= 1)) {
    throw new InvalidRequestError(
      `max_tokens must be a positive integer, got ${maxTokens}.`,
      "max_tokens",
    );
  }
  if (seed !== undefined && !Number.isInteger(seed)) {
    throw new InvalidRequestError(`seed must be an integer, got ${seed}.`, "seed");
  }
  checkPenalty(frequencyPenalty, "frequency_penalty");
  checkPenalty(presencePenalty, "presence_penalty");
  return {
    temperature: temperature ?? defaultTemperature,
    topP: topP ?? defaultTopP,
    maxTokens: maxTokens ?? defaultMaxTokens,
    stop: stop ?? [],
    // llama.cpp seeds are unsigned 32-bit; fold any integer into that range.
    seed: seed === undefined ? undefined : ((seed % 2 ** 32) + 2 ** 32) % 2 ** 32,
    frequencyPenalty: frequencyPenalty ?? 0,
    presencePenalty: presencePenalty ?? 0,
  };
}

function checkPenalty(value: number | undefined, name: string): void {
  if (value !== undefined && !(value >= -2 && value <= 2)) {
    throw new InvalidRequestError(`${name} must be between -2 and 2, got ${value}.`, name);
  }
}

/** Undefined when no logprobs were asked for; otherwise the number of alternatives per token. */
export function resolveTopLogprobs(request: ChatRequest): number | undefined {
  if (request.logprobs === undefined) return undefined;
  const count = request.logprobs.topLogprobs;
  if (!(Number.isInteger(count) && count >= 0 && count <= maximumTopLogprobs)) {
    throw new InvalidRequestError(
      `top_logprobs must be an integer from 0 to ${maximumTopLogprobs}, got ${count}.`,
      "top_logprobs",
    );
  }
  return count;
}
