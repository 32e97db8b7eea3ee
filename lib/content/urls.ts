/**
 * The reader's URL scheme, in one place: short, readable and stable.
 *   /zh/2025-07-31            an issue (its front page)
 *   /zh/2025-07-31/1          page 1 of that issue
 *   /zh/2025-07-31/1/<id>     an article (ids are stable across re-ingest)
 *   /zh/archive[/2025-07]     the archive calendar
 */

export function siteUrl(): string {
  const raw = process.env.SITE_URL?.trim() || 'http://localhost:3000';
  return raw.replace(/\/+$/, '');
}

export function issuePath(locale: string, date: string): string {
  return `/${locale}/${date}`;
}

export function pagePath(locale: string, date: string, page: number): string {
  return `/${locale}/${date}/${page}`;
}

export function articlePath(locale: string, date: string, page: number, id: string): string {
  return `/${locale}/${date}/${page}/${id}`;
}

export function archivePath(locale: string, year?: number, month?: number): string {
  if (year === undefined || month === undefined) return `/${locale}/archive`;
  return `/${locale}/archive/${year}-${String(month).padStart(2, '0')}`;
}

/** Page numbers as papers print them: 01, 02 … */
export function pageNumberLabel(page: number): string {
  return String(page).padStart(2, '0');
}
