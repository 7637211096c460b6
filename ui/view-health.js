import { escape } from "./escape-html.js";
import { code, failure, number, t } from "./format.js";
import { kpi, panel, table } from "./widgets.js";

export function health(data) {
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
}
