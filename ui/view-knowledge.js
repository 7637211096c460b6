import { escape } from "./escape-html.js";
import { code, dateTime, number, t } from "./format.js";
import { $, api, state } from "./state.js";
import { panel, table } from "./widgets.js";

/*
 * Knowledge bases (admin key only): each tenant's bases with their documents and ingestion
 * status, from GET /admin/knowledge, and a test question against one base
 * (POST /admin/knowledge/search) showing the passages found with their scores.
 */
export function knowledge(data) {
  if (data.viewer.kind !== "admin") {
    return panel(t("tab.knowledge"), `<p class="muted">${escape(t("adminOnly"))}</p>`);
  }
  const overview = state.knowledge;
  if (overview === undefined) return panel(t("tab.knowledge"), `<p class="muted">…</p>`);
  const retrieval =
    overview.retrieval === "hybrid"
      ? t("kb.hybrid", { model: overview.embedding_model })
      : t("kb.bm25Only");
  const bases = overview.tenants.flatMap((tenant) =>
    tenant.knowledge_bases.map((base) => ({ tenant: tenant.tenant, base })),
  );
  if (bases.length === 0) {
    return panel(
      t("tab.knowledge"),
      `<p class="muted">${escape(retrieval)}</p><p class="muted">${escape(t("kb.none"))}</p>`,
    );
  }
  const baseLabel = ({ tenant, base }) => `${tenant} / ${base.name}`;
  const chosen = state.knowledgeBase ?? `${bases[0].tenant}\n${bases[0].base.id}`;
  const options = bases
    .map(({ tenant, base }) => {
      const value = `${tenant}\n${base.id}`;
      return `<option value="${escape(value)}"${value === chosen ? " selected" : ""}>${escape(baseLabel({ tenant, base }))}</option>`;
    })
    .join("");
  const form = `<form class="search" id="kb-search">
      <select id="kb-base" aria-label="${escape(t("kb.base"))}">${options}</select>
      <input id="kb-question" type="search" autocomplete="off" value="${escape(state.knowledgeQuestion ?? "")}" placeholder="${escape(t("kb.questionHint"))}" />
      <button type="submit">${escape(t("search"))}</button>
    </form><p id="kb-result" class="muted" role="status">${escape(state.knowledgeError ?? "")}</p>`;
  const answered = state.knowledgeAnswer;
  const answeredBase = bases.find(({ base }) => base.id === answered?.knowledge_base)?.base;
  const warning =
    answered?.embedding_warning === undefined || answeredBase === undefined
      ? ""
      : staleVectors(
          { ...answeredBase, embedding_warning: answered.embedding_warning },
          overview.embedding_model,
        );
  return `${panel(t("kb.test"), `<p class="muted">${escape(retrieval)}</p>${form}${warning}${passages(answered)}`)}
    ${bases.map((entry) => basePanel(entry, baseLabel(entry), overview.embedding_model)).join("")}`;
}

/** A base whose vectors another model made: searched by full text until it is reindexed. */
function staleVectors(base, configured) {
  if (base.embedding_warning === null || base.embedding_warning === undefined) return "";
  const message = t("kb.staleVectors", {
    recorded: base.vectors_model,
    configured,
    name: base.name,
  });
  return `<p class="error" data-kb-stale="${escape(base.id)}">${escape(message)}</p>`;
}

function basePanel({ base }, label, configured) {
  const summary = t("kb.summary", {
    language: base.language ?? "—",
    chunks: number(base.chunks),
    embedded: number(base.embedded),
  });
  return panel(
    label,
    `<p class="muted" data-kb-summary="${escape(base.id)}">${escape(summary)}</p>${staleVectors(base, configured)}${table(
      [t("kb.document"), t("kb.status"), t("kb.passages"), t("kb.updated"), t("kb.error")],
      base.documents.map((document) => [
        document.name,
        code(document.status),
        number(document.chunks),
        dateTime(new Date(document.updated_at).toISOString()),
        document.error ?? "",
      ]),
      [2],
    )}`,
  );
}

function passages(answer) {
  if (answer === undefined) return "";
  if (answer.passages.length === 0) return `<p class="muted">${escape(t("kb.noPassage"))}</p>`;
  const score = (value) => (value === null ? "—" : number(value, 3));
  return `<ol class="passages">${answer.passages
    .map((passage) => {
      const where = [
        passage.document,
        passage.heading.length === 0 ? null : passage.heading.join(" › "),
        passage.page === null ? null : t("kb.page", { page: passage.page }),
      ].filter((part) => part !== null);
      const scores = t("kb.scores", {
        score: score(passage.score),
        bm25: score(passage.bm25),
        similarity: score(passage.similarity),
      });
      return `<li data-passage><div><strong>${escape(where.join(" — "))}</strong> <span class="muted">${escape(scores)}</span></div><p>${escape(passage.text)}</p></li>`;
    })
    .join("")}</ol>`;
}

/** The test question's form: `render` draws the view again with the passages found. */
export function bindKnowledgeSearch(render) {
  const form = $("#kb-search");
  if (form === null) return;
  $("#kb-question").addEventListener("input", (event) => {
    state.knowledgeQuestion = event.target.value;
  });
  $("#kb-base").addEventListener("change", (event) => {
    state.knowledgeBase = event.target.value;
  });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const [tenant, base] = $("#kb-base").value.split("\n");
    state.knowledgeBase = $("#kb-base").value;
    state.knowledgeQuestion = $("#kb-question").value;
    try {
      state.knowledgeAnswer = await api("/admin/knowledge/search", {
        method: "POST",
        body: JSON.stringify({
          tenant,
          knowledge_base: base,
          question: state.knowledgeQuestion,
        }),
      });
      state.knowledgeError = undefined;
    } catch (error) {
      state.knowledgeAnswer = undefined;
      state.knowledgeError = error.message;
    }
    render();
  });
}
