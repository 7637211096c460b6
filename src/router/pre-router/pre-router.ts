import { readFile } from "node:fs/promises";
import { z } from "zod";
import {
  preRouterArtifactSchema,
  preRouterFormat,
  preRouterFormatVersion,
  type PreRouterArtifact,
  type PreRouterScorer,
  type PreRouterTarget,
} from "./artifact.js";
import { denseFeatureNames, denseFeatures, lengthScore } from "./dense-features.js";
import { Featurizer } from "./featurizer.js";
import { promptHash48 } from "./hash.js";
import { LinearScorer } from "./linear-scorer.js";
import { decodePromptHashes } from "./prompt-hash-set.js";
import { PreRouterArtifactError } from "./pre-router-error.js";
import { positionForShare, scorePosition } from "./score-position.js";

export interface PreRouterInfo {
  /** Where it was loaded from ("(in memory)" when made from an artifact object). */
  source: string;
  /** What `score` uses: the length heuristic, or the learned model (with the heuristic as fallback). */
  scorer: PreRouterScorer;
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
  /** The router's score and what it is made of (evaluation: each scorer on its own). */
  scores(prompt: string): PreRouterScores;
  /** The score threshold that sends about `share` (0–1) of prompts like the training ones to the cloud. */
  thresholdForShare(share: number): number;
  /** Whether this prompt (up to white space) was one of the training prompts. */
  wasTrainedOn(prompt: string): boolean;
  readonly info: PreRouterInfo;
}

/** Positions (0–1) among the training prompts, see score-position.ts. */
export interface PreRouterScores {
  /** What `score` returns. */
  router: number;
  /** The learned model's, whether or not it is used or trusted. */
  learned: number;
  length: number;
  /** Some feature lies outside the range the learned model was trained on. */
  outOfRange: boolean;
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
  const { quantiles } = artifact;
  const { minimum, maximum } = artifact.dense;
  const useLearned = artifact.scorer === "learned";
  const scores = (prompt: string): PreRouterScores => {
    const dense = denseFeatures(prompt);
    const length = scorePosition(quantiles.length, lengthScore(prompt));
    const learned = scorePosition(quantiles.learned, scorer.scorePrompt(prompt, featurizer, dense));
    let outOfRange = false;
    for (let feature = 0; feature < minimum.length && !outOfRange; feature++) {
      const value = dense[feature] ?? 0;
      outOfRange = value < (minimum[feature] ?? value) || value > (maximum[feature] ?? value);
    }
    return { router: useLearned && !outOfRange ? learned : length, learned, length, outOfRange };
  };
  return {
    score: useLearned
      ? (prompt) => scores(prompt).router
      : (prompt) => scorePosition(quantiles.length, lengthScore(prompt)),
    scores,
    thresholdForShare: positionForShare,
    wasTrainedOn: (prompt) => trainedOn.has(promptHash48(prompt)),
    info: {
      source,
      scorer: artifact.scorer,
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
  const { format, version } = versionOf(json);
  if (format === preRouterFormat && version !== preRouterFormatVersion) {
    throw new PreRouterArtifactError(
      `Pre-router ${path} is format ${String(version)}; this Colibrí reads format ${preRouterFormatVersion} (format 1's hashed n-gram model did not hold on task families it was not trained on, see docs/decisions/0019-pre-router-across-task-families.md). Train it again with: colibri router train --data DIR, or drop router.preRouter.artifact to use the bundled one.`,
    );
  }
  const result = preRouterArtifactSchema.safeParse(json);
  if (!result.success) {
    const problems = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.join(".") || "(top level)"}: ${issue.message}`)
      .join("; ");
    throw new PreRouterArtifactError(
      `Pre-router ${path} is not a Colibrí pre-router artifact (format ${formatOf(json)}): ${problems}`,
    );
  }
  return result.data;
}

function versionOf(json: unknown): { format?: unknown; version?: unknown } {
  const parsed = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(json);
  return parsed.success ? parsed.data : {};
}

function formatOf(json: unknown): string {
  const { format, version } = versionOf(json);
  const text = (value: unknown) => (typeof value === "string" ? value : JSON.stringify(value));
  return format === undefined ? "?" : `${text(format)} v${text(version)}`;
}
