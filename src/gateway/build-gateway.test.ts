import { afterEach, describe, expect, it, vi } from "vitest";
import { parseConfig } from "../config/load.js";
import type { Store } from "../core/records/store.js";
import { openStore } from "../store/open-store.js";
import { ProviderRegistry } from "../upstream/provider-registry.js";
import { ScriptedBackend } from "../../test/support/scripted-backend.js";
import { buildGateway } from "./build-gateway.js";

const auditKey = "gateway-test-audit-key-0123456789abcdef";

function configWith(input: Record<string, unknown> = {}) {
  return parseConfig({
    home: "/tmp/colibri-unused",
    database: "sqlite::memory:",
    server: { host: "127.0.0.1", port: 0 },
    router: { preRouter: { enabled: false } },
    ...input,
  });
}

const cloud = {
  providers: [
    {
      name: "nube",
      baseUrl: "http://127.0.0.1:9/v1",
      models: ["cloud-model"],
      apiKeyEnv: "NUBE_API_KEY",
    },
  ],
};

async function isClosed(store: Store): Promise<boolean> {
  return store.keys.hasActiveAdmin().then(
    () => false,
    () => true,
  );
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("buildGateway", () => {
  it("serves from the config, and closes the server, the backend, the providers and the store, last opened first", async () => {
    const backend = new ScriptedBackend();
    const gateway = await buildGateway(configWith(cloud), {
      backend: () => Promise.resolve(backend),
      ownsBackend: true,
      auditKey,
      env: { NUBE_API_KEY: "clave" },
    });
    const response = await gateway.app.inject({ method: "GET", url: "/v1/models" });
    expect(response.statusCode).toBe(200);
    expect(gateway.backend).toBe(backend);
    expect(gateway.providers.list().map((provider) => provider.name)).toEqual(["nube"]);
    expect(gateway.router).toBeDefined();
    expect(gateway.cache).toBeDefined();

    const closed: string[] = [];
    const record = (name: string, resource: { close(): Promise<void> }) => {
      const close = resource.close.bind(resource);
      resource.close = async () => {
        closed.push(name);
        await close();
      };
    };
    record("server", gateway.server);
    record("backend", backend);
    record("providers", gateway.providers);
    record("store", gateway.store);
    await gateway.close();

    expect(closed).toEqual(["server", "backend", "providers", "store"]);
    expect(await isClosed(gateway.store)).toBe(true);
  });

  it("leaves a store and a backend it was given open", async () => {
    const config = configWith();
    const store = await openStore({ url: "sqlite::memory:", home: config.home });
    const backend = new ScriptedBackend();
    const closeBackend = vi.spyOn(backend, "close");
    const gateway = await buildGateway(config, { backend, store, auditKey });
    expect(gateway.store).toBe(store);

    await gateway.close();

    expect(await isClosed(store)).toBe(false);
    expect(closeBackend).not.toHaveBeenCalled();
    await store.close();
  });

  it("wires only the features asked for", async () => {
    const gateway = await buildGateway(configWith(), {
      backend: new ScriptedBackend(),
      auditKey,
      features: ["files"],
    });
    try {
      expect(gateway.router).toBeUndefined();
      expect(gateway.cache).toBeUndefined();
      expect(gateway.server.queue).toBeUndefined();
    } finally {
      await gateway.close();
    }
  });

  it("runs prepare before the providers and the backend, and a missing API key fails before the backend is loaded", async () => {
    const steps: string[] = [];
    let opened: Store | undefined;
    const failure = buildGateway(configWith(cloud), {
      backend: () => {
        steps.push("backend");
        return Promise.resolve(new ScriptedBackend());
      },
      auditKey,
      env: {},
      prepare: ({ store }) => {
        steps.push("prepare");
        opened = store;
        return Promise.resolve();
      },
    });

    await expect(failure).rejects.toThrow("NUBE_API_KEY, which is not set");
    expect(steps).toEqual(["prepare"]);
    // What it had opened (the store) is closed again.
    expect(opened).toBeDefined();
    expect(await isClosed(opened as Store)).toBe(true);
  });

  it("closes what it opened when construction fails halfway, and reports that failure", async () => {
    const closeProviders = vi.spyOn(ProviderRegistry.prototype, "close");
    let opened: Store | undefined;
    const failure = buildGateway(configWith(cloud), {
      backend: () => Promise.reject(new Error("the model does not fit in memory")),
      auditKey,
      env: { NUBE_API_KEY: "clave" },
      prepare: ({ store }) => {
        opened = store;
        return Promise.resolve();
      },
    });

    await expect(failure).rejects.toThrow("the model does not fit in memory");
    expect(closeProviders).toHaveBeenCalledTimes(1);
    expect(await isClosed(opened as Store)).toBe(true);
  });
});
