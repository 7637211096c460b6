import { escape } from "./escape-html.js";
import { code, dateTime, number, percent, t } from "./format.js";
import { messages } from "./i18n.js";
import { state } from "./state.js";
import { kpi, lines, panel, table } from "./widgets.js";

export function routing(data) {
  const { routing, router, series, range, totals, languages, feedback } = data;
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
      t("byLanguage"),
      table(
        [t("language"), t("count"), t("tokens"), t("cloudShare")],
        languages.map((l) => [
          languageName(l.language),
          number(l.requests),
          number(l.promptTokens + l.completionTokens),
          percent(l.cloud, l.requests),
        ]),
        [1, 2, 3],
      ),
    )}
    ${panel(
      t("feedback"),
      feedback.length === 0
        ? `<p class="muted">${escape(t("noFeedback"))}</p>`
        : table(
            [t("model"), t("route"), t("ratedGood"), t("ratedBad"), t("goodShare"), t("corrected")],
            feedback.map((f) => [
              f.model,
              code(f.target),
              number(f.good),
              number(f.bad),
              percent(f.good, f.good + f.bad),
              number(f.corrected),
            ]),
            [2, 3, 4, 5],
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
        [t("time"), t("tenant"), t("model"), t("route"), t("reason"), t("confidence"), t("status")],
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
}

/** A request language's name in the viewer's language (ISO 639 codes of the region, "other"). */
function languageName(language) {
  const key = `lang.${language}`;
  return key in messages[state.language] ? t(key) : language;
}
