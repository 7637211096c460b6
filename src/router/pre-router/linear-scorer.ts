import type { PreRouterArtifact } from "./artifact.js";
import type { Featurizer, FeatureVector } from "./featurizer.js";
import { PreRouterArtifactError } from "./pre-router-error.js";
import { sigmoid } from "./sigmoid.js";
import { decodeWeights } from "./weight-encoding.js";

/** The artifact's model, decoded: turns a feature vector into a score in [0, 1]. */
export class LinearScorer {
  private readonly weights: Float32Array;
  private readonly denseWeights: Float64Array;
  private readonly denseMean: Float64Array;
  private readonly denseDeviation: Float64Array;
  private readonly bias: number;

  constructor(artifact: PreRouterArtifact, source = "the pre-router artifact") {
    const count = 2 ** artifact.features.bucketBits;
    const weights = decodeWeights(artifact.weights, count);
    if (weights === undefined) {
      throw new PreRouterArtifactError(
        `${source} is damaged: its weights do not hold ${count} values for 2^${artifact.features.bucketBits} buckets. Train it again with: colibri router train --data DIR`,
      );
    }
    const { dense } = artifact;
    const denseCount = dense.names.length;
    if (
      dense.weights.length !== denseCount ||
      dense.mean.length !== denseCount ||
      dense.deviation.length !== denseCount ||
      dense.minimum.length !== denseCount ||
      dense.maximum.length !== denseCount
    ) {
      throw new PreRouterArtifactError(
        `${source} is damaged: ${denseCount} dense features but ${dense.weights.length} weights, ${dense.mean.length} means, ${dense.deviation.length} deviations and ${dense.minimum.length}/${dense.maximum.length} bounds.`,
      );
    }
    this.weights = weights;
    this.denseWeights = Float64Array.from(dense.weights);
    this.denseMean = Float64Array.from(dense.mean);
    this.denseDeviation = Float64Array.from(dense.deviation);
    this.bias = artifact.bias;
  }

  /** The score of a vector from `Featurizer.extract` (training and cross-validation). */
  score(vector: FeatureVector): number {
    let sum = this.bias;
    const { indices, values } = vector;
    for (let entry = 0; entry < indices.length; entry++) {
      sum += (this.weights[indices[entry] ?? 0] ?? 0) * (values[entry] ?? 0);
    }
    return sigmoid(sum + this.denseSum(vector.dense));
  }

  /**
   * The score of a prompt whose dense features are already known (`dense`, from denseFeatures;
   * ignored when the model has none), computed without building its vector (the router's path).
   */
  scorePrompt(prompt: string, featurizer: Featurizer, dense: Float64Array): number {
    let sum = this.bias;
    if (featurizer.hasHashedFeatures) {
      sum += featurizer.hashedDot(featurizer.visibleText(prompt), this.weights);
    }
    if (this.denseWeights.length > 0) sum += this.denseSum(dense);
    return sigmoid(sum);
  }

  private denseSum(dense: Float64Array): number {
    let sum = 0;
    for (let feature = 0; feature < this.denseWeights.length; feature++) {
      const standard =
        ((dense[feature] ?? 0) - (this.denseMean[feature] ?? 0)) /
        (this.denseDeviation[feature] ?? 1);
      sum += (this.denseWeights[feature] ?? 0) * standard;
    }
    return sum;
  }
}
