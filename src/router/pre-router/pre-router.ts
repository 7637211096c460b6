import { readFile } from "node:fs/promises";
import { z } from "zod";
import {
  preRouterArtifactSchema,
  type PreRouterArtifact,
  type PreRouterTarget,
} from "./artifact.js";
import { denseFeatureNames } from "./dense-features.js";
import { Featurizer } from "./featurizer.js";
import { promptHash48 } from "./hash.js";
import { LinearScorer } from "./linear-scorer.js";
import { decodePromptHashes } from "./prompt-hash-set.js";
import { PreRouterArtifactError } from "./pre-router-error.js";

export interface PreRouterInfo {
  /** Where it was loaded from ("(in memory)" when made from an artifact object). */
  source: string;
  target: PreRouterTarget;
  trainedRows: number;
  trainedAt: string;
  /** The data folder or file it was trained on (its name, not a full path). */
  trainingSource: string;
  holdOut: number;
  bucketBits: number;
  formatVersion: number;
}

/** The learned pre-router: from the prompt alone, how much it needs the strong (cloud) model. */
export interface PreRouter {
  /**
   * Predicted need for the strong model in [0, 1]; higher = more likely the local model's answer
   * is not good enough. Give the text of the user's messages (the last one, or all joined); a
   * long text is read only at its head and tail, so scoring stays well under a millisecond.
   */
  score(prompt: string): number;
  /** The score threshold that sends about `share` (0–1) of prompts like the training ones to the cloud. */
  thresholdForShare(share: number): number;
  /** Whether this prompt (up to white space) was one of the training prompts. */
  wasTrainedOn(prompt: string): boolean;
  readonly info: PreRouterInfo;
}

export function createPreRouter(artifact: PreRouterArtifact, source = "(in memory)"): PreRouter {
  const label = source === "(in memory)" ? "The pre-router artifact" : `Pre-router ${source}`;
  const expected = artifact.features.dense ? denseFeatureNames.join(",") : "";
  if (artifact.dense.names.join(",") !== expected) {
    throw new PreRouterArtifactError(
      `${label} was made by another version of Colibrí (its dense features are ${artifact.dense.names.join(", ") || "none"}). Train it again with: colibri router train --data DIR`,
    );
  }
  const scorer = new LinearScorer(artifact, label);
  const featurizer = new Featurizer(artifact.features);
  const trainedOn = decodePromptHashes(artifact.trainingPrompts);
  if (trainedOn === undefined) {
    throw new PreRouterArtifactError(
      `${label} is damaged: its training-prompt hashes do not hold ${artifact.trainingPrompts.count} entries.`,
    );
  }
  const quantiles = artifact.scoreQuantiles;
  return {
    score: (prompt) => scorer.scorePrompt(prompt, featurizer),
    thresholdForShare: (share) => thresholdForShare(quantiles, share),
    wasTrainedOn: (prompt) => trainedOn.has(promptHash48(prompt)),
    info: {
      source,
      target: artifact.target,
      trainedRows: artifact.training.rows,
      trainedAt: artifact.training.date,
      trainingSource: artifact.training.source,
      holdOut: artifact.training.holdOut,
      bucketBits: artifact.features.bucketBits,
      formatVersion: artifact.version,
    },
  };
}

/** Read, validate and load an artifact file. Errors name the file and what is wrong. */
export async function loadPreRouter(path: string): Promise<PreRouter> {
  return createPreRouter(await readPreRouterArtifact(path), path);
}

export async function readPreRouterArtifact(path: string): Promise<PreRouterArtifact> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === "ENOENT"
        ? "no such file"
        : (error as Error).message;
    throw new PreRouterArtifactError(
      `Cannot read pre-router ${path}: ${reason}. Train one with: colibri router train --data DIR`,
      error,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new PreRouterArtifactError(
      `Pre-router ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  const result = preRouterArtifactSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`)
      .join("; ");
    throw new PreRouterArtifactError(
      `Pre-router ${path} is not a Colibrí pre-router artifact (format ${String(formatOf(json))}): ${problems}`,
    );
  }
  return result.data;
}

function formatOf(json: unknown): unknown {
  const parsed = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(json);
  return parsed.success ? `${String(parsed.data.format)} v${String(parsed.data.version)}` : "?";
}

/** Interpolated in the training scores' percentiles: the score at the (1 − share) quantile. */
export function thresholdForShare(quantiles: readonly number[], share: number): number {
  if (!(share > 0)) return 1;
  if (share >= 1) return 0;
  const position = (1 - share) * (quantiles.length - 1);
  const below = Math.floor(position);
  const low = quantiles[below] ?? 1;
  const high = quantiles[Math.min(below + 1, quantiles.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}
