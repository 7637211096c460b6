import type { MachineInfo } from "../config/machine.js";
import { estimateMemory, resolveEmbeddingContextSize } from "../models/memory-estimate.js";
import type { ModelFootprint } from "./model-footprint.js";

/** How the engine runs: CPU threads, parallel sequences, tokens of context per sequence. */
export interface EngineSettings {
  threads: number;
  sequences: number;
  /** Tokens per sequence (node-llama-cpp's `contextSize` is per sequence). */
  contextSize: number;
  /** Longest embeddings input (the separate embedding context's size). */
  embeddingContextSize: number;
}

export interface EngineSettingsInput {
  machine: MachineInfo;
  model: ModelFootprint;
  /** Values from config; each one given wins over the default. */
  requested?: Partial<EngineSettings>;
}

/** Largest default context per sequence; a longer one costs RAM that few requests use. */
export const defaultContextCeiling = 4096;
/** Smallest context the defaults shrink to when RAM is short. */
export const minimumContextSize = 512;
/** llama.cpp's limit on sequences in one context. */
export const maximumSequences = 256;
/** Default sequences never exceed this, however big the machine: CPU decoding gains little more. */
export const defaultSequenceCeiling = 32;
/** Share of free RAM the defaults plan to use, leaving room for the OS and the gateway itself. */
export const defaultMemoryShare = 0.75;
/** Default threads never exceed this: CPU decoding is bound by memory bandwidth beyond a few. */
export const defaultThreadCeiling = 8;

/**
 * Inference threads when the config sets none: one core left free (at least 1 thread, at most 8).
 * llama.cpp's threads wait for each other at every step, so when they hold every core, any other
 * work (the OS, the gateway's own event loop, a browser) stalls all of them: measured on 2 cores
 * (docs/benchmarks.md), 2 threads fell to a few tokens/s under one busy process while 1 thread kept
 * most of its speed, and 1 thread was as fast as 2 even on an idle machine.
 */
export function defaultThreads(cores: number): number {
  return Math.min(defaultThreadCeiling, Math.max(1, cores - 1));
}

/**
 * Fill in the settings the config left open, from the machine and the model (pure), so that the
 * RAM estimate (`estimateMemory`, the one `colibri inspect` prints and the load check applies)
 * stays within 75% of free RAM:
 * - threads: the machine's cores less one, at most 8 (see defaultThreads);
 * - contextSize: min(model's trained context, 4096), halved (down to 512) while even the requested
 *   sequences (else one) would not fit;
 * - sequences: 2 per core (4 on a 2-core box), at most 32, fewer while they do not fit; at least 1
 *   (the RAM check then says whether that fits).
 */
export function resolveEngineSettings(input: EngineSettingsInput): EngineSettings {
  const { machine, model, requested = {} } = input;
  const threads = requested.threads ?? defaultThreads(machine.cores);
  const budget = machine.freeMemoryBytes * defaultMemoryShare;
  const fits = (contextSize: number, sequences: number): boolean =>
    estimateMemory({
      fileSizeBytes: model.fileSizeBytes,
      shape: model.shape,
      contextSize,
      sequences,
      embeddingContextSize: requested.embeddingContextSize,
    }).totalBytes <= budget;

  let contextSize = requested.contextSize;
  if (contextSize === undefined) {
    contextSize = Math.min(model.trainContextSize ?? defaultContextCeiling, defaultContextCeiling);
    const fewest = requested.sequences ?? 1;
    while (contextSize > minimumContextSize && !fits(contextSize, fewest)) {
      contextSize = Math.max(minimumContextSize, Math.floor(contextSize / 2));
    }
  }

  let sequences = requested.sequences;
  if (sequences === undefined) {
    sequences = Math.min(defaultSequenceCeiling, maximumSequences, Math.max(1, machine.cores * 2));
    while (sequences > 1 && !fits(contextSize, sequences)) sequences -= 1;
  }
  const embeddingContextSize = resolveEmbeddingContextSize(
    contextSize,
    requested.embeddingContextSize,
  );
  return { threads, sequences, contextSize, embeddingContextSize };
}
