import { mkdir } from "node:fs/promises";
import { chromium, type Browser, type Page } from "playwright-core";
import OpenAI, { toFile } from "openai";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
const patient = "Antônio Carlos Pereira";
const condition = "diabetes tipo 2";

let gateway: TestGateway<ScriptedBackend>;
let cloud: FakeCloud;
let browser: Browser;
let address: string;
let tenantKey: string;
/** Uncaught errors in any page the tests opened: the dashboard must have none. */
const pageErrors: string[] = [];

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
  const peru = await ask("local", "¿Capital de Perú?");
  await ask("local", "¿Capital de Bolivia? Escríbame a ana.souza@example.com.");
  const summary = await ask("gpt-4o-mini", "Resume el informe.");
  // A user rates two answers: the local one good, the cloud's bad with a correction.
  const rate = (response_id: string, rating: string, correction?: string) =>
    fetch(`${address}/v1/feedback`, {
      method: "POST",
      headers: { authorization: `Bearer ${tenantKey}`, "content-type": "application/json" },
      body: JSON.stringify({ response_id, rating, correction }),
    });
  expect((await rate(peru.id, "good")).status).toBe(200);
  expect((await rate(summary.id, "bad", "Más corto.")).status).toBe(200);
  await ask("gpt-4o-mini", `O paciente ${patient}, CPF ${cpf}, tem ${condition}; resuma o caso.`);
  // A knowledge base with one document, for the knowledge view.
  const vectorStore = await client.vectorStores.create({ name: "farmacia" });
  const leaflet = await client.files.create({
    file: await toFile(
      Buffer.from(
        "# Guía de la farmacia\n\n## Dosis\n\nEl paracetamol se toma cada ocho horas, sin superar cuatro gramos al día.\n\n## Horario\n\nLa farmacia abre de lunes a sábado, de nueve a veinte.\n",
      ),
      "guia.md",
    ),
    purpose: "assistants",
  });
  await client.vectorStores.files.createAndPoll(vectorStore.id, { file_id: leaflet.id });
  await mkdir(screenshots, { recursive: true });
  browser = await chromium.launch({
    executablePath: process.env["CHROMIUM_PATH"] ?? "/usr/bin/chromium",
    args: ["--headless", "--no-sandbox", "--disable-gpu"],
  });
});

afterEach(() => {
  expect(pageErrors).toEqual([]);
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
  page.on("pageerror", (error) => pageErrors.push(error.message));
  await page.goto(`${address}/ui/`);
  return page;
}

async function logIn(page: Page, key: string): Promise<void> {
  await page.fill("#key", key);
  await page.click("#login button[type=submit]");
  await page.waitForSelector("#view-overview:not([hidden]) [data-kpi]");
}

const kpi = (page: Page, name: string) => page.locator(`[data-kpi="${name}"]`).innerText();

/**
 * Measured in the page (the tests compile without the DOM's types, so it is a script): where each
 * day's tick is on the screen in the overview's two charts, their y labels, and whether the spend
 * lines lie on zero across yesterday's column (every scripted request was made today).
 */
const overviewChartGeometry = `(() => {
  const [requests, spend] = [...document.querySelectorAll("#view-overview svg.chart")];
  const ticks = (svg) => Object.fromEntries([...svg.querySelectorAll("line.tick")].map(
    (tick) => [tick.getAttribute("data-start"), tick.getBoundingClientRect().x]));
  const labels = (svg) => [...svg.querySelectorAll("text.y-label")].map((label) => label.textContent);
  const columns = [...spend.querySelectorAll("rect.column")];
  const box = (column) => ({ x: Number(column.getAttribute("x")), width: Number(column.getAttribute("width")) });
  const yesterday = box(columns.at(-2));
  const today = box(columns.at(-1));
  const base = Number(spend.querySelector("line.axis").getAttribute("y1"));
  const paths = [...spend.querySelectorAll("path.series")];
  const atZero = (x) => paths.map((path) => path.isPointInStroke(new DOMPoint(x, base)));
  return {
    requestTicks: ticks(requests),
    spendTicks: ticks(spend),
    requestLabels: labels(requests),
    spendLabels: labels(spend),
    columns: columns.length,
    yesterdayAtZero: [
      ...atZero(yesterday.x + 2),
      ...atZero(yesterday.x + yesterday.width / 2),
      ...atZero(yesterday.x + yesterday.width - 2),
    ],
    todayAtZero: atZero(today.x + today.width / 2),
    yesterdayBars: [...requests.querySelectorAll("rect.bar")].filter((bar) => {
      const x = Number(bar.getAttribute("x"));
      return x >= yesterday.x && x < yesterday.x + yesterday.width;
    }).length,
  };
})()`;

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
    // Requests by language, named in the viewer's language: the four Spanish ones (one answered
    // by the cloud) and the two too mixed to tell (a Spanish question with an e-mail address, a
    // Portuguese one full of names and numbers).
    const languages = page.locator("#view-routing .panel", { hasText: "Solicitudes por idioma" });
    const rows = (await languages.locator("tbody tr").allInnerTexts()).map((row) =>
      row.replace(/\s+/g, " ").trim(),
    );
    expect(rows).toEqual([
      expect.stringMatching(/^español 4 \d+ 25 ?%$/),
      expect.stringMatching(/^otro o no claro 2 \d+ 50 ?%$/),
    ]);
    // Users' ratings, per model and where it ran.
    const feedback = page.locator("#view-routing .panel", {
      hasText: "Valoraciones de las respuestas",
    });
    const ratings = (await feedback.locator("tbody tr").allInnerTexts()).map((row) =>
      row.replace(/\s+/g, " ").trim(),
    );
    expect(ratings).toEqual([
      expect.stringMatching(/^gpt-4o-mini nube 0 1 0 ?% 1$/),
      expect.stringMatching(/^scripted-model local 1 0 100 ?% 0$/),
    ]);
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
    // Found in every request (the e-mail's stayed local), apart from what left for the cloud.
    expect(await kpi(page, "with-personal-data")).toBe("2");
    expect(privacy).toContain("EMAIL");
    // Names and health data by their name in the viewer's language, never their value.
    expect(privacy).toContain("nome de pessoa");
    expect(privacy).toContain("dado de saúde");
    expect(privacy).not.toContain(cpf);
    expect(privacy).not.toContain(patient);
    expect(privacy).not.toContain(condition);
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

    // A person's name is found too, however it is typed. (The CPF's result stays on screen until
    // the new one arrives: wait for the row of the name's type.)
    await page.fill("#audit-value", "antonio carlos pereira");
    await page.click("#audit-search button");
    await expect.poll(() => rows.first().innerText()).toContain("nome de pessoa");
    expect(await page.locator("#audit-result").innerText()).toMatch(/^Encontrado em 1 requisições/);
    expect(await rows.count()).toBe(1);
    await page.screenshot({ path: `${screenshots}/privacy-name-pt.png`, fullPage: true });

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

  it("shows each tenant's knowledge bases and the passages a test question finds, with scores", async () => {
    const page = await open({ locale: "es-AR" });
    await logIn(page, adminKey);
    await page.click('#tabs button[data-view="knowledge"]');
    await page.waitForSelector("#view-knowledge:not([hidden]) #kb-search");
    const view = page.locator("#view-knowledge");
    expect(await view.innerText()).toContain("solo BM25");
    const documents = page.locator("#view-knowledge table tbody tr");
    expect(await documents.nth(0).innerText()).toMatch(/guia\.md[\s\S]*completada[\s\S]*2/);
    expect(await page.locator("#kb-base").inputValue()).toContain("clinica");
    await page.fill("#kb-question", "¿A qué hora abre la farmacia?");
    await page.click("#kb-search button[type=submit]");
    const first = page.locator("[data-passage]").first();
    await first.waitFor();
    expect(await first.innerText()).toMatch(/guia\.md — Guía de la farmacia › Horario/);
    expect(await first.innerText()).toMatch(
      /puntaje \d+[.,]\d{1,3} · BM25 \d+[.,]\d{1,3} · similitud —/,
    );
    // A refresh keeps the question and the passages found.
    await page.evaluate("new Promise((resolve) => setTimeout(resolve, 5500))");
    expect(await page.locator("#kb-question").inputValue()).toBe("¿A qué hora abre la farmacia?");
    expect(await page.locator("[data-passage]").count()).toBe(2);
    await page.screenshot({ path: `${screenshots}/knowledge-es.png`, fullPage: true });
    await page.selectOption("#language", "pt");
    expect(await first.innerText()).toMatch(/pontuação .* similaridade —/);
    // The line saying when the data was read changes language with the rest, not at the next refresh.
    expect(await page.locator("#status").innerText()).toMatch(/^Atualizado /);
    await page.screenshot({ path: `${screenshots}/knowledge-pt.png`, fullPage: true });
    await page.context().close();
  });

  it("draws the overview's charts on one time axis, with a scale, and an empty day at zero", async () => {
    const page = await open({ locale: "es-MX" });
    await logIn(page, adminKey);
    await page.waitForSelector("#view-overview svg.chart");
    const geometry = await page.evaluate<{
      requestTicks: Record<string, number>;
      spendTicks: Record<string, number>;
      requestLabels: string[];
      spendLabels: string[];
      columns: number;
      yesterdayAtZero: boolean[];
      todayAtZero: boolean[];
      yesterdayBars: number;
    }>(overviewChartGeometry);
    // The same day sits at the same x in both charts.
    expect(geometry.columns).toBeGreaterThanOrEqual(7);
    const days = Object.keys(geometry.requestTicks);
    expect(days.length).toBeGreaterThanOrEqual(7);
    expect(Object.keys(geometry.spendTicks)).toEqual(days);
    for (const day of days) expect(geometry.spendTicks[day]).toBe(geometry.requestTicks[day]);
    // Each y axis has 0 and a few round steps, in the viewer's format; 6 requests fit under the top.
    expect(geometry.requestLabels.length).toBeGreaterThanOrEqual(3);
    expect(geometry.requestLabels[0]).toBe("0");
    expect(Number(geometry.requestLabels.at(-1))).toBeGreaterThanOrEqual(6);
    expect(geometry.spendLabels.length).toBeGreaterThanOrEqual(3);
    for (const label of geometry.spendLabels) expect(label).toMatch(/^USD\s?\d+\.\d{2,4}$/);
    // Yesterday had no requests: no bar, and both spend lines lie on zero across the whole day
    // (no ramp up to today's spend); today's spend is above zero.
    expect(geometry.yesterdayBars).toBe(0);
    expect(geometry.yesterdayAtZero.every(Boolean)).toBe(true);
    expect(geometry.todayAtZero).toEqual([false, false]);
    await page.selectOption("#language", "pt");
    const portuguese = await page
      .locator("#view-overview svg.chart")
      .nth(1)
      .locator("text.y-label")
      .allTextContents();
    for (const label of portuguese) expect(label).toMatch(/^US\$\s?\d+,\d{2,4}$/);
    await page.context().close();
  });

  it("fits a phone: a short header, readable chart text, tables without sideways scrolling", async () => {
    const page = await open({ locale: "es-CO", width: 390, height: 844 });
    await logIn(page, adminKey);
    await page.waitForSelector("#view-overview svg.chart");
    expect((await page.locator("header").boundingBox())!.height).toBeLessThanOrEqual(80);
    // Chart text as drawn on the screen (its font size times the SVG's scale), not as declared.
    const sizes = await page.evaluate<number[]>(
      `[...document.querySelectorAll("svg.chart text")].map(
        (text) => parseFloat(getComputedStyle(text).fontSize) * text.getScreenCTM().a)`,
    );
    expect(sizes.length).toBeGreaterThan(10);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11);

    await page.click('#tabs button[data-view="routing"]');
    await page.waitForSelector("#view-routing:not([hidden]) table");
    // The newest decision's route, reason and status are on the screen, not behind a scroll.
    const row = page.locator("#view-routing .panel:last-child table tbody tr").first();
    const width = 390;
    for (const column of [4, 5, 7]) {
      const cell = row.locator(`td:nth-child(${column})`);
      expect((await cell.innerText()).trim()).not.toBe("");
      const box = (await cell.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(width);
    }
    expect(await row.innerText()).toContain("pidió un modelo de nube");
    const overflow = await page.evaluate(
      `({ page: document.documentElement.scrollWidth - window.innerWidth,
          panels: Math.max(...[...document.querySelectorAll("#view-routing .panel")].map(
            (panel) => panel.scrollWidth - panel.clientWidth)) })`,
    );
    expect(overflow).toEqual({ page: 0, panels: 0 });
    expect((await page.locator("header").boundingBox())!.height).toBeLessThanOrEqual(80);
    // The last 24 hours in hours: on a phone, fewer labels rather than labels on top of each other.
    await page.click('#tabs button[data-view="overview"]');
    await page.selectOption("#range", "24h");
    await expect.poll(() => page.locator("#view-overview rect.column").count()).toBeGreaterThan(20);
    const gaps = await page.evaluate<number[]>(
      `[...document.querySelector("#view-overview svg.chart").querySelectorAll("text.x-label")]
        .map((label) => label.getBoundingClientRect())
        .map((box, index, boxes) => index === 0 ? 0 : box.left - boxes[index - 1].right)`,
    );
    expect(gaps.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0);
    await page.screenshot({ path: `${screenshots}/overview-24h-es-phone.png`, fullPage: true });
    // Turned sideways or resized, the charts are drawn again across their panel.
    await page.setViewportSize({ width: 844, height: 390 });
    await expect
      .poll(() =>
        page.evaluate(
          `[...document.querySelectorAll("#view-overview .chart-slot")].map(
            (slot) => slot.querySelector("svg").getBoundingClientRect().width - slot.clientWidth)`,
        ),
      )
      .toEqual([0, 0]);
    await page.context().close();
  });

  it("takes a screenshot of every view in Spanish, Portuguese and English, on a desktop and a phone", async () => {
    const views = ["overview", "routing", "privacy", "health", "models", "knowledge"];
    for (const [language, locale] of [
      ["es", "es-AR"],
      ["pt", "pt-BR"],
      ["en", "en-US"],
    ] as const) {
      for (const [size, width, height] of [
        ["desktop", 1280, 900],
        ["phone", 390, 844],
      ] as const) {
        const page = await open({ locale, width, height });
        await logIn(page, adminKey);
        for (const view of views) {
          await page.click(`#tabs button[data-view="${view}"]`);
          await page.waitForSelector(`#view-${view}:not([hidden]) .panel`);
          const overflow = await page.evaluate(
            "document.documentElement.scrollWidth - window.innerWidth",
          );
          expect(overflow, `${view} ${language} ${size}`).toBeLessThanOrEqual(0);
          // Every chart is drawn across its panel, with its scale.
          const charts = await page.evaluate<{ width: number; slot: number; labels: number }[]>(
            `[...document.querySelectorAll("#view-${view} .chart-slot")].map((slot) => ({
              width: slot.querySelector("svg")?.getBoundingClientRect().width ?? 0,
              slot: slot.clientWidth,
              labels: slot.querySelectorAll("text.y-label").length }))`,
          );
          for (const chart of charts) {
            expect(chart.width, `${view} ${language} ${size}`).toBe(chart.slot);
            expect(chart.labels).toBeGreaterThanOrEqual(3);
          }
          await page.screenshot({
            path: `${screenshots}/${view}-${language}-${size}.png`,
            fullPage: true,
          });
        }
        await page.context().close();
      }
    }
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
