import { seededRandom, shuffle } from "./seeded-random.js";
import { sigmoid } from "../../src/router/pre-router/sigmoid.js";

/** One training example: a sparse vector over the model's dimensions. */
export interface SparseExample {
  indices: Int32Array;
  values: Float32Array;
}

export interface LogisticTrainingOptions {
  /** Passes over the data, at least; small data sets get more, to make `minimumSteps` steps. */
  epochs: number;
  minimumSteps: number;
  batchSize: number;
  /** Adam's step size at the start; it decays linearly to a tenth by the last step. */
  learningRate: number;
  /** L2 penalty on the weights (not the bias), per example: loss + l2/2 · |w|². */
  l2: number;
  seed: number;
  /** Called after every mini-batch with the steps done and the total. */
  onStep?: (done: number, total: number) => void;
}

export interface LogisticModel {
  weights: Float64Array;
  bias: number;
  /** Passes over the data made. */
  epochs: number;
}

const beta1 = 0.9;
const beta2 = 0.999;
const epsilon = 1e-8;

/**
 * Logistic regression by mini-batch Adam with an L2 penalty, in plain TypeScript. The gradient of
 * the log-loss is gathered sparsely; the penalty and the Adam step run over every weight, which is
 * cheap at 2^16–2^18 dimensions and keeps the penalty exact (not only on the weights a batch sees).
 */
export function trainLogistic(
  examples: readonly SparseExample[],
  labels: Uint8Array,
  dimension: number,
  options: LogisticTrainingOptions,
): LogisticModel {
  const weights = new Float64Array(dimension);
  const gradient = new Float64Array(dimension);
  const firstMoment = new Float64Array(dimension + 1);
  const secondMoment = new Float64Array(dimension + 1);
  let positives = 0;
  for (const label of labels) positives += label;
  const rate = (positives + 0.5) / (labels.length + 1);
  let bias = Math.log(rate / (1 - rate));

  const random = seededRandom(options.seed);
  const order = Array.from({ length: examples.length }, (_, index) => index);
  const batchesPerEpoch = Math.max(1, Math.ceil(examples.length / options.batchSize));
  const epochs = Math.max(options.epochs, Math.ceil(options.minimumSteps / batchesPerEpoch));
  const totalSteps = batchesPerEpoch * epochs;
  let step = 0;
  for (let epoch = 0; epoch < epochs; epoch++) {
    shuffle(order, random);
    for (let start = 0; start < order.length; start += options.batchSize) {
      const end = Math.min(order.length, start + options.batchSize);
      gradient.fill(0);
      let biasGradient = 0;
      for (let position = start; position < end; position++) {
        const index = order[position] ?? 0;
        const example = examples[index];
        if (example === undefined) continue;
        const error = sigmoid(bias + dot(weights, example)) - (labels[index] ?? 0);
        biasGradient += error;
        const { indices, values } = example;
        for (let entry = 0; entry < indices.length; entry++) {
          const feature = indices[entry] ?? 0;
          gradient[feature] = (gradient[feature] ?? 0) + error * (values[entry] ?? 0);
        }
      }
      step++;
      const size = end - start;
      const learningRate =
        options.learningRate * (1 - (0.9 * (step - 1)) / Math.max(1, totalSteps));
      const correction1 = 1 - beta1 ** step;
      const correction2 = 1 - beta2 ** step;
      for (let feature = 0; feature < dimension; feature++) {
        const weight = weights[feature] ?? 0;
        const value = (gradient[feature] ?? 0) / size + options.l2 * weight;
        const first = beta1 * (firstMoment[feature] ?? 0) + (1 - beta1) * value;
        const second = beta2 * (secondMoment[feature] ?? 0) + (1 - beta2) * value * value;
        firstMoment[feature] = first;
        secondMoment[feature] = second;
        weights[feature] =
          weight -
          (learningRate * (first / correction1)) / (Math.sqrt(second / correction2) + epsilon);
      }
      const value = biasGradient / size;
      const first = beta1 * (firstMoment[dimension] ?? 0) + (1 - beta1) * value;
      const second = beta2 * (secondMoment[dimension] ?? 0) + (1 - beta2) * value * value;
      firstMoment[dimension] = first;
      secondMoment[dimension] = second;
      bias -= (learningRate * (first / correction1)) / (Math.sqrt(second / correction2) + epsilon);
      options.onStep?.(step, totalSteps);
    }
  }
  return { weights, bias, epochs };
}

export function dot(weights: ArrayLike<number>, example: SparseExample): number {
  let sum = 0;
  const { indices, values } = example;
  for (let entry = 0; entry < indices.length; entry++) {
    sum += (weights[indices[entry] ?? 0] ?? 0) * (values[entry] ?? 0);
  }
  return sum;
}
