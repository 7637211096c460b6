import { avalanche, fnv1a, promptKey, promptPosition } from "../../src/router/pre-router/hash.js";

/**
 * Deterministic splits by prompt: the same question always lands on the same side, whatever file
 * or order it comes in, so training and test questions are never the same.
 */

/** Whether a prompt is in the held-out share (0–1) of prompts, chosen by its hash. */
export function isHeldOut(prompt: string, holdOut: number): boolean {
  return promptPosition(prompt) < holdOut;
}

const foldSeed = 0x2545f491;

/**
 * The cross-validation fold (0…folds − 1) of a prompt: from a hash independent of the hold-out
 * split's, so folds of the training part are as even as folds of the whole.
 */
export function foldOf(prompt: string, folds: number): number {
  return avalanche(fnv1a(promptKey(prompt), foldSeed)) % folds;
}
