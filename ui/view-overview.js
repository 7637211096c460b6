import { money, number, percent, t } from "./format.js";
import { kpi, lines, panel, stackedBars } from "./widgets.js";

export function overview(data) {
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
}
