/**
 * Which reader URLs exist, decided before rendering: the proxy answers anything else with the
 * localized 404 page and status 404. (Next.js 16 renders a notFound() thrown during a dynamic
 * render as an empty shell that only JavaScript fills, vercel/next.js#62228; checking first keeps
 * the 404 page readable without JavaScript.)
 */
import type { Archive } from './load';
import { parseArticleId, parseDate, parseMonth, parsePageNumber } from './params';

/** Static sections under /<locale>/ that other routes own; paths below them are theirs to judge. */
export const SECTIONS = new Set(['search']);

/** True if /<locale>/<segments…> names something the reader can show, or belongs to a section. */
export function readerPathExists(segments: readonly string[], archive: Archive): boolean {
  const [first, second, third, ...rest] = segments;
  // An article's generated link-preview images (opengraph-image, twitter-image) sit below it.
  const more = third !== undefined && rest.length === 1 && /^(opengraph|twitter)-image\b/.test(rest[0]!) ? [] : rest;
  if (first === undefined) return true;
  if (SECTIONS.has(first)) return true;
  if (first === 'archive') {
    if (second === undefined) return third === undefined;
    return third === undefined && parseMonth(second) !== null;
  }
  const date = parseDate(first);
  const issue = date ? archive.byDate.get(date) : undefined;
  if (!issue || more.length > 0) return false;
  if (second === undefined) return true;
  const page = parsePageNumber(second);
  if (page === null) return false;
  if (third === undefined) return issue.pages.some((p) => p.meta.page === page);
  // An article is found by id; if re-ingest moved it to another page, its route redirects there.
  const id = parseArticleId(third);
  return id !== null && issue.articles.has(id);
}
