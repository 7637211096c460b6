import { Copilots } from "../knowledge/copilots.js";
import type { FastifyBaseLogger } from "fastify";
import { embedder, ResponseCache } from "../cache/response-cache.js";
import { createTextEmbedder, type TextEmbedder } from "../embedding/index.js";
import type { ColibriConfig } from "../config/schema.js";
import type { ChatBackend } from "../core/chat.js";
import { DisposalStack } from "../core/disposal-stack.js";
import type { Store } from "../core/records/store.js";
import { EgressAudit } from "../privacy/egress-audit.js";
import type { EgressControl } from "../privacy/egress-guard.js";
import { trainingPairKeeper } from "../chat/training-pair-keeper.js";
import { PrivacyGuard } from "../privacy/privacy-guard.js";
import { ModelPass } from "../privacy/model-pass.js";
import { EgressAuditor } from "../privacy/egress-auditor.js";
import { ValueHasher } from "../privacy/value-hasher.js";
import type { HybridRouter } from "../router/hybrid-router.js";
import { routerFromConfig } from "../router/router-from-config.js";
import { createServer, type ColibriServer, type ServerOptions } from "../server/app.js";
import { defaultDatabaseUrl } from "../store/database-url.js";
import { openStore } from "../store/open-store.js";
import type { Administration } from "../tenancy/administration.js";
import type { Gatekeeper } from "../tenancy/gatekeeper.js";
import {
  administrationFromConfig,
  gatekeeperFromConfig,
} from "../tenancy/gatekeeper-from-config.js";
import type { ProviderRegistry } from "../upstream/provider-registry.js";
import { providersFromConfig } from "../upstream/providers-from-config.js";
import type { UpstreamLogger } from "../upstream/upstream-logger.js";
import type { RegisteredModel } from "../core/records/model-registry.js";
import { ModelRollout } from "../serving/model-rollout.js";
import { registerModels, recordCurrent } from "../serving/model-roles.js";
import { ModelSlots } from "../serving/model-slots.js";

/** The server's optional parts: each is wired from the config unless left out. */
export type GatewayFeature = "router" | "files" | "retention" | "queue" | "dashboard" | "cache";

export const allGatewayFeatures: readonly GatewayFeature[] = [
  "router",
  "files",
  "retention",
  "queue",
  "dashboard",
  "cache",
];

/** What differs between `colibri serve`, the tests and the benchmarks; the rest is the config. */
export interface GatewayParts<B extends ChatBackend> {
  /**
   * The local backend, or how to load it: a function is called once the store, the gatekeeper
   * and the providers exist, so a wrong database URL or a missing API key fails before a model
   * is loaded.
   */
  backend: B | (() => Promise<B>);
  /** Whether `close()` closes the backend too (after the server, before the providers); default no. */
  ownsBackend?: boolean;
  /**
   * An open store, which `close()` leaves open; default: the gateway opens `config.database`
   * (else the SQLite file in `config.home`) first of all, and closes it last.
   */
  store?: Store;
  /** The egress audit's key, or how to read it (called once the store is open). */
  auditKey: string | Buffer | (() => Promise<string | Buffer>);
  /** Where the providers' API keys are read from (`providers[].apiKeyEnv`); default none. */
  env?: NodeJS.ProcessEnv;
  /** The clock of the platform (limits, accounting, cache, audit); default Date.now. */
  now?: () => number;
  /** Fastify/pino logger options; default silent. */
  logger?: ServerOptions["logger"];
  /** Providers' retries and circuit changes: to this logger, or "server" for the server's log; default silent. */
  providerLogger?: UpstreamLogger | "server";
  /** An egress audit record that could not be written; default: logged on the server's log. */
  onAuditFailure?: (error: unknown) => void;
  /** What the dashboard's models view lists as installed; default nothing. */
  installedModels?: NonNullable<ServerOptions["dashboard"]>["installedModels"];
  /**
   * Candidate models tried beside the backend (issue 25, src/serving): how to load one by name
   * (memory checked) and the installed models to register. The backend is then served through
   * ModelSlots, which owns the engines (requires `ownsBackend`). Default: none, one model.
   */
  modelRollout?: {
    load: (model: string) => Promise<ChatBackend>;
    installed: () => Promise<RegisteredModel[]>;
  };
  /** max_tokens when a request sets none; default `config.engine.defaultMaxTokens`. */
  defaultMaxTokens?: number;
  /** The server's optional parts to wire; default all. A benchmark of one path leaves out the rest. */
  features?: readonly GatewayFeature[];
  /**
   * Runs once the store, the gatekeeper and the administration exist, before the providers and
   * the backend (`colibri serve` creates the first admin key here).
   */
  prepare?: (ready: {
    store: Store;
    gatekeeper: Gatekeeper;
    administration: Administration;
  }) => Promise<void>;
}

/** A gateway built from a config: every part, and one `close()` for all it opened. */
export interface Gateway<B extends ChatBackend = ChatBackend> {
  config: ColibriConfig;
  store: Store;
  backend: B;
  gatekeeper: Gatekeeper;
  administration: Administration;
  egressAudit: EgressAudit;
  /** The egress audit's keyed hash. */
  hasher: ValueHasher;
  providers: ProviderRegistry;
  /**
   * What serves local requests: the backend, or the slots that serve it with a candidate beside
   * it (`modelRollout`), whose current engine may have changed since (a promotion).
   */
  local: ChatBackend;
  /** The candidate models' rollout, when `modelRollout` was given. */
  rollout: ModelRollout | undefined;
  /** The router from the config; undefined when the "router" feature is left out (all local). */
  router: HybridRouter | undefined;
  cache: ResponseCache | undefined;
  server: ColibriServer;
  app: ColibriServer["app"];
  /**
   * Close what the gateway opened, in reverse order: the server (in-flight requests finish within
   * the grace period), the backend when owned, the providers, the store when opened here.
   */
  close(): Promise<void>;
}

/**
 * The one composition root: the store, the platform (gatekeeper, administration, egress audit),
 * the providers, the local backend, the router, the cache and the server, wired from a parsed
 * config. Everything is registered on one disposal stack as it is created, so `close()` (and a
 * construction that fails halfway) closes exactly what was opened, last first.
 */
export async function buildGateway<B extends ChatBackend>(
  config: ColibriConfig,
  parts: GatewayParts<B>,
): Promise<Gateway<B>> {
  const { now } = parts;
  const features = new Set(parts.features ?? allGatewayFeatures);
  const withNow = now === undefined ? {} : { now };
  const stack = new DisposalStack();
  try {
    const store =
      parts.store ??
      stack.use(
        await openStore({
          url: config.database ?? defaultDatabaseUrl(config.home),
          home: config.home,
        }),
      );
    const hasher = new ValueHasher(
      typeof parts.auditKey === "function" ? await parts.auditKey() : parts.auditKey,
    );
    const gatekeeper = await gatekeeperFromConfig(config, store, now);
    const administration = administrationFromConfig(config, store, now);
    const egressAudit = new EgressAudit({ store, now, valueHasher: hasher });
    await parts.prepare?.({ store, gatekeeper, administration });

    // Providers and the egress audit log on the server's log, which exists only at the end.
    const late: { log?: FastifyBaseLogger } = {};
    const { providerLogger } = parts;
    const providers = stack.use(
      providersFromConfig(
        config.providers,
        parts.env ?? {},
        providerLogger === undefined
          ? {}
          : {
              logger:
                providerLogger === "server"
                  ? (level, message) => late.log?.[level](message)
                  : providerLogger,
            },
      ),
    );
    const backend = await loadBackend(parts.backend);
    let local: ChatBackend = backend;
    let rollout: ModelRollout | undefined;
    if (parts.modelRollout === undefined) {
      if (parts.ownsBackend === true) stack.use(backend);
    } else {
      if (parts.ownsBackend !== true) throw new Error("modelRollout needs ownsBackend: true.");
      const { cascade } = config.router;
      const slots = stack.use(
        new ModelSlots({
          current: backend,
          record: (trial) => rollout?.record(trial),
          threshold: cascade.threshold,
          signal: cascade.signal,
          ...withNow,
          onShadowError: (error) =>
            late.log?.warn({ err: error }, "A candidate model's shadow answer failed"),
        }),
      );
      local = slots;
      await registerModels(store, await parts.modelRollout.installed());
      await recordCurrent(store, backend.model, { actor: "server", now: (now ?? Date.now)() });
      rollout = new ModelRollout({
        store,
        slots,
        load: parts.modelRollout.load,
        settings: config.model.rollout,
        log: {
          info: (message) => late.log?.info(message),
          error: (error, message) => late.log?.error({ err: error }, message),
        },
        ...withNow,
      });
      await rollout.start();
      stack.defer(() => rollout?.close());
    }

    const router = features.has("router")
      ? await routerFromConfig(config, local, providers)
      : undefined;
    // The privacy guard on the way to every provider, with the egress audit it writes.
    const privacy: EgressControl | undefined = features.has("router")
      ? {
          guard: new PrivacyGuard(config.privacy),
          modelPass: config.privacy.modelPass.enabled
            ? new ModelPass(local, config.privacy.modelPass)
            : undefined,
          auditor: new EgressAuditor({ repository: store.egress, hash: hasher.hash, ...withNow }),
          onAuditFailure:
            parts.onAuditFailure ??
            ((error) => late.log?.error({ err: error }, "Could not write an egress audit record")),
          trainingPairs: trainingPairKeeper({
            store,
            onError: (error) => late.log?.error({ err: error }, "Could not keep a training pair"),
            ...withNow,
          }),
        }
      : undefined;
    const cache = features.has("cache")
      ? new ResponseCache({
          repository: store.cache,
          settings: config.cache,
          embed: embedder(local),
          ...withNow,
        })
      : undefined;
    // Knowledge bases embed with a sentence-embedding model only (engine.embeddingModel): a chat
    // model's own vectors rank passages worse than BM25 (decision 0020), so without one, BM25.
    const knowledgeEmbedder = sentenceEmbedder(local);
    const server = stack.use(
      createServer({
        backend: local,
        ...(router === undefined ? {} : { router }),
        ...(privacy === undefined ? {} : { privacy }),
        ...(features.has("files")
          ? {
              files: {
                store,
                maxBytes: config.files.maxBytes,
                quotaBytesPerTenant: config.files.quotaBytesPerTenant,
                embedder: knowledgeEmbedder,
              },
            }
          : {}),
        ...(features.has("retention")
          ? {
              retention: {
                store,
                settings: config.retention,
                defaultTenant: config.limits.defaultTenant,
              },
            }
          : {}),
        ...(features.has("queue") ? { queue: { store, config: config.queue } } : {}),
        ...(features.has("dashboard")
          ? {
              dashboard: {
                store,
                ...(parts.installedModels === undefined
                  ? {}
                  : { installedModels: parts.installedModels }),
                ...(rollout === undefined ? {} : { rollout: () => rollout.state }),
              },
            }
          : {}),
        ...(cache === undefined ? {} : { cache }),
        feedback: store.feedback,
        copilots: new Copilots(
          config.copilots,
          features.has("files") ? store.knowledge : undefined,
          knowledgeEmbedder,
        ),
        gatekeeper,
        administration,
        egressAudit,
        server: config.server,
        defaultMaxTokens: parts.defaultMaxTokens ?? config.engine.defaultMaxTokens,
        ...withNow,
        ...(parts.logger === undefined ? {} : { logger: parts.logger }),
      }),
    );
    late.log = server.app.log;
    return {
      config,
      store,
      backend,
      local,
      rollout,
      gatekeeper,
      administration,
      egressAudit,
      hasher,
      providers,
      router,
      cache,
      server,
      app: server.app,
      close: () => stack.close(),
    };
  } catch (error) {
    // Close what was opened so far; the error that stopped construction is the one to report.
    await stack.close().catch(() => undefined);
    throw error;
  }
}

function loadBackend<B extends ChatBackend>(backend: B | (() => Promise<B>)): Promise<B> {
  return typeof backend === "function" ? backend() : Promise.resolve(backend);
}

/** A text embedder over the backend's separate sentence-embedding model; none when it has none. */
function sentenceEmbedder(backend: ChatBackend): TextEmbedder | undefined {
  const model = backend.localEmbeddingModel;
  if (model === undefined || model.name === backend.model) return undefined;
  return createTextEmbedder({
    localEmbeddingModel: model,
    embed: (input, signal) => backend.embed(input, signal),
  });
}
