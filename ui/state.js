import { browserLanguage } from "./i18n.js";

/** What the dashboard shows and for whom: the key, the view, and the last data read. */
export const state = {
  key: sessionStorage.getItem("colibri.key"),
  kind: sessionStorage.getItem("colibri.kind"),
  language: localStorage.getItem("colibri.language") ?? browserLanguage(navigator.languages),
  view: location.hash.slice(1) || "overview",
  data: undefined,
  audit: undefined,
  /** Why the last refresh failed, shown in place of when the data was read; undefined: it did not. */
  refreshError: undefined,
  timer: undefined,
};

export const $ = (selector) => document.querySelector(selector);

/** A JSON call with the key; a failure throws an Error carrying the HTTP status. */
export async function api(path, init = {}) {
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
