import { Option, type Command } from "commander";
import type { Administration } from "../../tenancy/administration.js";
import type { ColibriConfig } from "../../config/schema.js";
import type { Store } from "../../core/records/store.js";
import { buildGateway } from "../../gateway/build-gateway.js";
import { modelStoreFromConfig } from "../../models/model-store-from-config.js";
import type { ProviderRegistry } from "../../upstream/provider-registry.js";
import { loadAuditKey } from "../audit-key.js";
import type { CliContext } from "../context.js";
import { engineOptions, integer } from "../engine-options.js";
import { startEngine } from "../start-engine.js";
import { currentOf } from "../../serving/model-roles.js";
import { registryEntries } from "../model-registry-entries.js";
import { databaseOption } from "../store-access.js";
import { plural } from "../plural.js";
import { requestLogOptions } from "../../server/request-log.js";

interface ServeOptions {
  host?: string;
  port?: number;
  model?: string;
  apiKey?: string;
  adminKey?: string;
  auth?: boolean;
  allowedHosts?: string[];
  database?: string;
  logPrompts?: boolean;
  threads?: number;
  sequences?: number;
  contextSize?: number;
  maxQueue?: number;
  logLevel: string;
}

export function registerServeCommand(program: Command, context: CliContext): void {
  const command = program
    .command("serve")
    .description(
      "Serve the local model through an OpenAI-compatible API, with tenants, keys, limits and usage accounting. Downloads the default model on first run.",
    )
    .option("--host <host>", "address to listen on (default 127.0.0.1; 0.0.0.0 for the network)")
    .option("--port <port>", "TCP port (default 8080)", integer("--port"))
    .option("--model <name>", "catalog name, installed model, .gguf path or pull source to serve")
    .option(
      "--auth",
      "require a key on /v1 routes (default: on when listening beyond loopback); keys come from `colibri keys create`",
    )
    .option("--no-auth", "serve /v1 without keys, as the default tenant, even on the network")
    .option(
      "--allowed-hosts <names>",
      'Host names to answer besides loopback and --host, comma-separated ("*": any); against DNS rebinding',
      (value: string) =>
        value
          .split(",")
          .map((name) => name.trim())
          .filter((name) => name !== ""),
    )
    .addOption(
      new Option("--api-key <key>", "one shared key for /v1, served as the default tenant").env(
        "COLIBRI_API_KEY",
      ),
    )
    .addOption(
      new Option(
        "--admin-key <key>",
        "key for /admin routes and /metrics (default: one created at first start and printed once)",
      ).env("COLIBRI_ADMIN_KEY"),
    )
    .option("--log-prompts", "debug only: log prompt and completion text (off: never logged)")
    .addOption(
      new Option("--log-level <level>", "request log level (JSON lines on stdout)")
        .choices(["fatal", "error", "warn", "info", "debug", "silent"])
        .default("info"),
    );
  databaseOption(command);
  engineOptions(command).addHelpText(
    "after",
    `
Examples:
  colibri serve                                  # default model on http://127.0.0.1:8080/v1
  colibri serve --host 0.0.0.0                   # on the network: keys required
  colibri keys create --tenant acme              # …then give each team or app its own key
  colibri serve --database postgres://colibri@db:5432/colibri   # replicas sharing one ledger
  colibri serve --model gemma3-270m --sequences 8

Then point any OpenAI client at http://127.0.0.1:8080/v1 with model "auto".
With cloud providers in the config ("providers": [...], see docs/configuration.md), "auto" routes:
rules, then the learned pre-router, then the local model first and the cloud when it is unsure.
Each response says why (x-colibri-route, x-colibri-reason); GET /ready shows each provider's circuit.
Prometheus metrics: GET /metrics (admin key required when auth is on).`,
  );
  command.action(async (options: ServeOptions) => {
    const config = await context.loadConfig({
      database: options.database,
      server: {
        host: options.host,
        port: options.port,
        apiKey: options.apiKey,
        adminKey: options.adminKey,
        auth: options.auth,
        allowedHosts: options.allowedHosts,
        logPrompts: options.logPrompts,
      },
      model: { default: options.model },
      engine: {
        threads: options.threads,
        sequences: options.sequences,
        contextSize: options.contextSize,
        maxQueue: options.maxQueue,
      },
    });
    await serve(config, context, options.logLevel, options.model !== undefined);
  });
}

async function serve(
  config: ColibriConfig,
  context: CliContext,
  logLevel: string,
  modelChosen: boolean,
): Promise<void> {
  const models = modelStoreFromConfig(config);
  /** The model to serve: --model, else the registry's current one when installed, else the config's. */
  let served = config;
  // The order matters to the user: the store first (a wrong database URL should fail before a
  // model is loaded), the providers before the model (so should a missing API key).
  const gateway = await buildGateway(config, {
    // The audit's key sits outside the database; the first start creates it in $COLIBRI_HOME.
    auditKey: () =>
      loadAuditKey({
        home: config.home,
        envName: config.privacy.auditKeyEnv,
        env: process.env,
        create: true,
      }),
    prepare: async ({ store, administration }) => {
      await ensureAdminKey(config, store, administration, context);
      if (modelChosen) return;
      const current = currentOf(await store.models.assignments("all"));
      if (current === undefined || (await models.installed(current.model))?.present !== true)
        return;
      served = withModel(config, current.model);
    },
    env: process.env,
    providerLogger: "server",
    backend: () => startEngine(served, context),
    ownsBackend: true,
    // Candidate models (colibri models candidate) load beside it, with the same engine settings.
    modelRollout: {
      load: (model) => startEngine(withModel(config, model), context),
      installed: async () => registryEntries(await models.list()),
    },
    installedModels: async () =>
      (await models.list()).map(({ name, sizeBytes, present }) => ({
        name,
        sizeBytes,
        present,
      })),
    logger: requestLogOptions(logLevel),
  });
  try {
    const { server, backend: engine, store, gatekeeper, providers } = gateway;
    const address = await server.listen();
    const { threads, sequences, contextSize } = engine.settings;
    const access = gatekeeper.authRequired
      ? "keys required"
      : `no keys needed: callers count as tenant "${config.limits.defaultTenant}"`;
    context.stderr.write(
      `Colibrí is serving ${engine.model} at ${address}/v1 (${plural(threads, "thread", "threads")}, ${plural(sequences, "parallel sequence", "parallel sequences")} × ${plural(contextSize, "token", "tokens")}; ${access}; store ${store.location}). ${describeCloud(providers)} Dashboard: ${address}/ui (admin key). Ctrl+C stops.\n`,
    );

    await waitForShutdownSignal();
    context.stderr.write(
      `Shutting down: finishing in-flight requests (up to ${config.server.shutdownGraceMs} ms)…\n`,
    );
    process.once("SIGINT", () => process.exit(130)); // a second Ctrl+C does not wait
  } finally {
    // The server (in-flight requests finish), then the engine, the providers and the store.
    await gateway.close();
  }
}

function withModel(config: ColibriConfig, model: string): ColibriConfig {
  return { ...config, model: { ...config.model, default: model } };
}

function describeCloud(providers: ProviderRegistry): string {
  const names = providers
    .list()
    .map((provider) => `${provider.name} (${provider.models.join(", ")})`);
  return names.length === 0
    ? 'No cloud provider: "auto" answers locally.'
    : `Cloud providers for "auto": ${names.join("; ")}.`;
}

/** Without a configured admin key, the first start creates one and prints it, once. */
async function ensureAdminKey(
  config: ColibriConfig,
  store: Store,
  administration: Administration,
  context: CliContext,
): Promise<void> {
  if (config.server.adminKey !== undefined || (await store.keys.hasActiveAdmin())) return;
  const { key } = await administration.createKey({
    kind: "admin",
    name: "created at first start",
  });
  context.stderr.write(
    `Admin key for /admin routes and /metrics (shown once — store it now; only its hash is kept):\n  ${key}\n`,
  );
}

function waitForShutdownSignal(): Promise<void> {
  return new Promise((resolve) => {
    process.once("SIGINT", () => {
      resolve();
    });
    process.once("SIGTERM", () => {
      resolve();
    });
  });
}
