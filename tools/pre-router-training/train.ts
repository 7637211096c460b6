import type { RouterRow } from "../router-evaluation/router-row.js";
import {
  preRouterFormat,
  preRouterFormatVersion,
  type CrossValidationSummary,
  type GroupValidationSummary,
  type PreRouterArtifact,
  type PreRouterScorer,
  type PreRouterTarget,
} from "../../src/router/pre-router/artifact.js";
import {
  denseFeatureCount,
  denseFeatureNames,
  lengthScore,
} from "../../src/router/pre-router/dense-features.js";
import {
  defaultFeatureSettings,
  type FeatureSettings,
} from "../../src/router/pre-router/feature-settings.js";
import type { FeatureVector } from "../../src/router/pre-router/featurizer.js";
import { LinearScorer } from "../../src/router/pre-router/linear-scorer.js";
import { trainLogistic, type SparseExample } from "./logistic-regression.js";
import { encodePromptHashes } from "../../src/router/pre-router/prompt-hash-set.js";
import {
  featurizePrompts,
  standardisation,
  targetLabel,
  toSparseExample,
} from "./training-examples.js";
import { encodeWeights } from "../../src/router/pre-router/weight-encoding.js";

export interface PreRouterTrainingOptions {
  /** Default "strong-wins", which won on held-out APGR (docs/decisions/0004-pre-router.md). */
  target?: PreRouterTarget;
  features?: Partial<FeatureSettings>;
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  l2?: number;
  seed?: number;
  /** Name of the data the rows came from, recorded in the artifact. */
  source?: string;
  /** Share of the source left out by prompt hash before these rows were chosen (recorded only). */
  holdOut?: number;
  crossValidation?: CrossValidationSummary;
  groupValidation?: GroupValidationSummary;
  /**
   * The group (task family, subject, data set) of each row, by index: each gets its own intercept
   * while training, dropped afterwards, so the weights learn what makes a question harder than
   * others of its kind rather than which kinds are hard (which does not carry to a new kind).
   */
  groups?: readonly number[];
  /** Which score the artifact's router uses (default "learned"; `router train` decides by validation). */
  scorer?: PreRouterScorer;
  now?: () => Date;
  /** Progress from 0 to 1: featurising the prompts (the first tenth), then training. */
  onProgress?: (fraction: number) => void;
}

export type ResolvedTrainingOptions = Required<
  Pick<PreRouterTrainingOptions, "target" | "epochs" | "batchSize" | "learningRate" | "l2" | "seed">
> & { features: FeatureSettings };

export const defaultTrainingOptions: Omit<ResolvedTrainingOptions, "features"> = {
  target: "strong-wins",
  epochs: 6,
  batchSize: 128,
  learningRate: 0.004,
  l2: 1e-5,
  seed: 1,
};

export function resolveTrainingOptions(options: PreRouterTrainingOptions): ResolvedTrainingOptions {
  return {
    target: options.target ?? defaultTrainingOptions.target,
    epochs: options.epochs ?? defaultTrainingOptions.epochs,
    batchSize: options.batchSize ?? defaultTrainingOptions.batchSize,
    learningRate: options.learningRate ?? defaultTrainingOptions.learningRate,
    l2: options.l2 ?? defaultTrainingOptions.l2,
    seed: options.seed ?? defaultTrainingOptions.seed,
    features: { ...defaultFeatureSettings, ...options.features },
  };
}

/** Small data sets are passed over more often, so that training takes at least this many steps. */
const minimumSteps = 500;

/** Train a pre-router on rows of (prompt, weak correct, strong correct). */
export function trainPreRouter(
  rows: readonly RouterRow[],
  options: PreRouterTrainingOptions = {},
): PreRouterArtifact {
  const resolved = resolveTrainingOptions(options);
  const progress = options.onProgress;
  const vectors = featurizeRows(rows, resolved.features, progress);
  return fitPreRouter(rows, vectors, {
    ...options,
    ...resolved,
    ...(progress === undefined
      ? {}
      : {
          onProgress: (fraction) => {
            progress(0.1 + 0.9 * fraction);
          },
        }),
  });
}

/** Featurise the rows' prompts; featurising is the first tenth of a training run's progress. */
export function featurizeRows(
  rows: readonly RouterRow[],
  features: FeatureSettings,
  progress: ((fraction: number) => void) | undefined,
): FeatureVector[] {
  return featurizePrompts(
    rows.map((row) => row.prompt),
    features,
    progress === undefined
      ? undefined
      : (done, total) => {
          progress((0.1 * done) / total);
        },
  );
}

/** Train on rows already featurised with `options.features` (cross-validation reuses them). */
export function fitPreRouter(
  rows: readonly RouterRow[],
  vectors: readonly FeatureVector[],
  options: PreRouterTrainingOptions & ResolvedTrainingOptions,
): PreRouterArtifact {
  const bucketCount = 2 ** options.features.bucketBits;
  const scaling = standardisation(vectors);
  const groupCount = options.groups === undefined ? 0 : Math.max(0, ...options.groups) + 1;
  const firstGroup = bucketCount + denseFeatureCount;
  const examples = vectors.map((vector, index) =>
    withGroup(toSparseExample(vector, bucketCount, scaling), options.groups, firstGroup, index),
  );
  const labels = Uint8Array.from(rows, (row) => targetLabel(row, options.target));
  const model = trainLogistic(examples, labels, firstGroup + groupCount, {
    epochs: options.epochs,
    minimumSteps,
    batchSize: options.batchSize,
    learningRate: options.learningRate,
    l2: options.l2,
    seed: options.seed,
    ...(options.onProgress === undefined
      ? {}
      : { onStep: (done: number, total: number) => options.onProgress?.(done / total) }),
  });
  const denseWeights = Array.from(model.weights.subarray(bucketCount, firstGroup), round);
  // The groups' intercepts go; their mean over the rows joins the bias.
  let groupShift = 0;
  options.groups?.forEach((group) => {
    groupShift += (model.weights[firstGroup + group] ?? 0) / rows.length;
  });
  const range = denseRange(vectors);
  const artifact: PreRouterArtifact = {
    format: preRouterFormat,
    version: preRouterFormatVersion,
    scorer: options.scorer ?? "learned",
    target: options.target,
    features: options.features,
    weights: encodeWeights(model.weights.subarray(0, bucketCount)),
    dense: {
      names: options.features.dense ? [...denseFeatureNames] : [],
      weights: options.features.dense ? denseWeights : [],
      mean: options.features.dense ? scaling.mean.map(round) : [],
      deviation: options.features.dense ? scaling.deviation.map(round) : [],
      minimum: options.features.dense ? range.minimum : [],
      maximum: options.features.dense ? range.maximum : [],
    },
    bias: round(model.bias + groupShift),
    training: {
      rows: rows.length,
      positives: labels.reduce((sum, label) => sum + label, 0),
      date: (options.now?.() ?? new Date()).toISOString(),
      source: options.source ?? "(rows)",
      epochs: model.epochs,
      batchSize: options.batchSize,
      learningRate: options.learningRate,
      l2: options.l2,
      holdOut: options.holdOut ?? 0,
      ...(options.crossValidation === undefined
        ? {}
        : { crossValidation: options.crossValidation }),
      ...(options.groupValidation === undefined
        ? {}
        : { groupValidation: options.groupValidation }),
    },
    quantiles: { learned: [], length: percentiles(rows.map((row) => lengthScore(row.prompt))) },
    trainingPrompts: encodePromptHashes(rows.map((row) => row.prompt)),
  };
  const scorer = new LinearScorer(artifact);
  artifact.quantiles.learned = percentiles(vectors.map((vector) => scorer.score(vector)));
  return artifact;
}

/** The example with its group's intercept feature, when rows are grouped. */
function withGroup(
  example: SparseExample,
  groups: readonly number[] | undefined,
  firstGroup: number,
  index: number,
): SparseExample {
  const group = groups?.[index];
  if (group === undefined) return example;
  const indices = new Int32Array(example.indices.length + 1);
  const values = new Float32Array(example.values.length + 1);
  indices.set(example.indices);
  values.set(example.values);
  indices[example.indices.length] = firstGroup + group;
  values[example.values.length] = 1;
  return { indices, values };
}

/** Each dense feature's smallest and largest value over the training prompts. */
function denseRange(vectors: readonly FeatureVector[]): { minimum: number[]; maximum: number[] } {
  const minimum = new Array<number>(denseFeatureCount).fill(Infinity);
  const maximum = new Array<number>(denseFeatureCount).fill(-Infinity);
  for (const vector of vectors) {
    vector.dense.forEach((value, feature) => {
      minimum[feature] = Math.min(minimum[feature] ?? value, value);
      maximum[feature] = Math.max(maximum[feature] ?? value, value);
    });
  }
  // Rounded outwards, so a training prompt is never out of its own range.
  return {
    minimum: minimum.map((value) => (Number.isFinite(value) ? roundDown(value) : 0)),
    maximum: maximum.map((value) => (Number.isFinite(value) ? roundUp(value) : 0)),
  };
}

function percentiles(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return Array.from({ length: 101 }, (_, percent) => round(quantile(sorted, percent / 100)));
}

/** Linear interpolation between the order statistics of sorted values. */
function quantile(sorted: readonly number[], fraction: number): number {
  if (sorted.length === 0) return 0.5;
  const position = fraction * (sorted.length - 1);
  const below = Math.floor(position);
  const low = sorted[below] ?? 0;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + (high - low) * (position - below);
}

/** Seven significant digits: plenty for a score threshold, and a smaller file. */
function round(value: number): number {
  return Number(value.toPrecision(7));
}

function roundDown(value: number): number {
  const rounded = round(value);
  return rounded > value ? rounded - Math.abs(rounded) * 1e-6 - 1e-12 : rounded;
}

function roundUp(value: number): number {
  const rounded = round(value);
  return rounded < value ? rounded + Math.abs(rounded) * 1e-6 + 1e-12 : rounded;
}
