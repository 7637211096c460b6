import { locales, messages } from "./i18n.js";
import { state } from "./state.js";

/* Text in the viewer's language: messages, codes, numbers, money, dates and sizes. */

export const t = (key, values = {}) =>
  (messages[state.language][key] ?? key).replace(/\{(\w+)\}/g, (_, name) =>
    String(values[name] ?? ""),
  );
export const locale = () => locales[state.language];
/** A code from the JSON (a route, reason, outcome, action or state) in the viewer's language. */
export const code = (value) => {
  if (value === null || value === undefined || value === "") return "";
  if (value.startsWith("rule:")) return t("code.rule", { name: value.slice(5) });
  const key = `code.${value}`;
  return key in messages[state.language] ? t(key) : value;
};
export const number = (value, digits = 0) =>
  new Intl.NumberFormat(locale(), { maximumFractionDigits: digits }).format(value);
export const money = (value) =>
  new Intl.NumberFormat(locale(), {
    style: "currency",
    currency: "USD",
    minimumFractionDigits: 2,
    maximumFractionDigits: Math.abs(value) < 1 ? 4 : 2,
  }).format(value);
export const percent = (part, whole) =>
  new Intl.NumberFormat(locale(), { style: "percent", maximumFractionDigits: 0 }).format(
    whole === 0 ? 0 : part / whole,
  );
export const dateTime = (iso) =>
  new Intl.DateTimeFormat(locale(), { dateStyle: "short", timeStyle: "short" }).format(
    new Date(iso),
  );
/** A provider's last failure: its class, HTTP status and time (the API never sends its text). */
export const failure = (last) =>
  last == null
    ? ""
    : [last.class, last.status == null ? null : `HTTP ${last.status}`, dateTime(last.at)]
        .filter((part) => part !== null)
        .join(" · ");
export const bucketLabel = (iso, bucket) =>
  new Intl.DateTimeFormat(
    locale(),
    bucket === "hour" ? { hour: "2-digit", minute: "2-digit" } : { day: "numeric", month: "short" },
  ).format(new Date(iso));
export const bytes = (value) =>
  new Intl.NumberFormat(locale(), {
    style: "unit",
    unit: "megabyte",
    maximumFractionDigits: 0,
  }).format(value / 1_048_576);
