import { escape } from "./escape-html.js";
import { bytes, number, t } from "./format.js";
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
    )}`;
}
