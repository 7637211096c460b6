import { en } from "./i18n-en.js";
import { es } from "./i18n-es.js";
import { pt } from "./i18n-pt.js";

/** The dashboard's words in Spanish, Portuguese and English; numbers and dates come from Intl. */
export const locales = { es: "es-419", pt: "pt-BR", en: "en-US" };

export const messages = { es, pt, en };

/** The language the browser prefers, if the dashboard speaks it; else Spanish. */
export function browserLanguage(languages) {
  for (const tag of languages) {
    const base = tag.toLowerCase().slice(0, 2);
    if (base in messages) return base;
  }
  return "es";
}
