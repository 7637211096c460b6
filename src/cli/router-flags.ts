import { Option, type Command } from "commander";
import { InvalidRequestError } from "../core/errors.js";
import { preRouterTargets, type PreRouterTarget } from "../router/pre-router/artifact.js";
import {
  defaultTrainingOptions,
  type PreRouterTrainingOptions,
} from "../router/pre-router/train.js";

/** The training flags shared by `router train` and `eval router --cv`, as raw text. */
export interface TrainingFlagValues {
  target?: PreRouterTarget;
  epochs?: string;
  l2?: string;
  seed?: string;
}

export function addTrainingFlags(command: Command): Command {
  return command
    .addOption(
      new Option(
        "--target <target>",
        `what the model predicts: weak-wrong (the local model answers wrongly) or strong-wins (it is wrong and the cloud right) (default: ${defaultTrainingOptions.target})`,
      ).choices(preRouterTargets),
    )
    .option("--epochs <n>", `passes over the data (default: ${defaultTrainingOptions.epochs})`)
    .option("--l2 <penalty>", `L2 regularisation (default: ${defaultTrainingOptions.l2})`)
    .option(
      "--seed <n>",
      `seed for the order of training (default: ${defaultTrainingOptions.seed})`,
    );
}

export function trainingOptionsFromFlags(values: TrainingFlagValues): PreRouterTrainingOptions {
  return {
    ...(values.target === undefined ? {} : { target: values.target }),
    ...(values.epochs === undefined
      ? {}
      : { epochs: parseWholeNumber("--epochs", values.epochs, 1, 1000) }),
    ...(values.l2 === undefined ? {} : { l2: parseNumber("--l2", values.l2, 0, 10) }),
    ...(values.seed === undefined
      ? {}
      : { seed: parseWholeNumber("--seed", values.seed, 0, 2 ** 32 - 1) }),
  };
}

/** A number in [min, max], or a one-line error naming the flag and the value seen. */
export function parseNumber(flag: string, raw: string, min: number, max: number): number {
  const value = raw.trim() === "" ? Number.NaN : Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new InvalidRequestError(
      `${flag} must be a number from ${min} to ${max}, not "${raw}".`,
      flag.replace(/^--/, ""),
    );
  }
  return value;
}

export function parseWholeNumber(flag: string, raw: string, min: number, max: number): number {
  const value = parseNumber(flag, raw, min, max);
  if (!Number.isInteger(value)) {
    throw new InvalidRequestError(
      `${flag} must be a whole number from ${min} to ${max}, not "${raw}".`,
      flag.replace(/^--/, ""),
    );
  }
  return value;
}
