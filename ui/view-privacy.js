import { escape } from "./escape-html.js";
import { code, dateTime, number, t } from "./format.js";
import { $, api, state } from "./state.js";
import { kpi, panel, stackedBars, table } from "./widgets.js";

export function privacy(data) {
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
                 .map(([type, n]) => `${code(type)}×${n}`)
                 .join(", "),
             ])
           : state.auditCheck.sightings.map((sighting) => [
               dateTime(sighting.createdAt),
               sighting.tenant ?? "",
               sighting.provider,
               code(sighting.outcome),
               code(sighting.action),
               code(sighting.type),
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
          // Names, addresses and health data by their name in the viewer's language.
          code(r.type),
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
}

/** The audit search of the privacy view: `render` draws the view again with its answer. */
export function bindAuditSearch(render) {
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
