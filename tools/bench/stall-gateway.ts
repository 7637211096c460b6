import { parseConfig } from "../../src/config/load.js";
import { buildGateway } from "../../src/gateway/build-gateway.js";
import type { ColibriServer } from "../../src/server/app.js";
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
  const gateway = await buildGateway(config, {
    backend: new InstantBackend(),
    auditKey: "bench-audit-key-0123456789abcdef0123456789",
    onAuditFailure: () => undefined,
    defaultMaxTokens: 16,
    features: ["router"],
  });
  return {
    server: gateway.server,
    maxFindings: config.privacy.maxFindingsPerRequest,
    close: () => gateway.close(),
  };
}
