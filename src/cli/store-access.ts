import type { Command } from "commander";
import type { ColibriConfig } from "../config/schema.js";
import { defaultDatabaseUrl } from "../store/database-url.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../core/records/store.js";
import type { CliContext } from "./context.js";

export interface DatabaseOptions {
  database?: string;
}

/** Adds `--database <url>`, for the commands that read or change the store. */
export function databaseOption(command: Command): Command {
  return command.option(
    "--database <url>",
    "database URL: sqlite:<file> or postgres://…; default sqlite:$COLIBRI_HOME/colibri.db; env COLIBRI_DATABASE_URL",
  );
}

/**
 * Load the config (with the --database override), open its store, run `work` and close the store
 * whatever happens.
 */
export async function withStore<T>(
  context: CliContext,
  options: DatabaseOptions,
  work: (store: Store, config: ColibriConfig) => Promise<T>,
): Promise<T> {
  const config = await context.loadConfig({ database: options.database });
  const store = await openStore({
    url: config.database ?? defaultDatabaseUrl(config.home),
    home: config.home,
  });
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
