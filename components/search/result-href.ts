/** The link from a search result to its article, carrying the terms (?hl=) to highlight there. */
import { articlePath } from '@/lib/content/urls';

export function resultHref(
  locale: string,
  hit: { date: string; page: number; id: string },
  terms: string[],
): string {
  const params = new URLSearchParams();
  for (const t of terms) params.append('hl', t);
  const qs = params.toString();
  return articlePath(locale, hit.date, hit.page, hit.id) + (qs ? `?${qs}` : '');
}
