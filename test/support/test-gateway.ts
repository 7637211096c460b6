import {
  administrationFromConfig,
  gatekeeperFromConfig,
} from "../../src/tenancy/gatekeeper-from-config.js";
import type { Administration } from "../../src/tenancy/administration.js";
import type { Gatekeeper } from "../../src/tenancy/gatekeeper.js";
import { embedder, ResponseCache } from "../../src/cache/response-cache.js";
import { parseConfig } from "../../src/config/load.js";
import type { ColibriConfig } from "../../src/config/schema.js";
import type { ChatBackend } from "../../src/core/chat.js";
import { EgressAuditor } from "../../src/privacy/egress-auditor.js";
import { ValueHasher } from "../../src/privacy/value-hasher.js";
import { createServer, type ColibriServer } from "../../src/server/app.js";
import { routerFromConfig } from "../../src/router/router-from-config.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/core/records/store.js";
import type { ProviderRegistry } from "../../src/upstream/provider-registry.js";
import { providersFromConfig } from "../../src/upstream/providers-from-config.js";
import { ScriptedBackend } from "./scripted-backend.js";

/** The audit key test gateways hash with. */
export const testAuditKey = "test-audit-key-0123456789abcdef0123456789";

export interface TestGateway<B extends ChatBackend> {
  backend: B;
  config: ColibriConfig;
  store: Store;
  gatekeeper: Gatekeeper;
  administration: Administration;
  server: ColibriServer;
  app: ColibriServer["app"];
  providers: ProviderRegistry;
  /** The egress audit's keyed hash (key `testAuditKey`). */
  hasher: ValueHasher;
  /** Close the server, then the providers and the store. */
  close(): Promise<void>;
}

/**
 * A real server over a real store (in-memory SQLite unless `database` is given) and, by default,
 * the scripted backend: the platform is never mocked.
 */
export async function startTestGateway<B extends ChatBackend = ScriptedBackend>(
  options: {
    config?: Record<string, unknown>;
    backend?: B;
    now?: () => number;
    /** Where providers' API keys are read from (`providers[].apiKeyEnv`). */
    env?: NodeJS.ProcessEnv;
    defaultMaxTokens?: number;
    /** What the dashboard's models view lists as installed; default nothing. */
    installedModels?: () => Promise<{ name: string; sizeBytes: number; present: boolean }[]>;
    logger?: Parameters<typeof createServer>[0]["logger"];
  } = {},
): Promise<TestGateway<B>> {
  const input = options.config ?? {};
  const config = parseConfig({
    home: "/tmp/colibri-unused",
    database: "sqlite::memory:",
    ...input,
    server: { port: 0, ...(input["server"] as object | undefined) },
  });
  const backend = options.backend ?? (new ScriptedBackend() as unknown as B);
  const store = await openStore({ url: config.database ?? "sqlite::memory:", home: config.home });
  const gatekeeper = await gatekeeperFromConfig(config, store, options.now);
  const providers = providersFromConfig(config.providers, options.env ?? {});
  const hasher = new ValueHasher(testAuditKey);
  const auditor = new EgressAuditor({
    repository: store.egress,
    hash: hasher.hash,
    ...(options.now === undefined ? {} : { now: options.now }),
  });
  const administration = administrationFromConfig(config, store, options.now, hasher);
  const server = createServer({
    backend,
    files: {
      store,
      maxBytes: config.files.maxBytes,
      quotaBytesPerTenant: config.files.quotaBytesPerTenant,
    },
    retention: {
      store,
      settings: config.retention,
      defaultTenant: config.limits.defaultTenant,
    },
    queue: { store, config: config.queue },
    dashboard: {
      store,
      ...(options.installedModels === undefined
        ? {}
        : { installedModels: options.installedModels }),
    },
    cache: new ResponseCache({
      repository: store.cache,
      settings: config.cache,
      embed: embedder(backend),
      ...(options.now === undefined ? {} : { now: options.now }),
    }),
    router: await routerFromConfig(config, backend, providers, {
      auditor,
      onAuditFailure: (error) => {
        throw error;
      },
    }),
    gatekeeper,
    administration,
    server: config.server,
    defaultMaxTokens: options.defaultMaxTokens ?? 64,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  return {
    backend,
    config,
    store,
    gatekeeper,
    administration,
    server,
    app: server.app,
    providers,
    hasher,
    async close() {
      await server.close();
      await providers.close();
      await store.close();
    },
  };
}
