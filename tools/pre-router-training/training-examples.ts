import type { RouterRow } from "../router-evaluation/router-row.js";
import type { PreRouterTarget } from "../../src/router/pre-router/artifact.js";
import { denseFeatureCount } from "../../src/router/pre-router/dense-features.js";
import type { FeatureSettings } from "../../src/router/pre-router/feature-settings.js";
import { Featurizer, type FeatureVector } from "../../src/router/pre-router/featurizer.js";
import type { SparseExample } from "./logistic-regression.js";

/** Mean and spread of each dense feature over a training set. */
export interface Standardisation {
  mean: number[];
  deviation: number[];
}

/** 1 where the row is a positive example of the target. */
export function targetLabel(row: RouterRow, target: PreRouterTarget): number {
  if (target === "weak-wrong") return row.weakCorrect ? 0 : 1;
  return !row.weakCorrect && row.strongCorrect ? 1 : 0;
}

export function featurizePrompts(
  prompts: readonly string[],
  settings: FeatureSettings,
  onProgress?: (done: number, total: number) => void,
): FeatureVector[] {
  const featurizer = new Featurizer(settings);
  return prompts.map((prompt, index) => {
    if (index % 500 === 0) onProgress?.(index, prompts.length);
    return featurizer.extract(prompt);
  });
}

export function standardisation(vectors: readonly FeatureVector[]): Standardisation {
  const mean = new Array<number>(denseFeatureCount).fill(0);
  const deviation = new Array<number>(denseFeatureCount).fill(0);
  for (const vector of vectors) {
    vector.dense.forEach((value, feature) => {
      mean[feature] = (mean[feature] ?? 0) + value / vectors.length;
    });
  }
  for (const vector of vectors) {
    vector.dense.forEach((value, feature) => {
      const difference = value - (mean[feature] ?? 0);
      deviation[feature] = (deviation[feature] ?? 0) + (difference * difference) / vectors.length;
    });
  }
  return {
    mean,
    // A constant feature gets a spread of 1, so it standardises to 0 rather than dividing by 0.
    deviation: deviation.map((variance) => (variance > 1e-12 ? Math.sqrt(variance) : 1)),
  };
}

/** The hashed part as is, then the standardised dense features at `bucketCount + i`. */
export function toSparseExample(
  vector: FeatureVector,
  bucketCount: number,
  scaling: Standardisation,
): SparseExample {
  const count = vector.indices.length;
  const indices = new Int32Array(count + denseFeatureCount);
  const values = new Float32Array(count + denseFeatureCount);
  indices.set(vector.indices);
  values.set(vector.values);
  for (let feature = 0; feature < denseFeatureCount; feature++) {
    indices[count + feature] = bucketCount + feature;
    values[count + feature] =
      ((vector.dense[feature] ?? 0) - (scaling.mean[feature] ?? 0)) /
      (scaling.deviation[feature] ?? 1);
  }
  return { indices, values };
}
