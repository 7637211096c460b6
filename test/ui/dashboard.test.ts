import { mkdir } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeCloud } from "../support/fake-cloud.js";
import type { ScriptedBackend } from "../support/scripted-backend.js";
import { startTestGateway, type TestGateway } from "../support/test-gateway.js";

/**
 * The dashboard in a real headless Chromium (Debian's, through playwright-core) over a real
 * server: a scripted set of requests, then what a person sees — numbers, languages, the audit.
 */
const adminKey = "admin-key-0123456789abcdef";
const screenshots = "test-results/screenshots";
const cpf = "123.456.789-09";

let gateway: TestGateway<ScriptedBackend>;
let cloud: FakeCloud;
let browser: Browser;
let address: string;
let tenantKey: string;

beforeAll(async () => {
  cloud = await FakeCloud.start();
  gateway = await startTestGateway({
    installedModels: () =>
      Promise.resolve([
        { name: "scripted-model", sizeBytes: 98_000_000, present: true },
        { name: "qwen2.5-1.5b-instruct", sizeBytes: 1_100_000_000, present: true },
      ]),
    config: {
      server: { auth: true, adminKey },
      providers: [{ name: "nube", baseUrl: cloud.url, models: ["gpt-4o-mini"] }],
      router: { preRouter: { enabled: false } },
    },
  });
  address = await gateway.server.listen();
  tenantKey = (await gateway.administration.createKey({ tenant: "clinica" })).key;
  const client = new OpenAI({ baseURL: `${address}/v1`, apiKey: tenantKey, maxRetries: 0 });
  const ask = (model: string, content: string, temperature?: number) =>
    client.chat.completions.create({
      model,
      messages: [{ role: "user", content }],
      ...(temperature === undefined ? {} : { temperature }),
    });
  // 3 local answers, 1 from the cache, 2 from the cloud (one carrying a CPF, which is masked).
  await ask("local", "¿Capital de Chile?", 0);
  await ask("local", "¿Capital de Chile?", 0);
  await ask("local", "¿Capital de Perú?");
  await ask("local", "¿Capital de Bolivia?");
  await ask("gpt-4o-mini", "Resume el informe.");
  await ask("gpt-4o-mini", `O paciente com CPF ${cpf} precisa de um resumo.`);
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
});

afterAll(async () => {
  await browser.close();
  await gateway.close();
  await cloud.close();
});

async function open(options: { locale: string; width?: number; height?: number }): Promise<Page> {
  const context = await browser.newContext({
    locale: options.locale,
    timezoneId: "America/Sao_Paulo",
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
  });
  const page = await context.newPage();
  await page.goto(`${address}/ui/`);
  return page;
}

async function logIn(page: Page, key: string): Promise<void> {
  await page.fill("#key", key);
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#view-overview:not([hidden]) [data-kpi]");
}

const kpi = (page: Page, name: string) => page.locator(`[data-kpi="${name}"]`).innerText();

describe("the dashboard", () => {
  it("shows the scripted requests, savings and sources after logging in with the admin key", async () => {
    const page = await open({ locale: "es-MX" });
    expect(await page.locator("#login h1").innerText()).toBe("Panel de Colibrí");
    // The login says where the keys come from.
    expect(await page.locator("#login").innerText()).toContain(
      "se mostró la primera vez que se inició colibri serve",
    );
    expect(await page.locator("#login").innerText()).toContain("colibri keys create --tenant");
    await page.screenshot({ path: `${screenshots}/login-es.png` });
    const icon = await fetch(`${address}/favicon.ico`);
    expect(icon.status).toBe(200);
    expect(icon.headers.get("content-type")).toContain("image/svg+xml");
    await page.fill("#key", "sk-wrong");
    await page.click("#login button[type=submit]");
    await expect.poll(() => page.locator("#login-error").innerText()).toMatch(/Clave incorrecta/);

    await logIn(page, adminKey);
    expect(await kpi(page, "requests")).toBe("6");
    expect(await kpi(page, "today")).toBe("6");
    // 3 local, 2 cloud, 1 cache of 6.
    expect((await kpi(page, "share")).replace(/\s/g, "")).toBe("50%/33%/17%");
    // The saving, as the JSON has it, in the locale's currency format (es-419 writes "USD").
    const report = (await (
      await fetch(`${address}/admin/dashboard?since=7d`, {
        headers: { authorization: `Bearer ${adminKey}` },
      })
    ).json()) as { totals: { savedUsd: number } };
    const saved = report.totals.savedUsd;
    expect(saved).toBeGreaterThan(0);
    const expected = new Intl.NumberFormat("es-419", {
      style: "currency",
      currency: "USD",
      minimumFractionDigits: 2,
      maximumFractionDigits: saved < 1 ? 4 : 2,
    }).format(saved);
    const plain = (text: string) => text.replace(/\s/g, " ");
    expect(plain(await kpi(page, "hero"))).toBe(plain(expected));
    expect(await page.locator("#tabs button[aria-current=page]").innerText()).toBe("Resumen");
    await page.screenshot({ path: `${screenshots}/overview-es.png`, fullPage: true });

    await page.click('#tabs button[data-view="routing"]');
    await page.waitForSelector("#view-routing:not([hidden]) table");
    const reasons = await page.locator("#view-routing").innerText();
    // Codes are shown in the viewer's language, never raw.
    expect(reasons).toContain("pidió el modelo local");
    expect(reasons).toContain("pidió un modelo de nube");
    expect(reasons).not.toContain("requested-local");
    await page.screenshot({ path: `${screenshots}/routing-es.png`, fullPage: true });
    await page.context().close();
  });

  it("switches to Portuguese and English, with numbers and money in each locale's format", async () => {
    const page = await open({ locale: "en-US" });
    expect(await page.locator("#login h1").innerText()).toBe("Colibrí dashboard");
    await logIn(page, adminKey);
    const hero = await kpi(page, "hero");
    expect(hero).toMatch(/^\$\d+\.\d{2}/);
    await page.selectOption("#language", "pt");
    expect(await page.locator("#tabs button[aria-current=page]").innerText()).toBe("Resumo");
    expect(await page.locator(".kpi.hero .label").innerText()).toBe(
      "Economia frente a usar só a nuvem",
    );
    expect(await kpi(page, "hero")).toMatch(/^US\$\s?\d+,\d{2}/);
    await page.screenshot({ path: `${screenshots}/overview-pt.png`, fullPage: true });
    await page.context().close();
  });

  it("finds a CPF in the egress audit by its keyed hash, never showing it", async () => {
    const page = await open({ locale: "pt-BR" });
    await logIn(page, adminKey);
    await page.click('#tabs button[data-view="privacy"]');
    await page.waitForSelector("#audit-search");
    const privacy = await page.locator("#view-privacy").innerText();
    expect(privacy).toContain("BR_CPF");
    expect(privacy).not.toContain(cpf);
    await page.fill("#audit-value", cpf);
    await page.click("#audit-search button");
    await expect
      .poll(() => page.locator("#audit-result").innerText())
      .toMatch(/^Encontrado em 1 requisições/);
    expect(await page.locator("#audit-value").inputValue()).toBe("");
    // The table below now lists only the request the value was in, with its codes translated.
    const rows = page.locator("#view-privacy .panel:has(#audit-search) table tbody tr");
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().innerText()).toContain("pseudonimizar");
    expect(await rows.first().innerText()).toContain("BR_CPF");
    await page.screenshot({ path: `${screenshots}/privacy-pt.png`, fullPage: true });

    await page.fill("#audit-value", "999.999.999-99");
    await page.click("#audit-search button");
    await expect
      .poll(() => page.locator("#audit-result").innerText())
      .toBe("Este valor nunca saiu da máquina.");
    await page.click("#audit-clear");
    await expect.poll(() => rows.count()).toBe(2);
    await page.context().close();
  });

  it("shows the cloud link and breaker, the queue and the models", async () => {
    const page = await open({ locale: "es-AR" });
    await logIn(page, adminKey);
    await page.click('#tabs button[data-view="health"]');
    const row = page.locator('[data-provider="nube"]');
    await expect.poll(() => row.innerText()).toMatch(/arriba/);
    expect(await row.innerText()).toContain("cerrado");
    await page.screenshot({ path: `${screenshots}/health-es.png`, fullPage: true });
    await page.click('#tabs button[data-view="models"]');
    await page.waitForSelector("#view-models:not([hidden]) [data-kpi=loaded]");
    expect(await kpi(page, "loaded")).toBe(gateway.backend.model);
    // The installed model the server is using is marked as such.
    const installed = page.locator("#view-models table tbody tr");
    expect(await installed.nth(0).innerText()).toContain("en uso");
    expect(await installed.nth(1).innerText()).not.toContain("en uso");
    await page.screenshot({ path: `${screenshots}/models-es.png`, fullPage: true });
    await page.context().close();
  });

  it("gives a tenant key a read-only view of its own data, usable on a phone-sized screen", async () => {
    const page = await open({ locale: "es-CO", width: 390, height: 844 });
    await logIn(page, tenantKey);
    expect(await page.locator("#view-overview").innerText()).toContain(
      "Vista de solo lectura: clinica",
    );
    expect(await kpi(page, "requests")).toBe("6");
    // Nothing sticks out sideways: the page is as wide as the phone.
    const overflow = await page.evaluate(
      "document.documentElement.scrollWidth - window.innerWidth",
    );
    expect(overflow as number).toBeLessThanOrEqual(0);
    await page.click('#tabs button[data-view="privacy"]');
    await page.waitForSelector("#view-privacy:not([hidden])");
    expect(await page.locator("#audit-search").count()).toBe(0);
    await page.screenshot({ path: `${screenshots}/overview-tenant-phone.png`, fullPage: true });
    await page.context().close();
  });
});
