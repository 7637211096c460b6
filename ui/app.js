import { escape } from "./escape-html.js";
import { dateTime, t } from "./format.js";
import { $, api, state } from "./state.js";
import { health } from "./view-health.js";
import { bindKnowledgeSearch, knowledge } from "./view-knowledge.js";
import { models } from "./view-models.js";
import { overview } from "./view-overview.js";
import { bindAuditSearch, privacy } from "./view-privacy.js";
import { routing } from "./view-routing.js";
import { drawnChartWidth, drawViewCharts, resetCharts } from "./widgets.js";

/*
 * The Colibrí dashboard: plain modules, no framework, no CDN. It reads GET /admin/dashboard (the
 * admin key) or GET /v1/dashboard (a tenant's key, its own data only) every few seconds and
 * draws the views from that JSON; the audit search posts to /admin/audit/check.
 */
const pollMs = 5000;

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
  state.data = state.audit = state.auditCheck = state.refreshError = undefined;
  clearInterval(state.timer);
  render();
}

async function refresh() {
  try {
    state.data = await api(dashboardPath());
    if (state.kind === "admin" && state.view === "privacy") {
      state.audit = await api(`/admin/audit?since=${$("#range").value}&limit=50`);
    }
    if (state.kind === "admin" && state.view === "knowledge") {
      state.knowledge = await api("/admin/knowledge");
    }
    state.refreshError = undefined;
  } catch (error) {
    if (error.status === 401) return logOut();
    state.refreshError = error.message;
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
  // In render, so that a change of language rewrites it too.
  $("#status").textContent =
    state.refreshError ??
    (state.data === undefined ? "" : t("updated", { time: dateTime(state.data.generatedAt) }));
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
  // Nor the test question of the knowledge view (its text is kept in state; the focus here).
  const asking = document.activeElement?.id === "kb-question";
  resetCharts();
  section.innerHTML = viewer + views[state.view](state.data);
  drawViewCharts();
  if ($("#audit-value") !== null) {
    $("#audit-value").value = typed;
    $("#audit-result").textContent = answer;
    if (focused) $("#audit-value").focus();
  }
  if (state.view === "privacy") bindAuditSearch(render);
  if (state.view === "knowledge") {
    bindKnowledgeSearch(render);
    if (asking) $("#kb-question")?.focus();
  }
}

const views = { overview, routing, privacy, health, models, knowledge };

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
  if ((document.querySelector(".chart-slot")?.clientWidth ?? 0) !== drawnChartWidth())
    drawViewCharts();
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
