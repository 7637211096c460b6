// The offline commands, as src/cli/main.ts loads them at run time (see src/cli/offline-commands.ts).
import { ColibriError } from "../../src/core/errors.js";
import type { OfflineCommands } from "../../src/cli/offline-commands.js";
import { registerBenchCommand } from "./commands/bench.js";
import { registerEvalCommand } from "./commands/eval.js";
import { registerRouterCommand } from "./commands/router.js";
import { registerTuneCommand } from "./commands/tune.js";

export const offlineCommands: OfflineCommands = {
  registerBenchCommand,
  registerRouterCommand,
  registerEvalCommand,
  registerTuneCommand,
  errorMessage: (error) => (error instanceof ColibriError ? error.message : undefined),
};
