import type { Command } from "commander";
import type { CliContext } from "../../../src/cli/context.js";
import { registerTuneDataset } from "./tune-dataset.js";
import { registerTuneTrain } from "./tune-train.js";

/**
 * `colibri tune`: the specialisation loop's offline steps (issue 25). `tune dataset` exports a
 * tenant's training pairs; a trainer registers beside it here.
 */
export function registerTuneCommand(program: Command, context: CliContext): void {
  const tune = program
    .command("tune")
    .description(
      "Turn a tenant's requests escalated to the cloud into a data set for a LoRA adapter of the local model.",
    )
    .addHelpText(
      "after",
      `
Pairs are kept only for tenants that consent (colibri tenants set T --keep-training-pairs on),
as they were sent to the cloud: masked by the privacy guard, pseudonyms in place of the values.

Examples:
  colibri tenants set acme --keep-training-pairs on
  colibri tune dataset --tenant acme --out ./acme-data
  colibri tune train --dataset ./acme-data --base smollm2-135m-instruct --out acme.gguf`,
    );
  registerTuneDataset(tune, context);
  registerTuneTrain(tune, context);
}
