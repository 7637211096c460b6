import { mkdir } from "node:fs/promises";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load.js";
import { buildGateway, type Gateway } from "../../src/gateway/build-gateway.js";
import { nominateCandidate } from "../../src/serving/model-roles.js";
import { ScriptedBackend } from "../support/scripted-backend.js";
import { testAuditKey } from "../support/test-gateway.js";

/**
 * The models view's safe model updates in a real headless Chromium: which model serves whom, a
 * canaried candidate's measurements beside the current model's, its automatic rollback, and the
 * changes of model — for the admin key only.
 */
const adminKey = "admin-key-0123456789abcdef";
const screenshots = "test-results/screenshots";
let gateway: Gateway;
let browser: Browser;
let address: string;
let tenantKey: string;
const pageErrors: string[] = [];

beforeAll(async () => {
  const current = new ScriptedBackend("qwen2.5-coder-1.5b-instruct");
  const candidate = new ScriptedBackend("smollm2-135m-instruct");
  candidate.runaway = true;
  const installed = [current.model, candidate.model].map((name) => ({
    name,
    kind: "model" as const,
    source: name,
    sha256: "0".repeat(64),
    sizeBytes: 1,
    licence: "Apache-2.0",
    installedAt: 0,
    evaluation: null,
  }));
  gateway = await buildGateway(
    parseConfig({
      home: "/tmp/colibri-unused",
      database: "sqlite::memory:",
      server: { port: 0, auth: true, adminKey },
      model: { rollout: { pollSeconds: 3600, minRequests: 4 } },
      router: { preRouter: { enabled: false } },
      cache: { exact: { mode: "off" } },
    }),
    {
      backend: current,
      ownsBackend: true,
      auditKey: testAuditKey,
      installedModels: () =>
        Promise.resolve([{ name: current.model, sizeBytes: 1_100_000_000, present: true }]),
      modelRollout: {
        load: () => Promise.resolve(candidate),
        installed: () => Promise.resolve(installed),
      },
    },
  );
  address = await gateway.server.listen();
  tenantKey = (await gateway.administration.createKey({ tenant: "clinica" })).key;
  const { store } = gateway;
  const change = () => ({ actor: "cli", now: Date.now() });
  const rollout = gateway.rollout!;
  await nominateCandidate(
    store,
    { model: candidate.model, scope: "tenant:clinica", mode: "canary", share: 0.5 },
    change(),
  );
  await rollout.tick();
  for (let i = 0; i < 16; i++) {
    const response = await fetch(`${address}/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenantKey}`, "content-type": "application/json" },
      body: JSON.stringify({
        model: "local",
        messages: [{ role: "user", content: `¿Capital de Chile? (${i})` }],
      }),
    });
    expect(response.status).toBe(200);
  }
  await rollout.tick();
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
});

afterAll(async () => {
  await browser.close();
  await gateway.close();
});

async function modelsView(key: string, locale: string) {
  const context = await browser.newContext({
    locale,
    timezoneId: "America/Sao_Paulo",
    viewport: { width: 1280, height: 1100 },
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${address}/ui/`);
  await page.fill("#key", key);
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#view-overview:not([hidden]) [data-kpi]");
  await page.click('#tabs button[data-view="models"]');
  await page.waitForSelector("#view-models:not([hidden]) [data-kpi=loaded]");
  return page;
}

describe("the models view: safe model updates", () => {
  it("shows the rolled-back candidate's measurements and every change of model to the admin", async () => {
    const page = await modelsView(adminKey, "es-AR");
    const view = page.locator("#view-models");
    await expect.poll(() => view.innerText()).toContain("Actualizaciones de modelo");
    const text = await view.innerText();
    expect(text).toContain("revertido");
    expect(text).toContain("candidato designado");
    expect(text).toMatch(/runaway 100\.0 %/);
    expect(text).toContain("smollm2-135m-instruct");
    await page.screenshot({ path: `${screenshots}/models-updates-es.png`, fullPage: true });
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });

  it("shows a tenant nothing of it", async () => {
    const page = await modelsView(tenantKey, "pt-BR");
    const text = await page.locator("#view-models").innerText();
    expect(text).not.toContain("Atualizações de modelo");
    expect(text).not.toContain("smollm2-135m-instruct");
    const json = (await (
      await fetch(`${address}/v1/dashboard`, { headers: { authorization: `Bearer ${tenantKey}` } })
    ).json()) as { models: { updates: unknown } };
    expect(json.models.updates).toBeNull();
    expect(pageErrors).toEqual([]);
    await page.context().close();
  });
});
