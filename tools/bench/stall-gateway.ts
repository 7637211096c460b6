import {
  administrationFromConfig,
  gatekeeperFromConfig,
} from "../../src/tenancy/gatekeeper-from-config.js";
import { parseConfig } from "../../src/config/load.js";
import { EgressAuditor } from "../../src/privacy/egress-auditor.js";
import { ValueHasher } from "../../src/privacy/value-hasher.js";
import { routerFromConfig } from "../../src/router/router-from-config.js";
import { createServer, type ColibriServer } from "../../src/server/app.js";
import { openStore } from "../../src/store/open-store.js";
import { providersFromConfig } from "../../src/upstream/providers-from-config.js";
import { InstantBackend } from "./instant-backend.js";

export interface StallGateway {
  server: ColibriServer;
  /** privacy.maxFindingsPerRequest as configured. */
  maxFindings: number;
  close(): Promise<void>;
}

/**
 * A gateway as the fast suite builds one (in-memory SQLite, auth off, an instant local backend)
 * with one cloud provider, so every chat request is scanned by the privacy guard. The provider
 * points at a closed local port: nothing is sent anywhere.
 */
export async function startStallGateway(home: string, maxFindings?: number): Promise<StallGateway> {
  const config = parseConfig({
    home,
    database: "sqlite::memory:",
    server: { host: "127.0.0.1", port: 0 },
    router: { preRouter: { enabled: false } },
    providers: [{ name: "nowhere", baseUrl: "http://127.0.0.1:9/v1", models: ["cloud-model"] }],
    privacy: maxFindings === undefined ? {} : { maxFindingsPerRequest: maxFindings },
  });
  const backend = new InstantBackend();
  const store = await openStore({ url: config.database ?? "sqlite::memory:", home });
  const providers = providersFromConfig(config.providers, {});
  const hasher = new ValueHasher("bench-audit-key-0123456789abcdef0123456789");
  const auditor = new EgressAuditor({ repository: store.egress, hash: hasher.hash });
  const server = createServer({
    backend,
    router: await routerFromConfig(config, backend, providers, {
      auditor,
      onAuditFailure: () => undefined,
    }),
    gatekeeper: await gatekeeperFromConfig(config, store),
    administration: administrationFromConfig(config, store, undefined, hasher),
    server: config.server,
    defaultMaxTokens: 16,
  });
  return {
    server,
    maxFindings: config.privacy.maxFindingsPerRequest,
    async close() {
      await server.close();
      await providers.close();
      await store.close();
    },
  };
}
