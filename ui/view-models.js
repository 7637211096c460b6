import { escape } from "./escape-html.js";
import { bytes, dateTime, number, t } from "./format.js";
import { kpi, panel, table } from "./widgets.js";

export function models(data) {
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
    )}
    ${models.updates ? updates(models.updates) : ""}`;
}

const share = (value) => (value === null ? "–" : `${number(value * 100, 1)} %`);
const scope = (value) =>
  value === "all" ? t("everyTenant") : t("oneTenant", { name: value.slice("tenant:".length) });

/** Safe model updates: who serves whom, the candidate's measurements, every change of model. */
function updates({ serving, candidate, events }) {
  const roles = table(
    [t("model"), t("servesFor"), t("role"), t("mode"), t("candidateShare")],
    serving.map((row) => [
      row.model,
      scope(row.scope),
      t(`role.${row.role}`),
      row.mode === null ? "–" : t(`mode.${row.mode}`),
      share(row.share),
    ]),
    [4],
  );
  const measured = candidate === null ? "" : comparison(candidate);
  const history = table(
    [t("when"), t("event"), t("model"), t("before"), t("by"), t("why")],
    events.map((event) => [
      dateTime(event.createdAt),
      t(`event.${event.kind}`),
      event.model,
      event.previous ?? "–",
      event.actor,
      event.reason,
    ]),
  );
  return `${panel(t("modelUpdates"), `${roles}${measured}`)}${panel(t("modelEvents"), history)}`;
}

function comparison(candidate) {
  const { current, measured, decision } = candidate;
  if (current === null || measured === null) {
    return `<p class="muted" data-rollout="waiting">${escape(t("candidateWaiting", { model: candidate.model }))}</p>`;
  }
  const row = (label, pick, format) => [label, format(pick(current)), format(pick(measured))];
  const ratio = (value) => (value === null ? "–" : `${number(value * 100, 1)} %`);
  const ms = (value) => `${number(value)} ms`;
  const signals = table(
    [t("signal"), t("currentModel"), candidate.model],
    [
      row(t("answersMeasured"), (s) => s.requests, number),
      row(t("wouldEscalate"), (s) => s.escalation, ratio),
      row(t("runawayShare"), (s) => s.runaway, ratio),
      row(t("errorRate"), (s) => s.errors, ratio),
      row(t("badFeedbackShare"), (s) => s.badFeedback, ratio),
      row(t("latencyP50"), (s) => s.latencyP50Ms, ms),
      row(t("agreement"), (s) => s.agreement, ratio),
    ],
    [1, 2],
  );
  const verdict =
    decision === null
      ? ""
      : `<p data-rollout="${escape(decision.action)}"><strong>${escape(t(`decision.${decision.action}`))}</strong> · ${escape(decision.reason)}</p>`;
  return `${verdict}${signals}`;
}
