import OpenAI from "openai";
import type { Administration } from "../../src/tenancy/administration.js";
import type { Gatekeeper } from "../../src/tenancy/gatekeeper.js";
import { parseConfig } from "../../src/config/load.js";
import type { ColibriConfig } from "../../src/config/schema.js";
import type { ChatBackend } from "../../src/core/chat.js";
import { buildGateway } from "../../src/gateway/build-gateway.js";
import type { EgressAudit } from "../../src/privacy/egress-audit.js";
import type { ValueHasher } from "../../src/privacy/value-hasher.js";
import type { ColibriServer, ServerOptions } from "../../src/server/app.js";
import type { Store } from "../../src/core/records/store.js";
import type { ProviderRegistry } from "../../src/upstream/provider-registry.js";
import { ScriptedBackend } from "./scripted-backend.js";

/** The audit key test gateways hash with. */
export const testAuditKey = "test-audit-key-0123456789abcdef0123456789";

export interface TestGateway<B extends ChatBackend> {
  backend: B;
  config: ColibriConfig;
  store: Store;
  gatekeeper: Gatekeeper;
  administration: Administration;
  /** Egress audit queries, with `hasher`. */
  egressAudit: EgressAudit;
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
 * the scripted backend: the platform is never mocked. Built as `colibri serve` builds its own
 * (buildGateway), except that an egress audit record that cannot be written fails the request.
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
    logger?: ServerOptions["logger"];
  } = {},
): Promise<TestGateway<B>> {
  const input = options.config ?? {};
  const config = parseConfig({
    home: "/tmp/colibri-unused",
    database: "sqlite::memory:",
    ...input,
    server: { port: 0, ...(input["server"] as object | undefined) },
  });
  const gateway = await buildGateway(config, {
    backend: options.backend ?? (new ScriptedBackend() as unknown as B),
    auditKey: testAuditKey,
    env: options.env ?? {},
    onAuditFailure: (error) => {
      throw error;
    },
    defaultMaxTokens: options.defaultMaxTokens ?? 64,
    ...(options.now === undefined ? {} : { now: options.now }),
    ...(options.installedModels === undefined ? {} : { installedModels: options.installedModels }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  const { backend, store, gatekeeper, administration, egressAudit, server, app } = gateway;
  const { providers, hasher } = gateway;
  return {
    backend,
    config,
    store,
    gatekeeper,
    administration,
    egressAudit,
    server,
    app,
    providers,
    hasher,
    close: () => gateway.close(),
  };
}

/** The official `openai` client for a new key of `tenant` on a listening test gateway. */
export async function openAIClientFor(
  gateway: Pick<TestGateway<ChatBackend>, "administration">,
  address: string,
  tenant: string,
): Promise<OpenAI> {
  const { key } = await gateway.administration.createKey({ tenant });
  return new OpenAI({ baseURL: `${address}/v1`, apiKey: key, maxRetries: 0 });
}
