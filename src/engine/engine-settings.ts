import type { MachineInfo } from "../config/machine.js";
import type { ModelFootprint } from "./model-footprint.js";

/** How the engine runs: CPU threads, parallel sequences, tokens of context per sequence. */
export interface EngineSettings {
  threads: number;
  sequences: number;
  /** Tokens per sequence (node-llama-cpp's `contextSize` is per sequence). */
  contextSize: number;
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
/** Runtime, compute buffers and logits beside weights and KV cache (measured: well under this). */
export const runtimeOverheadBytes = 128 * 1024 * 1024;

/**
 * Fill in the settings the config left open, from the machine and the model (pure):
 * - threads: the machine's cores (measured on 2 cores: 2 threads beat 1 for both prompt and generation);
 * - contextSize: min(model's trained context, 4096), halved (down to 512) when even one sequence
 *   would not fit in RAM;
 * - sequences: 2 per core (4 on a 2-core box), at most 32, and no more than fit in 75% of free
 *   RAM beside the model and the embedding context; at least 1 (the RAM check then says whether
 *   that fits).
 */
export function resolveEngineSettings(input: EngineSettingsInput): EngineSettings {
  const { machine, model, requested = {} } = input;
  const threads = requested.threads ?? Math.max(1, machine.cores);
  const budget =
    machine.freeMemoryBytes * defaultMemoryShare - model.fileSizeBytes - runtimeOverheadBytes;
  const sequenceBytes = (contextSize: number): number => model.kvBytesPerToken * contextSize;
  // The embedding context takes as much as one more sequence.

  let contextSize = requested.contextSize;
  if (contextSize === undefined) {
    contextSize = Math.min(model.trainContextSize ?? defaultContextCeiling, defaultContextCeiling);
    const fewest = requested.sequences ?? 1;
    while (contextSize > minimumContextSize && sequenceBytes(contextSize) * (fewest + 1) > budget) {
      contextSize = Math.max(minimumContextSize, Math.floor(contextSize / 2));
    }
  }

  let sequences = requested.sequences;
  if (sequences === undefined) {
    const wanted = Math.min(defaultSequenceCeiling, Math.max(1, machine.cores * 2));
    const perSequence = sequenceBytes(contextSize);
    const fitting = perSequence > 0 ? Math.floor(budget / perSequence) - 1 : wanted;
    sequences = Math.max(1, Math.min(wanted, fitting, maximumSequences));
  }
  return { threads, sequences, contextSize };
}
