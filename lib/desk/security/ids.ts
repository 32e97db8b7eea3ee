/**
 * The desk's ids (an issue date, a page number) checked before any path is built from them, and
 * the page's files built from checked ids only. The checks are the whole-string patterns of the
 * reader's routes (lib/content/params.ts), so `..`, `%2e%2e`, a slash, a NUL or a space in an id is
 * refused by its shape, not by looking for bad characters; the path check after is defence in depth.
 */
import path from 'node:path';
import { isIsoDate as isCalendarDate } from '../../date';
import { BadRequest } from './errors';

/** A real calendar date written YYYY-MM-DD: the name of an issue folder in content/. */
export function isIsoDate(s: unknown): s is string {
  return typeof s === 'string' && isCalendarDate(s);
}

/** A page number 1–999 in canonical form: digits only, no sign, space or leading zero (as in the reader's URLs). */
export function isPageNumber(s: unknown): s is string {
  return typeof s === 'string' && /^[1-9]\d{0,2}$/.test(s);
}

export interface PageFiles {
  /** The page as imported: `<dir>/<date>/<NN>.md`. */
  raw: string;
  /** The editor's corrections beside it: `<dir>/<date>/<NN>.overrides.yaml` (lib/ingest/overrides.ts). */
  overrides: string;
}

/**
 * A page's files under contentDir, named as the importer and the generator write them: the page
 * number zero-padded to two digits (01.md … 99.md, 100.md). Throws BadRequest for an id that is not
 * a date or page number, and if a path would land outside contentDir.
 */
export function pageFiles(contentDir: string, date: string, page: string | number): PageFiles {
  if (!isIsoDate(date)) throw new BadRequest('not an issue date');
  const number = typeof page === 'number' ? String(page) : page;
  if (!isPageNumber(number)) throw new BadRequest('not a page number');
  const dir = path.resolve(contentDir);
  const nn = number.padStart(2, '0');
  const files = {
    raw: path.resolve(dir, date, `${nn}.md`),
    overrides: path.resolve(dir, date, `${nn}.overrides.yaml`),
  };
  for (const file of Object.values(files)) {
    const rel = path.relative(dir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel) || path.dirname(rel) !== date)
      throw new BadRequest('page path outside the content folder');
  }
  return files;
}
