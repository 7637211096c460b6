import { Option, type Command } from "commander";
import { preRouterTargets, type PreRouterTarget } from "../../src/router/pre-router/artifact.js";
import {
  defaultTrainingOptions,
  type PreRouterTrainingOptions,
} from "../pre-router-training/train.js";
import { parseNumber, parseWholeNumber } from "../../src/cli/router-flags.js";

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
