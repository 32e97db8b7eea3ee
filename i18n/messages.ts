/**
 * A locale's messages: messages/<locale>.json, and the namespaces of features kept in files of their own
 * (messages/features/<feature>.json, each `{ "zh": {…}, "zh-Hant": {…}, "en": {…} }`), so that work on
 * one feature does not rewrite the shared files. A namespace is defined once: a feature file may not
 * redefine one of the locale file's.
 */
import facets from '@/messages/features/facets.json';
import facsimile from '@/messages/features/facsimile.json';
import listen from '@/messages/features/listen.json';
import menu from '@/messages/features/menu.json';
import type { routing } from './routing';

type Locale = (typeof routing.locales)[number];

export const FEATURE_MESSAGES = { facets, facsimile, listen, menu };

export async function messagesFor(locale: Locale) {
  const base = (await import(`../messages/${locale}.json`)).default as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  for (const [feature, byLocale] of Object.entries(FEATURE_MESSAGES)) {
    for (const [ns, value] of Object.entries((byLocale as Record<Locale, Record<string, unknown>>)[locale])) {
      if (ns in merged)
        throw new Error(`messages/features/${feature}.json: namespace ${ns} is defined twice`);
      merged[ns] = value;
    }
  }
  return merged;
}
