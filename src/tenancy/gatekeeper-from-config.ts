import type { ColibriConfig } from "../config/schema.js";
import type { Store } from "../core/records/store.js";
import { Administration } from "./administration.js";
import { Gatekeeper } from "./gatekeeper.js";
import { Pricing } from "../accounting/pricing.js";

const loopbackHosts = new Set(["localhost", "::1", "::ffff:127.0.0.1"]);

/**
 * Auth is on when the config says so; by default it is on whenever the server listens beyond
 * loopback or a shared key is set, so a gateway on the network is never open by accident.
 */
export function isAuthRequired(server: ColibriConfig["server"]): boolean {
  if (server.auth !== undefined) return server.auth;
  if (server.apiKey !== undefined) return true;
  return !(loopbackHosts.has(server.host) || server.host.startsWith("127."));
}

export function gatekeeperFromConfig(
  config: ColibriConfig,
  store: Store,
  now?: () => number,
): Promise<Gatekeeper> {
  return Gatekeeper.create({
    store,
    pricing: new Pricing(config.pricing),
    authRequired: isAuthRequired(config.server),
    sharedKey: config.server.apiKey,
    adminKey: config.server.adminKey,
    placeholderKey: config.server.placeholderKey ?? undefined,
    localWhenBudgetSpent: config.limits.localWhenBudgetSpent,
    defaultTenant: config.limits.defaultTenant,
    reservationTtlMs: config.limits.reservationTtlSeconds * 1000,
    ...(now === undefined ? {} : { now }),
  });
}

export function administrationFromConfig(
  config: ColibriConfig,
  store: Store,
  now?: () => number,
): Administration {
  return new Administration({
    store,
    pricing: config.pricing,
    ...(now === undefined ? {} : { now }),
  });
}
