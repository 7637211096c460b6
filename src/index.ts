// Colibrí's public API: what another program may import. Everything else is internal.
export type {
  BackendStatus,
  ChatBackend,
  ChatEvent,
  ChatMessage,
  ChatRequest,
  ChatRole,
  ConfidenceSummary,
  EmbeddingResult,
  FinishReason,
  ResponseFormat,
  SamplingOptions,
  TokenLogprob,
  TopLogprob,
  Usage,
} from "./core/chat.js";
export {
  AuthenticationError,
  BudgetExceededError,
  ChecksumMismatchError,
  ColibriError,
  DownloadError,
  EngineBusyError,
  InsufficientDiskError,
  InsufficientMemoryError,
  InvalidRequestError,
  ModelNotFoundError,
  PermissionDeniedError,
  RateLimitError,
  ServiceUnavailableError,
  CloudUnavailableError,
  UpstreamError,
  UpstreamProtocolError,
  UpstreamRejectedError,
  UpstreamTimeoutError,
  toColibriError,
} from "./core/errors.js";
export {
  configSchema,
  type ColibriConfig,
  type ConfigInput,
  type ProviderConfig,
  type RoutingRule,
} from "./config/schema.js";
export { ConfigError, loadConfig, parseConfig, type ConfigOverrides } from "./config/load.js";
export { readMachine, type MachineInfo } from "./config/machine.js";
export { catalog, defaultModelName, findCatalogEntry } from "./models/catalog.js";
export { ModelStore } from "./models/model-store.js";
export { modelStoreFromConfig } from "./models/model-store-from-config.js";
export { parseModelSource } from "./models/model-source.js";
export { inspectModelFile, type ModelInspection } from "./models/inspect.js";
export { LocalEngine, type LocalEngineOptions } from "./engine/index.js";
export { createServer, type ColibriServer, type ServerOptions } from "./server/app.js";
export {
  buildGateway,
  type Gateway,
  type GatewayFeature,
  type GatewayParts,
} from "./gateway/build-gateway.js";
export {
  ChatPipeline,
  type ChatCall,
  type ChatDelivery,
  type ChatPipelineOptions,
  type Delivered,
} from "./chat/chat-pipeline.js";
export {
  openStore,
  defaultDatabaseUrl,
  parseDatabaseUrl,
  type OpenStoreOptions,
  type Store,
  type Tenant,
  type ApiKeyRecord,
  type Limits,
  type UsageRecord,
  type UsageTotals,
} from "./store/index.js";
export { Gatekeeper, type Principal, type GatekeeperOptions } from "./tenancy/gatekeeper.js";
export {
  administrationFromConfig,
  gatekeeperFromConfig,
  isAuthRequired,
} from "./tenancy/gatekeeper-from-config.js";
export { Administration } from "./tenancy/administration.js";
export { EgressAudit, type EgressAuditOptions } from "./privacy/egress-audit.js";
export { Pricing, type Price, type PricingSettings } from "./accounting/pricing.js";
export type { UsageReport } from "./accounting/usage-report.js";
export {
  AnthropicProvider,
  OpenAICompatibleProvider,
  ProviderRegistry,
  providersFromConfig,
  type CloudProvider,
  type CloudProviderOptions,
  type ProviderHealth,
  type UpstreamFailure,
} from "./upstream/index.js";
export {
  decideRoute,
  type CloudTarget,
  type RoutePlan,
  type RoutingPolicy,
} from "./router/decide-route.js";
export { extractFeatures, type RequestFeatures } from "./router/request-features.js";
export { runRoute, type AnsweredRoute, type RoutedAnswer } from "./router/run-route.js";
export { HybridRouter, type HybridRouterOptions } from "./router/hybrid-router.js";
export { routerFromConfig } from "./router/router-from-config.js";
export { confidenceOf, type ConfidenceSignal } from "./router/confidence.js";
export { loadPreRouter, resolvePreRouterPath, type PreRouter } from "./router/pre-router/index.js";
export {
  createTextEmbedder,
  taskPrompts,
  type EmbeddingKind,
  type EmbeddingSource,
  type TextEmbedder,
} from "./embedding/index.js";
