import { drawCharts } from "./charts.js";
import { escape } from "./escape-html.js";
import { browserLanguage, locales, messages } from "./i18n.js";

/*
 * The Colibrí dashboard: plain modules, no framework, no CDN. It reads GET /admin/dashboard (the
 * admin key) or GET /v1/dashboard (a tenant's key, its own data only) every few seconds and
 * draws the views from that JSON; the audit search posts to /admin/audit/check.
 */
const pollMs = 5000;
const state = {
  key: sessionStorage.getItem("colibri.key"),
  kind: sessionStorage.getItem("colibri.kind"),
  language: localStorage.getItem("colibri.language") ?? browserLanguage(navigator.languages),
  view: location.hash.slice(1) || "overview",
  data: undefined,
  audit: undefined,
  timer: undefined,
};

const $ = (selector) => document.querySelector(selector);
const t = (key, values = {}) =>
  (messages[state.language][key] ?? key).replace(/\{(\w+)\}/g, (_, name) =>
    String(values[name] ?? ""),
  );
const locale = () => locales[state.language];
/** A code from the JSON (a route, reason, outcome, action or state) in the viewer's language. */
const code = (value) => {
  if (value === null || value === undefined || value === "") return "";
  if (value.startsWith("rule:")) return t("code.rule", { name: value.slice(5) });
  const key = `code.${value}`;
  return key in messages[state.language] ? t(key) : value;
};
const number = (value, digits = 0) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
const money = (value) =>
  new Intl.NumberFormat(locale(), {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2,
  }).format(value);
const percent = (part, whole) =>
  new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 0 }).format(
    whole === 0 ? 0 : part / whole,
  );
const dateTime = (iso) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "short", timeStyle: "short" }).format(
    new Date(iso),
  );
/** A provider's last failure: its class, HTTP status and time (the API never sends its text). */
const failure = (last) =>
  last == null
    ? ""
    : [last.class, last.status == null ? null : `HTTP ${last.status}`, dateTime(last.at)]
        .filter((part) => part !== null)
        .join(" · ");
const bucketLabel = (iso, bucket) =>
  new Intl.DateTimeFormat(
    locale(),
    bucket === "hour" ? { hour: "2-digit", minute: "2-digit" } : { day: "numeric", month: "short" },
  ).format(new Date(iso));
const bytes = (value) =>
  new Intl.NumberFormat(locale(), {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 0,
  }).format(value / 1_048_576);

async function api(path, init = {}) {
  const response = await fetch(path, {
    ...init,
    headers: {
      authorization: `Bearer ${state.key}`,
      "content-type": "application/json",
      ...init.headers,
    },
  });
  const body = await response.json().catch(() => ({}));
  if (!response.ok)
    throw Object.assign(new Error(body.error?.message ?? response.statusText), {
      status: response.status,
    });
  return body;
}

function dashboardPath() {
  const tz = -new Date().getTimezoneOffset();
  const base = state.kind === "admin" ? "/admin/dashboard" : "/v1/dashboard";
  return `${base}?since=${$("#range").value}&tz=${tz}`;
}

async function logIn(key) {
  state.key = key;
  for (const kind of ["admin", "tenant"]) {
    state.kind = kind;
    try {
      state.data = await api(dashboardPath());
      sessionStorage.setItem("colibri.key", key);
      sessionStorage.setItem("colibri.kind", kind);
      return true;
    } catch (error) {
      if (error.status !== 401 && error.status !== 403) throw error;
    }
  }
  state.key = state.kind = null;
  return false;
}

function logOut() {
  sessionStorage.clear();
  state.key = state.kind = null;
  state.data = state.audit = state.auditCheck = undefined;
  clearInterval(state.timer);
  render();
}

async function refresh() {
  try {
    state.data = await api(dashboardPath());
    if (state.kind === "admin" && state.view === "privacy") {
      state.audit = await api(`/admin/audit?since=${$("#range").value}&limit=50`);
    }
    $("#status").textContent = t("updated", { time: dateTime(state.data.generatedAt) });
  } catch (error) {
    if (error.status === 401) return logOut();
    $("#status").textContent = error.message;
  }
  render();
}

/** A phone-sized screen, where the header's range and language show their short names. */
const narrow = window.matchMedia("(max-width: 600px)");

function translateStatic() {
  document.documentElement.lang = state.language;
  for (const element of document.querySelectorAll("[data-i18n]")) {
    const key = narrow.matches
      ? (element.dataset.i18nShort ?? element.dataset.i18n)
      : element.dataset.i18n;
    element.textContent = t(key);
  }
  for (const option of $("#language").options) {
    option.dataset.name ??= option.textContent;
    option.textContent = narrow.matches ? option.dataset.short : option.dataset.name;
  }
  $("#language").value = state.language;
}

let revealedView;

/** Keeps the current tab in sight in the header's row of tabs, which scrolls sideways on a phone. */
function revealCurrentTab() {
  const nav = $("#tabs");
  const current = nav.querySelector("[aria-current=page]");
  if (current === null) return;
  if (current.offsetLeft < nav.scrollLeft) nav.scrollLeft = current.offsetLeft;
  else if (current.offsetLeft + current.offsetWidth > nav.scrollLeft + nav.clientWidth)
    nav.scrollLeft = current.offsetLeft + current.offsetWidth - nav.clientWidth;
}

function render() {
  translateStatic();
  const loggedIn = state.key !== null && state.data !== undefined;
  $("#login").hidden = loggedIn;
  for (const id of ["#tabs", "#range", "#logout"]) $(id).hidden = !loggedIn;
  for (const button of document.querySelectorAll("#tabs button")) {
    button.toggleAttribute("aria-current", button.dataset.view === state.view);
    if (button.dataset.view === state.view) button.setAttribute("aria-current", "page");
  }
  for (const section of document.querySelectorAll(".view")) section.hidden = true;
  if (!loggedIn) return;
  if (revealedView !== state.view) {
    revealedView = state.view;
    revealCurrentTab();
  }
  const section = $(`#view-${state.view}`);
  section.hidden = false;
  const viewer =
    state.data.viewer.kind === "tenant"
      ? `<p class="muted">${escape(t("viewingTenant", { tenant: state.data.viewer.tenant }))}</p>`
      : "";
  // A refresh must not wipe what the person is typing in the audit search, or its answer.
  const typed = $("#audit-value")?.value ?? "";
  const focused = document.activeElement?.id === "audit-value";
  const answer = $("#audit-result")?.textContent ?? "";
  charts = [];
  section.innerHTML = viewer + views[state.view](state.data);
  drawViewCharts();
  if ($("#audit-value") !== null) {
    $("#audit-value").value = typed;
    $("#audit-result").textContent = answer;
    if (focused) $("#audit-value").focus();
  }
  if (state.view === "privacy") bindAuditSearch();
}

// ---- charts (SVG, drawn from the data into slots once the view is on the page) ----

/** The charts of the view being drawn, in the order of their slots. */
let charts = [];

/** A slot for a chart over the range's buckets, and its legend; drawn by drawCharts. */
function chart(kind, points, series, bucket, format, options = {}) {
  charts.push({
    kind,
    points,
    series,
    format,
    label: (start) => bucketLabel(start, bucket),
    integer: options.integer ?? false,
    fixedMax: options.fixedMax,
  });
  return `<div class="chart-slot" data-chart="${charts.length - 1}"></div>${legend(series)}`;
}

/** Stacked bars of counts per bucket. */
const stackedBars = (points, series, bucket) =>
  chart("bars", points, series, bucket, number, { integer: true });

/** Lines level across each bucket; `fixedMax` sets the top of the scale (1 for rates). */
const lines = (points, series, bucket, format, fixedMax) =>
  chart("steps", points, series, bucket, format, { fixedMax });

/** The width the view's charts were last drawn at (they are drawn again when it changes). */
let chartWidth = 0;

function drawViewCharts() {
  const section = $(`#view-${state.view}`);
  if (section === null || section.hidden) return;
  const slots = [...section.querySelectorAll(".chart-slot")];
  chartWidth = slots[0]?.clientWidth ?? 0;
  drawCharts(slots, charts);
}

const legend = (series) =>
  `<div class="legend">${series.map((s) => `<span><i style="background:${s.color}"></i>${escape(s.label)}</span>`).join("")}</div>`;

// ---- views ----

const kpi = (label, value, sub = "", extra = "") =>
  `<div class="card kpi ${extra}"><div class="label">${escape(label)}</div><div class="value" data-kpi="${escape(extra || label)}">${escape(value)}</div>${sub ? `<div class="sub">${escape(sub)}</div>` : ""}</div>`;

/**
 * A table; on a narrow screen (style.css) a table with headings stacks each row's cells, each
 * under its heading, instead of scrolling sideways.
 */
const table = (headers, rows, numeric = []) => {
  if (rows.length === 0) return `<p class="muted">${escape(t("nothing"))}</p>`;
  const align = (index) => (numeric.includes(index) ? "num" : "");
  const stack = headers.some((header) => header !== "") ? "stack" : "";
  return `<table class="${stack}"><thead><tr>${headers.map((h, i) => `<th class="${align(i)}">${escape(h)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (row) =>
        `<tr>${row.map((cell, i) => `<td class="${align(i)}" data-label="${escape(headers[i])}">${escape(cell)}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
};

const panel = (title, body) => `<div class="card panel"><h2>${escape(title)}</h2>${body}</div>`;

const views = {
  overview(data) {
    const { totals, today, series, range } = data;
    return `<div class="grid">
        ${kpi(t("saved"), money(totals.savedUsd), t("savedSub", { spent: money(totals.costUsd), reference: money(totals.referenceCostUsd) }), "hero")}
        ${kpi(t("requestsToday"), number(today.requests), "", "today")}
        ${kpi(t("requestsRange"), number(totals.requests), "", "requests")}
        ${kpi(t("share"), `${percent(totals.local, totals.requests)} / ${percent(totals.cloud, totals.requests)} / ${percent(totals.cache, totals.requests)}`, "", "share")}
        ${kpi(t("latency"), totals.avgLatencyMs === null ? "—" : `${number(totals.avgLatencyMs)} ms`, "", "latency")}
        ${kpi(t("errors"), number(totals.errors), "", "errors")}
      </div>
      ${panel(
        t("requestsOverTime"),
        stackedBars(
          series,
          [
            { key: "local", label: t("local"), color: "var(--local)" },
            { key: "cloud", label: t("cloud"), color: "var(--cloud)" },
            { key: "cache", label: t("cache"), color: "var(--cache)" },
          ],
          range.bucket,
        ),
      )}
      ${panel(
        t("spendOverTime"),
        lines(
          series,
          [
            { key: "costUsd", label: t("spent"), color: "var(--cloud)" },
            { key: "referenceCostUsd", label: t("reference"), color: "var(--bad)" },
          ],
          range.bucket,
          money,
        ),
      )}`;
  },

  routing(data) {
    const { routing, router, series, range, totals } = data;
    const rates = series.map((point) => ({
      ...point,
      // A bucket without cascades has no rate: a gap, not 0 %.
      rate: point.cascades === 0 ? null : point.escalations / point.cascades,
    }));
    const settings = [
      [
        t("cascadeThreshold"),
        router.cascade.enabled ? number(router.cascade.threshold, 2) : t("off"),
      ],
      [
        t("preRouterThreshold"),
        router.preRouter.enabled && router.preRouter.cloudThreshold !== null
          ? number(router.preRouter.cloudThreshold, 3)
          : t("off"),
      ],
      [t("whenDown"), code(router.whenCloudUnavailable)],
      [
        t("rules"),
        router.rules.length === 0
          ? t("none")
          : router.rules.map((rule) => `${rule.name} → ${code(rule.route)}`).join(", "),
      ],
    ];
    return `<div class="grid">
        ${kpi(t("escalationRate"), percent(totals.escalations, totals.cascades), `${number(totals.escalations)} / ${number(totals.cascades)}`, "escalation")}
      </div>
      ${panel(
        t("reasons"),
        table(
          [t("route"), t("reason"), t("count"), t("confidence")],
          routing.reasons.map((r) => [
            code(r.route),
            code(r.reason),
            number(r.requests),
            r.avgConfidence === null ? "—" : number(r.avgConfidence, 2),
          ]),
          [2, 3],
        ),
      )}
      ${panel(
        t("escalation"),
        lines(
          rates,
          [{ key: "rate", label: t("escalationRate"), color: "var(--cloud)" }],
          range.bucket,
          (v) => percent(v, 1),
          1,
        ),
      )}
      ${panel(t("settings"), table(["", ""], settings))}
      ${panel(
        t("recent"),
        table(
          [
            t("time"),
            t("tenant"),
            t("model"),
            t("route"),
            t("reason"),
            t("confidence"),
            t("status"),
          ],
          routing.recent.map((d) => [
            dateTime(d.time),
            d.tenant,
            d.model,
            code(d.route ?? d.target),
            code(d.reason),
            d.confidence === null ? "—" : number(d.confidence, 2),
            String(d.status),
          ]),
          [5, 6],
        ),
      )}`;
  },

  privacy(data) {
    const { privacy, range } = data;
    const audit =
      state.kind !== "admin"
        ? `<p class="muted">${escape(t("adminOnly"))}</p>`
        : `<form class="search" id="audit-search"><input id="audit-value" type="search" autocomplete="off" placeholder="123.456.789-09" /><button type="submit">${escape(t("search"))}</button></form><p id="audit-result" role="status"></p>
         ${
           state.auditCheck === undefined
             ? ""
             : `<button type="button" id="audit-clear" class="link">${escape(t("showAll"))}</button>`
         }
         ${table(
           [t("time"), t("tenant"), t("provider"), t("outcome"), t("action"), t("types")],
           // After a search, only the requests the value was found in.
           state.auditCheck === undefined
             ? (state.audit?.data ?? []).map((r) => [
                 dateTime(r.createdAt),
                 r.tenant ?? "",
                 r.provider,
                 code(r.outcome),
                 code(r.action),
                 Object.entries(r.findings)
                   .map(([type, n]) => `${type}×${n}`)
                   .join(", "),
               ])
             : state.auditCheck.sightings.map((sighting) => [
                 dateTime(sighting.createdAt),
                 sighting.tenant ?? "",
                 sighting.provider,
                 code(sighting.outcome),
                 code(sighting.action),
                 sighting.type,
               ]),
         )}`;
    return `<div class="grid">
        ${kpi(t("withPersonalData"), number(privacy.withPersonalData), "", "with-personal-data")}
        ${kpi(t("sentRequests"), number(privacy.requests.sent), "", "sent")}
        ${kpi(t("blockedRequests"), number(privacy.requests.blocked), "", "blocked")}
        ${kpi(t("keptLocal"), number(privacy.requests.keptLocal), "", "kept-local")}
      </div>
      ${panel(
        t("findingsByType"),
        table(
          [t("type"), t("country"), t("found"), t("sent"), t("blocked"), t("keptLocal")],
          privacy.byType.map((r) => [
            r.type,
            r.country,
            number(r.found),
            number(r.sent),
            number(r.blocked),
            number(r.keptLocal),
          ]),
          [2, 3, 4, 5],
        ),
      )}
      ${panel(
        t("findingsOverTime"),
        stackedBars(
          privacy.series,
          [
            { key: "findings", label: t("findingsByType"), color: "var(--cache)" },
            { key: "blocked", label: t("blockedRequests"), color: "var(--bad)" },
          ],
          range.bucket,
        ),
      )}
      ${panel(t("auditSearch"), `<p class="muted">${escape(t("auditHelp"))}</p>${audit}`)}`;
  },

  health(data) {
    const links = new Map((data.queue?.links ?? []).map((link) => [link.provider, link]));
    const pill = (up) =>
      `<span class="pill ${up === true ? "up" : up === false ? "down" : ""}">${escape(up === true ? t("up") : up === false ? t("down") : t("unknown"))}</span>`;
    const providers =
      data.providers.length === 0
        ? `<p class="muted">${escape(t("noProviders"))}</p>`
        : `<table class="stack"><thead><tr><th>${escape(t("provider"))}</th><th>${escape(t("link"))}</th><th>${escape(t("breaker"))}</th><th class="num">${escape(t("failures"))}</th><th>${escape(t("lastError"))}</th></tr></thead><tbody>${data.providers
            .map(
              (p) =>
                `<tr data-provider="${escape(p.name)}"><td data-label="${escape(t("provider"))}">${escape(p.name)}</td><td data-label="${escape(t("link"))}">${pill(links.get(p.name)?.up ?? null)}</td><td data-label="${escape(t("breaker"))}">${escape(code(p.state))}</td><td class="num" data-label="${escape(t("failures"))}">${escape(number(p.consecutiveFailures))}</td><td data-label="${escape(t("lastError"))}">${escape(failure(p.lastError ?? links.get(p.name)?.lastError))}</td></tr>`,
            )
            .join("")}</tbody></table>`;
    const open = data.queue?.open ?? { waiting: 0, pending: 0, running: 0 };
    return `${panel(t("providers"), providers)}
      <div class="grid">
        ${kpi(t("waiting"), number(open.waiting), "", "waiting")}
        ${kpi(t("pending"), number(open.pending), "", "pending")}
        ${kpi(t("running"), number(open.running), "", "running")}
      </div>
      ${panel(
        t("queue"),
        table(
          [t("customId"), t("tenant"), t("model"), t("status"), t("provider"), t("why")],
          (data.queue?.entries ?? []).map((e) => [
            e.customId,
            e.tenant,
            e.model,
            code(e.state),
            e.provider ?? "",
            e.reason ?? "",
          ]),
        ),
      )}`;
  },

  models(data) {
    const { models } = data;
    return `<div class="grid">
        ${kpi(t("loaded"), models.loaded, "", "loaded")}
        ${kpi(t("sequences"), `${number(models.engine.sequencesInUse)} / ${number(models.engine.sequencesTotal)}`, "", "sequences")}
        ${kpi(t("engineQueue"), number(models.engine.queued), "", "engine-queue")}
        ${kpi(t("memory"), bytes(models.memory.rssBytes), "", "memory")}
      </div>
      ${panel(
        t("installed"),
        data.viewer.kind === "admin"
          ? table(
              [t("model"), t("size"), ""],
              models.installed.map((m) => [
                m.name,
                bytes(m.sizeBytes),
                m.name === models.loaded ? `✓ ${t("installedLoaded")}` : "",
              ]),
              [1],
            )
          : `<p class="muted">${escape(t("adminOnly"))}</p>`,
      )}`;
  },
};

function bindAuditSearch() {
  const form = $("#audit-search");
  if (form === null) return;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = $("#audit-value");
    const value = input.value;
    input.value = ""; // the value does not stay on the page
    try {
      const report = await api("/admin/audit/check", {
        method: "POST",
        body: JSON.stringify({ value }),
      });
      state.auditCheck = report;
      render();
      $("#audit-result").textContent = report.seen
        ? t("foundIn", {
            count: report.requests,
            clear: report.sentInClear,
            pseudo: report.pseudonymized,
            redacted: report.redacted,
            blocked: report.blocked,
            local: report.keptLocal,
          })
        : t("neverLeft");
    } catch (error) {
      $("#audit-result").textContent = error.message;
    }
  });
  $("#audit-clear")?.addEventListener("click", () => {
    state.auditCheck = undefined;
    render();
    $("#audit-result").textContent = "";
  });
}

// ---- wiring ----

$("#login").addEventListener("submit", async (event) => {
  event.preventDefault();
  $("#login-error").textContent = "";
  try {
    if (await logIn($("#key").value.trim())) {
      $("#key").value = "";
      start();
    } else $("#login-error").textContent = t("login.bad");
  } catch (error) {
    $("#login-error").textContent = error.message;
  }
});
$("#logout").addEventListener("click", logOut);
$("#language").addEventListener("change", (event) => {
  state.language = event.target.value;
  localStorage.setItem("colibri.language", state.language);
  render();
});
$("#range").addEventListener("change", refresh);
narrow.addEventListener("change", translateStatic);
// Charts are drawn at their container's width: draw them again when it changes.
window.addEventListener("resize", () => {
  if ((document.querySelector(".chart-slot")?.clientWidth ?? 0) !== chartWidth) drawViewCharts();
});
for (const button of document.querySelectorAll("#tabs button")) {
  button.addEventListener("click", () => {
    state.view = button.dataset.view;
    location.hash = state.view;
    void refresh();
  });
}

function start() {
  clearInterval(state.timer);
  state.timer = setInterval(refresh, pollMs);
  void refresh();
}

render();
if (state.key !== null) start();
