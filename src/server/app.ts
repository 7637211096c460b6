import { randomUUID } from "node:crypto";
import { createServer as createHttpServer } from "node:http";
import Fastify, {
  type FastifyReply,
  type FastifyInstance,
  type FastifyServerOptions,
} from "fastify";
import type { Administration } from "../tenancy/administration.js";
import type { TextEmbedder } from "../embedding/text-embedder.js";
import type { EgressAudit } from "../privacy/egress-audit.js";
import type { ResponseCache } from "../cache/response-cache.js";
import { OfflineQueue, type OfflineQueueOptions } from "../queue/offline-queue.js";
import type { FeedbackRepository } from "../core/records/feedback.js";
import type { Copilots } from "../knowledge/copilots.js";
import type { Store } from "../core/records/store.js";
import type { Gatekeeper, Principal } from "../tenancy/gatekeeper.js";
import type { ChatBackend } from "../core/chat.js";
import { ColibriError, ServiceUnavailableError } from "../core/errors.js";
import { configSchema, type ColibriConfig } from "../config/schema.js";
import { PrivacyGuard } from "../privacy/privacy-guard.js";
import type { EgressControl } from "../privacy/egress-guard.js";
import { ChatPipeline } from "../chat/chat-pipeline.js";
import type { Deferral } from "../chat/deferral.js";
import { DataRemoval } from "../retention/data-removal.js";
import { sweepRetention, type RetentionSettings } from "../retention/retention-sweep.js";
import { HybridRouter, noProviders } from "../router/hybrid-router.js";
import { allowedHosts, thisMachine, type MachineNames } from "./allowed-hosts.js";
import { registerAuth } from "./auth.js";
import { capConnections } from "./connection-cap.js";
import { registerHostCheck } from "./host-check.js";
import { requireRouteAccess, type RouteSummary } from "./route-access.js";
import { errorBody } from "../openai/error-body.js";
import { errorBodyFor } from "./error-shape.js";
import {
  answerClientError,
  answerExpectationFailed,
  fromFastifyError,
  maxPathParameterLength,
} from "./framework-errors.js";
import { logServerError } from "./error-log.js";
import { InFlight } from "./in-flight.js";
import type { MeteringContext } from "../chat/metering.js";
import { GatewayMetrics } from "./metrics.js";
import { decorateRequestState } from "./request-state.js";
import { registerChatCompletions } from "./routes/chat-completions.js";
import { registerMessages } from "./routes/messages.js";
import { registerResponses } from "./routes/responses.js";
import { registerCompletions } from "./routes/completions.js";
import { registerEmbeddings } from "./routes/embeddings.js";
import { registerFiles } from "./routes/files.js";
import { registerVectorStores } from "./routes/vector-stores.js";
import { registerAdminKnowledge } from "./routes/admin-knowledge.js";
import { registerAdmin } from "./routes/admin.js";
import { registerAdminQueue } from "./routes/admin-queue.js";
import { registerAdminTenantData } from "./routes/admin-tenant-data.js";
import { registerBatches } from "./routes/batches.js";
import { registerDashboard, type DashboardOptions } from "./routes/dashboard.js";
import { registerHealth } from "./routes/health.js";
import { registerMetrics } from "./routes/metrics.js";
import { registerModels } from "./routes/models.js";
import { registerPrivacyScan } from "./routes/privacy-scan.js";
import { registerFeedback } from "./routes/feedback.js";
import { warmUpPrivacyScan } from "./privacy-warm-up.js";
import { OneLinePerRequest } from "./request-log.js";

export interface ServerOptions {
  /** The local engine (embeddings, status and the router's local answers). */
  backend: ChatBackend;
  /** Routes chat between the local engine and cloud providers; default: everything local. */
  router?: HybridRouter;
  /**
   * The privacy guard on the way to every provider, and the egress audit it writes; default none:
   * nothing is scanned and text leaves unchanged, unaudited (POST /v1/privacy/scan still scans
   * with the default policy).
   */
  privacy?: EgressControl;
  /** Where POST /v1/files keeps uploads; default: no Files API. */
  files?: {
    store: Store;
    maxBytes: number;
    quotaBytesPerTenant: number | null;
    /** The sentence-embedding model for knowledge bases (hybrid retrieval); none: BM25 alone. */
    embedder?: TextEmbedder | undefined;
  };
  /**
   * Retention: the hourly sweep of what is older than its period, and DELETE
   * /admin/tenants/{name}/data; default none.
   */
  retention?: { store: Store; settings: RetentionSettings; defaultTenant: string };
  /** The store-and-forward queue (Batch API, deferred requests); default none. */
  queue?: { store: Store; config: ColibriConfig["queue"] };
  /** The dashboard at /ui and its JSON (GET /admin/dashboard, /v1/dashboard); default none. */
  dashboard?: Pick<DashboardOptions, "store" | "installedModels" | "rollout">;
  /** Assistants over the tenants' knowledge bases (model `copilot:<name>`); default none. */
  copilots?: Copilots;
  /** Users' ratings of answers (POST /v1/feedback); default none. */
  feedback?: FeedbackRepository;
  /** The exact-match response cache; default none. */
  cache?: ResponseCache;
  /** Auth, limits and accounting over the store: every /v1 request goes through it. */
  gatekeeper: Gatekeeper;
  /** Tenants, keys and usage reports for the /admin routes. */
  administration: Administration;
  /** Egress audit listings and value checks for /admin/audit. */
  egressAudit: EgressAudit;
  server: ColibriConfig["server"];
  defaultMaxTokens: number;
  /** Fastify/pino logger options; `false` for silence (tests). Logs never include prompt text. */
  logger?: FastifyServerOptions["logger"];
  now?: () => number;
  /** This machine's hostname and addresses, for the Host allow-list; default the real ones. */
  machine?: MachineNames;
}

export interface ColibriServer {
  app: FastifyInstance;
  metrics: GatewayMetrics;
  /** The store-and-forward queue, when configured. */
  queue: OfflineQueue | undefined;
  /** Every route (plugins' included) with its access level, once the app is ready. */
  routes(): RouteSummary[];
  /** Start listening; resolves to the address, e.g. http://127.0.0.1:8080. */
  listen(): Promise<string>;
  /** Stop taking requests, let in-flight ones finish until the grace deadline, then cut them. */
  close(): Promise<void>;
}

const requestIdPattern = /^[\w.:-]{1,128}$/;

export function createServer(options: ServerOptions): ColibriServer {
  const now = options.now ?? Date.now;
  const inFlight = new InFlight();
  const router =
    options.router ??
    new HybridRouter({
      local: options.backend,
      providers: noProviders,
      router: configSchema.shape.router.parse(undefined),
      localWhenBudgetSpent: true,
      preRouter: undefined,
    });
  const metrics = new GatewayMetrics(
    () => options.backend.status(),
    () => router.providerHealth(),
  );
  const metering: MeteringContext = { gatekeeper: options.gatekeeper, metrics };
  let closing = false;

  const app = Fastify({
    logger: options.logger ?? false,
    logController: new OneLinePerRequest(),
    bodyLimit: options.server.bodyLimitBytes,
    requestTimeout: options.server.requestTimeoutMs,
    // Node checks request timeouts every connectionsCheckingInterval (30 s by default): check
    // every second, so an unfinished request is cut close to its timeout.
    serverFactory: (handler) =>
      createHttpServer(
        {
          requestTimeout: options.server.requestTimeoutMs,
          headersTimeout: Math.min(options.server.requestTimeoutMs, 60_000),
          connectionsCheckingInterval: 1_000,
        },
        handler,
      ).on("checkExpectation", answerExpectationFailed),
    genReqId: (request) => {
      const incoming = request.headers["x-request-id"];
      return typeof incoming === "string" && requestIdPattern.test(incoming)
        ? incoming
        : randomUUID();
    },
    // While closing, requests still arriving on open connections get our 503 (the onRequest hook
    // below), not Fastify's own body.
    return503OnClosing: false,
    routerOptions: { maxParamLength: maxPathParameterLength },
    // What Node's HTTP parser refuses (a malformed request, headers too large, a request sent too
    // slowly) is answered on the socket: in our shape too.
    clientErrorHandler: answerClientError,
    // A URL the router cannot decode (`/%zz`) is answered before any hook: in our shape too.
    frameworkErrors: (error, _request, reply) => {
      const colibriError = fromFastifyError(error);
      // Fastify types this reply with unresolved generics; it is an ordinary reply.
      void (reply as FastifyReply).code(colibriError.status).send(errorBody(colibriError));
    },
  });

  // First, so that it sees every route registered after it.
  const routes = requireRouteAccess(app);
  decorateRequestState(app);
  capConnections(app.server, options.server.maxConnections);
  app.addHook("onRequest", async (request, reply) => {
    void reply.header("x-request-id", request.id);
  });
  app.addHook("onRequest", (_request, _reply, done) => {
    if (!closing) {
      done();
      return;
    }
    const error = new ServiceUnavailableError(
      "Colibrí is shutting down. Send the request again: another replica, or this one once restarted, will answer it.",
    );
    done(error);
  });
  registerHostCheck(app, allowedHosts(options.server, options.machine ?? thisMachine));
  registerAuth(app, options.gatekeeper);
  app.addHook("onResponse", async (request, reply) => {
    metrics.observeRequest({
      route: request.routeOptions.url ?? "unmatched",
      model: request.served?.model ?? "",
      target: request.served?.target ?? "",
      status: request.served?.status ?? reply.statusCode,
      seconds: reply.elapsedTime / 1000,
    });
  });

  app.setErrorHandler((error, request, reply) => {
    const colibriError = fromFastifyError(error);
    if (colibriError.status >= 500) logServerError(request.log, error, colibriError, now());
    if (colibriError instanceof ColibriError && "retryAfterSeconds" in colibriError) {
      void reply.header("retry-after", String(colibriError.retryAfterSeconds));
    }
    return reply.code(colibriError.status).send(errorBodyFor(request, colibriError));
  });
  app.setNotFoundHandler((request, reply) => {
    const error = new ColibriError(
      `Unknown route ${request.method} ${request.url}. See GET /v1/models, POST /v1/chat/completions, POST /v1/messages, POST /v1/responses, POST /v1/completions, POST /v1/embeddings, /v1/files, /v1/vector_stores, /v1/batches, POST /v1/privacy/scan, POST /v1/feedback, and /admin/tenants, /admin/keys, /admin/usage, /admin/audit, /admin/queue, /admin/knowledge with the admin key.`,
      { code: "unknown_url", status: 404, type: "not_found_error" },
    );
    return reply.code(404).send(errorBody(error));
  });

  registerHealth(app, { backend: options.backend, router, isClosing: () => closing });
  registerModels(app, {
    router,
    startedAt: now(),
    copilots: options.copilots?.models() ?? [],
  });
  // Old minute and day counters, expired cache entries, and data past its retention period
  // (retention.*) are pruned hourly while the server runs.
  let pruning: NodeJS.Timeout | undefined;
  let releasing: NodeJS.Timeout | undefined;
  app.addHook("onReady", (done) => {
    // What requests of a crashed process still hold against budgets is given back each minute.
    releasing = setInterval(() => {
      options.gatekeeper.releaseExpired().catch((error: unknown) => {
        app.log.error({ err: error }, "Could not release expired limit reservations");
      });
    }, 60_000).unref();
    pruning = setInterval(() => {
      options.gatekeeper.pruneCounters().catch((error: unknown) => {
        app.log.error({ err: error }, "Could not prune old limit counters");
      });
      options.cache?.prune().catch((error: unknown) => {
        app.log.error({ err: error }, "Could not prune the response cache");
      });
      const { retention } = options;
      if (retention !== undefined) {
        sweepRetention(retention.store, retention.settings, now())
          .then((report) => {
            app.log.info({ removed: report }, "Retention sweep");
          })
          .catch((error: unknown) => {
            app.log.error({ err: error }, "Could not remove data past its retention period");
          });
      }
    }, 3_600_000).unref();
    done();
  });
  app.addHook("onClose", (_instance, done) => {
    clearInterval(pruning);
    clearInterval(releasing);
    done();
  });

  // The queue runs its requests through the chat flow, which leaves deferred work in the queue.
  let queue: OfflineQueue | undefined;
  const deferral: Deferral = {
    defer: (...request) => {
      if (queue === undefined) throw new Error("Deferred a request with no queue.");
      return queue.service.defer(...request);
    },
  };
  const pipeline = new ChatPipeline({
    router,
    privacy: options.privacy,
    cache: options.cache,
    metering,
    deferral: options.queue === undefined ? undefined : deferral,
    defaultMaxTokens: options.defaultMaxTokens,
  });
  if (options.queue !== undefined) {
    queue = serveQueue(app, options.queue, {
      pipeline,
      providers: router.providers,
      metrics,
      now,
    });
  }

  if (options.dashboard !== undefined) {
    registerDashboard(app, { ...options.dashboard, router, backend: options.backend, queue, now });
  }
  registerMetrics(app, metrics);
  registerAdmin(app, {
    administration: options.administration,
    egressAudit: options.egressAudit,
    now,
  });
  // Models named copilot:<name> are answered from the tenant's knowledge bases.
  const copilots = options.copilots === undefined ? {} : { copilots: options.copilots };
  registerChatCompletions(app, {
    pipeline,
    logPrompts: options.server.logPrompts,
    inFlight,
    now,
    ...copilots,
  });
  registerMessages(app, { pipeline, inFlight, backend: options.backend, ...copilots });
  registerResponses(app, {
    pipeline,
    inFlight,
    now,
    ...copilots,
    // file_search reads the vector stores, served with the files.
    ...(options.files === undefined
      ? {}
      : {
          knowledge: options.files.store.knowledge,
          ...(options.files.embedder === undefined ? {} : { embedder: options.files.embedder }),
        }),
  });
  registerCompletions(app, { pipeline, inFlight, now, ...copilots });
  registerEmbeddings(app, {
    backend: options.backend,
    inFlight,
    metering,
    aliases: options.server.embeddingModelAliases,
  });
  // Uploads and scans run no model but still take a request slot of the caller's rate limit.
  const admit = (principal: Principal) => options.gatekeeper.admit(principal);
  if (options.files !== undefined) registerFiles(app, { ...options.files, admit, now });
  // Knowledge bases read files uploaded through the Files API, so they come with it.
  if (options.files !== undefined)
    registerVectorStores(app, {
      store: options.files.store,
      admit,
      now,
      embedder: options.files.embedder,
    });
  // The dashboard's knowledge-base view reads the same bases (admin key only).
  if (options.files !== undefined)
    registerAdminKnowledge(app, {
      store: options.files.store,
      embedder: options.files.embedder,
    });
  const privacyGuard =
    options.privacy?.guard ?? new PrivacyGuard(configSchema.shape.privacy.parse(undefined));
  registerPrivacyScan(app, privacyGuard, { admit });
  if (options.feedback !== undefined)
    registerFeedback(app, { repository: options.feedback, admit, now });
  if (options.retention !== undefined) {
    const { store, defaultTenant } = options.retention;
    registerAdminTenantData(app, new DataRemoval({ store, defaultTenant }));
  }

  return {
    app,
    metrics,
    queue,
    routes,
    async listen() {
      const { host, port } = options.server;
      // Before the first connection, and before ready starts the queue's worker: the first
      // scan's one-time work would otherwise hold the event loop for the first cloud request.
      await warmUpPrivacyScan(privacyGuard);
      try {
        return await app.listen({ host, port });
      } catch (error) {
        // Ready ran (and started the queue's worker): close, so nothing outlives the failure.
        await app.close().catch(() => undefined);
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== "EADDRINUSE" && code !== "EACCES" && code !== "EADDRNOTAVAIL") throw error;
        const reason =
          code === "EADDRINUSE"
            ? "is already in use (another Colibrí?)"
            : code === "EACCES"
              ? "needs privileges this user lacks"
              : "is not an address of this machine";
        throw new ServiceUnavailableError(
          `Cannot listen on ${host}:${port}: it ${reason}. Choose another with --port/--host (or COLIBRI_PORT/COLIBRI_HOST).`,
        );
      }
    },
    async close() {
      closing = true;
      const deadline = setTimeout(() => {
        inFlight.abortAll("server shutting down");
        app.server.closeAllConnections();
      }, options.server.shutdownGraceMs);
      // Streams that finish during the grace period leave keep-alive sockets behind; close them
      // as they go idle instead of waiting for the clients' keep-alive timeout.
      const sweep = setInterval(() => {
        app.server.closeIdleConnections();
      }, 50);
      try {
        await app.close();
      } finally {
        clearTimeout(deadline);
        clearInterval(sweep);
      }
    },
  };
}

/** The store-and-forward queue: its routes, its metrics, and its worker while the app runs. */
function serveQueue(
  app: FastifyInstance,
  options: NonNullable<ServerOptions["queue"]>,
  parts: Pick<OfflineQueueOptions, "pipeline" | "providers" | "now"> & {
    metrics: GatewayMetrics;
  },
): OfflineQueue {
  const queue = new OfflineQueue({ ...options, ...parts, log: app.log });
  app.addHook("onReady", (done) => {
    queue.start();
    done();
  });
  // Queued requests running now go back to pending before the store closes.
  app.addHook("onClose", async () => {
    await queue.stop();
  });
  registerBatches(app, queue.service);
  registerAdminQueue(app, queue);
  parts.metrics.watchQueue(() => options.store.batches.tally({}));
  return queue;
}
